"""What the bot remembers, in one SQLite file through sqlite-utils.

The schema is versioned with PRAGMA user_version; `migrate()` runs on every start and brings
an older file up to date step by step.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from bot.domain.privacy import mask_personal_data
from bot.storage.deferred import DeferredFlush


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def user_hash(user_id: int) -> str:
    """Logs name users by a short hash, never by id."""
    return hashlib.sha256(f"yibao:{user_id}".encode()).hexdigest()[:12]


def _v1(db: sqlite_utils.Database) -> None:
    db["users"].create({"id": int, "language": str, "city": str, "first_seen": str, "last_seen": str}, pk="id", if_not_exists=True)
    db["questions"].create(
        {"id": int, "asked_at": str, "user_hash": str, "text": str, "entry_id": str, "confidence": float, "outcome": str},
        pk="id",
        if_not_exists=True,
    )
    db["feedback"].create({"id": int, "given_at": str, "user_hash": str, "entry_id": str, "vote": int}, pk="id", if_not_exists=True)


def _v2(db: sqlite_utils.Database) -> None:
    db["suggestion_picks"].create({"id": int, "picked_at": str, "user_hash": str, "question_id": int, "entry_id": str}, pk="id", if_not_exists=True)
    db["questions"].create_index(["asked_at"], if_not_exists=True)
    db["questions"].create_index(["outcome"], if_not_exists=True)


MIGRATIONS = (_v1, _v2)
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Profile:
    language: str | None
    city: str | None


class Database:
    """The bot's SQLite file. Two costs are kept off the per-update path (each commit is ~0.1 ms):

    * profiles (language, city) are cached in memory, and `last_seen` is written at most once per
      TOUCH_INTERVAL per user: one process owns its file (one file per replica), so the cache
      cannot go stale; set_language/set_city write through.
    * questions asked inside a running event loop are queued and written in one transaction at
      most FLUSH_DELAY later (or at FLUSH_ROWS queued, at close, and before anyone reads `db`).
      A crash (kill -9, power cut) may lose the last second of the usage log, which WAL +
      synchronous=NORMAL already allowed; nothing a resident chose (language, city) is delayed.
    """

    TOUCH_INTERVAL = 300.0  # seconds between two last_seen writes for one user
    FLUSH_DELAY = 1.0  # seconds a queued question may wait for its transaction
    FLUSH_ROWS = 200
    CACHE_USERS = 50_000  # users whose profile / last touch are remembered (then forgotten at once)

    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite_utils.Database(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: no fsync per commit (~5 ms each on this disk, 1-2 commits per update); the file
        # cannot be corrupted, a power cut may only lose the last commits (usage log, last_seen).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._profiles: dict[int, Profile] = {}
        self._touched: dict[int, float] = {}
        self._pending: list[list] = []
        self._deferred = DeferredFlush(self.flush, self.FLUSH_DELAY)
        self.migrate()

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection for readers (reports, admin commands, tests): queued rows written first."""
        self.flush()
        return self._db

    @property
    def version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        for number in range(self.version, SCHEMA_VERSION):
            with self._db.conn:
                MIGRATIONS[number](self._db)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.flush()
        self._db.close()

    def flush(self) -> None:
        """Write the queued questions, in one transaction."""
        self._deferred.cancel()
        if not self._pending:
            return
        rows, self._pending = self._pending, []
        with self._db.conn:
            self._db.conn.executemany(
                "INSERT INTO questions (asked_at, user_hash, text, entry_id, confidence, outcome) VALUES (?, ?, ?, ?, ?, ?)", rows)

    def profile(self, user_id: int) -> Profile:
        profile = self._profiles.get(user_id)
        if profile is None:
            row = self._db.execute("SELECT language, city FROM users WHERE id = ?", [user_id]).fetchone()
            profile = Profile(*row) if row else Profile(None, None)
            if len(self._profiles) >= self.CACHE_USERS:
                self._profiles.clear()
            self._profiles[user_id] = profile
        return profile

    def touch_user(self, user_id: int) -> None:
        moment = time.monotonic()
        last = self._touched.get(user_id)
        if last is not None and moment - last < self.TOUCH_INTERVAL:
            return
        if len(self._touched) >= self.CACHE_USERS:
            self._touched.clear()
        self._touched[user_id] = moment
        now = _now()
        with self._db.conn:
            self._db.execute(
                "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen",
                [user_id, now, now],
            )

    def set_language(self, user_id: int, language: str) -> None:
        self._touched.pop(user_id, None)  # the row must exist: write it now
        self.touch_user(user_id)
        with self._db.conn:
            self._db.execute("UPDATE users SET language = ? WHERE id = ?", [language, user_id])
        self._profiles.pop(user_id, None)

    def set_city(self, user_id: int, city: str) -> None:
        self._touched.pop(user_id, None)
        self.touch_user(user_id)
        with self._db.conn:
            self._db.execute("UPDATE users SET city = ? WHERE id = ?", [city, user_id])
        self._profiles.pop(user_id, None)

    def log_question(self, user_id: int, normalized_text: str, entry_id: str | None, confidence: float, outcome: str) -> None:
        # Plain SQL: sqlite-utils' Table.insert costs ~5 ms a call (savepoints, introspection), on every question.
        self._pending.append([_now(), user_hash(user_id), mask_personal_data(normalized_text), entry_id, round(confidence, 4), outcome])
        if len(self._pending) >= self.FLUSH_ROWS:
            self.flush()
        else:
            self._deferred.changed()

    def log_feedback(self, user_id: int, entry_id: str, vote: int) -> None:
        with self._db.conn:
            self._db.execute("INSERT INTO feedback (given_at, user_hash, entry_id, vote) VALUES (?, ?, ?, ?)",
                             [_now(), user_hash(user_id), entry_id, vote])

    def log_suggestion_pick(self, user_id: int, entry_id: str) -> None:
        self.flush()  # the question the suggestion answered must have its id
        with self._db.conn:
            last = self._db.execute(
                "SELECT id FROM questions WHERE user_hash = ? ORDER BY id DESC LIMIT 1", [user_hash(user_id)]
            ).fetchone()
            self._db.execute("INSERT INTO suggestion_picks (picked_at, user_hash, question_id, entry_id) VALUES (?, ?, ?, ?)",
                             [_now(), user_hash(user_id), last[0] if last else None, entry_id])
