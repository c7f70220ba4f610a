"""Updates per second end to end over loopback HTTP: the real `python -m bot run` against
tests/fake_bot_api.py in another process, load from bench/loadgen.py in a third process."""
from __future__ import annotations

import json
import tempfile
import urllib.request
from pathlib import Path

from bench.common import PROJECT
from bench.processes import background, free_port, log, run_json

TOKEN = "123456789:BENCH-token"
SECRET = "bench-webhook-secret"
START_TIMEOUT = 90  # seconds for the bot to start (it imports aiogram and loads the knowledge)


def webhook_available() -> bool:
    return (PROJECT / "bot" / "telegram" / "webhook.py").is_file()


def _wait_call(fake: str, method: str, timeout: float) -> None:
    url = f"{fake}/_test/calls?method={method}&count=1&timeout={timeout}"
    with urllib.request.urlopen(url, timeout=timeout + 10) as response:
        json.load(response)


def measure(mode: str, count: int, rounds: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="yibao-bench-") as tmp:
        tmp_path = Path(tmp)
        fake_args = [str(PROJECT / "tests" / "fake_bot_api.py"), "--port", "0", "--token", TOKEN]
        with background(fake_args, ready="READY", ready_timeout=30) as (_, line):
            fake = line.split()[1]
            env = {"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": fake, "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
                   "LOG_LEVEL": "WARNING"}
            extra: list[str] = []
            if mode == "webhook":
                port = free_port()
                hook = f"http://127.0.0.1:{port}/telegram/webhook"
                env.update(WEBHOOK_URL=hook, WEBHOOK_SECRET=SECRET, WEBHOOK_HOST="127.0.0.1", WEBHOOK_PORT=str(port),
                           WEBHOOK_PATH="/telegram/webhook")
                extra = [hook, SECRET]
            output = tmp_path / "bot.log"
            with background(["-m", "bot", "run"], cwd=tmp_path, output=output, **env) as (bot, _):
                try:
                    _wait_call(fake, "getUpdates" if mode == "polling" else "getMe", START_TIMEOUT)
                    if mode == "webhook":
                        _wait_call(fake, "setWebhook", 5)
                    return run_json(["-m", "bench.loadgen", mode, fake, str(count), str(rounds), *extra],
                                    timeout=rounds * 75 + 60)
                except Exception as error:
                    log(f"{mode}: {error}; bot output: {output.read_text(errors='replace')[-800:]}")
                    raise
