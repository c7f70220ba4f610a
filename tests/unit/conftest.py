"""Fixtures the estimate tests share: the reimbursement rules as shipped, and the dialogue over them."""
import pytest

from bot.domain.estimate.interview import Interview
from bot.domain.estimate.rules import load_rules
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def rules():
    book, problems = load_rules(KNOWLEDGE / "rules", str)
    assert problems == []
    return book


@pytest.fixture(scope="module")
def interview(rules):
    return Interview(rules)
