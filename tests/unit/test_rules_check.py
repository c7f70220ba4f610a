"""A broken rules file gives `file:line: problem`, never an exception."""
from pathlib import Path

import pytest

from bot.domain.estimate.rules import RuleBook, load_rules
from bot.domain.knowledge.loading import load_knowledge
from tests.conftest import KNOWLEDGE

RULES_DIR = KNOWLEDGE / "rules"


@pytest.fixture
def rules_copy(knowledge_copy: Path) -> Path:
    return knowledge_copy / "rules"


def name(path: Path) -> str:
    return f"rules/{path.name}"


def line_of(path: Path, fragment: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fragment in text:
            return number
    raise AssertionError(f"{fragment!r} not in {path}")


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edited(rules_copy: Path, name: str, old: str, new: str) -> tuple[Path, list]:
    """One edit to a copy of a rules file, and the problems the check then reports."""
    path = rules_copy / name
    replace(path, old, new)
    return path, check(rules_copy)


def check(directory: Path):
    book, problems = load_rules(directory, name)
    assert isinstance(book, RuleBook)
    return problems


def test_shipped_rules_are_clean():
    book, problems = load_rules(RULES_DIR, name)
    assert problems == []
    assert book.regions() == ["hengyang", "quzhou"]


def test_ratio_above_one(rules_copy):
    path, problems = edited(rules_copy, "quzhou.yaml", "3: {deductible: 700, ratio: 0.65}", "3: {deductible: 700, ratio: 65}")
    assert [(p.file, p.line) for p in problems] == [("rules/quzhou.yaml", line_of(path, "ratio: 65}"))]
    assert "ratio" in problems[0].message and "less than or equal to 1" in problems[0].message
    assert str(problems[0]).startswith(f"rules/quzhou.yaml:{problems[0].line}: ")


def test_negative_ratio_and_negative_amount(rules_copy):
    path = rules_copy / "huiqubao.yaml"
    replace(path, "deductible: 10000", "deductible: -10000")
    replace(path, "outside_city_share: 0.50", "outside_city_share: -0.5")
    problems = check(rules_copy)
    assert sorted(p.line for p in problems) == sorted([line_of(path, "deductible: -10000"), line_of(path, "outside_city_share: -0.5")])
    assert all("greater than or equal to 0" in p.message for p in problems)


def test_negative_cap(rules_copy):
    path, problems = edited(rules_copy, "quzhou.yaml", "yearly_cap: 4000", "yearly_cap: -4000")
    assert problems and {p.line for p in problems} == {line_of(path, "yearly_cap: -4000")}


def test_unknown_key(rules_copy):
    path, problems = edited(rules_copy, "hengyang.yaml", "deductible_year_total: 300", "deductible_total_year: 300")
    assert any(p.line == line_of(path, "deductible_total_year") and "deductible_total_year" in p.message
               and "Extra inputs" in p.message for p in problems)


def test_missing_source(rules_copy):
    path = rules_copy / "hengyang.yaml"
    text = path.read_text(encoding="utf-8")
    source_line = next(line for line in text.splitlines() if "section: 衡阳医保门诊共济政策对慢性病患者的影响" in line)
    path.write_text(text.replace(source_line + "\n", ""), encoding="utf-8")
    problems = check(rules_copy)
    assert len(problems) == 1
    assert problems[0].line == line_of(path, "care: chronic") - 1  # the rule's first line
    assert "source" in problems[0].message and "Field required" in problems[0].message


@pytest.mark.parametrize("name, old, new, marker, said", [
    ("huiqubao.yaml", "doc: huiqubao-2021, section: 保险责任三", "doc: huiqubao.pdf, section: 保险责任三", "huiqubao.pdf", "sources.yaml"),
    ("quzhou.yaml", "terms: {deductible: null, ratio: 0.75}", "terms: {ratio: 0.75}", "terms: {ratio: 0.75}", "deductible"),
    ("quzhou.yaml", "      3: {deductible: 700, ratio: 0.65}", "      4: {deductible: 700, ratio: 0.65}", "4: {deductible: 700", ""),
], ids=["source-not-in-register", "deductible-left-out", "level-4"])
def test_one_problem_on_the_edited_line(rules_copy, name, old, new, marker, said):
    path, problems = edited(rules_copy, name, old, new)
    assert [p.line for p in problems] == [line_of(path, marker)]
    assert said in problems[0].message


def test_yaml_syntax_error(rules_copy):
    _, problems = edited(rules_copy, "quzhou.yaml", "    care: outpatient\n", "    care: [outpatient\n")
    assert len(problems) == 1 and problems[0].file == "rules/quzhou.yaml"
    assert "YAML syntax" in problems[0].message and problems[0].line > 1


def test_duplicate_rule(rules_copy):
    _, problems = edited(rules_copy, "hengyang.yaml", "    care: chronic\n", "    care: outpatient\n")
    assert len(problems) == 1
    assert "defined twice" in problems[0].message and "rules/hengyang.yaml:" in problems[0].message


def test_levels_and_terms_are_exclusive(rules_copy):
    _, problems = edited(rules_copy, "quzhou.yaml", "    terms: {deductible: null, ratio: 0.75}", "    terms: {deductible: null, ratio: 0.75}\n    levels: {1: {deductible: 1, ratio: 0.5}}")
    assert len(problems) == 1 and "either `levels`" in problems[0].message


def test_wrong_version_and_not_a_mapping(rules_copy):
    replace(rules_copy / "hengyang.yaml", "version: 1", "version: 2")
    (rules_copy / "extra.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    problems = check(rules_copy)
    assert {(p.file, p.line) for p in problems} == {("rules/hengyang.yaml", line_of(rules_copy / "hengyang.yaml", "version: 2")), ("rules/extra.yaml", 1)}


def test_several_problems_in_several_files_are_all_reported(rules_copy):
    replace(rules_copy / "hengyang.yaml", "ratio: 0.90", "ratio: 9")
    replace(rules_copy / "huiqubao.yaml", "cap: 500000", "cap: lots")
    replace(rules_copy / "quzhou.yaml", "threshold: 15000", "threshold: -15000")
    files = {p.file for p in check(rules_copy)}
    assert files == {"rules/hengyang.yaml", "rules/huiqubao.yaml", "rules/quzhou.yaml"}


# --- interview.yaml -------------------------------------------------------------------------

def test_word_with_two_meanings(rules_copy):
    path, problems = edited(rules_copy, "interview.yaml", "resident: {label: 城乡居民医保, words: [居民,", "resident: {label: 城乡居民医保, words: [职工, 居民,")
    assert len(problems) == 1 and "职工" in problems[0].message
    assert problems[0].line == line_of(path, "resident: {label")


def test_unquoted_yes_is_explained(rules_copy):
    path, problems = edited(rules_copy, "interview.yaml", '对, "yes"', "对, yes")
    assert len(problems) == 1 and "quotes" in problems[0].message
    assert problems[0].line == line_of(path, "true: {label: 是")


def test_missing_interview_file(rules_copy):
    (rules_copy / "interview.yaml").unlink()
    problems = check(rules_copy)
    assert len(problems) == 1 and problems[0].file == "rules/interview.yaml" and "missing" in problems[0].message


def test_region_without_words(rules_copy):
    path = rules_copy / "interview.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if "hengyang:" not in line) + "\n", encoding="utf-8")
    problems = check(rules_copy)
    assert len(problems) == 1 and "hengyang" in problems[0].message


def test_no_rules_directory_is_no_rules_and_no_problem(tmp_path: Path):
    book, problems = load_rules(tmp_path / "absent", name)
    assert problems == [] and book.regions() == []


def test_not_utf8(rules_copy):
    (rules_copy / "quzhou.yaml").write_bytes("region: 衢州".encode("gbk"))
    problems = check(rules_copy)
    assert [(p.file, p.line) for p in problems] == [("rules/quzhou.yaml", 1)]


# --- through the knowledge loader ----------------------------------------------------------

def test_knowledge_loader_reports_rule_problems_with_file_and_line(knowledge_copy: Path):
    path = knowledge_copy / "rules" / "quzhou.yaml"
    replace(path, "ratio: 0.60\n    yearly_cap: 400000", "ratio: 1.60\n    yearly_cap: 400000")
    result = load_knowledge(knowledge_copy)
    assert result.knowledge is None
    assert any(p.file == "knowledge/rules/quzhou.yaml" and p.line == line_of(path, "ratio: 1.60") for p in result.problems)


def test_knowledge_loader_attaches_the_rule_book():
    result = load_knowledge(KNOWLEDGE)
    if result.knowledge is None:  # entry files are edited by others; only the rules part is ours
        pytest.skip("shipped knowledge has problems outside the rules: " + str(result.problems[:1]))
    assert isinstance(result.knowledge.rules, RuleBook)
    assert result.knowledge.rules.regions() == ["hengyang", "quzhou"]
