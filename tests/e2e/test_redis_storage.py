"""Dialogue state in a real Redis: a dialogue begun on one replica continues on another."""
from __future__ import annotations

import shutil
import subprocess
import time

import pytest
import redis
from aiogram.fsm.storage.redis import RedisStorage

from bot.testing import DialogueClient
from tests.e2e.conftest import free_port


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (`make test` installs it: apt-get install -y redis-server)")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(workdir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 15
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"redis-server did not start (exit code {process.poll()})")
                time.sleep(0.05)
        client.close()
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def text(replies) -> str:
    return "\n".join(reply.text for reply in replies)


async def test_estimate_continues_on_another_replica(redis_url):
    user_id = 70001
    async with DialogueClient(user_id=user_id, storage=RedisStorage.from_url(redis_url)) as first:
        assert "第1步" in text(await first.send("/estimate"))
        for label, number in [("衢州", 2), ("城乡居民", 3), ("住院", 4), ("三级", 5), ("市内", 6)]:
            assert f"第{number}步" in text(await first.press(label))

    # Another process (new dispatcher, new storage object, own SQLite), the same Redis and the same resident.
    async with DialogueClient(user_id=user_id, storage=RedisStorage.from_url(redis_url)) as second:
        assert "第7步" in text(await second.send("10万"))
        assert "第8步" in text(await second.send("2万"))
        assert "第9步" in text(await second.press("否"))
        result = text(await second.press("是"))
        assert "85,909.00" in result


async def test_two_residents_do_not_share_state(redis_url):
    alice_id, bob_id = 70002, 70003
    async with DialogueClient(user_id=alice_id, storage=RedisStorage.from_url(redis_url)) as alice, \
            DialogueClient(user_id=bob_id, storage=RedisStorage.from_url(redis_url)) as bob:
        await alice.send("/estimate")
        for label in ["衢州", "城乡居民", "住院", "三级", "市内"]:
            await alice.press(label)
        # Bob never started an estimate: an amount is not taken as an answer to Alice's question.
        assert "第7步" not in text(await bob.send("10万"))
        assert "第1步" in text(await bob.send("/estimate"))
        assert "第2步" in text(await bob.press("衡阳"))
        # Alice is still where she was, and Bob's choice of city is not hers.
        assert "第7步" in text(await alice.send("10万"))
        assert "第8步" in text(await alice.send("2万"))
        await alice.press("否")
        assert "85,909.00" in text(await alice.press("是"))
        assert "第3步" in text(await bob.press("职工医保"))
