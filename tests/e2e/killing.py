"""kill -9 rounds: the real `python -m bot run` (long polling) against the fake Bot API, killed at
random moments (some within a second of a reply) while residents run estimates and ask questions,
then started again. Counted: question rows lost, dialogues sent back to the start, wrong estimates,
updates answered twice, answers never received, apologies. All must be 0.

    .venv/bin/python -m tests.e2e.killing --rounds 30          # the figures for the report
tests/e2e/test_kill_e2e.py runs a few rounds of the same.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sqlite3
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.crowd import APOLOGY, E1_ANSWERS, E1_TOTAL
from tests.e2e.conftest import BotProcess, plain
from tests.fake_bot_api import FakeBotAPI

TOKEN = "987654323:E2E-kill-token-GGGhhhIII"
REPLY_TIMEOUT = 90.0  # a reply may wait for a restart (aiogram import, knowledge) on a busy machine
RESULT_MARK = "合计报销"


@dataclass
class Miss:
    """An update whose expected reply did not come within REPLY_TIMEOUT."""

    chat_id: int
    update_id: int
    text: str
    seen: int  # messages in the chat when it was sent
    expect: object = field(repr=False)


@dataclass
class Tally:
    rounds: int = 0
    kills_after_a_reply: int = 0
    updates: int = 0
    estimates: int = 0
    wrong_estimates: int = 0
    dialogues_restarted: int = 0
    questions_answered: int = 0
    rows_lost: int = 0
    double_answers: int = 0
    answers_lost: int = 0
    apologies: int = 0
    replies_not_repeated: int = 0  # sent before a kill, their update handled again after it: the record kept them single
    restart_seconds: list[float] = field(default_factory=list)
    details: list[str] = field(default_factory=list)  # each failure, with its update id (see bots.log)
    misses: list[Miss] = field(default_factory=list, repr=False)

    @property
    def failures(self) -> int:
        return self.wrong_estimates + self.dialogues_restarted + self.rows_lost + self.double_answers + self.answers_lost + self.apologies


class Resident:
    def __init__(self, server: FakeBotAPI, chat_id: int, tally: Tally):
        self.server, self.chat_id, self.tally = server, chat_id, tally
        self.pushed = 0
        self.asked: dict[str, int] = {}  # questions whose answer arrived -> their update id
        self.update_id = 0
        self.text = ""

    async def say(self, text: str, expect) -> tuple[str | None, int]:
        """Send; the first new message `expect` accepts (None when none came) and how many others came."""
        self.seen = seen = len(self.server.sent_messages(self.chat_id))
        self.expect = expect
        self.update_id, self.text = self.server.push_message(self.chat_id, text), text
        self.pushed += 1
        self.tally.updates += 1
        deadline = time.monotonic() + REPLY_TIMEOUT
        while True:
            new = [plain(message) for message in self.server.sent_messages(self.chat_id)[seen:]]
            match = next((reply for reply in new if expect(reply)), None)
            if match is not None or time.monotonic() > deadline:
                return match, len(new) - (match is not None)
            await asyncio.sleep(0.02)

    def missed(self, others: int) -> None:
        """No matching reply: something else came (the dialogue was elsewhere) or nothing did."""
        if others:
            self.tally.dialogues_restarted += 1
        else:
            self.tally.answers_lost += 1
        what = f"{others} other message(s)" if others else "no reply"
        self.tally.details.append(f"chat {self.chat_id} update {self.update_id} {self.text!r}: {what}")
        self.tally.misses.append(Miss(self.chat_id, self.update_id, self.text, self.seen, self.expect))

    async def estimate(self) -> None:
        reply, others = await self.say("/estimate", lambda text: "第1步" in text)
        if reply is None:
            return self.missed(others)
        for number, answer in enumerate(E1_ANSWERS, start=2):
            last = number == len(E1_ANSWERS) + 1
            wanted = (lambda text: RESULT_MARK in text) if last else (lambda text, n=number: f"第{n}步" in text)
            reply, others = await self.say(answer, wanted)
            if reply is None:
                return self.missed(others)
        self.tally.estimates += 1
        if E1_TOTAL not in reply:
            self.tally.wrong_estimates += 1
            self.tally.details.append(f"chat {self.chat_id} update {self.update_id}: wrong estimate")

    async def ask(self, number: int) -> None:
        token = f"{self.chat_id}x{number}"
        reply, others = await self.say(f"惠衢保多少钱 {token}", lambda text: "保费" in text and RESULT_MARK not in text)
        if reply is None:
            self.missed(others)
        else:
            self.asked[token] = self.update_id

    async def live(self, stop: asyncio.Event) -> None:
        number = 0
        while not stop.is_set():
            await self.estimate()
            number += 1
            await self.ask(number)

    def settle(self) -> None:
        texts = [plain(message) for message in self.server.sent_messages(self.chat_id)]
        self.tally.double_answers += max(0, len(texts) - self.pushed)  # one message per update
        self.tally.apologies += sum(APOLOGY in text for text in texts)
        if len(texts) > self.pushed or any(APOLOGY in text for text in texts):
            self.tally.details.append(f"chat {self.chat_id}: {len(texts)} messages for {self.pushed} updates")


def question_rows(database: Path) -> list[str]:
    connection = sqlite3.connect(database)
    try:
        return [text or "" for (text,) in connection.execute("SELECT text FROM questions")]
    finally:
        connection.close()


async def kill_rounds(rounds: int, workdir: Path, residents: int = 3, seed: int | None = None, log=print, redis_url: str = "") -> Tally:
    chooser = random.Random(seed)
    tally = Tally()
    if redis_url:  # the fake Bot API numbers updates from 1 again: ids handled in an earlier run must go
        import redis

        redis.Redis.from_url(redis_url).flushdb()
    async with FakeBotAPI(TOKEN) as server:
        env = {"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": server.base_url, "DATABASE_PATH": str(workdir / "bot.sqlite3"),
               "LOG_LEVEL": "INFO", "THROTTLE_RATE": "0", "REDIS_URL": redis_url}
        bot = BotProcess(env, workdir)
        people = [Resident(server, 5000 + number, tally) for number in range(residents)]
        stop = asyncio.Event()
        try:
            bot.start()
            await bot.wait_for_log(r"\bready: polling")
            lives = [asyncio.create_task(person.live(stop)) for person in people]
            for round_number in range(rounds):
                if chooser.random() < 0.5:  # within a second of a step
                    sent = sum(len(server.sent_messages(person.chat_id)) for person in people)
                    while sum(len(server.sent_messages(person.chat_id)) for person in people) == sent:
                        await asyncio.sleep(0.005)
                    await asyncio.sleep(chooser.uniform(0.0, 1.0))
                    tally.kills_after_a_reply += 1
                else:
                    await asyncio.sleep(chooser.uniform(0.1, 3.0))
                bot.kill()  # SIGKILL
                keep_log(bot, workdir, round_number)
                tally.rounds += 1
                started = time.monotonic()
                bot.start()
                await bot.wait_for_log(r"\bready: polling")
                tally.restart_seconds.append(round(time.monotonic() - started, 2))
                log(f"round {round_number + 1}/{rounds}: killed and restarted; {tally.estimates} estimates so far")
            stop.set()
            await asyncio.wait_for(asyncio.gather(*lives), REPLY_TIMEOUT * 12)
            await asyncio.sleep(1.0)  # a late second copy would arrive now
            code, _ = await bot.terminate()
            assert code == 0, bot.output[-3000:]
        finally:
            stop.set()
            bot.kill()
            keep_log(bot, workdir, rounds)
        rows = question_rows(workdir / "bot.sqlite3")
        for person in people:
            person.settle()
            tally.questions_answered += len(person.asked)
            lost = {token: update_id for token, update_id in person.asked.items() if not any(token in row for row in rows)}
            tally.rows_lost += len(lost)
            tally.details += [f"chat {person.chat_id} update {update_id}: question row {token} lost" for token, update_id in lost.items()]
        tally.details += [explain(miss, server, workdir, redis_url) for miss in tally.misses]
        tally.replies_not_repeated = (workdir / "bots.log").read_text(errors="replace").count("was sent before a restart: not sent again")
    return tally


def explain(miss: Miss, server: FakeBotAPI, workdir: Path, redis_url: str) -> str:
    """What the stores and the bots' logs say about a reply that did not come: was it recorded as
    sent (a kill between its record and its request), did it come late, which processes handled it."""
    late = [plain(message) for message in server.sent_messages(miss.chat_id)[miss.seen:] if miss.expect(plain(message))]
    if redis_url:
        import redis

        with redis.Redis.from_url(redis_url) as client:
            recorded = sorted(int(key.rsplit(b":", 1)[1]) for key in client.keys(f"*:sent:*:{miss.update_id}:*"))
            handled = bool(client.keys(f"*:handled:*:{miss.update_id}"))
    else:
        connection = sqlite3.connect(workdir / "bot.fsm.sqlite3")
        try:
            recorded = [seq for (seq,) in connection.execute("SELECT seq FROM sent_replies WHERE update_id = ? ORDER BY seq", (miss.update_id,))]
            handled = connection.execute("SELECT 1 FROM handled_updates WHERE update_id = ?", (miss.update_id,)).fetchone() is not None
        finally:
            connection.close()
    mention = re.compile(rf"(update={miss.update_id}\b|^===== process)")
    lines = [line for line in (workdir / "bots.log").read_text(errors="replace").splitlines() if mention.search(line)]
    lines = [line for number, line in enumerate(lines) if not line.startswith("=====") or
             (number + 1 < len(lines) and not lines[number + 1].startswith("====="))]
    return (f"update {miss.update_id}: replies recorded as sent {recorded or 'none'}, update committed {handled}, "
            f"{'the reply came later' if late else 'the reply never came'}; in the bots' logs:\n  " + "\n  ".join(lines))


def keep_log(bot: BotProcess, workdir: Path, process_number: int) -> None:
    """Each process's output, one after the other, in bots.log (the next start overwrites its files)."""
    with (workdir / "bots.log").open("a") as kept:
        kept.write(f"===== process {process_number} =====\n{bot.output}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--residents", type=int, default=3)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--redis", default="", help="dialogue state in this Redis (redis://127.0.0.1:6390/0) instead of SQLite")
    parser.add_argument("--keep", type=Path, help="work in this (new) folder and keep it: the bots' logs (bots.log), the SQLite files")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yibao-kill-") as directory:
        workdir = args.keep or Path(directory)
        workdir.mkdir(parents=True, exist_ok=True)
        tally = asyncio.run(kill_rounds(args.rounds, workdir, args.residents, args.seed, redis_url=args.redis))
    figures = asdict(tally)
    figures.pop("misses")
    print(json.dumps({**figures, "failures": tally.failures}, ensure_ascii=False, indent=1))
    raise SystemExit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
