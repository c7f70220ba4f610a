"""check-knowledge: every broken edit a staff member can make is one `file:line: problem` line."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.domain.knowledge.loading import load_knowledge
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


@pytest.mark.parametrize(("old", "new"), [("checked: 2026-11-23", "checked: 2021-02-30"),
                                          ("cover: {start: 2021-01-01", "cover: {start: 2026-13-30")])
def test_an_impossible_date_is_one_line_and_reload_refuses(knowledge_copy: Path, old: str, new: str):
    from bot.domain.assistant import KnowledgeStore

    path = first_entry_file(knowledge_copy)
    line = replace_once(path, old, new)
    problems = problems_of(knowledge_copy)
    assert len(problems) == 1 and problems[0].startswith(f"knowledge/quzhou/huiqubao.yaml:{line}: {new.rsplit(' ', 1)[-1]} is not a real date"), problems
    assert "YYYY-MM-DD" in problems[0]
    store = KnowledgeStore(KNOWLEDGE)
    assert store.reload() == []
    store.directory = knowledge_copy
    refused = store.reload()
    assert [str(problem) for problem in refused] == problems and store.current.knowledge.entries  # the last good one stays


def test_ask_refuses_broken_knowledge_without_a_traceback(knowledge_copy: Path):
    replace_once(first_entry_file(knowledge_copy), "checked: 2026-11-23", "checked: 2021-02-30")
    import os

    result = subprocess.run([sys.executable, "-m", "bot", "ask", "惠衢保多少钱"], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "KNOWLEDGE_DIR": str(knowledge_copy)})
    assert "Traceback" not in result.stdout + result.stderr
    assert "2021-02-30 is not a real date" in result.stdout + result.stderr


def test_an_over_indented_variant_is_reported_not_merged(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\n      - (\S+)\n      - (\S+)\n", text)  # two variants in a row
    line = text[: match.start()].count("\n") + 2
    path.write_text(text[: match.start()] + f"\n      - {match.group(1)}\n        - {match.group(2)}\n" + text[match.end():], encoding="utf-8")
    problems = problems_of(knowledge_copy)
    assert len(problems) == 1 and problems[0].startswith(f"knowledge/quzhou/huiqubao.yaml:{line}:"), problems
    assert "two phrasings merged" in problems[0] and "'- '" in problems[0]


def test_a_phrasing_far_longer_than_its_siblings_is_reported(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    line = replace_once(path, "      - 惠衢保是什么保险\n", "      - 惠衢保是什么保险惠衢保是干什么的衢州惠衢保是政府的还是商业保险\n")
    problems = problems_of(knowledge_copy)
    assert len(problems) == 1 and problems[0].startswith(f"knowledge/quzhou/huiqubao.yaml:{line}:") and "far longer" in problems[0], problems


def test_a_broken_file_does_not_make_references_to_it_fail_elsewhere(knowledge_copy: Path):
    path = knowledge_copy / "quzhou" / "employee.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(index for index, text in enumerate(lines) if text.startswith("      - ") and index > 10)
    lines[broken] = lines[broken][1:]  # one space less: a syntax error
    path.write_text("".join(lines), encoding="utf-8")
    problems = problems_of(knowledge_copy)
    assert all(problem.startswith("knowledge/quzhou/employee.yaml:") for problem in problems), problems  # huiqubao.yaml relates to it
    assert len(problems) == 1 and "indented less than the line above" in problems[0], problems
    assert problems[0].startswith(f"knowledge/quzhou/employee.yaml:{broken + 1}:")


def test_a_colon_in_a_text_gets_advice_a_non_programmer_can_follow(knowledge_copy: Path):
    path = first_entry_file(knowledge_copy)
    line = replace_once(path, "    question: 惠衢保是什么？", "    question: 惠衢保: 是什么？")
    problems = problems_of(knowledge_copy)
    assert problems[0].startswith(f"knowledge/quzhou/huiqubao.yaml:{line}:") and "double quotes" in problems[0], problems


def test_an_asked_detail_scoped_to_an_unknown_product_names_its_line(knowledge_copy: Path):
    path = knowledge_copy / "understanding.yaml"
    line = replace_once(path, "    products: [family-aid, family-account]", "    products: [family-aid, famly-account]")
    problems = problems_of(knowledge_copy)
    assert any(f"understanding.yaml:{line}:" in problem and "famly-account" in problem for problem in problems), problems


def test_a_worked_example_naming_an_unknown_figure_names_its_line(knowledge_copy: Path):
    path = knowledge_copy / "quzhou" / "employee.yaml"
    line = replace_once(path, "每月划入个人账户 {amount} × 2% = {monthly} 元。", "每月划入个人账户 {amount} × 2% = {month} 元。")
    problems = problems_of(knowledge_copy)
    assert any("employee.yaml:" in problem and "month" in problem and "placeholder" in problem for problem in problems), problems


@pytest.mark.parametrize(("old", "new", "said"), [("  hengyang: 衡阳\n", "  Hengyang: 衡阳\n", "lower case"),
                                                  ("  hengyang: 衡阳\n", "  hengyang: hengyang city\n", "Chinese words")])
def test_an_english_word_without_its_chinese_is_one_line(knowledge_copy: Path, old: str, new: str, said: str):
    path = knowledge_copy / "synonyms.yaml"
    line = replace_once(path, old, new)
    problems = problems_of(knowledge_copy)
    assert len(problems) == 1 and problems[0].startswith(f"knowledge/synonyms.yaml:{line}:") and said in problems[0], problems


def test_a_glossary_word_pointing_at_no_entry_is_reported(knowledge_copy: Path):
    line = replace_once(knowledge_copy / "understanding.yaml", "    terms/cap:", "    terms/caps:")
    problems = problems_of(knowledge_copy)
    assert any(f"understanding.yaml:{line}:" in problem and "terms/caps" in problem for problem in problems), problems


def test_english_channels_that_do_not_match_the_chinese_ones_are_reported(knowledge_copy: Path):
    line = replace_once(knowledge_copy / "regions.yaml", "    channels_en: [the 湘医保 app, the 湘医保 mini program]\n",
                        "    channels_en: [the 湘医保 app]\n")
    problems = problems_of(knowledge_copy)
    assert any(problem.split(":")[0].endswith("regions.yaml") and "channels_en" in problem for problem in problems), problems
    assert line > 0


def test_a_wrong_value_in_understanding_is_reported_not_a_crash(knowledge_copy: Path):
    # an unquoted `on` in a word list is YAML's true: the file fails its schema, and every check after that which reads
    # the understanding once crashed on its absence instead of reporting it
    path = knowledge_copy / "understanding.yaml"
    line = replace_once(path, "told_words: [", "told_words: [on, ")
    problems = problems_of(knowledge_copy)
    assert any(f"understanding.yaml:{line}:" in problem and "told_words" in problem for problem in problems), problems
