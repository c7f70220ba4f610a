"""Webhook requests whose body is not a Telegram update: 400 and one log line, never a traceback."""
import logging
import time

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.telegram.webhook import create_app
from bot.testing.client import DialogueClient

SECRET = "s3cret"
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
BAD_BODIES = {
    "empty": b"",
    "blank": b"  \n",
    "not JSON": b"hello",
    "broken JSON": b'{"update_id": 1, ',
    "not UTF-8": b'{"update_id": 1, "message": "\xff\xfe"}',
    "deeply nested": b"[" * 100_000 + b"]" * 100_000,
    "nested past the limit": b'{"update_id": 1, "x": ' + b"[" * 40 + b"]" * 40 + b"}",
    "a string": b'"update"',
    "a list": b"[1, 2]",
    "no update_id": b'{"message": {}}',
    "update_id not a number": b'{"update_id": "one"}',
    "no event": b'{"update_id": 5}',
    "a broken message": b'{"update_id": 6, "message": {"text": 5}}',
}


@pytest.fixture
async def webhook(tmp_path):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3", webhook_secret=SECRET)
    async with DialogueClient(settings=settings) as chat:
        app = create_app(chat.dispatcher, chat.bot, settings)
        async with TestClient(TestServer(app)) as client:
            yield client, chat


@pytest.mark.parametrize("name", BAD_BODIES)
async def test_a_bad_body_is_400_with_one_log_line(webhook, caplog, name):
    client, chat = webhook
    caplog.set_level(logging.DEBUG)
    caplog.clear()
    response = await client.post("/telegram/webhook", data=BAD_BODIES[name], headers=HEADERS)
    assert response.status == 400, name
    warnings = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert len(warnings) == 1, [record.getMessage() for record in warnings]
    assert "400" in warnings[0].getMessage() and not warnings[0].exc_info
    assert not [record for record in caplog.records if record.exc_info or "Traceback" in record.getMessage()]
    assert chat.session.calls == []


async def test_a_good_update_is_still_handled(webhook):
    client, chat = webhook
    update = {"update_id": 9, "message": {"message_id": 1, "date": int(time.time()), "chat": {"id": 77, "type": "private"},
                                          "from": {"id": 77, "is_bot": False, "first_name": "W"}, "text": "/start",
                                          "entities": [{"type": "bot_command", "offset": 0, "length": 6}]}}
    response = await client.post("/telegram/webhook", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status == 200
    assert any(getattr(call, "chat_id", None) == 77 for call in chat.session.calls)
    unauthorised = await client.post("/telegram/webhook", data=b"", headers={"Content-Type": "application/json"})
    assert unauthorised.status == 401  # the secret is checked before the body
