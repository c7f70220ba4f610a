"""Outgoing flood control: Telegram's 429 retry_after is honoured, network errors are retried; both bounded."""
from __future__ import annotations

import time

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError, TelegramRetryAfter
from aiogram.methods import GetUpdates, SendMessage

from bot.telegram.throttling import RetryRequestMiddleware
from tests.e2e.conftest import free_port
from tests.fake_bot_api import FakeBotAPI, fake_bot_api  # noqa: F401  (fixture)


class Sleeps(list):
    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
async def bot(fake_bot_api):
    bot = fake_bot_api.make_bot()
    yield bot
    await (await bot.session.create_session()).close()


async def test_retry_after_is_honoured_and_the_message_delivered(bot, fake_bot_api):
    bot.session.middleware(RetryRequestMiddleware())
    fake_bot_api.fail_next("sendMessage", retry_after=1)
    started = time.monotonic()
    message = await bot.send_message(7, "你好")
    assert time.monotonic() - started >= 0.95
    assert message.text == "你好"
    assert len(fake_bot_api.calls_of("sendMessage")) == 2
    assert [m["text"] for m in fake_bot_api.sent_messages(7)] == ["你好"]


async def test_retry_after_is_bounded(bot, fake_bot_api):
    sleeps = Sleeps()
    bot.session.middleware(RetryRequestMiddleware(max_attempts=3, sleep=sleeps))
    fake_bot_api.fail_next("sendMessage", n=5, retry_after=2)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(7, "你好")
    assert sleeps == [2, 2] and len(fake_bot_api.calls_of("sendMessage")) == 3


async def test_an_unreasonable_retry_after_is_not_waited_for(bot, fake_bot_api):
    sleeps = Sleeps()
    bot.session.middleware(RetryRequestMiddleware(max_retry_after=30, sleep=sleeps))
    fake_bot_api.fail_next("sendMessage", retry_after=3600)
    with pytest.raises(TelegramRetryAfter):
        await bot.send_message(7, "你好")
    assert sleeps == []


async def test_other_errors_are_not_retried(bot, fake_bot_api):
    sleeps = Sleeps()
    bot.session.middleware(RetryRequestMiddleware(sleep=sleeps))
    fake_bot_api.fail_next("sendMessage", error_code=400, description="Bad Request: chat not found")
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(7, "你好")
    assert sleeps == [] and len(fake_bot_api.calls_of("sendMessage")) == 1


async def test_network_errors_back_off_exponentially_then_give_up():
    sleeps = Sleeps()
    session = AiohttpSession(api=TelegramAPIServer.from_base(f"http://127.0.0.1:{free_port()}"))  # nobody listens
    session.middleware(RetryRequestMiddleware(max_attempts=4, base_delay=0.5, sleep=sleeps))
    bot = Bot("1:TEST", session=session)
    try:
        with pytest.raises(TelegramNetworkError):
            await bot.send_message(7, "你好")
    finally:
        await (await session.create_session()).close()
    assert sleeps == [0.5, 1.0, 2.0]


async def test_a_network_error_then_success():
    sleeps, attempts = Sleeps(), []
    method = SendMessage(chat_id=7, text="你好")

    async def make_request(bot, method):
        attempts.append(method)
        if len(attempts) < 3:
            raise TelegramNetworkError(method=method, message="Request timeout error")
        return "sent"

    middleware = RetryRequestMiddleware(sleep=sleeps)
    assert await middleware(make_request, None, method) == "sent"
    assert sleeps == [0.5, 1.0] and len(attempts) == 3


async def test_polling_keeps_its_own_backoff():
    sleeps = Sleeps()

    async def make_request(bot, method):
        raise TelegramNetworkError(method=method, message="Request timeout error")

    with pytest.raises(TelegramNetworkError):
        await RetryRequestMiddleware(sleep=sleeps)(make_request, None, GetUpdates())
    assert sleeps == []
