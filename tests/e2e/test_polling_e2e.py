"""The real bot process (`python -m bot run`, long polling) against the fake Bot API server.

One process for the whole scenario: it takes seconds to start (aiogram, knowledge).
"""
from __future__ import annotations

import asyncio
import time

from tests.e2e.conftest import BotProcess, Resident, buttons, plain, wait_for_message
from tests.fake_bot_api import FakeBotAPI

TOKEN = "987654321:E2E-secret-token-AAAbbbCCC"
APOLOGY = "抱歉，我这边出了点问题"
SLOW_DOWN = "您发得有点快"


def has_text(fragment: str):
    return lambda message: fragment in plain(message)


async def settled(server: FakeBotAPI, chat_id: int, quiet: float = 0.5, timeout: float = 10) -> None:
    """Wait until the bot has sent nothing new to chat_id for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    count, since = len(server.sent_messages(chat_id)), time.monotonic()
    while time.monotonic() - since < quiet and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        if len(server.sent_messages(chat_id)) != count:
            count, since = len(server.sent_messages(chat_id)), time.monotonic()


async def test_polling_bot_end_to_end(tmp_path):
    async with FakeBotAPI(TOKEN) as server:
        bot = BotProcess(
            {
                "BOT_TOKEN": TOKEN,
                "BOT_API_BASE_URL": server.base_url,
                "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
                "LOG_LEVEL": "INFO",
                # Residents tap far slower than this test does; the flood check below uses these limits.
                "THROTTLE_RATE": "10",
                "THROTTLE_BURST": "12",
            },
            tmp_path,
        )
        try:
            bot.start()
            await bot.wait_for_log(r"\bready: polling as @test_bot")
            assert sum("ready:" in line for line in bot.output.splitlines()) == 1

            # Start-up: webhook removed and command menu set before the first getUpdates.
            await server.wait_for_call("getUpdates")
            names = [name for name, _ in server.calls]
            assert names.index("deleteWebhook") < names.index("setMyCommands") < names.index("getUpdates"), names
            menus = server.calls_of("setMyCommands")
            assert any({"command": "estimate", "description": "报销估算"} in menu["commands"] for menu in menus), menus

            alice = Resident(server, 1001)
            greeting = await alice.send("/start")
            assert "您好" in plain(greeting)
            topics = [data for _, data in buttons(greeting) if data.startswith("a:topic:")]
            assert len(topics) >= 3, buttons(greeting)

            answer = await alice.send("惠衢保多少钱")
            assert "100" in plain(answer)

            # A button from an earlier reply (the greeting's first topic) still works.
            topic_label = buttons(greeting)[0][0]
            before = alice.seen
            server.push_callback(alice.chat_id, topics[0], greeting["message_id"])
            topic_answer = await wait_for_message(server, alice.chat_id, before)
            assert plain(topic_answer).strip(), topic_label
            assert server.calls_of("answerCallbackQuery")

            # E1, by buttons and typed amounts (11 updates: within one burst for a fresh user).
            erin = Resident(server, 1005)
            await erin.send("/start")
            await erin.press("报销估算", has_text("第1步"))
            for label, number in [("衢州", 2), ("城乡居民", 3), ("住院", 4), ("三级", 5), ("市内", 6)]:
                await erin.press(label, has_text(f"第{number}步"))
            await erin.send("10万", has_text("第7步"))
            await erin.send("2万", has_text("第8步"))
            await erin.press("否", has_text("第9步"))
            result = await erin.press("是", has_text("合计报销"))
            assert "85,909.00" in plain(result)

            # 429 Too Many Requests: the reply still arrives, after the retry_after Telegram asked for.
            bob = Resident(server, 1002)
            server.fail_next("sendMessage", retry_after=1)
            started = time.monotonic()
            help_reply = await bob.send("/help")
            assert time.monotonic() - started >= 0.9
            assert plain(help_reply).strip()
            assert "Telegram asks to wait" in bot.output

            # A handler fails (Telegram rejects its message): the resident gets an apology, the bot keeps serving.
            carol = Resident(server, 1003)
            server.fail_next("sendMessage", error_code=400, description="Bad Request: message is too long")
            await carol.send("/help", has_text(APOLOGY))
            assert plain(await carol.send("/help")).strip()
            assert "failed" in bot.output

            # Flood: 20 messages at once (twice the burst) -> one polite "slow down", and fewer than 20 answers.
            dave = Resident(server, 1004)
            for _ in range(20):
                server.push_message(dave.chat_id, "/help")
            await wait_for_message(server, dave.chat_id, 0, has_text(SLOW_DOWN))
            await settled(server, dave.chat_id)
            texts = [plain(m) for m in server.sent_messages(dave.chat_id)]
            assert sum(SLOW_DOWN in text for text in texts) == 1, texts
            assert len(texts) - 1 < 20

            # The bot still answers Alice after all that.
            assert "100" in plain(await alice.send("惠衢保多少钱"))

            code, took = await bot.terminate()
            assert code == 0, bot.output[-3000:]
            assert took < 5, f"took {took:.1f} s to stop"
            assert "stopping" in bot.output.lower() or "polling stopped" in bot.output.lower()
            assert TOKEN not in bot.output
            assert TOKEN.split(":")[1] not in bot.output
        finally:
            bot.kill()
