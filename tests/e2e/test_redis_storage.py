"""Dialogue state in a real Redis: a dialogue begun on one replica continues on another."""
from __future__ import annotations

import asyncio
import shutil
import subprocess
import time

import pytest
import redis
from aiogram.fsm.storage.redis import RedisStorage

from bot.testing.client import DialogueClient
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


# ---- several replicas, many updates in flight ------------------------------------------------------

def replica_settings(tmp_path, redis_url, name: str):
    from bot.config import Settings

    return Settings(_env_file=None, bot_token=None, redis_url=redis_url, database_path=tmp_path / f"{name}.sqlite3")


async def test_one_residents_burst_equals_the_sequential_replay(redis_url, tmp_path):
    from tests.crowd import APOLOGY, E1_ANSWERS, E1_TOTAL, burst, message_update, replies, sequential_replay

    async with DialogueClient(settings=replica_settings(tmp_path, redis_url, "a")) as replica:
        expected = await sequential_replay(replica, 80001, ["/estimate", *E1_ANSWERS])
        assert E1_TOTAL in expected[-1]
        await replica.dispatcher.feed_update(replica.bot, message_update(replica, 80002, "/estimate"))
        await burst(replica, 80002, E1_ANSWERS)
        assert replies(replica, 80002) == expected
        assert not any(APOLOGY in text for text in replies(replica, 80002))


async def test_two_hundred_residents_at_once_on_two_replicas(redis_url, tmp_path):
    """Over 100 updates in flight per replica (the client's default pool refuses the 101st
    connection); each resident's answers split between two replicas that share one Redis."""
    import asyncio

    from tests.crowd import APOLOGY, E1_ANSWERS, message_update, replies, sequential_replay

    async with DialogueClient(settings=replica_settings(tmp_path, redis_url, "a")) as first, \
            DialogueClient(settings=replica_settings(tmp_path, redis_url, "b")) as second:
        expected = (await sequential_replay(first, 81000, ["/estimate", *E1_ANSWERS]))[-1]
        residents = list(range(81001, 81201))
        await asyncio.gather(*(first.dispatcher.feed_update(first.bot, message_update(first, user, "/estimate")) for user in residents))
        for answer in E1_ANSWERS:  # each answer to whichever replica, all residents at once
            await asyncio.gather(*(
                replica.dispatcher.feed_update(replica.bot, message_update(replica, user, answer))
                for number, user in enumerate(residents) for replica in [(first, second)[(number + len(answer)) % 2]]))
        finals = {user: (replies(first, user) + replies(second, user))[-1:] for user in residents}
        texts = [text for user in residents for text in replies(first, user) + replies(second, user)]
        assert not any(APOLOGY in text for text in texts)
        results = [text for text in texts if "合计报销" in text]
        assert len(results) == 200 and all(text == expected for text in results), {user: final for user, final in list(finals.items())[:3]}


async def test_many_updates_in_flight_on_one_replica(redis_url, tmp_path):
    import asyncio

    from tests.crowd import E1_ANSWERS, crowd, replies

    async with DialogueClient(settings=replica_settings(tmp_path, redis_url, "a")) as replica:
        residents = list(range(82001, 82201))
        await crowd(replica, residents, E1_ANSWERS)  # 1,800 answers in flight together
        assert replica.errors == []
        assert all("合计报销" in replies(replica, user)[-1] for user in residents)


async def test_an_update_handled_on_one_replica_is_skipped_on_another(redis_url, tmp_path):
    from tests.crowd import message_update, replies

    async with DialogueClient(settings=replica_settings(tmp_path, redis_url, "a")) as first, \
            DialogueClient(settings=replica_settings(tmp_path, redis_url, "b")) as second:
        update = message_update(first, 83001, "/start")
        await first.dispatcher.feed_update(first.bot, update)
        await second.dispatcher.feed_update(second.bot, update)  # Telegram re-posted it to the other replica
        assert len(replies(first, 83001)) == 1 and replies(second, 83001) == []


async def test_a_lock_left_by_a_killed_replica_expires(redis_url, tmp_path, monkeypatch):
    """A replica killed inside an update leaves its user's lock behind: it expires, it is not held
    for aiogram's 60 s, and a lock held by a live update is renewed past its TTL."""
    import asyncio

    from aiogram.fsm.storage.base import StorageKey

    from bot.telegram.exactly_once import RenewedRedisLock
    from tests.crowd import message_update, replies

    monkeypatch.setattr(RenewedRedisLock, "LOCK_TTL", 0.6)
    async with DialogueClient(settings=replica_settings(tmp_path, redis_url, "a")) as replica:
        storage = replica.dispatcher.storage
        key = StorageKey(bot_id=replica.bot.id, chat_id=84001, user_id=84001)
        await storage.redis.set(storage.key_builder.build(key, "lock"), "killed-replica", px=600)
        await asyncio.wait_for(replica.dispatcher.feed_update(replica.bot, message_update(replica, 84001, "/start")), 30)
        assert len(replies(replica, 84001)) == 1
        isolation = RenewedRedisLock(storage.redis, storage.key_builder)
        async with isolation.lock(key):
            await asyncio.sleep(1.5)  # longer than the TTL: renewed meanwhile
            assert await storage.redis.exists(storage.key_builder.build(key, "lock"))


# ---- a reply's record is out before its request is -------------------------------------------------

def after_each_send_message_write(monkeypatch, check) -> None:
    """Call `check()` right after a sendMessage request's bytes are handed to the kernel, before this
    process runs anything else: what `check` finds is what a kill -9 at that instant leaves behind."""
    from aiohttp.http_writer import StreamWriter

    write, writelines = StreamWriter._write, StreamWriter._writelines

    def checked_write(writer, chunk):
        write(writer, chunk)
        if b"/sendMessage " in bytes(chunk):
            check()

    def checked_writelines(writer, chunks):
        chunks = list(chunks)
        writelines(writer, chunks)
        if any(b"/sendMessage " in bytes(chunk) for chunk in chunks):
            check()

    monkeypatch.setattr(StreamWriter, "_write", checked_write)
    monkeypatch.setattr(StreamWriter, "_writelines", checked_writelines)


def soon(condition, seconds: float = 2.0) -> bool:
    """Waits without yielding to the event loop: this process does nothing more meanwhile, as if killed."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.002)
    return True


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
async def test_a_reply_is_recorded_before_its_request_is_written(backend, request, tmp_path, monkeypatch):
    """Killed just after a reply's request went out, the bot must find the reply recorded (or the
    update, handled again after the restart, answers twice): both backends, the real session."""
    import sqlite3
    from types import SimpleNamespace

    from tests.crowd import message_update
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    redis_url = request.getfixturevalue("redis_url") if backend == "redis" else None
    async with FakeBotAPI(DEFAULT_TOKEN) as server:
        settings, services, bot, dispatcher = live_bot(server.base_url, redis_url, tmp_path)
        update = message_update(SimpleNamespace(bot=bot), 85001, "/start")

        def recorded() -> bool:
            if redis_url:
                return bool(redis.Redis.from_url(redis_url).keys(f"*:sent:*:{update.update_id}:1"))
            with sqlite3.connect(settings.database_path.with_suffix(".fsm.sqlite3")) as connection:
                return connection.execute("SELECT 1 FROM sent_replies WHERE update_id = ?", (update.update_id,)).fetchone() is not None

        found_at_write: list[bool] = []
        after_each_send_message_write(monkeypatch, lambda: found_at_write.append(soon(recorded)))
        try:
            await dispatcher.feed_update(bot, update)
        finally:
            await close_live_bot(services, bot, dispatcher)
        assert found_at_write == [True]
        assert len(server.sent_messages(85001)) == 1


async def test_reply_records_sent_at_once_all_reach_redis(redis_url):
    """Many replies going out together on a fresh replica: each record written (none refused while
    the records' connection is opened), each of Redis's answers read before the storage closes."""
    import asyncio

    from bot.storage.fsm import DurableRedisStorage

    storage = DurableRedisStorage(redis.asyncio.Redis.from_url(redis_url))
    await asyncio.gather(*(storage.mark_sent_before_write(1, 86000 + number, 1) for number in range(50)))
    await storage.close()
    client = redis.Redis.from_url(redis_url)
    assert len(client.keys("*:sent:1:86*:1")) == 50
    assert all(client.ttl(key) > 0 for key in client.keys("*:sent:1:86*:1"))


async def test_a_reply_record_wakes_no_redis_server_before_its_request_is_written(redis_url, tmp_path, monkeypatch):
    """The record's SET, sent at once, woke redis-server, and the kernel often ran it before this
    process wrote the request: a kill then left the reply recorded and never sent (the kill rounds'
    lost replies). The SET is held in the kernel until the request is written, then goes to Redis."""
    from types import SimpleNamespace

    from tests.crowd import message_update
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    client = redis.Redis.from_url(redis_url)
    async with FakeBotAPI(DEFAULT_TOKEN) as server:
        settings, services, bot, dispatcher = live_bot(server.base_url, redis_url, tmp_path)
        first, second = (message_update(SimpleNamespace(bot=bot), 89001, text) for text in ("/start", "/help"))
        in_redis_at_write: list[bool] = []
        after_each_send_message_write(monkeypatch, lambda: in_redis_at_write.append(bool(client.keys(f"*:sent:*:{second.update_id}:1"))))
        try:
            await dispatcher.feed_update(bot, first)  # the records' connection opened
            in_redis_at_write.clear()
            await dispatcher.feed_update(bot, second)
        finally:
            await close_live_bot(services, bot, dispatcher)
    assert in_redis_at_write == [False]
    assert client.keys(f"*:sent:*:{second.update_id}:1")  # pushed once the request was out
    assert len(server.sent_messages(89001)) == 2


def test_a_held_reply_record_reaches_redis_when_the_process_is_killed(redis_url, tmp_path):
    """kill -9 right after a record, nothing run since (its request would be next): the kernel sends
    the held SET with the socket's FIN. Records before it were pushed; Redis answered none of them
    (unread answers would make the kernel reset the socket and drop what it holds)."""
    import subprocess
    import sys

    script = f"""
import asyncio, os, signal, time
import redis.asyncio
from bot.storage.fsm import DurableRedisStorage

async def main():
    storage = DurableRedisStorage(redis.asyncio.Redis.from_url({redis_url!r}))
    for update_id in range(91000, 91005):
        await storage.mark_sent_before_write(1, update_id, 1)
        await asyncio.sleep(0)  # the loop turns: pushed to Redis
    time.sleep(0.1)  # busy: an answer from Redis, if it sent one, would wait unread in the kernel
    await storage.mark_sent_before_write(1, 91005, 1)
    os.kill(os.getpid(), signal.SIGKILL)

asyncio.run(main())
"""
    from tests.conftest import ROOT

    process = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=60, capture_output=True, text=True)
    assert process.returncode == -9, process.stderr
    client = redis.Redis.from_url(redis_url)
    assert soon(lambda: len(client.keys("*:sent:1:9100*:1")) == 6), sorted(client.keys("*:sent:1:9100*:1"))


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
async def test_a_reply_killed_while_waiting_to_be_retried_is_sent_after_the_restart(backend, request, tmp_path):
    """Telegram refused the reply (429: not performed) and the bot waits to retry it; a kill -9 then
    must not leave it recorded as sent: after the restart it is sent, once."""
    from tests.e2e.conftest import BotProcess, wait_for_message
    from tests.e2e.killing import TOKEN
    from tests.fake_bot_api import FakeBotAPI

    redis_url = request.getfixturevalue("redis_url") if backend == "redis" else ""
    if redis_url:
        redis.Redis.from_url(redis_url).flushdb()
    async with FakeBotAPI(TOKEN) as server:
        env = {"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": server.base_url, "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
               "THROTTLE_RATE": "0", "REDIS_URL": redis_url}
        bot = BotProcess(env, tmp_path)
        try:
            bot.start()
            await bot.wait_for_log(r"\bready: polling")
            server.fail_next("sendMessage", retry_after=30)
            server.push_message(92001, "/help")
            await server.wait_for_call("sendMessage", timeout=60)
            await bot.wait_for_log(r"sendMessage: Telegram asks to wait 30 s")
            bot.kill()
            assert server.sent_messages(92001) == []
            bot.start()
            await bot.wait_for_log(r"\bready: polling")
            await wait_for_message(server, 92001, 0)
            await asyncio.sleep(1.0)  # a second copy would come now
            assert len(server.sent_messages(92001)) == 1
        finally:
            bot.kill()


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
async def test_nothing_runs_between_a_reply_record_and_its_request(backend, request, tmp_path, monkeypatch):
    """A reply recorded and its request not yet written is a reply lost to a kill: no other update's
    work may run in between (a loop iteration under load is tens of ms)."""
    import asyncio
    from types import SimpleNamespace

    from tests.crowd import message_update
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    redis_url = request.getfixturevalue("redis_url") if backend == "redis" else None
    loop = LoopTurns()

    async with FakeBotAPI(DEFAULT_TOKEN) as server:
        settings, services, bot, dispatcher = live_bot(server.base_url, redis_url, tmp_path)
        storage = dispatcher.storage
        at_record: list[int] = []
        at_write: list[int] = []
        record = storage.mark_sent_before_write

        async def counted_record(*args):
            at_record.append(loop.turns)  # once connected, the record is written without a pause, then the request
            await record(*args)

        monkeypatch.setattr(storage, "mark_sent_before_write", counted_record)
        after_each_send_message_write(monkeypatch, lambda: at_write.append(loop.turns))
        ticker = asyncio.create_task(loop.count())
        try:
            await dispatcher.feed_update(bot, message_update(SimpleNamespace(bot=bot), 87001, "/start"))  # connections opened
            at_record.clear(), at_write.clear()
            await dispatcher.feed_update(bot, message_update(SimpleNamespace(bot=bot), 87001, "/help"))
        finally:
            ticker.cancel()
            await close_live_bot(services, bot, dispatcher)
        assert len(at_record) == 1 and at_write == at_record


@pytest.mark.parametrize("backend", ["sqlite", "redis"])
async def test_every_estimate_reply_the_result_too_is_recorded_right_before_its_request(backend, request, tmp_path, monkeypatch):
    """The kill rounds once lost only the result (the step that clears the state, the longest reply):
    it goes out as every step's reply does, its record in the store when its request is written and
    nothing run in between."""
    import asyncio
    import sqlite3
    from types import SimpleNamespace

    from tests.crowd import E1_ANSWERS, E1_TOTAL, message_update
    from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI

    redis_url = request.getfixturevalue("redis_url") if backend == "redis" else None
    loop, current = LoopTurns(), []

    async with FakeBotAPI(DEFAULT_TOKEN) as server:
        settings, services, bot, dispatcher = live_bot(server.base_url, redis_url, tmp_path)
        storage = dispatcher.storage

        def recorded() -> bool:
            if redis_url:
                return bool(redis.Redis.from_url(redis_url).keys(f"*:sent:*:{current[-1]}:1"))
            with sqlite3.connect(settings.database_path.with_suffix(".fsm.sqlite3")) as connection:
                return connection.execute("SELECT 1 FROM sent_replies WHERE update_id = ?", (current[-1],)).fetchone() is not None

        at_record: list[int] = []
        at_write: list[tuple[int, bool]] = []
        record = storage.mark_sent_before_write

        async def counted_record(*args):
            at_record.append(loop.turns)
            await record(*args)

        monkeypatch.setattr(storage, "mark_sent_before_write", counted_record)
        after_each_send_message_write(monkeypatch, lambda: at_write.append((loop.turns, soon(recorded))))
        ticker = asyncio.create_task(loop.count())
        try:
            await dispatcher.feed_update(bot, message_update(SimpleNamespace(bot=bot), 88001, "/start"))  # connections opened
            at_record.clear(), at_write.clear()
            for answer in ["/estimate", *E1_ANSWERS]:
                update = message_update(SimpleNamespace(bot=bot), 88001, answer)
                current.append(update.update_id)
                await dispatcher.feed_update(bot, update)
        finally:
            ticker.cancel()
            await close_live_bot(services, bot, dispatcher)
        replies = server.sent_messages(88001)[1:]
        assert len(replies) == len(E1_ANSWERS) + 1 and E1_TOTAL in replies[-1]["text"]
        assert at_write == [(turn, True) for turn in at_record]


def live_bot(base_url: str, redis_url: str | None, tmp_path):
    """The real bot (services, session, dispatcher and its storage) against a fake Bot API server."""
    from bot.config import Settings
    from bot.telegram.dispatcher import build_dispatcher
    from bot.telegram.runner import create_bot
    from bot.telegram.services import create_services
    from bot.testing.client import shared_store
    from tests.fake_bot_api import DEFAULT_TOKEN

    settings = Settings(_env_file=None, bot_token=DEFAULT_TOKEN, bot_api_base_url=base_url, redis_url=redis_url,
                        throttle_rate=0, database_path=tmp_path / "bot.sqlite3")
    services = create_services(settings, store=shared_store(settings.knowledge_dir))
    return settings, services, create_bot(settings), build_dispatcher(services)


async def close_live_bot(services, bot, dispatcher) -> None:
    """What live_bot opened: the Bot API session, the dialogue storage, the services."""
    await bot.session.close()
    await dispatcher.storage.close()
    services.close()


class LoopTurns:
    """Counts the event loop's turns: a count unchanged between two moments means nothing else ran."""

    def __init__(self):
        self.turns = 0

    async def count(self) -> None:
        import asyncio

        while True:
            await asyncio.sleep(0)
            self.turns += 1
