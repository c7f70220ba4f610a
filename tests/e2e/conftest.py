"""Helpers for end-to-end tests: the real `python -m bot run` process, and reading what it sent."""
from __future__ import annotations

import asyncio
import html
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

from tests.conftest import ROOT
from tests.fake_bot_api import FakeBotAPI

PYTHON = ROOT / ".venv" / "bin" / "python"
STARTUP_TIMEOUT = 90.0  # importing aiogram and loading knowledge takes seconds; more on a busy machine
REPLY_TIMEOUT = 15.0
TAGS = re.compile(r"<[^>]+>")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def plain(message: dict) -> str:
    return html.unescape(TAGS.sub("", message.get("text", "")))


def buttons(message: dict) -> list[tuple[str, str]]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
    return [(button["text"], button.get("callback_data", "")) for row in rows for button in row]


class BotProcess:
    """`.venv/bin/python -m bot run` as a real subprocess; output goes to files (no pipe can fill up)."""

    def __init__(self, env: dict[str, str], workdir: Path):
        self.workdir = workdir
        self.stdout_path, self.stderr_path = workdir / "bot.stdout", workdir / "bot.stderr"
        base = {key: value for key, value in os.environ.items() if not key.startswith(("BOT_", "WEBHOOK_", "REDIS_", "THROTTLE_"))}
        self.env = {**base, "PYTHONUNBUFFERED": "1", "REDIS_URL": "", "WEBHOOK_URL": "", **env}
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        python = str(PYTHON) if PYTHON.exists() else sys.executable
        with self.stdout_path.open("wb") as out, self.stderr_path.open("wb") as err:
            # cwd outside the repository: a developer's .env must not leak into the test.
            self.process = subprocess.Popen([python, "-m", "bot", "run"], stdout=out, stderr=err, env=self.env, cwd=self.workdir, start_new_session=True)

    @property
    def output(self) -> str:
        texts = [path.read_text(errors="replace") for path in (self.stdout_path, self.stderr_path) if path.exists()]
        return "\n".join(texts)

    async def wait_for_log(self, pattern: str, timeout: float = STARTUP_TIMEOUT) -> str:
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.output.splitlines():
                if regex.search(line):
                    return line
            if self.process.poll() is not None:
                raise AssertionError(f"bot exited with {self.process.returncode} before logging {pattern!r}:\n{self.output[-4000:]}")
            await asyncio.sleep(0.1)
        raise AssertionError(f"no log line matching {pattern!r} within {timeout} s:\n{self.output[-4000:]}")

    async def terminate(self, timeout: float = 10.0) -> tuple[int, float]:
        """SIGTERM; returns (exit code, seconds it took to exit)."""
        started = time.monotonic()
        self.process.send_signal(signal.SIGTERM)
        while self.process.poll() is None and time.monotonic() - started < timeout:
            await asyncio.sleep(0.05)
        if self.process.poll() is None:
            raise AssertionError(f"bot did not exit within {timeout} s of SIGTERM:\n{self.output[-4000:]}")
        return self.process.returncode, time.monotonic() - started

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


async def wait_for_message(server: FakeBotAPI, chat_id: int, after: int, predicate: Callable[[dict], bool] = lambda m: True, timeout: float = REPLY_TIMEOUT) -> dict:
    """The first message the bot sent to chat_id, past the first `after` ones, that satisfies predicate."""
    deadline = time.monotonic() + timeout
    while True:
        for message in server.sent_messages(chat_id)[after:]:
            if predicate(message):
                return message
        if time.monotonic() > deadline:
            seen = [plain(m)[:80] for m in server.sent_messages(chat_id)[after:]]
            raise AssertionError(f"no matching reply in chat {chat_id} within {timeout} s; got: {seen}")
        await asyncio.sleep(0.02)


class Resident:
    """One Telegram user talking to the bot process through the fake server."""

    def __init__(self, server: FakeBotAPI, chat_id: int):
        self.server, self.chat_id = server, chat_id

    @property
    def seen(self) -> int:
        return len(self.server.sent_messages(self.chat_id))

    async def send(self, text: str, expect: Callable[[dict], bool] = lambda m: True) -> dict:
        before = self.seen
        self.server.push_message(self.chat_id, text)
        return await wait_for_message(self.server, self.chat_id, before, expect)

    async def press(self, label: str, expect: Callable[[dict], bool] = lambda m: True) -> dict:
        """Press the button labelled `label` on the newest bot message that has one."""
        for message in reversed(self.server.sent_messages(self.chat_id)):
            match = next(((text, data) for text, data in buttons(message) if label in text and data), None)
            if match:
                break
        else:
            raise AssertionError(f"no button {label!r} in chat {self.chat_id}")
        before = self.seen
        self.server.push_callback(self.chat_id, match[1], message["message_id"])
        return await wait_for_message(self.server, self.chat_id, before, expect)
