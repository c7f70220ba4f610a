"""Subprocesses with bounded lifetimes: every child is killed (its process group) at the end."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import PROJECT, PYTHON


def child_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("BOT_", "WEBHOOK_", "REDIS_", "ADMIN_", "THROTTLE_", "DATABASE_", "KNOWLEDGE_", "LOG_LEVEL"))}
    env["PYTHONPATH"] = str(PROJECT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def run_json(args: list[str], timeout: float, **env: str) -> dict:
    """Run `python ARGS` to completion; return the JSON of its `RESULT ` line."""
    completed = subprocess.run([PYTHON, *args], cwd=PROJECT, env=child_env(**env), capture_output=True, text=True, timeout=timeout)
    for line in reversed(completed.stdout.splitlines()):
        if line.startswith("RESULT "):
            return json.loads(line[7:])
    raise RuntimeError(f"{' '.join(args)} failed (exit {completed.returncode}): {completed.stderr.strip()[-800:]}")


def wall_time(args: list[str], timeout: float, cwd: Path = PROJECT) -> float:
    started = time.perf_counter()
    completed = subprocess.run([PYTHON, *args], cwd=cwd, env=child_env(), capture_output=True, timeout=timeout)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {completed.returncode}: {completed.stderr.decode()[-500:]}")
    return elapsed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def background(args: list[str], cwd: Path = PROJECT, ready: str | None = None, ready_timeout: float = 60,
               output: Path | None = None, **env: str):
    """A long-running child in its own process group; yields (process, ready line).
    With `output`, the child's stdout and stderr go to that file (a pipe nobody reads could fill up)."""
    sink = open(output, "w") if output else subprocess.PIPE
    process = subprocess.Popen([PYTHON, *args], cwd=cwd, env=child_env(**env), stdout=sink,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    if output:
        sink.close()
    try:
        line = ""
        if ready:
            deadline = time.monotonic() + ready_timeout
            import selectors

            selector = selectors.DefaultSelector()
            selector.register(process.stdout, selectors.EVENT_READ)
            while time.monotonic() < deadline:
                if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                    continue
                line = process.stdout.readline()
                if not line:
                    break
                if line.startswith(ready):
                    break
            selector.close()
            if not line.startswith(ready):
                raise RuntimeError(f"{' '.join(args)} did not become ready: {line.strip()!r}")
        yield process, line.strip()
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait(timeout=5)
    if process.stdout:
        process.stdout.close()


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
