"""The question-answering service shared by Telegram, the console and `ask`: no aiogram here."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from threading import Lock
from typing import Callable

from bot.domain.estimate.interview import Interview
from bot.domain.knowledge import snapshot
from bot.domain.knowledge.loading import load_knowledge
from bot.domain.knowledge.schema import Entry, KnowledgeBase, Region
from bot.domain.knowledge.yamlsource import Problem
from bot.domain.questions.search import SearchIndex, SearchResult
from bot.domain.questions.text import TextTools
from bot.domain.questions.understanding import alike_in_both_scripts, detect_language

LANGS = ("zh", "zh_Hant", "en")


@dataclass(frozen=True)
class Loaded:
    knowledge: KnowledgeBase
    tools: TextTools
    index: SearchIndex
    interview: Interview  # built once per knowledge: it caches what the rules cover
    estimate_triggers: tuple[str, ...] = ()


class KnowledgeStore:
    """Holds the current knowledge; a failed reload keeps serving the last good one."""

    def __init__(self, directory: Path, clock: Callable[[], date] = date.today):
        self.directory = directory
        self.clock = clock
        self._current: Loaded | None = None
        self._lock = Lock()

    @property
    def current(self) -> Loaded:
        if self._current is None:
            raise RuntimeError("knowledge was never loaded")
        return self._current

    def reload(self) -> list[Problem]:
        today = self.clock()
        snapshot_key = snapshot.key(self.directory, today)
        loaded = snapshot.load(snapshot_key)
        if not isinstance(loaded, Loaded):
            result = load_knowledge(self.directory, today)
            if not result.ok:
                return result.problems
            tools = TextTools(result.knowledge.vocabulary)
            triggers = tuple(tools.normalize(trigger) for trigger in result.knowledge.vocabulary.estimate_triggers)
            loaded = Loaded(result.knowledge, tools, SearchIndex.build(result.knowledge, tools), Interview(result.knowledge.rules), triggers)
            snapshot.save(snapshot_key, loaded)
        with self._lock:
            self._current = loaded
        return []


@dataclass(frozen=True)
class Reply:
    question: str
    outcome: str  # answered | suggested | need_city | declined
    entry: Entry | None
    answer: str
    confidence: float
    suggestions: list[Entry] = field(default_factory=list)  # answered: other questions it may have meant
    also_asked: list[Entry] = field(default_factory=list)  # answered: the message's other questions, answered apart
    related: list[Entry] = field(default_factory=list)
    decline_reason: str | None = None
    region_id: str = "national"
    region: Region | None = None
    subject: str | None = None  # declined: the subject or place we have nothing on, as the resident reads it
    missing: tuple[str, ...] = ()  # not_in_knowledge (or lacking_for): what the question asks that we lack (城乡居民医保, 住院 …)
    nearest: Entry | None = None  # not_in_knowledge: what we do know that is closest
    nearest_differs: tuple[str, ...] = ()  # …and how it differs from what was asked
    taken_as: str | None = None  # a follow-up: the question it was answered as (the next follow-up leans on that)
    nearest_shown: bool = False  # not_in_knowledge: the nearest entry's answer is shown beneath (asks_for show_nearest)
    compared: bool = False  # answered: the cities or schemes a comparing question names, entry and also_asked each one's
    several: bool = False  # answered: the message's several questions, entry and also_asked each one's answer
    only_city: str | None = None  # answered: the one city whose rule this is, when the question named none (rules differ)
    figures_city: str | None = None  # answered: the city whose rule alone holds the figures the question quoted, none named
    left_out: tuple[str, ...] = ()  # several: the neighbouring subjects the message also asks, which are not ours
    unanswered: tuple[str, ...] = ()  # several: the message's other questions nothing answers surely (as typed)
    unanswered_region: str | None = None  # whose line to call about the parts unanswered, when not the entry's
    general: bool = False  # answered: the rule in general, for a question whose cities' rules differ (suggestions: theirs)
    lacking_for: str | None = None  # answered: the city asked of, which `missing` is lacking for; the entry is the city told of
    lacking_cities: tuple[str, ...] = ()  # compared: the cities compared that the knowledge has nothing on this for

    @property
    def public_outcome(self) -> str:
        """The three outcomes residents and the JSON interface know."""
        return "suggested" if self.outcome == "need_city" else self.outcome


class Assistant:
    def __init__(self, store: KnowledgeStore):
        self.store = store

    @property
    def knowledge(self) -> KnowledgeBase:
        return self.store.current.knowledge

    def localize(self, text: str, lang: str) -> str:
        return self.store.current.tools.to_traditional(text) if lang == "zh_Hant" else text

    def question_of(self, entry: Entry, lang: str) -> str:
        return entry.question_en if lang == "en" else self.localize(entry.question, lang)

    def region_name(self, region_id: str, lang: str) -> str:
        region = self.knowledge.regions[region_id]
        return region.name_en if lang == "en" else self.localize(region.name, lang)

    def hotline(self, region_id: str | None, place: str | None, lang: str) -> dict:
        """Where to ask what the knowledge lacks about a place: its name, its own sourced number (None when no
        source gives one, or the place is not ours), the sourced national number to give instead, and whether the
        place is the whole country (whose number is the human-resources line 12333, not a medical-insurance one)."""
        region = self.knowledge.regions.get(region_id) if region_id else None
        return {"name": self.region_name(region_id, lang) if region is not None else place,
                "number": region.hotline if region is not None else None,
                "fallback": self.national_hotline(), "national": region_id == "national"}

    def national_hotline(self) -> str:
        """The sourced national number, for a place whose own number no source gives ("" if none is sourced)."""
        national = self.knowledge.regions.get("national")
        return national.hotline if national is not None and national.hotline else ""

    def region_named(self, text: str) -> str | None:
        """The first of our regions a text names (昭通, 镇雄县, Zhaotong), None if it names none."""
        index = self.store.current.index
        covered, _ = index.places.named(index.read(text))
        return covered[0] if covered else None

    def place_named(self, text: str) -> str | None:
        """The first place a text names, ours or not, as the knowledge writes it (湘潭, 金华), None if it names none."""
        index = self.store.current.index
        names = index.places.names_in(index.read(text))
        return names[0] if names else None

    def language_of(self, text: str) -> str | None:
        """The language a message is written in (zh, zh_Hant, en), None if it does not tell."""
        return self.store.current.index.language_of(text)

    def small_talk(self, text: str) -> str | None:
        """greeting | thanks when the message is only a greeting or thanks (topics.yaml `small_talk`), else None."""
        return self.knowledge.small_talk.kind(self.store.current.tools.to_simplified(text))

    def only_doubts(self, text: str) -> bool:
        """Only doubt of what was just said, or where it comes from (真的吗？哪份文件说的, really? which document says so?)."""
        loaded = self.store.current
        return loaded.index.understanding.only_doubts(loaded.index.read(text))

    def same_in_both_scripts(self, text: str) -> bool:
        """Written alike in simplified and traditional characters (你好, 在吗, 什麼): the script is not told."""
        tools = self.store.current.tools
        return alike_in_both_scripts(text, tools.to_simplified, tools.to_traditional)

    def wants_estimate(self, text: str) -> bool:
        """Phrases like 我住院能报多少 (synonyms.yaml `estimate_triggers`) ask for the estimate dialogue."""
        loaded = self.store.current
        normalized = loaded.tools.normalize(text)
        return any(trigger in normalized for trigger in loaded.estimate_triggers)

    def why_declined(self, text: str) -> str | None:
        """Why the FAQ would decline the message asked alone (SearchResult.decline_reason), None when it answers or
        offers: uncovered_topic (生孩子住院花了5000，能报多少: a neighbouring subject, which no estimate answers either),
        low_confidence (我看病花了钱能退多少钱: no entry comes near; an estimate wish is better worked out)."""
        return self.store.current.index.search(text).decline_reason

    def asks_of_a_topic_we_lack(self, text: str) -> bool:
        """A neighbouring subject we have no knowledge of (生育保险) is asked about: the FAQ's decline answers it."""
        return self.why_declined(text) == "uncovered_topic"

    def asks_of_another_product(self, text: str) -> bool:
        """她能买惠衢保吗 in the middle of an estimate: a question about one of our products other than basic
        insurance (惠衢保, the family account, family aid, registering care elsewhere), which no step answers."""
        return bool(self._products_named(text) - {"basic", "critical-illness"})

    def asks_of_a_product_outside_the_estimate(self, text: str) -> bool:
        """我大姑在湘潭上班，她能给她婆婆共济吗 in the middle of an estimate: a question about the family account or
        family aid, which no step answers (a place it names is no place of care)."""
        products = self._products_named(text)
        return bool(products) and products <= {"family-aid", "family-account"}

    def names_another_place(self, text: str, city: str, place_of_care_asked: bool) -> bool:
        """黑河那边住院能报多少 in the middle of a 衢州 estimate: the message names one of our other cities, or (where
        the estimate asks no place of care: 株洲看门诊能报多少 in a 衡阳 one) a place we lack; its rules are asked,
        not this case's. A county of the estimate's city is the city itself (南岳区 in a 衡阳 estimate)."""
        loaded = self.store.current
        covered, uncovered = loaded.index.places.named(loaded.index.read(text))
        return any(region != city for region in covered) or bool(uncovered) and not covered and not place_of_care_asked

    def _products_named(self, text: str) -> frozenset[str]:
        loaded = self.store.current
        return loaded.index.understanding.facets(loaded.index.read(text)).get("product", frozenset())

    def asks_what_a_word_means(self, text: str) -> bool:
        """The message asks only what one of our words means (3+N是什么意思, what is the deductible?)."""
        return self.store.current.index.word_explained(text) is not None

    def explains_a_word(self, reply: Reply) -> bool:
        """The reply only says what a word means (the glossary): the talk before it goes on beneath it."""
        return reply.entry is not None and reply.entry.id in self.store.current.knowledge.understanding.explained_words.terms

    def names_product(self, question: str) -> bool:
        """The question names one of our products (a follow-up may lean on it)."""
        return self.product_named(question) is not None

    def product_named(self, question: str) -> str | None:
        """The products the question names (their knowledge ids, joined), if any."""
        index = self.store.current.index
        return ",".join(sorted(index.understanding.facets(index.read(question)).get("product", ()))) or None

    @staticmethod
    def _product_home(result: SearchResult) -> str | None:
        """惠衢保2025年还有吗, lacking: the city of the product asked (its nearest entry's), whose line can tell."""
        nearest = result.nearest
        asked = {value for dimension, value in result.missing if dimension == "product"}
        if nearest is None or not asked or not asked <= set(nearest.facets.get("product", ())):
            return None
        return nearest.region

    def ask(self, question: str, lang: str = "zh", city: str | None = None, follows: str | None = None,
            case: dict | None = None, talked_of: str | None = None, insured_elsewhere: str | None = None,
            earlier: str | None = None) -> Reply:
        """`follows`: the resident's previous question, if it was a moment ago (its product carries over);
        `earlier`: the last question before it that named a product (说回刚才那个 leans on it, and so does a
        question the last one, naming none, leaves unclear: 热线多少 … 我爸在长沙能用吗 after 衡阳的共济);
        `case`: the answers of an estimate under way or just worked out (its scheme and care carry over, and its city
        is where the resident is insured; `insured_elsewhere`: a place we lack said to be so, 医保是在金华交的);
        `talked_of`: the city the talk was about a moment ago, whose hotline a decline naming no city gives."""
        loaded = self.store.current
        facets, insured_in = self.case_facets(case or {}), (case or {}).get("city") or insured_elsewhere
        earlier = earlier if earlier and earlier != follows else None
        searched = question  # (the reply keeps the words as typed; only the search reads a going-back as 那)
        normalized = loaded.index.tools.normalize(question)
        if loaded.index.understanding.points_to_earlier(normalized):
            follows = earlier or follows  # (说回惠衢保 right after it: the last question is the earlier subject)
            searched = loaded.index.understanding.as_leaning(normalized)
        result: SearchResult = loaded.index.search(searched, city, follows, facets, insured_in)
        # (住院呢 after 衡阳…退休职工门诊 is found lacking for Hengyang: understood, not asked of the product before that)
        if result.outcome != "answered" and result.decline_reason != "not_in_knowledge" and earlier and follows \
                and not self.names_product(follows) \
                and (again := loaded.index.search(searched, city, earlier, facets, insured_in)).outcome == "answered":
            result = again
        if result.outcome == "answered" and result.entry is not None:
            reply = self._answered(question, result.entry, lang, result.confidence, alternatives=list(result.suggestions),
                                   also_asked=list(result.also_asked), taken_as=result.taken_as, compared=result.compared,
                                   several=result.several, left_out=self._subjects(result.left_out, lang),
                                   unanswered=tuple(self.localize(part, lang) for part in result.unanswered))
            if result.lacking_cities:
                reply = replace(reply, lacking_cities=result.lacking_cities)
            if result.unanswered and result.entry.region == "national" and (asked_in := result.region or city) in loaded.knowledge.regions:
                reply = replace(reply, unanswered_region=asked_in)  # 我们是衢州的…多久能用: Quzhou's line, for the app's answer
            if result.lacking_for:
                reply = replace(reply, lacking_for=result.lacking_for, missing=self._missing_labels(result, lang))
            region = result.entry.region
            if not (city or follows or case or talked_of or insured_elsewhere or result.region or region == "national"
                    or reply.compared or reply.several or loaded.index.says_where(question, region)):
                # 住院报销比例是多少, asked by a resident of anywhere: the one city the knowledge has it for, said as such
                # (起付七百报六成对吧: the city whose rule holds the figures, said as such)
                said = {"figures_city" if result.by_figures else "only_city": self.region_name(region, lang)}
                reply = replace(reply, **said)
            return reply
        if result.outcome == "need_city" and (general := next((entry for entry in result.suggestions if entry.general), None)) \
                and set(general.facets.get("product", ())) & self._products_named(question):
            # 家庭共济的钱能办健身卡吗: the rule that holds wherever one is insured (in general no), the cities' own a tap away
            reply = self._answered(question, general, lang, result.confidence, taken_as=result.taken_as)
            return replace(reply, suggestions=[entry for entry in result.suggestions if entry is not general], general=True)
        asked_in = insured_in if insured_in in loaded.knowledge.regions else city
        if result.decline_reason == "not_in_knowledge" and result.region is None and asked_in and result.nearest is not None \
                and result.nearest.region not in ("national", asked_in):
            # 学生交居民医保有没有优惠 in a Quzhou estimate: lacking for Quzhou, not shown beside Zhaotong's entry and line
            result = replace(result, decline_region=asked_in, nearest=None)
        if result.decline_reason in ("low_confidence", "off_topic") and loaded.index.understanding.asks_about_the_assistant(normalized):
            result = replace(result, decline_reason="about_the_assistant")  # 你这资料是哪年的: how it answers, and from what
        region_id = result.decline_region or result.region or city or "national"
        if region_id == "national" and result.decline_reason == "not_in_knowledge":
            region_id = self._product_home(result) or region_id
        if region_id == "national" and result.decline_reason in ("off_topic", "uncovered_topic", "low_confidence", "not_in_knowledge"):
            region_id = loaded.index.home_of_the_product(question) or region_id  # 惠衢保看牙能赔吗: Quzhou's line can tell
        if region_id == "national" and talked_of and result.decline_reason in ("low_confidence", "not_in_knowledge", "off_topic",
                                                                              "about_the_assistant", "uncovered_topic"):
            region_id = talked_of  # 我是衢州的… then 断缴了以后还能补上吗: Quzhou's line, not the national one
        if region_id not in loaded.knowledge.regions:
            region_id = "national"
        understanding = loaded.index.understanding
        missing = self._missing_labels(result, lang)
        differs = ()
        if result.nearest is not None:
            nearest = result.nearest.facets
            asked = {dimension: {v for d, v in result.missing if d == dimension} for dimension, _ in result.missing}
            # an entry on two products (basic insurance and family aid) does not differ on the one asked
            differs = tuple(understanding.label(dimension, value, lang) for dimension, values in nearest.items()
                            for value in values if dimension in asked and not asked[dimension] & set(values)
                            or dimension == "product" and value != "basic" and dimension not in asked)
        subject = result.subject
        if result.decline_reason == "uncovered_topic":
            subject = understanding.subject_label(subject, lang)
        return Reply(
            question=question,
            outcome=result.outcome,
            entry=None,
            answer="",
            confidence=result.confidence,
            suggestions=list(result.suggestions),
            decline_reason=result.decline_reason,
            region_id=region_id,
            region=loaded.knowledge.regions[region_id],
            subject=self.localize(subject, lang) if subject and lang != "en" else subject,
            missing=missing,
            nearest=result.nearest,
            nearest_differs=tuple(self.localize(label, lang) for label in differs),
            taken_as=result.taken_as,
            compared=result.compared,
            nearest_shown=result.nearest is not None and not differs and any(
                dimension == "asks" and understanding.shows_nearest(value) for dimension, value in result.missing),
        )

    def _missing_labels(self, result: SearchResult, lang: str) -> tuple[str, ...]:
        """What the knowledge lacks, as the resident reads it: the city, then each facet (衡阳 · 城乡居民医保 · 住院)."""
        understanding = self.store.current.index.understanding
        missing = tuple(understanding.label(dimension, value, lang) for dimension, value in result.missing)
        if result.missing and result.region:
            missing = (self.region_name(result.region, lang), *missing)
        return tuple(self.localize(label, lang) for label in missing)

    @staticmethod
    def case_facets(answers: dict) -> dict[str, frozenset[str]]:
        """What an estimate's answers say a question is about: its scheme, and its kind of care (a chronic
        or special disease is outpatient care for such a condition)."""
        facets = {}
        if answers.get("scheme") in ("employee", "resident"):
            facets["scheme"] = frozenset({answers["scheme"]})
        care = answers.get("care")
        if care in ("inpatient", "outpatient"):
            facets["care"] = frozenset({care})
        elif care in ("chronic", "special-disease"):
            facets["condition"] = frozenset({"chronic"})
        return facets

    def _worked(self, question: str, entry: Entry, lang: str) -> str | None:
        """The entry's rule worked out on the one figure the question states (knowledge `worked`), if it states one."""
        worked = entry.worked
        amount = self.store.current.interview.reader.stated_amount(question, tuple(worked.amount_words))
        if amount is None:
            return None
        base = max(Decimal(0), amount - worked.less)
        values = {name: f"{(base * factor).quantize(Decimal('0.01')):,.2f}" for name, factor in worked.values.items()}
        return self.localize((worked.text_en if lang == "en" else worked.text).format(amount=f"{amount:,.2f}", **values), lang)

    def entry_reply(self, entry_id: str, lang: str = "zh") -> Reply | None:
        entry = self.knowledge.entries.get(entry_id)
        if entry is None:
            return None
        return self._answered(entry.question, entry, lang, 1.0)

    def _answered(self, question: str, entry: Entry, lang: str, confidence: float, alternatives: list[Entry] | None = None,
                  also_asked: list[Entry] | None = None, taken_as: str | None = None, compared: bool = False,
                  several: bool = False, left_out: tuple[str, ...] = (), unanswered: tuple[str, ...] = ()) -> Reply:
        knowledge = self.knowledge
        answer = self.localize(knowledge.render_answer(entry, lang, self.store.clock()), lang)
        if entry.worked is not None and (worked := self._worked(question, entry, lang)) is not None:
            answer = f"{worked}\n\n{answer}"  # 我每月药费1500: her figure first, then the rule it comes from
        related = [knowledge.entries[target] for target in entry.related if target in knowledge.entries][:3]
        return Reply(
            question=question,
            outcome="answered",
            entry=entry,
            answer=answer,
            confidence=confidence,
            suggestions=alternatives or [],
            also_asked=also_asked or [],
            related=[other for other in related if other not in (alternatives or []) and other not in (also_asked or [])],
            region_id=entry.region,
            region=knowledge.regions[entry.region],
            taken_as=taken_as,
            compared=compared,
            several=several,
            left_out=left_out,
            unanswered=unanswered,
        )

    def _subjects(self, subjects: tuple[str, ...], lang: str) -> tuple[str, ...]:
        """Neighbouring subjects (off_topic labels) as the resident reads them."""
        understanding = self.store.current.index.understanding
        return tuple(understanding.subject_label(subject, lang) if lang == "en" else self.localize(subject, lang) for subject in subjects)
