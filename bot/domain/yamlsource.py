"""Read YAML while remembering where every value came from, so staff see `file:line` problems."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Location = tuple[str | int, ...]
# libyaml's loader when PyYAML was built with it: the pure-Python one made knowledge loading ~1 s of `ask`'s cold start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class YamlDocument:
    """Parsed data plus the line (1-based) of every mapping key and sequence item."""

    path: Path
    data: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of the deepest known prefix of `location` (a pydantic error `loc` works too)."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return 1


class YamlError(Exception):
    def __init__(self, problem: Problem):
        super().__init__(str(problem))
        self.problem = problem


def _walk(node: yaml.Node, location: Location, lines: dict[Location, int], path: str) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlError(Problem(path, line, f"duplicate key {key!r} (first at line {seen[key]})"))
            seen[key] = line
            lines[location + (key,)] = line
            _walk(value_node, location + (key,), lines, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            _walk(item, location + (index,), lines, path)


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Parse one file; raise YamlError with the file and line of a syntax error or duplicate key."""
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlError(Problem(name, 1, f"not UTF-8 text ({error.reason})")) from None
    try:
        loader = _LOADER(text)
        try:
            root = loader.get_single_node()  # parsed once: the node tree gives the lines and the data
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = " ".join(part for part in (error.context, error.problem) if part)
        raise YamlError(Problem(name, line, f"YAML syntax: {reason}")) from None
    except yaml.YAMLError as error:
        raise YamlError(Problem(name, 1, f"YAML syntax: {error}")) from None
    lines: dict[Location, int] = {(): 1}
    if root is not None:
        _walk(root, (), lines, name)
    return YamlDocument(path=path, data=data, lines=lines)


def pydantic_problems(document: YamlDocument, error: Any, display_name: str, prefix: Location = ()) -> list[Problem]:
    """Turn a pydantic ValidationError into one Problem per error, at the offending line."""
    problems = []
    for item in error.errors(include_url=False):
        location = prefix + tuple(item["loc"])
        where = ".".join(str(part) for part in item["loc"]) or "file"
        problems.append(Problem(display_name, document.line_of(location), f"{where}: {item['msg']}"))
    return problems
