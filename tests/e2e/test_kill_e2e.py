"""A few kill -9 rounds of tests/e2e/killing.py (the ≥ 30-round run is `python -m tests.e2e.killing`)."""
from __future__ import annotations

from tests.e2e.killing import kill_rounds


async def test_kill_minus_nine_loses_nothing_and_answers_nothing_twice(tmp_path):
    tally = await kill_rounds(3, tmp_path, residents=2, seed=13, log=lambda line: None)
    assert tally.rounds == 3 and tally.estimates >= 1 and tally.questions_answered >= 1
    assert (tally.rows_lost, tally.dialogues_restarted, tally.wrong_estimates, tally.double_answers,
            tally.answers_lost, tally.apologies) == (0, 0, 0, 0, 0, 0), tally
