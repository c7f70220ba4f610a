"""How long a kill -9 loses a reply: the time from its record being in the kernel's hands (SQLite's
commit, or Redis's SET written to its socket, returned) to its request written, for every reply of
residents running estimates at once on the real bot and the fake Bot API. A figure, not a test.

    .venv/bin/python -m tests.e2e.reply_window                                   # SQLite
    .venv/bin/python -m tests.e2e.reply_window --redis redis://127.0.0.1:6390/5  # Redis (a spare db)
    .venv/bin/python -m tests.e2e.reply_window --live 40 [--redis URL]           # the real bot process

In process the fake Bot API and the bot share one process; --live runs `python -m bot run` as the
kill rounds do (tests/e2e/reply_window_probe times it) and counts from the start of each record,
so a process the record wakes (redis-server) and runs before the request is counted too.
"""
from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from tests.crowd import E1_ANSWERS, message_update
from tests.e2e.test_redis_storage import after_each_send_message_write, live_bot
from tests.fake_bot_api import DEFAULT_TOKEN, FakeBotAPI


class Patch:
    """The one monkeypatch method after_each_send_message_write uses; nothing is restored (a script)."""

    def setattr(self, owner, name, value) -> None:
        setattr(owner, name, value)


async def windows(rounds: int, residents: int, redis_url: str | None, workdir: Path) -> list[float]:
    """Microseconds between each reply's record and its request."""
    gaps: list[float] = []
    recorded_at: list[int] = []
    async with FakeBotAPI(DEFAULT_TOKEN) as server:
        settings, services, bot, dispatcher = live_bot(server.base_url, redis_url, workdir)
        storage = dispatcher.storage
        record = storage.mark_sent_before_write

        async def timed_record(*args) -> None:
            await record(*args)
            recorded_at.append(time.perf_counter_ns())

        def written() -> None:
            if recorded_at:
                gaps.append((time.perf_counter_ns() - recorded_at.pop()) / 1000)

        storage.mark_sent_before_write = timed_record
        after_each_send_message_write(Patch(), written)

        async def resident(user_id: int) -> None:
            for text in ["/estimate", *E1_ANSWERS]:
                await dispatcher.feed_update(bot, message_update(SimpleNamespace(bot=bot), user_id, text))

        try:
            for number in range(rounds):
                await asyncio.gather(*(resident(90000 + number * residents + person) for person in range(residents)))
        finally:
            await bot.session.close()
            await storage.close()
            services.close()
    return sorted(gaps)


async def live_windows(seconds: float, residents: int, redis_url: str, workdir: Path) -> list[float]:
    """Microseconds from each record's start to its request, in the real bot process, residents running
    estimates and questions for `seconds` as in the kill rounds (no kill)."""
    import os

    from tests.e2e.conftest import BotProcess
    from tests.e2e.killing import TOKEN, Resident, Tally

    if redis_url:
        import redis

        redis.Redis.from_url(redis_url).flushdb()
    out = workdir / "windows.txt"
    probe = str(Path(__file__).with_name("reply_window_probe"))
    async with FakeBotAPI(TOKEN) as server:
        env = {"BOT_TOKEN": TOKEN, "BOT_API_BASE_URL": server.base_url, "DATABASE_PATH": str(workdir / "bot.sqlite3"),
               "THROTTLE_RATE": "0", "REDIS_URL": redis_url, "REPLY_WINDOW_OUT": str(out),
               "PYTHONPATH": os.pathsep.join(filter(None, [probe, os.environ.get("PYTHONPATH")]))}
        bot = BotProcess(env, workdir)
        try:
            bot.start()
            await bot.wait_for_log(r"\bready: polling")
            stop = asyncio.Event()
            people = [Resident(server, 5000 + number, Tally()) for number in range(residents)]
            lives = [asyncio.create_task(person.live(stop)) for person in people]
            await asyncio.sleep(seconds)
            stop.set()
            await asyncio.gather(*lives)
            code, _ = await bot.terminate()
            assert code == 0, bot.output[-3000:]
        finally:
            bot.kill()
    return sorted(float(value) for value in out.read_text().split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--residents", type=int, default=3)
    parser.add_argument("--redis", default="", help="reply records in this Redis instead of SQLite")
    parser.add_argument("--live", type=float, default=0.0, metavar="SECONDS", help="time the real bot process for this long")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="yibao-window-") as directory:
        if args.live:
            gaps = asyncio.run(live_windows(args.live, args.residents, args.redis, Path(directory)))
        else:
            gaps = asyncio.run(windows(args.rounds, args.residents, args.redis or None, Path(directory)))
    at = lambda share: gaps[min(len(gaps) - 1, int(share * len(gaps)))]  # noqa: E731
    where = f"{'redis' if args.redis else 'sqlite'}{' (live, from the record start)' if args.live else ''}"
    print(f"{where}: {len(gaps)} replies; record to request: median {at(0.5):.0f} µs, "
          f"p90 {at(0.9):.0f} µs, p99 {at(0.99):.0f} µs, max {gaps[-1]:.0f} µs")


if __name__ == "__main__":
    main()
