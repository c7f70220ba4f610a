"""Nothing lost, nothing twice, on SQLite: state committed with the update, handled ids remembered,
one resident's updates in order, question rows written at once and kept through a full disk."""
from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

import pytest

from bot.config import Settings
from bot.storage.database import Database
from bot.storage.fsm import SQLiteStorage
from bot.testing.client import DialogueClient
from tests.crowd import APOLOGY, E1_ANSWERS, E1_TOTAL, burst, crowd, message_update, replies, sequential_replay


def settings_in(tmp_path: Path) -> Settings:
    return Settings(_env_file=None, bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3")


def fsm_rows(path: Path) -> dict[str, tuple]:
    """What another process (a restarted bot) would find in the file right now."""
    connection = sqlite3.connect(path)
    try:
        return {key: (state, data) for key, state, data in connection.execute("SELECT key, state, data FROM fsm")}
    finally:
        connection.close()


async def test_dialogue_state_is_on_disk_when_the_update_is_handled(tmp_path):
    fsm_file = tmp_path / "bot.fsm.sqlite3"
    async with DialogueClient(user_id=501, settings=settings_in(tmp_path), storage=SQLiteStorage(fsm_file)) as chat:
        await chat.send("/estimate")
        await chat.send("衢州")
        # No close, no flush: a kill -9 now must find the answer in the file.
        [(state, data)] = fsm_rows(fsm_file).values()
        assert state == "EstimateDialogue:answering" and "quzhou" in data


async def test_a_handled_update_is_not_answered_again(tmp_path):
    fsm_file = tmp_path / "bot.fsm.sqlite3"
    settings = settings_in(tmp_path)
    async with DialogueClient(user_id=502, settings=settings, storage=SQLiteStorage(fsm_file)) as chat:
        await chat.dispatcher.feed_update(chat.bot, message_update(chat, 502, "/estimate"))
        amount = message_update(chat, 502, "衢州")
        for _ in range(3):  # a webhook re-post, or long polling's redelivery
            await chat.dispatcher.feed_update(chat.bot, amount)
        assert len(replies(chat, 502)) == 2, replies(chat, 502)
    # After a restart (new storage object, same file) the id is still known.
    async with DialogueClient(user_id=502, settings=settings, storage=SQLiteStorage(fsm_file)) as again:
        await again.dispatcher.feed_update(again.bot, amount)
        assert replies(again, 502) == []


async def test_one_residents_burst_equals_the_sequential_replay(tmp_path):
    settings = settings_in(tmp_path)
    async with DialogueClient(settings=settings, storage=SQLiteStorage(tmp_path / "a.sqlite3")) as chat:
        expected = await sequential_replay(chat, 601, ["/estimate", *E1_ANSWERS])
        assert E1_TOTAL in expected[-1]
        await chat.dispatcher.feed_update(chat.bot, message_update(chat, 602, "/estimate"))
        await burst(chat, 602, E1_ANSWERS)
        assert replies(chat, 602) == expected


async def test_two_hundred_residents_at_once(tmp_path):
    async with DialogueClient(settings=settings_in(tmp_path), storage=SQLiteStorage(tmp_path / "fsm.sqlite3")) as chat:
        expected = (await sequential_replay(chat, 1, ["/estimate", *E1_ANSWERS]))[-1]
        residents = list(range(10_000, 10_200))
        await crowd(chat, residents, E1_ANSWERS)
        finals = [replies(chat, user)[-1] for user in residents]
        assert sum(final == expected for final in finals) == 200
        assert not any(APOLOGY in text for user in residents for text in replies(chat, user))


def count_questions(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM questions").fetchone()[0]
    finally:
        connection.close()


def test_a_question_row_is_on_disk_at_once(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    try:
        database.log_question(1, "惠衢保多少钱", "hqb-price", 0.9, "answered")
        assert count_questions(tmp_path / "bot.sqlite3") == 1
    finally:
        database.close()


async def test_a_question_row_is_on_disk_at_once_inside_the_bot(tmp_path):
    async with DialogueClient(settings=settings_in(tmp_path)) as chat:
        await chat.send("惠衢保多少钱")
        assert count_questions(tmp_path / "bot.sqlite3") == 1


def test_a_full_disk_keeps_every_row_and_reports_once(tmp_path, caplog):
    database = Database(tmp_path / "bot.sqlite3")
    try:
        pages = database._db.execute("PRAGMA page_count").fetchone()[0]
        database._db.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from now on
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            for number in range(200):
                database.log_question(number, f"问题 {number} " + "长" * 200, None, 0.1, "declined")
        assert count_questions(tmp_path / "bot.sqlite3") < 200
        assert len([record for record in caplog.records if record.levelno >= logging.ERROR]) == 1
        database._db.execute(f"PRAGMA max_page_count = {pages * 1000}")  # space again
        database.log_question(200, "惠衢保多少钱", None, 0.1, "declined")
        assert count_questions(tmp_path / "bot.sqlite3") == 201
    finally:
        database.close()


class FullDisk:
    """The storage's connection, on a disk that is full while `full` is set (SQLITE_FULL on every write)."""

    def __init__(self, connection: sqlite3.Connection):
        self.connection, self.full = connection, False

    def executemany(self, *args):
        if self.full:
            raise sqlite3.OperationalError("database or disk is full")
        return self.connection.executemany(*args)

    def __getattr__(self, name):
        return getattr(self.connection, name)

    def __enter__(self):
        return self.connection.__enter__()

    def __exit__(self, *exc_info):
        return self.connection.__exit__(*exc_info)


async def test_dialogue_state_survives_a_full_disk(tmp_path, caplog):
    storage = SQLiteStorage(tmp_path / "fsm.sqlite3")
    disk = storage.connection = FullDisk(storage.connection)
    async with DialogueClient(user_id=503, settings=settings_in(tmp_path), storage=storage) as chat:
        await chat.send("/estimate")
        disk.full = True
        with caplog.at_level(logging.ERROR, logger="bot.storage"):
            await chat.send("衢州")  # cannot be written: kept in memory, reported
            await chat.send("居民")
        assert len([record for record in caplog.records if record.name == "bot.storage"]) == 1
        disk.full = False
        assert "第4步" in "".join(reply.text for reply in await chat.send("住院"))
        [(state, data)] = fsm_rows(tmp_path / "fsm.sqlite3").values()
        assert "quzhou" in data and "resident" in data and "inpatient" in data


class CrashBeforeCommit(SQLiteStorage):
    """The process dies after the update's reply went out, before its state and id were committed."""

    crash_next = False

    async def commit_update(self, bot_id, update_id, writes):
        if self.crash_next:
            self.crash_next = False
            raise asyncio.CancelledError  # like kill -9: nothing after this line runs, no apology either
        await super().commit_update(bot_id, update_id, writes)


async def test_an_update_handled_again_after_a_crash_does_not_send_its_reply_twice(tmp_path):
    storage = CrashBeforeCommit(tmp_path / "fsm.sqlite3")
    async with DialogueClient(settings=settings_in(tmp_path), storage=storage) as chat:
        await chat.dispatcher.feed_update(chat.bot, message_update(chat, 504, "/estimate"))
        answer = message_update(chat, 504, "衢州")
        storage.crash_next = True
        with pytest.raises(asyncio.CancelledError):
            await chat.dispatcher.feed_update(chat.bot, answer)
        await chat.dispatcher.feed_update(chat.bot, answer)  # Telegram delivers it again
        sent = replies(chat, 504)
        assert len(sent) == 2 and "第2步" in sent[1], sent
        await chat.dispatcher.feed_update(chat.bot, message_update(chat, 504, "居民"))
        assert "第3步" in replies(chat, 504)[-1]  # the state went on from the replayed update
