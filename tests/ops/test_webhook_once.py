"""Webhook: Telegram's 200 comes after the update is handled, and a re-posted update id is answered once."""
from __future__ import annotations

import asyncio

import aiohttp
from aiohttp import web

from bot.config import Settings
from bot.telegram.dispatcher import build_dispatcher
from bot.telegram.runner import create_bot
from bot.telegram.services import create_services
from bot.telegram.webhook import create_app
from bot.testing.client import shared_store
from tests.e2e.conftest import free_port
from tests.e2e.test_webhook_e2e import update
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

SECRET = "webhook-once-secret"


async def test_a_reposted_update_is_answered_once(tmp_path):
    port = free_port()
    async with FakeBotAPI() as server, aiohttp.ClientSession() as http:
        settings = Settings(_env_file=None, bot_token=DEFAULT_TOKEN, bot_api_base_url=server.base_url, redis_url=None, throttle_rate=0,
                            webhook_url=f"http://127.0.0.1:{port}/hook", webhook_secret=SECRET, webhook_path="/hook",
                            database_path=tmp_path / "bot.sqlite3")
        services = create_services(settings, store=shared_store(settings.knowledge_dir))
        bot = create_bot(settings)
        dispatcher = build_dispatcher(services)
        runner = web.AppRunner(create_app(dispatcher, bot, settings))
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        try:
            url, headers = f"http://127.0.0.1:{port}/hook", {"X-Telegram-Bot-Api-Secret-Token": SECRET}

            async def post(body: dict) -> int:
                async with http.post(url, json=body, headers=headers) as response:
                    return response.status

            start = update(41, "/start")
            assert await post(start) == 200
            assert len(server.sent_messages(2001)) == 1  # the 200 came after the reply, not before
            question = update(42, "惠衢保多少钱")
            assert await asyncio.gather(post(question), post(question), post(question)) == [200, 200, 200]
            assert await post(start) == 200
            assert len(server.sent_messages(2001)) == 2
        finally:
            await runner.cleanup()
            await bot.session.close()
            await dispatcher.storage.close()
            services.close()
