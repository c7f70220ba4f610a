
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


def test_users_are_named_by_a_keyed_hash_kept_across_restarts(tmp_path):
    path = tmp_path / "bot.sqlite3"
    first = Database(path)
    first.set_city(123_456_789, "quzhou")
    first.log_question(123_456_789, "惠衢保多少钱", None, 0.0, "declined")
    named = first.user_hash(123_456_789)
    first.close()
    again = Database(path)  # a restart: the key file in the data directory gives the same names
    assert again.user_hash(123_456_789) == named and again.profile(123_456_789).city == "quzhou"
    cells = [str(value) for table in ("users", "questions") for row in again.db.execute(f"SELECT * FROM {table}") for value in row]
    assert "123456789" not in " ".join(cells) and named in cells
    other_key = Database(tmp_path / "other.sqlite3", user_key=b"another secret")
    assert other_key.user_hash(123_456_789) != named  # without the key, the hash names nobody


def test_schema_three_drops_telegram_ids_and_rekeys_old_rows(tmp_path):
    import hashlib

    legacy = hashlib.sha256(b"yibao:7").hexdigest()[:12]
    path = write_version_one_database(tmp_path / "old.sqlite3", f"""
        INSERT INTO users VALUES (7, 'en', 'quzhou', '2025-01-01', '2025-01-02');
        INSERT INTO questions (asked_at, user_hash, text, outcome) VALUES ('2025-01-02', '{legacy}', '惠衢保', 'declined');
        INSERT INTO feedback (given_at, user_hash, entry_id, vote) VALUES ('2025-01-02', 'abcdef123456', 'x', 1);""")
    database = Database(path, user_key=b"k")
    assert database.profile(7).language == "en"
    assert database.db.execute("SELECT user_hash FROM questions").fetchone()[0] == database.user_hash(7)
    assert "id" not in database.db["users"].columns_dict
    assert database.db.execute("SELECT user_hash FROM feedback").fetchone()[0] not in ("abcdef123456", legacy)


def test_the_typed_question_is_stored_masked_beside_the_normalised_one(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    database.log_question(5, "惠衢保 多少钱", None, 0.0, "declined", typed="惠衢保多少钱？我叫王小明，电话139 1234 5678")
    text, typed = database.db.execute("SELECT text, typed FROM questions").fetchone()
    assert text == "惠衢保 多少钱" and typed == "惠衢保多少钱？我叫[姓名]，电话[手机号]"


def test_the_user_hash_secret_comes_from_the_settings(tmp_path):
    from bot.config import Settings
    from bot.telegram.services import create_services

    settings = Settings(bot_token=None, database_path=tmp_path / "bot.sqlite3", user_hash_secret="s3cret")
    services = create_services(settings)
    try:
        assert services.database.user_hash(1) == Database(":memory:", user_key=b"s3cret").user_hash(1)
        assert not (tmp_path / "user-hash.key").exists()
    finally:
        services.close()


async def test_a_question_to_the_bot_is_stored_masked_in_both_columns():
    from bot.testing.client import DialogueClient

    async with DialogueClient() as chat:
        await chat.send("惠衢保多少钱？我叫王小明，电话139 1234 5678")
        text, typed = chat.services.database.db.execute("SELECT text, typed FROM questions").fetchone()
    assert typed == "惠衢保多少钱？我叫[姓名]，电话[手机号]"
    assert "王小明" not in text and "1234" not in text and "[姓名]" in text
