"""Webhook mode: `python -m bot run` with WEBHOOK_URL serves Telegram's posts; only with our secret."""
from __future__ import annotations

import asyncio
import time

import aiohttp

from tests.e2e.conftest import BotProcess, free_port, plain, wait_for_message
from tests.fake_bot_api import FakeBotAPI

TOKEN = "987654322:E2E-webhook-token-DDDeeeFFF"
SECRET = "s3cret-Webhook_token"
CHAT = 2001


def update(update_id: int, text: str) -> dict:
    user = {"id": CHAT, "is_bot": False, "first_name": "Wei", "language_code": "zh-hans"}
    message = {"message_id": update_id, "date": int(time.time()), "chat": {"id": CHAT, "type": "private", "first_name": "Wei"}, "from": user, "text": text}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def test_webhook_mode_checks_the_secret(tmp_path):
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    async with FakeBotAPI(TOKEN) as server, aiohttp.ClientSession() as http:
        bot = BotProcess(
            {
                "BOT_TOKEN": TOKEN,
                "BOT_API_BASE_URL": server.base_url,
                "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
                "LOG_LEVEL": "INFO",
                "WEBHOOK_URL": url,
                "WEBHOOK_SECRET": SECRET,
                "WEBHOOK_HOST": "127.0.0.1",
                "WEBHOOK_PORT": str(port),
            },
            tmp_path,
        )
        try:
            bot.start()
            await bot.wait_for_log(r"\bready: webhook as @test_bot")

            # On start: setWebhook with our URL and secret (and no long polling at all).
            [params] = server.calls_of("setWebhook")
            assert params["url"] == url and params["secret_token"] == SECRET
            assert server.webhook == {"url": url, "secret_token": SECRET}
            assert server.calls_of("setMyCommands") and not server.calls_of("getUpdates")
            async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                assert response.status == 200

            # Missing or wrong secret: rejected, never processed.
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"}):
                async with http.post(url, json=update(1, "/start"), headers=headers) as response:
                    assert response.status in (401, 403), headers
            await asyncio.sleep(1.0)
            assert server.sent_messages(CHAT) == [] and not server.calls_of("sendMessage")

            # The right secret: processed, the reply reaches the (fake) Bot API.
            async with http.post(url, json=update(2, "/start"), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as response:
                assert response.status == 200
            greeting = await wait_for_message(server, CHAT, 0)
            assert "您好" in plain(greeting)
            async with http.post(url, json=update(3, "惠衢保多少钱"), headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as response:
                assert response.status == 200
            assert "100" in plain(await wait_for_message(server, CHAT, 1))

            code, took = await bot.terminate()
            assert code == 0, bot.output[-3000:]
            assert took < 8, f"took {took:.1f} s to stop"
            assert not server.calls_of("deleteWebhook")  # other replicas keep receiving updates
            assert TOKEN not in bot.output and TOKEN.split(":")[1] not in bot.output
            assert SECRET not in bot.output
        finally:
            bot.kill()


async def test_webhook_mode_refuses_to_start_without_a_secret(tmp_path):
    bot = BotProcess({"BOT_TOKEN": TOKEN, "DATABASE_PATH": str(tmp_path / "bot.sqlite3"), "WEBHOOK_URL": "https://bot.example.org/telegram/webhook"}, tmp_path)
    try:
        bot.start()
        deadline = time.monotonic() + 90
        while bot.process.poll() is None and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert bot.process.returncode == 2, bot.output[-2000:]
        assert "WEBHOOK_SECRET" in bot.output
    finally:
        bot.kill()
