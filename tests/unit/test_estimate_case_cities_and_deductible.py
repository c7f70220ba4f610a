"""A whole case naming an insurance city the rules lack, a deductible already paid, short requests to
estimate, and questions asked at a step (found by held-out scripted conversations; the conversations
are tests/dialogues/estimate_insurance_city_the_rules_lack.yaml, estimate_deductible_already_paid.yaml,
estimate_short_requests.yaml, estimate_questions_at_the_city_step.yaml and two more)."""
from decimal import Decimal

import pytest

from bot.domain.estimate.interview import ALL_PAID, Interview
from bot.domain.estimate.reimburse import estimate
from bot.domain.estimate.rules import load_rules
from tests.conftest import KNOWLEDGE



@pytest.mark.parametrize("text, place", [
    ("我是黑河的，住院花了5万能报多少？", "黑河"),
    ("湘潭职工住院花了3万能报多少", "湘潭"),
    ("我在杭州参保，住院10万能报多少？", "杭州"),
    ("她是湘潭人，住院花了2万", "湘潭"),
])
def test_an_insurance_city_the_rules_lack_is_kept_by_name_and_is_no_place_of_care(interview, text, place):
    case = interview.cases.read(text)
    assert case.elsewhere == place
    assert "in_quzhou" not in case.answers  # not 市外: where care was is not said
    assert "city" not in case.answers  # the city step is asked


@pytest.mark.parametrize("text", [
    "衢州居民 在杭州住院 三级 花了10万",
    "衢州居民，在杭州住院，三甲医院，花了20万，自费药5万，没买惠衢保",
    "我是衢江区的，城乡居民，去杭州三甲医院住院，花了15万，目录外3万，买了惠衢保",
])
def test_a_place_of_care_stays_outside_the_city(interview, text):
    case = interview.cases.read(text)
    assert case.elsewhere is None
    assert case.answers["city"] == "quzhou" and case.answers["in_quzhou"] is False


def test_care_in_a_city_of_ours_is_inside_it_though_insured_elsewhere(interview):
    case = interview.cases.read("我是黑河的，在衢州住院，花了5万")
    assert case.elsewhere == "黑河" and "city" not in case.answers
    assert case.answers["in_quzhou"] is True


def test_a_place_of_care_alone_names_no_insurance_city(interview):
    case = interview.cases.read("在杭州住院花了10万能报多少")
    assert case.elsewhere is None


@pytest.mark.parametrize("text, used", [
    ("衡阳职工医保，在三级医院看普通门诊花了1000元，今年已经付过100元起付线，能报多少？", Decimal("100")),
    ("衡阳职工医保，三级医院门诊花了1000，起付线已经付过了", ALL_PAID),
    ("衡阳职工医保，三级医院门诊花了1000，今年还没付过起付线", Decimal("0.00")),
])
def test_the_deductible_said_to_be_paid_is_read(interview, text, used):
    case = interview.cases.read(text)
    assert case.answers["deductible_used"] == used
    assert case.answers["in_scope"] == Decimal("1000")


def test_a_deductible_named_without_paying_is_not_read():
    book, _ = load_rules(KNOWLEDGE / "rules", str)
    case = Interview(book).cases.read("衡阳职工医保，三级医院门诊花了1000，起付线300对吗")
    assert "deductible_used" not in case.answers


def test_e4_with_the_deductible_from_the_message(interview):
    case = interview.cases.read("衡阳职工医保，在三级医院看普通门诊花了1000元，今年已经付过100元起付线，能报多少？")
    assert interview.next_step(case.answers) is None
    result = estimate(interview.request(case.answers), interview.rules)
    assert (result.basic, result.out_of_pocket) == (Decimal("480.00"), Decimal("520.00"))
    assert "assumed_no_deductible_used" not in {assumption.code for assumption in result.assumptions}


def test_the_whole_deductible_paid_leaves_none_due(interview):
    case = interview.cases.read("衡阳职工医保，三级医院门诊花了1000，起付线已经付过了")
    result = estimate(interview.request(case.answers), interview.rules)
    assert result.basic == Decimal("600.00")
    assert "assumed_no_deductible_used" not in {assumption.code for assumption in result.assumptions}


def test_back_keeps_the_deductible_told(interview):
    answers = {"city": "hengyang", "scheme": "employee", "care": "outpatient", "level": 3, "deductible_used": Decimal("100")}
    assert interview.back(answers) == {"city": "hengyang", "scheme": "employee", "care": "outpatient", "deductible_used": Decimal("100")}


@pytest.mark.parametrize("text", ["算报销", "算一下报销", "帮我算算能报多少", "算下报销"])
def test_a_short_request_to_estimate(interview, text):
    assert interview.reader.wants_calculation(text)


@pytest.mark.parametrize("text", ["异地住院怎么结算报销", "打算报销", "预算报销多少"])
def test_calculate_inside_another_word_is_no_request(interview, text):
    assert not interview.reader.wants_calculation(text)


def test_who_asks(interview):
    assert interview.reader.is_question("黑河家庭共济可以给谁用")
