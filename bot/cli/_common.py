"""What several commands need: settings, knowledge, a one-line failure instead of a traceback."""
from __future__ import annotations

import sys

from bot.config import Settings
from bot.domain.assistant import Assistant, KnowledgeStore
from bot.domain.knowledge.schema import KnowledgeBase


class CommandFailed(SystemExit):
    def __init__(self, message: str, code: int = 2):
        print(message, file=sys.stderr)
        super().__init__(code)


def load_assistant(settings: Settings | None = None) -> tuple[Settings, Assistant]:
    settings = settings or Settings()
    store = KnowledgeStore(settings.knowledge_dir)
    problems = store.reload()
    if problems:
        raise CommandFailed(f"knowledge is broken ({len(problems)} problem(s)); first: {problems[0]} — run: python -m bot check-knowledge")
    return settings, Assistant(store)


def resolve_city(knowledge: KnowledgeBase, name: str) -> str | None:
    wanted = name.strip().lower()
    for region_id, region in knowledge.regions.items():
        names = {region_id, region.name, region.name_en.lower(), *region.aliases}
        if wanted in {item.lower() for item in names} or wanted.removesuffix("市") == region.name:
            return region_id
    return None
