"""µs per durable write: what committing at once costs (SQLite WAL, synchronous=NORMAL).

Measured on files in a temporary directory, in this process, with the storage classes the bot
uses: the end-of-update commit (dialogue state + the update id, one transaction), the handled-id
lookup, the sent-reply record, and one question row.
"""
from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from aiogram.fsm.storage.base import StorageKey

from bot.storage.database import Database
from bot.storage.fsm import SQLiteStorage, update_scope

DATA = {"answers": {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": "3", "in_scope": "100000"}}


def _per_call(function, count: int) -> float:
    started = time.perf_counter_ns()
    for number in range(count):
        function(number)
    return (time.perf_counter_ns() - started) / 1000 / count


async def _fsm(directory: Path, count: int) -> dict[str, float]:
    storage = SQLiteStorage(directory / "fsm.sqlite3")
    ids = iter(range(10**9))
    try:
        async def step(number: int) -> None:
            key = StorageKey(bot_id=1, chat_id=number % 500, user_id=number % 500)
            with update_scope() as writes:
                await storage.set_state(key, "EstimateDialogue:answering")
                await storage.set_data(key, DATA)
                await storage.commit_update(1, next(ids), writes)

        async def timed(coroutine_function) -> float:
            started = time.perf_counter_ns()
            for number in range(count):
                await coroutine_function(number)
            return (time.perf_counter_ns() - started) / 1000 / count

        await timed(step)  # warm-up: the file and the cache exist
        commit = await timed(step)
        lookup = await timed(lambda number: storage.is_handled(1, number))
        sent = await timed(lambda number: storage.mark_sent(1, 10**8 + number, 1))
        return {"commit_update": commit, "is_handled": lookup, "mark_sent": sent}
    finally:
        await storage.close()


def run(rounds: int, count: int) -> dict:
    figures: dict[str, list[float]] = {}
    for _ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="yibao-bench-") as tmp:
            directory = Path(tmp)
            for name, value in asyncio.run(_fsm(directory, count)).items():
                figures.setdefault(name, []).append(value)
            database = Database(directory / "bot.sqlite3")
            try:
                database.log_question(0, "惠衢保多少钱", "hqb", 0.9, "answered")
                figures.setdefault("log_question", []).append(
                    _per_call(lambda number: database.log_question(number, "惠衢保多少钱", "hqb", 0.9, "answered"), count))
            finally:
                database.close()
    return {"us": figures, "count": count, "rounds": rounds, "median_us": {name: statistics.median(values) for name, values in figures.items()}}
