"""Fixtures the unit tests share: the reimbursement rules as shipped, the dialogue over them, the search index
over the shipped knowledge (one per test module), and the assistant over the knowledge store the tests share."""
import pytest

from bot.domain.assistant import Assistant
from bot.domain.estimate.interview import Interview
from bot.domain.estimate.rules import load_rules
from bot.testing.client import shared_store
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


@pytest.fixture(scope="module")
def assistant():
    return Assistant(shared_store(KNOWLEDGE))
