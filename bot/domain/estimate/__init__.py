"""The reimbursement estimate: rules from knowledge/rules, the calculation, the
interview steps, and reading typed answers and whole cases. Pure Python."""
