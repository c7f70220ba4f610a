"""Every scripted dialogue in tests/dialogues/ is one test; scripts under pending/ are skipped with their reason."""
from pathlib import Path

import pytest

from bot.testing.dialogue_scripts import find_scripts, run_script

DIALOGUES = Path(__file__).parent / "dialogues"
SCRIPTS = find_scripts([DIALOGUES])
PENDING = sorted((DIALOGUES / "pending").glob("*.yaml"))


def pending_reason(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    return first.removeprefix("#").strip() or "pending: waits for a bug fix"


def test_there_are_enough_scripts():
    assert len(SCRIPTS) >= 24
    assert not any("pending" in path.parts[len(DIALOGUES.parts):-1] for path in SCRIPTS)


@pytest.mark.parametrize("path", SCRIPTS, ids=[path.name for path in SCRIPTS])
async def test_dialogue(path: Path):
    outcome = await run_script(path)
    assert outcome.passed, f"{outcome.name}\n{outcome.detail}"


@pytest.mark.parametrize("path", PENDING, ids=[path.name for path in PENDING])
def test_pending_dialogue(path: Path):
    pytest.skip(pending_reason(path))
