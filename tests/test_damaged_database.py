"""A database damaged behind an intact header: the bot starts, so every resident still gets a
reply or the apology (never silence), and the health check says what is wrong."""
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.config import Settings
from bot.storage.database import Database
from bot.telegram.webhook import create_app
from bot.testing.client import DialogueClient

APOLOGY = "抱歉，我这边出了点问题"


def damaged_database(path: Path) -> Path:
    database = Database(path)
    for number in range(300):
        database.log_question(number, "惠衢保多少钱" * 20, None, 0.1, "declined", typed="惠衢保多少钱" * 20)
        database.set_city(number, "quzhou")
    database.close()
    raw = bytearray(path.read_bytes())
    for offset in range(4096, len(raw), 4096):  # every page but the first (the header) overwritten
        raw[offset:offset + 4096] = b"\xde\xad\xbe\xef" * 1024
    path.write_bytes(bytes(raw))
    return path


async def test_every_message_gets_a_reply_or_the_apology_and_health_reports_it(tmp_path):
    settings = Settings(bot_token=None, redis_url=None, database_path=damaged_database(tmp_path / "bot.sqlite3"), webhook_secret="s")
    async with DialogueClient(settings=settings) as chat:
        for text in ("/start", "惠衢保多少钱", "/help"):
            replies = await chat.send(text)
            assert replies, f"silence after {text!r}"
        async with TestClient(TestServer(create_app(chat.dispatcher, chat.bot, settings))) as client:
            response = await client.get("/healthz")
            assert response.status == 503
            assert "damaged" in await response.text() or "unreadable" in await response.text()
    assert any(APOLOGY in reply.text for reply in chat.history)


async def test_a_sound_database_is_healthy(tmp_path):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3", webhook_secret="s")
    async with DialogueClient(settings=settings) as chat:
        await chat.send("/start")
        async with TestClient(TestServer(create_app(chat.dispatcher, chat.bot, settings))) as client:
            response = await client.get("/healthz")
            assert response.status == 200 and await response.text() == "ok"
