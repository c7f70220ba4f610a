"""The guided reimbursement dialogue as pure logic, shared by Telegram, the console and tests.

Order (spec): city -> scheme -> care -> level -> in/out of the city -> amount -> 目录外 amount
-> hardship -> 惠衢保 enrolment -> result. Each step is asked only when an answer can change
the estimate, which is decided from the rules, not from city names in code:

* care: offered only where some rule pays on the amount asked for that care (a basic rule
  for 政策范围内费用, a supplementary responsibility on 特药费用). So Quzhou 职工 住院, which
  has no basic rule in the seeds, is not offered: the dialogue never leads someone through
  five questions to an answer that is mostly "no rule". The CLI still accepts it and the
  estimate names the missing rule. Scheme and city are offered when they have such a care.
* level: when the basic rule differs per level.
* in/out of the city: when a rule for this care depends on it (a 市域内 bonus, a share for
  costs outside the city).
* 目录外药品费用: when a supplementary responsibility pays on it for this care.
* hardship: when the 大病 rule for this case has a hardship variant.
* enrolment: when the city has a supplementary plan covering this care.

Not asked (the estimate lists what it assumed): deductible already paid (read from a whole case when it
tells it: 今年已经付过100元起付线), fund paid this year.

Typed answers are read by bot/domain/estimate/answer_reader.py with the vocabulary of interview.yaml;
"not sure" is an answer (None) at the steps the vocabulary lists, and the estimate then states
what it assumed. Answers may arrive ahead of their step (a whole case in one message):
`settle` keeps those that still fit and sets aside the ones no rule covers.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bot.domain.estimate.answer_reader import UNSURE, AnswerReader, Unread, simplified
from bot.domain.estimate.reimburse import EstimateRequest
from bot.domain.estimate.rules import CARES, SCHEMES, RuleBook


def N_(message: str) -> str:
    """Marks a msgid for extraction (pybabel -k N_) without translating it here."""
    return message


HINT_CHOOSE = N_("没看懂这个回答。请点下面的按钮，或者输入其中一个选项。")
HINT_NO_RULE = N_("资料里没有这一项的报销规定，暂时算不了。请选下面的其他选项。")
HINT_OTHER_CITY = N_("资料里只有下面这些城市的报销规定，这个城市暂时算不了。")
HINT_HOSPITAL_NAME = N_("从医院名字看不出是几级医院。可以看挂号单、发票或医院门口写的“三级”“二级”，或者问一下医院。")
HINT_LEVEL_UNSURE = N_("医院级别决定报销比例，要选了才能算。不清楚的话，可以看挂号单、发票或医院门口写的“三级”“二级”，或者问一下医院。")
HINT_NEEDED = N_("这一项要知道才能算。请点下面的按钮选一个。")
HINT_ALREADY = N_("这个前面已经记下了。这一步问的是下面这个：")
HINT_SEVERAL_AMOUNTS = N_("这句话里有好几个金额。请只输入这一项的金额。")
UNSURE_NOTES = {
    "in_quzhou": N_("不确定的话，先按在%(city)s市内看病估算，结果里会写明这个假设。"),
    "hardship": N_("不确定的话，先按不是低保对象、特困人员或返贫致贫人口估算，结果里会写明这个假设。"),
    "huiqubao": N_("不确定的话，先按没有参加%(plan)s估算，结果里会写明这个假设。"),
    "out_of_list": N_("不确定的话，先按没有目录外药品费用估算，结果里会写明这个假设。"),
}
# A case told mid-estimate with its cost only per unit (每个月药费1000): the estimate is of that one amount.
NOTE_PER_UNIT = N_("您说的是每月（或每次、每盒）的费用，下面就按这一笔 %(amount)s 元来估算。起付线和封顶线是按全年算的；"
                   "想算全年能报多少，请点“修改”输入全年一共花了多少钱。")
# The whole cost told with the part outside the list in it (合计56320，其中自费2300): how the cost inside was worked out.
NOTE_FROM_TOTAL = N_("您说合计 %(total)s 元，其中目录外 %(outside)s 元，所以政策范围内费用按 %(in_scope)s 元算。")
# The year asked after an estimate on one month's cost (那一年下来自己要掏多少): worked out on twelve months.
NOTE_A_YEAR = N_("按每月 %(month)s 元、一年12个月算，全年费用 %(year)s 元；起付线和封顶线按全年算：")
# A correction or "what if" of the case (不对我是职工, 那二级医院呢): said before the case as changed.
NOTE_REVISED = N_("好的，按您改过的情况重新估算：")
NOTE_AGAIN = N_("这是刚才估算的结果：")  # a question about a figure of the result just shown
# A "what if" whose every detail the case already has (假如我已经退休了呢 after an employee's result): the result stands.
NOTE_UNCHANGED = N_("按您说的情况，估算用到的条件都没有变（资料里这项规定不区分您说的这一点），结果还是这样：")
# Several people's cases told in one message (我妈…3万，我爸…5万): worked out one at a time, never added up.
NOTE_PEOPLE = N_("您说了几个人的情况，要一位一位算，不能合在一起算。下面先算%(who)s的；算完发“%(next)s的呢”，接着算%(next)s的。")
# …and two kinds of care with their own costs (住院5万，另外特药2万): each paid by its own rules, worked out apart
NOTE_CARES = N_("您说了几种费用，它们按各自的规定报销，要分开算。下面先算%(who)s的；算完发“%(next)s的呢”，接着算%(next)s的。")
NOTE_CARE = N_("好的，下面算%(who)s的费用：")  # one of them asked for after the first (特药的呢)
NOTE_PERSON = N_("好的，下面算%(who)s的：")  # one of them asked for after the first (我爸的呢)
# …and so when the first (or the one asked for) is the resident: from the bot, 先算我的 would be its own case
NOTE_PEOPLE_YOU_FIRST = N_("您说了几个人的情况，要一位一位算，不能合在一起算。下面先算您本人的；算完发“%(next)s的呢”，接着算%(next)s的。")
NOTE_PERSON_YOU = N_("好的，下面算您本人的：")
# The kinds of care a resident expects to be asked about: when the rules lack one, the step says so.
EXPECTED_CARES = ("inpatient", "outpatient")
AMOUNT_HINTS = {
    "empty": N_("请输入金额，例如 100000、10万 或 3000元。"),
    "not_a_number": N_("没看懂这个金额。请输入数字，例如 100000、10万 或 3000元。"),
    "negative": N_("金额不能是负数。"),
    "too_large": N_("这个金额太大了，请检查一下（最多1亿元）。"),
    "too_precise": N_("金额最多精确到分（小数点后两位）。"),
    "several": HINT_SEVERAL_AMOUNTS,
    "not_exact": N_("请输入一个确切的金额（看发票或结算单上的数字），例如 12000 或 1.2万；“一万多”“十来万”没法估算。"),
    "rate": N_("这像是每月、每次或每盒的价钱。请输入一共花了多少钱，例如 30000 或 3万。"),
    # 不知道 of an amount: where to find it, and that none is a usable answer for the costs outside the list
    "unsure": N_("没关系，可以看医院的结算单或发票，上面会分开写医保范围内和自费的金额。目录外药品费用实在查不到，可以先输入 0。"),
}
AMOUNT_HINTS["garbled"] = AMOUNT_HINTS["not_a_number"]  # 3万o: a letter in the number, asked again

# Which answer-word table (interview.yaml) each choice step reads.
WORD_TABLE = {"city": "city", "scheme": "scheme", "care": "care", "level": "level",
              "in_quzhou": "in_city", "hardship": "yes_no", "huiqubao": "yes_no"}
AMOUNT_STEPS = ("in_scope", "special_drug", "out_of_list")
# Told in a whole case but never asked (今年已经付过100元起付线): kept beside the steps' answers and
# handed to the estimate. ALL_PAID: the deductible was paid, no amount said (起付线已经付过了).
GIVEN = ("deductible_used", "fund_paid_this_year", "total_told")
ALL_PAID = "all"
# …and where care was, told though not asked (a special drug bought in 杭州: the pharmacy's place counts)
KEPT_IF_TOLD = (*GIVEN, "in_quzhou")


class AnswerError(ValueError):
    def __init__(self, hint_msgid: str, reason: str = "unknown"):
        super().__init__(hint_msgid)
        self.hint_msgid = hint_msgid
        self.reason = reason  # why it was not read (answer_reader.Unread reasons)

    @property
    def may_be_a_question(self) -> bool:
        """Nothing of the step was found, or it reads as a question: the FAQ may answer it."""
        return self.reason in ("question", "unknown", "amount:not_a_number")


@dataclass(frozen=True)
class Option:
    value: str  # what a button sends back
    label_msgid: str


@dataclass(frozen=True)
class Step:
    name: str
    kind: Literal["choice", "amount"]
    options: list[Option] = field(default_factory=list)
    # msgids the prompt needs, e.g. {"city": "衢州", "plan": "惠衢保"}; "region" is the city's id
    values: dict[str, str] = field(default_factory=dict)
    missing: tuple[str, ...] = ()  # label msgids of choices a resident expects but no rule covers


class Interview:

    def __init__(self, rules: RuleBook):
        self.rules = rules
        self.words = rules.answers
        # The rule book is immutable (a reload makes a new one): what it covers is worked out once.
        self._cares: dict[tuple[str, str], tuple[str, ...]] = {}
        self._cities: tuple[str, ...] | None = None
        self._choices: dict[tuple, Step] = {}
        self.reader = AnswerReader(self.words)
        self._newest_year: int | None = None
        self._cases = None
        self._paths: dict[tuple, tuple[Step, ...]] = {}

    # --- what the rules cover -------------------------------------------------------------

    def cares(self, city: str, scheme: str) -> list[str]:
        """Cares where some rule pays on the amount the dialogue asks for that care."""
        covered = self._cares.get((city, scheme))
        if covered is None:
            found = []
            for care in CARES:
                if care == "special-drug":
                    pays = any(r.base == "special_drug" for r in self.rules.supplementary_rules(city, scheme, care))
                else:
                    pays = self.rules.basic_rule(city, scheme, care) is not None
                if pays:
                    found.append(care)
            covered = self._cares[(city, scheme)] = tuple(found)
        return list(covered)

    def schemes(self, city: str) -> list[str]:
        return [scheme for scheme in SCHEMES if self.cares(city, scheme)]

    def location_asked(self, city: str) -> bool:
        """Whether any path of this city asks inside or outside the city."""
        return any(step.name == "in_quzhou"
                   for scheme in self.schemes(city) for care in self.cares(city, scheme)
                   for step in self._path({"city": city, "scheme": scheme, "care": care}))

    def cities(self) -> list[str]:
        if self._cities is None:
            # The order staff gave in interview.yaml decides the buttons' order.
            named = list(self.words.choices("city"))
            ordered = sorted(self.rules.regions(), key=lambda city: named.index(city) if city in named else len(named))
            self._cities = tuple(city for city in ordered if self.schemes(city))
        return list(self._cities)

    # --- the dialogue -----------------------------------------------------------------------

    def next_step(self, answers: dict) -> Step | None:
        """The first step that applies and has no answer yet; None when the estimate can be made."""
        for step in self._path(answers):
            if step.name not in answers:
                return step
        return None

    PATHS_CACHED = 256

    def _path(self, answers: dict) -> tuple[Step, ...]:
        """The steps that apply, as far as the answers decide them: only city, scheme and care do,
        so each of the few combinations is worked out once per rule book."""
        city = answers.get("city")
        scheme = answers.get("scheme") if city is not None else None
        care = answers.get("care") if scheme is not None else None
        key = (city, scheme, care)
        path = self._paths.get(key)
        if path is None:
            if len(self._paths) >= self.PATHS_CACHED:
                self._paths.clear()
            decisive = {name: value for name, value in zip(("city", "scheme", "care"), key) if value is not None}
            path = self._paths[key] = tuple(self._applicable_steps(decisive))
        return path

    def _applicable_steps(self, answers: dict):
        """Steps in order, each decided only by the answers before it (city, scheme and care)."""
        yield self._choice("city", self.cities())
        city = answers.get("city")
        if city is None:
            return
        city_label = self.words.label("city", city)
        schemes = self.schemes(city)
        missing = tuple(self.words.label("scheme", s) for s in SCHEMES if s not in schemes)
        yield self._choice("scheme", schemes, missing=missing, city=city_label)
        scheme = answers.get("scheme")
        if scheme is None:
            return
        cares = self.cares(city, scheme)
        missing = tuple(self.words.label("care", c) for c in EXPECTED_CARES if c not in cares)
        yield self._choice("care", cares, missing=missing, city=city_label, scheme=self.words.label("scheme", scheme))
        care = answers.get("care")
        if care is None:
            return
        basic = self.rules.basic_rule(city, scheme, care)
        supplementary = self.rules.supplementary_rules(city, scheme, care)
        if basic is not None and basic.depends_on_level:
            yield self._choice("level", sorted(basic.levels))
        # (where a special drug was bought is not asked: a designated pharmacy in the city is assumed, and said so,
        # unless the case tells otherwise)
        location_matters = (basic is not None and basic.has_in_city_bonus) or any(
            r.outside_city_share < 1 and r.base != "special_drug" for r in supplementary)
        if location_matters:
            yield self._choice("in_quzhou", [True, False], city=city_label, region=city)
        if care == "special-drug":
            yield Step("special_drug", "amount", values={"city": city_label})
        else:
            yield Step("in_scope", "amount")
        if any(r.base == "out_of_list" for r in supplementary):
            yield Step("out_of_list", "amount", values={"plan": supplementary[0].plan})
        critical = self.rules.critical_illness_rule(city, scheme, care)
        if critical is not None and critical.hardship is not None:
            yield self._choice("hardship", [True, False])
        if supplementary:
            yield self._choice("huiqubao", [True, False], plan=supplementary[0].plan)

    def _choice(self, name: str, values: list, missing: tuple[str, ...] = (), **prompt_values: str) -> Step:
        key = (name, tuple(values), missing, tuple(prompt_values.items()))
        step = self._choices.get(key)
        if step is None:  # the same few steps for every resident: built once per rule book
            table = WORD_TABLE[name]
            options = [Option(_button_value(value), self.words.label(table, value)) for value in values]
            step = self._choices[key] = Step(name, "choice", options, dict(prompt_values), missing)
        return step

    @property
    def cases(self):
        """The reader of a whole case in one message, built on first use with this interview's vocabulary."""
        if self._cases is None:
            from bot.domain.estimate.case_reader import CaseReader  # it builds on Interview: imported here, not at the top

            self._cases = CaseReader(self)
        return self._cases

    def navigation(self, text: str) -> str | None:
        """'back', 'cancel', 'restart' or 'go_on' when typed text asks for it (返回, 取消, 不算了, 重新算, 接着算…), else None."""
        return self.reader.navigation(simplified(text))

    def asked_after_stopping(self, text: str) -> str | None:
        """The question after 不算了 (不算了，惠衢保在哪里买？), answered once the estimate is cancelled."""
        return self.reader.asked_after_stopping(simplified(text))

    def tells_several_amounts(self, step: Step, text: str) -> bool:
        """一共花了8万，医保范围内的6万 at the in-scope step: more amounts than the step takes (the case reading tells
        them apart)."""
        if step.name not in AMOUNT_STEPS:
            return False
        try:
            self.reader.amount(simplified(text), none_means_zero=step.name == "out_of_list")
        except Unread as unread:
            return unread.reason == "amount:several"
        return False

    def allows_unsure(self, name: str) -> bool:
        return name in self.words.understanding.unsure_steps

    def accept(self, step: Step, text: str):
        """The value of a pressed button or typed answer (None: "not sure", where the step allows it).

        AnswerError(hint_msgid, reason) when it is not usable.
        """
        text = simplified(text)
        if step.kind == "amount":
            try:
                return self.reader.amount(text, none_means_zero=step.name == "out_of_list")
            except Unread as unread:
                reason = unread.reason.split(":", 1)[1] if unread.reason.startswith("amount:") else "not_a_number"
                if reason == "unsure" and self.allows_unsure(step.name):
                    return None  # 自费的不清楚: assumed none, as unsure_steps says, and the result says so
                raise AnswerError(AMOUNT_HINTS[reason], unread.reason) from None
        allowed = {option.value for option in step.options}
        if text in allowed:  # a pressed button
            return _from_button(step.name, text)
        if (place := self.reader.ordinal(text)) is not None:  # 第二个: the button at that place, as the row shows them
            if place > len(step.options):
                raise AnswerError(HINT_CHOOSE, "unknown")
            return _from_button(step.name, step.options[place - 1].value)
        table = WORD_TABLE[step.name]
        try:
            value = self.reader.choice(
                f"yes_no:{step.name}" if table == "yes_no" else table, text, region=step.values.get("region"),
                allows_unsure=self.allows_unsure(step.name), prefer=self.words.understanding.prefer.get(step.name),
                topic=step.values.get("plan"))
        except Unread as unread:
            hint = self._hint(step, text, unread.reason)
            # A question keeps its reason: the FAQ may know the hospital; the hint comes when it does not.
            reason = "hospital_name" if hint == HINT_HOSPITAL_NAME and unread.reason != "question" else unread.reason
            raise AnswerError(hint, reason) from None
        if value is UNSURE:
            return None
        if _button_value(value) not in allowed:
            # A word we understand, but no rule covers it here (e.g. 衡阳 城乡居民).
            raise AnswerError(HINT_NO_RULE, "uncovered")
        return value

    @staticmethod
    def _hint(step: Step, text: str, reason: str) -> str:
        if reason == "uncovered" and step.name == "city":
            return HINT_OTHER_CITY
        if step.name == "level" and "院" in _CARE_WORDS.sub("", text) and reason in ("unknown", "question"):
            # 市人民医院, 衢州人民医院是几级医院？: where to read the level (not 住院了呀, the care told again)
            return HINT_HOSPITAL_NAME
        if reason == "unsure":  # 不知道 where the rules cannot assume: why it is needed, and where to find it
            return HINT_LEVEL_UNSURE if step.name == "level" else HINT_NEEDED
        return HINT_CHOOSE

    def only_repeats(self, answers: dict, text: str) -> bool:
        """住院了呀 where the level is asked, after 住院 was answered: earlier answers told again, nothing new."""
        told = self.cases.read(text).answers
        return bool(told) and all(answers.get(name) == value for name, value in told.items())

    def is_valid(self, step: Step, value) -> bool:
        if value is None:  # "not sure": assumed, and said so in the result
            return self.allows_unsure(step.name)
        if step.kind == "amount":
            return isinstance(value, Decimal) and value >= 0
        return _button_value(value) in {option.value for option in step.options}

    def settle(self, answers: dict) -> tuple[dict, dict]:
        """(answers, set aside): answers given ahead of their step that no longer fit are set aside.

        Walks the path while answers exist; an answer that does not fit its step (a care no rule
        covers) is set aside and the step is asked. Answers beyond the first unanswered step are
        kept for later; once the path is complete, answers off the path are dropped.
        """
        pending = dict(answers)
        kept: dict = {}
        aside: dict = {}
        while (step := self.next_step(kept)) is not None and step.name in pending:
            value = pending.pop(step.name)
            if self.is_valid(step, value):
                kept[step.name] = value
            else:
                aside[step.name] = value
                break
        kept.update({name: pending.pop(name) for name in KEPT_IF_TOLD if name in pending})
        if step is None:
            return kept, aside
        return {**kept, **{name: value for name, value in pending.items() if name not in aside}}, aside

    def number(self, answers: dict, step: Step) -> int:
        """The step's number on the resident's path (1 for the first question)."""
        for number, candidate in enumerate(self._path(answers), 1):
            if candidate.name == step.name:
                return number
        return len(answers) + 1

    def rate_parts(self, estimate) -> dict[str, tuple[str, str]]:
        """rule id -> (base %, bonus %) where a line's ratio is composed (85% + 5 in a 市域内 基层 hospital)."""
        parts = {}
        request = estimate.request
        for line in estimate.lines:
            if line.payer != "basic":
                continue
            rule = self.rules.basic_rule(request.city, request.scheme, request.care)
            terms = rule.levels.get(request.level) if rule and rule.levels else (rule.terms if rule else None)
            if terms is not None and terms.in_city_bonus > 0 and line.ratio != terms.ratio:
                parts[line.rule] = (_percent(terms.ratio), _percent(line.ratio - terms.ratio))
        return parts

    def newest_rule_year(self) -> int:
        """Results using rules older than this say that the terms may have changed since."""
        if self._newest_year is None:
            rules = (*self.rules.basic, *self.rules.critical_illness, *self.rules.supplementary)
            self._newest_year = max((rule.year for rule in rules), default=0)
        return self._newest_year

    def back(self, answers: dict) -> dict:
        """The answers without the last step answered (and without any answer no longer on the path). The answers
        are in the order they were given: a step answered from the opening message (在衢州市里住的) and skipped is
        not the one a resident pressing Back after the next question means to change."""
        kept = self._on_path(answers)
        asked = [name for name in answers if name in kept and name not in GIVEN]
        if not asked:
            return kept
        kept.pop(asked[-1])
        # (低保户，没买惠衢保 in the opening message, the amount changed with Back: what was told ahead of its step stays,
        # while its step is still on the path)
        ahead = {step.name for step in self._path(kept)} - set(kept) - {asked[-1]}
        return {name: value for name, value in answers.items() if name in kept or name in ahead}

    def _on_path(self, answers: dict) -> dict:
        kept: dict = {}
        while (step := self.next_step(kept)) is not None and step.name in answers:
            kept[step.name] = answers[step.name]
        return {**kept, **{name: answers[name] for name in KEPT_IF_TOLD if name in answers}}

    def changed_terms(self, answers: dict) -> bool:
        """The basic rule of the case's city, scheme and care tells how its terms were before a day (衡阳慢性病门诊)."""
        rule = self.rules.basic_rule(answers.get("city"), answers.get("scheme"), answers.get("care"))
        return rule is not None and rule.before is not None

    def request(self, answers: dict) -> EstimateRequest:
        """The estimate request for complete answers; steps not asked stay None (the estimate says what it assumed)."""
        answers = self._on_path(answers)
        if self.next_step(answers) is not None:
            raise ValueError(f"the dialogue is not finished: {self.next_step(answers).name} is unanswered")
        return EstimateRequest(
            city=answers["city"],
            scheme=answers["scheme"],
            care=answers["care"],
            level=answers.get("level"),
            in_quzhou=answers.get("in_quzhou"),
            in_scope=answers.get("in_scope", Decimal(0)),
            out_of_list=answers["out_of_list"] if "out_of_list" in answers else Decimal(0),  # None: "not sure"
            special_drug=answers.get("special_drug", Decimal(0)),
            hardship=answers.get("hardship"),
            huiqubao=answers.get("huiqubao"),
            deductible_used=self._deductible_used(answers),
            fund_paid_this_year=answers.get("fund_paid_this_year"),
            total_told=answers.get("total_told"),
        )

    def _deductible_used(self, answers: dict) -> Decimal | None:
        """The deductible already paid this year, as told; ALL_PAID: the whole deductible of this case."""
        used = answers.get("deductible_used")
        if used != ALL_PAID:
            return used
        rule = self.rules.basic_rule(answers["city"], answers["scheme"], answers["care"])
        if rule is None:
            return None
        if rule.deductible_year_total is not None:
            return rule.deductible_year_total
        terms = rule.levels.get(answers.get("level")) if rule.levels else rule.terms
        return terms.deductible if terms is not None else None


_CARE_WORDS = re.compile("住院|入院|出院")


def _button_value(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _from_button(name: str, text: str):
    if WORD_TABLE[name] in ("in_city", "yes_no"):
        return text == "yes"
    if name == "level":
        return int(text)
    return text


def _percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}"
