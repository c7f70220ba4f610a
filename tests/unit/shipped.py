"""Asking the shipped knowledge's search index, or the assistant over it: what the tests that put residents'
questions to it share."""
from __future__ import annotations

from pathlib import Path

from bot.domain.assistant import Assistant, Reply
from bot.domain.knowledge.loading import load_knowledge
from bot.domain.questions.search import SearchIndex, SearchResult
from bot.domain.questions.text import TextTools

ROOT = Path(__file__).resolve().parents[2]


def shipped_index() -> SearchIndex:
    result = load_knowledge(ROOT / "knowledge")
    assert result.ok, result.problems[:3]
    return SearchIndex.build(result.knowledge, TextTools(result.knowledge.vocabulary))


def conversation(assistant: Assistant, *questions: str) -> Reply | None:
    """Each question asked right after the one before, as that one was taken (every one before the last is answered
    here, so each is kept for the next); the last reply."""
    follows = reply = None
    for question in questions:
        reply = assistant.ask(question, assistant.language_of(question) or "zh", follows=follows)
        follows = reply.taken_as or question
    return reply


def answered(index: SearchIndex, question: str) -> str | None:
    """The entry answering the question, None when it is not answered."""
    result = index.search(question)
    return result.entry.id if result.outcome == "answered" else None


def lacking_asks(index: SearchIndex, result: SearchResult) -> list[str]:
    """The labels of what a decline says the knowledge lacks (asks_for), in its order."""
    return [index.understanding.spec.asks_for[int(value)].label for dimension, value in result.missing if dimension == "asks"]


def answered_entry(assistant: Assistant, question: str) -> str | None:
    """The entry answering the question, asked in the language it is written in; None when it is not answered."""
    reply = assistant.ask(question, assistant.language_of(question) or "zh")
    return reply.entry.id if reply.outcome == "answered" and reply.entry is not None else None


def text_of(replies) -> str:
    """The texts of a dialogue client's replies, one after the other."""
    return "\n".join(reply.text for reply in replies)


def entries_of(result) -> list[str]:
    """The entries a search result answers with, its own first, then those of the other questions or sides."""
    return [result.entry.id, *(entry.id for entry in result.also_asked)] if result.outcome == "answered" else []
