"""Per-update context: who the user is (language, city), throttling, one log line per update."""
from __future__ import annotations

import logging
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable

from aiogram import BaseMiddleware, Router
from aiogram.types import Message, TelegramObject, Update, User

from bot.storage.database import Database
from bot.views.render import DEFAULT_LOCALE, normalize_locale

log = logging.getLogger("bot.updates")


class UserContextMiddleware(BaseMiddleware):
    """Hands `locale` and `city` to handlers, from the user's saved choices.

    Everything that speaks translates with that `locale` (the presenters, throttling), so no gettext
    context is entered per update: aiogram's I18nMiddleware cost two context managers on each.
    """

    TYPED_KEPT = 30 * 60  # seconds a resident's last written language holds for messages that do not tell one
    TYPED_USERS = 10_000  # residents whose last language is kept (the oldest forgotten first)

    def __init__(self, database: Database, clock: Callable[[], float] = time.monotonic):
        self.database = database
        self.clock = clock
        self._typed: OrderedDict[int, tuple[str, float]] = OrderedDict()  # user id -> (language last written in, when)

    def setup(self, router: Router, exclude: set[str] = frozenset()) -> None:
        """Outer middleware of every event but the update itself (and `exclude`), as aiogram's I18n."""
        for event_name, observer in router.observers.items():
            if event_name not in {"update", *exclude}:
                observer.outer_middleware(self)

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        await self.get_locale(event, data)
        return await handler(event, data)

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        user: User | None = data.get("event_from_user")
        if user is None:
            data["locale"], data["city"] = DEFAULT_LOCALE, None
            return DEFAULT_LOCALE
        self.database.touch_user(user.id)
        profile = self.database.profile(user.id)
        # A language chosen with /lang wins; else the one the message is written in; else Telegram's.
        locale = profile.language
        if locale is None:
            # …a message that does not tell (5000, yes, a button, 衢州 written alike in both scripts) keeps the
            # language the resident last wrote in, a moment ago; only then Telegram's
            telegram = normalize_locale(user.language_code)
            last = self._last_typed(user.id) or telegram
            typed = _typed_language(event, data)
            # 你好, 在吗: written alike in both scripts, so it tells Chinese but not which script.
            if typed == "zh" and last == "zh_Hant" and _same_in_both_scripts(event, data):
                typed = last  # (asked only then: converting the text both ways costs more than the rest of this)
            locale = typed or last
            if typed:
                self._remember_typed(user.id, typed)
        data["locale"], data["city"] = locale, profile.city
        return locale

    def _last_typed(self, user_id: int) -> str | None:
        kept = self._typed.get(user_id)
        return kept[0] if kept is not None and self.clock() - kept[1] <= self.TYPED_KEPT else None

    def _remember_typed(self, user_id: int, language: str) -> None:
        self._typed[user_id] = (language, self.clock())
        self._typed.move_to_end(user_id)
        while len(self._typed) > self.TYPED_USERS:
            self._typed.popitem(last=False)


def _text_of(event: TelegramObject) -> str | None:
    message = event.message if isinstance(event, Update) else event
    return message.text if isinstance(message, Message) else None  # a button press has no text to read


def _typed_language(event: TelegramObject, data: dict[str, Any]) -> str | None:
    text = _text_of(event)
    assistant = data.get("assistant")
    if not text or text.startswith("/") or assistant is None:
        return None
    return assistant.language_of(text)


def _same_in_both_scripts(event: TelegramObject, data: dict[str, Any]) -> bool:
    text = _text_of(event)
    assistant = data.get("assistant")
    return bool(text) and assistant is not None and assistant.same_in_both_scripts(text)


class UpdateLogMiddleware(BaseMiddleware):
    """Outer, on updates: one structured line per update (user hash, handler, outcome, ms).

    Handlers that know their outcome (answered, declined…) write it into the shared `trace` dict.
    """

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        started = time.perf_counter()
        trace: dict[str, str] = {"handler": "-", "outcome": "error"}
        data["trace"] = trace
        try:
            result = await handler(event, data)
            if trace["outcome"] == "error":
                trace["outcome"] = "ok" if trace["handler"] != "-" else "unhandled"
            return result
        finally:
            if log.isEnabledFor(logging.INFO):
                user: User | None = data.get("event_from_user")
                database: Database | None = data.get("database")
                log.info(
                    "update=%s user=%s handler=%s outcome=%s ms=%.1f",
                    event.update_id if isinstance(event, Update) else "-",
                    database.user_hash(user.id) if user and database else "-",
                    trace["handler"],
                    trace["outcome"],
                    (time.perf_counter() - started) * 1000,
                )


class HandlerNameMiddleware(BaseMiddleware):
    """Inner: records which handler the filters chose, for the update log line."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        trace = data.get("trace")
        handler_object = data.get("handler")
        if trace is not None and handler_object is not None:
            trace["handler"] = getattr(handler_object.callback, "__qualname__", "-")
        return await handler(event, data)
