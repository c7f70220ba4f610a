"""Things built from files that rarely change, kept in the temp dir between runs (marshal format:
plain data only, nothing executed when read). A missing, damaged or unwritable cache only costs
start-up time; callers rebuild."""
from __future__ import annotations

import marshal
import os
import tempfile
from typing import Callable


def path_of(name: str) -> str:
    return os.path.join(tempfile.gettempdir(), name)


def load(name: str):
    try:
        with open(path_of(name), "rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def save(name: str, data, keep_prefix: str | None = None) -> None:
    """Write `data` atomically; with `keep_prefix`, drop all but the newest files of that kind."""
    path = path_of(name)
    temporary = f"{path}.{os.getpid()}"
    try:
        with open(temporary, "wb") as handle:
            marshal.dump(data, handle)
        os.replace(temporary, path)
        if keep_prefix:
            prune(keep_prefix)
    except (OSError, ValueError):
        pass


def remembered(name: str, build: Callable[[], object], kind: type = dict):
    """`name`'s data from the cache when it is a `kind`, else built now and kept."""
    data = load(name)
    if not isinstance(data, kind):
        data = build()
        save(name, data)
    return data


def prune(prefix: str, keep: int = 8) -> None:
    """Drop all but the `keep` newest cache files of one kind (every knowledge edit makes one)."""
    directory = tempfile.gettempdir()
    try:
        names = [n for n in os.listdir(directory) if n.startswith(prefix)]
        if len(names) <= keep:
            return
        paths = sorted((os.path.join(directory, n) for n in names), key=os.path.getmtime, reverse=True)
        for path in paths[keep:]:
            os.remove(path)
    except OSError:
        pass
