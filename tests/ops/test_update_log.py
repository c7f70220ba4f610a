"""One structured log line per update: hashed user, handler, outcome, ms. A failing handler: apology, and on we go."""
from __future__ import annotations

import logging
import re

from bot.testing.client import DialogueClient
from bot.views.presenter import Presenter

LINE = re.compile(r"update=(\S+) user=(\S+) handler=(\S+) outcome=(\S+) ms=([\d.]+)")


def update_lines(caplog) -> list[re.Match]:
    return [match for record in caplog.records if record.name == "bot.updates" and (match := LINE.search(record.getMessage()))]


async def test_one_line_per_update_with_a_hashed_user_and_the_handler(caplog):
    caplog.set_level(logging.INFO, logger="bot.updates")
    user_id = 987_654_321
    async with DialogueClient(user_id=user_id) as chat:
        await chat.send("/start")
        await chat.send("惠衢保多少钱")
    lines = update_lines(caplog)
    assert len(lines) == 2
    start, question = lines
    named = chat.services.database.user_hash(user_id)  # keyed: the data directory's secret
    assert start.group(2) == named and question.group(2) == named
    assert "start" in start.group(3) and start.group(4) == "ok"
    assert question.group(3) != "-"
    assert float(start.group(5)) >= 0
    everything = "\n".join(record.getMessage() for record in caplog.records)
    assert str(user_id) not in everything


async def test_the_bot_keeps_serving_after_a_handler_exception(caplog, monkeypatch):
    caplog.set_level(logging.INFO)
    calls = []
    original = Presenter.help

    def broken_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Presenter, "help", broken_once)
    async with DialogueClient() as chat:
        apology = await chat.send("/help")
        assert len(apology) == 1 and "抱歉" in apology[0].text
        assert "怎么用" in (await chat.send("/help"))[0].text
        assert "100" in (await chat.send("惠衢保多少钱"))[0].text
    failed = [line for line in update_lines(caplog) if line.group(4) == "error"]
    assert len(failed) == 1 and "help" in failed[0].group(3)
    assert any("boom" in record.getMessage() and record.levelno == logging.ERROR for record in caplog.records)
