"""Many residents (or one impatient one) feeding the real dispatcher at once.

Each resident's updates start in the order they were sent, all at the same time, as Telegram
hands them to a bot that handles updates concurrently. What the bot sent is read back per chat.
"""
from __future__ import annotations

import asyncio
import html
import itertools
import re
import time
from datetime import datetime, timezone

from aiogram.methods import SendMessage
from aiogram.types import Update

from bot.testing.client import DialogueClient

# Estimate E1 typed (tests/dialogues/estimate_e1_typed.yaml): after /estimate, nine answers.
E1_ANSWERS = ["衢州", "居民", "住院", "三级", "市内", "10万", "2万", "否", "是"]
E1_TOTAL = "85,909.00"
APOLOGY = "抱歉，我这边出了点问题"
TAGS = re.compile(r"<[^>]+>")
_update_ids = itertools.count(time.time_ns() // 1000 + 10**12)


def message_update(client: DialogueClient, user_id: int, text: str) -> Update:
    fields: dict = {"text": text}
    if text.startswith("/"):
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    user = {"id": user_id, "is_bot": False, "first_name": f"R{user_id}", "language_code": "zh-hans"}
    return Update.model_validate({"update_id": next(_update_ids), "message": {
        "message_id": next(_update_ids) % 10**9, "date": datetime.now(timezone.utc),
        "chat": {"id": user_id, "type": "private"}, "from": user, **fields}}, context={"bot": client.bot})


def replies(client: DialogueClient, chat_id: int) -> list[str]:
    return [html.unescape(TAGS.sub("", method.text)) for method in client.session.calls
            if isinstance(method, SendMessage) and method.chat_id == chat_id]


async def sequential_replay(client: DialogueClient, user_id: int, texts: list[str]) -> list[str]:
    for text in texts:
        await client.dispatcher.feed_update(client.bot, message_update(client, user_id, text))
    return replies(client, user_id)


async def burst(client: DialogueClient, user_id: int, texts: list[str]) -> None:
    """All of one resident's messages in flight at once, started in the order sent."""
    updates = [message_update(client, user_id, text) for text in texts]
    await asyncio.gather(*(client.dispatcher.feed_update(client.bot, update) for update in updates))


async def crowd(client: DialogueClient, user_ids: list[int], texts: list[str]) -> None:
    """Every resident starts an estimate, then all their answers arrive together with everyone else's."""
    await asyncio.gather(*(client.dispatcher.feed_update(client.bot, message_update(client, user, "/estimate")) for user in user_ids))
    await asyncio.gather(*(burst(client, user, texts) for user in user_ids))
