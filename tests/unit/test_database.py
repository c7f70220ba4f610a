
from bot.storage.database import SCHEMA_VERSION, Database
from tests.conftest import write_version_one_database


def test_fresh_database_is_at_the_latest_version(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    assert database.version == SCHEMA_VERSION
    assert {"users", "questions", "feedback", "suggestion_picks"} <= set(database.db.table_names())


def test_an_old_file_is_upgraded_and_keeps_its_rows(tmp_path):
    path = write_version_one_database(tmp_path / "old.sqlite3", "INSERT INTO users VALUES (7, 'en', 'quzhou', '2025-01-01', '2025-01-02');")
    database = Database(path)
    assert database.version == SCHEMA_VERSION
    assert "suggestion_picks" in database.db.table_names()
    assert database.profile(7).city == "quzhou"


def test_questions_are_stored_masked(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    database.log_question(5, "我的身份证110105199001011234", None, 0.0, "declined")
    row = database.db.execute("SELECT text FROM questions").fetchone()
    assert "110105199001011234" not in row[0]
