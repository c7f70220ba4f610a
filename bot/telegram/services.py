"""Everything the handlers use, built once at start and handed to the dispatcher as workflow data."""
from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

from bot.config import Settings
from bot.domain.assistant import Assistant, KnowledgeStore
from bot.storage.database import Database
from bot.views.estimate_presenter import EstimatePresenter
from bot.views.presenter import Presenter
from bot.views.render import Renderer


class KnowledgeUnavailable(RuntimeError):
    pass


class StorageUnavailable(RuntimeError):
    """The data directory or database cannot be used; the message names the problem and the fix."""


def storage_problem(path: Path, error: BaseException) -> str:
    text = str(error).lower()
    where = path.parent
    if isinstance(error, (NotADirectoryError, FileExistsError)):
        return f"{where} is not a directory (a file is in the way): move that file or set DATABASE_PATH elsewhere"
    if "not a database" in text or "encrypted" in text or "malformed" in text:
        return f"{path} is not a usable SQLite database (damaged, or another kind of file): move it away (a new one is made) or set DATABASE_PATH to another file"
    if "disk is full" in text or getattr(error, "errno", None) == errno.ENOSPC:
        return f"no space left on the disk holding {where}: free some space, then start again"
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError) or getattr(error, "errno", None) == errno.EROFS:
        return f"cannot write to {path}: the data directory or the database file is read-only; make {where} writable or set DATABASE_PATH to a writable place"
    return f"cannot open the database {path}: {error}; check that {where} exists and is writable"


def open_database(settings: Settings, path: Path | None = None) -> Database:
    path = path or settings.database_path
    key = settings.user_hash_secret.get_secret_value().encode() if settings.user_hash_secret else None
    try:
        return Database(path, key)
    except (sqlite3.Error, OSError) as error:
        raise StorageUnavailable(storage_problem(path, error)) from None


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
        database=open_database(settings),
        clock=clock,
    )
