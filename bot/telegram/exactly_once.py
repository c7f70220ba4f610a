"""Each update answered once: one user's updates in order, a handled update id never handled again.

`UserIsolation` serialises one user's updates (first come, first served) in this process and, with
Redis, across replicas (aiogram's RedisEventIsolation, taken only by the update at the head of
this process's queue, so the order within a replica is kept). `ExactlyOnceMiddleware` runs inside
that lock: it skips an update id already handled (a webhook re-post, long polling's redelivery
after a restart), and at the end of the update commits its dialogue state together with its id
(bot.storage.fsm), before the update is confirmed to Telegram (bot.telegram.polling, webhook 200).

A crash after a reply went out and before that commit makes Telegram deliver the update again; it
is then handled again from the state it found the first time. `SentRepliesMiddleware` (on the Bot
API session) records each reply, numbered within its update, just before its request is written to
the connection (`written_trace`), and does not send it again. Both backends hand the record to the
kernel first (SQLite commits it; Redis's SET is written to its socket and held there, unanswered,
until the request is written: bot.storage.fsm.UnansweredCommands), then the request, with no other
task running and no other process woken in between: the kernel delivers written bytes even when the
process is killed. A crash between the two writes loses that reply (tens of µs on either backend,
measured by tests/e2e/reply_window.py); recording after the write would instead show it twice after
every crash during the record's round trip (Redis did: 1 in 30 kill rounds). A lost reply is what
SQLite already accepted, and its window is the narrower one.

A request Telegram certainly did not act on (5xx, 429, refused connection) has its record withdrawn
before the session waits to retry it (`withdraw_reply_record`), so a crash during that wait sends the
reply after the restart instead of losing it; the retry records it again just before its request.
"""
from __future__ import annotations

import asyncio
import contextvars
import logging
from contextlib import asynccontextmanager, suppress
from typing import Any, AsyncGenerator, Awaitable, Callable

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from aiogram.fsm.storage.redis import RedisEventIsolation
from aiogram.types import Message, TelegramObject, Update
from aiohttp import TraceConfig
from redis.asyncio.lock import Lock
from redis.exceptions import LockError

from bot.storage.fsm import update_scope

log = logging.getLogger("bot.updates")


class UpdateReplies:
    """The update being handled in this task, and how many replies it has sent so far."""

    def __init__(self, storage, bot_id: int, update_id: int):
        self.storage, self.bot_id, self.update_id = storage, bot_id, update_id
        self.count = 0
        self.written: set[int] = set()

    async def record(self, seq: int) -> None:
        if seq not in self.written:
            self.written.add(seq)
            await self.storage.mark_sent(self.bot_id, self.update_id, seq)

    async def record_before_write(self, seq: int) -> None:
        """Awaited by aiohttp just before the request's bytes are written."""
        if seq not in self.written:
            self.written.add(seq)
            await self.storage.mark_sent_before_write(self.bot_id, self.update_id, seq)


_replies: contextvars.ContextVar[UpdateReplies | None] = contextvars.ContextVar("update_replies", default=None)
_sending: contextvars.ContextVar[int | None] = contextvars.ContextVar("reply_sending", default=None)


async def _request_written(session, context, params) -> None:
    # aiohttp awaits this just before writing a chunk of the request (headers go with the first).
    replies, seq = _replies.get(), _sending.get()
    if replies is not None and seq is not None:
        await replies.record_before_write(seq)


def written_trace() -> TraceConfig:
    """aiohttp trace for the bot's session: a reply's request reached the connection."""
    trace = TraceConfig()
    trace.on_request_chunk_sent.append(_request_written)
    return trace


async def withdraw_reply_record() -> None:
    """The reply being sent was certainly not acted on by Telegram: forget its record (durably, before
    the session sleeps or gives up), so that handling its update again after a crash sends it."""
    replies, seq = _replies.get(), _sending.get()
    if replies is not None and seq is not None and seq in replies.written:
        replies.written.discard(seq)
        await replies.storage.unmark_sent(replies.bot_id, replies.update_id, seq)


class SentRepliesMiddleware(BaseRequestMiddleware):
    """Bot API session middleware (outermost): a reply sent before a crash is not sent again."""

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]) -> TelegramType:
        replies = _replies.get()
        if replies is None or not isinstance(method, SendMessage):
            return await make_request(bot, method)
        replies.count += 1
        seq = replies.count
        if await replies.storage.was_sent(replies.bot_id, replies.update_id, seq):
            log.info("update=%s: reply %d was sent before a restart: not sent again", replies.update_id, seq)
            return Message.model_validate({"message_id": 0, "date": 0, "chat": {"id": method.chat_id, "type": "private"},
                                           "text": method.text}, context={"bot": bot})
        token = _sending.set(seq)
        try:
            result = await make_request(bot, method)
        finally:
            _sending.reset(token)
        await replies.record(seq)  # sessions without the trace (tests' recording session)
        return result


class UserIsolation(BaseEventIsolation):
    """A FIFO lock per user in this process (forgotten when free), then the shared one if given."""

    def __init__(self, shared: BaseEventIsolation | None = None):
        self.shared = shared
        self._locks: dict[StorageKey, tuple[asyncio.Lock, int]] = {}

    def lock(self, key: StorageKey) -> "_HeldLock":
        return _HeldLock(self, key)

    def _leave(self, key: StorageKey) -> None:
        lock, users = self._locks[key]
        if users == 1:
            del self._locks[key]
        else:
            self._locks[key] = (lock, users - 1)

    async def close(self) -> None:
        if self.shared is not None:
            await self.shared.close()


class _HeldLock:
    """UserIsolation.lock(key): the user's lock, then the shared one. A class rather than
    @asynccontextmanager: taken on every update, where an async generator (registered with the
    event loop, and driven through anext) cost several µs."""

    __slots__ = ("isolation", "key", "lock", "shared")

    def __init__(self, isolation: UserIsolation, key: StorageKey):
        self.isolation, self.key, self.shared = isolation, key, None

    async def __aenter__(self) -> None:
        isolation, key = self.isolation, self.key
        lock, users = isolation._locks.get(key, (None, 0))
        if lock is None:
            lock = asyncio.Lock()
        isolation._locks[key] = (lock, users + 1)
        self.lock = lock
        try:
            await lock.acquire()
        except BaseException:
            isolation._leave(key)
            raise
        if isolation.shared is not None:
            shared = isolation.shared.lock(key)
            try:
                await shared.__aenter__()
            except BaseException:
                lock.release()
                isolation._leave(key)
                raise
            self.shared = shared

    async def __aexit__(self, *exc_info: Any) -> bool:
        try:
            return bool(await self.shared.__aexit__(*exc_info)) if self.shared is not None else False
        finally:
            self.lock.release()
            self.isolation._leave(self.key)


class RenewedRedisLock(RedisEventIsolation):
    """aiogram's Redis lock per user, held with a short TTL renewed while the update runs: a replica
    killed while holding it blocks that user for at most LOCK_TTL, not aiogram's 60 s."""

    LOCK_TTL = 10.0

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        lock = self.redis.lock(name=self.key_builder.build(key, "lock"), timeout=self.LOCK_TTL, sleep=0.02, lock_class=Lock)
        await lock.acquire()
        renewal = asyncio.create_task(self._renew(lock))
        try:
            yield
        finally:
            renewal.cancel()
            with suppress(LockError):
                await lock.release()

    async def _renew(self, lock: Lock) -> None:
        while True:
            await asyncio.sleep(self.LOCK_TTL / 3)
            try:
                await lock.reacquire()
            except LockError:
                log.warning("a user's lock expired while an update was running")
                return


class ExactlyOnceMiddleware(BaseMiddleware):
    """Outer update middleware, registered after the dispatcher's FSM middleware (inside its lock).

    The storage provides `is_handled(bot_id, update_id)` and `commit_update(bot_id, update_id, writes)`.
    """

    def __init__(self, storage):
        self.storage = storage
        self._running: set[int] = set()  # this process, for updates without a user (no lock)

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot_id, update_id = data["bot"].id, event.update_id
        if update_id in self._running or await self.storage.is_handled(bot_id, update_id):
            log.info("update=%s handled already: skipped", update_id)
            return None
        self._running.add(update_id)
        token = _replies.set(UpdateReplies(self.storage, bot_id, update_id))
        try:
            with update_scope() as writes:
                try:
                    return await handler(event, data)
                finally:
                    # Replies are out; now the state and the id, together, before Telegram hears "handled".
                    await self.storage.commit_update(bot_id, update_id, writes)
        finally:
            _replies.reset(token)
            self._running.discard(update_id)
