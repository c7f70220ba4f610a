"""Reimbursement rules (knowledge/rules/*.yaml) -> a validated RuleBook.

Every rate, deductible and cap lives in YAML so staff can change a number without Python;
this module only checks the files and answers "which rule applies to this case".
`interview.yaml` holds the words people may type for each dialogue answer.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Callable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from bot.domain.estimate.words import Understanding
from bot.domain.knowledge.schema import Source
from bot.domain.knowledge.yamlsource import Problem, YamlDocument, YamlError, read_yaml

Scheme = Literal["employee", "resident"]
Care = Literal["inpatient", "outpatient", "chronic", "special-disease", "special-drug"]
SCHEMES: tuple[str, ...] = ("employee", "resident")
CARES: tuple[str, ...] = ("inpatient", "outpatient", "chronic", "special-disease", "special-drug")
LEVELS: tuple[int, ...] = (1, 2, 3)

Money = Annotated[Decimal, Field(ge=0, allow_inf_nan=False)]
Ratio = Annotated[Decimal, Field(ge=0, le=1, allow_inf_nan=False)]
Year = Annotated[int, Field(ge=2000, le=2100)]
Level = Annotated[int, Field(ge=1, le=3)]
# A number; "unlimited" where the seed says 不设封顶线; null where the seed says nothing.
Cap = Money | Literal["unlimited"] | None

INTERVIEW_FILE = "interview.yaml"
REGION_ID = r"^[a-z][a-z0-9_-]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when first validated: a cold `ask` unpickles, never validates


class Terms(Strict):
    """起付线 and 报销比例 for one hospital level (or for every level)."""

    deductible: Money | None  # required key: null says "the seed gives none"
    ratio: Ratio
    in_city_bonus: Ratio = Decimal(0)  # extra points when treated inside the insured city


class BasicRule(Strict):
    """基本医保 for one city, scheme and kind of care."""

    scheme: Scheme
    care: Care
    year: Year
    source: Source
    yearly_cap: Cap
    valid_from: date | None = None
    deductible_year_total: Money | None = None  # deductibles of one year add up to at most this
    levels: dict[Level, Terms] | None = None
    terms: Terms | None = None
    # the terms (any level) before valid_from, where the source tells how they changed (自付比例从20%降至10%):
    # an estimate also says what the same care cost before
    before: Terms | None = None
    region: str = ""  # filled from the file header

    @model_validator(mode="after")
    def _levels_or_terms(self) -> BasicRule:
        if (self.levels is None) == (self.terms is None):
            raise ValueError("give either `levels` (per hospital level) or `terms` (any level), not both or neither")
        if self.levels is not None and not self.levels:
            raise ValueError("`levels` is empty")
        if self.before is not None and self.valid_from is None:
            raise ValueError("`before` needs `valid_from`: the day the terms changed")
        return self

    @property
    def id(self) -> str:
        return f"{self.region}/basic/{self.scheme}/{self.care}"

    @property
    def depends_on_level(self) -> bool:
        return self.levels is not None

    @property
    def has_in_city_bonus(self) -> bool:
        options = list(self.levels.values()) if self.levels else [self.terms]
        return any(terms.in_city_bonus > 0 for terms in options)


class CriticalIllnessTerms(Strict):
    ratio: Ratio
    yearly_cap: Cap


class CriticalIllnessRule(Strict):
    """大病保险: paid on 自付 above a threshold."""

    scheme: Scheme
    cares: list[Care] = Field(min_length=1)
    year: Year
    source: Source
    threshold: Money
    ratio: Ratio
    yearly_cap: Cap
    hardship: CriticalIllnessTerms | None = None  # 低保、特困、返贫致贫人口
    valid_from: date | None = None
    # False: the source names no kinds of care; `cares` is our reading of it, and an estimate must say so.
    cares_stated: bool = True
    # cares_stated false: kinds of care the source's words could also cover, read as not covered. The estimate
    # says so for them, and a city or scheme without a 大病 rule still lacks one for them.
    not_applied_to: list[Care] = Field(default_factory=list)
    region: str = ""

    @property
    def id(self) -> str:
        return f"{self.region}/critical_illness/{self.scheme}"


class SupplementaryRule(Strict):
    """One responsibility of a supplementary plan such as 惠衢保."""

    plan: str = Field(min_length=1)  # msgid, e.g. 惠衢保
    responsibility: str = Field(min_length=1)
    name: str = Field(min_length=1)  # msgid, e.g. 自付医疗费用
    base: Literal["critical_illness_remainder", "out_of_list", "special_drug"]
    schemes: list[Scheme] = Field(min_length=1)
    cares: list[Care] = Field(min_length=1)
    deductible: Money
    ratio: Ratio
    cap: Cap
    outside_city_share: Ratio = Decimal(1)
    year: Year
    source: Source
    valid_from: date | None = None
    region: str = ""

    @property
    def id(self) -> str:
        return f"{self.region}/supplementary/{self.responsibility}"


class RuleFile(Strict):
    version: Literal[1]
    region: str = Field(pattern=REGION_ID)
    basic: list[BasicRule] = Field(default_factory=list)
    critical_illness: list[CriticalIllnessRule] = Field(default_factory=list)
    supplementary: list[SupplementaryRule] = Field(default_factory=list)


class Choice(Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True, defer_build=True)

    label: str = Field(min_length=1)  # simplified-Chinese msgid
    words: list[str] = Field(min_length=1)

    @field_validator("words", mode="before")
    @classmethod
    def _quoted_booleans(cls, value):
        # YAML reads unquoted yes/no/on/off as true/false; say so instead of "not a string".
        if isinstance(value, list) and any(isinstance(word, bool) for word in value):
            raise ValueError('write yes, no, on, off, true and false in quotes, e.g. "yes"')
        return value


class AnswerTable(Strict):
    city: dict[str, Choice]
    scheme: dict[Scheme, Choice]
    care: dict[Care, Choice]
    level: dict[Level, Choice]
    in_city: dict[bool, Choice]
    yes_no: dict[bool, Choice]
    # Typed words that mean the Back and Cancel buttons at any step.
    navigation: dict[Literal["back", "cancel"], Choice] = Field(default_factory=dict)


class InterviewFile(Strict):
    version: Literal[1]
    answers: AnswerTable
    understanding: Understanding = Field(default_factory=Understanding)  # how sentences are read


def comparable(text: str) -> str:
    """The form typed words are compared in: NFKC (full-width -> ASCII), lower case, no spaces or punctuation."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    return re.sub(r"[\s\W_]+", "", text) or text


@dataclass(frozen=True)
class AnswerWords:
    """Typed word -> value, per question; and the button label of every value."""

    table: AnswerTable | None = None
    understanding: Understanding = field(default_factory=Understanding)

    def choices(self, question: str) -> dict:
        return getattr(self.table, question) if self.table else {}

    def label(self, question: str, value) -> str:
        choice = self.choices(question).get(value)
        return choice.label if choice else str(value)

    def lookup(self, question: str, text: str):
        """The value `text` names (a value id itself or one of its words), or None."""
        return self._lookups(question).get(comparable(text))

    def words_naming(self, question: str, value) -> list[str]:
        """Every comparable word that names `value` for the question (取消, 退出 … for cancel)."""
        return [word for word, named in self._lookups(question).items() if named == value]

    def _lookups(self, question: str) -> dict:
        """Comparable word -> value for one question, the first value naming a word winning (built once)."""
        cache = self.__dict__.setdefault("_lookup_cache", {})  # frozen dataclass: no attribute assignment
        table = cache.get(question)
        if table is None:
            table = {}
            for value, choice in self.choices(question).items():
                table.setdefault(comparable(str(value)), value)
                for word in choice.words:
                    table.setdefault(comparable(word), value)
            cache[question] = table
        return table


@dataclass(frozen=True)
class RuleBook:
    basic: tuple[BasicRule, ...] = ()
    critical_illness: tuple[CriticalIllnessRule, ...] = ()
    supplementary: tuple[SupplementaryRule, ...] = ()
    answers: AnswerWords = field(default_factory=AnswerWords)

    def regions(self) -> list[str]:
        """Region ids that have at least one rule."""
        found = {rule.region for rule in (*self.basic, *self.critical_illness, *self.supplementary)}
        return sorted(found)

    def basic_rule(self, region: str, scheme: str, care: str) -> BasicRule | None:
        return next((r for r in self.basic if (r.region, r.scheme, r.care) == (region, scheme, care)), None)

    def critical_illness_rule(self, region: str, scheme: str, care: str) -> CriticalIllnessRule | None:
        return next((r for r in self.critical_illness if r.region == region and r.scheme == scheme and care in r.cares), None)

    def critical_illness_not_applied(self, region: str, scheme: str, care: str) -> CriticalIllnessRule | None:
        """The city's 大病 rule for this scheme whose source might cover this care, read as not covering it."""
        return next((r for r in self.critical_illness if r.region == region and r.scheme == scheme and care in r.not_applied_to), None)

    def critical_illness_cares(self) -> set[str]:
        """Kinds of care that 大病保险 covers somewhere; for these a city without a 大病 rule has a gap."""
        return {care for rule in self.critical_illness for care in (*rule.cares, *rule.not_applied_to)}

    def supplementary_rules(self, region: str, scheme: str | None = None, care: str | None = None) -> list[SupplementaryRule]:
        return [
            rule for rule in self.supplementary
            if rule.region == region
            and (scheme is None or scheme in rule.schemes)
            and (care is None or care in rule.cares)
        ]


_READ_REGISTER = object()


def _register_beside(directory: Path) -> dict | None:
    """sources.yaml of the knowledge folder holding `directory`, or None (load_knowledge reports its problems)."""
    from bot.domain.knowledge.schema import SourcesFile

    try:
        return SourcesFile.model_validate(read_yaml(directory.parent / "sources.yaml").data).sources
    except (OSError, YamlError, ValidationError):
        return None


def load_rules(directory: Path, display_name: Callable[[Path], str], documents=_READ_REGISTER) -> tuple[RuleBook, list[Problem]]:
    """Read every rules file; report each problem as file:line and never raise for content.

    A knowledge tree without a rules directory is valid (it just has no estimates), so the
    FAQ fixtures elsewhere need not carry rules. `documents` is the source register each rule's
    `source.doc` must name (read from ../sources.yaml by default; None: not checked, because the
    register itself is broken and already reported).
    """
    from bot.domain.knowledge.schema import resolve_sources

    if not directory.is_dir():
        return RuleBook(), []
    if documents is _READ_REGISTER:
        documents = _register_beside(directory)
    problems: list[Problem] = []
    basic: list[BasicRule] = []
    critical: list[CriticalIllnessRule] = []
    supplementary: list[SupplementaryRule] = []
    answers = AnswerWords()
    where: dict[str, str] = {}  # rule key -> "file:line" of its first definition

    for path in sorted(directory.glob("*.yaml")):
        name = display_name(path)
        try:
            document = read_yaml(path, name)
        except YamlError as error:
            problems.extend(error.problems)
            continue
        if not isinstance(document.data, dict):
            problems.append(Problem(name, 1, "a rules file must be a mapping with `version: 1`"))
            continue
        if path.name == INTERVIEW_FILE:
            table, found = _parse_interview(document, name)
            problems.extend(found)
            if table is not None:
                answers = AnswerWords(table.answers, table.understanding)
            continue
        try:
            parsed = RuleFile.model_validate(document.data)
        except ValidationError as error:
            problems.extend(_validation_problems(document, error, name))
            continue
        for section, items, sink, key in (
            ("basic", parsed.basic, basic, lambda r: f"basic {r.scheme} {r.care}"),
            ("critical_illness", parsed.critical_illness, critical, lambda r: f"critical_illness {r.scheme}"),
            ("supplementary", parsed.supplementary, supplementary, lambda r: f"supplementary {r.plan} {r.responsibility}"),
        ):
            for index, rule in enumerate(items):
                rule = rule.model_copy(update={"region": parsed.region})
                line = document.line_of((section, index))
                identity = f"{parsed.region}: {key(rule)}"
                if identity in where:
                    problems.append(Problem(name, line, f"{identity} is defined twice (also at {where[identity]})"))
                    continue
                where[identity] = f"{name}:{line}"
                if documents is not None:
                    problems.extend(resolve_sources([rule.source], documents, name, lambda _, at=(section, index, "source"): document.line_of(at), f"{identity}: "))
                sink.append(rule)
        problems.extend(_overlapping_critical_illness(parsed, document, name))

    book = RuleBook(tuple(basic), tuple(critical), tuple(supplementary), answers)
    if book.regions() and answers.table is None and not any(p.file.endswith(INTERVIEW_FILE) for p in problems):
        problems.append(Problem(display_name(directory / INTERVIEW_FILE), 1, f"missing: the rules need {INTERVIEW_FILE} (the words people may type)"))
    elif answers.table is not None:
        for region in book.regions():
            if region not in answers.table.city:
                problems.append(Problem(display_name(directory / INTERVIEW_FILE), 1, f"answers.city has no entry for region {region!r} named by the rules"))
    return book, sorted(set(problems))


def _overlapping_critical_illness(parsed: RuleFile, document: YamlDocument, name: str) -> list[Problem]:
    """Two 大病 rules for the same scheme and care would make the estimate depend on file order."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for index, rule in enumerate(parsed.critical_illness):
        for care in rule.cares:
            if (rule.scheme, care) in seen:
                problems.append(Problem(name, document.line_of(("critical_illness", index, "cares")), f"critical_illness: {rule.scheme} {care} is covered twice"))
            seen.add((rule.scheme, care))
    return problems


def _parse_interview(document: YamlDocument, name: str) -> tuple[InterviewFile | None, list[Problem]]:
    try:
        parsed = InterviewFile.model_validate(document.data)
    except ValidationError as error:
        return None, _validation_problems(document, error, name)
    problems = []
    for question in AnswerTable.model_fields:
        owner: dict[str, object] = {}
        for value, choice in getattr(parsed.answers, question).items():
            for index, word in enumerate([str(value), *choice.words]):
                key = comparable(word)
                if owner.setdefault(key, value) != value:
                    line = document.line_of(("answers", question, _yaml_key(value), "words", max(index - 1, 0)))
                    problems.append(Problem(name, line, f"answers.{question}: word {word!r} means both {owner[key]!r} and {value!r}"))
    return (None if problems else parsed), problems


def _yaml_key(value: object) -> str:
    """How a mapping key is spelled in the YAML text (the line index keeps keys as written)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _validation_problems(document: YamlDocument, error: ValidationError, name: str) -> list[Problem]:
    """One Problem per pydantic error, at the line of the offending value.

    The line index spells mapping keys as written (`3`, `true`) while pydantic reports them
    parsed (3, True), so each step of the location is tried both ways.
    """
    problems = []
    for item in error.errors(include_url=False):
        path: tuple = ()
        line = document.line_of(())
        for part in item["loc"]:
            # pydantic reports a bool key as 0/1; the YAML says false/true.
            bool_spelling = (_yaml_key(bool(part)),) if part in (0, 1) and not isinstance(part, str) else ()
            for candidate in (part, _yaml_key(part), *bool_spelling):
                if path + (candidate,) in document.lines:
                    path += (candidate,)
                    line = document.lines[path]
                    break
            else:
                break
        where = ".".join(str(part) for part in item["loc"]) or "file"
        problems.append(Problem(name, line, f"{where}: {item['msg']}"))
    return problems
