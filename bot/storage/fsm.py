"""Persistent FSM storage in SQLite, so a half-finished dialogue survives a restart of the bot."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Mapping

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey

from bot.storage.deferred import DeferredFlush


class SQLiteStorage(BaseStorage):
    """One row per (bot, chat, user, thread, destiny) key.

    The file belongs to one process (several replicas share dialogue state through Redis instead),
    so rows are cached in memory once read and every update's state lookup costs no query. Writes
    go to the cache at once and to the file in one transaction at most FLUSH_DELAY later (an
    estimate step writes state and data: two commits of ~0.1 ms each before). `close()` writes
    everything, so a restart keeps every dialogue; a crash (kill -9) may lose the last second.
    """

    FLUSH_DELAY = 1.0  # seconds a change may wait for its transaction
    CACHED_KEYS = 50_000  # rows kept in memory; beyond, the cache is written and emptied

    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")  # no fsync per write (~5 ms each); WAL keeps the file consistent
        self.connection.execute("CREATE TABLE IF NOT EXISTS fsm (key TEXT PRIMARY KEY, state TEXT, data TEXT NOT NULL DEFAULT '{}')")
        self.key_builder = DefaultKeyBuilder(with_destiny=True)
        self._rows: dict[str, list] = {}  # key -> [state, data as JSON text]
        self._dirty: set[str] = set()
        self._deferred = DeferredFlush(self.flush, self.FLUSH_DELAY)

    def _key(self, key: StorageKey) -> str:
        return self.key_builder.build(key)

    def _row(self, key: str) -> list:
        row = self._rows.get(key)
        if row is None:
            if len(self._rows) >= self.CACHED_KEYS:
                self.flush()
                self._rows.clear()
            found = self.connection.execute("SELECT state, data FROM fsm WHERE key = ?", (key,)).fetchone()
            row = self._rows[key] = list(found) if found else [None, "{}"]
        return row

    def _changed(self, key: str) -> None:
        self._dirty.add(key)
        self._deferred.changed()

    def flush(self) -> None:
        """Write the changed rows, in one transaction."""
        self._deferred.cancel()
        if not self._dirty:
            return
        rows = [(key, *self._rows[key]) for key in self._dirty]
        self._dirty.clear()
        with self.connection:
            self.connection.execute("BEGIN")
            self.connection.executemany(
                "INSERT INTO fsm (key, state, data) VALUES (?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET state = excluded.state, data = excluded.data",
                rows,
            )

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        name = self._key(key)
        self._row(name)[0] = state.state if isinstance(state, State) else state
        self._changed(name)

    async def get_state(self, key: StorageKey) -> str | None:
        return self._row(self._key(key))[0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        name = self._key(key)
        self._row(name)[1] = json.dumps(dict(data), ensure_ascii=False)
        self._changed(name)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return json.loads(self._row(self._key(key))[1])

    async def close(self) -> None:
        self.flush()
        self.connection.close()
