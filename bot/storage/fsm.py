"""Dialogue state that is on disk (or in Redis) before Telegram hears that an update was handled.

Inside an update (see bot.telegram.exactly_once) every state write is kept with the update and
committed at its end, in one transaction together with the update's id: after a crash either
both are there (Telegram's redelivery is recognised and skipped) or neither is (the redelivered
update is handled again from the state it found the first time). The update's replies are sent
before that commit, so a crash never moves a dialogue past a question the resident has not seen;
each reply is recorded just before its request is written (`mark_sent_before_write`), so handling
the update again after a crash does not send it a second time. Outside an update (scripts, tests) a
write commits at once.
"""
from __future__ import annotations

import asyncio
import contextvars
import json
import logging
import socket
import sqlite3
import time
from pathlib import Path
from typing import Any, Mapping

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.exceptions import RedisError

log = logging.getLogger("bot.storage")

HANDLED_TTL = 2 * 24 * 3600  # seconds an update id is remembered; Telegram keeps an update 24 h at most

# The writes of the update being handled in this task: key -> [state, data]; None outside an update.
_update_writes: contextvars.ContextVar[dict | None] = contextvars.ContextVar("update_writes", default=None)


class update_scope:  # noqa: N801 (used as a function: `with update_scope() as writes`)
    """Collect this task's state writes until `commit_update`.

    A class rather than @contextmanager: entered on every update, where a generator cost more."""

    __slots__ = ("_token",)

    def __enter__(self) -> dict:
        writes: dict = {}
        self._token = _update_writes.set(writes)
        return writes

    def __exit__(self, *exc_info: object) -> None:
        _update_writes.reset(self._token)


# Each commit writes whole pages to the WAL, and each checkpoint flushes all the WAL bytes written
# since the one before to disk: ~8 ms for SQLite's default 1,000 frames of 4 KiB, every ~250 updates,
# as much as the commits themselves cost an update on average. An update writes a few small rows, so
# new files get 1 KiB pages (a quarter of the bytes; an existing file keeps its size), and a checkpoint
# comes every 4,000 frames (as many bytes at a time as before). Commits are as durable as before:
# a killed process loses nothing either way (WAL, synchronous=NORMAL).
PAGE_SIZE = 1024
CHECKPOINT_FRAMES = 4000

_to_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False) made an encoder per call


def _state_name(state: StateType) -> str | None:
    return state.state if isinstance(state, State) else state


class SQLiteStorage(BaseStorage):
    """One row per (bot, chat, user, thread, destiny) key, plus the ids of handled updates.

    The file belongs to one process (several replicas share state through Redis instead), so rows
    are cached in memory once read: a state lookup costs no query. WAL with synchronous=NORMAL: a
    committed transaction survives a killed process (kill -9); only a power cut may lose the last ones.
    """

    CACHED_KEYS = 50_000  # rows kept in memory; beyond, the cache is emptied (the file has them all)
    PRUNE_EVERY = 1000  # commits between two deletions of update ids older than HANDLED_TTL
    HANDLED_IN_MEMORY = 50_000

    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        # Small pages, rare checkpoints: see PAGE_SIZE.
        self.connection.execute(f"PRAGMA page_size={PAGE_SIZE}")
        self.connection.execute("PRAGMA journal_mode=WAL")
        self.connection.execute("PRAGMA synchronous=NORMAL")  # no fsync per commit (~5 ms); a killed process loses nothing
        self.connection.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_FRAMES}")
        self.connection.execute("CREATE TABLE IF NOT EXISTS fsm (key TEXT PRIMARY KEY, state TEXT, data TEXT NOT NULL DEFAULT '{}')")
        self.connection.execute("CREATE TABLE IF NOT EXISTS handled_updates (update_id INTEGER PRIMARY KEY, handled_at REAL NOT NULL)")
        self.connection.execute("CREATE TABLE IF NOT EXISTS sent_replies (update_id INTEGER, seq INTEGER, sent_at REAL NOT NULL, PRIMARY KEY (update_id, seq))")
        self.key_builder = DefaultKeyBuilder(with_destiny=True)
        self._last_key: StorageKey | None = None  # the key _key last named, and by which builder
        self._last_builder = None
        self._last_name = ""
        self._rows: dict[str, list] = {}  # key -> [state, data as JSON text], as committed or being committed
        self._unwritten: dict[str, list] = {}  # rows a failed commit (disk full) could not write yet
        self._commits = 0
        self._failing = False
        # An id handled but not remembered in memory is at most this: the newest in the file at start,
        # or the newest this process forgot (it remembers HANDLED_IN_MEMORY): above it, no query.
        self._only_in_file_up_to = self.connection.execute("SELECT max(update_id) FROM handled_updates").fetchone()[0] or 0
        self._handled_here: dict[int, None] = {}
        # Replies are recorded only for update ids up to this (in the file at start, or recorded since):
        # an update above it sent nothing before, and asking the file for each reply cost a query.
        self._sent_up_to = self.connection.execute("SELECT max(update_id) FROM sent_replies").fetchone()[0] or 0

    def _key(self, key: StorageKey) -> str:
        # One StorageKey object serves all of an update's state reads and writes (4-5): its name is
        # built (a dataclass hash and a cache lookup) once, not on each.
        if key is self._last_key and self.key_builder is self._last_builder:
            return self._last_name
        name = self.key_builder.build(key)
        self._last_key, self._last_builder, self._last_name = key, self.key_builder, name
        return name

    def _row(self, key: str) -> list:
        writes = _update_writes.get()
        if writes is not None and key in writes:
            return writes[key]
        row = self._rows.get(key)
        if row is None:
            if len(self._rows) >= self.CACHED_KEYS:
                self._rows.clear()
            found = self.connection.execute("SELECT state, data FROM fsm WHERE key = ?", (key,)).fetchone()
            row = self._rows[key] = list(found) if found else [None, "{}"]
        return row

    def _write(self, key: str, index: int, value: Any) -> None:
        current = self._row(key)
        if current[index] == value:
            return  # nothing to write (each answer of an estimate sets the state it is already in)
        row = list(current)
        row[index] = value
        writes = _update_writes.get()
        if writes is not None:
            writes[key] = row
        else:
            self._commit({key: row}, None)

    def _commit(self, rows: Mapping[str, list], update_id: int | None) -> None:
        """Rows and the update id in one transaction. A failure (disk full) keeps the rows for the next commit."""
        pending = {**self._unwritten, **rows}
        try:
            with self.connection:
                self.connection.execute("BEGIN")
                self.connection.executemany(
                    "INSERT INTO fsm (key, state, data) VALUES (?, ?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET state = excluded.state, data = excluded.data",
                    [(key, *row) for key, row in pending.items()],
                )
                if update_id is not None:
                    self.connection.execute("INSERT OR IGNORE INTO handled_updates VALUES (?, ?)", (update_id, time.time()))
        except sqlite3.OperationalError as error:
            self._unwritten = pending
            self._rows.update(pending)
            if not self._failing:
                log.error("dialogue state not written (%s): kept in memory, retried with the next write", error)
            self._failing = True
            raise
        if self._failing:
            log.warning("dialogue state written again: %d kept rows saved", len(self._unwritten))
        self._unwritten, self._failing = {}, False
        self._rows.update(rows)
        if update_id is not None:
            self._handled_here[update_id] = None
            if len(self._handled_here) > self.HANDLED_IN_MEMORY:
                forgotten = next(iter(self._handled_here))
                del self._handled_here[forgotten]
                self._only_in_file_up_to = max(self._only_in_file_up_to, forgotten)
        self._commits += 1
        if self._commits % self.PRUNE_EVERY == 0:
            with self.connection:
                self.connection.execute("DELETE FROM handled_updates WHERE handled_at < ?", (time.time() - HANDLED_TTL,))
                self.connection.execute("DELETE FROM sent_replies WHERE sent_at < ?", (time.time() - HANDLED_TTL,))

    async def is_handled(self, bot_id: int, update_id: int) -> bool:
        if update_id in self._handled_here:
            return True
        if update_id > self._only_in_file_up_to:
            return False
        return self.connection.execute("SELECT 1 FROM handled_updates WHERE update_id = ?", (update_id,)).fetchone() is not None

    async def commit_update(self, bot_id: int, update_id: int, writes: Mapping[str, list]) -> None:
        self._commit(writes, update_id)

    async def was_sent(self, bot_id: int, update_id: int, seq: int) -> bool:
        if update_id > self._sent_up_to:
            return False
        return self.connection.execute("SELECT 1 FROM sent_replies WHERE update_id = ? AND seq = ?", (update_id, seq)).fetchone() is not None

    async def mark_sent(self, bot_id: int, update_id: int, seq: int) -> None:
        self._insert_sent(update_id, seq)

    async def mark_sent_before_write(self, bot_id: int, update_id: int, seq: int) -> None:
        """Committed (in the kernel's hands) when this returns; no await inside, so nothing runs in between."""
        self._insert_sent(update_id, seq)

    async def unmark_sent(self, bot_id: int, update_id: int, seq: int) -> None:
        with self.connection:
            self.connection.execute("DELETE FROM sent_replies WHERE update_id = ? AND seq = ?", (update_id, seq))

    def _insert_sent(self, update_id: int, seq: int) -> None:
        self._sent_up_to = max(self._sent_up_to, update_id)
        with self.connection:
            self.connection.execute("INSERT OR IGNORE INTO sent_replies VALUES (?, ?, ?)", (update_id, seq, time.time()))

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        self._write(self._key(key), 0, _state_name(state))

    async def get_state(self, key: StorageKey) -> str | None:
        return self._row(self._key(key))[0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        self._write(self._key(key), 1, _to_json(dict(data)))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        return json.loads(self._row(self._key(key))[1])

    async def close(self) -> None:
        if self._unwritten:
            try:
                self._commit({}, None)
            except sqlite3.OperationalError:
                log.error("closing with %d dialogue rows unwritten", len(self._unwritten))
        self.connection.close()


class UnansweredCommands:
    """Reply records, written to a Redis connection of their own that Redis never answers (CLIENT
    REPLY OFF) and whose bytes the kernel holds (TCP_CORK) until the event loop's next turn.

    Held, because a command sent at once wakes redis-server, and on a busy host the kernel often runs
    it right then, before this process writes the reply's request (the send's return is a preemption
    point): a kill -9 in that moment left the reply recorded and never sent (kill rounds lost 1
    reply in ~100; record-to-request up to milliseconds, tests/e2e/reply_window.py). Held, the
    record wakes nobody; `send` returns with it in the kernel, the request is written, and the loop's
    next turn pushes the record. Unanswered, because a killed process's socket with unread input is
    reset and its held bytes dropped; with no answers there is none, so the kernel sends them with
    the FIN. `send` never lets another task run once the command is written. A failure is logged and
    the connection replaced (a Unix socket has no cork: there the command goes at once)."""

    def __init__(self, pool):
        self._pool = pool
        self._connection = None
        self._socket = None  # the TCP socket held corked; None when not TCP
        self._connecting = asyncio.Lock()  # two connects at once on one connection would mix their sockets
        self._push_pending = False

    async def _connected(self):
        async with self._connecting:
            if self._connection is None or not self._usable(self._connection):
                self._connection = self._socket = None
                # No socket timeout: redis-py would write in a task of its own (asyncio.wait_for), and
                # other updates' work would run between the record and the request.
                untimed = {"socket_timeout": None, "orig_socket_timeout": None}
                connection = self._pool.connection_class(**{**self._pool.connection_kwargs, **untimed})
                await connection.connect()
                await connection.send_command("CLIENT", "REPLY", "OFF", check_health=False)
                sock = connection._writer.get_extra_info("socket")
                if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
                    self._socket = sock
                self._connection = connection
            return self._connection

    @staticmethod
    def _usable(connection) -> bool:
        """Redis never answers on this connection: input is only its end (closed, restarted) or an error."""
        reader, writer = connection._reader, connection._writer
        return (connection.is_connected and not reader.at_eof() and reader.exception() is None
                and not writer.transport.is_closing())

    async def send(self, *command) -> None:
        connection = None
        try:
            connection = await self._connected()
            await connection.send_command(*command, check_health=False)  # connected: written without a pause
        except (RedisError, OSError) as error:
            self._failed(connection, error)
            return
        if self._socket is not None and not self._push_pending:
            self._push_pending = True
            asyncio.get_running_loop().call_soon(self._push, connection)

    def _push(self, connection) -> None:
        """Uncork and cork again: what the kernel holds goes to Redis now."""
        self._push_pending = False
        if connection is not self._connection or self._socket is None:
            return
        try:
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)
            self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
        except OSError as error:
            self._failed(connection, error)

    def _failed(self, connection, error: BaseException) -> None:
        if connection is not None and connection is not self._connection:
            return  # replaced already, and reported
        log.warning("a reply's record may not have reached Redis (%s): after a crash now it could be sent twice", error)
        self._connection = self._socket = None
        if connection is not None:
            task = asyncio.ensure_future(connection.disconnect(nowait=True))
            task.add_done_callback(lambda done: done.exception())

    async def close(self) -> None:
        if self._connection is not None:
            self._push(self._connection)
            await self._connection.disconnect()
            self._connection = self._socket = None


class DurableRedisStorage(RedisStorage):
    """aiogram's RedisStorage, with an update's writes and its id set in one MULTI/EXEC at its end."""

    _records: UnansweredCommands | None = None  # reply records (mark_sent_before_write), made on first use

    def _writes(self) -> dict | None:
        return _update_writes.get()

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        writes = self._writes()
        if writes is None:
            return await super().set_state(key, state)
        writes[self.key_builder.build(key, "state")] = _state_name(state)

    async def get_state(self, key: StorageKey) -> str | None:
        writes = self._writes()
        name = self.key_builder.build(key, "state")
        if writes is not None and name in writes:
            return writes[name]
        return await super().get_state(key)

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        writes = self._writes()
        if writes is None:
            return await super().set_data(key, data)
        writes[self.key_builder.build(key, "data")] = self.json_dumps(dict(data)) if data else None

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        writes = self._writes()
        name = self.key_builder.build(key, "data")
        if writes is not None and name in writes:
            return self.json_loads(writes[name]) if writes[name] else {}
        return await super().get_data(key)

    def _handled_key(self, bot_id: int, update_id: int) -> str:
        return f"{self.key_builder.prefix}:handled:{bot_id}:{update_id}"

    async def is_handled(self, bot_id: int, update_id: int) -> bool:
        return bool(await self.redis.exists(self._handled_key(bot_id, update_id)))

    def _sent_key(self, bot_id: int, update_id: int, seq: int) -> str:
        return f"{self.key_builder.prefix}:sent:{bot_id}:{update_id}:{seq}"

    async def was_sent(self, bot_id: int, update_id: int, seq: int) -> bool:
        return bool(await self.redis.exists(self._sent_key(bot_id, update_id, seq)))

    async def mark_sent(self, bot_id: int, update_id: int, seq: int) -> None:
        await self.redis.set(self._sent_key(bot_id, update_id, seq), 1, ex=HANDLED_TTL)

    async def mark_sent_before_write(self, bot_id: int, update_id: int, seq: int) -> None:
        """The SET is in the kernel's hands when this returns (as SQLite's commit is), held there until
        the request is written too, so the request's bytes follow the record's within microseconds."""
        await self._record_command("SET", self._sent_key(bot_id, update_id, seq), 1, "EX", HANDLED_TTL)

    async def unmark_sent(self, bot_id: int, update_id: int, seq: int) -> None:
        """On the records' connection: Redis applies it after that reply's SET, before any later one."""
        await self._record_command("DEL", self._sent_key(bot_id, update_id, seq))

    async def _record_command(self, *command) -> None:
        if self._records is None:
            self._records = UnansweredCommands(self.redis.connection_pool)
        await self._records.send(*command)

    async def close(self) -> None:
        if self._records is not None:
            await self._records.close()
        await super().close()

    async def commit_update(self, bot_id: int, update_id: int, writes: Mapping[str, Any]) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            for name, value in writes.items():
                if value is None:
                    pipe.delete(name)
                else:
                    pipe.set(name, value, ex=self.state_ttl if name.endswith(":state") else self.data_ttl)
            pipe.set(self._handled_key(bot_id, update_id), 1, ex=HANDLED_TTL)
            await pipe.execute()
