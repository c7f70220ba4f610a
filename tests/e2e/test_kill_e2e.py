"""A few kill -9 rounds of tests/e2e/killing.py (the ≥ 30-round run is `python -m tests.e2e.killing`)."""
from __future__ import annotations

from tests.e2e.killing import kill_rounds


async def test_kill_minus_nine_loses_nothing_and_answers_nothing_twice(tmp_path):
    tally = await kill_rounds(3, tmp_path, residents=2, seed=13, log=lambda line: None)
    assert tally.rounds == 3 and tally.estimates >= 1 and tally.questions_answered >= 1
    assert (tally.rows_lost, tally.dialogues_restarted, tally.wrong_estimates, tally.double_answers,
            tally.answers_lost, tally.apologies) == (0, 0, 0, 0, 0, 0), tally


def test_a_missed_reply_is_explained_from_the_store_and_the_logs(tmp_path):
    """A reply that never came is listed with what explains it: recorded as sent or not, the update
    committed or not, whether it came late, and every process's log lines about it."""
    import sqlite3
    from types import SimpleNamespace

    from tests.e2e.killing import Miss, explain

    with sqlite3.connect(tmp_path / "bot.fsm.sqlite3") as connection:
        connection.execute("CREATE TABLE handled_updates (update_id INTEGER PRIMARY KEY, handled_at REAL NOT NULL)")
        connection.execute("CREATE TABLE sent_replies (update_id INTEGER, seq INTEGER, sent_at REAL NOT NULL, PRIMARY KEY (update_id, seq))")
        connection.execute("INSERT INTO sent_replies VALUES (42, 1, 0)")
    (tmp_path / "bots.log").write_text(
        "===== process 0 =====\nINFO bot.updates: update=42 handler=typed_answer outcome=ok\nINFO bot.updates: update=420 outcome=ok\n"
        "===== process 1 =====\nINFO bot.updates: update=43 outcome=ok\n"
        "===== process 2 =====\nINFO bot.updates: update=42: reply 1 was sent before a restart: not sent again\n")
    server = SimpleNamespace(sent_messages=lambda chat_id: [{"text": "第3步"}, {"text": "惠衢保 保费"}])
    lost = explain(Miss(5000, 42, "是", 1, lambda text: "合计报销" in text), server, tmp_path, "")
    assert lost.splitlines() == [
        "update 42: replies recorded as sent [1], update committed False, the reply never came; in the bots' logs:",
        "  ===== process 0 =====", "  INFO bot.updates: update=42 handler=typed_answer outcome=ok",
        "  ===== process 2 =====", "  INFO bot.updates: update=42: reply 1 was sent before a restart: not sent again"]
    late = explain(Miss(5000, 42, "市内", 1, lambda text: "保费" in text), server, tmp_path, "")
    assert "the reply came later" in late
