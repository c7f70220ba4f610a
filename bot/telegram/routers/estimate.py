"""/estimate: the guided reimbursement dialogue. The interview (domain) decides every step.

Typed answers are read by the domain (answer_reader); a question in the middle is answered by
the FAQ and the pending step shown again; a whole case in one message fills what it can, and a
case told in the middle or just after the result (那门诊呢，一级医院看病花了800) changes the one
being worked on, keeping what it leaves unsaid (case_reader.CaseReader.revision).
"""
from __future__ import annotations

import re
import time
from dataclasses import replace
from decimal import Decimal

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.domain.assistant import Assistant
from bot.domain.estimate.answer_reader import simplified
from bot.domain.estimate.case_reader import Case, cost_step, is_the_speaker
from bot.domain.estimate.interview import (ALL_PAID, AMOUNT_HINTS, AMOUNT_STEPS, GIVEN, HINT_ALREADY, HINT_HOSPITAL_NAME, NOTE_A_YEAR, NOTE_AGAIN, NOTE_UNCHANGED, NOTE_CARE, NOTE_CARES, NOTE_FROM_TOTAL, NOTE_PEOPLE, NOTE_PEOPLE_YOU_FIRST, NOTE_PERSON, NOTE_PERSON_YOU,
                                           NOTE_PER_UNIT, NOTE_REVISED, AnswerError, Interview, Step)
from bot.domain.estimate.reimburse import RequestError, estimate
from bot.domain.estimate.rules import CARES
from bot.domain.privacy import mask_personal_data
from bot.telegram import follow_ups
from bot.telegram.callbacks import Act, FeatureRouter, acknowledge
from bot.telegram.filters import has_text, not_a_command
from bot.telegram.views import send_view
from bot.views.estimate_presenter import OFFERED, EstimatePresenter
from bot.views.presenter import Presenter, View


async def starts_estimate(message: Message, assistant: Assistant, state: FSMContext) -> bool | dict:
    """Start at once when the resident asks to calculate (帮我算), or gives amounts with a 能报多少
    question or with a case (衢州居民住院三级医院花了10万), or tells a case without asking anything
    (我是城乡居民医保，在上海三级医院住院，已经备案了), or, just after a result, a case that changes
    it (那他的高血压门诊呢，每个月药费1000: the city and scheme before are kept). Details told in the messages
    before (衡阳职工医保 … 三级医院看普通门诊: remember_told_case), or named by the question just asked, count too.

    Other 能报多少 questions go on to the FAQ, whose answer offers a button to work out an amount.
    The case read here is handed to the handler, so the message is read once.
    """
    interview = assistant.store.current.interview
    text = simplified(message.text)
    data, at = await state.get_data(), message.date.timestamp()
    if (waiting := _person_asked_for(data, interview, text)) is not None:
        return {"case": waiting}  # 我爸的呢, 先算我妈的: one of the people told of a moment ago
    if interview.reader.asks_to_start_again(text):
        return {"case": interview.cases.read(text)}  # 重新算: from the first step, nothing told before carried in
    calculate = interview.reader.wants_calculation(text)
    wants = assistant.wants_estimate(text)
    asks = calculate or interview.reader.asks_amount(text) or wants
    revises = interview.cases.revises(text)  # 不对我是职工, 那二级医院呢: a change of the case, if one was just worked out
    told = not asks and not revises and len(text) >= CASE_TOLD_SHORTEST and interview.reader.tells_without_asking(text)
    if not asks and not revises and not told and not interview.reader.may_hold_an_amount(text):
        return False
    declined = assistant.why_declined(message.text)
    if declined == "uncovered_topic":
        return False  # (生孩子住院花了5000，能报多少: the FAQ says the neighbour is not ours)
    case = interview.cases.read(text)
    # 我妈…花了3万，我爸…花了5万, or 住院5万，另外特药2万: each worked out on their own, the first now
    people = interview.cases.people(text) or interview.cases.cares_apart(text)
    if people:
        (first, told), *rest = people
        case = replace(interview.cases.read(told), person=first, others=tuple(person for person, _ in rest),
                       by_care=_by_care(people))
    if not asks and interview.reader.asks_about_the_result(text) and not interview.reader.asks_why(text) \
            and not follow_ups.finished_within(data, at, follow_ups.FOLLOW_UP_SECONDS):
        asks = True  # 每个月药费两千，现在自己要出多少: a figure of a result asked of an amount (not 惠衢保那9091是怎么算的, just after one)
    revision = follow_up_case(data, assistant, case, text if revises else None)
    if revision is not None:
        return {"case": revision}
    if (earlier := told_case(data, at)) is not None:
        case = interview.cases.gathered(earlier, case)  # 衡阳职工医保 … 三级医院 … 这次花了1000，能报多少
    elif case.costs and (asks or not interview.reader.is_question(text)) and (last := follow_ups.leaned_on(data, at)) is not None:
        # 衢州职工医保看普通门诊怎么报？ … 花了3000，能报多少 (not 惠衢保他能买不, a question of its own, nor 报销估算, a fresh
        # start, nor 不是说775吗, a figure checked)
        case = interview.cases.gathered(interview.cases.read(simplified(last)), case)
    # 每月降压药3000, or 医保范围内五千多块 (the exact figure is asked for at its step)
    has_amount = any(name in case.answers for name in AMOUNT_STEPS) or case.per_unit is not None or case.rough
    # (a price per month or visit counts as the amount told: 600 yuan a month)
    if calculate or (has_amount or told) and (asks or len(case.answers) + (case.per_unit is not None) >= CASE_WITHOUT_QUESTION):
        return {"case": case, "people": dict(people or ())}
    if wants and declined == "low_confidence":
        return {"case": case, "people": dict(people or ())}  # 我看病花了钱能退多少钱: no FAQ answer, the estimate is one
    return False


YEAR_ALONE_LONGEST = 24  # characters: 那一年下来呢, And over a whole year?
PERSON_ASKED_LONGEST = 12  # characters: 我爸的呢, 先算我妈的, 那我老公的呢？


def _person_asked_for(data: dict, interview: Interview, text: str) -> Case | None:
    """One of the people whose cases came in one message, asked for by name (我爸的呢), worked out on their own."""
    people = data.get(PEOPLE) or {}
    if not people or len(text) > PERSON_ASKED_LONGEST or interview.reader.holds_an_amount(text):
        return None
    if _by_care(people):  # 特药的呢: the care it names
        named = [care for care in people if care == interview.cases.read(text).answers.get("care")]
    else:
        named = [person for person in people if person in text or len(person) > 1 and person.lstrip("我") in text]
    return replace(interview.cases.read(people[named[0]]), person=named[0], by_care=_by_care(people)) if len(named) == 1 else None


def _by_care(waiting) -> bool:
    """Whether the cases told in one message are kinds of care (住院…，另外特药…), not people: keyed by care."""
    return all(key in CARES for key in dict(waiting))


async def asks_about_the_result(message: Message, assistant: Assistant, state: FSMContext) -> bool:
    """A question about one of the figures of the result shown last (那我自己要出多少, 大病报了多少)
    that changes no detail of the case and gives no amount: just after it, or after other questions
    when it points back at it (刚才那笔) or names nothing of a case of its own (那我自己最后掏多少钱)."""
    interview = assistant.store.current.interview
    text = simplified(message.text)
    reader = interview.reader
    # 没看懂，说简单点 right after a result, or doubt of it (真的吗？哪份文件说的): the result once more, with its sources
    if assistant.small_talk(message.text) == "again" or assistant.only_doubts(message.text):
        data, at = await state.get_data(), message.date.timestamp()
        if "care" in follow_ups.estimate_case(data, at) and not follow_ups.asked_since_the_result(data):
            return True
        if not reader.points_back_to_the_result(text):
            return False  # (刚才算的能报多少，再说一遍 after a question in between: the result it points back to, below)
    # 我自己算的是报了五万七千多，对吧: the result to compare; 这个60%是哪年的规定: the result, with its sources
    if reader.checks_an_own_sum(text) and not interview.cases.revises(text) \
            or reader.asks_the_rules_year(text) and not interview.cases.read(text).costs:
        data, at = await state.get_data(), message.date.timestamp()
        return "care" in follow_ups.last_result(data, at)
    if reader.asks_for_the_result(text):  # 刚才那个算完了吗, 结果呢 after a result: that result
        data, at = await state.get_data(), message.date.timestamp()
        return "care" in follow_ups.last_result(data, at)
    if interview.cases.asks_the_year(text) and not interview.cases.read(text).costs \
            and (reader.asks_about_the_result(text) or reader.asks_amount(text) or len(text) <= YEAR_ALONE_LONGEST and not reader.asks_a_rule(text)):
        # (not: is there a yearly cap?; 那一年下来呢, over a whole year?: the year alone)
        data, at = await state.get_data(), message.date.timestamp()
        if data.get(PER_MONTH) and "care" in follow_ups.last_result(data, at):
            return True  # 那一年下来能报多少 after an estimate on one month's cost: the year, worked out
    what_if, asked = interview.cases.revises(text), reader.is_question(text)
    if what_if or asked:
        data, at = await state.get_data(), message.date.timestamp()
        if what_if and "care" in follow_ups.last_result(data, at):
            stored = from_storage(data)
            if interview.cases.changes_nothing(stored, text):
                return True  # 假如我已经退休了呢 after an employee's result: no detail the rules use changes, the result stands
            if interview.cases.restates(stored, text):
                return True  # 我是说三千五百块 after a result on 3,500: said again, the result stands
        if asked and _quotes_the_result(text, assistant, data, at):
            return True  # 这个大病15000是什么意思 just after a result: the result again, which says what each figure is
    about_it = reader.asks_about_the_result(text)
    earlier = reader.asks_how_it_was(text)
    why = reader.asks_why(text)
    pointing_back = reader.points_back_to_the_result(text)  # 刚才算的能报多少，再说一遍, after questions in between
    if not (about_it or earlier or pointing_back or reader.asks_only_the_amount(text)):
        return False
    if reader.asks_of_the_premium(text) and not (earlier or why):
        return False  # (低保户交居民医保还要自己出钱吗 after a result: the rule for the premium, which the FAQ has)
    data, at = await state.get_data(), message.date.timestamp()
    result = follow_ups.last_result(data, at)
    quoted = about_it and interview.cases.quotes(text, result)
    if reader.holds_an_amount(text) and not (earlier or why) and not quoted:
        return False  # (3月以前呢 holds a month, 为什么是90% a rate: no amount; 总共8万，我自己要出多少 quotes the case)
    if earlier and not about_it:  # 那3月以前呢，原来是多少: the result says how it was, if its terms changed on a day
        return "care" in result and interview.changed_terms(result) and "care" in follow_ups.estimate_case(data, at)
    case = interview.cases.read(text)
    # (没买惠衢保。我自己要付多少？ after an outpatient result, which has no 惠衢保 step: a "no" it never assumed otherwise)
    told = {name: value for name, value in case.answers.items() if not (value is False and name not in result)
            and not ((why or quoted) and name in (*AMOUNT_STEPS, *GIVEN))}  # (花了五万才报一万多，为什么: the case's figures, quoted)
    if not about_it:  # 那一共能报多少？ just after the result (the case told bit by bit ended there): the result
        return not told and not case.aside and ("care" in follow_ups.estimate_case(data, at) or pointing_back and "care" in result) \
            and not interview.cases.names_a_plan_left_out(text, result)
    if "care" not in result or any(result.get(name) != value for name, value in told.items()):
        return False  # 衢州职工门诊自己付多少 after a resident's hospital stay: a case of its own
    if interview.cases.names_a_plan_left_out(text, result):
        return False  # 惠衢保还能报吗 after a 衡阳 result, which has no 惠衢保 step: the FAQ says who it is for
    if interview.cases.revises(text) and (revision := interview.cases.revision(from_storage(data), case, text)) is not None \
            and revision.changed:
        return False  # 那如果当初没买惠衢保呢: a what-if; 那大病呢, worded alike, changes nothing: it asks about the result
    return "care" in follow_ups.estimate_case(data, at) or reader.points_back_to_the_result(text) or not told


def _quotes_the_result(text: str, assistant: Assistant, data: dict, at: float) -> bool:
    """The message names only figures of the result shown a moment ago, no question asked since."""
    interview = assistant.store.current.interview
    if "care" not in follow_ups.estimate_case(data, at) or follow_ups.asked_since_the_result(data):
        return False
    quoted = interview.cases.amounts_pointed_at(text)
    if not quoted:
        return False  # (the result is worked out again only for a message that points back at figures)
    answers, _ = interview.settle(from_storage(data))
    try:
        shown = estimate(interview.request(answers), assistant.knowledge.rules).figures()
    except (RequestError, KeyError, ValueError):
        return False
    return quoted <= shown


_CLAUSE_BREAK = re.compile(r"[，,、；;。]")  # a message in clauses may tell more than the step asks
_UNREAD = object()  # no answer read from a part of a message (不是不是，… : its first clause)
CASE_WITHOUT_QUESTION = 4  # answers (an amount among them) that make a message a case even without 能报多少
_ONLY_MARKS = re.compile(r"[\s?？!！.。…~～]+")  # ？ or ?? at a step: "what do you mean?", not a question for the FAQ
CASE_TOLD_SHORTEST = 8  # characters: 衢州居民住院三级 tells four details; a shorter message cannot (and is not read for them)


_PLACE_STEPS = ("city", "in_quzhou")


def follow_up_case(data: dict, assistant: Assistant, case: Case, text: str | None = None) -> Case | None:
    """The case a message makes of the estimate whose result was shown a moment ago (within the
    follow-up window), when it tells one; None otherwise.

    text: the message, when worded as a correction or "what if" (不对我是职工, 那二级医院呢): then a
    changed detail is enough, no cost needed; not when a question was taken by the FAQ since the result
    (那居民呢 then leans on that question, not on the estimate), unless it says the rest is as before
    (那我老伴呢，同样的情况，不过他买了惠衢保) or points back at the estimate (回到刚才那笔：要是他买了惠衢保呢)."""
    if not follow_ups.finished_within(data, time.time(), follow_ups.FOLLOW_UP_SECONDS):
        return None
    interview = assistant.store.current.interview
    cases = interview.cases
    if follow_ups.asked_since_the_result(data) and not (text and (
            cases.keeps_the_rest(text) or interview.reader.points_back_to_the_result(text) or cases.changes_only_the_person(from_storage(data), case, text, follow_ups.asked_since(data))
            or cases.corrects_what_was_not_asked_since(from_storage(data), case, text, follow_ups.asked_since(data)))):
        text = None  # (那我老伴呢，同样的情况; 要是她买了惠衢保呢; 搞错了，是二级: the estimate, though a question was answered since)
    return cases.revision(from_storage(data), case, text)


async def remember_offered_case(state: FSMContext, assistant: Assistant, question: str) -> None:
    """The FAQ offered the estimate for a 能报多少 question that describes a case without an amount
    (我妈衢州居民医保，在衢州住院，三级医院，能报多少): what it said is kept, so the offered button
    starts from it instead of asking it all again. A question that is no case (高血压门诊能报多少
    衢州职工: fewer answers than a case has) starts from the first question, as before."""
    case = assistant.store.current.interview.cases.read(simplified(question))
    is_case = len(case.answers) + len(case.aside) >= CASE_WITHOUT_QUESTION
    offered = case_storage(case) if is_case else None
    await state.update_data(offered=offered)


async def remember_told_case(state: FSMContext, data: dict, assistant: Assistant, text: str, at: float) -> None:
    """A message the FAQ took that tells details of a case (他是衢州参保的，城乡居民医保; 二级医院; 目录内3万): kept with
    what was told before, so that the estimate it leads to (能报多少) starts from all of it instead of asking again."""
    interview = assistant.store.current.interview
    typed = simplified(text)
    if interview.reader.is_question(typed) and not interview.reader.may_hold_an_amount(typed):
        return  # a question tells no case (and is not read for one: most messages are questions)
    case = interview.cases.read(typed)
    if not case.answers and not case.aside and case.elsewhere is None and case.per_unit is None:
        return
    if follow_ups.finished_within(data, at, follow_ups.FOLLOW_UP_SECONDS) and not follow_ups.asked_since_the_result(data):
        return  # just after a result, details change that case (follow_up_case), not a new one
    if (earlier := told_case(data, at)) is not None:
        case = interview.cases.gathered(earlier, case)
    await state.update_data({follow_ups.TOLD: {**case_storage(case), "at": at}})


def told_case(data: dict, at: float) -> Case | None:
    """The case details told in the messages before `at` (remember_told_case), if the last was recent."""
    told = follow_ups.told_before(data, at)
    return case_from_storage(told) if told is not None else None


def case_storage(case: Case) -> dict:
    return {"answers": to_storage(case.answers), "aside": to_storage(case.aside), "elsewhere": case.elsewhere,
            "per_unit": None if case.per_unit is None else str(case.per_unit)}


def case_from_storage(stored: dict) -> Case:
    per_unit = stored.get("per_unit")
    return Case(from_storage(stored), from_storage({"answers": stored.get("aside", {})}), stored.get("elsewhere"),
                None if per_unit is None else Decimal(per_unit))


def offered_case(data: dict) -> Case | None:
    """The case remembered by remember_offered_case, if any."""
    offered = data.get("offered")
    return case_from_storage(offered) if offered else None


def _noted(note: str, view: View) -> View:
    """A view with a note said before it (how the figure was taken, that the case changed, that it is shown again)."""
    return View(f"{note}\n\n{view.text}", view.buttons)


PEOPLE = "people"  # the dialogue data's key for several people's cases told in one message: person -> their case as told
PER_MONTH = "per_month"  # the dialogue data's key for a month's cost the estimate was worked out on (每个月药费3000)
LACKING_CITY = "lacking_city"  # the dialogue data's key for the insurance city told whose rules we lack (我是昭通的…)


class EstimateDialogue(StatesGroup):
    answering = State()


def to_storage(answers: dict) -> dict:
    """FSM data is JSON: amounts travel as strings."""
    return {name: str(value) if isinstance(value, Decimal) else value for name, value in answers.items()}


def from_storage(data: dict) -> dict:
    return {name: Decimal(value) if name in (*AMOUNT_STEPS, *GIVEN) and value not in (ALL_PAID, None) else value
            for name, value in data.get("answers", {}).items()}


class EstimateFlow:
    """One update's worth of the dialogue: read answers from FSM, advance, send the next view."""

    def __init__(self, bot, chat_id: int, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str,
                 presenter: Presenter | None = None, city: str | None = None):
        self.bot, self.chat_id, self.state, self.locale = bot, chat_id, state, locale
        self.assistant = assistant
        self.interview = assistant.store.current.interview
        self.rules = assistant.knowledge.rules
        self.view = estimate_presenter
        self.presenter, self.city = presenter, city  # for answering a question asked in the middle
        self._read: dict | None = None

    async def answers(self) -> dict:
        return from_storage(await self._data())

    async def _data(self) -> dict:
        """The dialogue's data, read once per update (a step reads the answers, then saves them)."""
        if self._read is None:
            self._read = await self.state.get_data()
        return self._read

    async def save(self, answers: dict, lacking: str | None = None) -> None:
        """lacking: the insurance city the case named (or the talk was about) whose rules we lack, kept until a city is chosen."""
        await self.state.set_state(EstimateDialogue.answering)
        data = await self._data()
        talked_of = data.get(follow_ups.TALKED_OF)  # the talk's city outlives the estimate's answers
        lacking = None if "city" in answers else lacking or data.get(LACKING_CITY)
        per_month = data.get(PER_MONTH)  # (a month's cost outlives the steps answered after it; used only while it is the cost)
        people = data.get(PEOPLE)  # (the others told of wait while one is worked out)
        self._read = {"answers": to_storage(answers), **({follow_ups.TALKED_OF: talked_of} if talked_of else {}),
                      **({LACKING_CITY: lacking} if lacking else {}), **({PER_MONTH: per_month} if per_month else {}),
                      **({PEOPLE: people} if people else {})}
        await self.state.set_data(self._read)

    async def show(self, answers: dict, hint: str | None = None, unsure_of=None, case: Case | None = None,
                   talked_of: str | None = None) -> None:
        """The next question, or the result; after a whole case, what was understood comes first.
        talked_of: the city the talk was about, when the case names none and the rules lack it."""
        answers, _ = self.interview.settle(answers)
        step = self.interview.next_step(answers)
        aside = case.aside if case is not None else {}
        if step is not None and step.missing and set(aside) <= {step.name}:
            aside = {}  # the question itself says what the rules lack
        elsewhere = case.elsewhere if case is not None and "city" not in answers else None
        summary = (self.view.summary(self.interview, answers, aside, self.locale, elsewhere=elsewhere,
                                     talked_of=talked_of if "city" not in answers else None,
                                     hotline=self._hotline(answers.get("city"))) if case is not None else None)
        if case is not None and case.per_unit is not None and case.per_unit in (answers.get("in_scope"), answers.get("special_drug")):
            # 每个月药费1000 taken as the cost: said before what is worked out from it.
            summary = _noted(self.view.tr(self.locale, NOTE_PER_UNIT) % {"amount": f"{case.per_unit:,.2f}"}, summary)
        main = cost_step(answers.get("care"))
        if case is not None and case.per_month and (month := case.per_unit if case.per_unit is not None else answers.get(main)) is not None:
            await self.state.update_data({PER_MONTH: str(month)})  # a year asked after the result is twelve of these
            self._read = None
        if case is not None and case.from_total is not None and "in_scope" in answers and "out_of_list" in answers:
            summary = _noted(self.view.tr(self.locale, NOTE_FROM_TOTAL) % {
                "total": f"{case.from_total:,.2f}", "outside": f"{answers['out_of_list']:,.2f}", "in_scope": f"{answers['in_scope']:,.2f}"}, summary)
        if case is not None and case.changed:
            # 不对我是职工, 那二级医院呢: the case as changed, worked out again.
            summary = _noted(self.view.tr(self.locale, NOTE_REVISED), summary)
        if case is not None and case.person is not None and summary is not None:
            yours = is_the_speaker(case.person)
            if case.by_care:
                note = self.view.tr(self.locale, NOTE_CARES if case.others else NOTE_CARE)
            else:
                note = self.view.tr(self.locale, (NOTE_PEOPLE_YOU_FIRST if yours else NOTE_PEOPLE) if case.others
                                    else NOTE_PERSON_YOU if yours else NOTE_PERSON)
            named = [self._care_label(care) if case.by_care else care for care in (case.person, *case.others[:1])]
            summary = _noted(note % {"who": named[0], "next": named[1] if case.others else ""}, summary)
        if step is None:
            # The result ends the dialogue; the answers stay in the data for "change one answer", and
            # for a follow-up case a moment later (那门诊呢，花了800).
            await self.state.set_state(None)
            await self.state.update_data(finished=time.time())
            self._read = None
            if summary is not None:
                await send_view(self.bot, self.chat_id, summary)
            await send_view(self.bot, self.chat_id, self._result(answers))
            return
        if case is not None and case.rough and step.name == main and hint is None:
            hint = AMOUNT_HINTS["not_exact"]  # 五千多块: the figure on the bill is asked for
        lacking = (await self._data()).get(LACKING_CITY) if step.name == "city" else None
        hotline = self._hotline(self.assistant.region_named(lacking), lacking) if lacking else \
            self._hotline(answers.get("city")) if step.missing else None
        question = self.view.step(step, self.interview.number(answers, step), self.locale, hint, unsure_of=unsure_of, lacking=lacking,
                                  hotline=hotline)
        await send_view(self.bot, self.chat_id, self.view.with_summary(summary, question) if summary is not None else question)

    def _hotline(self, region_id: str | None, place: str | None = None) -> dict | None:
        return self.assistant.hotline(region_id, place, self.locale) if region_id or place else None

    def _care_label(self, care: str) -> str:
        return self.view.tr(self.locale, self.interview.words.label("care", care))

    def _result(self, answers: dict) -> View:
        return self.view.result(estimate(self.interview.request(answers), self.rules), self.locale, interview=self.interview)

    async def result_again(self, text: str = "") -> None:
        """The result just shown, again, for a question about one of its figures; the year asked of one
        month's cost (那一年下来自己要掏多少) is worked out on twelve months."""
        answers, _ = self.interview.settle(await self.answers())
        month, main = (await self._data()).get(PER_MONTH), cost_step(answers.get("care"))
        if month and answers.get(main) == Decimal(month) and self.interview.cases.asks_the_year(text):
            year = Decimal(month) * 12
            answers = {**answers, main: year}
            await self.save(answers)
            await self.state.set_state(None)
            note = self.view.tr(self.locale, NOTE_A_YEAR) % {"month": f"{Decimal(month):,.2f}", "year": f"{year:,.2f}"}
            await send_view(self.bot, self.chat_id, _noted(note, self._result(answers)))
            await self.state.update_data({"finished": time.time(), PER_MONTH: None})
        else:
            note = NOTE_UNCHANGED if self.interview.cases.changes_nothing(answers, text) else NOTE_AGAIN
            await send_view(self.bot, self.chat_id, _noted(self.view.tr(self.locale, note), self._result(answers)))
            await self.state.update_data(finished=time.time())
        self._read = None

    async def start(self, text: str | None = None, case: Case | None = None, people: dict | None = None) -> None:
        """From the first question; with a message describing the case, from what it leaves open.
        people: several people's cases told in one message, the case being the first's (the others wait)."""
        if case is None and text:
            case = self.interview.cases.read(text)
        if people or case is None or case.person is None:
            await self.state.update_data({PEOPLE: people or None})  # a new talk forgets the people of the last
            self._read = None
        if case is not None and not case.answers and not case.aside and not case.elsewhere:
            case = None
        if case is not None and not case.costs_answered and case.per_unit is not None:
            case = case.with_the_price_per_unit_as_the_cost()  # 每月药费1800: worked out for that sum, as said before the result
        talked_of = None
        if case is not None and "city" not in case.answers and case.elsewhere is None:
            case, talked_of = self._with_the_city_talked_of(case, await self._data())
        answers = case.answers if case is not None else {}
        # what the rules set aside (a hospital stay of a scheme with no rule for it) is kept with the answers,
        # so that 那要是按城乡居民医保算呢 a moment later still has the stay
        lacking = talked_of or (case.elsewhere if case is not None else None)
        await self.save({**case.aside, **answers} if case is not None else answers, lacking)
        await self.show(answers, case=case, talked_of=talked_of)

    def _with_the_city_talked_of(self, case: Case, data: dict) -> tuple[Case, str | None]:
        """A case that names no insurance city is about the city the talk was about a moment ago
        (我是衢州医保，要去上海住院… then 我是城乡居民医保，三级医院，目录内12万): shown with the rest, to be changed
        if wrong. A city the rules lack (the talk was of 湘潭's family aid) is named as lacking, as when typed."""
        region = follow_ups.talked_of_region(data, time.time())
        if region is None:
            return case, None
        if region in self.interview.cities():
            return replace(case, answers={"city": region, **case.answers}), None
        return case, self.assistant.region_name(region, self.locale)

    async def answer(self, text: str, typed: bool = True) -> None:
        """A typed answer (or a pressed button's value, typed=False: no words, questions or cases to read)."""
        stored = await self.answers()
        answers, _ = self.interview.settle(stored)
        step = self.interview.next_step(answers)
        if step is None:
            await self.show(answers)
            return
        if typed:
            await self.typed(text, answers, step, stored)
            return
        await self.accept(answers, step, text)

    async def typed(self, text: str, answers: dict, step, stored: dict) -> None:
        """stored: the answers as saved, with what the rules set aside (a revision keeps it)."""
        navigation = self.interview.navigation(text)
        if navigation == "back":
            await self.back()
            return
        if navigation == "cancel":
            asked = self.interview.asked_after_stopping(text)
            await self.cancel()
            if asked is not None:
                await self.digress(asked, asks=True)
            return
        if navigation == "restart":
            await self.start()
            return
        if navigation == "go_on":
            await self.show(answers)  # 接着算 after a question in between: where it was
            return
        if answers and self.interview.cases.another_case_asked(text) and (case := self.interview.cases.read(text)).answers:
            await self.start(case=case)  # 再帮我算一个，我老婆的：她是衢州城乡居民医保…: a new case, nothing of the last kept
            return
        if _ONLY_MARKS.fullmatch(text):
            await self.accept(answers, step, text.strip())  # the step again, with its hint
            return
        small_talk = self.assistant.small_talk(text)
        if small_talk not in (None, "along") and self.presenter is not None:  # (嗯, 好的 answer a step: yes)
            # 你好, 谢谢 in the middle: a short friendly reply, and the same step again.
            await send_view(self.bot, self.chat_id, self.presenter.small_talk(small_talk, self.locale, "", answering=True))
            await self.show(answers)
            return
        if self.interview.reader.is_question(simplified(text)) and self.assistant.asks_of_a_topic_we_lack(text) \
                and await self.digress(text, asks=True):
            await self.show(answers)  # 生育的费用能报多少 in the middle: the FAQ's decline, and the step again
            return
        if step.name == "city" and (await self._data()).get(LACKING_CITY) and self.interview.reader.is_question(simplified(text)) \
                and self.assistant.asks_of_another_product(text) and await self.digress(text, asks=True):
            await self.show(answers)  # 她能买惠衢保吗，听说衢州这个挺便宜 after 昭通's case: asked, no city chosen
            return
        if step.name == "city" and (await self._data()).get(LACKING_CITY) and self.interview.reader.is_question(simplified(text)) \
                and not self.interview.reader.may_hold_an_amount(text) and "in_quzhou" in self.interview.cases.read(text).answers \
                and await self.digress(text):
            await self.show(answers)  # 那他在衢州看病，能拿我老婆的医保卡去刷吗 after 黑河's case: 衢州 is where care is, no city chosen
            return
        if answers and self.interview.reader.asks_only_the_amount(simplified(text)):
            # 能报多少？ before the last steps: those that may be assumed are (no costs outside the list, not on
            # the minimum allowance…; the result lists what was assumed), and what may not is asked
            assumed = dict(answers)
            while (pending := self.interview.next_step(assumed)) is not None and self.interview.allows_unsure(pending.name):
                assumed[pending.name] = None
            if assumed != answers:
                await self.save(assumed)
                await self.show(assumed)
                return
        if self.assistant.asks_what_a_word_means(text) and await self.digress(text, asks=True):
            await self.show(answers)  # 3+N是什么意思 where an amount is asked: its figures are no amount
            return
        if self.interview.reader.asks_a_rule(simplified(text)) and not self.interview.cases.revises(text) \
                and await self.digress(text, asks=True):
            await self.show(answers)  # 等一下，二级医院的起付线是多少？: the FAQ answers; 二级 answers no step
            return
        if answers.get("city") and step.name not in _PLACE_STEPS and self.interview.reader.is_question(simplified(text)) \
                and not self.interview.reader.may_hold_an_amount(text) and not self.interview.cases.revises(text) \
                and self.assistant.names_another_place(text, answers["city"], self.interview.location_asked(answers["city"])) \
                and await self.digress(text, asks=True):
            await self.show(answers)  # 黑河那边住院能报多少 at the level step of a 衢州 estimate: 黑河's rules, then the step again
            return
        if answers and self.interview.reader.is_question(simplified(text)) and not self.interview.reader.may_hold_an_amount(text) \
                and self.assistant.asks_of_a_product_outside_the_estimate(text) and await self.digress(text, asks=True):
            await self.show(answers)  # 我大姑在湘潭上班，她能给她婆婆共济吗: family aid answered, 湘潭 no place of care
            return
        if not answers:
            # The first answer may be a whole case: 衢州居民住院三级医院花了10万.
            case = self.interview.cases.read(text)
            if len(case.answers) + len(case.aside) + (case.elsewhere is not None) > 1:
                await self.start(case=case)
                return
        elif step.kind != "amount" and self.interview.reader.is_bare_amount(text):
            await self.accept(answers, step, text.strip())  # 0 where 低保 is asked: no new cost; the step again
            return
        elif (revises := self.interview.cases.revises(text)) or self.interview.reader.may_hold_an_amount(text) \
                or len(text) >= CASE_TOLD_SHORTEST and _CLAUSE_BREAK.search(text) \
                or self._tells_more_than_the_step(answers, step, self.interview.cases.read(text).answers):
            # (不是低保 where the costs outside the list are asked: a step to come is answered, this one asked
            # again; but a place alone, 黑河 where the insurance city is asked, is no place of care)
            # A case told in the middle (那门诊呢，一级医院看病花了800), or an answer corrected (其实是二级医院,
            # 那二级医院呢, 金额说错了，是4万5): it changes the one being asked about, keeping what it leaves
            # unsaid, rather than being taken for a question to the FAQ. After a question the FAQ answered
            # in the middle (its data is kept until the next answer), 那职工呢 leans on that question.
            if revises and "asked" in await self._data():
                revises = False
            case = self.interview.cases.read(text)
            revision = self.interview.cases.revision(stored, case, text if revises else None)
            if revision is not None:
                await self.start(case=revision)
                return
            # 這次目錄內1000元，能報多少; 没有目录外的药，他不是低保户，也没买惠衢保: this step's answer with a
            # question, or with the answers of the steps to come
            told = {name: value for name, value in case.answers.items() if name not in answers}
            if "in_scope" in told and "care" not in case.answers and answers.get("care") == "special-drug":
                told["special_drug"] = told.pop("in_scope")  # 一年大概3万块 of a special drug: its price
            if told and step.name not in told and (own := self._answered_first(step, text)) is not _UNREAD:
                told[step.name] = own  # 不是不是，那个惠衢保也没买 where 低保 is asked: its own answer first, then the next step's
            if told and (step.name not in told or len(told) > 1 or self.interview.reader.is_question(text)
                         or self.interview.tells_several_amounts(step, text)):
                # (the step's own answer alone is read by the step: -5 is re-asked, not taken for 5)
                answers = {**answers, **told}
                await self.save(answers)
                await self.show(answers, case=Case(answers) if step.name not in told else None)
                return
        await self.accept(answers, step, text.strip(), question=text)

    def _answered_first(self, step, text: str):
        """The step's answer in a message's first clause, when more clauses follow (不是不是，…); _UNREAD otherwise."""
        first = _CLAUSE_BREAK.split(text.strip(), maxsplit=1)[0].strip()
        if not first or first == text.strip():
            return _UNREAD
        try:
            return self.interview.accept(step, first)
        except AnswerError:
            return _UNREAD

    @staticmethod
    def _tells_more_than_the_step(answers: dict, step, told: dict) -> bool:
        """Whether a message answers a step to come besides (不是低保 where the costs outside the list are asked); a
        place alone is none (黑河 where the insurance city is asked), but one told with the step's answer is
        (是三甲医院就在我们衢州市区里面 where the level is asked)."""
        return any(name not in answers and name != step.name and (name not in _PLACE_STEPS or step.name in told) for name in told)

    async def accept(self, answers: dict, step, text: str, question: str | None = None) -> None:
        """Take the answer and show what comes next; when it is no answer, a question is answered first."""
        try:
            value = self.interview.accept(step, text)
        except AnswerError as error:
            if question is not None and error.reason != "question" and await self.corrected(answers, question, step):
                return
            if step.name == "city" and error.reason in ("uncovered", "unknown") and (place := self.assistant.place_named(text)) is not None:
                await self.save(answers, lacking=place)  # 湘潭 where the city is asked: that city named as lacking, ours offered
                await self.show(answers, hint=error.hint_msgid)
                return
            if question is not None and error.reason == "unknown" and self.interview.only_repeats(answers, question):
                await self.show(answers, hint=HINT_ALREADY)  # 住院了呀 at the level step: noted before, this step again
                return
            # (市人民医院是几级？: the hint says where to look; 是不是只能去绑定的医院？ asks something else)
            asks = error.reason == "question" and (error.hint_msgid != HINT_HOSPITAL_NAME or not self.interview.cases.asks_the_level(question or text))
            if question is not None and error.may_be_a_question and await self.digress(question, asks, step):
                await self.show(answers)
                return
            await self.show(answers, hint=error.hint_msgid)
            return
        answers[step.name] = value
        await self.save(answers)
        await self.show(answers, unsure_of=step if value is None else None)

    async def corrected(self, answers: dict, text: str, step) -> bool:
        """A message that is no answer to this step but changes an earlier one (不对，我是衡阳的医保):
        the earlier answer is changed, what it said is shown, and the estimate goes on from there. (Where the
        insurance city is asked, a place named is that city, not where care was: 就是杭州的啊.)"""
        case = self.interview.cases.read(text)
        changed = {name: value for name, value in case.answers.items() if name in answers and answers[name] != value
                   and not (step.name in _PLACE_STEPS and name in _PLACE_STEPS)}
        if not changed:
            return False
        answers = {**answers, **case.answers}
        await self.save(answers)
        await self.show(answers, case=case)
        return True

    async def digress(self, text: str, asks: bool = False, step: Step | None = None) -> bool:
        """Answer a question asked in the middle of the estimate (the FAQ's normal reply); False when it has no answer.

        asks: the message reads as a question (哪些药算特药？, 能去窗口办绑定吗), so whatever the FAQ says is
        said: its "did you mean" list, or its honest "I don't have that" with the hotline, never 没看懂这个回答;
        a mere unread answer (大医院) gets the step's hint instead of guesses.
        """
        if self.presenter is None:
            return False
        data = await self._data()
        # a per-city question is about the estimate's city (one whose rules the estimate lacks too: 我爸是昭通的…
        # then 起付线是多少 asks Zhaotong's), or the one talked of before
        lacking = data.get(LACKING_CITY)
        city = from_storage(data).get("city") or (lacking and self.assistant.region_named(lacking)) or self.city \
            or follow_ups.talked_of_region(data, time.time())
        # 惠衢保是什么 … 一年多少钱: a follow-up leans on the product asked a moment ago, as outside the estimate.
        now = time.time()
        # (这个一年要交多少钱 where 您参加了惠衢保吗 is asked: the plan the step names is what it points at)
        leaned_on = follow_ups.leaned_on(data, now) or (step.values.get("plan") if step is not None and step.kind == "choice" else None)
        reply = self.assistant.ask(text, self.locale, city, leaned_on, from_storage(data),
                                   insured_elsewhere=lacking, earlier=follow_ups.earlier_subject(data, now))
        await follow_ups.remember(self.state, data, self.assistant, text, mask_personal_data(text), now, reply)
        self._read = None
        if reply.outcome != "answered" and not asks:
            return False
        await send_view(self.bot, self.chat_id, self.presenter.reply(reply, self.locale))
        return True

    async def back(self) -> None:
        answers = self.interview.back(await self.answers())
        await self.save(answers)
        await self.show(answers)

    async def cancel(self) -> None:
        was_answering = await self.state.get_state() is not None
        await self.state.clear()
        await send_view(self.bot, self.chat_id, self.view.cancelled(self.locale, was_answering))

    async def change_menu(self) -> None:
        await send_view(self.bot, self.chat_id, self.view.change_menu(self.interview, await self.answers(), self.locale))

    async def change(self, name: str) -> None:
        answers = await self.answers()
        answers.pop(name, None)
        await self.save(answers)
        await self.show(answers)


def create_router() -> Router:
    router = FeatureRouter(name="estimate")

    def flow(bot, event, state, assistant, estimate_presenter, locale, presenter=None, city=None) -> EstimateFlow:
        # The bot as aiogram hands it to the handler: event.bot is a pydantic private attribute, slow to read.
        chat_id = event.chat.id if isinstance(event, Message) else event.message.chat.id
        return EstimateFlow(bot, chat_id, state, assistant, estimate_presenter, locale, presenter, city)

    @router.command(Command("cancel"))
    async def cancel_command(message: Message, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(bot, message, state, assistant, estimate_presenter, locale).cancel()

    @router.command(Command("estimate"))
    async def estimate_command(message: Message, bot: Bot, command: CommandObject, state: FSMContext, assistant: Assistant,
                               estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(bot, message, state, assistant, estimate_presenter, locale).start(command.args)

    @router.button("estimate")
    async def estimate_button(query: CallbackQuery, bot: Bot, callback_data: Act, state: FSMContext, assistant: Assistant,
                              estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        # The FAQ's offer starts from what the question said; 重新估算 from the first question.
        case = offered_case(await state.get_data()) if callback_data.value == OFFERED else None
        await flow(bot, query, state, assistant, estimate_presenter, locale).start(case=case)

    @router.message(StateFilter(None), has_text, asks_about_the_result)
    async def result_question(message: Message, bot: Bot, state: FSMContext, assistant: Assistant,
                              estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(bot, message, state, assistant, estimate_presenter, locale).result_again(message.text)

    @router.message(StateFilter(None), has_text, starts_estimate)
    async def estimate_phrase(message: Message, bot: Bot, case: Case, state: FSMContext, assistant: Assistant,
                              estimate_presenter: EstimatePresenter, locale: str, people: dict | None = None) -> None:
        await flow(bot, message, state, assistant, estimate_presenter, locale).start(case=case, people=people)

    @router.button("est", "est-amt", "est-back", filters=(StateFilter(None),))
    async def stale_button(query: CallbackQuery, estimate_presenter: EstimatePresenter, locale: str) -> None:
        # A button from a dialogue that was cancelled or finished long ago.
        await query.answer(estimate_presenter.tr(locale, "这次估算已经结束了，发 /estimate 重新开始。"), show_alert=True)

    @router.button("est", "est-amt")
    async def choice_button(query: CallbackQuery, bot: Bot, callback_data: Act, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await flow(bot, query, state, assistant, estimate_presenter, locale).answer(callback_data.value, typed=False)

    @router.button("est-back")
    async def back_button(query: CallbackQuery, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await flow(bot, query, state, assistant, estimate_presenter, locale).back()

    @router.button("est-cancel")
    async def cancel_button(query: CallbackQuery, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await flow(bot, query, state, assistant, estimate_presenter, locale).cancel()

    @router.button("est-keep")
    async def keep_button(query: CallbackQuery, bot: Bot, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await send_view(bot, query.message.chat.id, estimate_presenter.kept(locale))

    @router.button("est-change")
    async def change_button(query: CallbackQuery, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await flow(bot, query, state, assistant, estimate_presenter, locale).change_menu()

    @router.button("est-edit")
    async def edit_button(query: CallbackQuery, bot: Bot, callback_data: Act, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await acknowledge(bot, query)
        await flow(bot, query, state, assistant, estimate_presenter, locale).change(callback_data.value)

    @router.message(StateFilter(EstimateDialogue.answering), has_text, not_a_command)
    async def typed_answer(message: Message, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter,
                           presenter: Presenter, locale: str, city: str | None = None) -> None:
        await flow(bot, message, state, assistant, estimate_presenter, locale, presenter, city).answer(message.text)

    @router.message(StateFilter(EstimateDialogue.answering), not_a_command)
    async def not_text_answer(message: Message, bot: Bot, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter,
                              presenter: Presenter, locale: str) -> None:
        # A sticker or photo in the middle of an estimate: say so, and ask the same step again.
        await send_view(bot, message.chat.id, presenter.text(locale, "我只看得懂文字哦。请打字或点按钮回答这一步。"))
        estimate_flow = flow(bot, message, state, assistant, estimate_presenter, locale, presenter)
        await estimate_flow.show(await estimate_flow.answers())

    return router
