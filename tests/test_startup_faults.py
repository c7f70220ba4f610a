"""A data directory or database the bot cannot use: one clear line naming the problem and the fix,
exit code 2, no traceback. Run as `python -m bot run` with a token (nothing reaches the network:
the database is opened before the Bot API is called).

Tests run as root, for whom chmod does not stop a write, so read-only places are made otherwise:
a file where the data directory should be, /sys (refuses new entries even to root), and for a
read-only database file and a full disk, SQLite's own error raised where the file is opened.
"""
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import ROOT

PYTHON = ROOT / ".venv" / "bin" / "python"


@pytest.fixture
def start(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no developer .env
    monkeypatch.setenv("BOT_TOKEN", "123:fake")
    monkeypatch.setenv("BOT_API_BASE_URL", "http://127.0.0.1:9")  # never reached
    for name in ("WEBHOOK_URL", "REDIS_URL"):
        monkeypatch.delenv(name, raising=False)

    def run(database_path: Path) -> tuple[int, list[str]]:
        monkeypatch.setenv("DATABASE_PATH", str(database_path))
        code = main(["run"])
        lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
        return code, lines

    return run


def one_line(lines: list[str]) -> str:
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0] and "cannot start:" in lines[0]
    return lines[0]


def test_a_file_where_the_data_directory_should_be(start, tmp_path):
    (tmp_path / "data").write_text("not a directory")
    code, lines = start(tmp_path / "data" / "bot.sqlite3")
    assert code == 2 and "is not a directory" in one_line(lines)


def test_a_database_file_that_is_not_sqlite(start, tmp_path):
    (tmp_path / "bot.sqlite3").write_text("these are notes, not a database\n" * 200)
    code, lines = start(tmp_path / "bot.sqlite3")
    assert code == 2 and "not a usable SQLite database" in one_line(lines)


def test_a_dialogue_state_file_that_is_not_sqlite(start, tmp_path):
    (tmp_path / "bot.fsm.sqlite3").write_text("garbage\n" * 500)
    code, lines = start(tmp_path / "bot.sqlite3")
    assert code == 2 and "bot.fsm.sqlite3 is not a usable SQLite database" in one_line(lines)


def sys_refuses_new_entries() -> bool:
    try:
        os.mkdir("/sys/yibao-probe")
    except OSError:
        return True
    os.rmdir("/sys/yibao-probe")
    return False


@pytest.mark.skipif(not sys_refuses_new_entries(), reason="needs a /sys that refuses new entries")
def test_a_read_only_data_directory(start):
    code, lines = start(Path("/sys/yibao-data/bot.sqlite3"))
    assert code == 2 and "read-only" in one_line(lines) and "writable" in lines[0]


@pytest.mark.parametrize("message, expected", [
    ("attempt to write a readonly database", "read-only"),
    ("database or disk is full", "no space left"),
])
def test_a_read_only_database_file_or_a_full_disk(start, tmp_path, monkeypatch, message, expected):
    import bot.storage.database

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError(message)

    monkeypatch.setattr(bot.storage.database.sqlite_utils, "Database", refuse)
    code, lines = start(tmp_path / "bot.sqlite3")
    assert code == 2 and expected in one_line(lines)


def test_the_real_process_exits_2_with_one_line(tmp_path):
    (tmp_path / "data").write_text("in the way")
    env = {**os.environ, "BOT_TOKEN": "123:fake", "BOT_API_BASE_URL": "http://127.0.0.1:9", "DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"),
           "WEBHOOK_URL": "", "REDIS_URL": ""}
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    result = subprocess.run([python, "-m", "bot", "run"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 2
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert "is not a directory" in one_line(lines)
