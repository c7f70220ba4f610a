"""The scripted-dialogue runner: clear failures, malformed scripts reported (never a crash), the CLI's exit codes."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.testing.dialogue_scripts import find_scripts, load_script, MalformedScript, run_script

ROOT = Path(__file__).resolve().parent.parent
DIALOGUES = ROOT / "tests" / "dialogues"

PASSING = """\
name: passes
steps:
  - send: 惠衢保一年交多少钱
    expect:
      contains: ["100元"]
"""

FAILING = """\
name: fails at step 2
steps:
  - send: /start
  - send: 惠衢保一年交多少钱
    expect:
      contains: ["100元", 根本不存在的词]
      buttons: [不存在的按钮]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


async def test_passing_script(tmp_path):
    outcome = await run_script(write(tmp_path, "ok.yaml", PASSING))
    assert outcome.passed, outcome.detail
    assert outcome.name == "passes"


async def test_failing_expectation_reports_step_expected_reply_and_buttons(tmp_path):
    outcome = await run_script(write(tmp_path, "bad.yaml", FAILING))
    assert not outcome.passed
    detail = outcome.detail
    assert "step 2" in detail and "惠衢保一年交多少钱" in detail
    assert "'根本不存在的词'" in detail and "'不存在的按钮'" in detail
    assert "'100元'" not in detail.split("actual reply")[0]  # only what failed is listed
    assert "actual reply:" in detail and "100元" in detail.split("actual reply")[1]
    assert "buttons:" in detail and "👍" in detail


async def test_press_of_missing_label_lists_the_labels(tmp_path):
    script = """\
name: presses a button that is not there
steps:
  - send: /start
  - press: 不存在的按钮
"""
    outcome = await run_script(write(tmp_path, "press.yaml", script))
    assert not outcome.passed
    assert "step 2" in outcome.detail and "不存在的按钮" in outcome.detail
    for label in ("'惠衢保'", "'家庭共济'", "报销估算"):
        assert label in outcome.detail


async def test_press_before_any_keyboard(tmp_path):
    outcome = await run_script(write(tmp_path, "press.yaml", "name: x\nsteps:\n  - press: 惠衢保\n"))
    assert not outcome.passed
    assert "step 1" in outcome.detail and "buttons offered: none" in outcome.detail


async def test_a_handler_exception_fails_the_step(tmp_path, monkeypatch):
    from bot.views.presenter import Presenter

    def broken(self, *args, **kwargs):
        raise RuntimeError("boom in help")

    monkeypatch.setattr(Presenter, "help", broken)
    outcome = await run_script(write(tmp_path, "help.yaml", "name: help\nsteps:\n  - send: /start\n  - send: /help\n"))
    assert not outcome.passed
    assert "step 2" in outcome.detail and "RuntimeError" in outcome.detail and "boom in help" in outcome.detail


MALFORMED = {
    # name: (text, where the problem is, words the report must contain)
    "yaml_syntax.yaml": ("name: x\nsteps:\n  - send: [unclosed\n  - send: hi\n", ":4:", ["YAML syntax"]),
    "unknown_key.yaml": ("name: x\nsteps:\n  - send: hi\n    expct:\n      contains: [a]\n", ":4:", ["step 1", "expct"]),
    "unknown_top_key.yaml": ("name: x\nstep:\n  - send: hi\n", ":2:", ["step"]),
    "two_actions.yaml": ("name: x\nsteps:\n  - send: hi\n  - send: hi\n    press: 惠衢保\n", ":4:", ["step 2", "exactly one"]),
    "no_action.yaml": ("name: x\nsteps:\n  - expect:\n      contains: [a]\n", ":3:", ["step 1", "exactly one"]),
    "bad_regex.yaml": ("name: x\nsteps:\n  - send: hi\n  - send: hi\n    expect:\n      matches: ['([a-z']\n", ":5:", ["step 2", "regular expression"]),
    "number_not_string.yaml": ("name: x\nsteps:\n  - send: hi\n    expect:\n      contains: [100]\n", ":5:", ["step 1", "string"]),
    "no_steps.yaml": ("name: x\nsteps: []\n", ":2:", ["steps"]),
    "not_a_mapping.yaml": ("- send: hi\n", ":1:", []),
    "empty.yaml": ("", ":1:", []),
    "duplicate_key.yaml": ("name: x\nname: y\nsteps:\n  - send: hi\n", ":2:", ["duplicate"]),
}


@pytest.mark.parametrize("file_name", sorted(MALFORMED))
async def test_malformed_scripts_are_reported_with_file_and_line(tmp_path, file_name):
    text, where, words = MALFORMED[file_name]
    path = write(tmp_path, file_name, text)
    with pytest.raises(MalformedScript) as raised:
        load_script(path)
    report = str(raised.value)
    assert f"{path}{where}" in report, report
    for word in words:
        assert word in report, report
    outcome = await run_script(path)  # the runner reports it, never raises
    assert not outcome.passed
    assert outcome.detail.startswith("malformed script") and str(path) in outcome.detail


async def test_an_unreadable_script_is_malformed_not_a_crash(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: caf\xe9\nsteps:\n  - send: hi\n".encode("latin-1"))
    outcome = await run_script(path)
    assert not outcome.passed and "UTF-8" in outcome.detail
    outcome = await run_script(tmp_path / "missing.yaml")
    assert not outcome.passed and "malformed" in outcome.detail


def test_pending_folders_are_skipped_unless_named(tmp_path):
    write(tmp_path, "a.yaml", PASSING)
    write(tmp_path, "sub/b.yml", PASSING)
    write(tmp_path, "pending/c.yaml", FAILING)
    write(tmp_path, "notes.txt", "not a script")
    assert [path.name for path in find_scripts([tmp_path])] == ["a.yaml", "b.yml"]
    assert [path.name for path in find_scripts([tmp_path / "pending"])] == ["c.yaml"]
    assert [path.name for path in find_scripts([tmp_path / "pending" / "c.yaml"])] == ["c.yaml"]


def test_cli_runs_the_project_scripts_and_exits_0():
    """`python -m bot dialogue tests/dialogues`, as `make dialogues` runs it."""
    env = {key: value for key, value in os.environ.items() if key != "BOT_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "bot", "dialogue", "tests/dialogues"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=600)
    out = result.stdout
    scripts = find_scripts([DIALOGUES])
    ok_lines = [line for line in out.splitlines() if line.startswith("ok ")]
    assert result.returncode == 0, out + result.stderr[-2000:]
    assert len(ok_lines) == len(scripts) >= 24
    assert "FAIL" not in out and "Traceback" not in out + result.stderr
    assert "ok 问候与帮助" in out


def test_cli_folder_with_one_failing_script_exits_1(tmp_path, capsys):
    write(tmp_path, "good.yaml", PASSING)
    write(tmp_path, "bad.yaml", FAILING)
    write(tmp_path, "pending/also_bad.yaml", FAILING.replace("fails at step 2", "pending one"))
    code = cli_main(["dialogue", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1, out
    assert "ok passes" in out
    assert "FAIL fails at step 2" in out
    assert "step 2" in out and "根本不存在的词" in out
    assert "pending one" not in out  # pending/ is skipped when a folder is run
    assert "1 passed, 1 failed" in out


def test_cli_malformed_script_fails_without_traceback(tmp_path, capsys):
    path = write(tmp_path, "broken.yaml", MALFORMED["two_actions.yaml"][0])
    code = cli_main(["dialogue", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "FAIL broken" in out and f"{path}:4:" in out


def test_cli_missing_path_exits_2(tmp_path, capsys):
    code = cli_main(["dialogue", str(tmp_path / "nope.yaml")])
    assert code == 2
    assert "nope.yaml" in capsys.readouterr().out
