"""Child-process jobs; each prints one line `RESULT <json>` at the end.

    python -m bench.worker size SIZE REPEATS    knowledge of SIZE entries (0: shipped): index build,
                                                peak RSS with services + dispatcher, search latency
    python -m bench.worker start                peak RSS of a bot start with the shipped knowledge (TMPDIR
                                                decides whether a knowledge snapshot is there to read)
    python -m bench.worker dispatch ROUNDS N    µs per update through the real dispatcher, echo floor
    python -m bench.worker stages               where the `ask` cold start goes, stage by stage
    python -m bench.worker durability ROUNDS N  µs per durable write (state commit, update ids, question row)
"""
from __future__ import annotations

import json
import logging
import resource
import sys
import tempfile
import time
from pathlib import Path


def emit(result: dict) -> None:
    print("RESULT " + json.dumps(result), flush=True)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def quiet_logging() -> None:
    logging.basicConfig(level=logging.WARNING)
    logging.disable(logging.INFO)  # everything at INFO and below is dropped: "logging above INFO"


def settings_in(directory: Path):
    from bot.config import Settings

    return Settings(_env_file=None, bot_token=None, redis_url=None, database_path=directory / "bot.sqlite3")


def job_size(size: int, repeats: int) -> dict:
    quiet_logging()
    from bench.knowledge_gen import questions, scaled, shipped, store_for
    from bench.search_bench import time_search
    from bot.telegram.services import create_services

    with tempfile.TemporaryDirectory(prefix="yibao-bench-") as tmp:
        settings = settings_in(Path(tmp))
        started = time.perf_counter()
        if size:
            base = shipped()
            knowledge = scaled(base, size)
            generated = time.perf_counter()
            store = store_for(knowledge)
            built = time.perf_counter()
            services = create_services(settings, store=store)
        else:  # exactly what the bot does at start
            generated = started
            services = create_services(settings)
            built = time.perf_counter()
            base = services.store.current.knowledge
        from bot.telegram.dispatcher import build_dispatcher
        from aiogram.fsm.storage.memory import MemoryStorage

        dispatcher = build_dispatcher(services, MemoryStorage())
        rss = peak_rss_mb()
        loaded = services.store.current
        asked = questions(base)
        search = time_search(loaded.index, loaded.tools, asked, repeats)
        # Knowledge phrasings are mostly found word for word; residents' own questions are ranked.
        residents = time_search(loaded.index, loaded.tools, resident_questions(), repeats) if not size else None
        services.close()
        del dispatcher
    return {"size": len(loaded.knowledge.entries), "documents": len(loaded.index.ranker.doc_text),
            "generate_s": generated - started, "build_s": built - generated, "rss_mb": rss, "search": search,
            "residents": residents}


RESIDENT_QUESTIONS = 12_000  # at most: the sets grow each session, the job must stay inside its timeout


def resident_questions() -> list[str]:
    """The questions of the residents' evaluation sets (tests/eval/residents*.yaml), at most RESIDENT_QUESTIONS
    of them, taken evenly across every set (the same ones each run)."""
    import yaml

    folder = Path(__file__).resolve().parents[1] / "tests" / "eval"
    questions = [case["q"] for path in sorted(folder.glob("residents*.yaml"))
                 for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    step = len(questions) / RESIDENT_QUESTIONS
    return questions if step <= 1 else [questions[int(i * step)] for i in range(RESIDENT_QUESTIONS)]


def job_start() -> dict:
    """Services and dispatcher built as `python -m bot run` builds them, and nothing searched."""
    quiet_logging()
    from aiogram.fsm.storage.memory import MemoryStorage

    from bot.telegram.dispatcher import build_dispatcher
    from bot.telegram.services import create_services

    with tempfile.TemporaryDirectory(prefix="yibao-bench-") as tmp:
        services = create_services(settings_in(Path(tmp)))
        dispatcher = build_dispatcher(services, MemoryStorage())
        rss = peak_rss_mb()
        services.close()
        del dispatcher
    return {"rss_mb": rss}


def job_stages() -> dict:
    """The `ask` path of `python -m bot ask`, stage by stage, in a fresh process."""
    stages: dict[str, float] = {}
    mark = time.perf_counter()

    def stage(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        stages[name] = stages.get(name, 0.0) + (now - mark)
        mark = now

    import bot.cli  # noqa: F401  (argparse, the command table)
    from bot.cli import ask as ask_command  # noqa: F401
    from bot.config import Settings
    stage("import bot.cli + settings")
    from bot.domain.questions import text as text_module
    from bot.domain.assistant import Assistant, KnowledgeStore  # noqa: F401
    from bot.domain.knowledge.loading import load_knowledge
    from bot.domain.questions.search import SearchIndex
    from bot.views.presenter import Presenter
    from bot.views.render import Renderer
    stage("import domain + presenter")
    settings = Settings()
    stage("settings")
    result = load_knowledge(settings.knowledge_dir)
    stage("knowledge load (YAML + validation + rules)")
    tools = text_module.TextTools(result.knowledge.vocabulary)
    stage("text tools (OpenCC)")

    jieba_time = {"import": 0.0, "dictionary": 0.0}
    original_build, original_import = getattr(text_module, "_build_tokenizer", None), getattr(text_module, "_import_jieba", None)
    if original_import:
        def timed_import():
            t = time.perf_counter()
            try:
                return original_import()
            finally:
                jieba_time["import"] += time.perf_counter() - t
        text_module._import_jieba = timed_import
    if original_build:
        def timed_build(*args, **kwargs):
            t = time.perf_counter()
            try:
                return original_build(*args, **kwargs)
            finally:
                jieba_time["dictionary"] += time.perf_counter() - t
        text_module._build_tokenizer = timed_build
    index = SearchIndex.build(result.knowledge, tools)
    stage("index build")
    jieba_total = jieba_time["dictionary"]
    stages["index build"] -= jieba_total
    stages["jieba import"] = jieba_time["import"]
    stages["jieba dictionary init"] = jieba_total - jieba_time["import"]

    store = KnowledgeStore(settings.knowledge_dir)
    from bot.domain.assistant import Loaded
    from bot.domain.estimate.interview import Interview

    store._current = Loaded(result.knowledge, tools, index, Interview(result.knowledge.rules))
    assistant = Assistant(store)
    presenter = Presenter(Renderer(settings.locales_dir), assistant)
    stage("presenter + renderer")
    reply = assistant.ask("惠衢保多少钱", "zh", None)
    presenter.plain_answer(reply, "zh")
    stage("first answer (search + render)")
    return {"stages": stages, "outcome": reply.public_outcome, "aiogram_imported": "aiogram" in sys.modules}


def main(argv: list[str]) -> int:
    job = argv[0]
    if job == "size":
        emit(job_size(int(argv[1]), int(argv[2])))
    elif job == "dispatch":
        import asyncio

        from bench.dispatch_bench import run

        quiet_logging()
        emit(asyncio.run(run(int(argv[1]), int(argv[2]))))
    elif job == "start":
        emit(job_start())
    elif job == "stages":
        emit(job_stages())
    elif job == "durability":
        from bench.durability_bench import run

        emit(run(int(argv[1]), int(argv[2])))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
