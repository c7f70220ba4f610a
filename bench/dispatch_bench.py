"""µs per update through the real dispatcher (RecordingSession), against an echo-bot floor.

Updates are validated bound to the bot (`context={"bot": bot}`) before the clock starts; only
`dispatcher.feed_update` is timed. The floor is a Dispatcher with one router and one handler
(one async filter) replying message.text, fed through the same bot and session.
"""
from __future__ import annotations

import gc
import itertools
import statistics
import time
from datetime import datetime, timezone

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Dispatcher, Router
from aiogram.types import Message, Update

from bot.testing.client import BOT_USER, DialogueClient

FAQ_QUESTION = "惠衢保多少钱"
VAGUE_QUESTION = "报销"  # a did-you-mean: suggestions, no answer


class Updates:
    def __init__(self, bot, user, update_ids):
        self.bot, self.user = bot, user
        # Telegram's update ids only rise: go on from the client's, as the bot would see them. Ids
        # below the ones it already handled made every reply ask the file "sent before a restart?".
        self.update_ids = update_ids
        self.message_ids = itertools.count(1)

    def _bind(self, payload: dict) -> Update:
        return Update.model_validate({"update_id": next(self.update_ids), **payload}, context={"bot": self.bot})

    def message(self, text: str) -> Update:
        fields = {"text": text}
        if text.startswith("/"):
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self._bind({"message": {
            "message_id": next(self.message_ids), "date": datetime.now(timezone.utc),
            "chat": {"id": self.user.id, "type": "private"}, "from": self.user.model_dump(exclude_none=True), **fields}})

    def press(self, data: str) -> Update:
        return self._bind({"callback_query": {
            "id": str(next(self.update_ids)), "from": self.user.model_dump(exclude_none=True), "chat_instance": "1",
            "data": data, "message": {"message_id": 1, "date": datetime.now(timezone.utc),
                                      "chat": {"id": self.user.id, "type": "private"},
                                      "from": BOT_USER.model_dump(), "text": "…"}}})


def echo_dispatcher() -> Dispatcher:
    async def has_text(message: Message) -> bool:
        return message.text is not None

    router = Router(name="echo")

    @router.message(has_text)
    async def echo(message: Message) -> None:
        await message.answer(message.text)

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


async def estimate_path(client: DialogueClient) -> list[str]:
    """The callback data of one full estimate, found by pressing the first choice at each step."""
    await client.send("/estimate")
    path = []
    for _ in range(12):
        choices = [data for _, data in client.last_keyboard() if data.startswith(("a:est:", "a:est-amt:"))]  # choices, quick amounts
        if not choices:
            break
        path.append(choices[0])
        await client.press(choices[0].split(":", 2)[2] and next(label for label, data in client.last_keyboard() if data == choices[0]))
    await client.send("/cancel")
    return path


async def _timed(dispatcher, bot, updates: list[Update]) -> float:
    started = time.perf_counter_ns()
    for update in updates:
        await dispatcher.feed_update(bot, update)
    return (time.perf_counter_ns() - started) / 1000


async def run(rounds: int, count: int) -> dict:
    results: dict[str, list[float]] = {}
    calls_check: dict[str, int] = {}
    async with DialogueClient() as client:
        bot, real = client.bot, client.dispatcher
        echo = echo_dispatcher()
        make = Updates(bot, client.user, client._update_ids)
        path = await estimate_path(client)
        session = client.session

        async def per_update(name: str, dispatcher, build, n: int) -> float:
            updates = [build() for _ in range(n)]
            before = len(session.calls)
            gc.collect()
            total = await _timed(dispatcher, bot, updates)
            calls_check[name] = len(session.calls) - before
            return total / n

        async def step_update(n: int) -> float:
            # one estimate step: the first choice right after /estimate (the /estimate is not timed)
            total = 0.0
            for _ in range(n):
                await real.feed_update(bot, make.message("/estimate"))
                update = make.press(path[0])
                total += await _timed(real, bot, [update])
            return total / n

        async def full_estimate(n: int) -> float:
            total = 0.0
            for _ in range(n):
                updates = [make.message("/estimate")] + [make.press(data) for data in path]
                total += await _timed(real, bot, updates)
            return total / n

        kinds = {
            "echo": lambda n: per_update("echo", echo, lambda: make.message(FAQ_QUESTION), n),
            "faq": lambda n: per_update("faq", real, lambda: make.message(FAQ_QUESTION), n),
            "did_you_mean": lambda n: per_update("did_you_mean", real, lambda: make.message(VAGUE_QUESTION), n),
            "start": lambda n: per_update("start", real, lambda: make.message("/start"), n),
            "estimate_step": step_update,
            "full_estimate": lambda n: full_estimate(max(n // len(path), 5)),
        }
        for kind in kinds.values():  # warm-up: first-use costs (imports, templates, jieba) out of the figures
            await kind(10)
        for _ in range(rounds):
            for name, kind in kinds.items():
                results.setdefault(name, []).append(await kind(count))
        check = await client.send(FAQ_QUESTION)
        vague = await client.send(VAGUE_QUESTION)
    return {"us": results, "estimate_updates": len(path) + 1, "calls": calls_check,
            "faq_reply": check[0].text[:40] if check else "", "vague_reply": vague[0].text[:40] if vague else "",
            "count": count, "rounds": rounds}
