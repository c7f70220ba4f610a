"""Shared helpers: statistics over repeated runs, result rows, the machine description."""
from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p99 of 100 values is the 99th smallest)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


@dataclass
class Figure:
    """One quantity measured in several runs: shown as median [min–max]."""

    runs: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.runs)

    @property
    def low(self) -> float:
        return min(self.runs)

    @property
    def high(self) -> float:
        return max(self.runs)

    def show(self, unit: str, digits: int = 0) -> str:
        fmt = f"{{:,.{digits}f}}"
        if len(self.runs) == 1:
            return f"{fmt.format(self.median)} {unit}"
        return f"{fmt.format(self.median)} {unit} [{fmt.format(self.low)}–{fmt.format(self.high)}]"


@dataclass
class Row:
    section: str
    name: str
    value: str
    ratio: str = ""
    target: str = ""
    verdict: str = ""  # PASS | MISS | "" (no target) | n/a
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args, **kwargs) -> Row:
        row = Row(*args, **kwargs)
        self.rows.append(row)
        return row


def verdict(ok: bool | None) -> str:
    if ok is None:
        return "n/a"
    return "PASS" if ok else "MISS"


def machine() -> str:
    cores = os.cpu_count()
    try:
        load = "load average %.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        load = "load average unknown"
    return (f"{platform.node() or 'host'}: {cores} cores, {platform.processor() or platform.machine()}, "
            f"Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()} {platform.release()}, "
            f"{time.strftime('%Y-%m-%d %H:%M:%S %Z')}, {load} at start")


def render_table(report: Report) -> str:
    headers = ("section", "measurement", "median [min–max]", "ratio", "target", "", "note")
    rows = [(r.section, r.name, r.value, r.ratio, r.target, r.verdict, r.note) for r in report.rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    return "\n".join(lines)
