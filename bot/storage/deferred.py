"""Batch small SQLite writes: run `flush` once, shortly after the first change, instead of per change."""
from __future__ import annotations

import asyncio
from typing import Callable


class DeferredFlush:
    """Inside an event loop a change schedules one flush `delay` seconds later; outside one
    (CLI, scripts) it flushes at once. `cancel()` is called by the flush itself."""

    def __init__(self, flush: Callable[[], None], delay: float):
        self._flush = flush
        self._delay = delay
        self._handle: asyncio.TimerHandle | None = None

    def changed(self) -> None:
        if self._handle is not None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self._flush()
            return
        self._handle = loop.call_later(self._delay, self._flush)

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None
