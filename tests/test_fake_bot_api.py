"""The fake Bot API server works with a real aiogram Bot / Dispatcher and over plain HTTP."""

import asyncio
import sys
import time
from pathlib import Path

import aiohttp
import pytest
from aiogram import Dispatcher
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramUnauthorizedError,
)
from aiogram.filters import CommandStart
from aiogram.methods.base import TelegramMethod
from aiogram.types import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Message

from tests.fake_bot_api import FakeBotAPI, fake_bot_api  # noqa: F401  (fixture)

CHAT = 4242
KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[
    [InlineKeyboardButton(text="门诊报销", callback_data="topic:outpatient")],
    [InlineKeyboardButton(text="Docs", url="https://example.com/a?b=1")],
])


@pytest.fixture
async def bot(fake_bot_api):
    bot = fake_bot_api.make_bot()
    yield bot
    # Close the HTTP session directly: Bot.session.close() sleeps 0.25 s for TLS shutdown.
    await (await bot.session.create_session()).close()


class UnknownMethod(TelegramMethod[bool]):
    __returning__ = bool
    __api_method__ = "doesNotExist"


async def test_get_me(bot):
    me = await bot.get_me()
    assert me.is_bot and me.username == "test_bot" and me.id == 123456789


async def test_send_message_echoes_inline_keyboard_and_numbers_per_chat(bot, fake_bot_api):
    first = await bot.send_message(CHAT, "你好", reply_markup=KEYBOARD)
    second = await bot.send_message(CHAT, "123")
    other = await bot.send_message(7, "hi")
    assert (first.message_id, second.message_id, other.message_id) == (1, 2, 1)
    assert first.reply_markup.model_dump() == KEYBOARD.model_dump() and second.reply_markup is None
    assert first.chat.id == CHAT and first.chat.type == "private"
    assert first.from_user.id == 123456789 and first.date.timestamp() > time.time() - 60
    assert second.text == "123"  # a numeric text stays a string through the multipart form
    assert fake_bot_api.calls_of("sendMessage")[0]["reply_markup"] == KEYBOARD.model_dump(exclude_none=True)
    assert [m["text"] for m in fake_bot_api.sent_messages(CHAT)] == ["你好", "123"]
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(CHAT, " ")


async def test_edit_and_delete_messages(bot, fake_bot_api):
    sent = await bot.send_message(CHAT, "draft", reply_markup=KEYBOARD)
    edited = await bot.edit_message_text("final", chat_id=CHAT, message_id=sent.message_id)
    assert edited.text == "final" and edited.reply_markup is None and edited.edit_date
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("final", chat_id=CHAT, message_id=sent.message_id)
    marked = await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id,
                                                 reply_markup=KEYBOARD)
    assert marked.reply_markup.model_dump() == KEYBOARD.model_dump() and marked.text == "final"
    assert await bot.delete_message(CHAT, sent.message_id) is True
    assert fake_bot_api.sent_messages(CHAT) == []
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("x", chat_id=CHAT, message_id=sent.message_id)


async def test_callback_query_round_trip(bot, fake_bot_api):
    sent = await bot.send_message(CHAT, "pick", reply_markup=KEYBOARD)
    fake_bot_api.push_callback(CHAT, "topic:outpatient", sent.message_id)
    fake_bot_api.push_callback(CHAT, "stale", 999)
    fresh, stale = await bot.get_updates()
    query = fresh.callback_query
    assert query.data == "topic:outpatient" and query.from_user.language_code == "zh-hans"
    assert isinstance(query.message, Message) and query.message.reply_markup.model_dump() == KEYBOARD.model_dump()
    assert stale.callback_query.message.date == 0  # InaccessibleMessage
    assert await bot.answer_callback_query(query.id, text="ok") is True
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query.id)


async def test_commands_chat_action_and_webhook(bot, fake_bot_api):
    assert await bot.set_my_commands([BotCommand(command="start", description="开始")]) is True
    assert fake_bot_api.commands == [{"command": "start", "description": "开始"}]
    assert await bot.delete_my_commands() is True and fake_bot_api.commands == []
    assert await bot.send_chat_action(CHAT, "typing") is True
    assert await bot.set_webhook("https://example.com/hook", secret_token="s3cret") is True
    assert fake_bot_api.webhook == {"url": "https://example.com/hook", "secret_token": "s3cret"}
    fake_bot_api.push_message(CHAT, "hello")
    info = await bot.get_webhook_info()
    assert info.url == "https://example.com/hook" and info.pending_update_count == 1
    assert info.has_custom_certificate is False
    with pytest.raises(TelegramConflictError):
        await bot.get_updates()
    assert await bot.delete_webhook(drop_pending_updates=True) is True
    info = await bot.get_webhook_info()
    assert info.url == "" and info.pending_update_count == 0


async def test_long_poll_returns_as_soon_as_an_update_arrives(bot, fake_bot_api):
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await fake_bot_api.wait_for_call("getUpdates")
    await asyncio.sleep(0.05)
    assert not poll.done()
    started = time.monotonic()
    update_id = fake_bot_api.push_message(CHAT, "/start", language_code="en")
    [update] = await asyncio.wait_for(poll, 1)
    assert time.monotonic() - started < 0.5
    assert update.update_id == update_id and update.message.text == "/start"
    assert update.message.entities[0].type == "bot_command"
    assert update.message.from_user.language_code == "en"


async def test_long_poll_times_out_empty(bot):
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == []
    assert 0.9 <= time.monotonic() - started < 2


async def test_offset_limit_and_allowed_updates(bot, fake_bot_api):
    ids = [fake_bot_api.push_message(CHAT, f"m{i}") for i in range(5)]
    assert ids == sorted(ids) and len(set(ids)) == 5
    assert [u.update_id for u in await bot.get_updates(limit=2)] == ids[:2]
    assert [u.update_id for u in await bot.get_updates(offset=ids[2])] == ids[2:]
    assert [u.update_id for u in await bot.get_updates()] == ids[2:]  # earlier ones were dropped
    assert [u.update_id for u in await bot.get_updates(offset=-1)] == ids[-1:]
    assert await bot.get_updates(offset=ids[-1] + 1) == []
    fake_bot_api.push_callback(CHAT, "x", 1)
    assert await bot.get_updates(allowed_updates=["message"]) == []
    fake_bot_api.push_callback(CHAT, "y", 1)  # still not allowed: never delivered
    message_id = fake_bot_api.push_message(CHAT, "allowed")
    assert [u.update_id for u in await bot.get_updates(timeout=1)] == [message_id]


async def test_errors_map_to_aiogram_exceptions(bot, fake_bot_api):
    with pytest.raises(TelegramNotFound, match="method not found"):
        await bot(UnknownMethod())
    async with fake_bot_api.make_bot(token="1:wrong") as wrong:
        with pytest.raises(TelegramUnauthorizedError):
            await wrong.get_me()
    fake_bot_api.fail_next("sendMessage", n=2, retry_after=7)
    for _ in range(2):
        with pytest.raises(TelegramRetryAfter) as error:
            await bot.send_message(CHAT, "x")
        assert error.value.retry_after == 7 and "retry after 7" in error.value.message
    assert (await bot.send_message(CHAT, "x")).text == "x"
    fake_bot_api.fail_next("sendMessage", error_code=403, description="Forbidden: bot was blocked by the user")
    with pytest.raises(TelegramForbiddenError, match="blocked"):
        await bot.send_message(CHAT, "x")
    assert [name for name, _ in fake_bot_api.calls] == ["doesNotExist"] + ["sendMessage"] * 4


async def test_http_hooks_and_raw_requests(fake_bot_api):
    api = f"/bot{fake_bot_api.token}"
    async with aiohttp.ClientSession(fake_bot_api.base_url) as http:
        async def call(method, path, **kwargs):
            async with http.request(method, path, **kwargs) as response:
                return response.status, await response.json()

        status, body = await call("POST", "/_test/updates", json=[{"message": {"x": 1}}, {"edited_message": {}}])
        assert (status, body) == (200, {"ok": True, "result": [1, 2]})
        _, body = await call("POST", "/_test/messages", json={"chat_id": CHAT, "text": "hi"})
        assert body["result"] == 3
        _, body = await call("GET", f"{api}/getUpdates?offset=3&timeout=0")  # query string, any case
        assert [u["update_id"] for u in body["result"]] == [3]
        _, body = await call("POST", f"{api}/SENDMESSAGE",
                             data={"chat_id": str(CHAT), "text": "true",
                                   "reply_markup": '{"inline_keyboard": [[{"text": "a", "callback_data": "b"}]]}'})
        assert body["result"]["text"] == "true" and body["result"]["reply_markup"]["inline_keyboard"]
        _, body = await call("POST", "/_test/callbacks",
                             json={"chat_id": CHAT, "data": "b", "message_id": body["result"]["message_id"]})
        _, body = await call("GET", "/_test/sent_messages", params={"chat_id": CHAT})
        assert [m["text"] for m in body["result"]] == ["true"]
        _, body = await call("GET", "/_test/calls", params={"method": "sendMessage", "count": 1})
        assert body["result"][0]["params"]["chat_id"] == CHAT
        status, body = await call("GET", "/_test/calls", params={"method": "getMe", "count": 1, "timeout": 0.1})
        assert status == 408 and not body["ok"]
        await call("POST", "/_test/fail_next", json={"method": "getMe", "retry_after": 3})
        status, body = await call("POST", f"{api}/getMe", json={})
        assert (status, body) == (429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
                                        "parameters": {"retry_after": 3}})
        status, body = await call("POST", f"{api}/nope", json={})
        assert (status, body) == (404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"})
        status, body = await call("GET", "/bot1:bad/getMe")
        assert (status, body) == (401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        status, body = await call("POST", "/_test/messages", json={"chat": 1})
        assert status == 400
        assert (await call("POST", "/_test/reset"))[1] == {"ok": True, "result": True}
        assert fake_bot_api.calls == [] and fake_bot_api.sent_messages(CHAT) == []
        assert fake_bot_api.push_message(CHAT, "after reset") == 5  # update ids keep rising


async def test_dispatcher_polling_handles_start_and_stops(fake_bot_api):
    dp = Dispatcher()

    @dp.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer(f"欢迎, {message.from_user.first_name}")

    polling = asyncio.create_task(dp.start_polling(fake_bot_api.make_bot(), handle_signals=False))
    fake_bot_api.push_message(CHAT, "/start", user={"first_name": "Li"})
    [reply] = await fake_bot_api.wait_for_call("sendMessage")
    assert reply["chat_id"] == CHAT and reply["text"] == "欢迎, Li"
    await dp.stop_polling()
    await asyncio.wait_for(polling, 2)
    assert fake_bot_api.calls_of("getUpdates")[0]["allowed_updates"] == ["message"]


async def test_runs_as_a_separate_process():
    script = Path(__file__).with_name("fake_bot_api.py")
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(script), "--port", "0", "--token", "5:T", stdout=asyncio.subprocess.PIPE)
    try:
        line = (await asyncio.wait_for(process.stdout.readline(), 10)).decode().strip()
        assert line.startswith("READY http://127.0.0.1:")
        base_url = line.removeprefix("READY ")
        async with aiohttp.ClientSession() as http, http.get(f"{base_url}/bot5:T/getMe") as response:
            assert (await response.json())["result"]["id"] == 5
    finally:
        process.terminate()
        assert await asyncio.wait_for(process.wait(), 5) == 0
