"""Loaded by the bot process that `python -m tests.e2e.reply_window --live` starts (this folder on its
PYTHONPATH): times each reply from the start of its record to the moment its request's bytes are
handed to the kernel, in the running bot, and writes the times (µs) to REPLY_WINDOW_OUT at exit.
Unlike the in-process figure, this includes other processes being run in between (redis-server
woken by the record, the fake Bot API, anything else on the machine)."""
import os

if os.environ.get("REPLY_WINDOW_OUT"):
    import atexit
    import time

    import bot.telegram.exactly_once as exactly_once
    from aiohttp.http_writer import StreamWriter

    _times: list[float] = []
    _started: list[int] = []
    _record = exactly_once.UpdateReplies.record_before_write

    async def _timed_record(self, seq):
        first = seq not in self.written
        started = time.perf_counter_ns()
        await _record(self, seq)
        if first:
            _started.append(started)

    def _written(data: bytes) -> None:
        if _started and b"/sendMessage " in data[:300]:
            _times.append((time.perf_counter_ns() - _started.pop()) / 1000)

    _write, _writelines = StreamWriter._write, StreamWriter._writelines

    def _timed_write(writer, chunk):
        _written(bytes(chunk))
        _write(writer, chunk)

    def _timed_writelines(writer, chunks):
        chunks = list(chunks)
        _written(b"".join(bytes(chunk) for chunk in chunks))
        _writelines(writer, chunks)

    exactly_once.UpdateReplies.record_before_write = _timed_record
    StreamWriter._write, StreamWriter._writelines = _timed_write, _timed_writelines

    @atexit.register
    def _dump() -> None:
        with open(os.environ["REPLY_WINDOW_OUT"], "w") as out:
            out.write("\n".join(f"{value:.1f}" for value in _times))
