"""A built knowledge kept between runs, keyed by everything it was built from.

Loading the YAML, validating it and building the search index costs most of a cold start
(`python -m bot ask` answers one question and exits). The result is pickled into a private cache
folder, keyed by the content of every knowledge file, today's date (answers say whether a period
is open), the Python version and the source of the domain code that builds it: an edit to any
of these builds afresh. A snapshot is only read from a folder that this user owns and no one
else may write to, since unpickling runs code.
"""
from __future__ import annotations

import copyreg
import gc
import hashlib
import os
import pickle
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from re import _compiler, _parser

import _sre

VERSION = 1  # bump when what is pickled changes shape in a way the source hash would not show
KEEP = 3  # snapshots kept (one per knowledge edit and day)
_DOMAIN = Path(__file__).resolve().parents[1]  # bot/domain: all its code shapes what is pickled


def key(directory: Path, today: date) -> str:
    digest = hashlib.sha256(f"{VERSION}|{sys.version}|{today.isoformat()}|".encode())
    for path in sorted(_DOMAIN.rglob("*.py")):
        digest.update(str(path.relative_to(_DOMAIN)).encode() + b"\0" + path.read_bytes() + b"\0")
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(directory)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _base() -> Path:
    return Path(tempfile.gettempdir())


def _folder() -> Path | None:
    """The private cache folder, created 0700; None if it cannot be trusted or made."""
    folder = _base() / f"yibao-snapshots-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        return None
    return folder


def load(snapshot_key: str):
    folder = _folder()
    if folder is None:
        return None
    # Unpickling makes ~100,000 objects, none of them garbage: without the collector's passes over
    # everything allocated so far (imports included) it takes less than half the time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(folder / f"{snapshot_key}.pickle", "rb") as handle:
            return pickle.load(handle)
    except Exception:  # noqa: BLE001 - a missing, partial or stale snapshot only means building afresh
        return None
    finally:
        if collecting:
            gc.enable()


def _compiled_pattern(source, flags: int, code: list[int], groups: int, groupindex: dict, indexgroup: tuple) -> re.Pattern:
    """A regex from the compiled form _pattern_reduction kept: the ~600 large alternations of the
    index (place names, phrasings) would take ~0.8 s to parse and compile again."""
    try:
        return _sre.compile(source, flags, code, groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001 - _sre checks the code (RuntimeError); whatever it refuses is compiled anew
        return re.compile(source, flags)


def _pattern_reduction(pattern: re.Pattern):
    """Pickle a regex with its compiled code, as re's own compile() makes it (re pickles only the
    source, compiled again on loading). The code is private to this Python version, which is in the key."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = [int(word) for word in _compiler._code(parsed, pattern.flags)]  # opcodes are int subclasses
        indexgroup = [None] * parsed.state.groups
        for name, number in parsed.state.groupdict.items():
            indexgroup[number] = name
        arguments = (pattern.pattern, pattern.flags | parsed.state.flags, code, parsed.state.groups - 1,
                     parsed.state.groupdict, tuple(indexgroup))
    except Exception:  # noqa: BLE001 - re's internals moved: the pattern is kept as re keeps it
        return copyreg.dispatch_table[re.Pattern](pattern)
    return _compiled_pattern, arguments


def save(snapshot_key: str, built) -> None:
    folder = _folder()
    if folder is None:
        return
    target = folder / f"{snapshot_key}.pickle"
    temporary = folder / f"{snapshot_key}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
            pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: _pattern_reduction}
            pickler.dump(built)
        os.replace(temporary, target)
        old = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
        for path in old:
            path.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - an unwritable or full temp dir only costs start-up time
        temporary.unlink(missing_ok=True)
