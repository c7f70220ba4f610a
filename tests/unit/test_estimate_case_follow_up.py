"""A case told in the middle of an estimate, or just after its result, changes the case being worked
on: what it says replaces, what it leaves unsaid is kept (the conversations are
tests/dialogues/estimate_case_told_mid_estimate.yaml and estimate_follow_up_case_after_result.yaml)."""
from decimal import Decimal

import pytest

from bot.domain.estimate.amounts import AmountError, find_amounts
from bot.domain.estimate.reimburse import estimate


def _figures(interview, answers):
    result = estimate(interview.request(answers), interview.rules)
    return f"{result.reimbursed:.2f}", f"{result.out_of_pocket:.2f}"


def test_a_price_per_unit_keeps_its_figure(interview):
    reader = interview.reader
    ((_, found),) = find_amounts("每个月药费1000", reader.not_money_after, reader.rate_units, reader.rough)
    assert isinstance(found, AmountError) and found.reason == "rate"
    assert found.figure == Decimal("1000.00")


def test_a_case_ending_in_a_follow_up_particle_is_read_as_said(interview):
    # 呢 asks about the whole case: 在衢州…住院 is still where care was (市外 is not asked again).
    case = interview.cases.read("那我妈也是衢州城乡居民，在衢州的二级医院住院花了2万呢")
    assert case.answers["in_quzhou"] is True
    assert case.answers["level"] == 2
    assert case.answers["in_scope"] == Decimal("20000.00")


def test_a_price_per_unit_is_kept_apart_from_the_cost(interview):
    case = interview.cases.read("那她的糖尿病门诊呢，每月药钱800")
    assert case.answers == {"care": "chronic"}
    assert case.per_unit == Decimal("800.00")
    # Beside a cost told in all, a price per unit is no cost.
    assert interview.cases.read("糖尿病门诊每月800，一年花了9600").per_unit is None


def test_a_follow_up_changes_the_care_and_keeps_the_city_and_scheme(interview):
    # Hengyang employee in hospital (no rule: care set aside), then an outpatient visit with its level and cost.
    before = interview.cases.read("衡阳职工住院花了5万能报多少").answers
    revision = interview.cases.revision(before, interview.cases.read("那看门诊呢，在一级医院花了600"))
    assert revision is not None
    assert {name: revision.answers[name] for name in ("city", "scheme", "care", "level")} == \
        {"city": "hengyang", "scheme": "employee", "care": "outpatient", "level": 1}
    assert interview.next_step(revision.answers) is None
    assert _figures(interview, revision.answers) == ("420.00", "180.00")  # level 1: no deductible, 70%


def test_a_whole_new_case_fills_its_steps_and_asks_only_what_is_missing(interview):
    before = interview.cases.read("我是杭州医保，在衢州住院花了3万，能报多少").answers
    revision = interview.cases.revision(before, interview.cases.read("那我妈是衢州城乡居民，在衢州二级医院住院花了2万呢"))
    assert revision is not None
    assert revision.answers["city"] == "quzhou" and revision.answers["scheme"] == "resident"
    assert revision.answers["in_quzhou"] is True and revision.answers["in_scope"] == Decimal("20000.00")
    assert interview.next_step(revision.answers).name == "out_of_list"


def test_a_follow_up_after_a_result_takes_a_price_per_unit_as_the_cost(interview):
    before = interview.cases.read("我是衢州职工医保，在衢州做透析，门诊特殊病种，花了3万，没有目录外的药，没买惠衢保").answers
    assert interview.next_step(before) is None
    revision = interview.cases.revision(before, interview.cases.read("那她的糖尿病门诊呢，每月药钱800"))
    assert revision is not None and revision.per_unit == Decimal("800.00")
    assert revision.answers["care"] == "chronic" and revision.answers["in_scope"] == Decimal("800.00")
    assert interview.next_step(revision.answers) is None
    assert _figures(interview, revision.answers) == ("600.00", "200.00")  # 门诊慢性病 75%


def test_an_uncovered_insurance_city_in_a_follow_up_drops_the_city(interview):
    before = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2, "in_quzhou": True,
              "in_scope": Decimal("20000.00")}
    revision = interview.cases.revision(before, interview.cases.read("那我老公是杭州医保，在衢州住院花了5万呢"))
    assert revision is not None
    assert "city" not in revision.answers and revision.elsewhere
    assert interview.next_step(revision.answers).name == "city"


@pytest.mark.parametrize("text", [
    "普通门诊一年最多报多少",  # a question: no cost told
    "花了3万",  # the cost alone answers the amount step as it is
    "住院花了3万",  # the care it repeats is no change
    "惠衢保一年交100块吗",  # a premium, not what was spent
])
def test_a_message_without_a_changed_case_is_no_revision(interview, text):
    before = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2, "in_quzhou": True}
    assert interview.cases.revision(before, interview.cases.read(text)) is None


def test_another_persons_case_asks_their_own_status_and_drugs_again(interview):
    answers = dict(city="quzhou", scheme="resident", care="inpatient", level=1, in_quzhou=True, in_scope=Decimal(8000),
                   out_of_list=Decimal(0), hardship=False, huiqubao=True)
    text = "我爸也是衢州居民医保，在杭州的一级医院住院，医保范围内也是8000，买了惠衢保，帮我算算能报多少"
    revision = interview.cases.revision(answers, interview.cases.read(text))
    assert revision is not None and "hardship" not in revision.answers and "out_of_list" not in revision.answers
    assert revision.answers["in_quzhou"] is False and revision.answers["huiqubao"] is True
