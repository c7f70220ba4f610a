"""Flood control: a per-user token bucket; one polite "slow down" per burst, the rest dropped."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.telegram.throttling import ThrottlingMiddleware
from bot.testing.client import DialogueClient

SLOW_DOWN = "您发得有点快"
HELP = "怎么用"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def telegram_settings(tmp_path: Path, **overrides) -> Settings:
    """Settings as in the real bot (a token): flood control is on."""
    values = dict(bot_token="1:TEST", redis_url=None, database_path=tmp_path / "bot.sqlite3", throttle_rate=1.0, throttle_burst=5)
    return Settings(**{**values, **overrides})


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
async def chat(tmp_path, clock):
    async with DialogueClient(settings=telegram_settings(tmp_path)) as client:
        [throttling] = [m for m in client.dispatcher.message.outer_middleware if isinstance(m, ThrottlingMiddleware)]
        throttling.clock = clock
        yield client


def count(replies, fragment: str) -> int:
    return sum(fragment in reply.text for reply in replies)


async def test_ten_rapid_messages_get_one_polite_reply_not_ten_answers(chat):
    replies = []
    for _ in range(10):  # no time passes: a flood
        replies += await chat.send("/help")
    assert count(replies, SLOW_DOWN) == 1
    assert count(replies, HELP) == 5  # the burst
    assert len(replies) == 6


async def test_normal_pacing_is_unaffected(chat, clock):
    replies = []
    for _ in range(20):
        replies += await chat.send("/help")
        clock.now += 1.2  # a resident typing: slower than one message a second
    assert count(replies, HELP) == 20 and count(replies, SLOW_DOWN) == 0


async def test_a_short_burst_is_fine_and_the_bucket_refills(chat, clock):
    replies = []
    for _ in range(5):
        replies += await chat.send("/help")
    assert count(replies, HELP) == 5 and count(replies, SLOW_DOWN) == 0
    assert count(await chat.send("/help"), SLOW_DOWN) == 1
    assert await chat.send("/help") == []  # dropped silently: warned once already
    clock.now += 2  # two tokens back
    assert count(await chat.send("/help"), HELP) == 1
    assert count(await chat.send("/help"), HELP) == 1
    assert await chat.send("/help") == []  # still the same burst: no second warning
    clock.now += 10  # a pause long enough for the bucket to refill: a new flood is warned again
    replies = []
    for _ in range(7):
        replies += await chat.send("/help")
    assert count(replies, HELP) == 5 and count(replies, SLOW_DOWN) == 1


async def test_users_have_their_own_buckets(tmp_path, clock):
    async with DialogueClient(settings=telegram_settings(tmp_path)) as first:
        [throttling] = [m for m in first.dispatcher.message.outer_middleware if isinstance(m, ThrottlingMiddleware)]
        throttling.clock = clock
        for _ in range(8):
            await first.send("/help")
        # Another resident on the same dispatcher is not slowed down by the first one's flood.
        other = DialogueClient(services=first.services)
        other.dispatcher, other.bot, other.session = first.dispatcher, first.bot, first.session
        replies = await other.send("/help")
        assert count(replies, HELP) == 1 and count(replies, SLOW_DOWN) == 0


async def test_button_presses_count_too(chat):
    replies = []
    for number in range(6):
        query = {"id": f"q{number}", "from": chat.user.model_dump(exclude_none=True), "chat_instance": "1", "data": "a:help:",
                 "message": {"message_id": 1, "date": 0, "chat": {"id": chat.user.id, "type": "private"}}}
        replies += await chat.feed({"callback_query": query})
    assert count(replies, HELP) == 5
    assert count(replies, SLOW_DOWN) == 1  # as the callback's answer (a toast)


async def test_offline_harnesses_are_not_throttled():
    """Console, dialogue scripts and benchmarks feed messages fast and have no token."""
    async with DialogueClient() as client:
        assert not [m for m in client.dispatcher.message.outer_middleware if isinstance(m, ThrottlingMiddleware)]
        replies = []
        for _ in range(10):
            replies += await client.send("/help")
    assert count(replies, HELP) == 10


async def test_rate_zero_turns_flood_control_off(tmp_path):
    async with DialogueClient(settings=telegram_settings(tmp_path, throttle_rate=0)) as client:
        assert not [m for m in client.dispatcher.message.outer_middleware if isinstance(m, ThrottlingMiddleware)]


def test_bucket_arithmetic():
    clock = FakeClock()
    bucket = ThrottlingMiddleware(rate=2, burst=3, clock=clock)
    assert [bucket.allow(1) for _ in range(5)] == [True, True, True, False, None]
    clock.now += 0.5  # one token at 2 per second
    assert [bucket.allow(1) for _ in range(2)] == [True, None]
    assert bucket.allow(2) is True
    with pytest.raises(ValueError):
        ThrottlingMiddleware(rate=0)
