"""A whole case in one message: 我妈在衢州三级医院住院花了10万，目录外的药2万，买了惠衢保，能报多少.

Fills every step of the estimate dialogue the message answers, with the same vocabulary as the
step-by-step answers (answer_reader), and nothing it has to guess: a step whose words point two
ways is left for the dialogue to ask. The resident sees what was understood and may change it.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bot.domain.estimate.amounts import AmountError, find_amount_spans, find_amounts, parse_amount, prepare
from bot.domain.estimate.answer_reader import OUTSIDE, UNSURE, Unread, simplified
from bot.domain.estimate.interview import ALL_PAID, AMOUNT_STEPS, GIVEN, WORD_TABLE, Interview
from bot.domain.estimate.rules import comparable
from bot.domain.questions.understanding import AGE_TOLD_IN_A_CASE, ENGLISH_AGE_WITHOUT_UNIT

LONGEST_CASE = 400  # characters read: a case is a few sentences; the rest of a long message is not
NOTHING = Decimal("0.00")
_REIMBURSED_AFTER = re.compile(r"报(?:的|了|过)")  # 那7600是去年报的: an amount the fund paid
# Clause ends; a point or comma between digits is part of a number (1.2w, 100,000). A colon does
# not end one: it leads to the value (医保内：5万). A space ends a clause too (衢州职工 门诊 二甲), but
# not before a number (level 2, 医保内 5万) nor between English words (stayed in a level 3
# hospital in Quzhou), where "and"/"but" end one instead (50000 in scope and 8000 self-paid).
_HAN = re.compile(r"[\u3400-\u9fff]")
# 呢 inside a clause spoken on (自费的药呢有两万四): a pause before what is told of it, not a question; dropped
_PAUSING_NE = re.compile(r"呢(?=[\u3400-\u9fff0-9])")
# 一次两百，一个月去四次; 150 a visit, three times a month: a month's cost is the price of a visit times the visits
_PER_VISIT = re.compile(r"一次|每次|一趟|每趟|\b(?:a|per|each) (?:visit|time)\b")
_VISITS_A_MONTH = re.compile(r"(?:一个月|每个月|每月|一月)[^，,。；;]{0,10}?([0-9]+|[一二两三四五六七八九十]+)(?:次|趟|回)"
                             r"|\b([0-9]+|[a-z]+) times (?:a|per|each|every) month|\b(twice) (?:a|per|each|every) month")
_ENGLISH_COUNTS = {"once": 1, "twice": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_PEOPLE_CLAUSES = re.compile(r"[;!?，。；！？]|,(?![0-9]{3})|\.(?![0-9])")  # (not 5,000 nor 1.5)
_SPEAKER = re.compile(r"^(?:那|然后)?(我|她|他)(?=在|是|的|也|住|看|去|花|这|自己)")
_ALL_OF_THEM = re.compile(r"都|两个|两人|俩|三个人|两位|\bboth\b|\beach\b|\ball of\b")
# A space between Chinese words parts clauses (voice input types no commas: 医保内3万 自费2万), and so does one after an
# amount (3w 自费2w); not one before 的 (自费 的药), nor one after an English word (self-pay 的药, Huiqubao 没买), which
# sits in a Chinese sentence as a word; a dash parts clauses (Quzhou resident insurance — 4 nights in Kaihua). Spoken on
# without pauses, the words of interview.yaml `clause_starts` (然后, a request: …惠衢保没买帮我算算能报多少) start one too
# (CaseReader._clauses).
_CLAUSES = re.compile(r"(?:[;!?，。；！？、—–]|\s-\s|(?<![0-9])[,.]|[,.](?![0-9])|(?<![a-z0-9])\s(?![0-9的地得])|(?<=[0-9])\s(?![a-z0-9])"
                      r"|(?<=[0-9][a-z])\s(?![a-z0-9])"
                      r"|(?<![a-z])\s+(?:and|but)\s+(?![a-z]))+|(?<=[a-z0-9])\s+(?:and|but)\s+(?=[a-z0-9])")
_WHO_THE_PERSON_IS = frozenset({"scheme", "hardship", "huiqubao"})  # details a "what if" may say of the person alone
_OWN_CASE = re.compile(r"我自己|我本人|本人|myself")  # the resident telling of their own case beside others'
_THE_SPEAKER = frozenset({"我", "我自己", "我本人", "本人", "自己", "myself", "me", "i"})


def _ends_with(text: str, words: tuple[str, ...], trailing: str | None = None) -> bool:
    """The text, as amounts are read (prepare), ends with one of the words, once `trailing` characters are stripped."""
    return prepare(text).rstrip(trailing).endswith(words)


def is_the_speaker(person: str | None) -> bool:
    """Whether one of several people told of is the resident (我, myself)."""
    return person is not None and person.strip().lower() in _THE_SPEAKER
_KEEPING_STOPS = re.compile(r"(?<=[，,。.；;！!？?])")  # clauses, each with its stop
# The nearer of two labels wins, and a label inside a longer one (能报的 in 不能报的) is not one.


COST_STEPS = ("in_scope", "special_drug")  # where what was spent goes: the cost in the catalogue, or a special drug's


def cost_step(care: str | None) -> str:
    """The step a case's cost answers: a special drug's price, or the cost in the catalogue."""
    return "special_drug" if care == "special-drug" else "in_scope"


def other_cost_step(step: str) -> str:
    return COST_STEPS[1 - COST_STEPS.index(step)]


PLAN_STEP = "huiqubao"  # the yes/no step asking whether the supplementary plan was joined
_SUPPOSED = re.compile(r"如果|要是|假如|假设|万一|what if|suppose|if it was|if it were|if it had been")
_BOUGHT = re.compile(r"买|投保|参保|参加|bought|joined|enrolled")
_ENGLISH_NOT = re.compile(r"\b(?:no|not|none|nothing|never|haven't|hasn't|hadn't|havent|hasnt|didn't|didnt|yet to)\b")


@dataclass
class Case:
    answers: dict = field(default_factory=dict)
    aside: dict = field(default_factory=dict)  # understood, but no rule covers it (Quzhou 职工 住院)
    elsewhere: str | None = None  # the insurance city named, as typed, when the rules lack it (我是黑河的)
    # The cost told only as a price per unit (每个月药费1000): the figure, which fills no step by itself.
    per_unit: Decimal | None = None
    # A correction or "what if" of the case worked on (不对我是职工, 那二级医院呢): the details it changed.
    changed: tuple[str, ...] = ()
    # Told of someone else, likened to the case before (我女儿也是衢州职工…): what was paid this year was not theirs.
    someone_else: bool = False
    # …at the same hospital (也在那家医院看的): the level of the case before is theirs too.
    same_hospital: bool = False
    # The whole cost told with the part outside the list in it (合计56320，其中自费2300): the whole, the cost
    # inside the list being worked out from it (said before the estimate).
    from_total: Decimal | None = None
    per_month: bool = False  # the cost told is a month's (每个月药费3000, 3,000 a month): a year is twelve of them
    # One of several people's cases told in one message (我妈…花了3万，我爸…花了5万): whose this is, and whose wait
    person: str | None = None
    others: tuple[str, ...] = ()
    by_care: bool = False  # …or one of several kinds of care told with their costs (住院5万，另外特药2万): person is the care
    rough: bool = False  # the cost told only roughly (五千多块, 两三万): an amount was given, none to work on

    @property
    def costs_answered(self) -> bool:
        """Whether the cost the estimate works on is among the answers (not only a price per unit)."""
        return any(name in self.answers for name in COST_STEPS)

    def with_the_price_per_unit_as_the_cost(self) -> "Case":
        """The case with its price per unit (每个月药费1800) taken as the cost, as a correction takes it."""
        return replace(self, answers={**self.answers, cost_step(self.answers.get("care")): self.per_unit})

    @property
    def costs(self) -> bool:
        """Whether the case tells what was spent (the amount the estimate works on), or a price per unit."""
        return self.costs_answered or self.per_unit is not None


# A hospital right after a place (衢州三级医院, 衢州市人民医院, 开化县的医院): the place is where care was.
_ALL_SAID_OF = 6  # characters after 全是/都在 where the catalogue is named (全是医保范围内的; not 都在杭州做的透析…)
_ENGLISH_NEAR = 5  # words either side of a place naming the insurance in English
_HOSPITAL_AFTER = re.compile(r"(?:市|县|区)?的?[^，,。；;!?！？\s]{0,5}?(?:医院|卫生院|卫生服务中心)")


# A part of what was spent, told with no label (花了5万，其中1万是自费的): only these words, not 目录里面 (inside the list)
_PART_OF_WHAT_WAS_SPENT = re.compile(r"其中|当中|这里面|这里头|(?<!目录)(?<!范围)(?<!医保)里面有|(?<!目录)(?<!范围)(?<!医保)里头有|of which|including|included")
# A part said to be outside the whole (自费的1万不算在里面, not included)
_NOT_PART_OF = re.compile(r"[不没](?:算在|算进|在|包括|包含|含)|not (?:included|including|counted)|excluding|on top of")
# What may stand between a label and its amount in another clause (the invoice total is ¥56,320.00).
_CURRENCY_ONLY = re.compile(r"[\s¥￥$]|rmb|cny")
# an amount's label, and the answer it fills (其中报过的3700: what the fund paid this year)
_TOLD_AS = {"fund_paid": "fund_paid_this_year"}
# 不是十二万五，是十三万二 / not 125k but 132k: what is denied, set right at once, is told as the second
_NOT_THIS_BUT = re.compile(r"(?<!是)不是[^，,。；;!?！？]{1,12}?(?:[，,、]\s*(?:而|就|应该)?是|而是)(?=[^，,。；;!?！？]{1,12})|"
                           r"\bnot\s+[0-9][0-9,.]*\s*(?:k|w|yuan|rmb|kuai)?\s*,?\s+but\s+(?=[0-9])")


_A_NUMERAL = re.compile(r"[0-9零〇一二两三四五六七八九十百千万]")

# What only the estimate asks of the person, which no FAQ question varies (要是她买了惠衢保呢, 要是她是低保户呢)
PERSONAL_STEPS = ("hardship", "huiqubao")


def _blank(age: re.Match) -> str:
    """An age (我妈68了, my mum is 68) blanked out, the same length: no amount of money."""
    return " " * len(age.group(0))


class CaseReader:
    def __init__(self, interview: Interview):
        self.interview = interview
        self._cases: dict[str, Case] = {}  # message -> the case it tells (read())
        self.reader = interview.reader
        known = interview.words.understanding
        self._markers = tuple(comparable(w) for w in known.care_place_markers)
        self._fillers = tuple(sorted((comparable(w) for w in known.care_place_fillers), key=len, reverse=True))  # 在我们衢江区
        # 在外地住院, 在杭州看病: words that say care was had (the care step's own words, and care_words)
        self._care_words = tuple({comparable(str(word)) for choice in interview.words.choices("care").values()
                                  for word in choice.words if _HAN.search(str(word)) and "…" not in str(word)} |
                                 {comparable(w) for w in known.care_words})
        self._amount_questions = tuple(comparable(w) for w in known.amount_questions)
        self._what_if_asks = tuple(sorted((prepare(w) for w in known.what_if_asks), key=len, reverse=True))
        self._insurance = tuple(comparable(w) for w in known.insurance_words)
        self._home = (tuple(comparable(w) for w in known.home_before), tuple(comparable(w) for w in known.home_after))
        self._deductible = tuple(prepare(w) for w in known.deductible_words)
        self._paid = tuple(prepare(w) for w in known.paid_words)
        self._other_year = tuple(prepare(w) for w in known.other_year_words)
        self._replaced = tuple(prepare(w) for w in known.replaced_words)
        self._exact = tuple(prepare(w) for w in known.exact_words)
        # 我医保早就从衡阳转回衢州了: insurance moved from one city to another is insured in the second, and no care was anywhere
        moved = "|".join(map(re.escape, sorted(known.moved_words, key=len, reverse=True)))
        self._transferred = re.compile(rf"(?P<what>医保|社保|参保|关系|保险)(?P<when>[^，。,；;！？!?]{{0,4}}?)(?:从|由)[^，。,；;！？!?]{{1,8}}?"
                                       rf"(?:{moved})(?:了|到)?(?P<to>[^，。,；;！？!?了的]{{2,4}})") if moved else None
        self._part_of_total = _any_of(_cue_patterns(known.part_of_total_words))
        self._a_month = _any_of(_cue_patterns(known.month_words))
        self._pointing_back = _any_of(_cue_patterns(known.pointing_back_words))
        self._a_year = _any_of(_cue_patterns(known.year_words))
        self._level_asked = _any_of(_cue_patterns(known.level_asked_words))
        self._other_people = tuple(comparable(w) for w in known.other_person_words)
        self._also = tuple(comparable(w) for w in known.also_words)
        self._another_case = tuple(comparable(w) for w in known.another_case_words)
        starts = "|".join(re.escape(prepare(w)) for w in sorted(known.clause_starts, key=len, reverse=True) if prepare(w))
        self._clauses = re.compile(f"{_CLAUSES.pattern}|(?<=[\u3400-\u9fff0-9])(?={starts})") if starts else _CLAUSES
        self._care_done = tuple(comparable(w) for w in known.care_done_words)
        self._labels = {kind: tuple(prepare(w) for w in getattr(known.amount_labels, kind))
                        for kind in ("out_of_list", "special_drug", "in_scope", "not_a_cost", "total", "fund_paid")}
        self._negations = tuple(prepare(w) for w in known.negations)
        self._follow_up_ends = tuple(prepare(w) for w in known.follow_up_ends)
        self._corrections = _cue_patterns([*known.correction_words, *known.addendum_words])
        self._what_ifs = _cue_patterns(known.what_if_words)
        # each list as one pattern, for the look every message gets (most name no cue at all)
        self._any_correction = _any_of(self._corrections)
        self._any_what_if = _any_of(self._what_ifs)
        self._unchanged = _cue_patterns(sorted(known.unchanged_words, key=len, reverse=True))  # 其他都一样: asks nothing
        self._same_hospital = _any_of(_cue_patterns(sorted(known.same_hospital_words, key=len, reverse=True)))
        self._yes_no_steps = frozenset(known.step_words)  # hardship, huiqubao
        self._all = tuple(comparable(w) for w in known.whole_cost_words)
        self._none_alone = frozenset(comparable(w) for w in known.none_words)
        self._hardship = tuple(comparable(w) for w in (known.step_words["hardship"].yes if "hardship" in known.step_words else []))
        # 一般家庭, an ordinary family: told not to be one (not 普通, which 普通门诊 says too)
        self._no_hardship = tuple(w for w in (comparable(w) for w in (known.step_words["hardship"].no if "hardship" in known.step_words else []))
                                  if len(w) > 2)
        # 有惠衢保不是低保户: read for 惠衢保 without the hardship words and the negation before them
        hardship_words = sorted({w for w in self._hardship if _HAN.search(w) or re.fullmatch(r"[a-z]{4,}", w)}, key=len, reverse=True)  # (不是dibao)
        negations = sorted({*self.reader.negations, "是"}, key=len, reverse=True)
        self._hardship_said = re.compile("(?:" + "|".join(map(re.escape, negations)) + ")?(?:" + "|".join(map(re.escape, hardship_words)) + ")") \
            if hardship_words else None
        # 衢州居民, 在衢州(单位上班)交的医保: after the place (up to six characters on); 户口在衢州, 医保在衢州: just before it (not 居民在衢州住院)
        schemes = {comparable(str(word)) for choice in interview.words.choices("scheme").values() for word in choice.words}
        self._insurance_before = tuple(word for word in self._insurance if word not in schemes)
        plans = {rule.plan for rule in interview.rules.supplementary}
        # (as compared, the plan): 惠衢保 and its other spellings (Huiqubao) name it
        self._plan_ids = tuple(sorted(plans))
        self._plans = tuple((comparable(name), plan) for plan in plans for name in (plan, *known.plan_names.get(plan, ())))

    READ_CACHED = 1024  # messages whose case is kept: the estimate's filter and the FAQ's notes read the same one

    def people(self, text: str) -> list[tuple[str, str]] | None:
        """Two or more people's cases told in one message (我妈在二级医院住院花了3万，我爸在三级医院住院花了5万，都在衢州):
        each person as named and their case: the clauses from where they are named until the next person, with
        those telling of no one in particular or of all of them (都, 两个, both); None when the costs are one person's."""
        clauses = [clause for clause in _PEOPLE_CLAUSES.split(text) if clause.strip()]
        own: dict[str, list[str]] = {}
        shared, current = [], None
        for clause in clauses:
            compared = comparable(clause)
            words = {word for word in self._other_people if word in compared}
            if (spoken := _SPEAKER.match(compared)) is not None and not words:
                words = {spoken.group(1)}  # 我在二级医院看门诊…；她在三级医院…: the asker and "she" are people too
            if len(words) > 1 or _ALL_OF_THEM.search(compared):
                shared.append(clause)
                current = None
            elif len(words) == 1:
                current = next(iter(words))
                own.setdefault(current, []).append(clause)
            elif current is not None:
                own[current].append(clause)
            else:
                shared.append(clause)
        people = [person for person, told in own.items() if self.read("，".join(told)).costs]
        if len(people) < 2:
            return None
        return [(person, "，".join([*shared, *own[person]])) for person in people]

    def cares_apart(self, text: str) -> list[tuple[str, str]] | None:
        """Two kinds of care with their own costs in one message (住院目录内5万，另外在药店买了特药2万): each care and
        its case, the clauses from where it is named until the next care, with those telling no cost of their own
        (the city, 买了惠衢保); None when the costs are one care's. Each is paid by its own rules and worked out apart;
        a part of a total (其中特药2万) stays with the care it is part of."""
        clauses = [clause for clause in _PEOPLE_CLAUSES.split(text) if clause.strip()]
        whose: list[str | None] = []  # each clause's care, None for those of all
        current = None
        for clause in clauses:
            case = self.read(clause)
            care = case.answers.get("care")
            if care is not None and not (current is not None and self._part_of_total.search(_spelled(clause))):
                current = care
            whose.append(None if care is None and not case.costs else current)
        told = {care: "，".join(clause for clause, owner in zip(clauses, whose) if owner in (None, care))
                for care in dict.fromkeys(owner for owner in whose if owner is not None)}
        cares = [care for care in told
                 if self.read("，".join(clause for clause, owner in zip(clauses, whose) if owner == care)).costs]
        return [(care, told[care]) for care in cares] if len(cares) > 1 else None

    def read(self, text: str) -> Case:
        case = self._cases.get(text)
        if case is None:
            if len(self._cases) >= self.READ_CACHED:
                self._cases.clear()
            case = self._cases[text] = self._read(text)
        return replace(case, answers=dict(case.answers), aside=dict(case.aside))  # callers may add to theirs

    def gathered(self, earlier: Case, case: Case) -> Case:
        """What a message tells (三级医院看普通门诊) added to what messages before it told outside an estimate
        (衡阳职工医保): the newer detail replaces, the earlier ones fill what it leaves unsaid. Another insurance
        city starts a new case; another care drops the costs and the deductible paid, which were that care's."""
        told = {**earlier.aside, **earlier.answers}
        city = told.get("city")
        if "city" in case.answers and city not in (None, case.answers["city"]) \
                or case.elsewhere is not None and case.elsewhere != earlier.elsewhere:
            return case
        per_unit = earlier.per_unit if case.per_unit is None else case.per_unit
        if "care" in case.answers and told.get("care") not in (None, case.answers["care"]):
            for name in (*AMOUNT_STEPS, *GIVEN):
                told.pop(name, None)
            per_unit = case.per_unit
        settled, aside = self.interview.settle({**told, **case.aside, **case.answers})
        per_month = case.per_month if case.per_unit is not None else earlier.per_month and per_unit is not None
        return Case(settled, aside, None if "city" in settled else case.elsewhere or earlier.elsewhere, per_unit, per_month=per_month)

    @staticmethod
    def _set_right(denied: re.Match) -> str:
        """不是十二万五，是十三万二: the figure denied is taken back, the one after it told; a denial naming no figure
        (不是在衢州住的院，是在杭州) is kept, read as negated: what else it tells (住院) still holds."""
        if denied.group(0).startswith("not"):
            return ""
        return "，不对，是" if _A_NUMERAL.search(denied.group(0)) else denied.group(0)

    def _read(self, text: str) -> Case:
        """A case corrected within its message (在三级医院，哦不对，是二级，花了5万) is what came before with what
        the correction says in its place."""
        text = _NOT_THIS_BUT.sub(self._set_right, text[:LONGEST_CASE])
        split = self.reader.corrected_within(simplified(text))
        if split is None:
            return self._read_as_told(text)
        before, after = map(self._read_as_told, split)
        after = self._labelled_before(split, before, after)
        settled, aside = self.interview.settle({**before.aside, **before.answers, **after.aside, **after.answers})
        return replace(after, answers=settled, aside=aside, elsewhere=None if "city" in settled else after.elsewhere or before.elsewhere,
                       per_unit=after.per_unit if after.per_unit is not None else before.per_unit)

    def _labelled_before(self, split: tuple[str, str], before: Case, after: Case) -> Case:
        """An amount corrected with no label of its own (自费药我看错了，不是六千，是一万八) is of the label told last before
        the correction, not the cost asked first."""
        told_before = [clause for clause in self._clauses.split(prepare(split[0])) if clause.strip()]
        kind = self._label(told_before[-1]) if told_before else ""
        kind = _TOLD_AS.get(kind, kind)  # (今年门诊之前报过的不是3700，是3000: what the fund paid this year, corrected)
        if kind == "not_a_cost" and self._deductible_paid(told_before[-1]):
            kind = "deductible_used"  # (之前扣的起付线记错了，不是两百，是一百: what was paid of it this year, corrected)
        main = cost_step({**before.answers, **after.answers}.get("care"))
        if not kind or kind == main or kind not in AMOUNT_STEPS + tuple(_TOLD_AS.values()) + ("deductible_used",) or self._label(split[1]) \
                or main not in after.answers or kind in after.answers:
            return after
        answers = {(kind if name == main else name): value for name, value in after.answers.items()}
        return replace(after, answers=answers)

    def _read_as_told(self, text: str) -> Case:
        text = self.reader.negation_joined(_PAUSING_NE.sub("", self._own_told(simplified(text[:LONGEST_CASE]))))
        if self._transferred is not None:
            text = self._transferred.sub(lambda m: f"{m.group('what')}是{m.group('to')}的", text)
        clauses = [(clause, comparable(clause)) for clause in map(self._said, self._clauses.split(prepare(text))) if clause]
        # The whole message, spaces kept: choice() compares it as one text, and finds English words in it.
        whole = prepare(text)
        # Without the clauses about the deductible already paid (今年在二级医院已经交过起付线了): the level is
        # read again when the whole message names two, the one in those clauses being of another visit.
        this_visit = "，".join(clause for clause, _ in clauses if self._deductible_paid(clause) is None)
        answers: dict = {}
        self._choice(answers, "city", "city", whole)
        if "city" not in answers:  # 我医保是衡阳的…这次在衢州住院: the city named with the insurance is the one insured in
            for clause, compared in clauses:
                if any(word in compared for word in self.reader.insurance_words) and not self._care_told(compared):
                    self._choice(answers, "city", "city", clause)
                    break
        self._choice(answers, "scheme", "scheme", whole)
        self._choice(answers, "care", "care", whole, prefer=self.interview.words.understanding.prefer.get("care"))
        self._choice(answers, "level", "level", whole, this_visit=this_visit)
        location = self._location(clauses, answers.get("city"))
        if location is not None:
            answers["in_quzhou"] = location
        elsewhere = self._insured_elsewhere(clauses)
        if elsewhere is not None:
            answers.pop("city", None)  # 我是黑河的，在衢州住院: 衢州 is where care was, not the insurance
            if answers.get("in_quzhou") is False and not any(self._care_told(compared) for _, compared in clauses):
                del answers["in_quzhou"]  # 就是杭州的啊: where one is insured, not where care was
        amounts = self._amounts(clauses, answers.get("care"))
        per_unit, rough = amounts.pop("per_unit", None), amounts.pop("rough", False)
        if per_unit is not None and (visits := _visits_a_month(whole)) is not None:
            per_unit *= visits
        from_total = amounts.pop("from_total", None)
        answers.update(amounts)
        for at, (clause, compared) in enumerate(clauses):
            if not any(word in compared for word in self._hardship) and self._hardship:
                corrected = self.reader.word_sounds(self._hardship).correct(compared)
                if corrected != compared:  # 不是底保: the status typed by its sound
                    clause = compared = corrected
            if any(word in compared for word in (*self._hardship, *self._no_hardship)):
                if at + 1 < len(clauses) and any(word in compared for word in self.reader.past_words):
                    clause = f"{clause}，{clauses[at + 1][0]}"  # 以前是低保，现在不是了: the next clause says what holds now
                self._yes_no(answers, "hardship", clause, unsure_assumed=True)
            plan = self._plan_named(compared)
            if plan is None:  # 有惠区保: the plan typed by its sound
                plan = next((plan for plan in self._plan_ids if plan in self.reader.topic_sounds(plan).correct(compared)), None)
            if plan is not None:
                if at and any(compared.strip() == name for name, _ in self._plans):  # he has Quzhou insurance and Huiqubao: the plan alone
                    clause = f"{clauses[at - 1][0]} {clause}"
                said = self._hardship_said.sub(" ", clause) if self._hardship_said is not None else clause
                self._yes_no(answers, PLAN_STEP, said, topic=plan, unsure_assumed=True)
        if "city" in answers and "in_quzhou" in answers and not self.interview.location_asked(answers["city"]):
            del answers["in_quzhou"]  # 我在衡阳上班: no rule of that city depends on where care was
        settled, aside = self.interview.settle(answers)
        someone_else = self._someone_else(whole)
        return Case(settled, aside, elsewhere, per_unit, someone_else=someone_else,
                    same_hospital=someone_else and self._at_the_same_hospital(whole),
                    from_total=from_total if "in_scope" in settled else None,
                    per_month=self._a_month.search(_spelled(whole)) is not None, rough=rough)

    def _own_told(self, text: str) -> str:
        """A message where the resident tells of their own case (我自己是…, 本人…) beside relatives' in passing (我老公在衡阳
        上班是职工医保，我弟去年在长沙住院花了3万): only the resident's own clauses; the message as typed otherwise."""
        if _OWN_CASE.search(text) is None:
            return text
        clauses = [clause for clause in _KEEPING_STOPS.split(text) if clause]
        own = [clause for clause in clauses if not self._of_someone_else(comparable(clause))]
        return "".join(own) if own and len(own) < len(clauses) else text

    def _of_someone_else(self, compared: str) -> bool:
        """A clause opening on a relative (我老公在衡阳上班, 我弟去年…): it tells of them, not of the resident."""
        return compared.startswith(self._other_people) or compared.lstrip("我的").startswith(self._other_people)

    def another_case_asked(self, text: str) -> bool:
        """One more case asked for (再帮我算一个，我老婆的…): whatever it tells is of a new case, nothing of the last kept."""
        return self._another_case_named(comparable(simplified(text[:LONGEST_CASE])))

    def _another_case_named(self, text: str) -> bool:
        return any(word in text for word in self._another_case)

    def _someone_else(self, text: str) -> bool:
        """A relative named, then 也 (我女儿也是衢州职工, my wife also…): a case like the last, of another person;
        or one more case asked for (再帮我算一个，我妈的): what was said of the last person is not kept."""
        if self._another_case_named(text):
            return True
        for word in self._other_people:
            at = text.find(word)
            if at >= 0 and any(also in text[at + len(word):] for also in self._also):
                return True
        return False

    def _said(self, clause: str) -> str:
        """A clause with an amount ending in a follow-up particle (…也花了3万呢: and what of this case?)
        tells the case as a statement would; the particle asks about the whole of it, not about the place
        or the yes/no said in the clause."""
        clause = clause.strip()
        if clause.endswith(self._follow_up_ends) and self.reader.may_hold_an_amount(clause):
            end = next(word for word in self._follow_up_ends if clause.endswith(word))
            clause = clause[:-len(end)].rstrip()
        return clause

    def revises(self, text: str) -> bool:
        """Whether a message is worded as a change of the case worked on: a correction (不对我是职工,
        其实是二级医院, Sorry, it was actually…) or the same case asked with a detail changed (那二级医院呢,
        如果是三级医院呢, what if…), and asks nothing else (不对吧，职工门诊一年最多报多少？ is a question
        for the FAQ). The words are interview.yaml's correction_words and what_if_words."""
        spelled = _spelled(simplified(text[:LONGEST_CASE]))
        # (我今年起付线已经交满了, told just after a result: an addendum, as with 对了 before it)
        corrected = self._any_correction.search(spelled) is not None \
            or self._deductible_paid(spelled) is True and not self.reader.is_question(spelled)
        kept = self.keeps_the_rest(text)  # 同样的情况，不过是三级医院: the case, changed as told
        if not corrected and not kept and self._any_what_if.search(spelled) is None:
            return False
        rest, what_if = self._what_if_removed(spelled)
        what_if = what_if or kept
        if not (corrected or what_if):
            return False
        for pattern in self._unchanged:  # 如果是在上海住院呢？其他都一样: the rest is kept, nothing asked
            rest = pattern.sub(" ", rest)
        asked_amount = any(word in rest for word in self._amount_questions)
        for word in self._amount_questions:  # 能报多少 asks what the estimate answers
            rest = rest.replace(word, " ")
        if what_if:  # 要是当初没买惠衢保呢，自己得掏多少: a figure of the result, asked of the changed case
            for word in self._what_if_asks:  # 要是买了能报吗: asked of the changed case too
                rest = rest.replace(word, " ")
            result_asked = self.reader.without_result_words(rest)
            asked_amount = asked_amount or result_asked != rest
            rest = result_asked
        rest = rest.strip(" ,.!;:，。！；：")
        if what_if or asked_amount:
            rest = rest.rstrip("?？ ")
        head, mark, tail = re.split(r"([?？])", rest, maxsplit=1) if re.search(r"[?？]\s*\S", rest) else (rest, "", "")
        if mark and not self.reader.is_question(head):  # 同样的情况呢？不过她是低保户: the "what if" ends, the rest tells
            rest = f"{head}，{tail}"
        while rest.endswith(self._follow_up_ends):  # 如果是三级医院呢: 呢 asks about the whole case
            rest = rest[:-len(next(word for word in self._follow_up_ends if rest.endswith(word)))].rstrip(" ,，?？")
        if any(word in rest for word in self._labels["not_a_cost"]) and not self.reader.may_hold_an_amount(rest) \
                and self._deductible_paid(rest) is None:  # (起付线已经交过了 tells the case: the deductible paid)
            return False  # 那职工门诊一年最多报多少呢: a limit or a deductible is asked, not an estimate
        return not self.reader.is_question(rest)

    def quotes(self, text: str, answers: dict) -> bool:
        """The amounts a message tells are the case's own (总共8万，我自己到底要出多少 after that case's result):
        quoted, not a new case. (总共8万 read alone is the cost: it is the total told.)"""
        told = [value for name, value in self.read(text).answers.items() if name in (*AMOUNT_STEPS, *GIVEN)]
        amounts = {Decimal(str(answers[name])) for name in (*AMOUNT_STEPS, *GIVEN) if answers.get(name) not in (None, ALL_PAID)}
        return bool(told) and all(value in amounts for value in told)

    def amounts_pointed_at(self, text: str) -> set[Decimal]:
        """The amounts of a message pointing back at figures shown (这个大病15000是什么意思, 这1380就是我妈自己要出的钱吗);
        empty when it points at nothing or tells a case of its own (门诊呢，也是卫生院，8000). Just after a result, all of
        them being the result's (its threshold, deductible, a payer's share) makes it a question about that result."""
        spelled = simplified(text)
        if self._pointing_back.search(_spelled(spelled)) is None or self.revises(text):
            return set()
        case = self.read(text)
        if any(name not in (*AMOUNT_STEPS, *GIVEN) for name in case.answers) or case.someone_else or case.per_unit is not None:
            return set()
        return {value for _, value in find_amounts(prepare(spelled), self.reader.not_money_after, (), self.reader.rough)
                if isinstance(value, Decimal)}

    def asks_the_year(self, text: str) -> bool:
        """那一年下来自己要掏多少, for a whole year: the year asked of an estimate worked out on one month."""
        return self._a_year.search(_spelled(simplified(text))) is not None

    def asks_the_level(self, text: str) -> bool:
        """衢州人民医院是几级医院？: a hospital's level asked (not 是不是只能去绑定的医院, which asks something else)."""
        return self._level_asked.search(_spelled(simplified(text))) is not None

    def _at_the_same_hospital(self, text: str) -> bool:
        return _cue_in(self._same_hospital, _spelled(simplified(text[:LONGEST_CASE])))

    def keeps_the_rest(self, text: str) -> bool:
        """同样的情况, 其他都一样, everything else the same: the case worked out last, whatever was asked since."""
        spelled = _spelled(simplified(text[:LONGEST_CASE]))
        return any(pattern.search(spelled) for pattern in self._unchanged)

    def changes_only_the_person(self, answers: dict, case: Case, text: str, since: str = "") -> bool:
        """A "what if" (`text`) that changes only what the estimate alone asks of the person (bought 惠衢保, on
        the minimum allowance), or tells its costs again (也是8000): no FAQ question in between (`since`) is what it
        leans on."""
        told = {**self._supposed(text), **case.answers}
        changed = {name for name, value in told.items() if answers.get(name) != value}
        # (…or where the stay was, 要是在衢州市内住的呢: a detail of the stay, which no FAQ question asks of; or, said as
        # a supposition outright, the hospital's level: what if it was a level 3 hospital? — not 那二级医院呢, which may
        # swap the level of the rates just asked, unless the question since told nothing of a case: 惠衢保能报吗)
        level = _SUPPOSED.search(_spelled(simplified(text))) or not self.read(since).answers
        stay = {*PERSONAL_STEPS, "in_quzhou", *(("level",) if level else ())}
        return bool(changed) and (changed <= stay or case.costs)

    def corrects_what_was_not_asked_since(self, answers: dict, case: Case, text: str, since: str) -> bool:
        """搞错了，是二级医院 after a result and a question on something else (惠衢保要自己去申请吗): a detail of the
        case corrected that the question since did not tell (说错了，是居民 after 衢州职工门诊起付线多少 corrects that)."""
        if self._any_correction.search(_spelled(simplified(text[:LONGEST_CASE]))) is None:
            return False
        changed = {name for name, value in case.answers.items() if answers.get(name) != value}
        return bool(changed) and not changed & set(self.read(since).answers)

    def _what_if_removed(self, spelled: str) -> tuple[str, bool]:
        """(the message without its "what if" words, whether it had any): 如果没买惠衢保呢 -> 没买惠衢保 呢."""
        rest, what_if = spelled, False
        for pattern in self._what_ifs:
            if _cue_in(pattern, rest):
                what_if = True
                rest = pattern.sub(" ", rest) if pattern.pattern.isascii() else _cue_removed(pattern, rest)
        return rest, what_if

    def names_a_plan_left_out(self, text: str, answers: dict) -> bool:
        """The message names a supplementary plan (惠衢保, Huiqubao) that the case's answers have no
        step for (a 衡阳 case: 惠衢保 is not asked there), other than to say it is not held (没买惠衢保。我自己
        要付多少？ after an outpatient result: the plan changes nothing, the result is asked)."""
        compared = comparable(text)
        if PLAN_STEP in answers or not any(name in compared for name, _ in self._plans):
            return False
        told = {}
        for clause in self._clauses.split(prepare(simplified(text))):
            if any(name in comparable(clause) for name, _ in self._plans):
                self._yes_no(told, PLAN_STEP, clause)
        return told.get(PLAN_STEP) is not False

    def _plan_named(self, compared: str) -> str | None:
        """The supplementary plan a message (comparable form) names by one of its names, if any."""
        return next((plan for name, plan in self._plans if name in compared), None)

    def _supposed(self, text: str) -> dict:
        """The details a "what if" supposes, read as if stated: 如果没买惠衢保呢 says 没买惠衢保, and
        如果是低保户呢 says 是低保户: worded as a question, read() leaves the yes or no in it unread. Only
        the yes/no steps (interview.yaml step_words: 低保, 惠衢保) are taken; the rest is read() as usual."""
        rest, what_if = self._what_if_removed(_spelled(simplified(text[:LONGEST_CASE])))
        if not what_if:
            return {}
        rest = rest.strip(" ,.!;:，。！；：?？")
        while rest.endswith(self._follow_up_ends):
            rest = rest[:-len(next(word for word in self._follow_up_ends if rest.endswith(word)))].rstrip(" ,，?？")
        if (asks := next((word for word in self._what_if_asks if rest.endswith(word)), None)) is not None:
            rest = rest[:-len(asks)].rstrip(" ,，")  # 要是去杭州住会怎样: what is supposed, without what is asked of it
        read = self.read(rest)
        supposed = {name: value for name, value in read.answers.items() if name in (*self._yes_no_steps, "in_quzhou")}
        plan = self._plan_named(comparable(rest))
        plans = {plan for _, plan in self._plans}
        joined_a_scheme = "scheme" in read.answers or "scheme" in read.aside  # (要是她参加的是城乡居民医保呢: not the plan)
        if plan is None and not supposed and len(plans) == 1 and _BOUGHT.search(rest) and not joined_a_scheme:
            plan = next(iter(plans))  # 要是买了能赔多少: bought, of the one plan there is to buy
        if PLAN_STEP not in supposed and plan is not None:
            # 惠衢保呢，要是买了能报吗: the plan in one clause, what is supposed of it in the next, before its question
            self._yes_no(supposed, PLAN_STEP, " ".join(self.reader.before_question(part) for part in self._clauses.split(rest)), topic=plan)
        return supposed

    def revision(self, answers: dict, case: Case, text: str | None = None) -> Case | None:
        """A case told in the middle of an estimate, or just after its result (那门诊呢，一级医院看病花了800;
        那我老婆是衢州城乡居民…也花了3万呢; 那他的高血压门诊呢，每个月药费1000), as the case it makes of
        `answers`: what it says replaces, what it leaves unsaid is kept (the city and scheme of a follow-up).

        None when the message is no case: it tells no cost (a question: 普通门诊一年最多报多少), or
        nothing besides the cost differs from the answers (花了3万 answers the amount step as it is).
        A price per unit (每个月1000) is the cost when the case tells no other: the estimate is of that one
        month, and the dialogue says so (NOTE_PER_UNIT).
        """
        told_anew = {name for name, value in case.answers.items() if answers.get(name) != value}
        if text is not None and self.revises(text) or told_anew and told_anew <= set(GIVEN):
            # (今年起付线已经交过100了, 今年门诊已经报过三千了, told after a result: no cost, no "what if", yet
            # they change the case)
            corrected = self._corrected(answers, case, text)
            if corrected is not None:
                return corrected
        if not case.costs:
            return None
        if "city" in answers and case.answers.get("city", answers["city"]) != answers["city"] and not (text and self.revises(text)):
            return None  # 我是衢州居民医保…帮我算算 after a 衡阳 case: a new case, nothing of the last kept
        changed = {name for name, value in case.answers.items() if name in WORD_TABLE and answers.get(name) != value}
        if case.elsewhere is not None and "city" in answers:
            changed.add("city")
        # (我爷爷也是衡阳退休职工，也在那家医院看的门诊，花了1650: another person's case at the last one's hospital)
        if not changed and not case.same_hospital:
            return None
        revised = {**answers, **case.answers}
        if any(name in changed for name in ("scheme", "care")) or case.someone_else:
            for name in GIVEN:  # the deductible paid this year was of that scheme's, that care's, that person's
                if name not in case.answers:
                    revised.pop(name, None)
        if case.someone_else and not (text and self.keeps_the_rest(text)):
            # 我爸也是衢州居民医保…也是8000: his own 低保 status and drugs outside the list are asked (unless 别的都一样)
            _without_the_first_persons(revised, case.answers)
        if case.elsewhere is not None and "city" not in case.answers:
            revised.pop("city", None)  # 那我老婆是杭州医保呢: the city is asked, with what the rules lack said
        main = cost_step(revised.get("care"))
        if case.per_unit is not None and main not in case.answers:
            revised.pop(other_cost_step(main), None)
            revised[main] = case.per_unit
        settled, aside = self.interview.settle(revised)
        return Case(settled, {**case.aside, **aside}, case.elsewhere, case.per_unit, per_month=case.per_month)

    def changes_nothing(self, answers: dict, text: str) -> bool:
        """A "what if" of the case just worked out whose every detail is one it already has (假如我已经退休了呢 after an
        employee's result: the rules tell working and retired employees' care apart nowhere): the result stands."""
        said = self._said_again(answers, text)
        # (only who the person is: a place or care said again asks of it, 那衢州的呢, 那在杭州住院要先备案不)
        return said is not None and bool(said[1]) and set(said[1]) <= _WHO_THE_PERSON_IS and not said[0].costs

    def restates(self, answers: dict, text: str) -> bool:
        """A correction of the case just worked out that says its cost again, and only what it already has (我是说三千五百块
        after a result on 3,500, when 3千伍 was typed): the result stands. (A place or care said again in a "what if", 要是在
        杭州住的院呢, is read for what it supposes, not here.)"""
        said = self._said_again(answers, text)
        return said is not None and said[0].costs_answered and not said[0].aside

    def _said_again(self, answers: dict, text: str) -> tuple[Case, dict] | None:
        """(the case read, every detail it tells or supposes) of a correction or "what if" of `answers` that tells none
        they do not already have; None otherwise."""
        if not answers or not self.revises(text):
            return None
        case = self.read(text)
        told = {**self._supposed(text), **case.answers}
        if case.elsewhere is not None or any(answers.get(name) != value for name, value in told.items()):
            return None
        return case, told

    def _corrected(self, answers: dict, case: Case, text: str | None = None) -> Case | None:
        """The case a correction or "what if" makes of `answers` (revision with its `text`): the details
        it changes among those answered (an amount too: 金额说错了，是4万5), all else kept; None when it
        changes none of them."""
        # (要是她参加的是衡阳的城乡居民医保呢: a scheme the rules lack for the city is set aside by the reading, and supposed all the same)
        told = {**self._supposed(text), **case.aside, **case.answers} if text is not None else dict(case.answers)
        care_moved = False
        if text is not None and answers.get("city") and told.get("city") not in (None, answers["city"]) \
                and self._only_where_care_was(text, told["city"]):
            # 如果是在衡阳住的院呢 after a Quzhou result: 衡阳 is where the stay was, the insurance stays Quzhou's
            place = told.pop("city")
            if self.interview.location_asked(answers["city"]):
                told["in_quzhou"] = place == answers["city"]
                care_moved = True
        if "care" not in told and answers.get("care") == "special-drug" and "in_scope" in told and "special_drug" not in told:
            told["special_drug"] = told.pop("in_scope")  # 金额说错了，是3万 after a special drug: its cost
        main = cost_step({**answers, **told}.get("care"))
        per_unit = case.per_unit is not None and main not in told
        if per_unit:
            told[main] = case.per_unit  # 如果每月2500呢: the price per unit is the cost, as in a case
        # (the deductible already paid this year is told, never asked: 如果今年已经付过100的起付线呢 changes it)
        changed = tuple(name for name, value in told.items() if (name in answers or name in GIVEN) and answers.get(name) != value)
        if case.elsewhere is not None and "city" in answers and "city" not in told:
            changed += ("city",)
        if not changed and care_moved:
            changed = ("in_quzhou",)  # 要是在衡阳住的院呢 after a stay in Hangzhou: outside the city all the same, shown again
        if not changed:
            return None
        revised = {**answers, **told}
        if case.someone_else and case.costs and not self.keeps_the_rest(text):
            # 那我爸呢，他也是…目录内10万: his own case; his 低保 and 惠衢保 are asked (unless 别的都一样: all as before)
            _without_the_first_persons(revised, told)
        if case.elsewhere is not None and "city" not in told:
            revised.pop("city", None)
        if per_unit:
            revised.pop(other_cost_step(main), None)
        settled, aside = self.interview.settle(revised)
        # (不对，她每个月的药费不是1850，是1580: a month's cost corrected is a month's still; a year asked after it is twelve)
        a_month = case.per_month or main in changed and text is not None and self._a_month.search(_spelled(text)) is not None
        return Case(settled, {**case.aside, **aside}, case.elsewhere, case.per_unit, changed, per_month=a_month)

    def _choice(self, answers: dict, name: str, table: str, text: str, prefer=None, this_visit: str | None = None) -> None:
        try:
            value = self.reader.choice(table, text, prefer=prefer, in_a_case=True)
        except Unread as unread:
            if unread.reason == "ambiguous" and this_visit and this_visit != text:
                self._choice(answers, name, table, this_visit, prefer)  # 三级医院看门诊…今年在二级医院交过起付线: 三级
                return
            if unread.reason != "unknown":
                return
            # Nothing of the step's words: one may be typed by its sound (只工 for 职工, 渠州 for 衢州).
            compared = comparable(text)
            corrected = self.reader.sound_corrected(table, compared)
            if corrected == compared:
                return
            try:
                value = self.reader.choice(table, corrected, prefer=prefer, in_a_case=True)
            except Unread:
                return
        if value is not UNSURE:
            answers[name] = value

    def _yes_no(self, answers: dict, name: str, clause: str, topic: str | None = None, unsure_assumed: bool = False) -> None:
        """`unsure_assumed`: a clause not sure of it (惠衢保买没买我也不记得了) answers as the step would, by the assumption."""
        if self.reader.is_question(clause):
            return
        try:
            value = self.reader.choice(f"yes_no:{name}", clause, topic=topic, allows_unsure=unsure_assumed and self.interview.allows_unsure(name))
        except Unread:
            return
        if isinstance(value, bool):
            answers[name] = value
        elif value is UNSURE:
            answers[name] = None  # (assumed, and said so in the result)

    def _location(self, clauses: list[tuple[str, str]], city: str | None) -> bool | None:
        """Where the care took place: 在杭州住院 / 在外地 -> outside; 在衢州…医院 -> inside; None when not said."""
        found = set()
        for clause, compared in clauses:
            asked = self.reader.is_question(clause)
            if asked:
                # 衢州居民在外地住院5万能报多少: what comes before an amount question is the case it is asked
                # of; a place there written as where care was (在外地住院, 在杭州看病) is said, not asked.
                # 能在外地看吗, 在衢州能报吗 ask about the place: nothing is taken from them.
                clause = compared = self._case_before_question(compared)
                if not compared:
                    continue
            han = _HAN.search(compared) is not None
            for item in self.reader.matcher("in_city", city).find(compared, clause):  # the clause: English words too
                if asked and not self._care_was_there(compared, item):
                    continue
                if han:  # the insurance words around the place name it: 衢州居民住院在衢州 names both
                    insurance = any(word in compared[item.start:item.end + 6] for word in self._insurance) or \
                        self._after_insurance(compared[:item.start])
                else:
                    insurance = any(word in compared for word in self._insurance)
                value = item.value
                if item.negated:
                    if not (isinstance(value, bool) and not (item.place and value is False)):
                        continue
                    value = not value
                if value is True and (insurance or item.place and not self._marked(compared[:item.start])
                                      and not _HOSPITAL_AFTER.match(compared[item.end:])):
                    # 衢州居民, 衢州职工, 我在衢州交的医保 name the insurance; 在衢州…, 去柯城… name the place of care.
                    continue
                if value is False and item.place and self._names_insurance(compared, clause, item):
                    continue  # 我在杭州参保, 湘潭职工, 我是黑河的: where one is insured, not where care was
                found.add(value)
        return found.pop() if len(found) == 1 else None

    def _after_insurance(self, before: str) -> bool:
        """A place written after an insurance word, or after one and a marker (医保在衢州, 户口在龙游): where one is
        insured, not where care was."""
        unmarked = next((before[:-len(marker)] for marker in self._markers if before.endswith(marker)), before)
        return before.endswith(self._insurance_before) or unmarked.endswith(self._insurance_before)

    def _marked(self, before: str) -> bool:
        """Whether a place follows a care-place marker (在衢州, 去杭州), a filler between them (在我们衢江区)."""
        for filler in self._fillers:
            if before.endswith(filler):
                before = before[:-len(filler)]
                break
        return before.endswith(self._markers)

    def _case_before_question(self, compared: str) -> str:
        """The part of a Chinese clause before the amount it asks (衢州居民在外地住院5万 in …能报多少), when
        that part asks nothing itself; "" otherwise (能在外地看吗 asks no amount, 在哪住院报多少 asks where)."""
        if _HAN.search(compared) is None:
            return ""
        at = min((compared.find(word) for word in self._amount_questions if word in compared), default=-1)
        head = compared[:at] if at > 0 else ""
        return "" if self.reader.is_question(head) else head

    def _care_was_there(self, compared: str, item) -> bool:
        """在外地住院, 到杭州看病: the place follows a care-place marker and care words follow it."""
        placed = self._marked(compared[:item.start]) or compared[item.start:item.end].startswith(self._markers)  # 在衢州 is a word
        return placed and any(word in compared[item.end:] for word in self._care_words)

    def _only_where_care_was(self, text: str, city: str) -> bool:
        """Whether `text` names `city` only as where care was (在衡阳住的院), never as where one is insured
        (衡阳的医保, 在衡阳参保)."""
        matcher = self.reader.matcher("city")
        named = False
        for clause in self._clauses.split(prepare(simplified(text[:LONGEST_CASE]))):
            compared = comparable(clause)
            for item in matcher.find(compared, clause):
                if item.value != city or item.negated:
                    continue
                # 在衡阳住的院, 要是在衡阳住的呢: where the stay was (the case is one of care already)
                there = self._care_was_there(compared, item) or self._marked(compared[:item.start]) and (
                    self._care_told(compared[item.end:]) or compared[item.end:].startswith("住"))
                if self._names_insurance(compared, clause, item) or not there:
                    return False
                named = True
        return named

    def _care_told(self, compared: str) -> bool:
        """The clause says what care was had (在衢州住院, 看门诊): a city in it may be where, not the insurance."""
        try:
            self.reader.choice("care", compared, in_a_case=True)
        except Unread:
            return False
        return True

    def _names_insurance(self, compared: str, clause: str, item) -> bool:
        """Whether the place found names where one is insured: an insurance word just after it (杭州参保,
        湘潭职工, 杭州市医保), or a little further unless it is written as where one went (在杭州住院医保…
        is care), 医保在/户口在 before it, or 是…的/人 around it at the clause's end (我是黑河的, 她是湘潭人)."""
        if _HAN.search(compared) is None:  # English: the insurance spoken of beside it (insured in Hangzhou, Hangzhou resident
            # insurance), not elsewhere in a message run on without stops (… insurance she stayed in a hospital in hangzhou)
            typed = re.search(r"\s*".join(map(re.escape, compared[item.start:item.end])), clause, re.IGNORECASE)
            if typed is None:
                return any(word in compared for word in self._insurance)
            near = clause[:typed.start()].split()[-_ENGLISH_NEAR:] + clause[typed.end():].split()[:_ENGLISH_NEAR]
            return any(word in comparable(" ".join(near)) for word in self._insurance)
        before, after = compared[:item.start], compared[item.end:item.end + 6]
        if any(0 <= after.find(word) <= 1 for word in self._insurance):
            return True
        if not self._marked(before) and any(word in after for word in self._insurance):
            return True
        if self._after_insurance(before):  # (…居民医保在上海的三甲医院做的手术: where care was, the insurance told before)
            return not (_HOSPITAL_AFTER.match(after := compared[item.end:]) or after.startswith(self._care_done))
        home_before, home_after = self._home
        rest = compared[item.end:]
        return before.endswith(home_before) and bool(home_before) and (rest == "" or rest in home_after)

    def _insured_elsewhere(self, clauses: list[tuple[str, str]]) -> str | None:
        """The insurance city, as typed, when it is a place the rules lack (湘潭职工, 我在杭州参保)."""
        matcher = self.reader.matcher("city")
        for clause, compared in clauses:
            items = list(matcher.find(compared, clause))
            for at, item in enumerate(items):
                if item.value == OUTSIDE and item.place and not item.negated and self._names_insurance(compared, clause, item):
                    within = items[at + 1] if at + 1 < len(items) else None
                    if within is not None and within.value == OUTSIDE and within.place and 0 <= within.start - item.end <= 1:
                        item = within  # 云南昭通的职工医保: the city, not its province
                    place = compared[item.start:item.end]
                    if _HAN.search(compared):
                        return place
                    # the name as typed (Hong Kong), not the clause around it
                    spelled = re.search(r"\s*".join(map(re.escape, place)), clause, re.IGNORECASE)
                    return (spelled.group(0) if spelled else place).title()
        return None

    def _deductible_paid(self, clause: str):
        """起付线 already paid, as said in `clause`: True (paid), False (没付过), None (not said)."""
        if not any(word in clause for word in self._deductible) or self._of_another_year(clause):
            return None
        for word in self._paid:
            at = clause.find(word)
            if at >= 0:
                if _HAN.search(clause) is None:  # no deductible paid yet, haven't paid the deductible
                    return _ENGLISH_NOT.search(clause) is None
                return not clause[:at].endswith(self.reader.negations)
        return None

    def _of_another_year(self, clause: str) -> bool:
        """去年她住院的时候起付线交过了, 那7600是去年报的: what was paid in another year counts nothing against this one's."""
        return any(word in clause for word in self._other_year)

    def _fund_paid_denied(self, clause: str) -> bool:
        """今年门诊统筹还没报过: nothing paid by the fund this year."""
        return any(0 < (at := clause.find(word)) and clause[:at].endswith(self._negations) for word in self._labels["fund_paid"])

    def _only_best_figure(self, text: str) -> str:
        """What stands before an amount besides currency and words making it a best figure (大概, 差不多, about): a
        clause holding only those takes the label of the clause before (自费的药 大概三万五左右)."""
        text = _CURRENCY_ONLY.sub("", text)
        for word in self.reader.best_figure_words:
            text = text.replace(word, "")
        return text

    def _amounts(self, clauses: list[tuple[str, str]], care: str | None) -> dict:
        """Amounts labelled by the words before them in their clause; an unlabelled one is the cost asked first."""
        labelled: dict[str, list] = {"in_scope": [], "out_of_list": [], "special_drug": [], "not_a_cost": [], "total": [], "": [],
                                     "deductible_used": [], "fund_paid": []}
        not_money = self.reader.not_money_after
        carried = ""  # the label of a clause without an amount, for the amount that opens the next (医保内 三万)
        per_unit = []  # prices per unit of what was spent (每个月药费1000): the cost only when nothing else is
        pieces = self._pieces(clauses)
        main_cost, rough = cost_step(care), False
        refined = None  # the kind of the amount told last, which an exact one may replace
        # (他78了 tells an age, not an amount: blanked, the places of the amounts kept)
        found_in = [find_amounts(ENGLISH_AGE_WITHOUT_UNIT.sub(_blank, AGE_TOLD_IN_A_CASE.sub(_blank, clause)), not_money,
                                 self.reader.rate_units, self.reader.rough) for clause, _ in pieces]
        for at_piece, (clause, compared) in enumerate(pieces):
            amounts = found_in[at_piece]
            if amounts and compared.lstrip().startswith(self._replaced) and (
                    any(found_in[at_piece + 1:]) or any(found_in[:at_piece]) and self._only_the_amount_taken_back(clause, amounts[0][0])):
                carried = self._label(clause) or carried  # (自费药…不是六千，是一万八: the label holds for the amount meant)
                continue  # 不是三万二，是一万五千八 (or 是5万不是3万): the amount taken back is none of the case's
            label = self._label(clause)
            if not amounts and carried == "out_of_list" and compared in self._none_alone:
                label = carried  # 自费：无
            if not amounts and label == "out_of_list" and self.reader.means_none(clause) and not self.reader.is_unsure(compared):
                labelled["out_of_list"].append(NOTHING)
            if label == "in_scope" and self._all_in_scope(clause, told_after=bool(amounts)) and (not amounts or len(amounts) == 1 and not self.reader.is_question(clause)):
                labelled["out_of_list"].append(NOTHING)  # 全部是医保范围内的, 6万8全是医保范围内的: nothing outside the list
            if not amounts and label == "fund_paid" and self._fund_paid_denied(clause) and not self._of_another_year(clause):
                labelled["fund_paid"].append(NOTHING)
            paid = self._deductible_paid(clause)
            if not amounts and paid is not None:
                labelled["deductible_used"].append(ALL_PAID if paid else NOTHING)  # 起付线已经付过了 / 还没付过
            for index, (at, value) in enumerate(amounts):
                # A rough or per-unit amount (十来万, 一个月300) fills nothing, but it is still an
                # amount: beside it, another unlabelled one is not certainly the cost.
                before = self._label(clause[:at]) or (carried if not self._only_best_figure(clause[:at]) else "")  # (total is | ¥56,320)
                kind = self._english_label_after(clause, at, amounts[index + 1][0] if index + 1 < len(amounts) else len(clause)) \
                    or before or label
                if kind == "not_a_cost" and paid:
                    kind = "deductible_used"  # 今年已经付过100元起付线: paid this year, not spent now
                if self._of_another_year(clause) and (kind in ("fund_paid", "deductible_used", "not_a_cost")
                                                      or not kind and _REIMBURSED_AFTER.search(clause, at)):
                    continue  # (去年报了7600, 那7600是去年报的: last year's, nothing of this year's case)
                if not isinstance(value, AmountError) and refined is not None and self._made_exact(clause[:at]):
                    kind = refined  # 自费五千多，具体是5230: the amount just told, made exact
                    labelled[kind].pop()
                labelled[kind].append(None if isinstance(value, AmountError) else value)
                refined = kind
                if isinstance(value, AmountError) and value.reason == "not_exact" and (kind in (main_cost, "total") or not kind
                        and not clause[:at].rstrip().endswith(self.reader.rough[0])):
                    rough = True  # (花了两万出头 is a rough cost; 超过1万就能报 a bound someone said, no cost)
                if isinstance(value, AmountError) and value.reason == "rate" and value.figure is not None and kind in ("", "in_scope", "special_drug"):
                    per_unit.append(value.figure)
            carried = label if not amounts else ""
        unlabelled = labelled[""]
        found = {}
        main = cost_step(care)
        outside = main == "in_scope" and any(value != NOTHING for value in labelled["out_of_list"])
        if labelled[main]:
            found[main] = labelled[main][0] if len(set(labelled[main])) == 1 else None
            totals = set(labelled["total"]) - {None}
            if found[main] is not None and len(totals) == 1 and (whole := totals.pop()) > found[main]:
                found["total_told"] = whole  # 一共花了8万，医保范围内的6万: the rest is the resident's too
        elif labelled["total"] and not unlabelled and not outside and len(set(labelled["total"])) == 1:
            found[main] = labelled["total"][0]  # 一共花了4500: the cost, unless part of it was outside the list
        elif (whole := self._part_of_the_whole(clauses, labelled)) is not None:
            found[main], found["from_total"] = whole  # 合计56320，其中自费2300: inside the list, the rest
        elif len(unlabelled) == 1 and not labelled["total"]:
            found[main] = unlabelled[0]
        if main == "in_scope" and len(set(labelled["out_of_list"])) == 1:
            found["out_of_list"] = labelled["out_of_list"][0]
        if len(set(labelled["deductible_used"])) == 1:
            found["deductible_used"] = labelled["deductible_used"][0]
        if len(set(labelled["fund_paid"])) == 1:
            found["fund_paid_this_year"] = labelled["fund_paid"][0]
        told = [value for kind in ("", main, "total") for value in labelled[kind] if value is not None]
        if found.get(main) is None and not told and len(set(per_unit)) == 1:
            found["per_unit"] = per_unit[0]
        if found.get(main) is None and not told and rough:
            found["rough"] = True
        return {name: value for name, value in found.items() if value is not None}

    def _made_exact(self, before: str) -> bool:
        """The words before an amount make an earlier rough one exact (…具体是, …to be exact)."""
        return _ends_with(before, self._exact, " ,:，：")

    def _only_the_amount_taken_back(self, clause: str, at: int) -> bool:
        """不是3万 (the figure said wrong), not 不是医保内的5千 (a label negated: outside the list)."""
        return _ends_with(clause[:at], self._replaced)

    def _english_label_after(self, clause: str, at: int, until: int) -> str:
        """100,000 yuan inside the catalogue plus 30,000 yuan of off-list drugs: in English a label right after
        an amount (of, for, inside…) names it, not the one before it (the last amount's)."""
        if _HAN.search(clause):
            return ""
        following = clause[at:until]
        return self._label(following) if _LABEL_FOLLOWS.match(following) else ""

    def _part_of_the_whole(self, clauses: list[tuple[str, str]], labelled: dict) -> tuple[Decimal, Decimal] | None:
        """(the cost inside the list, the whole) when the whole is told and the part outside the list is said to
        be in it (其中, of which), neither unsure nor more than once; None otherwise."""
        totals, outside = set(labelled["total"]), set(labelled["out_of_list"])
        if not totals and len(labelled[""]) == 1 and any(_PART_OF_WHAT_WAS_SPENT.search(_spelled(clause)) for clause, _ in clauses):
            totals = set(labelled[""])  # 住院花了5万，其中1万是自费的: what was spent, told with no label, is the whole
        elif labelled[""]:
            return None
        if labelled["in_scope"] or len(totals) != 1 or len(outside) != 1 or None in totals | outside \
                or NOTHING in outside or self._part_of_total is None \
                or not any(self._part_of_total.search(_spelled(clause)) for clause, _ in clauses) \
                or any(_NOT_PART_OF.search(_spelled(clause)) for clause, _ in clauses):
            return None  # (自费的1万不算在里面: beside the whole, not in it)
        whole, part = totals.pop(), outside.pop()
        return (whole - part, whole) if whole > part else None

    def _pieces(self, clauses: list[tuple[str, str]]) -> list[tuple[str, str]]:
        """Chinese clauses with several amounts cut after each: 花了10万元目录外2万元 is two statements,
        each with its label (with one amount, a label after it still counts: 3万是自费的)."""
        pieces = []
        for clause, compared in clauses:
            if not _HAN.search(clause):
                pieces.extend(self._english_pieces(clause, compared))
                continue
            spans = find_amount_spans(clause, self.reader.not_money_after, self.reader.rate_units, self.reader.rough)
            if len(spans) < 2:
                pieces.append((clause, compared))
                continue
            start = 0
            for _, end, _ in spans:
                if start < end < len(clause) and _HAN.match(clause[end]):
                    pieces.append(clause[start:end])
                    start = end
            pieces.append(clause[start:])
            pieces = [piece if isinstance(piece, tuple) else (piece, comparable(piece)) for piece in pieces]
        return pieces

    def _english_pieces(self, clause: str, compared: str) -> list[tuple[str, str]]:
        """An English clause with an amount taken back (it was 110k not 120k): cut where the taking back starts,
        so that the amount after it is read as none of the case's; the clause whole otherwise."""
        spans = find_amount_spans(clause, self.reader.not_money_after, self.reader.rate_units, self.reader.rough)
        for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
            between = clause[end:start]
            found = next((m for m in (re.search(rf"\b{re.escape(word)}\b", between, re.I) for word in self._replaced
                                      if not _HAN.search(word)) if m), None)
            if found is not None:
                cut = end + found.start()
                return [(clause[:cut], comparable(clause[:cut])), (clause[cut:], comparable(clause[cut:]))]
        return [(clause, compared)]

    def _label(self, text: str) -> str:
        """The amount kind named last in `text` ("" when none); a label inside a longer one found
        read from the left does not count (能报的 in 不能报的, covered in not covered)."""
        found = []
        for kind, words in self._labels.items():
            for word in words:
                at = text.find(word)
                while at >= 0:
                    found.append((at, at + len(word), kind))
                    at = text.find(word, at + 1)
        best, total, taken_until = "", "", -1
        for start, end, kind in sorted(found, key=lambda item: (item[0], item[0] - item[1])):
            if start >= taken_until:  # read from the left, the longest word at each place, as a reader would
                taken_until = end
                if kind == "total":
                    total = kind  # 医保内一共3万: 一共 says no more than the label before it
                elif kind == "in_scope" and text[:start].endswith(self._negations):
                    best = "out_of_list"  # 不在范围内的五万, 不是医保内的: outside the list
                else:
                    best = kind
        return best or total

    def _all_in_scope(self, clause: str, told_after: bool = False) -> bool:
        """全部是医保范围内的, 都能报的: the whole cost is inside the catalogue (not 不是全部都能报). told_after: beside an
        amount, only when the catalogue is named after the word (6万8全是医保范围内的, not 医保内的2万6都是我先垫付的)."""
        compared = comparable(clause)
        at, word = min(((compared.find(word), word) for word in self._all if word in compared), default=(-1, ""))
        return at >= 0 and not any(negation in compared[:at] for negation in self.reader.negations) \
            and (not told_after or self._label(compared[at + len(word):][:_ALL_SAID_OF]) == "in_scope")


def _without_the_first_persons(revised: dict, told: dict) -> None:
    """Another person's case: the first person's own answers (低保, 惠衢保, what was paid this year, drugs outside
    the list) go, unless the message tells them anew."""
    for name in (*PERSONAL_STEPS, *GIVEN, "out_of_list"):
        if name not in told:
            revised.pop(name, None)


_LABEL_FOLLOWS = re.compile(r"[\d,.\s]*(?:k|w|thousand)?\s*(?:yuan|rmb|kuai|cny|元|块)?\s*(?:of|for|in|inside|on|outside|within|off|out|worth of|spent on)\b",
                            re.IGNORECASE)
_CUE_GAP = ".{0,12}?"  # what … stands for in a Chinese cue (那…呢)
_LATIN_CUE_GAP = r"(?:\s+\S+){0,5}?\s+"  # a few English words


def _spelled(text: str) -> str:
    """The message as cue patterns read it: NFKC, lower case, spaces squeezed (see _cue_patterns)."""
    return " ".join(prepare(text).split())


def _cue_patterns(words: list[str]) -> tuple[re.Pattern, ...]:
    """Cue words as patterns on the message as spelled (NFKC, lower case, spaces squeezed): English
    words whole (sorry, what if), Chinese ones anywhere, with … for a few characters between."""
    patterns = []
    for word in words:
        parts = [" ".join(unicodedata.normalize("NFKC", part).lower().split()) for part in str(word).split("…")]
        if all(part.isascii() for part in parts):
            patterns.append(re.compile(r"(?<![a-z'])" + _LATIN_CUE_GAP.join(map(re.escape, parts)) + r"(?![a-z])"))
        else:
            patterns.append(re.compile(_CUE_GAP.join(map(re.escape, parts))))
    return tuple(patterns)


def _any_of(patterns: tuple[re.Pattern, ...]) -> re.Pattern:
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns)) if patterns else re.compile(r"(?!)")


def _cue_in(pattern: re.Pattern, spelled: str) -> bool:
    return pattern.search(spelled) is not None


def _cue_removed(pattern: re.Pattern, spelled: str) -> str:
    """A Chinese cue taken out of the message, what … stood for kept (那二级医院呢 -> 二级医院)."""
    def kept(match: re.Match) -> str:
        return " ".join(group or "" for group in match.groups()) if match.groups() else " "
    gapped = re.compile(pattern.pattern.replace(_CUE_GAP, "(" + _CUE_GAP + ")"))
    return gapped.sub(kept, spelled)


def _visits_a_month(text: str) -> int | None:
    """一次两百，一个月去四次 -> 4: how often a month a price per visit is paid (None unless both are told)."""
    compared = simplified(text).lower()
    found = _VISITS_A_MONTH.search(compared)
    if found is None or not _PER_VISIT.search(compared):
        return None
    count = next(group for group in found.groups() if group)
    if count in _ENGLISH_COUNTS:
        return _ENGLISH_COUNTS[count]
    try:
        return int(parse_amount(count))  # 4, 四, 两
    except AmountError:
        return None  # (many times a month: no count)
