from functools import lru_cache
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.filters import Command, Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.types import CallbackQuery, Message, TelegramObject
from pydantic import ConfigDict


class Act(CallbackData, prefix="a"):
    """Every button of a View: what it does and on what (an entry id, a topic, a city…)."""

    model_config = ConfigDict(frozen=True)  # shared between updates by the cache below

    action: str
    value: str = ""

    @classmethod
    @lru_cache(maxsize=4096)
    def unpack(cls, value: str) -> "Act":
        # Every callback handler's filter unpacks the same data again (a pydantic model each time):
        # a pressed button is parsed once. Refusals (TypeError, ValueError) are raised, not cached.
        return super().unpack(value)


def pressed(query: CallbackQuery) -> Act | None:
    """The button a callback query presses, or None (no data, a game, data that is not ours)."""
    if not query.data:
        return None
    try:
        return Act.unpack(query.data)
    except (TypeError, ValueError):
        return None


class ActionIs(Filter):
    """A button with one of these actions; hands the handler its `callback_data` (as Act.filter does)."""

    def __init__(self, actions: frozenset[str]):
        self.actions = actions

    async def __call__(self, query: CallbackQuery) -> bool | dict[str, Any]:
        act = pressed(query)
        return {"callback_data": act} if act is not None and act.action in self.actions else False


async def looks_like_command(message: Message) -> bool:
    """Cheap, before aiogram's Command filter (which parses the text and raises on every other message)."""
    text = message.text or message.caption
    return bool(text) and text.startswith("/")


class FeatureRouter(Router):
    """A feature's router; its button handlers are registered with `@router.button(action, ...)` and
    its command handlers with `@router.command(Command(...))`.

    A pressed button passes a router with no handler for its action at once, and a message that is
    no command passes a router of commands only. aiogram would run the router's middleware wrapping
    and every filter of every router before the right one: a fifth of an estimate step. Any handler
    registered otherwise turns the shortcut off for its kind of update.
    """

    def __init__(self, *, name: str):
        super().__init__(name=name)
        self.actions: set[str] = set()
        self._buttons = 0
        self._commands = 0

    def button(self, *actions: str, filters: tuple = ()):
        self.actions.update(actions)
        self._buttons += 1
        return self.callback_query(ActionIs(frozenset(actions)), *filters)

    def command(self, command: Command, *filters):
        self._commands += 1
        return self.message(looks_like_command, command, *filters)

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        if update_type == "callback_query" and self._passes_by(event):
            return UNHANDLED
        if update_type == "message" and self._commands_only() and not await looks_like_command(event):
            return UNHANDLED
        observer = self.observers.get(update_type)
        if observer is not None and not len(observer.outer_middleware):
            # What aiogram does, without wrapping the router's handling in its (absent) outer
            # middlewares: a closure and functools.wraps per router an update enters.
            kwargs["event_router"] = self
            return await self._propagate_event(observer=observer, update_type=update_type, event=event, **kwargs)
        return await super().propagate_event(update_type=update_type, event=event, **kwargs)

    def _passes_by(self, query: CallbackQuery) -> bool:
        if self.sub_routers or len(self.callback_query.handlers) != self._buttons or self.callback_query._handler.filters:
            return False
        act = pressed(query)
        return act is None or act.action not in self.actions

    def _commands_only(self) -> bool:
        # The router's own message filters (admin's) only narrow it further.
        return not self.sub_routers and len(self.message.handlers) == self._commands
