"""A plain `pip install -e .` has no .mo files: they are compiled at start, in-process."""
import os
import shutil
import subprocess
import sys
import time

from bot.config import Settings
from bot.testing.client import DialogueClient
from bot.views.compiled import compiled_catalogues
from bot.views.render import Renderer
from tests.conftest import ROOT

PYTHON = ROOT / ".venv" / "bin" / "python"


def locales_without_mo(tmp_path):
    target = tmp_path / "locales"
    shutil.copytree(ROOT / "locales", target, ignore=shutil.ignore_patterns("*.mo"))
    assert not list(target.rglob("*.mo"))
    return target


def test_missing_catalogues_are_compiled_into_the_locales_folder(tmp_path):
    locales = locales_without_mo(tmp_path)
    renderer = Renderer(locales)
    assert renderer.locales_dir == locales and len(list(locales.rglob("*.mo"))) == 3
    assert renderer.gettext("en", "帮助") == "Help"
    assert renderer.gettext("zh_Hant", "切换语言") != "切换语言"


def test_a_stale_catalogue_is_compiled_again(tmp_path):
    locales = locales_without_mo(tmp_path)
    compiled_catalogues(locales)
    mo = locales / "en" / "LC_MESSAGES" / "messages.mo"
    old = (mo.with_suffix(".po")).stat().st_mtime - 100  # compiled before the .po was last edited
    os.utime(mo, (old, old))
    compiled_catalogues(locales)
    assert mo.stat().st_mtime > old


def test_an_unwritable_locales_folder_compiles_into_a_cache(tmp_path, monkeypatch):
    # Tests run as root, for whom chmod does not stop a write: the write itself is made to fail.
    locales = locales_without_mo(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    real_replace = os.replace

    def read_only(source, target):
        if str(target).startswith(str(locales)):
            raise PermissionError(30, "Read-only file system", str(target))
        return real_replace(source, target)

    monkeypatch.setattr("bot.views.compiled.os.replace", read_only)
    renderer = Renderer(locales)
    assert str(renderer.locales_dir).startswith(str(tmp_path / "cache"))
    assert renderer.gettext("en", "帮助") == "Help"


async def test_the_dispatcher_starts_without_mo_files(tmp_path):
    settings = Settings(bot_token=None, redis_url=None, database_path=tmp_path / "bot.sqlite3", locales_dir=locales_without_mo(tmp_path))
    async with DialogueClient(settings=settings, language_code="zh-hant") as chat:
        replies = await chat.send("/help")
    assert replies and not chat.errors


def test_a_command_works_after_a_plain_install(tmp_path):
    env = {**os.environ, "LOCALES_DIR": str(locales_without_mo(tmp_path)), "DATABASE_PATH": str(tmp_path / "bot.sqlite3")}
    python = str(PYTHON) if PYTHON.exists() else sys.executable
    result = subprocess.run([python, "-m", "bot", "ask", "--lang", "en", "how much is Huiqubao"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
