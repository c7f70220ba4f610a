"""Compiled catalogues (.mo) made from the .po files at start, so a plain `pip install` works.

The .mo files are build output (not in git). A missing or stale one (older than its .po) is
compiled here, in-process with Babel, into the locales folder; when that is not writable (an
installed package, a read-only image) into a cache folder, which is then used instead.
"""
from __future__ import annotations

import hashlib
import io
import logging
import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

log = logging.getLogger("bot.views.render")
DOMAIN = "messages"


def _stale(po: Path, mo: Path) -> bool:
    return not mo.is_file() or mo.stat().st_mtime < po.stat().st_mtime


def _compile(po: Path, mo: Path) -> None:
    locale = po.parent.parent.name
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=True)
    mo.parent.mkdir(parents=True, exist_ok=True)
    # Written whole then renamed: another process starting at the same moment never reads half a file.
    partial = mo.with_name(f".{mo.name}.{os.getpid()}")
    partial.write_bytes(buffer.getvalue())
    os.replace(partial, mo)


def cache_root() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "yibao-locales"


def compiled_catalogues(locales_dir: Path) -> Path:
    """The folder to load catalogues from: `locales_dir` itself, or a cache folder with fresh .mo files."""
    sources = sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    stale = [po for po in sources if _stale(po, po.with_suffix(".mo"))]
    if not stale:
        return locales_dir
    try:
        for po in stale:
            _compile(po, po.with_suffix(".mo"))
        log.info("compiled %d catalogue(s) in %s", len(stale), locales_dir)
        return locales_dir
    except OSError as error:
        log.info("locales folder not writable (%s): compiling the catalogues into a cache folder", error)
    key = hashlib.sha256(str(locales_dir.resolve()).encode()).hexdigest()[:12]
    for root in (cache_root(), Path(tempfile.gettempdir()) / "yibao-locales"):
        target = root / key
        try:
            for po in sources:
                mo = target / po.parent.parent.name / "LC_MESSAGES" / f"{DOMAIN}.mo"
                if _stale(po, mo):
                    _compile(po, mo)
            return target
        except OSError:
            continue
    raise OSError(f"cannot compile the catalogues of {locales_dir}: neither it nor a cache folder is writable")
