"""The benchmark's modules import and its search benchmark runs (functions, not timings)."""
import importlib

import pytest

BENCH_MODULES = ["bench.common", "bench.knowledge_gen", "bench.search_bench", "bench.processes", "bench.cold_start",
                 "bench.throughput", "bench.worker", "bench.dispatch_bench", "bench.loadgen", "bench.__main__"]


@pytest.mark.parametrize("name", BENCH_MODULES)
def test_bench_module_imports(name):
    importlib.import_module(name)


def test_search_benchmark_runs_on_shipped_knowledge():
    from bench.search_bench import shipped_search

    result = shipped_search(repeats=1, limit=30)
    assert result["questions"] == 30
    assert len(result["median_us"]) == len(result["p99_us"]) == 1
    assert result["median_us"][0] > 0 and result["p99_us"][0] >= result["median_us"][0]
    assert sum(result["outcomes"].values()) == 30


def test_generated_knowledge_has_the_asked_size_and_new_phrasings():
    from bench.knowledge_gen import scaled, shipped

    knowledge = shipped()
    bigger = scaled(knowledge, len(knowledge.entries) + 5)
    assert len(bigger.entries) == len(knowledge.entries) + 5
    copies = [entry for entry_id, entry in bigger.entries.items() if "~c1" in entry_id]
    assert copies and all(copy.question != knowledge.entries[copy.id.split("~")[0]].question for copy in copies)


def test_a_bot_start_is_measured_building_the_index_and_then_reading_its_snapshot(tmp_path):
    from bench.processes import run_json

    built = run_json(["-m", "bench.worker", "start"], timeout=300, TMPDIR=str(tmp_path))
    assert list(tmp_path.glob("yibao-snapshots-*/*.pickle"))  # the first start left the snapshot the second reads
    read = run_json(["-m", "bench.worker", "start"], timeout=300, TMPDIR=str(tmp_path))
    assert built["rss_mb"] > 0 and read["rss_mb"] > 0
