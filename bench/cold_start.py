"""Cold start: whole-process wall times, python -X importtime, and the `ask` path stage by stage."""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import PROJECT, PYTHON
from bench.processes import child_env, run_json, wall_time

ASK = ["-m", "bot", "ask", "惠衢保多少钱"]
CHECK = ["-m", "bot", "check-knowledge"]


def wall_times(args: list[str], repeats: int) -> list[float]:
    wall_time(args, 120)  # warm the OS file cache, the temp-dir caches and the knowledge snapshot
    return [wall_time(args, 120) for _ in range(repeats)]


def timed_with_snapshot(args: list[str], repeats: int) -> tuple[list[float], int]:
    """wall_times(), and how many snapshots of the built knowledge (bot.domain.knowledge.snapshot) were
    written during the timed runs: 0 when every run found the one the warm-up run made."""
    folder = Path(tempfile.gettempdir()) / f"yibao-snapshots-{os.getuid()}"
    wall_time(args, 120)
    started = time.time()
    times = [wall_time(args, 120) for _ in range(repeats)]
    written = sum(1 for path in folder.glob("*.pickle") if path.stat().st_mtime >= started)
    return times, written


def import_summary(args: list[str] = ASK, top: int = 8) -> tuple[list[tuple[str, float]], bool]:
    """The slowest top-level imports of a process (cumulative ms), and whether aiogram was imported."""
    completed = subprocess.run([PYTHON, "-X", "importtime", *args], cwd=PROJECT, env=child_env(),
                               capture_output=True, text=True, timeout=120)
    rows = []
    aiogram = False
    for line in completed.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not match:
            continue
        name = match.group(4)
        aiogram = aiogram or name.split(".")[0] == "aiogram"
        if len(match.group(3)) == 1:  # imported by the program itself, not by another module
            rows.append((name, int(match.group(2)) / 1000))
    rows.sort(key=lambda row: -row[1])
    return rows[:top], aiogram


def stages(repeats: int) -> list[dict]:
    return [run_json(["-m", "bench.worker", "stages"], 120) for _ in range(repeats)]
