"""A city named with an English possessive (Xiangtan's hotline) is that city, never read past to another city's entry.
Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.assistant import Assistant
from bot.testing.client import shared_store
from tests.conftest import KNOWLEDGE


@pytest.fixture(scope="module")
def assistant():
    return Assistant(shared_store(KNOWLEDGE))


def answered(assistant: Assistant, question: str) -> str | None:
    """The entry answering the question, None when it is not answered."""
    reply = assistant.ask(question, assistant.language_of(question) or "zh")
    return reply.entry.id if reply.outcome == "answered" and reply.entry is not None else None


# ---- a possessive city --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["Xiangtan's medical insurance phone number?", "What is Heihe's own local medical insurance hotline?",
                                      "What's Hengyang’s medical insurance phone number?"])
def test_a_possessive_city_is_not_answered_with_quzhous_hotline(assistant, question):
    reply = assistant.ask(question, "en")
    assert reply.outcome == "declined"
    assert reply.region_id != "quzhou" and "12393" not in reply.answer


def test_quzhous_possessive_still_gets_quzhous_hotline(assistant):
    assert answered(assistant, "Quzhou's medical insurance phone number?") == "quzhou/services/hotline"
