"""What the bot remembers, in one SQLite file through sqlite-utils.

The schema is versioned with PRAGMA user_version; `migrate()` runs on every start and brings
an older file up to date step by step.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from bot.domain.privacy import mask_personal_data


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
    def __init__(self, path: Path | str):
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite_utils.Database(str(path))
        self.db.execute("PRAGMA journal_mode=WAL")
        # WAL + NORMAL: no fsync per commit (~5 ms each on this disk, 1-2 commits per update); the file
        # cannot be corrupted, a power cut may only lose the last commits (usage log, last_seen).
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        for number in range(self.version, SCHEMA_VERSION):
            with self.db.conn:
                MIGRATIONS[number](self.db)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def close(self) -> None:
        self.db.close()

    def profile(self, user_id: int) -> Profile:
        row = self.db.execute("SELECT language, city FROM users WHERE id = ?", [user_id]).fetchone()
        return Profile(*row) if row else Profile(None, None)

    def touch_user(self, user_id: int) -> None:
        now = _now()
        with self.db.conn:
            self.db.execute(
                "INSERT INTO users (id, first_seen, last_seen) VALUES (?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen",
                [user_id, now, now],
            )

    def set_language(self, user_id: int, language: str) -> None:
        self.touch_user(user_id)
        with self.db.conn:
            self.db.execute("UPDATE users SET language = ? WHERE id = ?", [language, user_id])

    def set_city(self, user_id: int, city: str) -> None:
        self.touch_user(user_id)
        with self.db.conn:
            self.db.execute("UPDATE users SET city = ? WHERE id = ?", [city, user_id])

    def log_question(self, user_id: int, normalized_text: str, entry_id: str | None, confidence: float, outcome: str) -> int:
        # Plain SQL: sqlite-utils' Table.insert costs ~5 ms a call (savepoints, introspection), on every question.
        with self.db.conn:
            return self.db.execute(
                "INSERT INTO questions (asked_at, user_hash, text, entry_id, confidence, outcome) VALUES (?, ?, ?, ?, ?, ?)",
                [_now(), user_hash(user_id), mask_personal_data(normalized_text), entry_id, round(confidence, 4), outcome],
            ).lastrowid

    def log_feedback(self, user_id: int, entry_id: str, vote: int) -> None:
        with self.db.conn:
            self.db.execute("INSERT INTO feedback (given_at, user_hash, entry_id, vote) VALUES (?, ?, ?, ?)",
                            [_now(), user_hash(user_id), entry_id, vote])

    def log_suggestion_pick(self, user_id: int, entry_id: str) -> None:
        with self.db.conn:
            last = self.db.execute(
                "SELECT id FROM questions WHERE user_hash = ? ORDER BY id DESC LIMIT 1", [user_hash(user_id)]
            ).fetchone()
            self.db.execute("INSERT INTO suggestion_picks (picked_at, user_hash, question_id, entry_id) VALUES (?, ?, ?, ?)",
                            [_now(), user_hash(user_id), last[0] if last else None, entry_id])
