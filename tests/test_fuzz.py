"""Property-based fuzzing of the dispatcher (tests/fuzz_updates.py): whatever updates arrive, no
handler raises (the apology never runs), every button press is answered, every reply is one
Telegram accepts (≤ 4096 characters, valid HTML, callback data ≤ 64 bytes), and /cancel always
brings a user back to no dialogue state.

Small and deterministic here (derandomized: the same examples every run); `make fuzz` runs the
same property over ≥ 10,000 updates (FUZZ_EXAMPLES, FUZZ_STEPS) and prints the figures.
"""
import asyncio
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import Settings
from tests.fuzz_updates import ADMIN, Fuzzer, corrupted_data, steps

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "30"))
MAX_STEPS = int(os.environ.get("FUZZ_STEPS", "12"))
MIN_UPDATES = int(os.environ.get("FUZZ_MIN_UPDATES", "0"))  # `make fuzz`: the run must reach this many


@pytest.fixture(scope="module")
def fuzzer():
    loop = asyncio.new_event_loop()
    with tempfile.TemporaryDirectory(prefix="yibao-fuzz-") as directory:
        options = Settings(bot_token=None, redis_url=None, database_path=Path(directory) / "bot.sqlite3", admin_ids=[ADMIN])
        chat = Fuzzer.client(settings=options)
        loop.run_until_complete(chat.__aenter__())
        fuzzer = Fuzzer(chat)
        fuzzer.loop = loop
        yield fuzzer
        loop.run_until_complete(chat.__aexit__(None, None, None))
    loop.close()
    print("\n" + fuzzer.tally.line())
    assert fuzzer.tally.updates >= MIN_UPDATES, f"only {fuzzer.tally.updates} updates; raise FUZZ_EXAMPLES"


@settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None, print_blob=False,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(run=st.lists(st.tuples(steps(), corrupted_data()), min_size=1, max_size=MAX_STEPS))
def test_any_updates_are_handled_answered_and_leavable(fuzzer, run):
    problems_before = len(fuzzer.tally.problems)

    async def play() -> list[int]:
        for step, corrupt in run:
            await fuzzer.feed(step, corrupt)
        return [user for user in {step.user for step, _ in run} if not await fuzzer.can_leave(user)]

    stuck = fuzzer.loop.run_until_complete(play())
    assert fuzzer.tally.problems[problems_before:] == []
    assert stuck == [], "users left in a dialogue state /cancel does not end"
