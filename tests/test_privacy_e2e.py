"""Personal data a resident types reaches no reply, no log line and no database row.

The whole dispatcher runs with every logger at DEBUG (aiogram's own included) and a handler on the
root logger that keeps every formatted line, exception tracebacks too.
"""
import logging
import re
import sqlite3
from pathlib import Path

import pytest
import yaml

from bot.cli._logs import MaskPersonalData
from bot.config import Settings
from bot.testing.client import DialogueClient

ID_NUMBER = "11010519900101123X"
MOBILE = "13912345678"
NAME = "王小明"
SECRETS = (ID_NUMBER, ID_NUMBER.lower(), MOBILE, "139 1234 5678", "139-1234-5678", NAME)

MESSAGES = [
    f"我的身份证号是{ID_NUMBER}，惠衢保怎么买",
    f"我叫{NAME}，手机{MOBILE}，想问亲情账户在哪个App开通",
    f"我叫{NAME}",
    ID_NUMBER,
    MOBILE,
    "139 1234 5678",
    f"我叫{NAME}，身份证{ID_NUMBER.lower()}，电话139-1234-5678，火星的医保怎么报销",
    f"/reload {ID_NUMBER}",
    f"/start {MOBILE}",
]


class KeepEverything(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def captured_logs():
    handler = KeepEverything()
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    touched = []
    for name in ("aiogram", "aiogram.event", "aiogram.dispatcher", "aiogram.middlewares", "aiogram.webhook", "aiogram.scene", "aiogram.utils", "bot"):
        logger = logging.getLogger(name)
        touched.append((logger, logger.level, logger.disabled))
        logger.setLevel(logging.DEBUG)
        logger.disabled = False
    yield handler
    root.removeHandler(handler)
    root.setLevel(previous)
    for logger, level, disabled in touched:
        logger.setLevel(level)
        logger.disabled = disabled


def database_cells(directory: Path) -> list[str]:
    """Every value of every column of every table of every SQLite file the bot wrote (FSM storage too)."""
    cells = []
    for path in directory.rglob("*.sqlite3"):
        connection = sqlite3.connect(path)
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in connection.execute(f'SELECT * FROM "{table}"'):
                cells += [value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value) for value in row]
        connection.close()
    return cells


def leaks(text: str) -> list[str]:
    compact = text.replace(" ", "").replace("-", "")
    return [secret for secret in SECRETS if secret in text or secret.replace(" ", "").replace("-", "") in compact]


async def test_personal_data_is_never_echoed_logged_or_stored(tmp_path, captured_logs):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "db" / "bot.sqlite3", admin_ids=[])
    async with DialogueClient(settings=settings, first_name="测试") as chat:
        for text in MESSAGES:
            await chat.send(text)
        # inside a dialogue too: the estimate asks for amounts and choices; personal data is not one
        await chat.send("/estimate")
        await chat.send(f"我叫{NAME}，身份证{ID_NUMBER}")
        await chat.send(MOBILE)
        await chat.send("/cancel")
        await chat.send("亲情账户在哪个App开通")
        await chat.press("👍")
        sent = [str(call.model_dump()) for call in chat.session.calls]
        assert len(sent) > len(MESSAGES)

    assert not [(text, leaks(text)) for text in sent if leaks(text)]
    logged = "\n".join(captured_logs.lines)
    assert "update=" in logged and "aiogram" in logged  # the capture did see the bot's and aiogram's lines
    assert not leaks(logged), [line for line in captured_logs.lines if leaks(line)]
    cells = database_cells(tmp_path)
    assert any("[身份证号]" in cell for cell in cells)  # the questions are stored, masked
    assert not [cell for cell in cells if leaks(cell)]


def test_the_log_filter_masks_messages_arguments_and_tracebacks():
    record = logging.LogRecord("aiogram.event", logging.DEBUG, __file__, 1, "text=%r from %s", (f"我叫{NAME} {ID_NUMBER}", MOBILE), None)
    try:
        raise ValueError(f"bad input {ID_NUMBER}")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert MaskPersonalData().filter(record) is True
    handler = KeepEverything()
    handler.emit(record)
    assert not leaks(handler.lines[0]), handler.lines[0]
    assert "[身份证号]" in handler.lines[0] and "[手机号]" in handler.lines[0] and "[姓名]" in handler.lines[0]
    assert "ValueError" in handler.lines[0]  # the traceback is kept, only masked


def test_setup_logging_installs_the_mask(monkeypatch):
    from bot.cli._logs import setup_logging

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        setup_logging(Settings(bot_token=None, log_level="DEBUG"))
        assert any(isinstance(item, MaskPersonalData) for handler in root.handlers for item in handler.filters)
    finally:
        root.handlers[:], _ = saved
        root.setLevel(saved[1])


# ---- the corpus: personal details in every format residents type them ---------------------------

CORPUS = yaml.safe_load((Path(__file__).parent / "privacy_corpus.yaml").read_text(encoding="utf-8"))
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
ADMIN = 880_001
RESIDENT = 880_002


def compact(text: str) -> str:
    return re.sub(r"[\s\-.()（）]", "", text.translate(_FOLD)).lower()


def corpus_leaks(text: str) -> list[tuple[str, str]]:
    """(kind, secret) of every corpus secret found in `text`, in any spacing or width."""
    flat = compact(text)
    return [(item["kind"], secret) for item in CORPUS for secret in item["secrets"] if compact(secret) in flat]


def test_the_corpus_is_large_and_varied():
    kinds = {item["kind"] for item in CORPUS}
    assert len(CORPUS) >= 100
    assert {"phone", "landline", "name", "address", "insurance_number", "id_number"} <= kinds


async def test_no_corpus_detail_reaches_a_reply_a_log_line_the_database_or_the_report(tmp_path, captured_logs):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "db" / "bot.sqlite3", admin_ids=[ADMIN])
    async with DialogueClient(user_id=RESIDENT, settings=settings, first_name="居民") as resident:
        for number, item in enumerate(CORPUS):
            if number % 10 == 0:
                await resident.send("/estimate")  # inside the dialogue too, then out of it
                await resident.send(item["text"])
                await resident.send("/cancel")
            await resident.send(item["text"])
        sent = [str(call.model_dump()) for call in resident.session.calls]
    async with DialogueClient(user_id=ADMIN, settings=settings, services=None) as admin:
        staff_view = await admin.send("/unanswered") + await admin.send("/stats")
        sent += [str(call.model_dump()) for call in admin.session.calls]
    assert any("[" in reply.text for reply in staff_view)  # the questions reach staff, masked

    from bot.storage.report import render_text, report_from_files

    report = render_text(report_from_files([settings.database_path]), limit=500)
    cells = database_cells(tmp_path)
    logged = captured_logs.lines
    found = {
        "replies": [leak for text in sent for leak in corpus_leaks(text)],
        "log lines": [leak for line in logged for leak in corpus_leaks(line)],
        "database": [leak for cell in cells for leak in corpus_leaks(cell)],
        "report": corpus_leaks(report),
    }
    assert found == {"replies": [], "log lines": [], "database": [], "report": []}
    assert any("update=" in line for line in logged)
    # masked forms keep the questions useful to staff
    stored = "\n".join(cells)
    for placeholder in ("[手机号]", "[电话]", "[姓名]", "[地址]", "[证件号]", "[身份证号]", "[卡号]"):
        assert placeholder in stored, placeholder
    assert "Questions:" in report  # the report was built from this file (its rows depend on what search declines)
    # the file alone names nobody: no Telegram id, and the hash is keyed with a secret kept elsewhere
    assert not [cell for cell in cells if str(RESIDENT) in cell or str(ADMIN) in cell]
    key = (settings.database_path.parent / "user-hash.key").read_text().strip()
    assert key not in stored
