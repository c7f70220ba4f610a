"""Simplified and traditional Chinese and English: catalogues complete and compiled, locale mapping,
menus and answers in the user's language, and /lang remembered."""
import io
import re
import shutil
import subprocess
import sys
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from bot.config import Settings
from bot.testing.client import DialogueClient
from bot.views.render import LOCALES, normalize_locale
from tests.conftest import ROOT

LOCALES_DIR = ROOT / "locales"
BRACES = re.compile(r"\{(\w*)\}")
PERCENT = re.compile(r"%\((\w+)\)s|%%")
FAMILY_ACCOUNT_QUESTION = "亲情账户在哪个App开通"


def po_path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def catalogue(locale: str):
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def extracted_msgids(tmp_path: Path) -> set[str]:
    """What `make extract-messages` would find in the code and templates now."""
    output = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    command = [str(pybabel) if pybabel.exists() else "pybabel", "extract", "--mapping-file", "babel.cfg",
               "--keywords", "tr:2", "--keywords", "text:2", "--keywords", "gettext:2",
               "--no-location", "--omit-header", "--output-file", str(output), "bot"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    with output.open("rb") as handle:
        return {message.id for message in read_po(handle) if message.id}


# ---- catalogues ----------------------------------------------------------------------------------

def test_every_msgid_in_code_and_templates_is_in_every_catalogue(tmp_path):
    wanted = extracted_msgids(tmp_path)
    assert len(wanted) > 50
    for locale in LOCALES:
        present = {message.id for message in catalogue(locale) if message.id}
        missing = sorted(wanted - present)
        assert not missing, f"{locale}: run `make extract-messages` and translate: {missing}"


@pytest.mark.parametrize("locale", ["en", "zh_Hant"])
def test_every_message_is_translated_with_the_same_placeholders(locale):
    for message in catalogue(locale):
        if not message.id:
            continue
        assert message.string, f"{locale}: untranslated {message.id!r}"
        assert "fuzzy" not in message.flags, f"{locale}: fuzzy {message.id!r}"
        for pattern in (BRACES, PERCENT):
            assert sorted(pattern.findall(message.id)) == sorted(pattern.findall(message.string)), (locale, message.id, message.string)


def test_traditional_catalogue_has_no_simplified_leftovers():
    for message in catalogue("zh_Hant"):
        if not message.id:
            continue
        for simplified in ("这", "们", "医保", "问题", "报销", "选择", "语言"):
            assert simplified not in message.string, (simplified, message.string)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_po_compiles_and_the_built_mo_matches_it(locale, tmp_path):
    catalog = catalogue(locale)
    problems = [(message.id, errors) for message, errors in catalog.check() if errors]
    assert not problems, problems
    built = io.BytesIO()
    write_mo(built, catalog, use_fuzzy=True)
    built.seek(0)
    fresh = GNUTranslations(built)
    for message in catalog:
        if message.id:
            assert fresh.gettext(message.id) == (message.string or message.id)
    # The .mo the bot loads is build output (`make locales`): when present it must be up to date.
    mo = po_path(locale).with_suffix(".mo")
    if mo.exists():
        with mo.open("rb") as handle:
            on_disk = GNUTranslations(handle)
        stale = [message.id for message in catalog if message.id and on_disk.gettext(message.id) != fresh.gettext(message.id)]
        assert not stale, f"{mo} is stale, run `make locales`: {stale[:5]}"


def test_compiled_catalogues_are_build_output_not_source():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pybabel compile" in makefile and "locales:" in makefile
    assert "*.mo" in (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    if shutil.which("git") and (ROOT / ".git").exists():
        tracked = subprocess.run(["git", "ls-files", "*.mo"], cwd=ROOT, capture_output=True, text=True).stdout.split()
        assert tracked == []


# ---- locale mapping ------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "code, locale",
    [
        ("zh-hant", "zh_Hant"), ("zh-Hant", "zh_Hant"), ("zh-tw", "zh_Hant"), ("zh-TW", "zh_Hant"), ("zh-hk", "zh_Hant"),
        ("zh-HK", "zh_Hant"), ("zh-mo", "zh_Hant"), ("zh_Hant_TW", "zh_Hant"),
        ("zh-hans", "zh"), ("zh-cn", "zh"), ("zh", "zh"), ("zh-sg", "zh"),
        ("en", "en"), ("en-US", "en"), ("en-gb", "en"),
        ("ru", "zh"), ("", "zh"), (None, "zh"),
    ],
)
def test_normalize_locale(code, locale):
    assert normalize_locale(code) == locale


# ---- through the dispatcher ----------------------------------------------------------------------

def settings_at(path: Path) -> Settings:
    return Settings(bot_token=None, redis_url=None, database_path=path / "bot.sqlite3")


def text_of(replies) -> str:
    return "\n".join(reply.text for reply in replies)


async def test_traditional_user_gets_traditional_menus_and_answers(tmp_path):
    async with DialogueClient(language_code="zh-hant", settings=settings_at(tmp_path)) as chat:
        greeting = await chat.send("/start")
        labels = greeting[-1].labels
        assert "🧮 報銷估算" in labels and "📍 選擇城市" in labels and "🌐 語言" in labels
        assert "醫保小助手" in greeting[0].text
        answer = text_of(await chat.send("親情賬戶在哪個App開通"))
        assert "國家醫保服務平台" in answer
        assert "核對日期" in answer and "国家医保" not in answer
        feedback = await chat.press("👍")
        assert feedback[0].text == "謝謝您的回饋！"
        # Without a /lang choice, a question typed in simplified characters is answered in them.
        assert "国家医保服务平台" in text_of(await chat.send(FAMILY_ACCOUNT_QUESTION))


@pytest.mark.parametrize("code", ["zh-tw", "zh-hk"])
async def test_taiwan_and_hong_kong_users_get_traditional(tmp_path, code):
    async with DialogueClient(language_code=code, settings=settings_at(tmp_path)) as chat:
        assert "🌐 語言" in (await chat.send("/start"))[-1].labels


async def test_english_user_gets_english_menus_and_answers(tmp_path):
    async with DialogueClient(language_code="en", first_name="Ann", settings=settings_at(tmp_path)) as chat:
        greeting = await chat.send("/start")
        assert greeting[0].text.startswith("Hello, Ann!")
        labels = greeting[-1].labels
        assert "🧮 Estimate reimbursement" in labels and "📍 Choose city" in labels and "🌐 Language" in labels
        assert not any(re.search(r"[\u4e00-\u9fff]", label) for label in labels), labels
        answer = text_of(await chat.send("Which app do I use to open a family account?"))
        assert "National Medical Insurance Service Platform" in answer
        assert "Checked" in answer and "Was this helpful?" in answer
        help_text = text_of(await chat.send("/help"))
        assert "How to use me" in help_text and not re.search(r"[\u4e00-\u9fff]{4}", help_text), help_text


async def test_lang_switches_and_is_remembered(tmp_path):
    settings = settings_at(tmp_path)
    user_id = 880_001
    async with DialogueClient(user_id=user_id, language_code="zh-hans", settings=settings) as chat:
        picker = await chat.send("/lang")
        assert {"简体中文", "繁體中文", "English"} <= set(picker[-1].labels)
        switched = await chat.press("English")
        assert "🌐 Language" in switched[-1].labels
        assert "National Medical Insurance Service Platform" in text_of(await chat.send(FAMILY_ACCOUNT_QUESTION))
    # a new client (as after a restart), same user and database: still English, whatever Telegram says
    async with DialogueClient(user_id=user_id, language_code="zh-hans", settings=settings) as chat:
        assert "🌐 Language" in (await chat.send("/start"))[-1].labels
        await chat.send("/lang")
        await chat.press("繁體中文")
    async with DialogueClient(user_id=user_id, language_code="en", settings=settings) as chat:
        assert "國家醫保服務平台" in text_of(await chat.send(FAMILY_ACCOUNT_QUESTION))
