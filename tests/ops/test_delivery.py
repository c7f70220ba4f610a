"""The bot's own polling loop and Bot API session against a faulty fake Bot API, in one process:
every answer arrives exactly once (no apology) through 500, 502, a garbled reply, 429 with
retry_after, a reply past the timeout and a short outage; an update is confirmed only once handled;
👍 pressed twice, or on an old message, counts one vote and never apologises."""
from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.config import Settings
from bot.telegram.dispatcher import build_dispatcher
from bot.telegram.polling import ConfirmingPoller
from bot.telegram.runner import create_bot
from bot.telegram.services import create_services
from bot.testing.client import shared_store
from tests.crowd import APOLOGY
from tests.e2e.conftest import buttons, plain
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

QUESTION = "惠衢保多少钱"


class Polling:
    """services + dispatcher + the bot's session + ConfirmingPoller, as `python -m bot run` wires them."""

    def __init__(self, server: FakeBotAPI, directory: Path, timeout: float = 5):
        self.server = server
        self.settings = Settings(_env_file=None, bot_token=DEFAULT_TOKEN, bot_api_base_url=server.base_url, bot_api_timeout=timeout,
                                 redis_url=None, throttle_rate=0, database_path=directory / "bot.sqlite3")

    @asynccontextmanager
    async def running(self):
        services = create_services(self.settings, store=shared_store(self.settings.knowledge_dir))
        bot: Bot = create_bot(self.settings)
        dispatcher = build_dispatcher(services)
        self.services, self.poller = services, ConfirmingPoller(dispatcher, bot, timeout=1)
        task = asyncio.create_task(self.poller.run({"dispatcher": dispatcher, **dispatcher.workflow_data}))
        try:
            yield self
        finally:
            self.poller.stop.set()
            await asyncio.wait_for(task, 15)
            await bot.session.close()
            await dispatcher.storage.close()
            services.close()

    async def reply(self, chat_id: int, after: int, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        while len(self.server.sent_messages(chat_id)) <= after:
            assert time.monotonic() < deadline, f"no reply in chat {chat_id}"
            await asyncio.sleep(0.02)
        return self.server.sent_messages(chat_id)[after]

    async def quiet(self, seconds: float = 1.0) -> None:
        await asyncio.sleep(seconds)


@pytest.fixture
async def fake():
    async with FakeBotAPI() as server:
        yield server


def texts(server: FakeBotAPI, chat_id: int) -> list[str]:
    return [plain(message) for message in server.sent_messages(chat_id)]


FAULTS = {
    "500": lambda server: server.fault_next("sendMessage", "500", n=2),
    "502 page": lambda server: server.fault_next("sendMessage", "502", n=2),
    "429 retry_after": lambda server: server.fail_next("sendMessage", retry_after=2),
    "garbled 200": lambda server: server.fault_next("sendMessage", "garbled"),
    "slow past the timeout": lambda server: server.fault_next("sendMessage", "slow", delay=2.5),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_an_answer_arrives_once_through_a_fault(fake, tmp_path, fault):
    async with Polling(fake, tmp_path, timeout=1).running() as bot:
        chat = 900 + list(FAULTS).index(fault)
        FAULTS[fault](fake)
        fake.push_message(chat, QUESTION)
        assert "100" in plain(await bot.reply(chat, 0))
        await bot.quiet(3.0)  # a retried or second copy, or an apology, would come now
        assert texts(fake, chat) == [texts(fake, chat)[0]], texts(fake, chat)


async def test_an_answer_arrives_once_through_a_short_outage(fake, tmp_path):
    async with Polling(fake, tmp_path).running() as bot:
        fake.push_message(950, QUESTION)
        await bot.reply(950, 0)
        fake.outage(3.0)
        await asyncio.sleep(0.2)
        fake.push_message(950, QUESTION)  # Telegram keeps it while the bot cannot reach it
        assert "100" in plain(await bot.reply(950, 1, timeout=30))
        await bot.quiet(1.0)
        assert len(texts(fake, 950)) == 2 and not any(APOLOGY in text for text in texts(fake, 950))


async def test_an_update_is_confirmed_only_once_handled(fake, tmp_path):
    async with Polling(fake, tmp_path).running() as bot:
        fake.fault_next("sendMessage", "slow", delay=2.0)  # the handler is still busy for 2 s
        update_id = fake.push_message(960, QUESTION)
        await fake.wait_for_call("sendMessage")
        await asyncio.sleep(1.0)  # the poller keeps asking Telegram meanwhile
        polls_while_busy = len(fake.calls_of("getUpdates"))
        await bot.reply(960, 0)
        offsets_while_busy = [call.get("offset") for call in fake.calls_of("getUpdates")[1:polls_while_busy]]
        assert offsets_while_busy and all(offset is None or offset <= update_id for offset in offsets_while_busy)
        await bot.quiet(2.5)  # the slow reply has come back: the update is handled
        fake.push_message(961, "/help")  # the next poll confirms it
        await bot.reply(961, 0)
        assert any((call.get("offset") or 0) > update_id for call in fake.calls_of("getUpdates"))


async def vote_buttons(fake: FakeBotAPI, bot: Polling, chat: int) -> tuple[dict, str]:
    fake.push_message(chat, QUESTION)
    answer = await bot.reply(chat, 0)
    up = next(data for label, data in buttons(answer) if "👍" in label)
    return answer, up


def votes(bot: Polling) -> int:
    return bot.services.database.db.execute("SELECT count(*) FROM feedback").fetchone()[0]


async def test_thumbs_up_twice_quickly_counts_once_without_an_apology(fake, tmp_path):
    async with Polling(fake, tmp_path).running() as bot:
        answer, up = await vote_buttons(fake, bot, 970)
        fake.push_callback(970, up, answer["message_id"])
        fake.push_callback(970, up, answer["message_id"])
        await fake.wait_for_call("answerCallbackQuery", count=2)
        await bot.quiet(1.0)
        assert votes(bot) == 1
        assert not any(APOLOGY in text for text in texts(fake, 970)) and len(texts(fake, 970)) == 1
        assert "reply_markup" not in fake.sent_messages(970)[0]  # the buttons are gone


async def test_thumbs_up_on_an_old_message_counts_without_an_apology(fake, tmp_path):
    async with Polling(fake, tmp_path).running() as bot:
        _, up = await vote_buttons(fake, bot, 971)
        fake.push_callback(971, up, 99_999)  # Telegram sends an InaccessibleMessage for it
        await fake.wait_for_call("answerCallbackQuery")
        await bot.quiet(1.0)
        assert votes(bot) == 1 and len(texts(fake, 971)) == 1
