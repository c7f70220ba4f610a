"""Incoming flood control (outgoing: Telegram's 429 is honoured in bot/telegram/session.py).

`ThrottlingMiddleware`, a per-user token bucket on messages and button presses. A user may
send a short burst at once, then `rate` per second; beyond that the bot answers one polite "please
slow down" per burst (at most one per
`burst / rate` seconds, the time the bucket takes to refill) and drops the rest (no handler runs, no knowledge search, no Bot API call).
State is in memory, per process: with several webhook replicas each one limits on its own.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.views.presenter import Presenter
from bot.views.render import DEFAULT_LOCALE

log = logging.getLogger("bot.flood")


@dataclass
class Bucket:
    tokens: float
    updated: float
    warned_at: float | None = None


class ThrottlingMiddleware(BaseMiddleware):
    """Outer middleware for messages and callback queries (register after the user context: `locale`)."""

    MAX_USERS = 10_000  # above this many buckets, idle (full) ones are forgotten

    def __init__(self, rate: float, burst: int = 5, clock: Callable[[], float] = time.monotonic):
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate, self.burst, self.clock = rate, burst, clock
        self.buckets: dict[int, Bucket] = {}

    def allow(self, user_id: int) -> bool | None:
        """True: go ahead. False: drop and warn (first refusal of a burst). None: drop silently."""
        now = self.clock()
        bucket = self.buckets.get(user_id)
        if bucket is None:
            if len(self.buckets) >= self.MAX_USERS:
                self._forget_idle(now)
            bucket = self.buckets[user_id] = Bucket(tokens=float(self.burst), updated=now)
        bucket.tokens = min(float(self.burst), bucket.tokens + (now - bucket.updated) * self.rate)
        bucket.updated = now
        if bucket.tokens >= 1:
            bucket.tokens -= 1
            return True
        if bucket.warned_at is not None and now - bucket.warned_at < self.burst / self.rate:
            return None  # warned for this burst already: a flood must not turn into a flood of warnings
        bucket.warned_at = now
        return False

    def _forget_idle(self, now: float) -> None:
        refill_time = self.burst / self.rate
        for user_id in [uid for uid, bucket in self.buckets.items() if now - bucket.updated >= refill_time]:
            del self.buckets[user_id]

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await handler(event, data)
        verdict = self.allow(user.id)
        if verdict:
            return await handler(event, data)
        trace = data.get("trace")
        if trace is not None:
            trace["handler"], trace["outcome"] = "throttled", "throttled"
        if verdict is False:
            log.info("flood: asking a user to slow down")
            presenter: Presenter = data["presenter"]
            text = presenter.tr(data.get("locale", DEFAULT_LOCALE), "您发得有点快，请稍等几秒再发。")
            if isinstance(event, Message):
                await event.answer(text)
            elif isinstance(event, CallbackQuery):
                await event.answer(text)
        return None
