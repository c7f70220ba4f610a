"""Bot API calls that survive transient faults and never send a message twice.

A failed call is retried only when Telegram certainly did not act on it:
* 429 Too Many Requests: after the `retry_after` Telegram asks for (up to MAX_RETRY_AFTER);
* 5xx, or a reply that is not JSON with a non-2xx status (a proxy's error page): not performed;
* the connection could not be opened (refused, DNS, outage): the request never left.
Backoff doubles from BASE_DELAY up to MAX_DELAY, for at most BUDGET seconds in all.

When the request was sent but no usable answer came back (a read timeout, a dropped connection, a
2xx that is not JSON), Telegram may well have delivered the message. The Bot API has no
idempotency key and no way to ask "did this arrive?", so a `send*`/`forward*`/`copy*` call is then
NOT retried: `DeliveryUnknown` is raised and the errors handler logs it without an apology (the
resident most likely has the answer; a second copy or an apology after it would be wrong).
Methods that are safe to repeat (getMe, setMyCommands, setWebhook…) are retried in that case too.
"""
from __future__ import annotations

import asyncio
import logging
import time
from http import HTTPStatus
from typing import Any, Awaitable, Callable

import aiogram
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.session.middlewares.base import BaseRequestMiddleware, NextRequestMiddlewareType
from aiogram.exceptions import ClientDecodeError, TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiohttp import ClientConnectorError, ClientSession, TraceConfig
from aiohttp.hdrs import USER_AGENT
from aiohttp.http import SERVER_SOFTWARE

log = logging.getLogger("bot.flood")

REPEATABLE = frozenset({"getMe", "setMyCommands", "deleteMyCommands", "setWebhook", "deleteWebhook", "getWebhookInfo"})


class NotDelivered(TelegramNetworkError):
    """Telegram certainly did not act on the request: safe to send again."""


class DeliveryUnknown(TelegramNetworkError):
    """The request went out and no usable answer came back: it may have been performed."""


class ResilientSession(AiohttpSession):
    """aiogram's aiohttp session, telling apart failures before and after the request went out."""

    def __init__(self, *args: Any, trace_configs: list[TraceConfig] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.trace_configs = trace_configs or []

    async def create_session(self) -> ClientSession:
        """As aiogram's, with our request traces."""
        if self._should_reset_connector:
            await self.close()
        if self._session is None or self._session.closed:
            self._session = ClientSession(connector=self._connector_type(**self._connector_init),
                                          headers={USER_AGENT: f"{SERVER_SOFTWARE} aiogram/{aiogram.__version__}"},
                                          trace_configs=self.trace_configs)
            self._should_reset_connector = False
        return self._session

    async def make_request(self, bot: Bot, method: TelegramMethod[TelegramType], timeout: int | None = None) -> TelegramType:
        try:
            return await super().make_request(bot, method, timeout)
        except TelegramNetworkError as error:
            if isinstance(error, (NotDelivered, DeliveryUnknown)):
                raise
            cause = NotDelivered if isinstance(error.__cause__, ClientConnectorError) else DeliveryUnknown
            raise cause(method=method, message=error.message) from error.__cause__

    def check_response(self, bot: Bot, method: TelegramMethod[TelegramType], status_code: int, content: str) -> Response[TelegramType]:
        try:
            return super().check_response(bot, method, status_code, content)
        except ClientDecodeError as error:
            if HTTPStatus.OK <= status_code <= HTTPStatus.IM_USED:
                raise DeliveryUnknown(method=method, message=f"malformed reply ({status_code})") from error
            raise NotDelivered(method=method, message=f"HTTP {status_code}, not a Bot API reply") from error


class RetryRequestMiddleware(BaseRequestMiddleware):
    """Session middleware: retry what was certainly not performed; bounded by time."""

    def __init__(
        self,
        *,
        budget: float = 60.0,
        max_retry_after: float = 300.0,
        base_delay: float = 0.5,
        max_delay: float = 10.0,
        sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        not_performed: Callable[[], Awaitable[Any]] | None = None,
    ):
        self.budget, self.max_retry_after = budget, max_retry_after
        self.base_delay, self.max_delay = base_delay, max_delay
        self.sleep, self.clock = sleep, clock
        # Awaited when a failure shows Telegram did not act, before waiting or giving up (the bot
        # withdraws the reply's record: bot.telegram.exactly_once.withdraw_reply_record).
        self.not_performed = not_performed

    async def __call__(self, make_request: NextRequestMiddlewareType[TelegramType], bot: Bot, method: TelegramMethod[TelegramType]) -> Response[TelegramType]:
        name = method.__api_method__
        attempt, waited = 1, 0.0
        while True:
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as error:
                await self._not_performed()
                if error.retry_after > self.max_retry_after:
                    raise
                delay = float(error.retry_after)  # Telegram's own figure: waited in full, outside the budget
                log.warning("%s: Telegram asks to wait %.0f s (attempt %d)", name, delay, attempt)
            except (NotDelivered, TelegramServerError, DeliveryUnknown) as error:
                if isinstance(method, GetUpdates):
                    raise  # polling has its own backoff
                if isinstance(error, DeliveryUnknown) and name not in REPEATABLE:
                    log.warning("%s: %s; not sent again (it may have arrived)", name, error.message)
                    raise
                if not isinstance(error, DeliveryUnknown):
                    await self._not_performed()
                delay = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
                if waited + delay > self.budget:
                    raise
                waited += delay
                log.warning("%s: %s, retrying in %.1f s (attempt %d)", name, error.message, delay, attempt)
            await self.sleep(delay)
            attempt += 1

    async def _not_performed(self) -> None:
        if self.not_performed is not None:
            await self.not_performed()
