"""check-knowledge: every broken edit a staff member can make is one `file:line: problem` line."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.domain.knowledge import load_knowledge
from tests.conftest import KNOWLEDGE, ROOT

LINE = re.compile(r"^(?P<file>[^:]+\.yaml):(?P<line>\d+): .+")


def check(directory: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", "check-knowledge", str(directory)], capture_output=True, text=True, cwd=ROOT)


def test_shipped_knowledge_is_valid():
    result = check(KNOWLEDGE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok:")


def first_entry_file(directory: Path) -> Path:
    return directory / "quzhou" / "huiqubao.yaml"


def replace_once(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def problems_of(directory: Path) -> list[str]:
    result = check(directory)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if LINE.match(line)]
    assert lines, result.stdout
    return lines


def test_yaml_syntax_error_names_file_and_line(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    line = replace_once(path, "entries:", "entries: [")
    problems = problems_of(knowledge_copy)
    assert any("huiqubao.yaml" in problem and "YAML syntax" in problem for problem in problems)


def test_missing_field_points_at_the_entry(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n(\s+)answer_en: ", text)
    line = text[: match.start()].count("\n") + 2
    path.write_text(text[: match.start()] + "\n" + match.group(1) + "answer_english: " + text[match.end():], encoding="utf-8")
    problems = problems_of(knowledge_copy)
    assert any(f"huiqubao.yaml:{line}:" in problem and "answer_english" in problem for problem in problems), problems
    assert any("answer_en" in problem and "Field required" in problem for problem in problems), problems


def test_duplicate_id_and_broken_reference_and_bad_template(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    document = path.read_text(encoding="utf-8")
    ids = re.findall(r"^  - id: (\S+)", document, flags=re.M)
    replace_once(path, f"  - id: {ids[1]}", f"  - id: {ids[0]}")
    replace_once(path, "    answer: |\n", "    answer: |\n      {{ periods.nothing.status }\n")
    other = knowledge_copy / "national" / "family-account.yaml"
    other_text = other.read_text(encoding="utf-8")
    related = re.search(r"related: \[([^\],]+)", other_text)
    replace_once(other, related.group(0), "related: [no/such-entry")
    problems = problems_of(knowledge_copy)
    assert any("duplicate id" in problem for problem in problems), problems
    assert any("no/such-entry" in problem and "family-account.yaml" in problem for problem in problems), problems
    assert any("template" in problem for problem in problems), problems


def test_unknown_topic_and_missing_sources(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    replace_once(path, "topic: huiqubao", "topic: huiqubaoo")
    problems = problems_of(knowledge_copy)
    assert any("unknown topic 'huiqubaoo'" in problem for problem in problems), problems


def test_duplicate_variant_across_entries(knowledge_copy: Path):
    result = load_knowledge(knowledge_copy)
    entries = list(result.knowledge.entries.values())
    stolen = entries[0].question
    path = knowledge_copy / "national" / "family-account.yaml"
    replace_once(path, "    variants:\n", f"    variants:\n      - {stolen}\n")
    problems = problems_of(knowledge_copy)
    assert any("also a phrasing of" in problem for problem in problems), problems


def test_not_a_directory_is_reported_not_raised(tmp_path: Path):
    result = check(tmp_path / "missing")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("garbage", ["\x00\x01 binary", "version: 1\nentries: 5\nregion: x\ntopic: y\n", "- just\n- a list\n"])
def test_garbage_files_never_crash(knowledge_copy: Path, garbage: str):
    (knowledge_copy / "quzhou" / "broken.yaml").write_text(garbage, encoding="utf-8")
    problems = problems_of(knowledge_copy)
    assert any("broken.yaml" in problem for problem in problems), problems
