"""Fixtures the unit tests share: the reimbursement rules as shipped, the dialogue over them, and the search index
over the shipped knowledge (one per test module)."""
import pytest

from bot.domain.estimate.interview import Interview
from bot.domain.estimate.rules import load_rules
from tests.conftest import KNOWLEDGE
from tests.unit.shipped import shipped_index


@pytest.fixture(scope="module")
def rules():
    book, problems = load_rules(KNOWLEDGE / "rules", str)
    assert problems == []
    return book


@pytest.fixture(scope="module")
def interview(rules):
    return Interview(rules)


@pytest.fixture(scope="module")
def index():
    return shipped_index()
