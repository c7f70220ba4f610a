"""Persistent FSM storage in SQLite, so a half-finished dialogue survives a restart of the bot."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Mapping

from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey


class SQLiteStorage(BaseStorage):
    """One row per (bot, chat, user, thread, destiny) key; writes are tiny and synchronous."""

    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")  # no fsync per write (~5 ms each); WAL keeps the file consistent
        self.connection.execute("CREATE TABLE IF NOT EXISTS fsm (key TEXT PRIMARY KEY, state TEXT, data TEXT NOT NULL DEFAULT '{}')")
        self.key_builder = DefaultKeyBuilder(with_destiny=True)

    def _key(self, key: StorageKey) -> str:
        return self.key_builder.build(key)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        value = state.state if isinstance(state, State) else state
        self.connection.execute(
            "INSERT INTO fsm (key, state) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET state = excluded.state",
            (self._key(key), value),
        )

    async def get_state(self, key: StorageKey) -> str | None:
        row = self.connection.execute("SELECT state FROM fsm WHERE key = ?", (self._key(key),)).fetchone()
        return row[0] if row else None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        self.connection.execute(
            "INSERT INTO fsm (key, data) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data",
            (self._key(key), json.dumps(dict(data), ensure_ascii=False)),
        )

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        row = self.connection.execute("SELECT data FROM fsm WHERE key = ?", (self._key(key),)).fetchone()
        return json.loads(row[0]) if row else {}

    async def close(self) -> None:
        self.connection.close()
