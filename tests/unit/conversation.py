"""Talking to the real dispatcher through a recording bot session: what the tests of a whole conversation share."""
from __future__ import annotations

from bot.testing.client import DialogueClient


async def replies(*messages: str, language_code: str = "zh-hans") -> list[str]:
    """The text of every reply, in order, to these messages sent by one new user (no update may fail)."""
    async with DialogueClient(language_code=language_code) as chat:
        for message in messages:
            await chat.send(message)
        assert not chat.errors
        return [reply.text for reply in chat.history]


async def answer_to_last(*messages: str, language_code: str = "zh-hans") -> str:
    """The text of the replies to the last of these messages, sent by one new user after the others (no update may fail)."""
    async with DialogueClient(language_code=language_code) as chat:
        for message in messages[:-1]:
            await chat.send(message)
        last = await chat.send(messages[-1])
        assert not chat.errors
        return "\n".join(reply.text for reply in last)
