"""Reading a resident's question and finding the entry that answers it: normalising,
typo and spoken-style reading, facets, ranking and the decision rules. Pure Python."""
