"""`python -m bot report` over generated databases, one per replica, merged."""
import csv
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Settings
from bot.storage.database import Database
from bot.storage.report import group_questions, jaccard, report_from_files, shingles, table
from tests.conftest import ROOT


def replica(path: Path, questions=(), votes=(), picks=(), users=()) -> Path:
    """questions: (day, text, outcome, entry_id); votes: (day, entry_id, ±1); picks: (day, entry_id); users: (id, day)."""
    database = Database(path)
    db = database.db
    for user_id, day in users:
        db["users"].insert({"user_hash": database.user_hash(user_id), "first_seen": day, "last_seen": day})
    for number, (day, text, outcome, entry_id) in enumerate(questions):
        db["questions"].insert({"asked_at": f"{day}T10:00:{number % 60:02d}+00:00", "user_hash": database.user_hash(number), "text": text,
                                "entry_id": entry_id, "confidence": 0.5, "outcome": outcome})
    for day, entry_id, vote in votes:
        db["feedback"].insert({"given_at": f"{day}T11:00:00+00:00", "user_hash": database.user_hash(1), "entry_id": entry_id, "vote": vote})
    for day, entry_id in picks:
        db["suggestion_picks"].insert({"picked_at": f"{day}T12:00:00+00:00", "user_hash": database.user_hash(1), "question_id": None, "entry_id": entry_id})
    database.close()
    return path


@pytest.fixture
def replicas(tmp_path):
    first = replica(
        tmp_path / "a.sqlite3",
        users=[(1, "2025-01-05"), (2, "2025-03-01")],
        questions=[
            ("2025-01-05", "异地就医怎么备案", "declined", None),
            ("2025-03-01", "异地就医要怎么备案", "declined", None),
            ("2025-03-02", "异地就医备案怎么办", "suggested", None),
            ("2025-03-02", "惠衢保怎么退保", "declined", None),
            ("2025-03-03", "惠衢保一年交多少钱", "answered", "huiqubao/price"),
            ("2025-03-03", "惠衢保多少钱", "answered", "huiqubao/price"),
        ],
        votes=[("2025-03-03", "huiqubao/price", 1), ("2025-03-04", "family-account/what", -1)],
        picks=[("2025-03-03", "family-account/what")],
    )
    second = replica(
        tmp_path / "b.sqlite3",
        users=[(2, "2025-03-05"), (3, "2025-03-06")],
        questions=[
            ("2025-03-05", "异地就医怎么备案？", "declined", None),
            ("2025-03-05", "惠衢保可以退保吗", "declined", None),
            ("2025-03-06", "亲情账户是什么", "answered", "family-account/what"),
        ],
        votes=[("2025-03-06", "family-account/what", -1), ("2025-03-06", "family-account/what", 1), ("2025-03-06", "huiqubao/price", 1)],
    )
    return first, second


def test_similar_wordings_share_a_group():
    assert jaccard(shingles("异地就医怎么备案"), shingles("异地就医要怎么备案？")) >= 0.5
    assert jaccard(shingles("异地就医怎么备案"), shingles("惠衢保怎么退保")) < 0.5
    assert shingles("How do I file a claim?") >= {"how", "claim"}
    rows = [{"text": text, "outcome": "declined", "asked_at": "2025"} for text in ("异地就医怎么备案", "异地就医怎么备案", "异地就医要怎么备案", "今天天气")]
    groups = group_questions(rows)
    assert [(group.count, group.variants, group.example) for group in groups] == [(3, 2, "异地就医怎么备案"), (1, 1, "今天天气")]


def test_masked_placeholders_do_not_make_questions_alike():
    rows = [{"text": text, "outcome": "declined", "asked_at": "2025"} for text in ("[身份证号]怎么查", "[身份证号]在哪里改")]
    assert len(group_questions(rows)) == 2


def test_replicas_are_merged(replicas):
    report = report_from_files(replicas)
    assert report.users == 3  # user 2 is in both files
    assert report.questions == 9
    assert report.outcomes == {"declined": 5, "suggested": 1, "answered": 3}
    assert (report.votes_up, report.votes_down) == (3, 2)
    remote = report.unanswered[0]
    assert remote.count == 4 and remote.outcomes == {"declined": 3, "suggested": 1}
    assert "异地就医" in remote.example
    assert sum(group.count for group in report.unanswered) == 6
    assert [(item.entry_id, item.down, item.up) for item in report.most_disliked] == [("family-account/what", 2, 1)]
    assert report.most_liked[0].entry_id == "huiqubao/price"
    top = {item.entry_id: (item.asked, item.opened) for item in report.top_entries}
    assert top == {"huiqubao/price": (2, 0), "family-account/what": (1, 1)}


def test_since_keeps_only_recent_rows(replicas):
    report = report_from_files(replicas, since="2025-03-05")
    assert report.questions == 3
    assert report.users == 2
    assert (report.votes_up, report.votes_down) == (2, 1)


def test_command_prints_tables_and_writes_csv(replicas, tmp_path, capsys):
    out_csv = tmp_path / "unanswered.csv"
    assert main(["report", "--since", "2025-02-01", "--csv", str(out_csv), *map(str, replicas)]) == 0
    printed = capsys.readouterr().out
    assert "Questions the bot declined or was unsure about" in printed
    assert "Answers with the most 👎" in printed and "Most asked entries" in printed
    assert "family-account/what" in printed and "huiqubao/price" in printed
    assert "2025-01-05" not in printed
    with out_csv.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["count"] == "3" and "异地就医" in rows[0]["example"]
    assert {row["example"] for row in rows[1:]} <= {"惠衢保怎么退保", "惠衢保可以退保吗"}
    assert sum(int(row["count"]) for row in rows) == 5


def test_tables_line_up_with_chinese():
    lines = table(("n", "example"), [(12, "异地就医"), (3, "abc")], numeric=(0,)).splitlines()
    assert lines[2].index("异") == lines[3].index("a")


def test_default_database_comes_from_settings(replicas, monkeypatch, capsys):
    monkeypatch.setenv("DATABASE_PATH", str(replicas[0]))
    assert Settings().database_path == replicas[0]
    assert main(["report"]) == 0
    assert "Users: 2" in capsys.readouterr().out


def test_a_missing_file_is_one_line_not_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "bot", "report", str(tmp_path / "nope.sqlite3")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "no such database" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "nope.sqlite3").exists()


def test_bad_date_is_refused(capsys):
    with pytest.raises(SystemExit):
        main(["report", "--since", "March"])
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_an_old_version_one_file_is_read_without_migrating(tmp_path):
    import sqlite3

    from tests.conftest import write_version_one_database
    path = write_version_one_database(
        tmp_path / "old.sqlite3", "INSERT INTO questions VALUES (1, '2025-01-01', 'x', '火星医保', NULL, 0, 'declined');")
    report = report_from_files([path])
    assert report.unanswered[0].example == "火星医保"
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == 1
    connection.close()


async def test_the_report_shows_what_the_resident_typed_masked(tmp_path):
    from bot.storage.report import render_text
    from bot.testing.client import DialogueClient

    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3")
    async with DialogueClient(settings=settings) as chat:
        await chat.send("火星的医保，怎么报销？？我叫王小明")
    text = render_text(report_from_files([settings.database_path]))
    assert "火星的医保，怎么报销？？我叫[姓名]" in text  # as typed, punctuation and all; the name masked
    assert "王小明" not in text
