"""The one place where the dispatcher is wired: storage, middlewares, routers, error handling."""
from __future__ import annotations

import logging
from functools import partial
from typing import Any

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Dispatcher, Router
from aiogram.dispatcher.event.bases import UNHANDLED, SkipHandler
from aiogram.dispatcher.event.telegram import TelegramEventObserver
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import ErrorEvent, TelegramObject

from bot.telegram.chat_policy import ChatPolicyMiddleware
from bot.telegram.exactly_once import ExactlyOnceMiddleware, RenewedRedisLock, UserIsolation
from bot.telegram.middlewares import HandlerNameMiddleware, UpdateLogMiddleware, UserContextMiddleware
from bot.telegram.routers import admin, city, estimate, fallback, faq, lang, start
from bot.telegram.services import Services
from bot.telegram.session import DeliveryUnknown
from bot.telegram.throttling import ThrottlingMiddleware
from bot.telegram.views import send_view
from bot.views.render import DEFAULT_LOCALE

log = logging.getLogger("bot.telegram.dispatcher")


class BotDispatcher(Dispatcher):
    """aiogram's Dispatcher, with less of aiogram's machinery between an update and the routers.

    The update observer holds one handler (aiogram's _listen_update, no filters): it is called
    directly rather than through a filter check, an inner-middleware wrapper and functools.wraps.
    The dispatcher has no handlers of its own for messages or buttons: an event goes through its
    outer middlewares (the user context) straight to the feature routers, without the empty filter
    check and handler loop. Anything else (error handlers, filters, inner middlewares on updates)
    takes aiogram's own way. Together about a twentieth of a button press."""

    def __init__(self, **kwargs: Any):
        super().__init__(**kwargs)
        self.update.trigger = self._trigger_update  # feed_update calls self.update.trigger

    async def _trigger_update(self, update: TelegramObject, **kwargs: Any) -> Any:
        observer = self.update
        if len(observer.handlers) != 1 or observer.handlers[0].filters or len(observer.middleware):
            return await TelegramEventObserver.trigger(observer, update, **kwargs)
        handler = kwargs["handler"] = observer.handlers[0]
        try:
            return await handler.callback(update, **kwargs)
        except SkipHandler:  # an update of a type aiogram does not know
            return UNHANDLED

    async def propagate_event(self, update_type: str, event: TelegramObject, **kwargs: Any) -> Any:
        observer = self.observers.get(update_type)
        if update_type == "update" or observer is None or observer.handlers or observer._handler.filters:
            return await super().propagate_event(update_type=update_type, event=event, **kwargs)
        kwargs["event_router"] = self
        chain = partial(self._to_routers, update_type)
        for middleware in reversed(observer.outer_middleware._middlewares):
            chain = partial(middleware, chain)
        return await chain(event, kwargs)

    async def _to_routers(self, update_type: str, event: TelegramObject, data: dict[str, Any]) -> Any:
        response = UNHANDLED
        for router in self.sub_routers:
            response = await router.propagate_event(update_type=update_type, event=event, **data)
            if response is not UNHANDLED:
                break
        return response


REDIS_CONNECTIONS = 32  # per replica; an update waits for a free connection instead of failing


def create_storage(services: Services) -> BaseStorage:
    settings = services.settings
    if settings.redis_url:
        from redis.asyncio import BlockingConnectionPool, Redis

        from bot.storage.fsm import DurableRedisStorage

        pool = BlockingConnectionPool.from_url(settings.redis_url, max_connections=REDIS_CONNECTIONS, timeout=30)
        return DurableRedisStorage(Redis(connection_pool=pool))
    from bot.storage.fsm import SQLiteStorage
    from bot.storage.pseudonymous_keys import KeyedKeyBuilder

    storage = SQLiteStorage(settings.database_path.with_suffix(".fsm.sqlite3"))
    storage.key_builder = KeyedKeyBuilder(services.database.user_key, with_destiny=True)  # no Telegram ids in the file
    return storage


def create_isolation(storage: BaseStorage) -> UserIsolation:
    """One user's updates one at a time: in this process, and across replicas when state is in Redis."""
    if isinstance(storage, RedisStorage):
        return UserIsolation(RenewedRedisLock(storage.redis, storage.key_builder))
    return UserIsolation()


def feature_routers() -> list[Router]:
    # Order matters: commands and dialogue states before free text, free text before the fallback.
    return [
        admin.create_router(),  # staff only (ADMIN_IDS); anyone else falls through to the ordinary reply
        start.create_router(),
        estimate.create_router(),
        city.create_router(),
        lang.create_router(),
        faq.create_router(),
        fallback.create_router(),
    ]


def build_dispatcher(services: Services, storage: BaseStorage | None = None) -> Dispatcher:
    storage = storage or create_storage(services)
    dispatcher = BotDispatcher(storage=storage, events_isolation=create_isolation(storage), **services.workflow_data())
    if hasattr(storage, "commit_update"):  # after the FSM middleware: inside the user's lock
        dispatcher.update.outer_middleware(ExactlyOnceMiddleware(storage))
    dispatcher.update.outer_middleware(UpdateLogMiddleware())
    dispatcher.update.outer_middleware(ChatPolicyMiddleware())  # private chats only; every button answered
    # Not on errors: the apology must not depend on the database that may have just failed.
    UserContextMiddleware(services.database).setup(dispatcher, exclude={"error"})
    settings = services.settings
    if settings.bot_token is not None and settings.throttle_rate > 0:
        # Flood control protects the Telegram bot; offline harnesses (console, dialogue scripts, benchmarks) run without a token.
        throttling = ThrottlingMiddleware(settings.throttle_rate, settings.throttle_burst)  # after the user context: its reply is in the user's language
        for observer in (dispatcher.message, dispatcher.callback_query):
            observer.outer_middleware(throttling)
    for observer in (dispatcher.message, dispatcher.callback_query):
        observer.middleware(HandlerNameMiddleware())
    dispatcher.include_routers(*feature_routers())

    @dispatcher.errors()
    async def apologise(event: ErrorEvent, presenter, locale: str = DEFAULT_LOCALE) -> bool:
        update = event.update
        if isinstance(event.exception, DeliveryUnknown):  # the reply most likely arrived: no apology after it
            log.warning("update=%s: a reply may not have arrived: %s", update.update_id, event.exception)
            return True
        log.error("update=%s failed: %s", update.update_id, event.exception, exc_info=event.exception)
        chat = update.message.chat if update.message else (update.callback_query.message.chat if update.callback_query and update.callback_query.message else None)
        if chat is not None:
            try:
                await send_view(update.bot, chat.id, presenter.text(locale, "抱歉，我这边出了点问题，请稍后再试一次。"))
            except Exception:  # the apology must never raise in its turn
                log.exception("update=%s: could not send the apology", update.update_id)
        return True

    return dispatcher
