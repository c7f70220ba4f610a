"""Read YAML while remembering where every value came from, so staff see `file:line` problems."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

Location = tuple[str | int, ...]
# yaml is imported where files are read: a cold `ask` that finds the built knowledge in its
# snapshot (bot.domain.knowledge.snapshot) reads no YAML and skips the import (~30 ms).


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
    # Plain or quoted texts that run over several lines: in a list of phrasings, two items merged
    # by an over-indented "- " (YAML folds the lines into one text).
    multiline: set[Location] = field(default_factory=set)

    def line_of(self, location: Location) -> int:
        """Line of the deepest known prefix of `location` (a pydantic error `loc` works too)."""
        location = tuple(location)
        while location:
            if location in self.lines:
                return self.lines[location]
            location = location[:-1]
        return 1


class YamlError(Exception):
    def __init__(self, problem: Problem, problems: list[Problem] | None = None):
        super().__init__(str(problem))
        self.problem = problem
        self.problems = problems or [problem]  # every problem found before reading stopped (impossible dates)


def _walk(node: yaml.Node, location: Location, lines: dict[Location, int], path: str, multiline: set[Location]) -> None:
    import yaml

    if isinstance(node, yaml.ScalarNode):
        if node.style not in ("|", ">") and node.end_mark.line > node.start_mark.line:
            multiline.add(location)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                raise YamlError(Problem(path, line, f"duplicate key {key!r} (first at line {seen[key]})"))
            seen[key] = line
            lines[location + (key,)] = line
            _walk(value_node, location + (key,), lines, path, multiline)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines[location + (index,)] = item.start_mark.line + 1
            _walk(item, location + (index,), lines, path, multiline)


_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


def _impossible_dates(node: yaml.Node | None, path: str) -> list[Problem]:
    """Dates like 2021-02-30 or 2026-13-30: YAML reads them as dates and Python cannot make them."""
    import yaml

    found: list[Problem] = []
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode) and current.tag == _TIMESTAMP:
            match = _DATE.match(current.value)
            try:
                if match:
                    date(*(int(part) for part in match.groups()))
            except ValueError as error:
                found.append(Problem(path, current.start_mark.line + 1, f"{current.value} is not a real date ({error}); write dates as YYYY-MM-DD, for example 2026-11-23"))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for pair in current.value for value in pair)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return sorted(found)


def _line_text(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _plain_syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """(line, a sentence a staff member can act on) for a YAML syntax error; the parser's words follow in brackets."""
    problem, context = error.problem or "", error.context or ""
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 1
    where = error.context_mark.line + 1 if error.context_mark else line
    technical = " ".join(part for part in (context, problem) if part)
    if "\t" in _line_text(text, line) and "cannot start any token" in problem:
        sentence = "a tab character is used here; indent with spaces only"
    elif "cannot start any token" in problem:
        sentence = "a text here starts with a character YAML reserves (such as @ or `); put the whole text in double quotes \"…\""
    elif any(words in problem for words in ("expected <block end>", "did not find expected key", "expected '-' indicator")):
        current = _line_text(text, line)
        previous = next((candidate for candidate in reversed(text.splitlines()[: line - 1]) if candidate.strip() and not candidate.lstrip().startswith("#")), "")
        if _indent(current) < _indent(previous):
            how = "this line is indented less than the line above it"
        elif _indent(current) > _indent(previous):
            how = "this line is indented more than the line above it"
        else:
            how = "this line does not fit the indentation of the lines around it"
        sentence = (f"{how}; every variant starts with '- ' at the same indentation as the one above, "
                    "and every field of an entry (question:, answer:, sources: …) starts in the same column as its other fields")
    elif "mapping values are not allowed" in problem:
        sentence = ("a ': ' (colon and space) inside a text makes YAML read a new field; "
                    "put the whole text in double quotes \"…\", or write the colon full-width (：)")
    elif "could not find expected ':'" in problem:
        sentence = "this line is not 'name: value' and not a '- ' item; check its indentation and that it has a colon after the field name"
    elif "quoted scalar" in context:
        sentence = f"a quotation mark opened on line {where} is never closed; add the closing quote at the end of that text"
    elif "flow sequence" in context or "flow mapping" in context:
        sentence = f"a list in [ ] (or {{ }}) that starts on line {where} is not closed, or a comma is missing between its items"
    else:
        sentence = "the file is not valid YAML here"
    return line, f"YAML syntax: {sentence} [{technical}]"


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Parse one file; raise YamlError with the file and line of a syntax error or duplicate key."""
    import yaml

    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlError(Problem(name, 1, f"not UTF-8 text ({error.reason})")) from None
    try:
        # libyaml's loader when PyYAML was built with it: the pure-Python one made knowledge loading ~1 s of `ask`'s cold start.
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
        try:
            root = loader.get_single_node()  # parsed once: the node tree gives the lines and the data
            dates = _impossible_dates(root, name)
            if dates:
                raise YamlError(dates[0], dates)
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        line, message = _plain_syntax_problem(error, text)
        raise YamlError(Problem(name, line, message)) from None
    except yaml.YAMLError as error:
        raise YamlError(Problem(name, 1, f"YAML syntax: {error}")) from None
    except (ValueError, TypeError, OverflowError) as error:  # a value YAML recognised but Python cannot build
        raise YamlError(Problem(name, 1, f"a value cannot be read: {error}")) from None
    lines: dict[Location, int] = {(): 1}
    multiline: set[Location] = set()
    if root is not None:
        _walk(root, (), lines, name, multiline)
    return YamlDocument(path=path, data=data, lines=lines, multiline=multiline)


def pydantic_problems(document: YamlDocument, error: Any, display_name: str, prefix: Location = ()) -> list[Problem]:
    """Turn a pydantic ValidationError into one Problem per error, at the offending line."""
    problems = []
    for item in error.errors(include_url=False):
        location = prefix + tuple(item["loc"])
        where = ".".join(str(part) for part in item["loc"]) or "file"
        problems.append(Problem(display_name, document.line_of(location), f"{where}: {item['msg']}"))
    return problems
