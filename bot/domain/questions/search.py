"""Finding the knowledge entry a resident's question is about. Pure Python, no aiogram.

Longer than our other modules on purpose (about 750 lines; reading a message lives in reading.py): the decision rules (_decide and
below) are one chain of reasoning, read top to bottom. Ranking (ranking.py) and places (places.py) live apart.

Entries are ranked by ranking.py (BM25 over phrasings, fused). Place names are taken out of
both questions and phrasings before ranking: where a question is asked is decided by the region
rules below, not by word overlap. The confidence of a match is the geometric mean of its
phrasing overlap and its lead over the best candidate asking a different question (a lead of
LEAD_FULL of its score counts in full). A question that is a knowledge phrasing word for word
has confidence 1.

Rules, in order:
  no anchor word (synonyms.yaml anchors)           -> declined off_topic
  names an uncovered place and none of ours        -> declined uncovered_place
  names one of our cities                          -> only that city's or national entries
                                                      (a grouped entry switches to its member
                                                      for that city); a better match that is
                                                      another city's only -> declined
                                                      no_entry_for_city
  grouped entry, no city named                     -> the chosen city's member, else the
                                                      national member (it compares the cities),
                                                      else need_city with the members
  single-city entry without group                  -> answered whatever the chosen city

Around these: a place we do not cover named as someone's insurance city gets our rule for
people insured elsewhere when an entry speaks of them (_insured_elsewhere); the named city's own
rule beats a national overview close above it (_own_city_first), a general entry one about a
single condition (_general_first); a group member about another year or scheme is no answer
(_for_named); a long story whose lead is split is decided again on its asking parts (_search);
an answer that does not give what is asked for (asks_for) is declined, or replaced by the entry
beside it that gives it (_unless_unanswered); an unsure answer to a short question that names a
word its entry never speaks of is declined naming that detail (_unless_unexplained); a question
asking how gets the entry that tells how (_steps_first), one naming two products the entry on
both (_all_products_first); two questions in one message are asked one by one (_several_questions);
an app only some cities use narrows which city is asked (_which_city); a short follow-up leans on
the product the previous question named (search(follows=…)).
"""
from __future__ import annotations

import math
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Iterable, Iterator

from bot.domain.estimate.amounts import find_amounts, prepare
from bot.domain.knowledge.schema import Entry, KnowledgeBase
from bot.domain.privacy import without_identifiers
from bot.domain.questions.english import InChinese
from bot.domain.questions.places import NATIONAL, Places
from bot.domain.questions.ranking import Candidate, Ranker
from bot.domain.questions.reading import MessageReader
from bot.domain.questions.slips import ThumbSlips
from bot.domain.questions.spelling import EnglishSpelling
from bot.domain.questions.text import ENGLISH_STOPWORDS, TextTools, spaced_out_joined
from bot.domain.questions.understanding import AGE, Facets, Understanding, YEAR, conflicts, detect_language, small_number

OUTCOMES = ("answered", "suggested", "need_city", "declined")
DECLINE_REASONS = (None, "off_topic", "uncovered_topic", "uncovered_place", "no_entry_for_city", "not_in_knowledge",
                   "low_confidence")
LACKING = ("not_in_knowledge", "no_entry_for_city", "uncovered_place", "uncovered_topic")  # a decline that says what is lacking
FACET_ORDER = ("product", "scheme", "status", "member", "care", "condition", "channel", "year")
_A_FIGURE = re.compile(r"\d[\d,.]*\s*[万元块]?")
_A_YEAR = re.compile(r"(?:19|20)\d\d年?|[今去明前后]年")
_INSURED_THERE = re.compile(r"我是|参保的|参保|的人|人|\binsured\b|\bi'm from\b|\bfrom\b|\bi live in\b")  # said of where one is insured
_NOW = re.compile(r"今年|现在|目前|如今|眼下|this year|right now|now")  # the time of the question (明年, 去年: years we lack, asked apart)
_FIGURE_AFTER = r"[^。；;，,\n]{0,6}?\d"  # a word's own figure follows it closely (起付线300元, 起付线为700元)
_SENTENCE_END = re.compile(r"[?？!！。;；]+")
_CLAUSE_END = re.compile(r"[?？!！。;；,，]+")
_SPOKEN_PAUSE = re.compile(r"[?？!！。;；,，]+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")  # voice-to-text: pauses as spaces


def _as_elsewhere(text: str, places: list[str]) -> str:
    """The text with these places read as 外地 (somewhere we do not cover): where the other person is insured,
    or where care is, said of one of our cities (in English: another city)."""
    return re.sub("|".join(map(re.escape, places)), lambda place: "another city" if place.group(0).isascii() else "外地", text)


SWITCHED_FACETS = ("scheme", "status", "care", "condition", "relative", "member")  # what a follow-up may swap (那职工呢)
SOFT_FACETS = frozenset({"channel", "member"})  # named by a question, they veto the entries that differ, and ask no entry to
# declare them (an inpatient rate holds for 我妈 too; a child's binding declares its member)
_STEPS = re.compile(r"先.{1,30}?(?:再|然后)")  # an answer telling how: first … then …


@dataclass(frozen=True)
class SearchResult:
    outcome: str  # answered | suggested | need_city | declined
    entry: Entry | None = None
    confidence: float = 0.0
    suggestions: list[Entry] = field(default_factory=list)
    region: str | None = None  # a covered region the question names
    decline_reason: str | None = None
    decline_region: str | None = None  # whose hotline to show when declining
    subject: str | None = None  # uncovered_topic: the subject; uncovered_place: the place
    missing: tuple[tuple[str, str], ...] = ()  # not_in_knowledge: the (facet, value) pairs we have nothing for
    nearest: Entry | None = None  # not_in_knowledge: the entry about the nearest thing we do know
    also_asked: list[Entry] = field(default_factory=list)  # answered: the answers to the message's other questions
    taken_as: str | None = None  # a follow-up: the question it was answered as (那衡阳呢 after 黑河…: 衡阳…)
    compared: bool = False  # answered: each city or scheme a comparing question names, its own entry apart (黑河和湘潭…)
    several: bool = False  # answered: each of the message's questions answered apart, entry and also_asked in turn
    left_out: tuple[str, ...] = ()  # several: the neighbouring subjects its other questions ask, which are not ours
    unanswered: tuple[str, ...] = ()  # several: its other questions (as typed) that nothing answers surely: said so
    # low_confidence: the answer a named city and product lead to, taken when nothing surer reads the question
    named_lead: SearchResult | None = None
    # answered: the city asked of, which the knowledge lacks this for; the entry is the other city's the question told of
    lacking_for: str | None = None
    # compared: the cities the question compares that have no entry of their own on it (湘潭慢性病自付比例多少，衡阳呢)
    lacking_cities: tuple[str, ...] = ()
    # answered: the figures the question quotes (起付三百报七成对吧) are found in this city's rule alone, no city named
    by_figures: bool = False


# (work in Suzhou: where one works is most likely where one is insured)
_WORKS_IN = re.compile(r"\b(?:work|works|working|worked|employed|job|company|employer)\s+(?:is\s+)?(?:in|at)\s*$")
_ON_SALE = re.compile(r"有没有|有卖|买得到|能买到|有这个|有这种|有.{0,6}吗")  # (衡阳有惠衢保吗: whether it is to be had there)
_TENTHS = re.compile(r"([一二三四五六七八九])成")  # 报七成: 70%
_STATED_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(万)?")
_COUNTED = re.compile(r"(\d+|[一二两三四五六七八九十]{1,3})\s*(?:分钟|天|个月|个工作日|个人|名|位|家|次|岁)")  # 五分钟就能办好


def _quoted_figures(normalized: str) -> set:
    """The amounts, rates and counts a question quotes (起付三百, 报七成, 百分之六十, 五分钟), as numbers."""
    figures = {value for _, value in find_amounts(prepare(normalized)) if not isinstance(value, Exception)}
    figures |= {Decimal(int(count)) if count.isdigit() else Decimal(small_number(count.replace("两", "二")))
                for count in _COUNTED.findall(normalized)}
    return figures | {Decimal(10 * ("一二三四五六七八九".index(tenths.group(1)) + 1)) for tenths in _TENTHS.finditer(normalized)}


@lru_cache(maxsize=1024)
def _figures_in(answer: str) -> frozenset:
    """The numbers an answer states (300元, 70%, 1.5万), as numbers (read once per answer text)."""
    return frozenset(Decimal(number) * (10000 if wan else 1) for number, wan in _STATED_NUMBER.findall(answer.replace(",", "")))


_HAN_WORD = re.compile(r"[\u4e00-\u9fff]+")
_HAN_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
# 是带身份证还是带户口本: the second choice of an either-or question, to the end of its clause
_OR_THE_OTHER = re.compile(r"还是[^,.!?;，。！？；]{1,16}")
_ON_BEHALF = re.compile(r"(?:帮|替|代)[^，,。？?！!\s]{0,6}问")  # 帮我妹妹问一下: asked for someone else
# …是不是跟职工一样, 和居民一样吗: what a question's subject is likened to (a scheme, a status, a kind of care)
_LIKENED_TO = re.compile(r"(?:跟|和|与|同|像)[^，,。？?！!\s]{1,6}?(?:一样|相同|差不多|一致)")
# a figure the resident puts forward (一万, 1.5万, 10%): a claim the answer's own figure checks, no detail we lack
_FIGURE = re.compile(r"[\d零〇一二两三四五六七八九十百千万亿点.,%]+[元块万千百个岁天年月号%]*")
# 700块, 60%, 4000: an amount or a rate put forward (not 5个 or "2 beian": a count)
_CHECKED_FIGURE = re.compile(r"(?<![\d.])(?:\d+(?:\.\d+)?(?:%|块钱|块|元)|\d{3,}(?:\.\d+)?)(?![\d.])")
_UNIT = re.compile(r"[%块钱元]+$")
_AN_AMOUNT = re.compile(r"\d|[一二两三四五六七八九十几]+[万千百块元]")  # 一万多, 3000: told, not asked
# Where a word was seen, told before asking what it means (住院结算单上写着封顶线): a bill, a statement, a line on it
# 统筹报销是不是花我个人账户的钱, 跟个人账户有什么不一样: a guess at what the word means, or how it differs
_GUESSED_MEANING = re.compile(r"是不是|是否|就是|算是|不一样|不同|一样吗|区别|一回事|还是怎么|意思是|\bis it the same\b|\bdifferen")
_FIGURE_QUOTED_OR_ASKED = re.compile(r"\d|(?<!花)多少(?!都)|几|how much|how many")  # (not 花多少都能报: whatever is spent)
_THIS_WORD = re.compile(r"^这个?(?:词|字|说法|名词|东西)(?:儿)?(?:到底)?(?:是)?(?:什么|啥|啥子)意思(?:啊|呀)?$")  # 这个词是什么意思, of the word before
_SEEN_ON = re.compile(r"(?:住院|门诊|出院)?(?:结算单|结算清单|单子|发票|账单|清单|报销单)(?:上|里)?(?:面)?(?:写着|写的|有一栏叫|有一栏|有一项叫|有一项|显示)?")
_CLAUSE_SPLIT = re.compile(r"[,，。;；!?！？\s]+")
_SENTENCE_PARTS = re.compile(r"[,，。;；!?！？]+|(?<!\d)\.(?!\d)")  # (an English sentence is one part, not its words)


def _insured_there_oneself(text: str, place: str, works_or_pays_there: re.Pattern | None) -> bool:
    """我在昆明交的医保, 我是长沙参保的: the asker works, pays or is insured in the place (not 我在昆明的妈妈)."""
    return works_or_pays_there is not None and re.search(
        rf"(?:我|俺|本人)(?:自己)?(?:是|在)?{re.escape(place)}[市的]?{works_or_pays_there.pattern}", text) is not None


def _led_by(result: SearchResult, better: Entry) -> SearchResult:
    """The answer led by one of its runners-up, the entry it had offered first among them."""
    return replace(result, entry=better, suggestions=[result.entry, *(other for other in result.suggestions if other is not better)])


class SearchIndex:
    TOP_ENTRIES = 12  # entries walked by the region rules
    # Calibrated by holding out knowledge variants (see the report); not fitted to dev questions.
    STRONG = 0.75  # a match this sure may answer about a product the question leaves unnamed (目录外药品免赔额)
    ANSWER = 0.50  # confidence at or above: answer (held-out top-1 is right >50% from here up)
    TENTATIVE = 0.10  # at or above (with a phrasing overlap >= SUGGEST): answer the best match,
    # and offer the runners-up as "not what you meant?" alternatives. Sibling entries (a child's
    # binding, its face check, its papers) split the lead, so a right match often leads by little;
    # at 0.10 the four residents' sets gain 11 answers, lose none, answer no must-decline question
    # (0.05 answered one); the asks_for check still declines what the answer does not say.
    SUGGEST = 0.30  # phrasing overlap at or above: worth suggesting; a best match below: decline
    # a question we were unsure of, asked in the talk's context (its city, product), is taken at or above this even
    # when that entry was not among our guesses (Can my wife use the money in my personal account? in a talk of Quzhou)
    SURE_IN_CONTEXT = 0.80
    # …unless the question names the city and the product of the entry leading it (at 0.15 the 32,603 eval questions
    # gained 67 right answers and lost 4, lacking facts asked of an entry that does not say them; no must-decline answered)
    NAMED_PRODUCT_OVERLAP = 0.15
    NAMES_APART_TOP = 3  # …and it ranks among the first this many on the question's words besides our names
    SUGGEST_SCORE = 0.5  # suggestions score at least this share of the best one
    LEAD_FULL = 0.3  # a lead over the runner-up of this share of the score counts in full
    GROUP_VOTES = 6  # candidates that vote for the per-city question a cityless question asks
    GROUP_NEAR = 0.9  # …led by a member scoring at least this share of the best candidate
    OTHER_CITY_EDGE = 0.1  # another city's entry must overlap this much better to decline…
    OWN_CITY_FAIR = 0.75  # …and the named city's (or a national) match overlap less than this (黑河医保余额怎么查)
    OWN_CITY_NEAR = 0.8  # the named city's rule scoring this share of a national overview above it…
    OWN_CITY_MARGIN = 0.1  # …and overlapping about as well answers instead
    NATIONAL_NEAR = 0.85  # no city named: a national entry this close behind one city's rule answers instead
    OWN_CITY_EXACT_OVERLAP = 0.6  # …and beside a national phrasing matched word for word, overlapping this well
    OWN_CITY_FAR = 0.6  # …or scoring this share and overlapping at least as well (想打电话问衢州医保)
    CONFLICT_MARGIN = 0.05  # an entry that fits the question's facets answers if it overlaps about as well
    GENERAL_NEAR = 0.85  # a general entry this close behind one on a single condition answers instead
    UNEXPLAINED_BELOW = 0.2  # an answer less sure than this must explain every word of a short question;
    # at 0.2 the eval and red-team sets lose 1 right answer and decline 8 near misses (at 0.25: 8 and 11)
    MODALS = "要想能会可得该去来再还也都就才吗呢吧啊呀"  # jieba glues them to a word (要传, 感冒能): the word is the rest
    BOTH_PRODUCTS_NEAR = 0.75  # an entry on both products a question names this close behind one on either answers
    ELSEWHERE_SURE = 0.35  # how sure our rule for people insured elsewhere must be (at 0.5: 4 fair questions declined,
    # 我爸医保在长沙 能绑湘潭的共济吗; at 0.35 no question that must be declined is answered)
    STEPS_NEAR = 0.85  # an entry telling how this close behind one that never does answers a how-question
    STEPS_BEHIND_WHO_MAY = 0.7  # … or this close behind one saying who may, which a how-question does not ask
    ELSEWHERE_NEAR = 0.6  # an entry for people insured elsewhere, scoring this share of the best, leads when they ask
    ELSEWHERE_WORDS = ("外地", "异地", "外省", "省外")  # an entry for people insured elsewhere says so
    MEMBER_FACTS = frozenset({"year", "scheme", "status", "care", "condition"})  # a group member must not differ on these
    ASK_LEAD_NEAR = 0.8  # an entry the asking parts alone rank first, scoring this share of the best…
    ASK_LEAD_MARGIN = 0.3  # …and overlapping them this much better, leads a long message (at 0.1 and 0.2
    # the sets lost 7 and 5 right answers for 5 and 6 gained; at 0.3 one lost, six gained)
    SIBLINGS_OVERLAP = 0.4  # the named city's entries on the product asked, tied, the first overlapping this well, answer
    ASKED_NOT_TOLD = frozenset({"year", "scheme", "status", "care"})  # named where the message asks, they outweigh the story's

    # declines the English reading knows to be right: a Chinese reading must not overturn them
    DECLINES_KEPT = frozenset({"off_topic", "uncovered_topic", "uncovered_place", "not_in_knowledge"})
    # …and to overturn an English answer below ENGLISH_UNSURE (Benefit Qu Insurance is what thing?, as a translation
    # app writes 惠衢保是什么: at 0.5 / 0.55 the eval sets gained 16 and lost 12)
    ENGLISH_UNSURE = 0.45
    CHINESE_SURER = 0.8
    CHINESE_SURE = 0.55  # how sure that reading must be (at 0.5 the eval sets gained 25 and answered 2 wrongly
    # that were only suggestions before; at 0.55, 22 and none)
    RESULTS_CACHED = 2048  # (question, city) pairs whose result is kept: residents ask the same things

    def __init__(self, knowledge: KnowledgeBase, tools: TextTools):
        self.knowledge = knowledge
        self.tools = tools
        # The index never changes once built (a reload builds a new one), so a question's result
        # can be kept: a repeated question costs a dict lookup instead of ~0.5 ms of ranking.
        self.results: dict[tuple[str, str | None, bool], SearchResult] = {}
        self._apart = False  # searching one question of several, or one side of a comparison (_one_question_at_a_time)
        self._in_a_talk = False  # searching a message that follows another or an estimate: its context may answer it

    # ---- building ------------------------------------------------------------------------
    @classmethod
    def build(cls, knowledge: KnowledgeBase, tools: TextTools) -> "SearchIndex":
        index = cls(knowledge, tools)
        index.places = places = Places(knowledge, tools)
        # the glossary's entries answer only a message asking what their word means (word_explained): no words match them
        explained = knowledge.understanding.explained_words
        index.searched = searched = [entry for entry in knowledge.entries.values()
                                     if entry.id not in explained.terms or entry.id in explained.searched_too]
        vocabulary = knowledge.vocabulary
        keywords = [word for topic in knowledge.topics for word in topic.keywords]
        protected = [*places.names, *vocabulary.domain_words, *vocabulary.anchors, *vocabulary.synonyms.values()]
        spoken = [word for word in (*vocabulary.synonyms, *places.names) if 2 <= len(word) <= 6 and _HAN_WORD.fullmatch(word)]
        index.understanding = Understanding(
            knowledge.understanding, tools.normalize,
            sound_words=[*vocabulary.domain_words, *vocabulary.anchors, *keywords],
            protected=protected,
            is_word=tools.is_word,
            typed_words=spoken,
            initials={key: word for key, word in vocabulary.synonyms.items() if len(key) <= 5 and key.isascii() and key.isalpha()},
        )
        # yibao: 医保, in every reading from here on; not a word our English text uses (Huiqubao, Quzhou, dibao):
        # English questions are matched to it as written
        english = {" ".join((entry.question_en, entry.answer_en, *entry.variants_en)) for entry in searched}
        english_words = set(re.findall(r"[a-z]+", tools.normalize(" ".join(english))))
        index.understanding.sounds.keep_in_letters(english_words)
        tools.read_letters_with(index.understanding.sounds.spelled_in_letters)
        tools.read_slips_with(ThumbSlips(index.understanding.sounds.targets, [region.name for region in knowledge.regions.values()],
                                         map(tools.normalize, protected),
                                         tools.is_word, tools.is_common_word).correct)
        # …and English words one or two keystrokes from ours (insurence, familly) as ours: our English text,
        # and every English word the staff lists name (off-topic subjects, synonyms, places)
        listed = " ".join(str(value) for value in (knowledge.understanding.model_dump(), knowledge.vocabulary.model_dump(),
                                                    [(r.name_en, r.aliases) for r in knowledge.regions.values()],
                                                    [t.title_en for t in knowledge.topics]))
        in_letters = {word.lower(): region_id for region_id, region in knowledge.regions.items()
                      for word in (region.name_en or "", *region.aliases) if word.isascii() and word.isalpha()}
        tools.read_english_with(EnglishSpelling(english_words | set(re.findall(r"[a-z]+", listed.lower())) | ENGLISH_STOPWORDS,
                                                {word.lower() for word in knowledge.understanding.english_spelling},
                                                kin=in_letters).correct)
        # Per entry, filled when first needed: its phrasings normalised, what they ask for (asks_for),
        # whether it tells how, and its phrasings and answers as one text.
        # (the places regions.yaml spells in letters, xiangxiang: 湘乡, read in Chinese too: the city must not be lost)
        places_in_letters = {alias: region.name for region in knowledge.regions.values() for alias in region.aliases if alias.isascii()}
        index.in_chinese = InChinese({**places_in_letters, **vocabulary.english_words}, tools.normalize, ENGLISH_STOPWORDS)
        index.phrasings, index.promised, index.tells_how, index.entry_text = {}, {}, {}, {}
        index.answer_text = {entry.id: tools.normalize(f"{entry.answer} {entry.answer_en}") for entry in knowledge.entries.values()}
        index.member_products = frozenset(product for entry in searched if entry.facets.get("member")
                                          for product in entry.facets.get("product", ()))
        # entries that speak of people insured elsewhere: in their own phrasings (外地医保能买惠衢保吗), or
        # their answer says where one must be insured (双方都要在湘潭市参保)
        index.asked_by_insured_elsewhere = frozenset(
            entry.id for entry in searched
            if any(index._insured_elsewhere_in(tools.normalize(phrasing)) for phrasing in (entry.question, *entry.variants)))
        index.for_insured_elsewhere = index.asked_by_insured_elsewhere | frozenset(
            entry.id for entry in searched if index._insured_where(entry, knowledge, places.provinces))
        index.topic_regions = {}
        for entry in searched:
            if entry.region != NATIONAL:
                index.topic_regions.setdefault(entry.topic, set()).add(entry.region)
        index.topic_keywords = [
            (topic.id, tuple(tools.normalize(word) for word in topic.keywords)) for topic in knowledge.topics if topic.keywords
        ]
        understanding = index.understanding
        index.ranker = Ranker(searched, tools, lambda text: places.strip(understanding.without_context(text)),
                              places.words)
        domain = sorted({tools.normalize(w) for w in vocabulary.domain_words} - {""}, key=len, reverse=True)
        index.reader = MessageReader(tools, understanding, places, domain, index.ranker.words.idf)
        groups: dict[str, dict[str, Entry]] = {}
        for entry in searched:
            for group in filter(None, (entry.group, *entry.also_answers)):
                groups.setdefault(group, {}).setdefault(entry.region, entry)
        index.groups = groups
        return index

    def _insured_elsewhere_in(self, phrasing: str) -> bool:
        """The phrasing speaks of someone insured elsewhere (外地医保, 在外地参保), not treated elsewhere."""
        return "insurance" in self._roles_of_elsewhere(phrasing)

    def _care_elsewhere_in(self, phrasing: str) -> bool:
        """The phrasing speaks of care (or living) elsewhere (在外地住院)."""
        return bool(self._roles_of_elsewhere(phrasing) - {"insurance"})

    def _roles_of_elsewhere(self, phrasing: str) -> set[str | None]:
        return {self.understanding.role(phrasing, match.start(), match.end())
                for word in self.ELSEWHERE_WORDS for match in re.finditer(word, phrasing)}

    @staticmethod
    def _insured_where(entry: Entry, knowledge: KnowledgeBase, provinces: dict[str, set[str]]) -> bool:
        region = knowledge.regions.get(entry.region)
        if region is None or entry.region == NATIONAL:
            return False
        names = "|".join(re.escape(name) for name in (region.name, *region.aliases, *provinces.get(entry.region, ())) if name)
        # 双方都要在湘潭市参保, 参加了云南省的基本医保 (not 衢州参保人…可以备案: who may, not who must be insured where)
        return re.search(rf"(?:{names})[市县区省]?(?:域内)?的?(?:参保(?!人)|基本医保)", entry.answer) is not None

    # ---- searching -----------------------------------------------------------------------
    def search(self, question: str, city: str | None = None, follows: str | None = None,
               case: Facets | None = None, insured_in: str | None = None) -> SearchResult:
        question = spaced_out_joined(question)  # (惠曲保 能 帮 家人 一起 买 吗: one sentence, typed a word at a time)
        if looked_up := self.understanding.record_looked_up(self.tools.normalize(question)):
            # (帮我查一下我妈卡里还剩多少: no reading of its parts may answer a record only the resident's own app shows)
            named = next(iter(self.places.named(self.read(question))[0]), None)
            return SearchResult("declined", region=named, decline_reason="uncovered_topic", subject=looked_up,
                                decline_region=named or (city if city in self.knowledge.regions else None) or NATIONAL)
        outer, self._in_a_talk = self._in_a_talk, bool(follows or case or insured_in)
        try:
            return self._searched_in_a_talk_or_not(question, city, follows, case, insured_in)
        finally:
            self._in_a_talk = outer

    def _searched_in_a_talk_or_not(self, question: str, city: str | None, follows: str | None, case: Facets | None,
                                   insured_in: str | None) -> SearchResult:
        result = self._understood(question, city, follows, case, insured_in)
        if result.outcome != "answered" and (taken := self.reader.without_a_wrong_guess(
                question, {value for dimension, value in result.missing if dimension == "asks"})) is not None \
                and (again := self._understood(taken, city, follows, case, insured_in)).outcome == "answered":
            return again  # 起付线是医院收的挂号费吗: asked what the thing is, the guess set right
        if result.outcome != "answered" and (read := self.read(question)) != (bound := self.understanding.bound_at_home(read)) \
                and (again := self._understood(bound, city, follows, case, insured_in)).outcome == "answered":
            return again  # 衡阳能去柜台绑吗, unread as it stands: the binding of the city's family aid
        if result.decline_reason == "low_confidence" and result.named_lead is not None:
            # nothing surer read the whole message: the entry its city and product lead to (_named_product_leads)
            return self._unless_lacking(question, city, result.named_lead)
        if (result.outcome == "suggested" or result.decline_reason == "low_confidence" or self._glossary_better(question, result)) \
                and not follows and not case \
                and (term := self._term_asked_alone(question)) is not None:
            # 统筹基金和个人账户有啥区别, 封顶线是说一年至少要花到这个数吧: a glossary word asked of, nothing else named
            return SearchResult("answered", self.knowledge.entries[term], self.ANSWER)
        if result.outcome != "answered" and not follows and not case and (term := self._meaning_asked_outright(question)) is not None:
            # 在上海住院，医生说衢州医保有封顶线，封顶线是啥意思: what the word means, whatever place the story names
            return SearchResult("answered", self.knowledge.entries[term], self.ANSWER)
        if result.outcome != "answered" and not follows and not case and len(terms := self._terms_weighed(question)) >= 2:
            # 起付线和封顶线，一个是下限一个是上限吗: two glossary words weighed, nothing else named: what each one is
            return SearchResult("answered", self.knowledge.entries[terms[0]], self.ANSWER,
                                also_asked=[self.knowledge.entries[term] for term in terms[1:]], compared=True)
        return result

    def _glossary_better(self, question: str, result: SearchResult) -> bool:
        """Which city was asked, or the knowledge said to lack it, or answered, no city named or chosen, by the one
        city's entry the knowledge has on it (昭通's cap, told as "you did not say which city"), and no figure quoted or
        asked (惠保三项责任各封顶多少, 起付线就是700吧): a word of the glossary asked of alone is better told by the glossary."""
        one_citys = result.outcome == "answered" and result.region is None and result.entry.region != NATIONAL
        return (result.outcome == "need_city" or result.decline_reason == "not_in_knowledge" or one_citys) \
            and _FIGURE_QUOTED_OR_ASKED.search(question) is None

    def _meaning_asked_outright(self, question: str) -> str | None:
        """The glossary entry of the one word of it a message asks the meaning of outright (封顶线是啥意思), naming no
        neighbouring subject: places and care told beside it do not change what the word means."""
        read, understanding = self.read(question), self.understanding
        if not understanding.asks_the_meaning_outright(read) or self._names_a_neighbour(read) \
                or understanding.last_correction(read) is not None:
            return None  # (…deductible is 10,000 — sorry, I mean: is there a waiting period: no meaning asked)
        return understanding.term_named(read)

    def _terms_weighed(self, question: str) -> list[str]:
        """The glossary entries of the words a message names, when it names no place, product, scheme or care and no
        neighbouring subject (as _term_asked_alone), and weighs them (有啥区别, 一个是…一个是…, versus)."""
        read, understanding = self.read(question), self.understanding
        if self.places.named(read) != ([], []) or set(understanding.facets(read)) - {"member"} or self._names_a_neighbour(read) \
                or not (understanding.asks_how_they_relate(read) or understanding.weighing is not None and understanding.weighing.search(read)):
            return []
        return understanding.terms_named(read)

    def _term_asked_alone(self, question: str) -> str | None:
        """The glossary entry of the one word of it a message names, when it names no place, product, scheme or care
        and no neighbouring subject: what the word is, which the glossary tells, is all it can ask."""
        read, understanding = self.read(question), self.understanding
        term = understanding.term_named(read)
        if term is None or self.places.named(read) != ([], []) or set(understanding.facets(read)) - {"member"} \
                or self._names_a_neighbour(read):
            return None
        return term

    def _names_a_neighbour(self, read: str) -> bool:
        """A neighbouring subject or another insurance is named: no glossary word of ours is all that is asked."""
        return self.understanding.off_topic(read) is not None or bool(self.understanding.other_insurance(read))

    def _understood(self, question: str, city: str | None, follows: str | None, case: Facets | None,
                    insured_in: str | None) -> SearchResult:
        """`follows`: the previous question as it was taken (_search_following); `case`: the facets of an
        estimate being worked out, or worked out a moment ago (its scheme and care); `insured_in`: where the talk
        said the resident is insured (the estimate's city, or a place we lack: 金华), for _asked_by_one_insured_outside.
        A question leaving
        the case's scheme and care unsaid is about them (_within_the_case), and so, where its answer alone
        is another's, about the previous question's; what a talk about one city cannot answer points to
        that city's hotline. A message is asked as the resident means it: as corrected (哦不，是湘潭的), without
        what it names only to set apart (不是黑河, 除了浙里办), and of the city it asks after telling another's rule
        (MessageReader.corrected, without_what_is_set_apart, of_the_city_asked)."""
        typed = self._with_clipped_names(self.tools.with_city_names(spaced_out_joined(without_identifiers(question))))
        question = self.reader.of_the_one_pointed_at(self.places.without_there(self.places.with_there_named(
            self.places.with_misheard_names(typed, self.understanding))))
        known = self.understanding.known_and_asked(self.tools.normalize(question))
        if known is not None:  # 衡阳能共济我知道，湘潭呢: asked as if the known part were asked a moment ago…
            told, asked = known
            result = self._understood(asked, city, told, case, None)
            if not (result.outcome == "declined" and result.decline_reason in ("off_topic", "low_confidence")):
                return result
            # …unless that leaves nothing to answer: the known part is what is asked about (单位那部分不划了我知道，待遇降了吗)
        explained = self.word_explained(question)
        if explained is not None:  # 起付线是啥意思: the glossary's entry, whatever came before…
            glossary = SearchResult("answered", self.knowledge.entries[explained], self.ANSWER)
            if not case:
                return glossary
            # …but beside an estimate, the case's own rule (its deductible) where one gives the word's figure (统筹 is in
            # no table of rates, 门诊起付线资料里没写 gives none: the glossary says what it is)
            within = self._searched(question, city, follows, case)
            words = [self.tools.normalize(word) for word in self.knowledge.understanding.explained_words.terms[explained]]
            gives = within.outcome == "answered" and any(
                re.search(re.escape(word) + _FIGURE_AFTER, self.answer_text[within.entry.id]) for word in words)
            return within if gives else glossary
        told_and_asked = question
        apart = self.reader.without_what_is_set_apart(self.reader.without_the_hometown(self.reader.corrected(question)))
        unlikened = self.reader.without_what_it_is_likened_to(apart)
        question = self.reader.of_the_city_asked(self.reader.of_the_residents_own_city(unlikened))
        if insured_in is not None and (outside := self._asked_by_one_insured_outside(question, insured_in)) is not None:
            return outside
        result = self._searched(question, city, follows, case)
        if result.unanswered and unlikened != apart:
            # (衡阳绑共济要像亲情账户那样上传户口本吗: the part left unanswered is quoted as typed, likening and all)
            result = replace(result, unanswered=tuple(self.reader.as_typed_around(part, apart) for part in result.unanswered))
        if result.decline_reason in ("no_entry_for_city", "not_in_knowledge"):
            result = self._told_of_another_city(told_and_asked, result)
        # (not one answered in the talk's context: Which number should I call? after Huiqubao's claims is Quzhou's line)
        if result.outcome == "answered" and result.confidence < self.ENGLISH_UNSURE and self.language_of(question) == "en" \
                and not (follows and result.taken_as) and (chinese := self.in_chinese.of(self.read(question))):
            # an unsure English answer yields to a sure one in the knowledge's Chinese words
            again = self._searched(chinese, city, follows, case)
            if again.outcome == "answered" and again.confidence >= self.CHINESE_SURER and again.entry != result.entry:
                return replace(again, taken_as=None)
        english_lead = result.named_lead if self.language_of(question) == "en" else None
        if english_lead is not None:
            result = replace(result, named_lead=None)  # (names alone, read in no other words, lead English astray)
        if result.outcome == "answered" or result.decline_reason in self.DECLINES_KEPT \
                or self.language_of(question) != "en" or not (chinese := self.in_chinese.of(self.read(question))):
            return result
        if result.decline_reason == "no_entry_for_city" and self.places.likened_names(self.read(question)):
            return result  # (Does Xiangtan also … like Quzhou does?: the Chinese words would drop the likening)
        if result.outcome == "need_city" and not self.places.named(chinese)[0]:
            return result  # (heng yang gong ji: the city the English reading missed, the Chinese one names)
        # An English question our English phrasings leave unsure, read in the knowledge's Chinese words:
        # answered only when that reading is sure (a guess in a second reading is no answer)
        again = self._searched(chinese, city, follows, case)
        if again.outcome == "answered" and again.confidence >= self.CHINESE_SURE:
            return replace(again, taken_as=None)
        # (…read in the knowledge's Chinese words too, the lead of that reading, else the English one's)
        return replace(result, named_lead=again.named_lead or english_lead) if result.decline_reason == "low_confidence" else result

    SAID_BESIDE = 6  # Chinese characters (or 2 English words) a message asking what a word means may say besides

    def word_explained(self, question: str) -> str | None:
        """The glossary entry a message asks for, if all else it says is a few words naming nothing of ours and no
        place (单子上写的起付线 啥意思啊 看不明白; not 门诊起付线是啥 衢州职工, nor US health insurance deductible explain);
        or, in a message of several sentences, one of them so, the others naming nothing of ours but that word
        (起付线到底是个什么东西？每次都说没到起付线不报，听不懂)."""
        explained = self._word_explained_in(question)
        if explained is not None or not self.understanding.names_a_term(self.read(question)):
            return explained
        # (…or of clauses: 结算单上写着"已达封顶线"，封顶线是啥)
        tried: list[list[str]] = []
        for pattern in (_SENTENCE_END, _CLAUSE_END, _SPOKEN_PAUSE):
            sentences = [part for part in pattern.split(question) if part.strip()]
            if sentences in tried:
                continue  # (most messages part the same way at sentences, clauses and pauses: weighed once)
            tried.append(sentences)
            # (…老说起付线，这个词是什么意思: the word named in the clause the pointing one follows)
            pointed = [(at - 1, at + 1) for at, sentence in enumerate(sentences) if at and _THIS_WORD.match(sentence.strip())]
            for start, end in [(at, at + 1) for at in range(len(sentences))] + pointed if len(sentences) > 1 else ():
                explained = self._word_explained_in(sentences[start] + "是什么意思" if end - start > 1 else sentences[start])
                if explained is None:
                    continue
                others = [self.read(other) for other in sentences[:start] + sentences[end:]]
                # (where the word was seen, 住院结算单上写着封顶线, or who it is explained to, 我奶奶不识字: nothing asked;
                # a guess at what it means, 统筹报销是不是花我个人账户的钱, asks the meaning again; a story asking
                # nothing, 我妈住院医生说起付线要先自己出700, tells where it was heard)
                told = [self.understanding.without_terms(_SEEN_ON.sub(" ", text)) for text in others]
                if all((found := self.understanding.word_explained(text)) is None or found[0] == explained for text in others) \
                        and not any(self.places.named(text) != ([], []) or "product" in (facets := self.understanding.facets(text))
                                    or self.understanding.asks_something(text) and (
                                        set(facets) - {"member"} or self.tools.has_anchor(text) and not _GUESSED_MEANING.search(text)) for text in told):
                    return explained
        return None

    def _word_explained_in(self, question: str) -> str | None:
        """The glossary entry a message asking what one word means asks for, when all else it says is a few words."""
        normalized = self.read(question)
        found = self.understanding.word_explained(normalized)
        if found is None:
            return None
        entry_id, rest = found
        if not rest:
            return entry_id
        # (the place one is insured in, told beside the word alone, asks nothing of it: 我是黑河参保的，起付线啥意思)
        told_of_oneself = self.places.named(rest) != ([], []) and not self.understanding.facets(rest)
        if told_of_oneself:
            rest = _INSURED_THERE.sub(" ", self.places.strip(rest))
        elif self.understanding.asks_the_meaning_outright(normalized):
            # (2025年衢州政策里说的起付线到底是啥意思: the meaning asked outright, wherever and whenever the word was read)
            rest = _A_FIGURE.sub(" ", _SEEN_ON.sub(" ", _A_YEAR.sub(" ", self.places.strip(rest))))  # (…“统筹支付3400”是啥意思: the bill's figure)
            if _GUESSED_MEANING.search(normalized) and self.places.named(rest) == ([], []) \
                    and not set(self.understanding.facets(rest)) - {"member"} and self.understanding.off_topic(normalized) is None:
                return entry_id  # 起负线七百是啥意思，是医院先收我七百押金吗: a guess at the meaning, which the glossary corrects
        english = [word for word in rest.split() if word.isascii()]
        chinese = sum(len(word) for word in rest.split() if not word.isascii())
        if chinese > self.SAID_BESIDE or len(english) > 2 or self.tools.has_anchor(rest) \
                or self.places.named(rest) != ([], []) or set(self.understanding.facets(rest)) - {"member"}:
            return None  # (who asked it, 我奶奶问…起付线是啥意思, asks nothing of them)
        return entry_id

    def language_of(self, question: str) -> str | None:
        return detect_language(self.tools.words_for_letters(question), self.tools.to_simplified, self.tools.to_traditional)

    def _searched(self, question: str, city: str | None, follows: str | None, case: Facets | None) -> SearchResult:
        result = self._nearest_of_the_city(question, self._search_following(question, city, follows))
        if result.outcome != "answered" and result.decline_reason not in self.DECLINES_KEPT \
                and (plain := self._without_figures_it_lacks(question)) is not None \
                and (again := self._kept(plain, city)).outcome == "answered" \
                and set(again.entry.facets.get("product", ())) & self.understanding.facets(plain).get("product", frozenset()):
            result = replace(again, taken_as=plain)  # 惠衢保…起付线是不是也是700块: 惠衢保's own, which is not 700
        if result.decline_reason == "not_in_knowledge" and result.nearest is not None \
                and not any(dimension == "asks" and self.understanding.asks_which_of_two(ask) for dimension, ask in result.missing) \
                and (first := self._first_of_either(question)) is not None \
                and (again := self._kept(first, city)).outcome == "answered" and again.entry == result.nearest:
            # 昭通去大厅办共济是带身份证还是带户口本: the entry lacking the other choice gives the answer (身份证)
            result = replace(again, taken_as=first)
        if case:
            return self._within_the_case(question, city, case, result)
        if follows and result.outcome == "answered" and (held := self._held(follows, question)):
            # 一年最多报多少 after 城乡居民医保 门诊有起付线吗: the resident outpatient cap, not the employee one
            return self._within_the_case(question, city, held, result)
        if follows and result.outcome != "answered" and result.decline_region in (None, NATIONAL) and result.decline_reason != "uncovered_place" \
                and not self.places.names_in(self.read(question)) and (last := self._kept(follows, city)).outcome == "answered" \
                and last.entry.region != NATIONAL:
            # what we cannot answer in a talk about 惠衢保 is for Quzhou's hotline, not the national one
            return replace(result, decline_region=last.entry.region)
        return result

    def _first_of_either(self, question: str) -> str | None:
        """An either-or question (A还是B) with its first choice alone; None for any other question."""
        normalized = self.tools.normalize(question)
        found = _OR_THE_OTHER.search(normalized)
        if found is None or len(_HAN_CHARACTER.findall(normalized[:found.start()])) < 4:
            return None
        return normalized[:found.start()] + normalized[found.end():]

    def _without_figures_it_lacks(self, question: str) -> str | None:
        """A question naming a product and a figure none of that product's answers gives (惠衢保…是不是也是700块, a
        neighbour's figure put forward to check), without that figure; None for any other question."""
        normalized = self.read(question)
        products = self.understanding.facets(normalized).get("product", frozenset())
        figures = [re.compile(rf"(?<![\d.]){re.escape(_UNIT.sub('', figure))}(?![\d.])") for figure in _CHECKED_FIGURE.findall(normalized)]
        if not products or not figures:
            return None
        answers = [self.answer_text[entry.id] for entry in self.searched if products & set(entry.facets.get("product", ()))]
        if any(figure.search(answer) for figure in figures for answer in answers):
            return None
        return _CHECKED_FIGURE.sub(" ", self.tools.normalize(question))

    def _nearest_of_the_city(self, question: str, result: SearchResult) -> SearchResult:
        """A city's gap (衡阳职工住院) is never shown another city's entry as the nearest thing (Quzhou's resident rates
        read as Hengyang's other scheme): the city's own likeliest entry, or none."""
        nearest, region = result.nearest, result.decline_region
        if result.decline_reason != "not_in_knowledge" or nearest is None or region in (None, NATIONAL) \
                or nearest.region in (NATIONAL, region) or region not in self.knowledge.regions:
            return result
        own = next((c.entry for c in self.explain(result.taken_as or question, 10) if c.entry.region == region), None)
        return replace(result, nearest=own)

    def _held(self, previous: str, question: str = "") -> Facets:
        """The scheme and care the previous question (as taken) was about: they hold for the next (not the asker's own
        scheme for a question about a relative: 宝宝自己也得参保吧 after 我是衢州职工医保…)."""
        before = self.read(previous)
        facets = self.understanding.facets(before)
        another = bool(question) and self._of_another_than_the_asker(self.read(question), before)
        return {dimension: values for dimension, values in facets.items()
                if dimension in ("scheme", "care", "condition") and not (another and dimension == "scheme")}

    def _within_the_case(self, question: str, city: str | None, case: Facets, result: SearchResult) -> SearchResult:
        """二级医院起付线是多少来着, asked in a resident's hospital-stay estimate, is the resident inpatient
        deductible, not the employee outpatient table it matches alone: the question is asked again with
        what the case says and it leaves unsaid, when alone it finds no answer or one for another case."""
        normalized = self.read(question)
        named = self.places.names_in(normalized, covered_only=True)
        if named and not (city in self.knowledge.regions and self.knowledge.regions[city].name in named):
            return result  # 衡阳的起付线是多少 in a 衢州 case asks about 衡阳 in general
        asked = self.understanding.facets(normalized)
        unsaid = {dimension: values for dimension, values in case.items()
                  if dimension not in asked and not (dimension == "care" and "condition" in asked)
                  and not (dimension == "scheme" and "status" in asked)}  # 我是退休的: an employee's status
        # (要不要另外申请, 从哪天开始降的: terse, naming nothing, a question about the case's city and care)
        terse = result.outcome == "declined" and self._terse(normalized) and city in self.knowledge.regions and city != NATIONAL
        if not unsaid or result.outcome == "declined" and result.decline_reason not in ("not_in_knowledge", "no_entry_for_city") \
                and not terse:
            return result  # abc, the weather, 杭州's rules: no question of ours, whatever the case
        if result.outcome == "answered" and self._fits(result.entry, unsaid) is not False:
            return result
        if result.outcome != "answered" and not self.understanding.asks_something(normalized) and not self.understanding.asks(normalized):
            return result  # 目录外的有一万多点, 不是低保: told, not asked; the case gives it no question
        lang = "en" if question.isascii() else "zh"
        said = [self.understanding.label(dimension, value, lang) for dimension in FACET_ORDER for value in sorted(unsaid.get(dimension, ()))]
        if terse:
            region = self.knowledge.regions[city]
            said.insert(0, region.name_en if lang == "en" and region.name_en else region.name)
        taken_as = " ".join([*said, question])
        again = self._kept(taken_as, city)
        if again.outcome == "suggested" and again.suggestions and self._fits(again.suggestions[0], unsaid):
            # the likeliest of the entries offered is on the case's scheme and care: the case settles it
            again = replace(again, outcome="answered", entry=again.suggestions[0], suggestions=again.suggestions[1:2])
        # "we lack that for the case" where alone it was no answer or another case's, not where the entries
        # offered alone may hold it (我是退休的，个人账户每月划多少 after a hospital-stay estimate)
        lacking = again.decline_reason in LACKING and result.outcome != "suggested"
        if again.outcome == "answered" and self._basic_insurance_named(normalized) is not None \
                and "basic" not in again.entry.facets.get("product", ("basic",)):
            return result  # (那职工医保自己交一年多少 in a hospital-stay estimate: never 惠衢保's premium, which the case's care leads to)
        if again.outcome == "answered" or lacking:
            return replace(again, taken_as=taken_as)
        if result.outcome == "answered":  # (那住院封顶是多少 after an employee's question: never the resident rule found alone)
            facets = {**asked, **unsaid}
            missing = tuple((dimension, value) for dimension in FACET_ORDER for value in sorted(facets.get(dimension, ())))
            return replace(self._lacking([city] if city in self.knowledge.regions and city != NATIONAL else [], result.entry, missing),
                           taken_as=taken_as)
        return result

    @staticmethod
    def _fits(entry: Entry, case: Facets) -> bool | None:
        """Whether the entry is on the case's facets: False if it declares another value of one, True if
        it declares the case's own of one at least, None if it declares none of them."""
        # (an entry declaring none of a dimension, care: [] for a personal account, is about none of it;
        # but condition: [] says ordinary care, never a chronic disease's)
        declared = [bool(values & set(entry.facets[dimension])) for dimension, values in case.items()
                    if entry.facets.get(dimension) or dimension == "condition" and dimension in entry.facets]
        return None if not declared else all(declared)

    def _of_the_city_just_answered(self, entry: Entry, suggestions: list[Entry], normalized: str, follows: str,
                                   city: str | None) -> bool:
        """手机上咋绑 after Heihe's family aid: the follow-up's entry is of the city the last answer was for, which the
        message names no other place than, while the guesses alone are all other cities' (Quzhou's ways)."""
        if entry.region == NATIONAL or self.places.names_in(normalized) or any(other.region == entry.region for other in suggestions):
            return False
        last = self._kept(follows, city)
        return last.outcome == "answered" and last.entry.region == entry.region

    def _search_following(self, question: str, city: str | None, follows: str | None) -> SearchResult:
        """`follows`: the resident's previous question, a moment ago, as it was taken. The message is
        asked again in its context (_following) when alone it is no question of ours (一年多少钱), leaves
        the city open, only swaps one thing (那衡阳呢), points back (她…) or tells of a relative without a
        product; when it was answered for another city than the one just discussed; and when the
        context picks one of the entries it was unsure between. A question that is ours but
        unanswerable (火星的医保怎么报销) is not. Alone, a mere swap is declined."""
        normalized = self.read(question)
        if follows and self.understanding.only_doubts(normalized) and (last := self._kept(follows, city)).outcome == "answered":
            return replace(last, taken_as=follows)  # 真的吗, which document says so?: that answer again, with its source
        if follows and (told := self._told_for_the_last(normalized, follows, city)) is not None:
            return told
        if follows and (parts := self.reader.story_and_ask(question)) is not None and len(parts[1]) == 1 \
                and self._swap(self.read(parts[1][0])) is not None \
                and not any(self.places.names_in(self.read(told)) or self.understanding.facets(self.read(told)) for told in parts[0]):
            # What about employees? I'm with a company there.: the swap asks; what is told around it names nothing asked
            return self._search_following(parts[1][0], city, follows)
        if follows and (other := self._product_switched(normalized, self.read(follows))) is not None \
                and ((again := self._kept(other, city)).outcome == "answered" or again.decline_reason == "not_in_knowledge"):
            # 那惠衢保呢 after 衢州居民医保一年交多少: 惠衢保一年交多少 (or that it is lacking: 那亲情账户呢 after how many)
            return replace(again, taken_as=other)
        result = self._kept(question, city)
        swaps_only = self._swap(normalized) is not None  # what about employees? says what changes, not what is asked
        # 她去长沙住院也能用吗 after 我衡阳的共济能给我妈用吗: 她 points back, so the last question's context holds
        points_back = self.understanding.leans_on_the_last(normalized) and result.decline_reason != "uncovered_topic" \
            and result.outcome != "answered" or self._care_elsewhere_of_the_last_product(normalized, follows) \
            or self._names_no_product_of_its_own(normalized, result) or self._points_at_the_last_product(normalized)
        # (以前呢 is asked of the last answer only if it tells of a change: _following, never guessed)
        terse = bool(follows) and self._terse(normalized) and not self.understanding.asks_how_it_was(self.places.strip(normalized))
        # 我妈在长沙住院 能用共济吗 after 衡阳的共济: a place we lack, where care is, in a talk about one of our cities
        care_elsewhere = result.decline_reason == "uncovered_place" and bool(result.subject) \
            and self._role_of(normalized, result.subject) == "care" and not self.places.names_in(normalized, covered_only=True)
        # 为啥我妈不能买？她医保是在江西上饶交的 after 惠衢保…: where she is insured, asked of the product just talked of
        insured_elsewhere = result.decline_reason == "uncovered_place" and bool(result.subject) and bool(follows) \
            and self._role_of(normalized, result.subject) == "insurance" and not self._asked(question, normalized).get("product") \
            and bool(self.understanding.facets(self.read(follows)).get("product"))
        incomplete = result.decline_reason == "off_topic" or result.outcome == "need_city" or swaps_only or points_back \
            or terse and result.outcome == "declined" or care_elsewhere or insured_elsewhere
        if follows and terse and not swaps_only and result.outcome != "answered" and self.understanding.asks_of_the_last_answer(normalized) \
                and (about := self._about_the_last_answer(question, follows, city)) and about.outcome == "answered":
            return about  # 从什么时候开始的, Since when?: of the answer just given (its date), before any other entry's
        if follows and incomplete and (again := self._following(question, follows, city, story_too=care_elsewhere or insured_elsewhere
                                                                or self._story_asks_the_last(question, normalized))) is not None \
                and not (again.outcome == "answered" and again.confidence < self.SUGGEST and self._uncovered_place_not_of_care(normalized)) \
                and not (again.outcome == "answered" and again.entry.id not in self.asked_by_insured_elsewhere
                         and self._insured_where_we_lack(normalized)) \
                and not (insured_elsewhere and again.outcome != "answered"):
            # (我妈医保在江西交的，她住院呢 after 衢州居民住院…: Jiangxi's rules, which we lack, never Quzhou's)
            return again  # (a place we do not cover leans on the last only when surely answered then, or named
            # as where care is: Is there something similar in Shanghai? after What is Huiqubao? is no question about
            # Huiqubao; 我妈去长沙看病也能用吗 after 衡阳的共济能给我妈用吗 is about using it there)
        if follows and result.outcome == "need_city" and (again := self._in_the_last_city(question, follows, city)) is not None:
            return again  # 我还有高血压 每个月都要开药 这个能报几成 after 我是衢州的职工医保…: a story of its own, in the city just asked of
        if follows and result.decline_reason == "low_confidence" and (again := self._about_the_last_answer(question, follows, city)):
            return again  # 是哪20种药 after 惠衢保特药怎么赔
        named = self.understanding.facets(normalized)
        if follows and result.decline_reason == "not_in_knowledge" and not result.taken_as and not named.get("product") \
                and result.nearest is not None and (product := self.understanding.product_name(self.read(follows))) \
                and set(self.understanding.facets(product).get("product", ())) & set(result.nearest.facets.get("product", ())):
            # 2022年的保费是多少 after 惠衢保…: lacking, and still about 惠衢保 for the next question (保到哪天)
            result = replace(result, taken_as=f"{product} {question}" if question.isascii() else f"{product}{question}")
        if swaps_only and result.outcome != "declined" and not (result.outcome == "answered" and named.get("scheme") and named.get("care")):
            # (衢州职工看门诊呢 alone names a scheme and a kind of care: enough to be asked as it is)
            return SearchResult("declined", region=result.region, decline_reason="off_topic", decline_region=result.region or NATIONAL)
        if follows and result.outcome == "answered" and result.entry.region != NATIONAL and not self.places.names_in(normalized) \
                and (last := self._kept(follows, city)).outcome == "answered" and last.entry.region not in (NATIONAL, result.entry.region) \
                and (again := self._following(question, follows, city)) is not None \
                and (again.outcome == "answered" and again.entry.region == last.entry.region
                     or again.decline_reason == "no_entry_for_city" and not self.understanding.facets(normalized).get("product")):
            return again  # Heihe's list … How can I check the balance?: Heihe's way, not Quzhou's (查余额打什么电话: Heihe's
            # line, which we lack, is said so; never Quzhou's)
        if follows and result.outcome == "answered" and result.entry.region == NATIONAL and not self.places.names_in(normalized) \
                and (talked_of := {self.places.names[name] for name in self.places.names_in(self.read(follows), covered_only=True)}) \
                and (again := self._following(question, follows, city)) is not None and again.outcome == "answered" \
                and again.entry.region in talked_of and self._same_product(again.entry, result.entry):
            return again  # 那我妈能同时被两个人绑吗 after 湘潭一个人能绑几个: Xiangtan's rule, not the national overview
        if follows and result.outcome == "answered" and (again := self._of_the_same_person(question, result, follows, city)) is not None:
            return again  # 要刷脸吗 after 亲情账户…刚出生的小孙女: the newborn's rule (no face check under 16), not the login's
        if follows and result.outcome == "answered" and (last := self._last_product_left(normalized, result, follows, city)) \
                and (again := self._following(question, follows, city)) is not None \
                and (again.outcome == "answered" and self._same_product(again.entry, last) or again.decline_reason in LACKING):
            return again  # 那要多久才能绑好 after the family account's papers: of binding it (lacking), not the transfer's 15 days
        if follows and (ours := self.places.names_in(normalized, covered_only=True)):
            if all(self._role_of(normalized, name) == "care" for name in ours) \
                    and not self.understanding.facets(normalized).get("scheme") \
                    and (last := self._kept(follows, city)).outcome == "answered" \
                    and last.entry.region not in (NATIONAL, *(self.places.names[name] for name in ours)) \
                    and (again := self._following(question, follows, city)) is not None and again.outcome == "answered":
                return again  # 我妈在湘潭看病能用吗 after 衡阳家庭共济咋绑: Hengyang's family aid, used in Xiangtan (not
                # 那她在衡阳看门诊，退休职工怎么报 after 惠衢保…: a scheme named is that city's basic insurance asked)
        # (a story of its own that we were unsure of, too: 给我爸妈、老婆和孩子都买上行不行 after 惠衢保…)
        if follows and result.outcome == "suggested" and (again := self._following(question, follows, city, story_too=True)) is not None \
                and (again.outcome == "answered" and (again.entry in result.suggestions or terse or again.confidence >= self.SURE_IN_CONTEXT
                                                      or again.entry.group and again.entry.group in {entry.group for entry in result.suggestions}
                                                      or self._of_the_city_just_answered(again.entry, result.suggestions, normalized, follows, city))
                     or again.decline_reason == "not_in_knowledge" and again.nearest in result.suggestions):
            return again  # 亲情账户… 绑好了想解绑怎么弄: of the unbinding rules offered, the conversation's (or its city's of them)
            # (报多少？ after 惠衢保…自费药: none of its own guesses, only the conversation, can tell; 住院一年最多能报多少
            # after 衢州居民…住院: the offered entry, which the conversation shows never says it)
        if follows and result.decline_reason == "off_topic" and (ours := self.places.names_in(normalized, covered_only=True)) \
                and (last := self._kept(follows, city)).outcome == "answered" \
                and (again := self._with_the_whole_last_question(question, follows, city)) is not None \
                and self._same_product(again.entry, last.entry) and not again.several \
                and again.entry.region in {NATIONAL, *(self.places.names[name] for name in ours)}:
            return again  # 我是黑河的，老人不会用手机，打电话查打哪个号 after 医保卡余额从哪查: the balance, by phone, for Heihe
        if terse and result.outcome != "answered":
            return self._with_the_whole_last_question(question, follows, city) or result
        if follows and result.outcome != "answered" and self._tells_more_of_the_last(normalized):
            return self._with_the_whole_last_question(question, follows, city) or result  # 惠衢保我爸能买吗 … 他78了
        if follows and result.outcome != "answered" and self.understanding.leans_on_the_last(normalized) \
                and not named and not self.places.names_in(normalized) \
                and (again := self._with_the_whole_last_question(question, follows, city)) is not None \
                and again.entry == self._kept(follows, city).entry:
            return again  # 那这个要另外去申请吗 after 衡阳慢病自己只出10%…: of that answer, which tells it
        return result

    def _with_the_whole_last_question(self, question: str, previous: str, city: str | None) -> SearchResult | None:
        """A terse question that the last one's context alone does not settle, asked after the whole last
        question (具体怎么交？ after 昭通…个人账户能给我爸交居民医保吗), if that answers it."""
        taken_as = f"{previous} {question}"
        again = self._kept(taken_as, city)
        return replace(again, taken_as=taken_as) if again.outcome == "answered" else None

    def _uncovered_place_not_of_care(self, normalized: str) -> bool:
        """The message names a place we do not cover, other than as where care is."""
        uncovered = self.places.named(normalized)[1]
        return any(self._role_of(normalized, place) != "care" for place in uncovered)

    TERSE_LONGEST = 8  # characters: 报多少, 要填啥, 哪里办, 要另外申请吗
    TERSE_WORDS = 3  # English words: Since when?, Where do I apply?

    TOLD_LONGEST = 12  # characters: 他78了, 她有高血压, 他医保在衡阳的

    def _tells_more_of_the_last(self, normalized: str) -> bool:
        """A short message about the person just spoken of (他78了, 她医保在衡阳的), asking nothing: a detail
        of the question before, which is asked again with it."""
        words = re.sub(r"[\W_]+", "", normalized)
        return 0 < len(words) <= self.TOLD_LONGEST and self.understanding.leans_on_the_last(normalized) \
            and not self.understanding.asks_something(normalized) and not self.understanding.asks(normalized)

    def _terse(self, normalized: str) -> bool:
        """A few words asking something and naming no product, scheme, care, person or place (报多少？,
        哪里办, 要填啥): unsure alone, it can only be about what was just discussed (not 我想吃饭: no question)."""
        words = re.sub(r"[\W_]+", "", normalized)
        short = len(normalized.split()) <= self.TERSE_WORDS if normalized.isascii() else len(words) <= self.TERSE_LONGEST
        return 0 < len(words) and short and (self.understanding.asks_something(normalized) or bool(self.understanding.asks(normalized))) \
            and not self.understanding.facets(normalized) and not self.places.names_in(normalized)

    def _with_what_was_left_unsaid(self, question: str, result: SearchResult) -> SearchResult:
        """An answered question is kept for the next follow-up with the city and scheme its answer was
        for when it left them unsaid (And at a township hospital? was Quzhou's resident rule, so What
        about outpatient visits? asks Quzhou's resident outpatient rates)."""
        if result.outcome != "answered" or result.taken_as or result.compared:
            return result
        entry, normalized = result.entry, self.read(question)
        lang = "en" if question.isascii() else "zh"  # kept in the question's own language, for the next to lean on
        said = []
        if entry.region != NATIONAL and not self.places.names_in(normalized, covered_only=True):
            region = self.knowledge.regions[entry.region]
            said.append(region.name_en if lang == "en" and region.name_en else region.name)
        asked = self.understanding.facets(normalized)
        product = next(iter(entry.facets.get("product", ())), "basic")  # the first declared is what it is about
        if product != "basic" and not asked.get("product"):  # 她刚好16岁，要刷脸吗 was the family account's
            said.append(self.understanding.label("product", product, lang))
        schemes = entry.facets.get("scheme", ())
        if len(schemes) == 1 and not asked.get("scheme"):
            said.append(self.understanding.label("scheme", schemes[0], lang))
        return replace(result, taken_as=" ".join([*said, question])) if said else result

    def _points_at_the_last_product(self, normalized: str) -> bool:
        """它还赔吗, does it still pay, in a message whose only product is care elsewhere (在衢州外面看病): the
        product asked of a moment ago is meant."""
        products = self.understanding.facets(normalized).get("product", frozenset())
        return self.understanding.points_within(normalized) and products <= {"remote-care"}

    def _story_asks_the_last(self, question: str, normalized: str) -> bool:
        """不过她医保在衡阳交的，那还能买吗: a story leaning on the last question, then a terse ask naming no product."""
        return self.understanding.leans_on_the_last(normalized) and not self._asked(question, normalized).get("product") \
            and (parts := self.reader.spoken_parts(question)) is not None and self._terse(self.read(parts[-1]))

    TERSE_FOLLOW_UP = 14  # characters: 我孙子3岁也能绑吗 leans on the last answer; a longer message tells its own case

    def _last_product_left(self, normalized: str, result: SearchResult, follows: str, city: str | None) -> Entry | None:
        """A short follow-up naming no product of its own (那要多久才能绑好, 我孙子3岁也能绑吗), answered alone from
        another product than the answer a moment ago (that answer's entry, returned): it was asked of that product."""
        facets = self.understanding.facets(normalized)
        if set(facets) - {"member", "status"} or self.places.names_in(normalized) or self.understanding.names_our_insurance(normalized):
            return None  # (居民门诊起付线多少, 孩子刚出生，医保要多久内办: a question of its own)
        if len(normalized) > self.TERSE_FOLLOW_UP and not self.understanding.leans_on_the_last(normalized):
            return None
        last = self._kept(follows, city)
        return last.entry if last.outcome == "answered" and not self._same_product(result.entry, last.entry) else None

    def _of_the_same_person(self, question: str, result: SearchResult, follows: str, city: str | None) -> SearchResult | None:
        """A short follow-up naming nobody (要刷脸吗) after a question about someone on a product whose rules differ by
        person (亲情账户…刚出生的小孙女): asked of that person, when an entry for them, not the one alone, answers it."""
        normalized = self.read(question)
        if len(normalized) > self.TERSE_FOLLOW_UP or self.understanding.facets(normalized).get("member"):
            return None
        before = self.understanding.facets(self.read(follows))
        members = before.get("member", frozenset())
        if not members or not before.get("product", frozenset()) & self.member_products:
            return None
        again = self._following(question, follows, city)
        if again is None or again.outcome != "answered" or again.entry == result.entry or again.several:
            return None  # (亲情账户咋解绑 after …两岁…咋绑: the last question is not asked again beside it)
        return again if members & set(again.entry.facets.get("member", ())) else None

    def _names_no_product_of_its_own(self, normalized: str, result: SearchResult) -> bool:
        """About a relative, naming no product, and unclear or elsewhere alone (我儿子在长沙参保的，能绑吗
        after 湘潭的共济能给谁用; not 火星的医保怎么报销, a question of its own)."""
        facets = self.understanding.facets(normalized)
        if facets.get("product"):
            return False
        if result.decline_reason == "uncovered_place" and result.subject and self._role_of(normalized, result.subject) == "care":
            return True  # 买了以后在杭州看病能报吗 after 惠衢保…: 杭州 is where care is, not whose rules are asked
        return bool(facets.get("member")) and result.decline_reason in ("low_confidence", "uncovered_place")

    def _a_relatives_insurance(self, normalized: str, place: str, before: str) -> bool:
        """A place told as where a relative is insured (他们是在衡阳交的医保), in a talk about a product shared with
        relatives (湘潭的家庭共济…): the relative's, not the city the question is asked of."""
        understanding = self.understanding
        if not understanding.facets(before).get("product", frozenset()) & understanding.shared_with_relatives \
                or understanding.facets(normalized).get("product"):
            return False
        clause = next((part for part in _CLAUSE_SPLIT.split(normalized) if place in part), "")
        told_of = clause[:clause.index(place)] if place in clause else ""
        return self._role_of(clause, place) == "insurance" and self._of_a_relative(told_of)

    def _of_a_relative(self, clause: str) -> bool:
        """The clause tells of a relative: it opens with one (他们是…, 我老伴是…) or names one."""
        return self.understanding.tells_of_a_relative(clause) or self.understanding.relative_word(clause) is not None

    def _of_another_than_the_asker(self, normalized: str, before: str) -> bool:
        """宝宝自己也得参保吧 after 我是衢州职工医保…: asked of a relative, while the scheme before was the asker's own."""
        own = [part for part in _CLAUSE_SPLIT.split(before) if self.understanding.facets(part).get("scheme")]
        return bool(own) and all(part.startswith("我") and not self.understanding.tells_of_a_relative(part) for part in own) \
            and self.understanding.tells_of_a_relative(normalized)

    def _scheme_only_a_relatives(self, normalized: str) -> bool:
        """Every scheme the text names is told of a relative (我老伴是城乡居民医保, 她是居民医保)."""
        clauses = [part for part in _CLAUSE_SPLIT.split(normalized) if self.understanding.facets(part).get("scheme")]
        return bool(clauses) and all(map(self._of_a_relative, clauses))

    def _care_elsewhere_of_the_last_product(self, normalized: str, follows: str | None) -> bool:
        """And outside Quzhou? after What does Huiqubao cover?: care elsewhere, named as the only product, asked of the
        product just talked of (one that holds wherever one is treated)."""
        if not follows:
            return False
        understanding = self.understanding
        before = understanding.facets(self.read(follows)).get("product", frozenset())
        # (not And how do I register for care in Hangzhou?: registering is asked, remote care's own)
        named_itself = understanding.told_product_names is not None and understanding.told_product_names.search(normalized)
        leans = understanding.leans_on_the_last(normalized) or normalized.startswith(("and ", "what about ", "how about "))
        return leans and understanding.facets(normalized).get("product") == frozenset({"remote-care"}) and not named_itself \
            and bool(before & understanding.portable_products - {"remote-care"})

    def _insured_where_we_lack(self, normalized: str) -> bool:
        """A place we lack named as where the one asked about is insured (她医保在江西交的)."""
        return any(self._role_of(normalized, place) == "insurance" for place in self.places.named(normalized)[1])

    def _in_the_last_city(self, question: str, previous: str, city: str | None) -> SearchResult | None:
        """The question asked of the one city the last answer was for, when alone it leaves the city open."""
        last = self._kept(previous, city)
        if last.outcome != "answered" or last.entry.region == NATIONAL:
            return None
        region = self.knowledge.regions[last.entry.region]
        return self._in_context([region.name_en or region.name if question.isascii() else region.name], question, city)

    def _following(self, question: str, previous: str, city: str | None, story_too: bool = False) -> SearchResult | None:
        """The question asked again with what the previous one named and it leaves unsaid: the cities
        (or the city its answer was for), the product, and who is concerned (怎么把我妈绑到我手机上 …
        她不在身边可以吗: the mother).
        A question naming a product of its own takes only the cities (衢州… 备案在哪办)."""
        understanding = self.understanding
        normalized = self.read(question)
        before = self.read(previous)
        named_cities = self.places.names_in(normalized, covered_only=True)
        relatives = [name for name in named_cities if self._a_relatives_insurance(normalized, name, before)]
        if relatives and len(relatives) == len(named_cities):
            question = normalized  # (他们是在衡阳交的医保 after 湘潭的共济: insured outside the city asked of, 外地 to its rules)
            for name in relatives:
                question = question.replace(name, "外地")
            normalized = self.read(question)
            story_too = True
        else:
            relatives = []
        if not story_too and self.reader.spoken_parts(question) is not None \
                and (self.tools.has_anchor(normalized) or understanding.facets(normalized).get("product")) \
                and not self._care_elsewhere_of_the_last_product(normalized, previous):
            return None  # a story of its own (我妈72岁了，还有糖尿病，她能买吗 names nothing of ours: it leans on the last)
        if understanding.asks_how_it_was(self.places.strip(normalized)) and not self._a_year_told(normalized):
            # 原来是多少 (以前衡阳…): the last answer, if it tells what it was (那去年呢 asks that year's rule)
            result = self._kept(before, city)
            told = result.outcome == "answered" and understanding.tells_of_a_change(self.answer_text[result.entry.id])
            return replace(result, taken_as=before) if told else None
        if not relatives and (switched := self._switched(normalized, before)) is not None:
            if not self.places.names_in(switched) and (last := self._kept(previous, city)).outcome == "answered" \
                    and last.entry.region != NATIONAL:  # And for outpatient visits? was answered for Quzhou
                switched = f"{self.knowledge.regions[last.entry.region].name} {switched}"
            result = self._kept(switched, city)
            last = self._kept(previous, city)
            if result.outcome == "suggested" and result.suggestions and result.suggestions[0] in (last.entry, last.nearest):
                # 黑河…能给我侄子用吗 (its list the nearest) … 那我外孙女呢: of the entries offered, the one just discussed
                result = replace(result, outcome="answered", entry=result.suggestions[0], suggestions=result.suggestions[1:2])
            return replace(result, taken_as=switched) if result.outcome == "answered" or result.decline_reason in LACKING else None
        # 衡阳可以吗 after 昭通…: not 昭通's; 我妈在湘潭看病能用吗 after 衡阳的共济: still Hengyang's, used in Xiangtan
        names_its_own = any(self._role_of(normalized, name) != "care" for name in self.places.names_in(normalized, covered_only=True))
        places = [] if names_its_own else self.places.left_unsaid(before, normalized, covered_only=True)
        if not names_its_own and len(places) != 1 and (answered := self._kept(previous, city)).outcome == "answered" \
                and answered.entry.region != NATIONAL:
            # 我在杭州住院忘了备案 was answered for Quzhou; 我衢州的账户能给衡阳的爸妈用吗 too (衡阳 is where they are)
            region = self.knowledge.regions[answered.entry.region]
            places = [region.name_en or region.name if question.isascii() else region.name]  # (an English question in English words)
        asked = understanding.facets(normalized)
        if not asked and understanding.switched_detail(normalized) is not None \
                and (about := self._about_the_last_answer(question, previous, city)) is not None:
            return about  # 三级呢 after 衢州居民住院起付线: the whole question before, so that 那职工呢 still asks it
        if understanding.asks_of_the_city(normalized) and not asked.get("product"):
            context = [*places, "医保"] if places else []  # 要打电话问的话打哪个: the city's medical insurance line
        elif asked.get("product") and not self._points_at_the_last_product(normalized) and not relatives \
                and not self._care_elsewhere_of_the_last_product(normalized, previous):
            context = places
        else:
            product = self._product_talked_of(before, previous, question, city)
            if product is not None and not self._may_be_asked_of(understanding.facets(product).get("product", frozenset()), normalized):
                product = None  # 那一个职工最多能绑几个家属 after 衡阳门诊共济…: binding is family aid's, not basic insurance's
            if product is not None and self._basic_insurance_named(normalized) is not None:
                product = None  # 那职工医保自己交一年多少 after 惠衢保…: the basic insurance is named, no other product is meant
            # who is concerned carries over where the rules differ by person (a child's family account)
            differs = understanding.facets(before).get("product", frozenset()) & self.member_products
            member = None if asked.get("member") or not differs else understanding.facet_word(before, "member")
            # …and the scheme, where the last question named one and this one none (衢州居民医保一年交多少 … 政府补多少)
            scheme = None if asked.get("scheme") or self._of_another_than_the_asker(normalized, before) \
                else understanding.facet_word(before, "scheme")
            # …and the care, where the last question was on the basic insurance's (…clinic visits? … how much at most in a year?)
            # (not a chronic disease's outpatient care: 这个从哪天开始算的 after 衡阳慢性病门诊… is of the change it told)
            care = None if asked.get("care") or product or understanding.facets(before).get("condition") \
                else understanding.facet_word(before, "care")
            context = [*places, *filter(None, [product, scheme, care, member])]
            if member and (result := self._in_context([*places, *filter(None, [product, scheme])], question, city)) is not None \
                    and result.outcome == "answered" and (with_member := self._in_context(context, question, city)) is not None \
                    and any(dimension == "asks" and ask in self.understanding.asks(self.read(with_member.taken_as))
                            - self.understanding.asks(self.read(result.taken_as)) for dimension, ask in with_member.missing):
                return result  # (以后不想绑了怎么解除 after 那我弟16岁…: the word for him, carried, would ask whether he counts)
        if context and (result := self._in_context(context, question, city)) is not None:
            return result
        return self._about_the_last_answer(question, previous, city)

    def _in_context(self, context: list[str], question: str, city: str | None) -> SearchResult | None:
        """The question with the context put before it, when that is answered or said to be lacking."""
        # (in Chinese run together: a space would read the context as a story apart from what is asked)
        taken_as = " ".join([*context, question]) if question.isascii() else "".join([*context, question])
        result = self._kept(taken_as, city)
        return replace(result, taken_as=taken_as) if result.outcome == "answered" or result.decline_reason in LACKING else None

    def _may_be_asked_of(self, products: frozenset[str], normalized: str) -> bool:
        """Whether what a follow-up asks of its own (asks_for own_entry: how many may be bound) is asked of one of these
        products: some entry on them is meant to answer it, or nothing it asks is an entry's own."""
        own = [ask for ask in self.understanding.asks(normalized) if self.understanding.own_entry(ask)]
        meant = {product for entry in self.searched for ask in own if ask in self._promised(entry)
                 for product in entry.facets.get("product", ())}
        return not meant or bool(products & meant)

    def _about_the_last_answer(self, question: str, previous: str, city: str | None) -> SearchResult | None:
        """从什么时候开始的, 是哪20种药: a question about the answer just given, naming none of its topic,
        asked with the question before; only when that answer's entry is the question's own likeliest, or
        it asks a thing of its own that entry must tell (so that a message about something else, 我想把
        备案地改成广州 after who may register, never gets the last answer again)."""
        last = self._kept(previous, city)
        if last.outcome != "answered" or self._names_another_city(question, last.entry):
            return None  # (What phone number do I call in Heihe? after Xiangtan's rule asks of Heihe)
        if self._basic_insurance_named(self.read(question)) is not None and "basic" not in last.entry.facets.get("product", ("basic",)):
            return None  # (那职工医保自己交一年多少 after 惠衢保's premium: the basic insurance's, not the answer just given)
        # …or when it asks a thing of its own (从什么时候开始的: a date) that entry tells (the asks check below),
        # or swaps in a detail that answer speaks of (三级呢 after 衢州职工二级医院门诊: its table has 三级 too)
        own = self.explain(question, 1)
        detail = self.understanding.switched_detail(self.read(question))
        spoken_of = detail is not None and detail in self.answer_text[last.entry.id]
        if not (own and own[0].entry.id == last.entry.id) and not spoken_of and not self.understanding.asks(self.read(question)):
            return None
        taken_as = f"{previous} {question}"
        result = self._kept(taken_as, city)
        if result.outcome == "answered" and result.entry == last.entry or result.decline_reason == "not_in_knowledge" and result.nearest == last.entry:
            return replace(result, taken_as=taken_as)
        return None

    def _product_talked_of(self, before: str, previous: str, question: str, city: str | None) -> str | None:
        """The product the question before was about, by name: of family aid and what its money pays for (Can my personal
        account pay for her Huiqubao?), the one its answer is about (Huiqubao)."""
        named = self.understanding.facets(before).get("product", frozenset())
        if len(named) > 1 and self.understanding.shared_with_relatives & named and (last := self._kept(previous, city)).outcome == "answered":
            about = next(iter(last.entry.facets.get("product", ())), None)
            if about in named - self.understanding.shared_with_relatives:
                return self.understanding.label("product", about, "en" if question.isascii() else "zh")
        return self.understanding.product_name(before)

    def _names_another_city(self, question: str, entry: Entry) -> bool:
        named = {self.places.names[name] for name in self.places.names_in(self.read(question), covered_only=True)}
        return bool(named) and entry.region not in named

    def _switched(self, normalized: str, before: str) -> str | None:
        """The question before with the one thing a follow-up swaps (那职工呢 after 衢州居民门诊报销
        比例: 衢州职工门诊报销比例; 那衡阳呢 takes 衡阳 for 黑河), if that is all the follow-up says."""
        swap = self._swap(normalized)
        if swap is None:
            return None
        text = self._with(before, *swap, normalized)
        return text if text != before else None

    def _with(self, before: str, places: list[str], swapped: list[tuple[str, str]], normalized: str) -> str:
        """The question before with a follow-up's place and (dimension, word)s in place of its own."""
        text = before
        if places:
            # (那衡阳呢 after 我在湘潭…儿子在长沙交: our city swapped, the son's place we lack kept; 那要是在长沙呢 after
            # 衡阳的…在深圳看病: the place of care swapped, 衡阳 kept)
            named = list(dict.fromkeys(self.places.names_in(before)))
            old = [name for name in named if bool(self.places.names[name]) == bool(self.places.names[places[0]])] or named
            text = re.sub("|".join(map(re.escape, old)), places[0], text) if old else f"{places[0]} {text}"
        shared = self.understanding.facets(text).get("product", frozenset()) & self.understanding.shared_with_relatives
        age = AGE.search(normalized)
        for dimension, word in swapped:
            if dimension == "relative" and age and not shared:
                # 孙子5岁呢 after 她70了要在旁边吗: the age says which rule (a child's), the relative who
                text = f"{word}{age.group(0)} {AGE.sub(' ', text)}"
                continue
            if dimension == "member" and shared:
                dimension = "relative"  # 岳父呢 after 衡阳的共济能绑几个: whether he may use it, not an adult's rule
            if dimension == "relative":
                old = self.understanding.relative_word(text)
                if old:  # 黑河…能给我弟弟用吗 → 那我小舅子呢
                    text = AGE.sub(" ", text).replace(old, word)  # (an age said was the other person's)
                    continue
                if self.understanding.facet_word(word, "member") and not shared:
                    dimension = "member"  # 那我老公呢 after a child's family account: the adult's rule
                elif shared:
                    # 岳父呢 after 衡阳的共济能绑几个: whether he may use it, in that city and product (not how many)
                    context = " ".join(filter(None, [*dict.fromkeys(self.places.names_in(text)), self.understanding.product_name(text)]))
                    text = f"{context} can my {word} use it" if text.isascii() else f"{context} 能给{word}用吗"
                    continue
                else:
                    text += f" can my {word} use it" if text.isascii() else f" 能给{word}用吗"
                    continue
            if dimension == "member":
                text = AGE.sub(" ", text)
            if dimension == "year":
                last = YEAR.search(text)
                if last:
                    text = text.replace(last.group(0), word)
                else:  # (in Chinese run together, as the context a follow-up takes)
                    text = f"{word} {text}" if text.isascii() else f"{word}{text}"
                continue
            old = self.understanding.facet_word(text, dimension)
            if old and old.endswith("医保") and not word.endswith(("医保", "保险")) and not word.isascii():
                word += "医保"  # 那职工呢 after 衢州居民医保门诊…: 衢州职工医保门诊…, not 衢州职工门诊… (a looser question)
            text = text.replace(old, word) if old else f"{word} {text}"
        return text

    def _told_for_the_last(self, normalized: str, follows: str, city: str | None) -> SearchResult | None:
        """Who the resident is, told after a question (我是衢州的，交的城乡居民医保 after 住院的起付线是多少钱; 昭通的 when
        asked which city; 我是衢州职工): that question asked again as theirs, when it is answered or said to be
        lacking then."""
        understanding = self.understanding
        places = list(dict.fromkeys(self.places.names_in(normalized, covered_only=True)))
        # (who is told of is the teller's family, 我和我老公都在湘潭上班: no person swapped into the question)
        swapped = [(dimension, word) for dimension, word in understanding.facet_words(normalized, SWITCHED_FACETS)
                   if dimension not in ("relative", "member")]
        elsewhere = []
        if len(places) > 1 and len(insured := [place for place in places if self._role_of(normalized, place) == "insurance"]) == 1 \
                and all(self._role_of(normalized, place) == "care" for place in places if place not in insured):
            # 她医保在衡阳，我是在衢州上班: where she is insured is told; where the teller works asks nothing
            places, elsewhere = insured, [place for place in places if place not in insured]
        if len(places) > 1 or not (places or swapped) or len(places) + len(elsewhere) != len(set(self.places.names_in(normalized))):
            return None
        rest = AGE.sub(" ", normalized)
        for word in [*places, *elsewhere, *(word for _, word in swapped)]:
            rest = rest.replace(word, " ")
        if not understanding.only_told_words(rest):
            return None
        before = self.read(follows)
        again = self._with(before, places, swapped, normalized)
        result = self._kept(again, city)
        return replace(result, taken_as=again) if result.outcome == "answered" or result.decline_reason in LACKING else None

    def _product_switched(self, normalized: str, before: str) -> str | None:
        """The question before asked of the one product a follow-up names and nothing else (那惠衢保呢): its
        product, or the scheme it named as the basic insurance (城乡居民医保), swapped for this one."""
        understanding = self.understanding
        if not understanding.marks_a_switch(normalized):
            return None
        named = understanding.facet_words(normalized, ("product",))
        if not named and (scheme := self._basic_insurance_named(normalized)) is not None \
                and understanding.facet_word(before, "product") is not None:
            named = [("product", scheme)]  # 那居民医保呢 after 惠衢保一年多少钱: the basic insurance named by its scheme
        places = self.places.names_in(normalized)
        if len(named) != 1 or any(place not in before for place in places):
            return None  # (那衢州居民医保呢 after 衢州惠衢保…: the city asked before, named again)
        word = named[0][1]
        rest = normalized.replace(word, " ")
        for place in places:
            rest = rest.replace(place, " ")
        if not understanding.only_switch_words(rest):
            return None
        old = understanding.facet_word(before, "product")
        if old is None and (scheme := understanding.facet_word(before, "scheme")) is not None and scheme.endswith("医保"):
            old = scheme
        if old == word:
            return None
        return before.replace(old, word) if old else f"{word}{before}"

    def _basic_insurance_named(self, normalized: str) -> str | None:
        """The basic insurance named by its scheme (职工医保, 居民医保), as written; None when no scheme is named so."""
        scheme = self.understanding.facet_word(normalized, "scheme")
        if scheme is None:
            return None
        named = scheme if scheme.endswith("医保") else f"{scheme}医保"
        # (not 职工医保个人账户: the account is named, which pays for other products too; nor 在衡阳交的职工医保: where one
        # is insured is told, and what is asked may still be the product before)
        told = r"(?<!交的)(?<!缴的)(?<!参保的)(?<!参加的)(?<!是)(?<!买的)"
        stripped = re.sub(r"\s+", "", self.places.strip(normalized))  # (我是衢州职工医保: told, the city aside)
        return named if re.search(rf"{told}{re.escape(named)}(?!的?(?:个人账户|个人帐户|账户|帐户|个账|卡))", stripped) else None

    def _a_year_told(self, normalized: str) -> bool:
        """那去年呢, 那2024年呢: a follow-up swapping only the year."""
        swap = self._swap(normalized)
        return swap is not None and any(dimension == "year" for dimension, _ in swap[1])

    def _swap(self, normalized: str) -> tuple[list[str], list[tuple[str, str]]] | None:
        """(the place, the (dimension, word)s) a message names, if all else it says is switch words (那…呢)."""
        if not self.understanding.marks_a_switch(normalized):
            return None  # most messages: no 那, 呢 or "what about" at all
        places = list(dict.fromkeys(self.places.names_in(normalized)))
        swapped = self.understanding.facet_words(normalized, SWITCHED_FACETS)
        said = [word for _, word in swapped]
        if not swapped and (year := YEAR.search(normalized) or _NOW.search(normalized)):
            swapped, said = [("year", year.group(0))], [year.group(0)]  # 那2024年呢, 那今年的呢 after 衢州居民医保交多少: that year's
        elif not swapped and (relative := self.understanding.relative_year(normalized)) and self.knowledge.as_of is not None:
            year = self.knowledge.as_of.year + relative[1]  # 那明年呢: the year after the one asked in, which we may lack
            swapped, said = [("year", str(year) if normalized.isascii() else f"{year}年")], [relative[0]]
        if not (places or swapped) or len(places) > 1:
            return None
        rest = AGE.sub(" ", normalized)  # 那我老伴呢，她70岁了 / 她72了: her age says she is an adult
        for word in [*places, *said]:
            rest = rest.replace(word, " ")
        # 那…呢 around it: 衢州居民门诊 (or 新生儿 衢州 医保) alone names what it asks about
        marked = self.understanding.marks_a_switch(rest)
        return (places, swapped) if marked and self.understanding.only_switch_words(rest) else None

    @contextmanager
    def _one_question_at_a_time(self) -> Iterator[None]:
        """Within it, what is searched is one question: not split into several again, and not kept (what a part
        finds is not what the same words alone would)."""
        outer, self._apart = self._apart, True
        try:
            yield
        finally:
            self._apart = outer

    def _one_question(self, question: str, city: str | None) -> SearchResult:
        """One side of a comparison asked alone, as one question."""
        with self._one_question_at_a_time():
            return self._search(question, city)

    def _kept(self, question: str, city: str | None) -> SearchResult:
        if self._apart:
            return self._search(question, city)  # (_one_question_at_a_time)
        key = (question, city, self._in_a_talk)
        result = self.results.get(key)
        if result is None:
            result = self._search(question, city)
            if len(self.results) >= self.RESULTS_CACHED:
                del self.results[next(iter(self.results))]  # the oldest
            self.results[key] = result
        # a copy of the one mutable part, so that no caller can alter the kept result
        return replace(result, suggestions=list(result.suggestions), also_asked=list(result.also_asked)) \
            if result.suggestions or result.also_asked else result

    def _on_the_app_named(self, question: str, result: SearchResult) -> SearchResult:
        """支付宝里面查医保个人账户还剩多少钱: the question names an app whose menus are its own; an unsure answer never
        naming it (WeChat's City Services) yields to the first of its runners-up that does."""
        named = self.understanding.apps_used(self.read(question))
        if not named or any(app in self.answer_text[result.entry.id] for app in named):
            return result
        better = next((entry for entry in result.suggestions if any(app in self.answer_text[entry.id] for app in named)), None)
        if better is None:
            return result
        return _led_by(result, better)

    def _on_the_way_named(self, question: str, result: SearchResult) -> SearchResult:
        """黑河交职工医保，人在北京带孙子，手机上怎么绑: the way of doing it is named (on the phone); an unsure answer on
        using the account elsewhere (read so from where the resident lives), which tells of no way, yields to a runner-up
        of its city and product that tells that way."""
        asked = self.understanding.facets(self.read(question))
        ways, entry = asked.get("channel"), result.entry
        # (only where the place one lives made it read as care elsewhere: 收费窗口, 小程序里开证明 name no way to bind)
        if not ways or entry.facets.get("channel") or "remote-care" not in entry.facets.get("product", ()) or asked.get("care"):
            return result
        better = next((other for other in result.suggestions if set(other.facets.get("channel", ())) & ways
                       and other.region == entry.region and set(other.facets.get("product", ())) & set(entry.facets.get("product", ()))), None)
        if better is None:
            return result
        return _led_by(result, better)

    def _city_line_asked(self, question: str, result: SearchResult, city: str | None = None) -> SearchResult:
        """老人想打电话问问衢州医保，号码多少: the one city named (or, none named, the one talked of: which number do we
        ring about her claim, after a Quzhou estimate) has an entry telling what is asked of every city (its line),
        which answers before a nationwide entry that only shares words with the story (the balance by phone), and
        where the story's words leave the search unsure (胃癌要问特药，衢州医保电话是多少)."""
        national = result.outcome == "answered" and result.entry.region == NATIONAL
        if not (national or result.outcome == "suggested" or result.decline_reason == "low_confidence"):
            return result
        normalized = self.read(question)
        understanding = self.understanding
        covered, uncovered = self.places.named(normalized)
        if not covered and not uncovered and city in self.knowledge.regions and city != NATIONAL:
            covered = [city]
        if len(set(covered)) != 1 or national and understanding.facets(normalized).get("product") \
                or not understanding.asks_of_the_city(normalized):
            return result
        asks = set(filter(understanding.of_the_city, understanding.asks(normalized)))
        own = next((entry for entry in self.knowledge.entries.values()  # (of no product: the city's own, not 惠衢保's counter)
                    if entry.region == covered[0] and not entry.facets.get("product") and asks <= self._promised(entry)), None)
        return SearchResult("answered", own, max(result.confidence, self.SUGGEST), region=covered[0]) if own is not None else result

    def _unless_lacking(self, question: str, city: str | None, result: SearchResult) -> SearchResult:
        """The answer, unless what the question asks is what the knowledge lacks (an ask the entry never says, another
        year, a place or group we lack beside it)."""
        for unless in (self._unless_unanswered, lambda q, r: self._unless_the_ask_is_lacking(q, city, r),
                       self._unless_the_other_one_is_lacking, self._unless_years_before_are_asked,
                       self._unless_compared_with_a_place_we_lack, self._unless_a_group_we_lack_asks_for_more):
            if result.outcome != "answered":
                break
            result = unless(question, result)
        return result

    def _search(self, question: str, city: str | None) -> SearchResult:
        question = self.reader.without_whereabouts(question) or question  # (我在外地，…: where the asker is, not what is asked)
        result = self._city_line_asked(question, self._decide(question, city), city)
        if result.outcome == "answered" and result.suggestions and result.confidence < self.ANSWER:
            result = self._on_the_way_named(question, self._on_the_app_named(question, result))
        if result.outcome == "suggested" and (focused := self.reader.focus(question)):
            # A story around the question split the lead: the asking parts alone may settle on one
            # of the suggestions (那个惠衢保还要我自己拿着发票去保险公司报吗).
            again = self._decide(focused, city)
            if again.outcome == "answered" and again.entry in result.suggestions:
                # (…newborn has no ID card yet. What details do I enter…: of the suggestions, one saying what the whole
                # message asks, before the one the asking part alone ranks first)
                whole = self.read(question)
                answering = [entry for entry in result.suggestions if self._unanswered_ask(entry, whole) is None]
                result = again if again.entry in answering or not answering else replace(again, entry=answering[0])
        if result.outcome == "suggested":
            result = self._answering_suggestion(question, result)
        if result.outcome == "suggested" or result.decline_reason == "low_confidence":
            result = self._led_by_its_own_ask(question, result)
        elif result.outcome == "need_city":  # 我能拿我的医保卡给他刷吗: the rule on cards is the same in every city
            led = self._led_by_its_own_ask(question, result)
            if led.outcome == "answered" and led.entry.region == NATIONAL:
                result = led
        if result.decline_reason == "low_confidence":
            result = self._told_by_a_citys_list(question, result)
        if result.outcome != "answered":
            result = self._relative_insured_elsewhere(question, result)
        if result.outcome == "suggested" and result.suggestions:
            # 黑河…能给我侄子看病用吗: whichever was meant, what is asked is what the likeliest never says
            lacking = self._unless_unanswered(question, replace(result, outcome="answered", entry=result.suggestions[0]))
            if lacking.outcome == "declined":
                return lacking
        result = self._unless_lacking(question, city, result)
        if result.decline_reason == "not_in_knowledge":
            result = self._each_side_told(question, city, result)
        read = self.read(question)
        if result.outcome == "answered" and (compared := self.places.compared(read) or self.places.likened_and_asked(read)):
            result = self._each_city_apart(result, compared)
        for dimension in ("scheme", "product", "care", "status"):  # 居民和职工…, 惠衢保和大病保险哪个报的多, 住院和门诊各报多少, 在职的和退休的
            if result.outcome == "answered" and (joined := self.understanding.compared(read, dimension)) \
                    and not self._tells_how_they_relate(question, result.entry):
                result = self._each_one_apart(question, city, result, joined)
        if result.outcome == "answered" and not (result.compared or result.several or self._apart) \
                and (words := self.understanding.named_apart(read, "scheme")) is not None:
            result = self._each_scheme_apart(question, city, result, words)
        if not (result.compared or result.several or self._apart) and (sides := self.understanding.members_apart(read)):
            result = self._each_member_apart(city, result, sides)
        if result.outcome != "answered" or not self._tells_how_they_relate(question, result.entry):
            result = self._each_product_told(question, city, result)
        if not (result.compared or result.several or self._apart):
            result = self._each_side_asked(question, city, result)
        if result.outcome == "answered" and not result.also_asked:
            result = self._the_other_way(question, result)
        if result.outcome == "answered" and result.confidence < self.UNEXPLAINED_BELOW:
            result = self._unless_unexplained(question, result)
        if result.decline_reason == "not_in_knowledge" and (lacking := {value for dimension, value in result.missing if dimension == "asks"}):
            # what the best match never says, one entry asks itself (长期透析，备案的地方要从杭州改到宁波: not the dialysis rules)
            result = self._led_by_its_own_ask(question, result, only=lacking)
        elif result.decline_reason == "not_in_knowledge" and result.missing:
            # no entry of all the facets named (衢州居民…去外省住院起付线按那边的还是按衢州的), but one asking
            # what is asked, of none of them contradicted
            result = self._led_by_its_own_ask(question, result)
        if (result.outcome == "suggested" or result.decline_reason in ("low_confidence", "not_in_knowledge", "uncovered_topic")
                or result.outcome == "answered" and not result.compared and not result.also_asked) \
                and not self._apart and not self._ours_named_only_as_a_likeness(question, result) \
                and (questions := self.reader.several_questions(question)):
            each = self.understanding.asks_each_part(read)
            several = self._each_question_apart(questions, city, sure_of_all=result.outcome == "answered" and result.confidence >= self.ANSWER
                                                and not each, each_asked=each,
                                                lack=result if result.decline_reason == "not_in_knowledge" else None)
            if several is not None:
                return several
        if result.outcome == "answered" and not (result.also_asked or result.compared) \
                and self._one_citys_basic_rule_unasked(result.entry, question, city):
            return SearchResult("need_city", None, result.confidence, suggestions=[result.entry])
        return self._with_what_was_left_unsaid(question, result)  # (kept with the result: worked out once)

    def _told_of_another_city(self, question: str, result: SearchResult) -> SearchResult:
        """衢州居民住院一级医院报85%，衡阳居民住院报多少: what one of our cities does is told first, then another city is
        asked of, which the knowledge lacks. The told city's own entry answers, under a line saying that the city
        asked is lacking (with its line): the resident can check the measure they compare with, never read as the
        asked city's."""
        covered, _ = self.places.named(self.read(question))
        if len(covered) != 2 or (result.decline_region or result.region) != covered[1]:
            return result
        told, asked = covered
        # (the parts as typed: reading a message rewrites its punctuation; an English sentence is one part)
        split = _SENTENCE_PARTS if re.search(r"[a-zA-Z]{3}", question) else _CLAUSE_SPLIT
        clauses = [clause for clause in split.split(question) if clause.strip()]
        regions = [self.places.named(self.read(clause))[0] for clause in clauses]
        first_asked = next((i for i, named in enumerate(regions) if asked in named), 0)
        if {region for named in regions[:first_asked] for region in named} != {told}:
            return result
        told_part = "，".join(clauses[:first_asked])
        lead = self._one_question(told_part, None)
        if lead.outcome != "answered" or lead.entry.region != told or lead.confidence < self.ANSWER or lead.also_asked:
            return result
        # (what the told entry is about, as the lack: its scheme says which basic insurance, else its product)
        about = ("scheme", "care") if lead.entry.facets.get("scheme") else ("product", "care")
        missing = result.missing or tuple((dimension, value) for dimension in about for value in sorted(lead.entry.facets.get(dimension, ())))
        return SearchResult("answered", lead.entry, lead.confidence, region=asked, missing=missing, lacking_for=asked)

    def _each_city_apart(self, result: SearchResult, regions: list[str]) -> SearchResult:
        """黑河和湘潭的共济都能给兄弟姐妹用吗: one city's answer would read as both cities' (Heihe says yes,
        Xiangtan no), so each city's own entry is answered apart; a city without one gets none."""
        members: list[Entry] = []
        for region in regions:
            member = self._member_for(result.entry, [region])
            if member is not None and member.region == region and member not in members:
                members.append(member)
        if not members or result.entry.region not in (*regions, NATIONAL):
            return result  # a national answer the same everywhere (no city has its own), or another city's
        lacking = tuple(region for region in regions if all(member.region != region for member in members))
        return SearchResult("answered", members[0], result.confidence, also_asked=members[1:], compared=True, lacking_cities=lacking)

    def _each_side_told(self, question: str, city: str | None, result: SearchResult) -> SearchResult:
        """衢州职工看门诊和居民看门诊，一年最多报的钱差多少: no entry says how two things compare, but each side's
        own figure is said; what the question asks of each side is answered (by one answer naming both sides, or by
        an entry for each), and the resident compares them. A side the knowledge lacks keeps the lack said."""
        asks = [value for dimension, value in result.missing if dimension == "asks"]
        if not asks or not all(self.understanding.compares(ask) for ask in asks):
            return result
        normalized = self.read(question)
        rest = self.understanding.without_comparing(normalized)
        if not rest or rest == normalized:
            return result
        whole = self._kept(rest, city)
        sides = self.understanding.sides(rest)
        if whole.outcome == "answered" and (whole.compared or whole.confidence >= self.ANSWER and self.understanding.gives_each_side(
                self.places.strip(normalized), self.answer_text[whole.entry.id])
                and not (sides and any(conflicts(whole.entry.facets, self.understanding.facets(side)) for side in sides[1]))):
            return whole  # (one entry naming both sides, neither of which it is not about: 职工 … 居民 is two entries)
        if sides is None:
            return result
        span, words = sides
        answers: list[SearchResult] = []
        for word in words:
            asked = rest.replace(span, word)
            alone = self._one_question(" ".join([*self.places.left_unsaid(rest, asked, covered_only=True), asked]), city)
            if alone.outcome != "answered" or alone.also_asked:
                return result
            if all(alone.entry is not other.entry for other in answers):
                answers.append(alone)
        if len(answers) < 2:
            return result
        return SearchResult("answered", answers[0].entry, min(side.confidence for side in answers),
                            also_asked=[side.entry for side in answers[1:]], region=answers[0].region, compared=True)

    def _each_side_asked(self, question: str, city: str | None, result: SearchResult) -> SearchResult:
        """惠衢保和衢州居民医保，一年各自交多少 / 衢州居民门诊起付线和职工门诊起付线各是多少: two things joined and each
        asked of, not of one dimension (or not side by side); each side is asked alone, and answered apart, a side the
        knowledge lacks said to be lacking, unless one answer already gives both sides."""
        if result.decline_reason in ("uncovered_topic", "off_topic", "uncovered_place"):
            return result  # (单位医保和新农合能不能两个都交: insured twice is not ours, whichever side is named)
        normalized = self.read(question)
        sides = self.understanding.each_side(normalized)
        if sides is None or self.understanding.asks_how_they_relate(normalized) or result.outcome == "answered" and all(
                self._of_what_it_names(result.entry, side) for side in sides):
            return result
        # (a message found lacking as a whole is answered by its sides only when each side is: 昭通职工和居民报销比例哪个高)
        apart = self._each_question_apart([(side, side) for side in sides], city, sure_of_all=result.outcome != "answered")
        return replace(apart, several=False, compared=True) if apart is not None else result

    def _of_what_it_names(self, entry: Entry, side: str) -> bool:
        """The entry is about everything the side names of the dimensions that tell sides apart (居民医保: resident)."""
        read = self.read(side)
        named = self.understanding.facets(read)
        if not all(set(values) & set(entry.facets.get(dimension, ())) for dimension, values in named.items()
                   if dimension in self.understanding.EACH_SIDE_DIMENSIONS):
            return False
        # (门诊慢性病跟门诊特殊病种: one condition by two words; the entry tells of the side's own word)
        words = self.understanding.words_apart(read)
        return not words or all(word in self.tools.normalize(f"{entry.question} {entry.answer}") for word in words)

    def _the_other_way(self, question: str, result: SearchResult) -> SearchResult:
        """黑河共济是不是只能手机上办: whether the way the entry tells of is the only one is asked; the entry on the
        other way (at the counter), for the same city and product, is told beside it."""
        entry = result.entry
        ways = set(entry.facets.get("channel", ()))
        if not ways or not self.understanding.asks_if_the_only_way(self.read(question), ways):
            return result
        for other in self.knowledge.entries.values():
            if other.region == entry.region and other.facets.get("product") == entry.facets.get("product") \
                    and other.facets.get("channel") and not set(other.facets["channel"]) & ways:
                return replace(result, also_asked=[other], compared=True)
        return result

    def _tells_how_they_relate(self, question: str, entry: Entry) -> bool:
        """The question asks something the entry says (惠衢保和基本医保有什么区别: the entry on what 惠衢保
        is tells how it tops up basic insurance), not each one's own figure."""
        normalized = self.read(question)
        return self.understanding.asks_how_they_relate(normalized) and self._unanswered_ask(entry, normalized) is None

    def _each_product_told(self, question: str, city: str | None, result: SearchResult) -> SearchResult:
        """亲情账户跟家庭共济有什么区别 / are they the same thing?: no entry compares two of our products, but
        what each one is tells them apart; each product's own "what is" answer is given, side by side."""
        normalized = self.read(question)
        joined = self.understanding.compared(normalized, "product")
        if joined is None or not self.understanding.asks_how_they_relate(normalized):
            return result
        told: list[Entry] = []
        for word in joined[1]:
            alone = self._kept(f"什么是{word}", city)
            if alone.outcome != "answered" or alone.entry in told:
                return result
            told.append(alone.entry)
        return SearchResult("answered", told[0], result.confidence or self.ANSWER, also_asked=told[1:], compared=True)

    def _each_one_apart(self, question: str, city: str | None, result: SearchResult, joined: tuple[str, list[str]]) -> SearchResult:
        """衢州居民和职工门诊最高报多少 (or two products): the question asked of each alone; answered by one
        entry it stays answered, by two (or one and nothing) each is answered apart."""
        span, words = joined
        normalized = self.read(question)
        answers: list[Entry] = []
        for word in words:
            alone = self._one_question(normalized.replace(span, word), city)
            if alone.outcome == "answered" and alone.entry not in answers:
                answers.append(alone.entry)
        if answers == [result.entry] and len(words) == len(answers) or not answers:
            return result
        return SearchResult("answered", answers[0], result.confidence, also_asked=answers[1:], region=result.region, compared=True)

    def _each_scheme_apart(self, question: str, city: str | None, result: SearchResult, words: list[str]) -> SearchResult:
        """衢州职工门诊最高支付限额是不是比居民高，各多少: both schemes named apart and each asked of: the question asked
        of each scheme alone (the other's word left out); answered by one entry it stays answered, by two each apart."""
        normalized = self.read(question)
        sides = []
        for word in words:
            alone = normalized
            for other in words:
                if other != word:
                    alone = alone.replace(other, "")
            sides.append(alone)
        answers = self._each_sides_entries(sides, city)  # (None: a side we lack; the message as answered, with what that says)
        if answers is None or len(answers) < 2 or result.entry not in answers:
            return result
        return SearchResult("answered", answers[0], result.confidence, also_asked=answers[1:], region=result.region, compared=True)

    def _each_member_apart(self, city: str | None, result: SearchResult, sides: list[str]) -> SearchResult:
        """亲情账户给小孩加跟给老人加有啥区别: a child and a grown-up weighed; each side's own entry answers, both shown
        (the message as found when a side is not answered, or both sides are one entry)."""
        answers = self._each_sides_entries(sides, city)
        if answers is None or len(answers) < 2:
            return result
        return SearchResult("answered", answers[0], max(result.confidence, self.ANSWER), also_asked=answers[1:],
                            region=answers[0].region, compared=True)

    def _each_sides_entries(self, sides: list[str], city: str | None) -> list[Entry] | None:
        """The entries answering each side asked alone, each once, in order; None when a side is not answered."""
        answers: list[Entry] = []
        for side in sides:
            found = self._one_question(side, city)
            if found.outcome != "answered":
                return None
            if found.entry not in answers:
                answers.append(found.entry)
        return answers

    def _unless_the_other_one_is_lacking(self, question: str, result: SearchResult) -> SearchResult:
        """A message naming both schemes, or both kinds of care, (我是居民…他是职工，他住院能报多少；
        上个月门诊报了点钱，现在要住院了，起付线多少) is not answered with the one's rules when the
        knowledge has none for the other: which is asked cannot be told apart, and one of them is lacking."""
        entry, asked = result.entry, self.understanding.facets(self.read(question))
        # (two schemes' rule on a product with no care of its own, 职工大病保险跟居民大病保险: the product is what is kept)
        scheme_beside = "care" if entry.facets.get("care") else "product"
        for dimension, beside in (("scheme", scheme_beside), ("care", "scheme")):
            named, declared = asked.get(dimension, frozenset()), set(entry.facets.get(dimension, ()))
            others, kept = named - declared, set(entry.facets.get(beside, ()))
            if len(named) < 2 or not declared or not others or dimension == "scheme" and not kept:
                continue
            if any(other.region == entry.region and set(other.facets.get(dimension, ())) & others
                   and (not kept or set(other.facets.get(beside, ())) & kept)  # …for the same scheme (care) asked
                   for other in self.searched):
                continue
            missing = tuple((d, value) for d in FACET_ORDER if d in (dimension, beside)
                            for value in sorted(others if d == dimension else kept))
            return SearchResult("declined", region=entry.region, decline_reason="not_in_knowledge", decline_region=entry.region,
                                missing=missing, nearest=entry)
        return result

    def _unless_the_ask_is_lacking(self, question: str, city: str | None, result: SearchResult) -> SearchResult:
        """A story answered by what it tells (共济我已经办好了…), whose asking parts, asked alone of the
        cities the story names, are a question the knowledge lacks (现在想问黑河的异地就医备案怎么办):
        that is said, not the story's subject answered."""
        ask = self.reader.asking_parts(question)
        if not ask or ask.isascii() or not (self.reader.mentions_domain(ask) or self.understanding.facets(ask)):
            return result  # (an English message's first sentence often names the subject its questions ask about)
        whole = self.read(question)
        places = self.places.left_unsaid(whole, ask, covered_only=True)
        again = self._decide(" ".join([*places, ask]), city)
        if again.outcome != "declined" or again.decline_reason not in LACKING or (again.nearest is not None and again.nearest.id == result.entry.id):
            return result
        if again.decline_reason == "uncovered_place" and self.places.only_relatives_insured_there(whole, self.understanding):
            return result  # (whose place is whose is read in the whole message: 在昭通上班交职工医保，老婆在贵州参保能绑她吗)
        # …unless the asking parts leave the story's product to be understood (共济…帮我妈交居民医保费要怎么弄)
        product = None if self.understanding.facets(ask).get("product") else self.understanding.product_word(whole)
        if product is not None:
            with_product = self._decide(" ".join([*places, product, ask]), city)
            if with_product.outcome == "answered" and with_product.entry.id == result.entry.id:
                return result
        return again

    def _answering_suggestion(self, question: str, result: SearchResult) -> SearchResult:
        """Of the suggestions for a question asking a thing of its own (asks_for own_entry: 拿我的
        医保卡去刷行不行), the first that says or is meant to say it answers; the others stay offered."""
        normalized = self.read(question)
        understanding = self.understanding
        if not any(understanding.own_entry(ask) for ask in understanding.asks(normalized)):
            return result
        for entry in result.suggestions:
            if self._unanswered_ask(entry, normalized) is None:
                others = [other for other in result.suggestions if other is not entry][:2]
                return replace(result, outcome="answered", entry=entry, suggestions=others)
        return result

    def _ours_named_only_as_a_likeness(self, question: str, result: SearchResult) -> bool:
        """丽水有没有类似惠衢保的补充医疗保险？保费多少？: ours names the neighbour asked (类似惠衢保); every question
        of the message is the neighbour's."""
        if result.decline_reason != "uncovered_topic":
            return False
        neighbour = self.understanding.off_topic(self.read(question))
        return neighbour is not None and bool(self.understanding.facets(self.tools.normalize(neighbour[1])).get("product"))

    def _each_question_apart(self, questions: list[tuple[str, str]], city: str | None, sure_of_all: bool = False,
                             lack: SearchResult | None = None, each_asked: bool = False) -> SearchResult | None:
        """Several questions in one message (惠衢保多少钱？在哪买？我妈78了能买吗), each answered alone and
        shown in turn; None unless each is answered (one we cannot answer would go unsaid) by an entry of
        its own, or asks a neighbouring subject, which the answer names as not ours (or, `each_asked`: 分别, one we are
        unsure of, which the answer names as unanswered).

        Each question comes with what the message around it lends it and as typed: where one of them asks a
        neighbour, each answer must stand on its own words (惠衢保能退保吗？能退多少钱？: the refund is asked
        twice, not the premium). `lack`: the whole message's decline, when it was found lacking: a part unsure alone
        that asks what it lacks is that lack."""
        with self._one_question_at_a_time():
            results = [self._search(part, city) for part, _ in questions]
            lent = self.understanding.product_word(self.read(" ".join(alone for _, alone in questions)))
            results = self._each_on_its_own_subject(results, questions, city, lent)
            # (衡阳绑共济要上传户口本吗？具体怎么绑: a part unsure alone, asking what the whole message was found to lack, is
            # that lack, when the others are answered by the entry found to lack it: what they lean on is that entry's)
            of_the_lack = lack is not None and lack.nearest is not None \
                and all(r.entry == lack.nearest for r in results if r.outcome == "answered")
            if of_the_lack:
                results = [replace(r, decline_reason="not_in_knowledge") if r.decline_reason == "low_confidence"
                           and self._asks_what_is_lacking(self.read(alone), lack.missing) else r for r, (_, alone) in zip(results, questions)]
            if any(r.outcome != "answered" and not (of_the_lack and r.decline_reason == "not_in_knowledge") for r in results):
                # (丽水有没有类似惠衢保的补充医疗保险？保费多少？: the premium asked is the neighbour's, not ours)
                results = [r if r.outcome != "answered" or self._search(alone, city).entry == r.entry
                           else replace(r, outcome="declined", entry=None, decline_reason="low_confidence")
                           for r, (_, alone) in zip(results, questions)]
        # (宠物医疗险也叫什么惠保，给猫买的，是不是跟惠衢保一家的，多少钱: a part naming the neighbour another part asks
        # of asks of it too, even as a cost ours may pay: 我爸个人账户的钱能给我买重疾险吗，我自己的商业保险该怎么挑)
        neighbours = {r.subject for r in results if r.decline_reason == "uncovered_topic"}
        results = [replace(r, outcome="declined", entry=None, decline_reason="uncovered_topic", subject=named[0])
                   if r.outcome == "answered" and (named := self.understanding.off_topic(self.read(alone), excusing=False)) and named[0] in neighbours
                   else r for r, (_, alone) in zip(results, questions)]
        answered = [r for r in results if r.outcome == "answered"]
        # (黑河共济哪些亲戚可以用？顺便问下黑河公积金怎么提取: ours is answered, the housing fund named as not ours)
        unanswered = [r for r in results if r.outcome != "answered"]
        if not answered and len({(r.decline_reason, r.missing) for r in results}) == 1 and results[0].decline_reason == "not_in_knowledge":
            return results[0]  # 衢州居民住院一年最多能报多少钱？有没有封顶: one lack, asked twice
        # (what nothing ranks for may be what the message is about: 醫療保障法是哪一年通過的？現在生效了嗎 is not ours)
        if not answered or any(r.decline_reason not in self.SAID_AS_LACKING and not (each_asked and r.outcome == "suggested")
                               for r in unanswered):
            return None
        left_out = tuple(dict.fromkeys(r.subject for r in unanswered if r.decline_reason == "uncovered_topic" and r.subject))
        # (衢州职工门诊一级报多少？职工住院又报多少: the one is answered, the other said to be unanswered, never guessed)
        unsure = tuple(dict.fromkeys(alone.strip(" ，,。？?") for r, (_, alone) in zip(results, questions)
                                     if r.outcome != "answered" and not (r.decline_reason == "uncovered_topic" and r.subject)))
        # (衢州哪里配助听器便宜？医保有补贴吗: a question naming nothing of ours asks of the neighbour before it)
        answered = [r for r, (_, alone) in zip(results, questions) if r.outcome == "answered"
                    and (not left_out or {"product", "scheme"} & set(self.understanding.facets(self.read(alone))))]
        if not answered:
            return None
        if unsure and (sure_of_all or any(r.confidence < self.ANSWER for r in answered)):
            return None  # (an answer to the whole message is kept; a part answered unsurely is no answer beside a lack)
        entries = list({r.entry.id: r.entry for r in answered}.values())
        if len(entries) < 2 and not left_out and not unsure:
            return None
        return replace(answered[0], also_asked=entries[1:], several=True, suggestions=[], left_out=left_out, unanswered=unsure)

    def _each_on_its_own_subject(self, results: list[SearchResult], questions: list[tuple[str, str]], city: str | None,
                                 lent: str | None) -> list[SearchResult]:
        """惠衢保一年多少钱？居民医保个人缴多少: the product lent to a later part that names none brought it back to an
        earlier part's entry; asked without it, that part is answered by its own subject's entry (an entry it is
        surely about, another than the earlier one's)."""
        if lent is None:
            return results
        kept = list(results)
        for i, (result, (asked, alone)) in enumerate(zip(results, questions)):
            if i == 0 or result.outcome != "answered" or all(r.entry != result.entry for r in kept[:i]) \
                    or f"{lent} " not in asked or lent in alone:
                continue
            own = self._search(asked.replace(f"{lent} ", "", 1), city)
            if own.outcome == "answered" and own.confidence >= self.ANSWER and all(r.entry != own.entry for r in kept[:i]):
                kept[i] = own
        return kept

    def _asks_what_is_lacking(self, normalized: str, lacking: tuple[tuple[str, str], ...]) -> bool:
        """The text asks for one of the things a decline said the knowledge lacks (`missing`: an ask, or a detail named)."""
        asks = set(self.understanding.asks(normalized))
        return any(dimension == "asks" and value in asks or dimension == "detail" and value in normalized for dimension, value in lacking)

    # a question of several that these decline is ours but lacking, or a neighbour's: the others are still answered
    SAID_AS_LACKING = ("uncovered_topic", "not_in_knowledge", "no_entry_for_city", "uncovered_place")

    UNEXPLAINED_LONGEST = 24  # characters: a longer question tells a story around what it asks (小伙在广州打工)

    @staticmethod
    def _lacking(covered: list[str], entry: Entry, missing: tuple) -> SearchResult:
        """"The knowledge lacks `missing`", for the city named (else the entry's), with the entry as the nearest."""
        return SearchResult("declined", region=covered[0] if covered else None, decline_reason="not_in_knowledge",
                            decline_region=covered[0] if covered else entry.region, missing=missing, nearest=entry)

    def _unless_years_before_are_asked(self, question: str, result: SearchResult) -> SearchResult:
        """新农合以前每年交多少钱: the years before are asked, and the entry holds one year's figures and tells of no
        change: they are not what is asked; say the knowledge lacks them, the entry as the nearest."""
        normalized = self.read(question)
        word = self.understanding.past_asked(normalized)
        if word is None or not result.entry.facets.get("year") or self.understanding.tells_of_a_change(self.answer_text[result.entry.id]):
            return result
        return self._lacking(self.places.named(normalized)[0], result.entry, (("detail", word),))

    def _unless_compared_with_a_place_we_lack(self, question: str, result: SearchResult) -> SearchResult:
        """衢州居民医保跟金华的比，住院哪个报得多: our city's rules alone answer no comparison with a place we lack;
        say what is lacking, with our entry as the nearest."""
        normalized = self.read(question)
        covered, uncovered = self.places.named(normalized)
        for place in uncovered:
            name = re.escape(place)
            if re.search(rf"(?:跟|和|与|同)\s*{name}[^,，。?？\s]{{0,4}}?(?:比|相比|比较|对比)|(?:比起|对比)\s*{name}|比\s*{name}[^,，。?？\s]{{0,3}}?(?:多|少|高|低|好|强|划算)", normalized):
                return self._lacking(covered, result.entry, (("detail", place),))
        return result

    def _unless_a_group_we_lack_asks_for_more(self, question: str, result: SearchResult) -> SearchResult:
        """我是军人家属…个人缴费有没有减免: a group of people the knowledge never names, asking for a reduction or
        more cover, is not answered by the rule for everyone (or for another group); say it is lacking."""
        normalized = self.read(question)
        # (who they are is often told before the ask, in a part the reading leaves out: 我是军转干部，…是不是比一般的多)
        group = self.understanding.unlisted_group(normalized) or self.understanding.unlisted_group(self.tools.normalize(question))
        if group is None or group in self.answer_text[result.entry.id] or not self.understanding.asks_for_more(normalized):
            return result
        covered, _ = self.places.named(normalized)
        return self._lacking(covered, result.entry, (("detail", group),))

    def _unless_unexplained(self, question: str, result: SearchResult) -> SearchResult:
        """A short question answered without much certainty, naming a thing its entry never speaks
        of (衢州异地就医备案需要单位盖章吗: 盖章), asks a detail the knowledge lacks: say so, with
        the entry as the nearest thing. (A long spoken story names many things; it is let be.)"""
        if self.reader.spoken_parts(question) is not None or len(self.read(question)) > self.UNEXPLAINED_LONGEST:
            return result
        entry = result.entry
        normalized = self.read(question)
        if self.understanding.asks_of_the_city(normalized) and any(map(self.understanding.of_the_city, self._promised(entry))):
            return result  # 肺癌特药的事，衢州医保电话打哪个: the number is asked; the rest is what the call is about
        text = self.entry_text.get(entry.id)
        if text is None:
            text = self.entry_text[entry.id] = " ".join((*self._phrasings(entry), self.answer_text[entry.id]))
        plain = self.understanding.plain_word
        words = (word.strip(self.MODALS) for word in self.tools.analyze(self.places.strip(normalized))[0])
        common = self.tools.is_common_word  # a piece the segmenter cut (序上 of 小程序上) is no word the resident wrote
        # (a word naming a value of a dimension the entry leaves open is no detail it lacks: 住院 for the rule of
        # care elsewhere, which holds for every kind of care)
        # (nor a word naming the way it is done, 网上, 线下, or part of one, 上网 of 不会上网: an entry of another way would
        # have clashed already)
        open_words = {word for dimension, word in self.understanding.facet_words(normalized, ("scheme", "care", "channel"))
                      if dimension not in entry.facets or dimension == "channel"}
        # (nor a word that only points or joins, 这边, 如果, 一步步: it names nothing the entry could lack)
        unexplained = [word for word in words if len(word) >= 2 and not word.isascii() and word not in text and not plain(word)
                       and common(word) and not self.tools.names_nothing(word)
                       and not any(word in open_word for open_word in open_words) and not _FIGURE.fullmatch(word)]
        if not unexplained:
            return result
        covered, _ = self.places.named(normalized)
        asked = self.understanding.facets(normalized)
        missing = tuple((d, v) for d in FACET_ORDER if d in asked for v in sorted(asked[d]))
        return self._lacking(covered, entry, missing + tuple(("detail", word) for word in dict.fromkeys(unexplained)))

    def _unless_unanswered(self, question: str, result: SearchResult) -> SearchResult:
        """An answer that says nothing of what the question asks for (the yearly cap, opening
        hours…) is no answer: say the knowledge lacks it, and offer the entry as the nearest."""
        understanding = self.understanding
        normalized = self.read(question)
        entry = result.entry
        ask = self._unanswered_ask(entry, normalized)
        if ask is None and self.places.named(normalized)[1]:
            # (在宁波做的手术，惠衢保能赔多少: a place we lack where care is, is 外地 to our knowledge, for an ask of a product's own)
            elsewhere = self.places.as_elsewhere(normalized, understanding)
            if (ask := self._unanswered_ask(entry, elsewhere)) is not None and understanding.own_entry(ask) \
                    and understanding.spec.asks_for[int(ask)].products:
                normalized = elsewhere
            else:
                ask = None
        def unsaid_in(part: str) -> bool:
            return self._unanswered_ask(entry, part) == ask

        if ask is None or self.reader.only_in_what_others_said(question, unsaid_in) \
                or self.reader.only_told_beside_its_own_ask(question, unsaid_in, lambda part: self._unanswered_ask(entry, part) is None):
            return result  # (来电说…不马上转钱就断保了，惠衢保参保期截止到哪天: what the caller said is not asked)
        covered, _ = self.places.named(normalized)
        asked = understanding.facets(normalized)
        answering = self.places.asked_of(normalized)  # (昭通能挂几个，有没有衡阳那种10个的上限: Hengyang is only the measure)
        better = None
        if understanding.same_process(ask):  # among the alternatives offered, else among the close matches
            better = self._answering_neighbour(entry, result.suggestions, normalized, asked, answering) \
                or self._answering_neighbour(entry, self._close_matches(normalized), normalized, asked, answering, own_city=bool(answering))
            if better is None and len(answering) == 1 and understanding.closed_list_answers(ask):
                # (湘潭共济我侄子能用吗: Xiangtan's list, which says no other relative is in, wherever it ranks; not when
                # two cities are named, 哦不是衡阳，我们是黑河的: which list is meant is not sure)
                # (the closest first: 衡阳共济解绑是不是只能去窗口办 is unbinding's entry, not the limits that mention it)
                entries = self.knowledge.entries
                ranked = {candidate.entry.id: candidate.entry for candidate in self._rank(self.places.strip(normalized), len(entries))}
                in_order = [*ranked.values(), *(other for other_id, other in entries.items() if other_id not in ranked)]
                better = self._answering_neighbour(entry, [other for other in in_order if other.region in answering],
                                                   normalized, asked, answering, own_city=True)
        if better is None and understanding.own_entry(ask):
            better = self._meant_for(ask, entry, normalized, asked, answering)
        if better is not None and self._unanswered_ask(better, normalized) is None:
            # 亲情账户要准备什么材料: the materials entry beside "where to open it" (if it leaves nothing else asked unsaid)
            return SearchResult("answered", better, result.confidence, suggestions=[entry], region=result.region)
        missing = tuple((d, v) for d in FACET_ORDER if d in asked for v in sorted(asked[d])) + (("asks", ask),)
        return self._lacking(covered, entry, missing)

    def _close_matches(self, normalized: str) -> list[Entry]:
        """The entries a question matches nearly as well as its best match."""
        candidates = self._rank(self.places.strip(normalized), self.TOP_ENTRIES)
        return [c.entry for c in candidates if c.score >= self.STEPS_NEAR * candidates[0].score and c.overlap >= self.SUGGEST]

    def _meant_for(self, ask: str, entry: Entry, normalized: str, asked: dict, covered: list[str]) -> Entry | None:
        """Among the entries the question matches, one about the same place whose own phrasings
        ask what the answer lacks (按杭州的还是按衢州的: the entry on whose rules apply), without
        clashing facets."""
        regions = {entry.region, NATIONAL, *covered}
        candidates = self._rank(self.places.strip(normalized), self.TOP_ENTRIES)
        meant = []
        for candidate in candidates:
            other = candidate.entry
            if candidate.score < self.MEANT_FOR_SCORE * candidates[0].score:
                break
            # (its own phrasings ask it: a story around the question may overlap them only a little)
            if other.id != entry.id and other.region in regions and candidate.overlap >= self.MEANT_FOR_OVERLAP \
                    and not conflicts(other.facets, asked) and ask in self._promised(other):
                meant.append(other)
        # the named city's own before the national overview (黑河共济谁能用: Heihe's list, however it ranks)
        own = [other for other in meant if other.region in covered] or [
            other for other in self._entries_asking(ask, set(entry.facets.get("product", ())), asked, covered.__contains__)
            if other.id != entry.id]
        own = self._those_answering(own, ask)
        return own[0] if len(own) == 1 or own and own[0] in meant else (meant[0] if meant else None)

    def _those_answering(self, entries: list[Entry], ask: str) -> list[Entry]:
        """Of several entries whose phrasings ask a thing, those whose answers give it (惠衢保…还要不要我: who may join
        says 不看健康状况; 没医保能买吗, which asks it too, does not), or all when none or one does."""
        answering = [entry for entry in entries if self.understanding.says(ask, self.answer_text[entry.id])]
        return answering if len({entry.id for entry in entries}) > 1 and answering else entries

    def _led_by_its_own_ask(self, question: str, result: SearchResult, only: set[str] | None = None) -> SearchResult:
        """A question too loosely worded to rank one entry first (我是残疾人身上毛病挺多的，惠衢保会不会嫌我有病不给买)
        that names a product and asks what only one of its entries is for (asks_for with own_entry and
        products): that entry, whose own phrasings ask it."""
        normalized = self.read(question)
        covered, uncovered = self.places.named(normalized)
        covered = self.places.asked_of(normalized) or covered  # (…昭通都行，衡阳不会不行吧: 昭通 is only the measure)
        if uncovered:  # (孩子在杭州读大学…看病要先办什么: a place we lack where care is, is 外地 to our knowledge)
            normalized = self.places.as_elsewhere(normalized, self.understanding)
        asked = self.understanding.facets(normalized)
        products = asked.get("product", frozenset())
        asks = self.understanding.asks(normalized)
        if only is not None and any(self.understanding.own_entry(ask) or not self.understanding.same_process(ask) for ask in asks - only):
            # (没备案…降多少: the lacking ask is how much less, not what to do without registering; an ask any entry of the
            # product may answer, 能报几成, leaves it to the one asking the rest: 是看杭州的规矩还是衢州的)
            return result
        def meant_for(ask: str, entry: Entry, named: frozenset[str]) -> bool:
            return ask in self._promised(entry) and bool(named & set(entry.facets.get("product", ()))) \
                and not conflicts(entry.facets, asked) and (not covered or entry.region in covered or entry.region == NATIONAL)

        for ask in sorted(asks):
            listed = frozenset(self.understanding.spec.asks_for[int(ask)].products)
            scope = listed or products  # (none listed: any product's own)
            named = products or listed  # (用我妈的医保卡刷药: an ask of the card names its products itself)
            if not named & scope or not self.understanding.own_entry(ask):
                continue
            named &= scope  # (asked only of entries on the ask's products: 外地开的刀…惠衢保 is no question of the registration's)
            meant = [c.entry for c in self._rank(self.places.strip(normalized), self.TOP_ENTRIES) if meant_for(ask, c.entry, named)]
            if not meant:  # a story ranks other entries first (长期透析…备案的地方要从杭州改到宁波): the one asking it itself
                meant = self._entries_asking(ask, named, asked, lambda region: not covered or region in covered or region == NATIONAL)
            if len({entry.id for entry in meant}) > 1 and covered:  # 黑河共济谁能用: Heihe's, not the national overview
                meant = [entry for entry in meant if entry.region in covered]
            elif len({entry.id for entry in meant}) > 1:  # 家人看病拿谁的卡: each city's entry tells it, the national one for all
                meant = [entry for entry in meant if entry.region == NATIONAL] or meant
            meant = self._those_answering(meant, ask)
            if len({entry.id for entry in meant}) == 1 and (only is None or self._unanswered_ask(meant[0], normalized) is None):
                return SearchResult("answered", meant[0], self.ANSWER, region=result.region)
        return result

    def _told_by_a_citys_list(self, question: str, result: SearchResult) -> SearchResult:
        """湘潭 老婆能不能用我的共济账户: too loosely worded to rank, but asking whether a relative is included, which
        the one city named answers with its list of who may (closed_list_answers), wherever that list ranks."""
        normalized = self.read(question)
        covered, uncovered = self.places.named(normalized)
        if len(set(covered)) != 1 or uncovered:
            return result
        asked = self.understanding.facets(normalized)
        lists = [ask for ask in self.understanding.asks(normalized) if self.understanding.closed_list_answers(ask)]
        if len(lists) != 1:
            return result
        # (黑河这边孙子孙女能不能花我医保账户的钱 names no product: the ask's own)
        products = asked.get("product") or set(self.understanding.spec.asks_for[int(lists[0])].products)
        for ask in self.understanding.asks_listing_who():
            for entry in self._entries_asking(ask, products, asked, lambda region: region in covered):
                if self._unanswered_ask(entry, normalized) is None:
                    return SearchResult("answered", entry, self.ANSWER, region=result.region)
        return result

    def _entries_asking(self, ask: str, products: set[str], asked: dict, within) -> list[Entry]:
        """Every entry on one of `products`, of a region `within` accepts, whose own phrasings ask `ask`
        (asks_for), without facets clashing with those asked."""
        return [entry for entry in self.searched
                if within(entry.region) and products & set(entry.facets.get("product", ()))
                and not conflicts(entry.facets, asked) and ask in self._promised(entry)]

    TERSE_LENGTH = 30  # characters: a message this short tells no story
    MEANT_FOR_OVERLAP = 0.15
    # of the best match's score: lower than a suggestion's, as the ask is the entry's own (didn't register
    # for remote care: the words of registering rank the how-to first, the ask is the emergency entry's)
    MEANT_FOR_SCORE = 0.33

    def _promised(self, entry: Entry) -> set[str]:
        """What the entry's own phrasings ask for (asks_for): it is meant to answer that."""
        promised = self.promised.get(entry.id)
        if promised is None:
            promised = self.promised[entry.id] = set().union(*map(self.understanding.asks, self._phrasings(entry)))
        return promised

    def _unanswered_ask(self, entry: Entry, normalized: str) -> str | None:
        """What the question asks for (asks_for) that the entry neither says nor is meant to answer."""
        return self.understanding.unanswered_ask(normalized, self.answer_text[entry.id], self._promised(entry),
                                                 entry.facets.get("product", ()))

    def _answering_neighbour(self, entry: Entry, alternatives: list[Entry], normalized: str, asked: dict,
                             covered: list[str], own_city: bool = False) -> Entry | None:
        """An alternative the question also matched, about the same product and place, that says
        what the question asks for, without clashing facets. (Not the entry's `related` list: the
        online steps are no answer to what to bring to the window.) `own_city`: only the named
        city's (a national overview lists other cities' rules)."""
        regions = {entry.region, *covered} if own_city else {entry.region, NATIONAL, *covered}
        product = set(entry.facets.get("product", ()))
        for other in alternatives:
            if other.id == entry.id or other.region not in regions or conflicts(other.facets, asked) \
                    or not product & set(other.facets.get("product", ())):
                continue
            if self.understanding.unanswered_ask(normalized, self.answer_text[other.id], set(), other.facets.get("product", ())) is None:
                return other
        return None

    def read(self, question: str) -> str:
        """The question as search reads it (MessageReader.read)."""
        return self.reader.read(question)

    def _rank(self, content: str, limit: int) -> list[Candidate]:
        """Ranked without the words that only say where a thing is done (the national app): they
        would match every entry naming the app, whatever the question asks of it."""
        return self.ranker.rank(self.understanding.without_context(content), limit)

    def _measured_on_the_ask(self, question: str, candidates: list[Candidate]) -> list[Candidate]:
        """A long spoken message overlaps any phrasing only a little: most of it tells the story.
        Each candidate's overlap is also measured on the parts that ask, and the better kept."""
        ask = self.reader.asking_parts(question)
        if not ask or not candidates:
            return candidates
        ranked_on_ask = self._rank(self.places.strip(ask), self.TOP_ENTRIES * 2)
        on_ask = {c.entry.id: c for c in ranked_on_ask}
        better = []
        for c in candidates:
            other = on_ask.get(c.entry.id)
            better.append(replace(c, overlap=other.overlap, phrasing=other.phrasing)
                          if other is not None and other.overlap > c.overlap else c)
        # The parts that ask lead clearly to another entry the whole message nearly ranks first
        # (Huiqubao cover outside Quzhou? I live in Shanghai now…: not "can I still join now")
        # (an ask naming nothing of ours, 怎么弄, leads nowhere by itself)
        names_ours = self.tools.has_anchor(ask) or self.reader.mentions_domain(ask) or self.understanding.facets(ask)
        lead = ranked_on_ask[0] if ranked_on_ask and names_ours else None
        best_on_ask = on_ask.get(better[0].entry.id)
        if lead is not None and lead.entry.id != better[0].entry.id and \
                lead.overlap >= (best_on_ask.overlap if best_on_ask else 0.0) + self.ASK_LEAD_MARGIN:
            better = self._promoted(better, self.ASK_LEAD_NEAR, self.TOP_ENTRIES, lambda c: c.entry.id == lead.entry.id)
        return better

    def _decide(self, question: str, city: str | None) -> SearchResult:
        tools, understanding = self.tools, self.understanding
        normalized = self.read(question)
        if (holders := self._of_the_account_holders_city(normalized)) != normalized:
            question = normalized = holders
        if city not in self.knowledge.regions or city == NATIONAL:
            city = None
        covered, uncovered = self.places.named(normalized)
        named = covered[0] if covered else None
        fallback_region = named or city or NATIONAL
        if covered and uncovered and (insured := self._only_likened_beside(normalized, uncovered)):
            # 我在昆明参保，昆明办家庭共济的流程应该跟昭通那套差不多吧: the city we lack is asked of, ours only likened to it
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=insured[0])
        neighbour = understanding.off_topic(normalized)
        if neighbour is None and len(question) <= self.TERSE_LENGTH:
            # (a terse message as typed too: reading its pieces may leave out the one naming it, 医保 缴满 几年 退休后;
            # a long one leaves out the story, where a neighbour named is only told)
            neighbour = understanding.off_topic(understanding.misnamed(tools.normalize(question)))
        beside_ours = neighbour is not None and understanding.named_beside_ours(neighbour[0])
        if neighbour is None and (product := understanding.other_insurance(normalized)):
            neighbour, beside_ours = (product, product), True
        # (再买份百万医疗险，跟惠衢保一起怎么理赔: how the neighbour pays beside ours, which turns on the neighbour)
        together = beside_ours and understanding.claims_together(normalized)
        if neighbour is not None and self.reader.set_apart(question, neighbour[1]):
            neighbour = None  # 给我妈绑医保亲情账户，不是支付宝亲情卡那个: ours is asked, the neighbour set apart
        elif neighbour is not None and self.reader.hedged_beside_ours(question, neighbour[1]):
            neighbour = None  # 是叫大病保险还是重大疾病险来着: ours, by a name half remembered
        elif beside_ours and self.reader.guessed_as_ours(question, neighbour[1]):
            neighbour = None  # 惠衢保是意外险吧，生病住院能赔吗: an insurance guessed to be what ours is; ours is asked
        elif neighbour is not None and self.reader.only_told(question, neighbour[1]) \
                and not self.reader.asks_pointing_at(question, understanding.pointers_at(neighbour[0])) and not (
                understanding.says_who_asks(neighbour[0]) and not understanding.facets(normalized).get("scheme")) \
                and not (not beside_ours and self.reader.asks_if_the_story_is_paid(question)) \
                and not (self.reader.asks_if_paid(question) and self.reader.told_of_care(question, neighbour)) \
                and not (beside_ours and self.reader.asks_if_ours_is_needed(question) or together):
            # 商业保险都不收她，惠衢保她能买不: the neighbour is the story, ours is asked (not 我失业了，医保怎么交:
            # who the resident is decides how they pay, unless the scheme is said: 个体户，自己交居民医保…)
            neighbour = None
        elif beside_ours and (self.reader.held_beside_ours(question, neighbour[1]) or self.reader.told_beside_ours(question, neighbour[1])) \
                and not together:
            neighbour = None  # 有商业医疗险的人还能参加惠衢保吗: may one who holds it join ours; …还买了个重疾险，我想问…
        if neighbour is not None:
            uncovered_topic = SearchResult("declined", region=named, decline_reason="uncovered_topic",
                                           decline_region=fallback_region, subject=neighbour[0])
        asked = self._asked(question, normalized)
        # (衢州职工高血压报几成: a city of ours, its scheme and a rule asked name our insurance, though no anchor does)
        if not tools.has_anchor(normalized) and not asked.get("product") \
                and not (covered and asked.get("scheme") and understanding.asks(normalized)):  # 把父母绑到我手机上 names a product
            return uncovered_topic if neighbour else SearchResult("declined", region=named, decline_reason="off_topic",
                                                                  decline_region=fallback_region)
        if covered and uncovered and not understanding.weighs_places(normalized) \
                and (place := next(filter(None, (self.places.asked_elsewhere(part, understanding)
                                                                   for part in self.reader.asking_pieces(
                                                                       question, or_all=self.places.likened_to_ours(normalized)))), None)):
            # 衡阳的门诊起付线我知道了，长沙职工门诊起付线是多少: the part that asks is about Changsha
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=place)
        if covered and uncovered and asked.get("product") == frozenset({"remote-care"}) \
                and (insured := [place for place in uncovered if self._role_of(normalized, place) == "insurance"]) \
                and not any(self._role_of(normalized, name) == "insurance" for name in self.places.names_in(normalized, covered_only=True)):
            # 我是北京退休的跟女儿住衢州北京医保备案怎么弄: registering care elsewhere is the insurance city's rule, ours only lived in
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=insured[0])
        if uncovered and not covered and city is not None \
                and all(self._role_of(normalized, place) == "care" for place in uncovered):
            # 她下个月去杭州住，在那边看病要办什么手续: the places we lack are where care is given or someone
            # lives, and the resident's city is ours (chosen, or the estimate's just worked out): its rules
            # for care elsewhere are asked, not Hangzhou's
            region = self.knowledge.regions[city]
            own = f"{region.name_en} medical insurance: {question}" if question.isascii() else f"{region.name}医保 {question}"
            result = self._decide(own, None)
            # (a guess is no reading of it, unless it is the city's rule for care elsewhere, which the place asks of)
            if not (result.outcome == "answered" and result.confidence < self.ANSWER
                    and "remote-care" not in result.entry.facets.get("product", ())):
                return replace(result, taken_as=own)
        if len(covered) > 1 and (elsewhere := self._care_in_our_other_city(normalized)) is not None:
            # 衢州医保在衡阳住院能直接刷卡吗: insured in one of our cities, treated in another, as anywhere else
            return replace(self._decide(elsewhere, city), taken_as=None)
        if len(covered) > 1 and (asked_of := self._one_of_ours_asked_beside_another_told(question, normalized)) is not None:
            # 衡阳那边慢性病门诊自付降到了10%，不知道湘潭有没有一样的政策: the city asked of, not the one told
            return replace(self._decide(asked_of, city), taken_as=None)
        if len(covered) == 1 and city is not None and covered[0] != city \
                and all(self._role_of(normalized, name) == "care" for name in self.places.names_in(normalized, covered_only=True)):
            # 当时在黑河没办备案，回来还能报吗 after a Quzhou resident's estimate: care in another of our cities, as anywhere else
            region = self.knowledge.regions[city]
            result = self._search(f"{region.name}医保，{question}", None)
            if result.outcome == "answered" and result.entry.region == city:
                return replace(result, taken_as=None)
        if covered and (elsewhere := self._insured_outside_the_products_region(normalized, asked)) is not None:
            return elsewhere
        if covered and not uncovered and self._insured_elsewhere_in(normalized) and not self._care_elsewhere_in(normalized) \
                and not asked.get("product", frozenset()) - {"basic", "remote-care"} \
                and (asked.get("care") or understanding.asks_if_paid_for(normalized)) \
                and all(self._role_of(normalized, name) == "care" for name in self.places.names_in(normalized, covered_only=True)):
            # 我医保在外地，来衢州住院能报多少: insured elsewhere, treated in a city of ours: the insurance city's rules decide
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=self.ELSEWHERE_WORDS[0])
        if uncovered and _ON_BEHALF.search(tools.normalize(question)) and understanding.asks_if_paid_for(normalized) \
                and self.places.a_relatives_place(normalized, understanding):
            # 帮我妹妹问一下，她是上海本地的职工医保，门诊报销比例多少: asked for a relative insured where we lack the rules
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=uncovered[0])
        if covered and uncovered and understanding.asks_if_paid_for(normalized) \
                and not asked.get("product", frozenset()) & understanding.shared_with_relatives \
                and (place := self.places.a_relatives_place(normalized, understanding)) and self._role_of(normalized, place) == "insurance" \
                and any(self.places.about_a_relative(self.read(piece), understanding) for piece in self.reader.asking_pieces(question)):
            # 我是衢州参保，老婆在宁波交的职工医保，她在宁波看门诊报几成: her own scheme pays her care, and we lack its rules
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=place)
        if covered and uncovered and asked.get("product", frozenset()) & understanding.shared_with_relatives and "账户" in normalized \
                and (insured := [place for place in uncovered if self._role_of(normalized, place) == "insurance"]) \
                and self.places.a_relatives_place(normalized, understanding) is None \
                and not any(self._role_of(normalized, name) == "insurance" for name in self.places.names_in(normalized, covered_only=True)):
            # 长沙交的职工医保，个人账户能给湘潭的爸妈用吗: the account is Changsha's, whose rules say whom it may pay for
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=insured[0])
        # (户口在江苏，人住上海，支付宝里咋查医保余额: places told only as where one lives or is treated, nothing of ours
        # asked of them; what holds wherever one is insured may answer, and nothing else)
        usable = bool(uncovered) and self.places.usable_elsewhere(normalized, asked, covered, understanding)
        national_only = uncovered and not usable and not covered and city is None and neighbour is None and not self._in_a_talk \
            and not asked.get("product", frozenset()) & understanding.shared_with_relatives and not asked.get("care") \
            and not (understanding.told_place_pointers and understanding.told_place_pointers.search(normalized)) \
            and all(self._only_lived_or_treated_in(normalized, place) for place in uncovered)
        if uncovered and not usable and not national_only:
            insured_elsewhere = self._insured_elsewhere(normalized, asked, city)
            if insured_elsewhere is not None:
                return insured_elsewhere
            if neighbour is not None:
                return uncovered_topic  # 台湾人能在衢州参加居民医保吗: the subject we lack says more than the place
            return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=uncovered[0])
        if uncovered and not asked.get("product") and self._care_asked_of_a_place_we_lack(question, normalized, covered, uncovered, asked):
            # 我是衢州居民医保，在杭州住院报多少: care elsewhere asked, answered as such when the knowledge has it
            result = self._decide(self.places.as_elsewhere(normalized, understanding), city)
            if result.outcome == "answered":
                return replace(result, taken_as=None)
        if uncovered and "remote-care" not in asked.get("product", ()):
            normalized = self.places.as_elsewhere(normalized, understanding)
            if asked.get("product") and (elsewhere := understanding.facets(normalized).get("product")):
                # 衡阳参保，我妈在长沙药店能用共济吗: family aid used where care is given, both products asked
                asked = {**asked, "product": asked["product"] | elsewhere}
            elif not asked.get("product") and "remote-care" in understanding.facets(normalized).get("product", ()) \
                    and understanding.told_place_pointers is not None \
                    and any(understanding.told_place_pointers.search(part) for part in self.reader.asking_pieces(normalized)):
                # 衢州居民医保，现在住在金华，看病前得先办啥: living there is why care there is asked
                asked = {**asked, "product": frozenset({"remote-care"})}
        if uncovered and covered:  # 我湘潭参保，我妈在长沙参保: a relative insured elsewhere (外地)
            normalized = self.places.as_elsewhere(normalized, understanding, role="insurance")
            if asked.get("product") and (elsewhere := understanding.facets(normalized).get("product")):
                asked = {**asked, "product": asked["product"] | elsewhere}  # …asks the cross-region rule
        content = self.places.strip(normalized) if (covered or uncovered) else normalized
        if not covered and not uncovered and (place := self.places.unknown(self.reader.without_domain_words(content), understanding)):
            if not (asked.get("product", frozenset()) & understanding.portable_products):
                return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=place)
        if covered and (place := self.places.unknown(self.reader.without_domain_words(content), understanding)) \
                and not any(place in self.places.provinces.get(region, ()) for region in covered):
            # 我是上饶参保的，住在衢州: a place regions.yaml does not list, named as the insurance city
            if self._role_of(normalized, place) == "insurance":
                elsewhere = normalized.replace(place, "外地")
                return self._insured_elsewhere(normalized, asked, city, elsewhere) or SearchResult(
                    "declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=place)
        found = self.ranker.exact_matches(self.understanding.without_context(content))
        if found and not (covered or uncovered):  # a phrasing word for word, no place to weigh: nothing to rank
            candidates = found
        else:  # …with a place named, the same question of that place's entry must rank too
            candidates = self._rank(content, self.TOP_ENTRIES)
            candidates = found + [c for c in candidates if c.entry.id not in {f.entry.id for f in found}]
            candidates = self._measured_on_the_ask(question, candidates)
        candidates = self._within_named_topics(content, candidates)
        roles = {self._role_of(normalized, place) for place in uncovered} if uncovered and not covered else set()
        if national_only:
            candidates = [c for c in candidates if c.entry.region == NATIONAL]
            if not candidates or self.confidence(candidates[0], candidates[1:]) < self.ANSWER:
                return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=uncovered[0])
        if roles - {"care"}:
            # 成都医保电子凭证怎么用: the national answer holds there; another city's rule does not,
            # and a national answer not surely the one asked may miss that city's own way
            candidates = [c for c in candidates if c.entry.region == NATIONAL or self._implied_region(c.entry, normalized)]
            nationwide = bool(asked.get("product")) and asked["product"] <= understanding.nationwide_products \
                and self.places.only_relatives_insured_there(normalized, understanding)
            if candidates and "insurance" in roles and self.confidence(candidates[0], candidates[1:]) < self.ANSWER and not nationwide:
                # (我爸医保是在北京交的，能加到我手机的亲情账户里吗: the national app is the same wherever a relative is insured)
                return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL, subject=uncovered[0])
        if not covered and not uncovered and understanding.asks_nationwide(normalized):
            # 新农合 全国 交费标准: the whole country's rule; a city's is no answer for it
            candidates = [c for c in candidates if c.entry.region == NATIONAL]
            if not candidates:
                return SearchResult("declined", decline_reason="uncovered_place", decline_region=NATIONAL,
                                    subject=understanding.nationwide_word(normalized))
        needed_beside = beside_ours and neighbour is not None and (self.reader.asks_if_ours_is_needed(question) or together)
        if neighbour is not None and (needed_beside or not self._asks_it_too(content, neighbour[1], candidates)
                                      and not (beside_ours and candidates and self._on_asked_product(candidates[0].entry, asked)
                                               and self.reader.likened_beside_ours(question, neighbour[1]))):
            # (惠衢保一年多少钱，比相互宝贵不贵: ours is asked beside the commercial one, and leads: it is answered; not
            # 买了平安的商业医疗险，还有必要参加惠衢保吗, whether ours is needed beside it, which turns on what we lack)
            return uncovered_topic
        if not candidates:
            return SearchResult("declined", region=named, decline_reason="low_confidence", decline_region=fallback_region)
        # Entries matched through the same phrasing are the same question about different places:
        # they rank together, the named city's (else the national or chosen city's) first.
        preferred = set(covered) if covered else {NATIONAL, city}
        cluster: dict[str, float] = {}
        for c in candidates:
            cluster[c.phrasing] = max(cluster.get(c.phrasing, 0.0), c.score)
        candidates.sort(key=lambda c: (-cluster[c.phrasing], c.entry.region not in preferred, -c.score))
        # …and score as the phrasing does: a city's entry is not less likely for its own document length
        candidates = [c if c.score == cluster[c.phrasing] else replace(c, score=cluster[c.phrasing]) for c in candidates]
        candidates = self._general_first(candidates, asked)
        if asked:
            candidates, lacking = self._without_conflicts(candidates, asked, content, covered)
            if lacking is not None:
                return SearchResult("declined", region=named, decline_reason="not_in_knowledge",
                                    decline_region=fallback_region, missing=lacking[0], nearest=lacking[1])
        candidates = self._steps_first(candidates, normalized)
        candidates = self._all_products_first(candidates, asked)
        if not covered and not uncovered and self._insured_elsewhere_in(normalized) and not self._care_elsewhere_in(normalized) \
                and (understanding.asks_if_paid_for(normalized) or understanding.asks_to_join(normalized)):
            # 医保在外地，惠衢保能报吗: one insured elsewhere asks whether ours is theirs at all, not how care elsewhere is paid
            candidates = self._promoted(candidates, self.ELSEWHERE_NEAR, self.TOP_ENTRIES, lambda c: self._on_asked_product(
                c.entry, asked) and c.entry.id in self.asked_by_insured_elsewhere)
        if covered:
            return self._for_named(candidates, covered, named, content, asked, normalized, city)
        return self._unnamed(candidates, city, normalized, asked, names_a_place_we_lack=bool(uncovered))

    def _one_of_ours_asked_beside_another_told(self, question: str, normalized: str) -> str | None:
        """The message without the names of our cities told only in parts that ask nothing, when the parts that
        ask name exactly one other of ours (衡阳的共济能绑10个，湘潭的呢); None otherwise."""
        likened = set(self.places.likened_names(normalized))
        ours = self.places.names_in(normalized, covered_only=True)
        named = [name for name in ours if name not in likened]  # (…会不会跟湘潭一样是10个: the other one asks)
        if not likened or len({self.places.names[name] for name in named}) != 1:
            named = [name for piece in self.reader.asking_pieces(question)
                     for name in self.places.names_in(self.tools.normalize(piece), covered_only=True)]
        asked = {self.places.names[name] for name in named}
        if len(asked) != 1 or any(self._role_of(normalized, name) == "care" for name in named):
            return None  # (…她个账的钱能给俺在黑河看病用不: where care is, not whose rule is asked)
        told = [name for name in ours if self.places.names[name] not in asked]
        if not told:
            return None
        for name in sorted(set(told), key=len, reverse=True):
            normalized = normalized.replace(name, " ")
        return normalized

    def _care_asked_of_a_place_we_lack(self, question: str, normalized: str, covered: list[str], uncovered: list[str],
                                        asked: dict) -> bool:
        """我是衢州居民医保，在杭州住院报多少: insured in a city of ours, asking of care in a place we lack, the
        place named in the very part that asks: care elsewhere is asked (not a story's 女婿在杭州住院报了七成)."""
        if not (covered and asked.get("care")):
            return False
        pieces = self.reader.asking_pieces(question)
        return bool(pieces) and all(any(place in piece and self.understanding.facets(piece).get("care") for piece in pieces)
                                    for place in uncovered) \
            and all(self._role_of(normalized, place) == "care" for place in uncovered)

    def says_where(self, question: str, region: str) -> bool:
        """Whether a question says it is about the region: names a place of it, a product only it has (惠衢保), or an
        app only it (and a few others) uses (浙里办)."""
        normalized = self.read(question)
        covered, uncovered = self.places.named(normalized)
        return bool(covered or uncovered) or self.home_of_the_product(question) == region \
            or any(app in normalized for app in self.understanding.region_apps.get(region, ()))

    def _with_clipped_names(self, question: str) -> str:
        """惠保 多少钱: a product's clipped name read as the product, unless the message names a city other than the
        product's own, other than as where care is (宁波的惠保 is Ningbo's plan, which we lack)."""
        clipped = self.tools.with_clipped_names(question)
        if clipped == question:
            return question
        home = self.home_of_the_product(clipped)
        normalized = self.read(question)
        care_ends = -1  # (在杭州邵逸夫住院: the hospital right after the city of care is where care is too)
        for name in self.places.names_in(normalized):
            start = normalized.find(name)
            if self._role_of(normalized, name) == "care" or start == care_ends:
                care_ends = start + len(name)
            elif self.places.names[name] != home:
                return question
        return clipped

    def home_of_the_product(self, question: str) -> str | None:
        """The one region whose own product the question names (惠衢保: Quzhou), if it names one."""
        owners = self._owners_of(self.understanding.facets(self.read(question)).get("product", frozenset()))
        return owners.pop() if len(owners) == 1 else None

    def _owners_of(self, products: frozenset[str]) -> set[str]:
        """The regions whose own products (惠衢保: Quzhou) are among these."""
        return {region for region, own in self.understanding.region_products.items() if own & products}

    def _insured_outside_the_products_region(self, normalized: str, asked: dict) -> SearchResult | None:
        """我儿子在衡阳上班交的医保，能给他买惠衢保吗: a city of ours named as the insurance city, asking about a product
        only another region has (惠衢保: Quzhou's), is "insured elsewhere" for that product: its own answer for people
        insured elsewhere, if it has one; else None."""
        owners = self._owners_of(asked.get("product", frozenset()))
        names = {name: self.places.names[name] for name in self.places.names_in(normalized, covered_only=True)}  # as typed
        # (the product's own city named too, but only where one lives or is treated: 我社保在黑河交的，人常住衢州)
        if not owners or any(region in owners and self._role_of(normalized, name) == "insurance" for name, region in names.items()):
            return None
        for name, region in names.items():
            if region in owners:
                continue
            if self._role_of(normalized, name) == "insurance":
                return self._insured_elsewhere(normalized, asked, None, _as_elsewhere(normalized, [name]))
            if f"{name}人" in normalized:  # 黑河人在衢州旅游住院了: one of Heihe is insured there, wherever they are
                return self._insured_elsewhere(normalized, asked, None, normalized.replace(f"{name}人", "外地参保的人"))
            if self._role_of(normalized, name) != "care" and (self.understanding.asks_to_join(normalized) or _ON_SALE.search(normalized)):
                # 黑河能买惠衢保吗, 衡阳有没有惠衢保这种补充保险: whether one there may have it, asked as one insured there
                return self._insured_elsewhere(normalized, asked, None, _as_elsewhere(normalized, [name]))
        return None

    def _asked_by_one_insured_outside(self, question: str, insured_in: str) -> SearchResult | None:
        """惠衢保能报吗 after a Hengyang resident's estimate (or 那惠衢保我能买吗 from one who said they are insured in
        Jinhua): whether a product only another city has pays for them, or may be bought, asked naming no place, is
        asked by one insured outside that city: the knowledge's answer for people insured elsewhere, if it has one."""
        normalized = self.read(question)
        owners = self._owners_of(self.understanding.facets(normalized).get("product", frozenset()))
        region = insured_in if insured_in in self.knowledge.regions else self.places.names.get(insured_in)
        if not owners or region in owners or self.places.named(normalized) != ([], []) \
                or not (self.understanding.asks_if_paid_for(normalized) or self.understanding.asks_to_join(normalized)):
            return None
        result = self._decide(f"{self.ELSEWHERE_INSURED}，{question}", None)
        return replace(result, taken_as=None) if result.outcome == "answered" \
            and result.entry.id in self.asked_by_insured_elsewhere else None

    ELSEWHERE_INSURED = "外地医保"  # one insured where a product's city is not, in the knowledge's words
    RELATIVE_ELSEWHERE = "家人在外地参保"  # what such a question asks of the city's rules, in their words

    def _relative_insured_elsewhere(self, question: str, result: SearchResult) -> SearchResult:
        """湘潭交的职工医保，我老婆在株洲交的医保，能绑我共济吗: a product shared with relatives, asked of a city of ours,
        with a place we lack named beside it (where the relative is insured, lives or is treated): asked of that city with
        the place as 外地 (its rule for relatives elsewhere), when the question as asked got no answer."""
        normalized = self.read(question)
        covered, uncovered = self.places.named(normalized)
        understanding = self.understanding
        if not covered or not uncovered or not understanding.facets(normalized).get("product", frozenset()) & understanding.shared_with_relatives \
                or self._only_likened_beside(normalized, uncovered):
            return result
        for place in uncovered:
            clause = next((part for part in _CLAUSE_SPLIT.split(normalized) if place in part), "")
            works_there = understanding.sharer_works is not None and understanding.sharer_works.search(clause) is not None
            if "employee" in understanding.facets(clause).get("scheme", frozenset()) or works_there \
                    or re.search(rf"{re.escape(place)}(?:那边|那里|那儿|的规定|的政策|的共济|的家庭共济|'s (?:own )?(?:rules|policy|scheme))", normalized):
                # 我在杭州上班交的职工医保: the one who shares is insured there, whose rules we lack;
                # 湘潭共济我办好了，株洲那边能绑几个人: the part that asks is about that place
                return result
        elsewhere = normalized
        for place in uncovered:
            elsewhere = elsewhere.replace(place, "外地")
        read = self._decide(f"{elsewhere} {self.RELATIVE_ELSEWHERE}", covered[0])
        if read.outcome != "answered" or read.entry.region not in covered or self._asker_elsewhere_untold(normalized, uncovered, read.entry):
            return result
        return replace(read, region=covered[0])

    def _asker_elsewhere_untold(self, normalized: str, uncovered: list[str], entry: Entry) -> bool:
        """The asker is insured in a place we lack (我在昆明交的医保), and the entry says where the relatives must be
        insured, not both sides (双方均为湘潭市域内参保人 tells the asker too), nor is the asker the relative helped
        (他的共济账户能给我用吗): the asker's own rules are asked."""
        understanding = self.understanding
        return any(_insured_there_oneself(normalized, place, understanding.works_or_pays_there) for place in uncovered) \
            and not (understanding.asker_helped is not None and understanding.asker_helped.search(normalized)) \
            and not any(word in self.answer_text[entry.id] for word in understanding.both_sides_words)

    def _only_likened_beside(self, normalized: str, uncovered: list[str]) -> list[str]:
        """The places we lack named as where one is insured, when every city of ours the text names is only what they
        are likened to (…跟昭通那套差不多吧); none otherwise."""
        if not set(self.places.names_in(normalized, covered_only=True)) <= set(self.places.likened_names(normalized)):
            return []
        return [place for place in uncovered if self._role_of(normalized, place) == "insurance" or re.search(
            rf"{re.escape(place)}(?:的)?(?:家庭)?共济", normalized)]  # (长沙共济跟衡阳一样吗: 长沙's own family aid asked)

    def _only_lived_or_treated_in(self, normalized: str, place: str) -> bool:
        """Every mention of the place says one lives or is treated there, none that one works or is insured there
        (在哈尔滨上班, working in Suzhou) or asks its own rules (哈尔滨门诊慢特病怎么申请，我姑在哈尔滨)."""
        return all(self.understanding.role(normalized, m.start(), m.end()) == "care" and not (self.understanding.works_or_pays_there is not None and self.understanding.works_or_pays_there.match(normalized, m.end()))
                   and not _WORKS_IN.search(normalized, 0, m.start()) for m in re.finditer(re.escape(place), normalized))

    def _role_of(self, normalized: str, place: str) -> str:
        """The role (understanding.role) of a place named in the text: its insurance where any mention says so, else
        where care is where any mention says so (我爸常住长沙…在长沙医院: the second time), else unknown."""
        roles = [self.understanding.role(normalized, m.start(), m.end()) for m in re.finditer(re.escape(place), normalized)]
        # (moving to Harbin … under Harbin's own rules: named once as where one goes, once as the rules asked)
        return "insurance" if "insurance" in roles else "care" if "care" in roles else "unknown"

    def _asked(self, question: str, normalized: str) -> dict:
        """The question's facets; of a message that tells and asks, the scheme, status, care and
        year the asking parts name outweigh the story's (只查到居民的 is told), and a product the
        story names only in passing is not asked (我在外地上班照顾不到: where the asker lives)."""
        asked = self.understanding.facets(normalized)
        asking = self.reader.asked_in_the_asking_parts(question) if asked else None
        if asking is not None:
            asked = {**asked, **{d: v for d, v in asking.items() if d in self.ASKED_NOT_TOLD}}
        if (likened := _LIKENED_TO.sub(" ", normalized)) != normalized:
            # 衢州居民医保门诊封顶是不是跟职工一样8000: the employees are only what the residents are likened to
            own = self.understanding.facets(likened)
            asked = {d: own[d] for d in asked if d in own} | {d: v for d, v in asked.items() if d not in ("scheme", "status", "care")}
        if asked.get("scheme") and asked.get("product", frozenset()) & self.understanding.shared_with_relatives \
                and self._scheme_only_a_relatives(normalized):
            # 我老伴是城乡居民医保，我账户里的钱她能用吗: the relative's scheme, not the account's (an employee's)
            asked = {d: v for d, v in asked.items() if d != "scheme"}
        if not asked or asking is None:
            return asked
        told_only = self.reader.told_in_passing(question, asked.get("product", frozenset()) & self.understanding.told_only_products)
        if told_only:
            asked = {d: v for d, v in {**asked, "product": asked["product"] - told_only}.items() if v}
        return asked

    def _general_first(self, candidates: list[Candidate], asked: dict) -> list[Candidate]:
        """An entry on one condition (糖尿病门诊) ranked first for a question naming none, the
        general entry (门诊报销比例) close behind: the general entry first."""
        if not candidates or "condition" in asked or not candidates[0].entry.facets.get("condition"):
            return candidates
        best = candidates[0]
        return self._promoted(candidates, self.GENERAL_NEAR, 4,
                              lambda c: not c.entry.facets.get("condition") and c.overlap >= best.overlap)

    def _all_products_first(self, candidates: list[Candidate], asked: dict) -> list[Candidate]:
        """A question naming two products (共济 到外省看病), its best match about one of them, an
        entry about both close behind: that entry first."""
        products = asked.get("product", frozenset())
        if len(products) < 2 or not candidates:
            return candidates
        best = candidates[0]
        if products <= set(best.entry.facets.get("product", ())):
            return candidates
        return self._promoted(candidates, self.BOTH_PRODUCTS_NEAR, 6, lambda c: products <= set(c.entry.facets.get("product", ())))

    def _steps_first(self, candidates: list[Candidate], normalized: str) -> list[Candidate]:
        """A question asking how (or naming a product alone: what to do about it), its best match
        an entry none of whose phrasings asks how, and one on the same product that does close
        behind, overlapping about as well: the steps first."""
        understanding = self.understanding
        if not candidates or not (understanding.asks_how(normalized) or self._names_only_a_product(normalized)) \
                or self._tells_how(candidates[0].entry):
            return candidates
        best = candidates[0]
        if self._lists_who(best.entry) and not self._promised(best.entry) & self.understanding.asks(normalized):
            # (帮我外公在黑河弄家庭共济，手机上怎么绑: the entry on who may use it leads by the relative named, but
            # who may is not asked)
            return self._promoted(candidates, self.STEPS_BEHIND_WHO_MAY, 4, lambda c: self._tells_how(c.entry)
                                  and (c.entry.region != NATIONAL or best.entry.region == NATIONAL)  # (no overview for a city's)
                                  and self._same_product(c.entry, best.entry))
        return self._promoted(candidates, self.STEPS_NEAR, 4, lambda c: self._tells_how(c.entry)
                              and c.overlap >= best.overlap - self.CONFLICT_MARGIN and self._same_product(c.entry, best.entry))

    def _lists_who(self, entry: Entry) -> bool:
        """The entry is made to say who may (its phrasings ask 哪些家人能用 or whether one relative is included)."""
        understanding = self.understanding
        return any(ask in understanding.asks_listing_who() or understanding.closed_list_answers(ask) for ask in self._promised(entry))

    def _names_only_a_product(self, normalized: str) -> bool:
        """The question is a product's name alone (衢州 大病保险, 异地备案): what to do about it."""
        words = self.tools.analyze(self.places.strip(normalized))[0]
        return len(words) == 1 and bool(self.understanding.facets(normalized).get("product")) \
            and not self.understanding.asks_something(normalized)

    @staticmethod
    def _promoted(candidates: list[Candidate], near: float, within: int, accepts) -> list[Candidate]:
        """The first of the next candidates (up to `within`) that `accepts`, scoring at least `near`
        of the best, put first. It takes the lead's score: how sure we are is still measured against
        the others."""
        best = candidates[0]
        for position, candidate in enumerate(candidates[1:within], 1):
            if candidate.score < near * best.score:
                break
            if accepts(candidate):
                return [replace(candidate, score=best.score), replace(best, score=candidate.score),
                        *candidates[1:position], *candidates[position + 1:]]
        return candidates

    @staticmethod
    def _same_product(a: Entry, b: Entry) -> bool:
        products = set(a.facets.get("product", ()))
        return products == set(b.facets.get("product", ())) or bool(products & set(b.facets.get("product", ())))

    def _tells_how(self, entry: Entry) -> bool:
        told = self.tells_how.get(entry.id)
        if told is None:
            told = self.tells_how[entry.id] = any(map(self.understanding.asks_how, self._phrasings(entry))) \
                or _STEPS.search(entry.answer) is not None
        return told

    def _phrasings(self, entry: Entry) -> tuple[str, ...]:
        """The entry's phrasings, Chinese and English, normalised once."""
        phrasings = self.phrasings.get(entry.id)
        if phrasings is None:
            normalize = self.tools.normalize
            phrasings = self.phrasings[entry.id] = tuple(
                normalize(p) for p in (entry.question, *entry.variants, entry.question_en, *entry.variants_en))
        return phrasings

    def _of_the_account_holders_city(self, normalized: str) -> str:
        """Family aid asked with two cities named (她是衡阳的职工医保…我是衢州的居民医保): the rule is that of the
        city whose employee account is shared; the other is read as 外地, where the relative is insured."""
        if "family-aid" not in self.understanding.facets(normalized).get("product", ()) and "账户" not in normalized:
            return normalized  # (她是黑河职工医保，她账户里的钱能给我用吗: family aid, named by the account shared)
        names = list(dict.fromkeys(self.places.names_in(normalized)))
        # (她是衡阳的职工医保, 我在衡阳交职工医保, 上海的个人账户: whose employee account it is; of a place we lack, only
        # the account said to be its own: 我老公在株洲交职工医保，能给在湘潭参保的他妈共济吗 is asked of Xiangtan's rule)
        def owns_the_account(name: str) -> bool:  # 我湘潭的共济, 上海的个人账户
            return re.search(rf"{re.escape(name)}市?的(?:个人账户|家庭共济|共济)", normalized) is not None

        holders = [name for name in names if owns_the_account(name) or re.search(rf"{re.escape(name)}市?的?职工", normalized)
                   or self.places.names.get(name) is not None and re.search(rf"{re.escape(name)}市?(?:交的?|参保的?)职工", normalized)]
        if len(holders) > 1:  # 我爸是衡阳的职工医保，我能把我爸绑到我湘潭的共济上吗: the aid account named is whose
            holders = [name for name in holders if owns_the_account(name)]
        if len(holders) != 1:
            return normalized
        # (any other city but where care is, is the relative's: 衡阳参保的爸妈, 衡阳的爸妈)
        others = [name for name in names if self.places.names.get(name) not in (None, self.places.names.get(holders[0]))
                  and self._role_of(normalized, name) != "care"]
        if not others:
            return normalized  # (a place where care is, 家里人去广州看病, or a relative's we lack, 贵州, stays as it is)
        return _as_elsewhere(normalized, others)

    def _insured_in_our_other_city(self, normalized: str, asked: dict, city: str | None, named: str) -> SearchResult | None:
        """我医保在黑河，能买惠衢保吗: insured in one of our cities, asking about a product only another
        has: the knowledge's answer for people insured elsewhere (惠衢保 is only for those in Quzhou's
        basic insurance), as for a city we do not cover; None when the city is named otherwise."""
        spelled = [name for name in self.places.names_in(normalized, covered_only=True) if self.places.names[name] == named
                   and self._role_of(normalized, name) == "insurance"]
        if not spelled:
            return None
        elsewhere = self.tools.normalize(_as_elsewhere(normalized, spelled))
        return self._insured_elsewhere(normalized, asked, city, elsewhere)

    def _care_in_our_other_city(self, normalized: str) -> str | None:
        """The message with the one of our cities named only as where care is read as 外地, when another of
        ours is named as where one is insured; None otherwise."""
        names = self.places.names_in(normalized, covered_only=True)
        roles = {name: self._role_of(normalized, name) for name in names}
        insured = {self.places.names[name] for name, role in roles.items() if role == "insurance"}
        if not insured:  # 在衡阳住院，也按衢州的规定报吗: the city whose rules are asked to apply
            ruling = {name for name, role in roles.items() if role == "unknown" and self.understanding.rules_asked_of(normalized, name)}
            insured = {self.places.names[name] for name in ruling}
            roles = {name: "insurance" if name in ruling else role for name, role in roles.items()}
        cared = [name for name, role in roles.items() if role == "care" and self.places.names[name] not in insured]
        if len(insured) != 1 or not cared or any(role not in ("care", "insurance") for role in roles.values()):
            return None
        return self.tools.normalize(_as_elsewhere(normalized, cared))

    def _product_used_in_our_other_city(self, normalized: str, asked: dict, city: str | None, named: str) -> SearchResult | None:
        """在衡阳住院惠衢保能报吗: one of our cities named only as where care is, asking about a product only
        another city has: care outside that product's city, as for a city we do not cover; None otherwise
        (湘潭住院报销比例 names no such product: Xiangtan's own rates are asked)."""
        if not asked.get("product", frozenset()) - {"basic", "remote-care"}:
            return None
        spelled = [name for name in self.places.names_in(normalized, covered_only=True) if self.places.names[name] == named]
        if not spelled or any(self._role_of(normalized, name) != "care" for name in spelled):
            return None
        result = self._decide(self.tools.normalize(_as_elsewhere(normalized, spelled)), city)
        return result if result.outcome == "answered" and result.entry.region != named else None

    def _insured_elsewhere(self, normalized: str, asked: dict, city: str | None,
                           elsewhere: str | None = None) -> SearchResult | None:
        """Someone insured in a city we do not cover, asking about one of our products: the
        knowledge's own answer for people insured elsewhere (外地医保能买惠衢保吗: 不能), when
        it answers the question read with "外地" for that city, surely, from an entry whose
        phrasings speak of people insured elsewhere; else None (the question is that city's)."""
        if not asked.get("product"):
            return None
        elsewhere = elsewhere or self.places.as_elsewhere(normalized, self.understanding, role="insurance")
        before, left = self.places.named(normalized)[1], self.places.named(elsewhere)[1]
        if any(asked["product"] <= own for own in self.understanding.region_products.values()):
            # (a product only one city's insured may join: being insured elsewhere is all that is asked of the place)
            for place in {place for place in left if left.count(place) < before.count(place)}:
                elsewhere = elsewhere.replace(place, "外地")  # (人在杭州打工，医保也是在杭州交的: one place, named twice)
            for place in left:
                elsewhere = elsewhere.replace("外地" + place, "外地")  # (医保在江西上饶: the province, then its city)
        if elsewhere == normalized or self.places.named(elsewhere)[1]:
            return None
        result = self._decide(elsewhere, city)
        if result.outcome == "answered" and result.confidence < self.ELSEWHERE_SURE:
            # 我岳母在外地交的医保，也能给她买惠衢保吗: unsure between buying for family and who may buy, the
            # entry whose own phrasings ask for people insured elsewhere is the one asked
            result = next((replace(result, entry=entry, suggestions=[]) for entry in (result.entry, *result.suggestions)
                           if entry.id in self.asked_by_insured_elsewhere), result)
            if result.entry.id not in self.asked_by_insured_elsewhere:
                return None
        if result.outcome != "answered" or result.entry.id not in self.for_insured_elsewhere \
                or not self._on_asked_product(result.entry, asked):  # 义乌医保外地人能参加居民医保吗 is no 惠衢保 question
            return None
        if result.entry.region not in (NATIONAL, *self.places.named(normalized)[0]) \
                and not asked.get("product", frozenset()) & set(result.entry.facets.get("product", ())) & self.understanding.portable_products:
            return None  # (昆明参保，共济能绑几个: 湘潭's rule for its own family aid is not Kunming's)
        if asked["product"] & self.understanding.shared_with_relatives \
                and self._asker_elsewhere_untold(normalized, self.places.named(normalized)[1], result.entry):
            return None  # (我在昆明交的医保，能给昭通的爸妈共济吗: the one who shares is insured there, whose rules we lack)
        return result

    def _without_conflicts(self, candidates: list[Candidate], asked: dict, content: str,
                           covered: list[str]) -> tuple[list[Candidate], tuple | None]:
        """Candidates whose facets agree with what the question names. When the best match is
        about another scheme, care, product or year and nothing that agrees matches about as
        well, the knowledge lacks the answer: (the (facet, value) pairs asked, that entry)."""
        kept = [c for c in candidates if not self._clashes(c, asked, content)]
        best = candidates[0]
        if kept and kept[0] is best:
            return kept, None
        # (…unless the best match speaks of a condition or care asked that the kept one never names:
        # 衢州居民医保透析报销比例 is not answered by the resident inpatient rates)
        specific = [d for d, values in asked.items() if set(best.entry.facets.get(d, ())) & values]
        if kept and kept[0].overlap >= best.overlap - self.CONFLICT_MARGIN and all(d in kept[0].entry.facets for d in specific):
            return kept, None
        if any(c.score >= self.SUGGEST_SCORE * best.score and self._declares(c.entry, asked) for c in kept):
            # The best match is about another scheme, care or product; an entry about exactly the
            # asked one matches too (居民门诊一年封顶 beside the employee outpatient cap).
            return kept, None
        own = next((c for c in kept if c.entry.region in covered), None)
        if own is not None and own.score >= self.SUGGEST_SCORE * best.score and self._on_asked_product(own.entry, asked):
            # The named city's best entry is on the asked product (昭通…从我职工医保个人账户里扣:
            # Zhaotong's family aid, below Quzhou's payment channels).
            return kept, None
        # Say everything the question asks about (衢州 · 职工医保 · 住院), the clashing facets last.
        missing = tuple((dimension, value) for dimension in FACET_ORDER if dimension in asked for value in sorted(asked[dimension]))
        vetoed = [c for c in candidates if self._clashes(c, asked, content)]
        nearest = next((c for c in vetoed if not self.understanding.unasked_product(content, c.phrasing)), best)
        return kept, (missing, nearest.entry)

    @staticmethod
    def _on_asked_product(entry: Entry, asked: dict) -> bool:
        """The entry declares a product the question names."""
        return bool(set(entry.facets.get("product", ())) & asked.get("product", frozenset()))

    @staticmethod
    def _declares(entry: Entry, asked: dict) -> bool:
        """The entry is explicitly about every value the question names (not "any" of them); the
        channel only tells apart the entries that have one (an app's steps are done on the phone)."""
        return all(set(entry.facets.get(dimension, ())) & values for dimension, values in asked.items()
                   if dimension in entry.facets or dimension not in SOFT_FACETS)

    def _within_named_topics(self, content: str, candidates: list[Candidate]) -> list[Candidate]:
        """A question naming a topic keyword (惠衢保, 亲情账户…) keeps only that topic's entries and
        entries whose matched phrasing names the keyword too; unchanged if that leaves none."""
        named = [(topic, words) for topic, words in self.topic_keywords if any(word in content for word in words)]
        if not named:
            return candidates
        kept = [c for c in candidates
                if any(c.entry.topic == topic or any(word in c.phrasing for word in words) for topic, words in named)]
        return kept or candidates

    # ---- decisions -----------------------------------------------------------------------
    def confidence(self, best: Candidate, rivals: Iterable[Candidate]) -> float:
        """How sure we are that `best` is the question asked: the geometric mean of its phrasing
        overlap and its lead over the best rival asking a different question (a lead of
        LEAD_FULL of its score or more counts in full)."""
        if math.isinf(best.score):  # an exact phrasing
            return best.overlap
        lead = 1.0
        for rival in rivals:
            if self._same_question(rival.entry, best.entry) or rival.phrasing == best.phrasing:
                continue  # the same question (asked of another place, if the same phrasing)
            lead = max(best.score - rival.score, 0.0) / best.score if best.score > 0 else 0.0
            break
        return math.sqrt(best.overlap * min(lead / self.LEAD_FULL, 1.0))

    def _asks_it_too(self, content: str, word: str, candidates: list[Candidate]) -> bool:
        """The knowledge itself asks the question about a neighbouring subject (共济资金能买商业
        保险吗): the best phrasing names it, and the rest of the question still leads there."""
        if not candidates or word not in candidates[0].phrasing or self.confidence(candidates[0], candidates[1:]) < self.ANSWER:
            return False
        # (the insurance its name goes on with is the neighbour's too: 长期护理保险的护理补贴怎么申请 asks nothing of ours)
        rest_of_it = re.sub(re.escape(word) + "(?:保险|险)?", " ", content)
        if not self.tools.has_anchor(rest_of_it):
            return False
        rest = self._rank(rest_of_it, 1)
        return bool(rest) and rest[0].entry.id == candidates[0].entry.id

    def _clashes(self, candidate: Candidate, asked: dict, content: str) -> bool:
        """The entry declares another value of a facet the question names, and the phrasing it
        matched through does not name the asked value itself (2026年惠衢保什么时候买 does)."""
        clashing = conflicts(candidate.entry.facets, asked)
        if not clashing:
            return False
        if self.understanding.unasked_product(content, candidate.phrasing, always=True):
            return True  # 2026年惠衢保什么时候买 names 2026, but 惠衢保 is not what was asked
        said = self.understanding.facets(candidate.phrasing)
        # (…nor names the entry's own value beside it: "pay huiqubao for my parents" is Huiqubao's, asked of family aid)
        return any(not (said.get(dimension, frozenset()) & asked[dimension])
                   or said.get(dimension, frozenset()) & set(candidate.entry.facets[dimension]) for dimension in clashing)

    def _for_named(self, candidates: list[Candidate], covered: list[str], named: str, content: str,
                   asked: dict, normalized: str, city: str | None) -> SearchResult:
        mapped: list[tuple[Candidate, Entry]] = []
        other_city: Candidate | None = None  # a better match that only another city has
        clashing: Entry | None = None  # the named city's member of a group, about another year or scheme
        for candidate in candidates:
            entry = self._member_for(candidate.entry, covered)
            if entry is None and (self._on_more_than_asked(candidate.entry, asked)
                                  or self.understanding.unasked_product(content, candidate.phrasing, named=asked.get("product", frozenset()))):
                continue  # 衢州医保卡去外地能用吗: Heihe's family aid used elsewhere is no other city's answer to it
            if entry is None:
                if not mapped and other_city is None:
                    other_city = candidate
            elif entry is not candidate.entry and set(conflicts(entry.facets, asked)) & self.MEMBER_FACTS:
                # Hengyang's outpatient rule (no year) stands for Quzhou's, which is 2025's: not 2023's.
                clashing = clashing or entry
            else:
                mapped.append((candidate, entry))
        if clashing is not None and (not mapped or mapped[0][0].score < candidates[0].score):
            missing = tuple((d, v) for d in FACET_ORDER if d in asked for v in sorted(asked[d]))
            return SearchResult("declined", region=named, decline_reason="not_in_knowledge", decline_region=named,
                                missing=missing, nearest=clashing)
        if other_city is not None:
            conf = self.confidence(other_city, candidates)
            # the city's best, or a national entry asking the same (医保余额怎么查: the national ways)
            # (and the city's entry answering that group's question too: 衢州's family-aid entry for what the money pays for)
            best_overlap = max([c.overlap for c, entry in mapped[:self.TOP_ENTRIES] if entry.region == NATIONAL or entry.group != c.entry.group]
                               + [mapped[0][0].overlap if mapped else 0.0])
            # (a match that does not give what is asked for says nothing of whether another city has it)
            if conf >= self.SUGGEST and other_city.overlap >= best_overlap + self.OTHER_CITY_EDGE and best_overlap < self.OWN_CITY_FAIR \
                    and self._unanswered_ask(other_city.entry, content) is None:
                return self._insured_in_our_other_city(normalized, asked, city, named) \
                    or self._product_used_in_our_other_city(normalized, asked, city, named) or SearchResult(
                    "declined", confidence=conf, region=named, decline_reason="no_entry_for_city", decline_region=named)
        if not mapped:
            return SearchResult("declined", region=named, decline_reason="low_confidence", decline_region=named)
        # (a rival leading to the same entry of the city, 衢州's family-aid rule standing for 湘潭's, is no rival; and the
        # question is as well read as any phrasing that leads there reads it: 湘潭家庭共济只限父母配偶子女 by 家庭共济范围)
        leading = mapped[0][1]
        overlap = max(c.overlap for c, entry in mapped if entry is leading)
        conf = self.confidence(replace(mapped[0][0], overlap=overlap), [c for c, entry in mapped[1:] if entry is not leading])
        best, entry = self._own_city_first(mapped, covered)  # how sure: still measured on the best match
        if self._other_product(content, best, conf, asked):
            if conf >= self.ANSWER and entry.region in covered and asked.get("member") \
                    and not set(entry.facets.get("product", ())) & self.understanding.region_products.get(entry.region, frozenset()):
                return self._with_alternatives(entry, mapped, conf, named)
            return self._suggest_or_decline(mapped, conf, named, named)
        if conf >= self.ANSWER:
            return SearchResult("answered", entry, conf, region=named)
        if self._tentative(best, conf, content) or self._siblings_tie(mapped, covered, asked):
            return self._with_alternatives(entry, mapped, conf, named)
        result = self._suggest_or_decline(mapped, conf, named, named)
        if result.decline_reason == "low_confidence" and self._named_product_leads(best, entry, asked, covered, content, normalized):
            return replace(result, named_lead=self._with_alternatives(entry, mapped, conf, named))
        return result

    def _named_product_leads(self, best: Candidate, entry: Entry, asked: dict, covered: list[str],
                             content: str, normalized: str) -> bool:
        """A short or loosely worded question (衡阳共济账户的钱能不能拿去健身房刷) overlaps every phrasing
        a little; when it names the city and the product, the city's entry on that product that leads
        is the one asked, unless a neighbour's topic is in the message or part of it is only told."""
        products = asked.get("product", frozenset())
        return bool(products & set(entry.facets.get("product", ()))) and entry.region in covered \
            and self.NAMED_PRODUCT_OVERLAP <= best.overlap < self.SUGGEST \
            and all(self.understanding.off_topic(text) is None for text in {content, normalized}) \
            and self.understanding.known_and_asked(normalized) is None and self._leads_without_names(entry, content)

    def _leads_without_names(self, entry: Entry, content: str) -> bool:
        """Whether the entry still ranks near the top on what the question says besides our own words (city,
        product): an overlap made of those names alone says nothing of what is asked (xiangtan gongji jieshu riqi…)."""
        rest = self.places.strip(self.reader.without_domain_words(content)).strip()
        return bool(rest) and entry.id in {c.entry.id for c in self._rank(rest, self.TOP_ENTRIES)[:self.NAMES_APART_TOP]}

    @staticmethod
    def _on_more_than_asked(entry: Entry, asked: dict) -> bool:
        """Another city's entry on a product besides the one the question names (Heihe's family aid used
        elsewhere, for 衢州医保卡去外地能用吗): not the same question of another city."""
        products = asked.get("product", frozenset())
        return bool(products) and bool(set(entry.facets.get("product", ())) - products - {"basic"})

    def _siblings_tie(self, mapped: list[tuple[Candidate, Entry]], covered: list[str], asked: dict) -> bool:
        """The named city's entries on the product asked lead, tied among themselves (湘潭参保 我妈在
        长沙参保 能绑吗: who may join, the conditions, relatives elsewhere — each says it): the first
        answers, the others are offered."""
        products = asked.get("product", frozenset())
        if len(mapped) < 2 or not products:
            return False
        (first, one), (second, other) = mapped[0], mapped[1]
        return (one.region in covered and other.region in covered and first.overlap >= self.SIBLINGS_OVERLAP
                and second.overlap >= self.SUGGEST and all(products & set(e.facets.get("product", ())) for e in (one, other)))

    def _own_city_first(self, mapped: list[tuple[Candidate, Entry]], covered: list[str]) -> tuple[Candidate, Entry]:
        """A national overview ranked first, the named city's own rule close behind: the city's
        rule is the answer (黑河的医保个人账户能给兄弟用吗 is asked of Heihe). Close behind: on the
        same product, scoring OWN_CITY_NEAR of it and overlapping about as well; or on anything,
        scoring OWN_CITY_FAR of it and overlapping the question at least as well."""
        best, entry = mapped[0]
        if entry.region != NATIONAL:
            return best, entry
        if math.isinf(best.score):
            # a national phrasing word for word; the city's own entry on it, close behind the next best
            finite = max((c.score for c, _ in mapped[1:] if not math.isinf(c.score)), default=0.0)
            for candidate, own in mapped[1:]:
                if own.region in covered and candidate.score >= self.OWN_CITY_NEAR * finite \
                        and candidate.overlap >= self.OWN_CITY_EXACT_OVERLAP:
                    return candidate, own
            return best, entry
        product = set(entry.facets.get("product", ()))
        for candidate, own in mapped[1:]:
            if candidate.score < self.OWN_CITY_FAR * best.score:
                break
            if own.region not in covered:
                continue
            if candidate.overlap >= best.overlap or (
                    candidate.score >= self.OWN_CITY_NEAR * best.score and candidate.overlap >= best.overlap - self.OWN_CITY_MARGIN
                    and product & set(own.facets.get("product", ()))):
                return candidate, own
        return best, entry

    def _unnamed(self, candidates: list[Candidate], city: str | None, normalized: str, asked: dict,
                 names_a_place_we_lack: bool = False) -> SearchResult:
        if city is None:
            candidates = self._national_first(candidates, normalized)
        best = candidates[0]
        if city is None and best.entry.region != NATIONAL and len(self.topic_regions.get(best.entry.topic, ())) > 1:
            group = self._likeliest_group(candidates)
            if group is not None:  # 家庭共济怎么弄: several cities answer it, each its own way
                return self._which_city(list(self.groups[group].values()), normalized, 0.0)
        conf = self.confidence(best, candidates[1:])
        entry = self._resolve_unnamed(best.entry, city)
        if self._other_product(normalized, best, conf):
            pairs = [(c, self._resolve_unnamed(c.entry, city) or c.entry) for c in candidates]
            offered = self._suggest_or_decline(pairs, conf, None, city or NATIONAL)
            if not (conf >= self.ANSWER and offered.suggestions == [entry] and entry.region in (NATIONAL, city)
                    and (self.understanding.asks_something(normalized) or not _AN_AMOUNT.search(normalized))):
                return offered  # (目录外的有一万多点, an amount told within an estimate, asks nothing)
            # (用出生证绑孩子要填谁的身份证号: the product is unnamed, but nothing else comes near)
        if conf >= self.ANSWER:
            if entry is None:
                return self._which_city(self._group_members(best.entry), normalized, conf)
            if city and entry.region not in (NATIONAL, city) and not self._implied_region(entry, normalized):
                # Another city's rule is no answer for a resident of this one; the resident's own city's, about as
                # close, is (门诊起付线是每次扣还是一年扣 in a Quzhou estimate: Hengyang's phrasing is nearest)
                own = [c for c in candidates if c.entry.region in (NATIONAL, city)]
                if own and own[0].overlap >= best.overlap - self.OWN_CITY_MARGIN and self.confidence(own[0], own[1:]) >= self.ANSWER:
                    return SearchResult("answered", own[0].entry, conf)
                return SearchResult("declined", confidence=conf, decline_reason="no_entry_for_city", decline_region=city)
            return SearchResult("answered", entry, conf)
        pairs = [(c, self._resolve_unnamed(c.entry, city) or c.entry) for c in candidates]
        if entry is not None and self._tentative(best, conf, normalized):
            if city:  # another city's rule is no answer, nor an alternative, even when unsure (起付线是700吧 in a Quzhou estimate)
                pairs = [(c, e) for c, e in pairs if e.region in (NATIONAL, city) or self._implied_region(e, normalized)]
                if entry.region not in (NATIONAL, city) and not self._implied_region(entry, normalized):
                    return self._suggest_or_decline(pairs, conf, None, city) if pairs else SearchResult(
                        "declined", confidence=conf, decline_reason="no_entry_for_city", decline_region=city)
            return self._with_alternatives(entry, pairs, conf, None)
        result = self._suggest_or_decline(pairs, conf, None, city or NATIONAL)
        if result.decline_reason == "low_confidence" and entry is not None \
                and (entry.region == NATIONAL or self._implied_region(entry, normalized)) and not names_a_place_we_lack \
                and self._named_product_leads(best, entry, asked, [entry.region], normalized, normalized):
            # (惠衢保赔钱是不是要我先垫付: the product names its city)
            return replace(result, named_lead=self._with_alternatives(entry, pairs, conf, None))
        return result

    def _one_citys_basic_rule_unasked(self, entry: Entry, question: str, city: str | None) -> bool:
        """新农合今年交多少 with no city named or chosen: a name used all over China, and basic insurance's rules are
        each city's own; the one city whose rule the knowledge has is not said to be the resident's: which city is
        asked first. (The cheap facts first: this is asked of every answer.)"""
        if city or entry.region == NATIONAL or "basic" not in entry.facets.get("product", ()) \
                or not self.understanding.names_an_unplaced_name(self.tools.to_simplified(question)):
            return False
        normalized = self.read(question)
        return self.places.named(normalized) == ([], []) and not self._implied_region(entry, normalized)

    def _national_first(self, candidates: list[Candidate], normalized: str) -> list[Candidate]:
        """No city named or chosen, one city's own rule ranked first, a national entry close behind
        and overlapping about as well: the national answer holds wherever the resident is
        (微信怎么查医保余额: the WeChat steps, not one city's official account)."""
        best = candidates[0]
        if best.entry.region == NATIONAL or self._implied_region(best.entry, normalized):
            return candidates
        return self._promoted(candidates, self.NATIONAL_NEAR, 4, lambda c: c.entry.region == NATIONAL
                              and c.overlap >= best.overlap - self.OWN_CITY_MARGIN)

    def _which_city(self, members: list[Entry], normalized: str, conf: float) -> SearchResult:
        """Ask which city, among the cities using the app the question names (湘医保: Hengyang or
        Xiangtan); the one city that uses it is the answer (云南医保: Zhaotong), as is the one city whose
        rule holds the figures the question quotes (职工门诊起付三百报七成对吧: Quzhou's, not Hengyang's)."""
        apps = self.understanding.region_apps
        using = {region for region, words in apps.items() if any(word in normalized for word in words)}
        if using and (naming := [member for member in members if member.region in using]):
            if len(naming) == 1 < len(members):
                return SearchResult("answered", naming[0], conf)
            members = naming
        # (祁阳市的…是不是也降到10%了: a place we lack is asked of, whatever figures of ours it matches)
        quoted = _quoted_figures(normalized) if self.places.unknown(normalized, self.understanding) is None else set()
        held = {member.id: quoted & _figures_in(member.answer) for member in members} if quoted else {}
        # (七百…百分之六十: Quzhou's rule holds both, Hengyang's only 60; 起付300 of both: still asked)
        holding = [member for member in members if held and all(held[other.id] < held[member.id]
                                                                 for other in members if other.id != member.id)]
        if len(holding) == 1 < len(members):
            return SearchResult("answered", holding[0], conf, by_figures=True)
        return SearchResult("need_city", None, conf, suggestions=members)

    def _likeliest_group(self, candidates: list[Candidate]) -> str | None:
        """The per-city question (group) that most of the best candidates belong to, if two do."""
        counts: dict[str, int] = {}
        top = candidates[0].score
        for candidate in candidates[: self.GROUP_VOTES]:
            group = candidate.entry.group
            if group and len(self.groups.get(group, ())) > 1 and (group in counts or candidate.score >= self.GROUP_NEAR * top):
                counts[group] = counts.get(group, 0) + 1
        if not counts:
            return None
        group, votes = max(counts.items(), key=lambda item: item[1])
        return group if votes >= 2 else None

    def _other_product(self, question: str, best: Candidate, conf: float, asked: dict | None = None) -> bool:
        """The best match is about a product the question does not name: offer it, do not answer
        with it, when the question speaks of insurance in general or the match is not strong.
        `asked`: the facets read before places were taken out of `question` (outside Quzhou names
        remote care)."""
        understanding = self.understanding
        named = understanding.facets(question).get("product", frozenset()) | (asked or {}).get("product", frozenset())
        if self._on_asked_product(best.entry, {"product": named}):
            return False
        if any(understanding.own_entry(ask) for ask in understanding.asks(question) & self._promised(best.entry)):
            return False  # the entry is meant for just what is asked (先扣谁的: the order of payment)
        return (understanding.unasked_product(question, best.phrasing, named=named)
                or conf < self.STRONG and understanding.unasked_product(question, best.phrasing, always=True, named=named))

    def _about_asked_product(self, question: str, entry: Entry) -> bool:
        """The entry declares the product the question names, whatever its phrasing names (the
        national app's family account: a question about the app is about it)."""
        return self._on_asked_product(entry, self.understanding.facets(question))

    def _tentative(self, best: Candidate, conf: float, question: str) -> bool:
        """Worth answering with alternatives: fairly likely, about the product asked (if any),
        and the question says more than one word (医保 alone asks nothing in particular)."""
        return (conf >= self.TENTATIVE and best.overlap >= self.SUGGEST
                and (self._about_asked_product(question, best.entry)
                     or not self.understanding.unasked_product(question, best.phrasing, always=True))
                and (len(self.tools.analyze(self.places.strip(question))[0]) >= 2 or self._names_only_a_product(question)))

    def _with_alternatives(self, entry: Entry, pairs: list[tuple[Candidate, Entry]], conf: float,
                           named: str | None) -> SearchResult:
        """The likeliest answer, with the runners-up offered in case it is not the question asked."""
        others = self._suggest_or_decline(pairs, conf, named, named or NATIONAL).suggestions
        alternatives = [other for other in others if not self._same_question(other, entry)][:2]
        return SearchResult("answered", entry, conf, suggestions=alternatives, region=named)

    def _suggest_or_decline(self, pairs: list[tuple[Candidate, Entry]], conf: float,
                            named: str | None, region: str) -> SearchResult:
        top = pairs[0][0]
        if top.overlap < self.SUGGEST:
            return SearchResult("declined", confidence=conf, region=named,
                                decline_reason="low_confidence", decline_region=region)
        suggestions: list[Entry] = []
        seen: set[str] = set()
        for candidate, entry in pairs:
            if candidate.overlap < self.SUGGEST or candidate.score < self.SUGGEST_SCORE * top.score:
                continue
            key = entry.group or entry.id
            if key in seen:
                continue
            seen.add(key)
            suggestions.append(entry)
            if len(suggestions) == 3:
                break
        return SearchResult("suggested", None, conf, suggestions=suggestions, region=named)

    # ---- groups and regions --------------------------------------------------------------
    def _same_question(self, a: Entry, b: Entry) -> bool:
        return a.id == b.id or (a.group is not None and a.group == b.group)

    def _group_members(self, entry: Entry) -> list[Entry]:
        if not entry.group:
            return [entry]
        return list(self.groups.get(entry.group, {entry.region: entry}).values())

    def _member_for(self, entry: Entry, regions: list[str]) -> Entry | None:
        """The entry answering `entry`'s question for the named regions, None if only another city's."""
        members = self.groups.get(entry.group) if entry.group else None
        if members:
            # (a region's entry of the group itself before one answering it too: 在衢州…搬到衡阳后共济的钱… is Hengyang's)
            named = sorted((region for region in regions if region in members), key=lambda region: members[region].group != entry.group)
            if named:
                return members[named[0]]
            return members.get(NATIONAL) if entry.region != NATIONAL else entry
        return entry if entry.region in regions or entry.region == NATIONAL else None

    def _resolve_unnamed(self, entry: Entry, city: str | None) -> Entry | None:
        """No city named: a grouped entry becomes the chosen city's (or the national) member;
        None means the resident must pick a city."""
        members = self.groups.get(entry.group) if entry.group else None
        if not members or len(members) == 1:
            shared_topic = len(self.topic_regions.get(entry.topic, ())) > 1
            if shared_topic and entry.region != NATIONAL and city is None:
                return None  # one city's answer in a topic several cities have: ask which city
            return entry
        if city and city in members:
            return members[city]
        if NATIONAL in members:
            return members[NATIONAL]
        return None

    def _implied_region(self, entry: Entry, normalized: str) -> bool:
        """The question names a product only the entry's region has (惠衢保 is Quzhou's)."""
        products = self.understanding.region_products.get(entry.region, ())
        return bool(products) and bool(self.understanding.facets(normalized).get("product", frozenset()) & products)

    # ---- diagnostics ---------------------------------------------------------------------
    def explain(self, question: str, limit: int = 5) -> list[Candidate]:
        normalized = self.tools.normalize(question)
        return self._rank(self.places.strip(normalized), limit)
