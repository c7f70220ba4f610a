"""Search latency per question: every question searched once per run, timed one by one."""
from __future__ import annotations

import gc
import statistics
import time

from bench.common import percentile


def time_search(index, tools, questions: list[str], repeats: int) -> dict:
    """Per run: median and p99 of the per-question times (µs).

    The text tools' analysis cache is cleared before every question, so each search pays for
    normalisation and segmentation as a new question would (the shipped phrasings would
    otherwise be cache hits left over from the index build); so is the index's result cache."""
    cache = getattr(tools, "_cache", None)
    results = getattr(index, "results", None)  # the index's cache of whole results, cleared likewise
    reader = getattr(index, "reader", None)  # …and what it kept of how it read each question
    medians, p99s, outcomes = [], [], {}
    for _ in range(repeats):
        gc.collect()
        times = []
        for question in questions:
            if cache is not None:
                cache.clear()
            if results is not None:
                results.clear()
            if reader is not None:
                reader.forget()
            started = time.perf_counter_ns()
            result = index.search(question)
            times.append(time.perf_counter_ns() - started)
            outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
        medians.append(statistics.median(times) / 1000)
        p99s.append(percentile(times, 0.99) / 1000)
    return {"median_us": medians, "p99_us": p99s, "questions": len(questions),
            "outcomes": {name: count // max(repeats, 1) for name, count in outcomes.items()}}


def shipped_search(repeats: int = 1, limit: int | None = None) -> dict:
    """The search benchmark on the shipped knowledge, in this process (used by the smoke test)."""
    from bench.knowledge_gen import build_index, questions, shipped

    knowledge = shipped()
    tools, index = build_index(knowledge)
    asked = questions(knowledge)
    return time_search(index, tools, asked[:limit] if limit else asked, repeats)
