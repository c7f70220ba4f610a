"""Everything the handlers use, built once at start and handed to the dispatcher as workflow data."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable

from bot.config import Settings
from bot.domain.assistant import Assistant, KnowledgeStore
from bot.estimate_presenter import EstimatePresenter
from bot.presenter import Presenter
from bot.render import Renderer
from bot.storage.database import Database


class KnowledgeUnavailable(RuntimeError):
    pass


@dataclass
class Services:
    settings: Settings
    store: KnowledgeStore
    assistant: Assistant
    renderer: Renderer
    presenter: Presenter
    estimate_presenter: EstimatePresenter
    database: Database
    clock: Callable[[], date] = field(default=date.today)

    def workflow_data(self) -> dict:
        return {
            "settings": self.settings,
            "store": self.store,
            "assistant": self.assistant,
            "renderer": self.renderer,
            "presenter": self.presenter,
            "estimate_presenter": self.estimate_presenter,
            "database": self.database,
        }

    def close(self) -> None:
        self.database.close()


def create_services(settings: Settings, clock: Callable[[], date] = date.today, store: KnowledgeStore | None = None) -> Services:
    """Load knowledge (refusing to start on a broken knowledge dir) and open the database."""
    if store is None:
        store = KnowledgeStore(settings.knowledge_dir, clock)
        problems = store.reload()
        if problems:
            details = "\n".join(str(problem) for problem in problems[:20])
            raise KnowledgeUnavailable(f"knowledge has {len(problems)} problem(s):\n{details}")
    renderer = Renderer(settings.locales_dir)
    assistant = Assistant(store)
    return Services(
        settings=settings,
        store=store,
        assistant=assistant,
        renderer=renderer,
        presenter=Presenter(renderer, assistant),
        estimate_presenter=EstimatePresenter(renderer),
        database=Database(settings.database_path, settings.user_hash_secret.get_secret_value().encode() if settings.user_hash_secret else None),
        clock=clock,
    )
