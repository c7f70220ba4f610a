"""Long polling that confirms an update to Telegram only once it is handled.

aiogram's start_polling moves the getUpdates offset past an update as soon as its task is
started, so a crash a moment later loses updates Telegram will never send again. Here the offset
stays at the oldest update still being handled: updates are handled concurrently (one user's in
order, see bot.telegram.exactly_once), a slow one does not hold the others up, and after a crash
Telegram sends again everything not finished (handled ones are recognised and skipped).
"""
from __future__ import annotations

import asyncio
import logging
import signal
from contextlib import suppress

from aiogram import Bot, Dispatcher
from aiogram.methods import GetUpdates
from aiogram.methods.base import Response
from aiogram.types import Message, Update
from aiogram.utils.backoff import Backoff, BackoffConfig

log = logging.getLogger("bot")

BACKOFF = BackoffConfig(min_delay=1.0, max_delay=5.0, factor=1.3, jitter=0.1)
PAUSE = 0.2  # seconds to wait for a running update before asking Telegram again when nothing is new
STOP_GRACE = 3.0  # seconds running updates get to finish after SIGTERM


class ConfirmingPoller:
    def __init__(self, dispatcher: Dispatcher, bot: Bot, *, timeout: int = 10):
        self.dispatcher, self.bot, self.timeout = dispatcher, bot, timeout
        self.running: dict[int, asyncio.Task] = {}
        self.newest: int | None = None  # the highest update id started
        self.stop = asyncio.Event()

    @property
    def offset(self) -> int | None:
        """Confirm everything before the oldest running update (everything seen, when none runs)."""
        if self.running:
            return min(self.running)
        return None if self.newest is None else self.newest + 1

    async def _handle(self, update, workflow: dict) -> None:
        try:
            await self.dispatcher.feed_update(self.bot, update, **workflow)
        except Exception:  # the errors handler apologised already; one update never stops polling
            log.exception("update=%s failed", update.update_id)

    def _start(self, update, workflow: dict) -> None:
        task = asyncio.create_task(self._handle(update, workflow))
        self.running[update.update_id] = task
        task.add_done_callback(lambda _, update_id=update.update_id: self.running.pop(update_id, None))

    async def _fetch(self, backoff: Backoff, allowed: list[str]) -> list:
        method = GetUpdates(offset=self.offset, timeout=0 if self.running else self.timeout, allowed_updates=allowed)
        try:
            updates = await self.bot(method, request_timeout=int((self.bot.session.timeout or 60) + self.timeout))
        except Exception as error:  # noqa: BLE001  (Telegram unreachable: keep trying, as aiogram does)
            log.error("getUpdates failed (%s: %s); retrying in %.1f s", type(error).__name__, error, backoff.next_delay)
            await self._sleep(next(backoff))
            return []
        backoff.reset()
        return updates

    async def _sleep(self, seconds: float) -> None:
        with suppress(TimeoutError):
            await asyncio.wait_for(self.stop.wait(), seconds)

    async def run(self, workflow: dict) -> None:
        backoff = Backoff(BACKOFF)
        allowed = self.dispatcher.resolve_used_update_types()
        while not self.stop.is_set():
            fetch, stop = asyncio.create_task(self._fetch(backoff, allowed)), asyncio.create_task(self.stop.wait())
            await asyncio.wait([fetch, stop], return_when=asyncio.FIRST_COMPLETED)
            stop.cancel()
            if not fetch.done():  # stopping: a long poll is not waited for
                fetch.cancel()
                break
            fresh = [update for update in fetch.result() if self.newest is None or update.update_id > self.newest]
            for update in fresh:
                self.newest = update.update_id
                self._start(update, workflow)
            if not fresh and self.running:  # Telegram returned only updates still being handled
                stop = asyncio.create_task(self.stop.wait())
                await asyncio.wait([stop, *self.running.values()], timeout=PAUSE, return_when=asyncio.FIRST_COMPLETED)
                stop.cancel()
        await self._finish()

    async def _finish(self) -> None:
        if self.running:
            await asyncio.wait(list(self.running.values()), timeout=STOP_GRACE)
        for task in list(self.running.values()):
            task.cancel()  # not confirmed: Telegram sends it again to the next process
        if self.newest is not None:
            with suppress(Exception):  # confirm what was handled; otherwise the next start skips it anyway
                await self.bot(GetUpdates(offset=self.offset, timeout=0, limit=1))


def build_reply_models() -> None:
    """Parse one reply of each kind now. aiogram's types build their validators on first use
    (bot/telegram/__init__.py): hundreds of ms for the first sendMessage reply, during which a crash
    would leave a delivered reply unrecorded and send it again after the restart."""
    message = {"message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "from": {"id": 1, "is_bot": True, "first_name": "b"},
               "text": "-", "reply_markup": {"inline_keyboard": [[{"text": "-", "callback_data": "-"}]]}}
    Response[Message].model_validate({"ok": True, "result": message})
    Response[bool].model_validate({"ok": True, "result": True})
    Update.model_validate({"update_id": 1, "callback_query": {"id": "1", "from": message["from"], "chat_instance": "1", "data": "-", "message": message}})


def answer_once(workflow: dict) -> None:
    """Answer one question before polling: the first search loads the word segmenter and builds
    caches (seconds on a busy machine). Done while an update waits, it would hold up every other
    update's commit, and a crash in that time would send their replies again after the restart."""
    assistant, presenter = workflow.get("assistant"), workflow.get("presenter")
    if assistant is not None and presenter is not None:
        presenter.reply(assistant.ask("惠衢保多少钱", "zh", None), "zh")


async def poll(dispatcher: Dispatcher, bot: Bot) -> None:
    """Run until SIGTERM/SIGINT; startup and shutdown handlers run as with aiogram's start_polling."""
    build_reply_models()
    answer_once(dispatcher.workflow_data)
    poller = ConfirmingPoller(dispatcher, bot)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, poller.stop.set)
    workflow = {"dispatcher": dispatcher, "bots": (bot,), **dispatcher.workflow_data}
    await dispatcher.emit_startup(bot=bot, **workflow)
    try:
        await poller.run(workflow)
    finally:
        log.info("polling stopped")
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await dispatcher.emit_shutdown(bot=bot, **workflow)
