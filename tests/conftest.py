import shutil
import sqlite3
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped knowledge that a test may break."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target


def write_version_one_database(path: Path, rows_sql: str) -> Path:
    """A SQLite file as the first release (schema version 1) wrote it, with some rows."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE users (id INTEGER PRIMARY KEY, language TEXT, city TEXT, first_seen TEXT, last_seen TEXT);
        CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_at TEXT, user_hash TEXT, text TEXT, entry_id TEXT, confidence FLOAT, outcome TEXT);
        CREATE TABLE feedback (id INTEGER PRIMARY KEY, given_at TEXT, user_hash TEXT, entry_id TEXT, vote INTEGER);
        """
        + rows_sql
        + "\nPRAGMA user_version = 1;"
    )
    connection.close()
    return path
