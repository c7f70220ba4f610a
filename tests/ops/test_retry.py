"""Bot API faults: what Telegram certainly did not perform is retried (429 after retry_after, 5xx,
a proxy's error page, a refused connection, a short outage); what it may have performed (a reply
past the timeout, a garbled 200) is never sent a second time."""
from __future__ import annotations

import asyncio
import time

import pytest
from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import GetUpdates, SendMessage

from bot.telegram.session import DeliveryUnknown, NotDelivered, ResilientSession, RetryRequestMiddleware
from tests.e2e.conftest import free_port
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI, fake_bot_api  # noqa: F401  (fixture)


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def resilient_bot(base_url: str, middleware: RetryRequestMiddleware, timeout: float = 5) -> Bot:
    session = ResilientSession(api=TelegramAPIServer.from_base(base_url), timeout=timeout)
    session.middleware(middleware)
    return Bot(DEFAULT_TOKEN, session=session)


@pytest.fixture
async def close_bots():
    bots = []
    yield bots.append
    for bot in bots:
        await bot.session.close()


def texts(server: FakeBotAPI, chat_id: int = 7) -> list[str]:
    return [message["text"] for message in server.sent_messages(chat_id)]


async def test_retry_after_is_honoured_and_the_message_delivered(fake_bot_api, close_bots):
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware())
    close_bots(bot)
    fake_bot_api.fail_next("sendMessage", retry_after=1)
    started = time.monotonic()
    message = await bot.send_message(7, "你好")
    assert time.monotonic() - started >= 0.95
    assert message.text == "你好" and texts(fake_bot_api) == ["你好"]


async def test_a_long_retry_after_is_waited_for(fake_bot_api, close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleeps))
    close_bots(bot)
    fake_bot_api.fail_next("sendMessage", n=2, retry_after=120)
    await bot.send_message(7, "你好")
    assert sleeps == [120, 120] and texts(fake_bot_api) == ["你好"]


async def test_an_unreasonable_retry_after_is_not_waited_for(fake_bot_api, close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(max_retry_after=300, sleep=sleeps))
    close_bots(bot)
    fake_bot_api.fail_next("sendMessage", retry_after=3600)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(7, "你好")
    assert sleeps == []


async def test_other_errors_are_not_retried(fake_bot_api, close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleeps))
    close_bots(bot)
    fake_bot_api.fail_next("sendMessage", error_code=400, description="Bad Request: chat not found")
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(7, "你好")
    assert sleeps == [] and len(fake_bot_api.calls_of("sendMessage")) == 1


@pytest.mark.parametrize("kind", ["500", "502"])
async def test_a_server_error_is_retried_and_delivered_once(fake_bot_api, close_bots, kind):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleeps))
    close_bots(bot)
    fake_bot_api.fault_next("sendMessage", kind, n=2)
    await bot.send_message(7, "你好")
    assert sleeps == [0.5, 1.0]
    assert len(fake_bot_api.calls_of("sendMessage")) == 3 and texts(fake_bot_api) == ["你好"]


async def test_a_reply_past_the_timeout_is_not_sent_twice(fake_bot_api, close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleeps), timeout=0.5)
    close_bots(bot)
    fake_bot_api.fault_next("sendMessage", "slow", delay=2)
    with pytest.raises(DeliveryUnknown):
        await bot.send_message(7, "你好")
    assert sleeps == [] and texts(fake_bot_api) == ["你好"]  # delivered, once


async def test_a_garbled_success_is_not_sent_twice_but_a_repeatable_call_is_retried(fake_bot_api, close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleeps))
    close_bots(bot)
    fake_bot_api.fault_next("sendMessage", "garbled")
    with pytest.raises(DeliveryUnknown):
        await bot.send_message(7, "你好")
    assert texts(fake_bot_api) == ["你好"]
    fake_bot_api.fault_next("getMe", "garbled")
    assert (await bot.get_me()).username == "test_bot"
    assert len(fake_bot_api.calls_of("getMe")) == 2


async def test_a_short_outage_is_waited_out(fake_bot_api, close_bots):
    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(base_delay=0.2))
    close_bots(bot)
    await bot.get_me()  # a pooled connection, closed by the outage (a request cut mid-way may have arrived: not repeated)
    fake_bot_api.outage(1.5)
    await asyncio.sleep(0.2)
    await bot.send_message(7, "你好")
    assert texts(fake_bot_api) == ["你好"]


async def test_refused_connections_back_off_then_give_up_within_the_budget(close_bots):
    sleeps = Sleeps()
    bot = resilient_bot(f"http://127.0.0.1:{free_port()}", RetryRequestMiddleware(budget=20, base_delay=0.5, sleep=sleeps))  # nobody listens
    close_bots(bot)
    with pytest.raises(NotDelivered):
        await bot.send_message(7, "你好")
    assert sleeps == [0.5, 1.0, 2.0, 4.0, 8.0]


async def test_polling_keeps_its_own_backoff():
    sleeps = Sleeps()

    async def make_request(bot, method):
        raise NotDelivered(method=method, message="connection refused")

    with pytest.raises(TelegramNetworkError):
        await RetryRequestMiddleware(sleep=sleeps)(make_request, None, GetUpdates())
    assert sleeps == []


async def test_a_send_of_unknown_fate_is_not_repeated():
    attempts = []

    async def make_request(bot, method):
        attempts.append(method)
        raise DeliveryUnknown(method=method, message="Request timeout error")

    with pytest.raises(DeliveryUnknown):
        await RetryRequestMiddleware(sleep=Sleeps())(make_request, None, SendMessage(chat_id=7, text="你好"))
    assert len(attempts) == 1


async def test_a_request_telegram_did_not_act_on_is_reported_before_each_wait_and_one_of_unknown_fate_is_not(fake_bot_api, close_bots):
    """The bot withdraws a reply's record on `not_performed` (a kill during the wait then sends it
    after the restart): called for 429 and 5xx, before the wait; never for a garbled 200."""
    events: list[str] = []

    async def sleep(seconds: float) -> None:
        events.append(f"sleep {seconds:g}")

    async def not_performed() -> None:
        events.append("not performed")

    bot = resilient_bot(fake_bot_api.base_url, RetryRequestMiddleware(sleep=sleep, not_performed=not_performed))
    close_bots(bot)
    fake_bot_api.fail_next("sendMessage", retry_after=2)
    fake_bot_api.fault_next("sendMessage", "500")
    await bot.send_message(7, "你好")
    assert events == ["not performed", "sleep 2", "not performed", "sleep 1"]  # the second attempt's backoff
    events.clear()
    fake_bot_api.fault_next("sendMessage", "garbled")
    with pytest.raises(DeliveryUnknown):
        await bot.send_message(7, "再见")
    assert events == []
