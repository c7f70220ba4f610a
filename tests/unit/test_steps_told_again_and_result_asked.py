"""At a step: a detail told again, a "don't know" where nothing may be assumed, a skip, and asking whether it is worked out."""
from decimal import Decimal

import pytest

from bot.domain.estimate.interview import HINT_CHOOSE, HINT_HOSPITAL_NAME, HINT_LEVEL_UNSURE, HINT_NEEDED, AnswerError

QUZHOU_RESIDENT_STAY = {"city": "quzhou", "scheme": "resident", "care": "inpatient"}


def hint_at(interview, answers: dict, typed: str) -> str:
    step = interview.next_step(answers)
    with pytest.raises(AnswerError) as raised:
        interview.accept(step, typed)
    return raised.value.hint_msgid


def test_a_stay_told_again_at_the_level_step_is_no_hospital_name(interview):
    # 住院了呀 has 院 in it, but names no hospital: not "the hospital's name does not tell its level"
    assert hint_at(interview, QUZHOU_RESIDENT_STAY, "住院了呀 住了十来天") == HINT_CHOOSE
    assert hint_at(interview, QUZHOU_RESIDENT_STAY, "市人民医院") == HINT_HOSPITAL_NAME


def test_earlier_answers_told_again_are_noted_already_not_new(interview):
    assert interview.only_repeats(QUZHOU_RESIDENT_STAY, "住院了呀 住了十来天")
    assert interview.only_repeats(QUZHOU_RESIDENT_STAY, "我是衢州的")
    assert not interview.only_repeats(QUZHOU_RESIDENT_STAY, "不对，是职工")  # a change, not a repeat
    assert not interview.only_repeats(QUZHOU_RESIDENT_STAY, "好的")  # nothing told


@pytest.mark.parametrize("typed", ["不知道", "不清楚是几级", "跳过"])
def test_not_knowing_the_level_says_why_it_is_needed_and_where_to_look(interview, typed):
    assert hint_at(interview, QUZHOU_RESIDENT_STAY, typed) == HINT_LEVEL_UNSURE


def test_not_knowing_the_scheme_says_it_is_needed(interview):
    assert hint_at(interview, {"city": "quzhou"}, "不知道") == HINT_NEEDED


@pytest.mark.parametrize("typed", ["跳过", "先跳过", "skip"])
def test_a_skip_where_the_estimate_may_assume_is_read_as_not_sure(interview, typed):
    answers = {**QUZHOU_RESIDENT_STAY, "level": 2, "in_quzhou": True, "in_scope": Decimal(15000), "out_of_list": Decimal(0)}
    step = interview.next_step(answers)
    assert step.name == "hardship" and interview.accept(step, typed) is None


@pytest.mark.parametrize("typed", ["刚才那个算完了吗", "算好了没", "结果呢", "再给我看一下结果", "is it done?", "what's the result"])
def test_asking_whether_it_is_worked_out_asks_for_the_result(interview, typed):
    assert interview.reader.asks_for_the_result(typed)
    assert interview.navigation(typed) == "go_on"  # in the middle: the step it is at


@pytest.mark.parametrize("typed", ["起付线的结果呢，一年交2万的话", "惠衢保结果出来了要多久才到账，一般要等十几天吗"])
def test_a_question_with_an_amount_or_a_long_one_is_no_request_for_the_result(interview, typed):
    assert not interview.reader.asks_for_the_result(typed)


@pytest.mark.parametrize("text, answers", [
    ("我妈是村里交的医保", {"scheme": "resident"}),
    ("My dad's company pays his insurance in Quzhou", {"scheme": "employee", "city": "quzhou"}),
    ("she stayed 10 days in a level 2 hospital in Jiangshan", {"in_quzhou": True, "level": 2, "care": "inpatient"}),
    ("his insurance is from Jiangshan, stayed in hospital in Hangzhou", {"in_quzhou": False}),
])
def test_schemes_and_places_as_residents_say_them(interview, text, answers):
    read = interview.cases.read(text).answers
    assert {name: read.get(name) for name in answers} == answers, read


def test_the_deductible_paid_before_told_as_what_was_paid(interview):
    assert interview.cases.read("说错了，之前交的起付线是100，不是200").answers.get("deductible_used") == Decimal(100)


@pytest.mark.parametrize("text", ["换到二级医院住的话能报多少", "改成三级医院呢"])
def test_moving_the_case_elsewhere_is_a_what_if(interview, text):
    assert interview.cases.revises(text)


@pytest.mark.parametrize("text, per_unit", [
    ("一次两百，一个月去四次，能报多少", Decimal(800)),
    ("一個月去醫院拿兩次藥，一次三百五", Decimal(700)),
    ("I go to the community health centre three times a month, 150 yuan a visit", Decimal(450)),
    ("she takes pills, 600 yuan a month", Decimal(600)),  # a price per month in English, after the amount
    ("每个月药费八百", Decimal(800)),
])
def test_a_months_cost_from_a_price_per_visit_or_per_month(interview, text, per_unit):
    case = interview.cases.read(text)
    assert case.per_unit == per_unit and case.per_month


def test_an_amount_spent_in_a_month_is_no_price_per_month(interview):
    assert interview.cases.read("she spent 5000 yuan in a month in hospital").answers.get("in_scope") == Decimal(5000)


def test_a_months_price_stays_a_months_when_added_to_what_was_told_before(interview):
    earlier = interview.cases.read("My mother is on the Hengyang employee scheme.")
    case = interview.cases.gathered(earlier, interview.cases.read("She also takes pills as a chronic-disease outpatient, 600 yuan a month."))
    assert case.per_unit == Decimal(600) and case.per_month and case.answers["city"] == "hengyang"


@pytest.mark.parametrize("text, answers", [
    ("I saw a doctor at a community health centre, 2,000 yuan", {"care": "outpatient", "level": 1}),
    ("Outpatient insurance has already paid her 3,200 yuan this year", {"fund_paid_this_year": Decimal(3200)}),
])
def test_english_outpatient_visits_and_what_was_paid_already(interview, text, answers):
    read = interview.cases.read(text).answers
    assert {name: read.get(name) for name in answers} == answers, read
