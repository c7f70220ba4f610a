from functools import lru_cache, partial
from typing import Any, Awaitable, Callable

from aiogram import Bot, Router
from aiogram.dispatcher.event.bases import REJECTED, UNHANDLED, SkipHandler
from aiogram.filters import Command, Filter
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import AnswerCallbackQuery
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


async def acknowledge(bot: Bot, query: CallbackQuery) -> None:
    """`await query.answer()`, in half the time: query.answer() validates four empty fields more,
    binds the method to the bot, and goes through the method's __await__ and emit to reach bot()."""
    await bot(AnswerCallbackQuery(callback_query_id=query.id))


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

    Inside the router, the handlers are tried as aiogram's observer would (in order, filters then
    inner middlewares, SkipHandler goes on to the next), but a button handler of another action and
    a command handler for a message that is no command are passed over without calling their
    filters, and the button's data is handed over as parsed once.
    """

    def __init__(self, *, name: str):
        super().__init__(name=name)
        self.actions: set[str] = set()
        self._buttons = 0
        self._commands = 0
        self._button_actions: dict[int, frozenset[str]] = {}  # id(HandlerObject) -> its actions (first filter ActionIs)
        self._command_handlers: set[int] = set()  # id(HandlerObject) of handlers whose first filter is looks_like_command

    def button(self, *actions: str, filters: tuple = ()):
        self.actions.update(actions)
        self._buttons += 1
        register = self.callback_query(ActionIs(frozenset(actions)), *filters)

        def decorator(callback):
            result = register(callback)
            self._button_actions[id(self.callback_query.handlers[-1])] = frozenset(actions)
            return result

        return decorator

    def command(self, command: Command, *filters):
        self._commands += 1
        register = self.message(looks_like_command, command, *filters)

        def decorator(callback):
            result = register(callback)
            self._command_handlers.add(id(self.message.handlers[-1]))
            return result

        return decorator

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        act: Act | None = None
        command = True
        if update_type == "callback_query":
            act = pressed(event)
            if self._buttons_only() and (act is None or act.action not in self.actions):
                return UNHANDLED
        elif update_type == "message":
            command = await looks_like_command(event)
            if self._commands_only() and not command:
                return UNHANDLED
        observer = self.observers.get(update_type)
        if observer is not None and not len(observer.outer_middleware):
            # What aiogram does, without wrapping the router's handling in its (absent) outer
            # middlewares: a closure and functools.wraps per router an update enters.
            kwargs["event_router"] = self
            if not self.sub_routers and not observer._handler.filters and update_type in ("callback_query", "message"):
                return await self._trigger(observer, event, kwargs, act, command)
            return await self._propagate_event(observer=observer, update_type=update_type, event=event, **kwargs)
        return await super().propagate_event(update_type=update_type, event=event, **kwargs)

    async def _trigger(self, observer, event: TelegramObject, kwargs: dict[str, Any], act: Act | None, command: bool) -> Any:
        """aiogram's Router._propagate_event and TelegramEventObserver.trigger for a router without
        sub-routers or router filters, passing over the handlers that cannot match (see the class)."""
        for handler in observer.handlers:
            filters = handler.filters or ()
            actions = self._button_actions.get(id(handler))
            if actions is not None:
                if act is None or act.action not in actions:
                    continue
                filters = filters[1:]  # ActionIs: passed, and its callback_data is this
                kwargs["handler"] = handler
                data = {**kwargs, "callback_data": act}
            elif not command and id(handler) in self._command_handlers:
                continue
            else:
                kwargs["handler"] = handler
                data = dict(kwargs)
            for event_filter in filters:
                check = await event_filter.call(event, **data)
                if not check:
                    break
                if isinstance(check, dict):
                    data.update(check)
            else:
                kwargs.update(data)
                try:
                    response = await _inner_chain(observer, handler)(event, kwargs)
                except SkipHandler:
                    continue
                return UNHANDLED if response is REJECTED else response
        return UNHANDLED

    def _buttons_only(self) -> bool:
        return not self.sub_routers and len(self.callback_query.handlers) == self._buttons and not self.callback_query._handler.filters

    def _commands_only(self) -> bool:
        # The router's own message filters (admin's) only narrow it further.
        return not self.sub_routers and len(self.message.handlers) == self._commands


def _inner_chain(observer, handler) -> Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]:
    """The handler wrapped in the inner middlewares of its router and the routers above, outermost
    first: aiogram's wrap_middlewares(_resolve_middlewares(), handler.call), without copying the
    handler's metadata onto a wrapper (functools.wraps) or iterating each manager as a Sequence."""
    def call(event: TelegramObject, data: dict[str, Any]) -> Awaitable[Any]:
        return handler.call(event, **data)

    chain = call
    router = observer.router
    routers = []
    while router is not None:
        routers.append(router)
        router = router.parent_router
    for router in routers:  # innermost router first: its middlewares wrap the handler closest
        manager = router.observers.get(observer.event_name)
        if manager is not None:
            for middleware in reversed(manager.middleware._middlewares):
                chain = partial(middleware, chain)
    return chain
