"""What the bot remembers, in one SQLite file through sqlite-utils.

The schema is versioned with PRAGMA user_version; `migrate()` runs on every start and brings
an older file up to date step by step.
"""
from __future__ import annotations

import hashlib
import logging
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from bot.domain.privacy import mask_personal_data, user_hash

log = logging.getLogger("bot.storage")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


KEY_FILE = "user-hash.key"  # next to the database when USER_HASH_SECRET is not set


def load_or_create_key(directory: Path) -> bytes:
    """The data directory's user-hash key: made once (random) and kept, so restarts name users alike."""
    path = directory / KEY_FILE
    if not path.is_file():
        directory.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32) + "\n")
        path.chmod(0o600)
    return path.read_text().strip().encode()


def _legacy_hash(user_id: int) -> str:
    """How schema versions 1-2 named users: an unkeyed hash anyone could recompute from an id."""
    return hashlib.sha256(f"yibao:{user_id}".encode()).hexdigest()[:12]


def _v1(db: sqlite_utils.Database, key: bytes) -> None:
    db["users"].create({"id": int, "language": str, "city": str, "first_seen": str, "last_seen": str}, pk="id", if_not_exists=True)
    db["questions"].create(
        {"id": int, "asked_at": str, "user_hash": str, "text": str, "entry_id": str, "confidence": float, "outcome": str},
        pk="id",
        if_not_exists=True,
    )
    db["feedback"].create({"id": int, "given_at": str, "user_hash": str, "entry_id": str, "vote": int}, pk="id", if_not_exists=True)


def _v2(db: sqlite_utils.Database, key: bytes) -> None:
    db["suggestion_picks"].create({"id": int, "picked_at": str, "user_hash": str, "question_id": int, "entry_id": str}, pk="id", if_not_exists=True)
    db["questions"].create_index(["asked_at"], if_not_exists=True)
    db["questions"].create_index(["outcome"], if_not_exists=True)


def _v3(db: sqlite_utils.Database, key: bytes) -> None:
    """Users named by the keyed hash instead of their Telegram id (the file alone names nobody);
    questions keep what the resident typed (masked) besides the normalised text."""
    db["questions"].add_column("typed", str)
    db.execute("CREATE TABLE profiles (user_hash TEXT PRIMARY KEY, language TEXT, city TEXT, first_seen TEXT, last_seen TEXT)")
    renamed = {}
    for user_id, language, city, first_seen, last_seen in db.execute("SELECT id, language, city, first_seen, last_seen FROM users").fetchall():
        renamed[_legacy_hash(user_id)] = user_hash(user_id, key)
        db.execute("INSERT OR REPLACE INTO profiles VALUES (?, ?, ?, ?, ?)", [user_hash(user_id, key), language, city, first_seen, last_seen])
    db.execute("DROP TABLE users")
    db.execute("ALTER TABLE profiles RENAME TO users")
    for table in ("questions", "feedback", "suggestion_picks"):
        for (old,) in db.execute(f"SELECT DISTINCT user_hash FROM {table} WHERE user_hash IS NOT NULL").fetchall():
            db.execute(f"UPDATE {table} SET user_hash = ? WHERE user_hash = ?", [renamed.get(old) or user_hash(old, key), old])


def _v4(db: sqlite_utils.Database, key: bytes) -> None:
    """Votes remember the answer message they were given on: one vote per resident per answer."""
    db["feedback"].add_column("message_id", int)
    db["feedback"].create_index(["user_hash", "message_id"], if_not_exists=True)


MIGRATIONS = (_v1, _v2, _v3, _v4)
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

    def __init__(self, path: Path | str, user_key: bytes | None = None):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        if user_key is None:
            user_key = secrets.token_bytes(32) if str(path) == ":memory:" else load_or_create_key(Path(path).parent)
        self._user_key = user_key
        self._db = sqlite_utils.Database(str(path))
        self._db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: no fsync per commit (~5 ms each on this disk, 1-2 commits per update); the file
        # cannot be corrupted, a power cut may only lose the last commits (usage log, last_seen).
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._profiles: dict[int, Profile] = {}
        self._hashes: dict[int, str] = {}
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
                MIGRATIONS[number](self._db, self._user_key)
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
                    "INSERT INTO questions (asked_at, user_hash, text, entry_id, confidence, outcome, typed) VALUES (?, ?, ?, ?, ?, ?, ?)",
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

    @property
    def user_key(self) -> bytes:
        """The secret the user hashes are keyed with (the dialogue-state keys use it too)."""
        return self._user_key

    def health_problem(self) -> str | None:
        """What keeps the file from working (damaged pages, rows a full disk kept from it), or None.
        quick_check reads every page: milliseconds for this bot's file, on each health check."""
        if self._pending:
            return f"{len(self._pending)} question row(s) not written yet (disk full?)"
        try:
            rows = self._db.execute("PRAGMA quick_check(1)").fetchall()
        except sqlite3.Error as error:
            return f"database unreadable: {error}"
        return None if rows == [("ok",)] else f"database damaged: {rows[0][0].splitlines()[-1]}"

    def user_hash(self, user_id: int) -> str:
        """How the database and the logs name a user (keyed: see bot.domain.privacy.user_hash)."""
        hashed = self._hashes.get(user_id)  # an HMAC per question row was a tenth of the row's cost
        if hashed is None:
            if len(self._hashes) >= self.CACHE_USERS:
                self._hashes.clear()
            hashed = self._hashes[user_id] = user_hash(user_id, self._user_key)
        return hashed

    def profile(self, user_id: int) -> Profile:
        profile = self._profiles.get(user_id)
        if profile is None:
            row = self._db.execute("SELECT language, city FROM users WHERE user_hash = ?", [self.user_hash(user_id)]).fetchone()
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
                "INSERT INTO users (user_hash, first_seen, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(user_hash) DO UPDATE SET last_seen = excluded.last_seen",
                [self.user_hash(user_id), now, now],
            )

    def set_language(self, user_id: int, language: str) -> None:
        self._touched.pop(user_id, None)  # the row must exist: write it now
        self.touch_user(user_id)
        with self._db.conn:
            self._db.execute("UPDATE users SET language = ? WHERE user_hash = ?", [language, self.user_hash(user_id)])
        self._profiles.pop(user_id, None)

    def set_city(self, user_id: int, city: str) -> None:
        self._touched.pop(user_id, None)
        self.touch_user(user_id)
        with self._db.conn:
            self._db.execute("UPDATE users SET city = ? WHERE user_hash = ?", [city, self.user_hash(user_id)])
        self._profiles.pop(user_id, None)

    def log_question(self, user_id: int, normalized_text: str, entry_id: str | None, confidence: float, outcome: str,
                     typed: str | None = None, masked_typed: str | None = None) -> None:
        """`typed`: what the resident wrote (staff read it in reports); both texts are stored masked.
        `masked_typed` instead of `typed`: that text masked by the caller already (masking is ~9 µs a text)."""
        if masked_typed is None and typed is not None:
            masked_typed = mask_personal_data(typed)
        # Plain SQL: sqlite-utils' Table.insert costs ~5 ms a call (savepoints, introspection), on every question.
        self._pending.append([_now(), self.user_hash(user_id), mask_personal_data(normalized_text), entry_id, round(confidence, 4), outcome,
                              masked_typed])
        self._write_questions()

    def log_feedback(self, user_id: int, entry_id: str, vote: int, message_id: int | None = None) -> bool:
        """One vote per resident per answer message: False (nothing written) when this resident voted on it already."""
        who = self.user_hash(user_id)
        with self._db.conn:
            if message_id is not None and self._db.execute(
                    "SELECT 1 FROM feedback WHERE user_hash = ? AND message_id = ? AND entry_id = ? LIMIT 1", [who, message_id, entry_id]).fetchone():
                return False
            self._db.execute("INSERT INTO feedback (given_at, user_hash, entry_id, vote, message_id) VALUES (?, ?, ?, ?, ?)",
                             [_now(), who, entry_id, vote, message_id])
        return True

    def log_suggestion_pick(self, user_id: int, entry_id: str) -> None:
        self._retry_pending()  # the question the suggestion answered must have its id
        with self._db.conn:
            last = self._db.execute(
                "SELECT id FROM questions WHERE user_hash = ? ORDER BY id DESC LIMIT 1", [self.user_hash(user_id)]
            ).fetchone()
            self._db.execute("INSERT INTO suggestion_picks (picked_at, user_hash, question_id, entry_id) VALUES (?, ?, ?, ?)",
                             [_now(), self.user_hash(user_id), last[0] if last else None, entry_id])
