"""The shapes of the knowledge: entries, regions, topics, sources and the KnowledgeBase they form.
Strict pydantic models: staff edit YAML, and these are their safety net (loading.py reads the files)."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from bot.domain.knowledge.answers import AnswerTemplates
from bot.domain.knowledge.yamlsource import Problem
from bot.domain.questions.understanding import UnderstandingFile

YEAR_VALUE = re.compile(r"^20[0-9]{2}$")
ENTRY_ID = re.compile(r"^[a-z0-9][a-z0-9/_-]*$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built when first validated: a cold `ask` unpickles, never validates


class Document(Strict):
    """One source in sources.yaml: what a resident is shown (title, publisher, year) and, for staff, where it was read."""

    title: str = Field(min_length=2)
    title_en: str = Field(min_length=2)
    publisher: str | None = None
    publisher_en: str | None = None
    year: int | None = Field(default=None, ge=1990, le=2100)  # the year the document is dated or speaks for
    file: str | None = None  # the file it was read from (staff only: never shown in a reply)
    address: str | None = None  # where a resident can read it, when known
    note: str | None = None  # for staff: what is wrong or garbled in it

    @field_validator("file")
    @classmethod
    def _plain_file_name(cls, value: str | None) -> str | None:
        if value is not None and ("/" in value or "\\" in value or not value.strip()):
            raise ValueError(f"file must be a plain file name such as 000_31342f22b0f4664b.txt, not {value!r}")
        return value

    @model_validator(mode="after")
    def _traceable(self) -> "Document":
        if not (self.file or self.address):
            raise ValueError("give the file it was read from or the address where it can be read (or both)")
        return self


class SourcesFile(Strict):
    version: int
    sources: dict[str, Document] = Field(min_length=1)


class Source(Strict):
    """A citation: a document of sources.yaml and the heading or passage in it."""

    doc: str = Field(min_length=1)  # an id in sources.yaml
    section: str = Field(min_length=1)
    _document: Document | None = PrivateAttr(default=None)  # resolved by the loader

    @property
    def document(self) -> Document | None:
        return self._document


class Period(Strict):
    start: date | None = None
    end: date | None = None

    def status(self, today: date) -> Literal["open", "coming", "over"]:
        if self.start and today < self.start:
            return "coming"
        if self.end and today > self.end:
            return "over"
        return "open"


class WorkedExample(Strict):
    """The entry's rule worked out on the one figure a question states, named by one of `amount_words` before it
    (我缴费基数八千五: 8,500 × 2% = 170; not 免赔额是一万吗, a figure checked): each of `values` is that figure (less
    `less`) times its multiplier; `text` / `text_en` say it, with {amount} and each
    value's name. Only the entry's own, sourced figures go into it."""
    amount_words: list[str] = Field(min_length=1)  # one of these names the figure, in its clause (药费, 缴费基数)
    values: dict[str, Decimal] = Field(min_length=1)
    less: Decimal = Decimal(0)  # taken off the figure first (a deductible): each value is (figure - less) × multiplier
    text: str = Field(min_length=2)
    text_en: str = Field(min_length=2)

    @model_validator(mode="after")
    def _placeholders(self) -> "WorkedExample":
        known = {"amount", *self.values}
        for text in (self.text, self.text_en):
            unknown = set(re.findall(r"\{(\w+)\}", text)) - known
            if unknown:
                raise ValueError(f"unknown placeholder(s) {sorted(unknown)}: use {{amount}} or one of {sorted(self.values)}")
        return self


class Entry(Strict):
    id: str
    question: str = Field(min_length=2)
    question_en: str = Field(min_length=2)
    variants: list[str] = Field(default_factory=list)
    variants_en: list[str] = Field(default_factory=list)
    group: str | None = None
    # other groups whose question this entry answers for its region (衢州's family-aid entry tells who may use the
    # account and what it pays for): a question of that group, asked of this region, gets this entry
    also_answers: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=2)
    answer_en: str = Field(min_length=2)
    sources: list[Source] = Field(min_length=1)
    checked: date
    periods: dict[str, Period] = Field(default_factory=dict)
    related: list[str] = Field(default_factory=list)
    # What the entry is about (understanding.yaml `facets`, plus year): a question naming another
    # value of one of these is not answered by this entry. The file's `facets` apply to each entry.
    facets: dict[str, tuple[str, ...]] = Field(default_factory=dict)
    worked: WorkedExample | None = None  # the rule worked out on the resident's own figure
    # holds wherever the resident is insured: a question naming no city gets it, with the cities' own entries offered
    general: bool = False
    # Filled from the file, not written per entry.
    region: str = ""
    topic: str = ""

    _lists = field_validator("facets", mode="before")(classmethod(lambda cls, value: _facet_lists(value)))

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ENTRY_ID.match(value):
            raise ValueError("id may contain only lower-case letters, digits, '/', '_' and '-'")
        return value


def _facet_lists(value: object) -> object:
    """`scheme: resident` and `year: 2025` are one-value lists."""
    if not isinstance(value, dict):
        return value
    return {key: tuple(str(v) for v in (items if isinstance(items, (list, tuple)) else [items])) for key, items in value.items()}


def _with_file_facets(file_facets: dict, own: object) -> object:
    if not isinstance(own, dict):
        return dict(file_facets) if own is None else own
    return {**file_facets, **_facet_lists(own)}


class EntryFile(Strict):
    version: int
    region: str
    topic: str
    facets: dict[str, tuple[str, ...]] = Field(default_factory=dict)  # defaults for every entry
    entries: list[dict] = Field(min_length=1)

    _lists = field_validator("facets", mode="before")(classmethod(lambda cls, value: _facet_lists(value)))


class Region(Strict):
    name: str
    name_en: str
    aliases: list[str] = Field(default_factory=list)
    hotline: str | None = None  # only a number a registered source gives; none: replies say so
    hotline_source: Source | None = None  # where the number is written
    hotline_note: str = ""
    channels: list[str] = Field(default_factory=list)
    channels_en: list[str] = Field(default_factory=list)  # the same, as English replies name them (one for each)
    selectable: bool = False


    @model_validator(mode="after")
    def _channels_named_in_english(self) -> "Region":
        if self.channels_en and len(self.channels_en) != len(self.channels):
            raise ValueError("channels_en names each of channels in English, in the same order")
        return self

    @model_validator(mode="after")
    def _sourced_hotline(self) -> "Region":
        if self.hotline and not self.hotline_source:
            raise ValueError("a hotline needs hotline_source: {doc: <id in sources.yaml>, section: <where the number is written>}")
        return self


class RegionsFile(Strict):
    version: int
    regions: dict[str, Region]
    uncovered_places: list[str] = Field(default_factory=list)


class Topic(Strict):
    id: str
    title: str
    title_en: str
    keywords: list[str] = Field(default_factory=list)  # naming one confines a question to this topic


class SmallTalk(Strict):
    """Greetings and thanks sent on their own (你好, 在吗, 谢谢, 好的谢谢): a short friendly reply, not a search."""
    greetings: list[str] = Field(default_factory=list)
    thanks: list[str] = Field(default_factory=list)
    along: list[str] = Field(default_factory=list)  # said with them and meaning nothing more (好的, 嗯, 啊)
    again: list[str] = Field(default_factory=list)  # 再说一遍, 没看懂, say that again: the last answer once more

    def kind(self, text: str) -> str | None:
        """greeting | thanks | again | along when `text` (simplified, any case) is only these words (along: only
        words that go along with others, 好的, 嗯, ok: an acknowledgement); else None."""
        only, word, thanks, greetings, again = _small_talk_words(tuple(self.greetings), tuple(self.thanks), tuple(self.along),
                                                                 tuple(self.again))
        squeezed = _squeezed(text)
        if only is None or not squeezed or only.fullmatch(squeezed) is None:
            return None
        found = set(word.findall(squeezed))
        if found & thanks:
            return "thanks"
        if found & again:
            return "again"
        return "greeting" if found & greetings else "along"


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


@lru_cache(maxsize=8)  # asked on every question: the words change only with the knowledge
def _small_talk_words(greetings: tuple[str, ...], thanks: tuple[str, ...], along: tuple[str, ...], again: tuple[str, ...] = ()):
    """(the whole message made only of these words, one of them, the thanks, the greetings, the agains), squeezed."""
    words = sorted({_squeezed(w) for w in (*greetings, *thanks, *along, *again)} - {""}, key=len, reverse=True)
    if not words:
        return None, None, frozenset(), frozenset(), frozenset()
    one = "|".join(map(re.escape, words))
    return (re.compile(f"(?:{one})+"), re.compile(one),
            frozenset(map(_squeezed, thanks)), frozenset(map(_squeezed, greetings)), frozenset(map(_squeezed, again)))


class TopicsFile(Strict):
    version: int
    topics: list[Topic] = Field(min_length=1)
    small_talk: SmallTalk = SmallTalk()


def _english_word(word: str) -> str:
    if not re.fullmatch(r"[a-z0-9][a-z0-9 '\-]*", word):
        raise ValueError(f"{word!r} must be English in lower case (letters, digits, spaces, ' and -)")
    return word


def _chinese_words(words: str) -> str:
    if not re.search(r"[\u3400-\u9fff]", words) and words.lower() != "app":
        raise ValueError(f"{words!r} must be Chinese words the knowledge uses")
    return words


EnglishWord = Annotated[str, AfterValidator(_english_word)]
ChineseWords = Annotated[str, AfterValidator(_chinese_words)]


def _spoken_form(form: str) -> str:
    if not re.fullmatch(r"[\u3400-\u9fff]+(?:\.\.\.[\u3400-\u9fff]+)?", form):
        raise ValueError(f"{form!r} must be Chinese characters with at most one '...' (the words between, kept)")
    return form


SpokenForm = Annotated[str, AfterValidator(_spoken_form)]


class SynonymsFile(Strict):
    version: int
    synonyms: dict[str, str] = Field(default_factory=dict)
    domain_words: list[str] = Field(default_factory=list)
    anchors: list[str] = Field(default_factory=list)
    stopwords: list[str] = Field(default_factory=list)
    traditional_overrides: dict[str, str] = Field(default_factory=dict)
    # one character for another, before any word is read (Japanese 険 for 险): OpenCC leaves these
    variant_characters: dict[Annotated[str, Field(min_length=1, max_length=1)], str] = Field(default_factory=dict)
    estimate_triggers: list[str] = Field(default_factory=list)  # phrases that start the reimbursement estimate
    english_words: dict[EnglishWord, ChineseWords] = Field(default_factory=dict)  # English -> the Chinese the knowledge uses
    # one character for a city (衢 惠保, 黑 共济, 衡市): read as the city only standing apart or before `short_name_before`
    short_place_names: dict[str, str] = Field(default_factory=dict)
    short_name_before: list[str] = Field(default_factory=list)
    # a product's name clipped (惠保: 惠衢保): read as the product only standing apart or after `clipped_name_after`
    clipped_names: dict[str, str] = Field(default_factory=dict)
    clipped_name_after: list[str] = Field(default_factory=list)
    # spoken question forms read as Mandarin before any word is read, in the order listed (好...伐: 能...吗, the
    # words between kept): unlike synonyms, the Mandarin forms become no words of the segmenter's dictionary
    spoken_forms: dict[SpokenForm, SpokenForm] = Field(default_factory=dict)

    @field_validator("spoken_forms")
    @classmethod
    def _spoken_forms_keep_their_gap(cls, forms: dict[str, str]) -> dict[str, str]:
        for spoken, mandarin in forms.items():
            if ("..." in spoken) != ("..." in mandarin):
                raise ValueError(f"{spoken!r} and {mandarin!r} must both have a '...' or neither")
        return forms


@dataclass(frozen=True)
class KnowledgeBase:
    entries: dict[str, Entry]
    regions: dict[str, Region]
    uncovered_places: tuple[str, ...]
    topics: tuple[Topic, ...]
    vocabulary: SynonymsFile
    templates: AnswerTemplates
    files: int = 0
    rules: object = None  # bot.domain.estimate.rules.RuleBook, attached by load_knowledge
    understanding: UnderstandingFile = field(default_factory=lambda: UnderstandingFile(version=1))
    sources: dict[str, Document] = field(default_factory=dict)  # sources.yaml: the register entries cite
    small_talk: SmallTalk = field(default_factory=SmallTalk)  # topics.yaml `small_talk`: greetings and thanks
    as_of: date | None = None  # the day it was loaded: 明年 and 去年 are read from it

    def entries_in_topic(self, topic_id: str) -> list[Entry]:
        return [entry for entry in self.entries.values() if entry.topic == topic_id]

    def documents_of(self, entry: Entry) -> list[Document]:
        """The documents an entry cites, each once, in the order cited: what the reply names as its source."""
        cited = dict.fromkeys(source.doc for source in entry.sources)
        return [self.sources[doc] for doc in cited if doc in self.sources]

    def documents_read_for(self, region_id: str) -> list[Document]:
        """The documents the entries of a region cite (every document for the whole country), in register order:
        what a reply on how the assistant answers lists."""
        cited = {source.doc for entry in self.entries.values() if region_id == "national" or entry.region == region_id
                 for source in entry.sources}
        return [document for doc, document in self.sources.items() if doc in cited]

    def render_answer(self, entry: Entry, lang: str, today: date) -> str:
        return self.templates.render(entry, lang, today, self.regions[entry.region].hotline)


@dataclass
class LoadResult:
    knowledge: KnowledgeBase | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.knowledge is not None and not self.problems


def resolve_sources(sources, documents: dict[str, Document], file: str, line_of, prefix: str = "") -> list[Problem]:
    """Attach each citation's document from the register; an unknown id is one file:line problem."""
    problems = []
    for index, source in enumerate(sources):
        document = documents.get(source.doc)
        if document is None:
            known = ", ".join(sorted(documents))
            problems.append(Problem(file, line_of(index), f"{prefix}source {source.doc!r} is not in sources.yaml (known: {known}); add it to sources.yaml first"))
        else:
            source._document = document
    return problems
