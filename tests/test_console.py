"""The offline console as a resident (or a tester piping a file) uses it: a subprocess with stdin lines."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():
    PYTHON = Path(sys.executable)


def run(args: list[str], stdin: str, tmp_path: Path, **env_changes: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["DATABASE_PATH"] = str(tmp_path / "bot.sqlite3")  # never the developer's data/ (city, dialogue state)
    env["LOG_LEVEL"] = "WARNING"
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([str(PYTHON), "-m", "bot", *args], input=stdin, cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def dotenv_token() -> str:
    dotenv = ROOT / ".env"
    if not dotenv.exists():
        return ""
    found = re.search(r"^\s*BOT_TOKEN\s*=\s*['\"]?([^'\"\s#]*)", dotenv.read_text(encoding="utf-8"), re.MULTILINE)
    return found.group(1) if found else ""


def test_console_prints_answers_numbers_buttons_and_presses_by_number(tmp_path):
    lines = [
        "/start",
        "惠衢保一年交多少钱",
        "1",          # the first numbered button under the answer: a related question
        "/estimate",
        "1",          # 衢州
        "",           # blank lines are ignored
        "居民",
    ]
    result = run(["console"], "\n".join(lines) + "\n", tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr  # EOF ends the console normally
    assert "Traceback" not in out + result.stderr
    assert "医保小助手" in out                                        # /start
    assert re.search(r"^\[1\] 惠衢保 +\[2\] 亲情账户", out, re.MULTILINE)  # buttons as numbered choices, a row per line
    assert "100元" in out and "来源：" in out                          # the answer
    assert re.search(r"\[\d+\] 👍 +\[\d+\] 👎", out)
    before_estimate = out.split("第1步", 1)[0]
    assert before_estimate.count("来源：") == 2                            # pressing 1 answered a related question
    assert "第1步" in out and "第2步" in out and "第3步" in out            # "1" pressed 衢州, 居民 was typed
    assert "<b>" not in out and "<i>" not in out                          # no HTML markup in a terminal


def test_run_without_token_answers_piped_question_and_exits_0(tmp_path):
    """`echo 惠衢保多少钱 | make run` on a machine without a token (README)."""
    if dotenv_token():
        pytest.skip(".env in the project sets BOT_TOKEN: `make run` would connect to Telegram")
    result = run([], "惠衢保多少钱\n", tmp_path, BOT_TOKEN=None)
    assert result.returncode == 0, result.stderr
    assert "100元" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_run_with_empty_token_answers_piped_question_and_exits_0(tmp_path):
    result = run([], "惠衢保多少钱\n", tmp_path, BOT_TOKEN="")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "100元" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_console_a_bare_number_is_an_amount_where_one_is_asked_and_hash_n_presses_a_button(tmp_path):
    lines = [
        "/estimate", "1", "1", "1", "2",  # 衢州, 职工医保, 普通门诊, 二级医院: bare numbers press buttons
        "5",                               # the amount step: 5 is 5元, not the fifth button
        "/estimate", "1", "1", "1", "2",
        "#4",                              # #4 presses the fourth quick amount, 5万
    ]
    result = run(["console"], "\n".join(lines) + "\n", tmp_path)
    out = result.stdout
    assert result.returncode == 0, result.stderr
    assert "总费用：5.00元" in out                        # 5 was the amount
    assert "总费用：50,000.00元" in out                   # #4 pressed 5万
    assert out.count("这一步输入的数字就是金额") == 1      # said once
