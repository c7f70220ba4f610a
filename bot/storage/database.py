"""What the bot remembers, in one SQLite file through sqlite-utils.

The schema is versioned with PRAGMA user_version; `migrate()` runs on every start and brings
an older file up to date step by step.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from bot.domain.privacy import mask_personal_data

log = logging.getLogger("bot.storage")


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
    """The bot's SQLite file. Profiles (language, city) are cached in memory, and `last_seen` is
    written at most once per TOUCH_INTERVAL per user: one process owns its file (one file per
    replica), so the cache cannot go stale; set_language/set_city write through.

    Every other row is committed at once, before the update counts as handled: WAL with
    synchronous=NORMAL makes a commit survive a killed process for tens of µs (bench/: durability).
    A write that fails (disk full) keeps its rows and retries them with the next write and at
    close; the failure is logged once, not per row, and no row is dropped.
    """

    TOUCH_INTERVAL = 300.0  # seconds between two last_seen writes for one user
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
        self._pending: list[list] = []  # question rows a failed write (disk full) could not save yet
        self._failing = False
        self.migrate()

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection for readers (reports, admin commands, tests): kept rows written first."""
        self._retry_pending()
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
        self._retry_pending()
        if self._pending:
            log.error("closing with %d question rows unwritten (disk full?)", len(self._pending))
        self._db.close()

    def _write_questions(self) -> None:
        """The kept rows and the new one, in one transaction; on failure all stay kept."""
        try:
            with self._db.conn:
                self._db.conn.executemany(
                    "INSERT INTO questions (asked_at, user_hash, text, entry_id, confidence, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                    self._pending)
        except sqlite3.OperationalError as error:
            if not self._failing:
                log.error("question log not written (%s): %d row(s) kept in memory, retried with the next write", error, len(self._pending))
            self._failing = True
            return
        if self._failing:
            log.warning("question log written again: %d kept row(s) saved", len(self._pending))
        self._pending, self._failing = [], False

    def _retry_pending(self) -> None:
        if self._pending:
            self._write_questions()

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
        self._write_questions()

    def log_feedback(self, user_id: int, entry_id: str, vote: int) -> bool:
        """One vote per resident per answer: False (nothing written) when this resident voted on it already."""
        who = user_hash(user_id)
        with self._db.conn:
            if self._db.execute("SELECT 1 FROM feedback WHERE user_hash = ? AND entry_id = ? LIMIT 1", [who, entry_id]).fetchone():
                return False
            self._db.execute("INSERT INTO feedback (given_at, user_hash, entry_id, vote) VALUES (?, ?, ?, ?)",
                             [_now(), who, entry_id, vote])
        return True

    def log_suggestion_pick(self, user_id: int, entry_id: str) -> None:
        self._retry_pending()  # the question the suggestion answered must have its id
        with self._db.conn:
            last = self._db.execute(
                "SELECT id FROM questions WHERE user_hash = ? ORDER BY id DESC LIMIT 1", [user_hash(user_id)]
            ).fetchone()
            self._db.execute("INSERT INTO suggestion_picks (picked_at, user_hash, question_id, entry_id) VALUES (?, ?, ?, ?)",
                             [_now(), user_hash(user_id), last[0] if last else None, entry_id])
