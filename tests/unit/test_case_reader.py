"""A whole case in one message fills the steps it answers, and the figures are those of reimburse.estimate().

Driven by tests/eval/estimate_cases.yaml (written before the case reader; its figures were computed
from the hand-written inputs, never from the reader).
"""
from decimal import Decimal

import pytest
import yaml

from bot.domain.estimate.interview import AMOUNT_STEPS
from bot.domain.estimate.reimburse import estimate
from tests.conftest import ROOT

CASES = yaml.safe_load((ROOT / "tests" / "eval" / "estimate_cases.yaml").read_text(encoding="utf-8"))
FIGURES = ("basic", "critical_illness", "supplementary", "reimbursed", "out_of_pocket")



def typed(answers: dict) -> dict:
    return {name: Decimal(str(value)) if name in AMOUNT_STEPS else value for name, value in answers.items()}


def test_at_least_30_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:24] for case in CASES])
def test_case_fills_exactly_what_it_says(interview, case):
    read = interview.cases.read(case["text"])
    assert read.answers == typed(case["filled"])
    assert read.aside == case.get("uncovered", {})


@pytest.mark.parametrize("case", CASES, ids=[case["text"][:24] for case in CASES])
def test_case_then_the_missing_answers_give_the_exact_figures(interview, case):
    answers = dict(interview.cases.read(case["text"]).answers)
    then = typed(case.get("then", {}))
    while (step := interview.next_step(interview.settle(answers)[0])) is not None:
        assert step.name in then, f"{step.name} is asked although the case answered it"
        answers[step.name] = then[step.name]
    result = estimate(interview.request(answers), interview.rules)
    assert {name: f"{getattr(result, name):.2f}" for name in FIGURES} == case["figures"]


def test_a_long_message_is_read_cheaply_and_without_guessing(interview):
    read = interview.cases.read("我妈妈今年七十多岁了，住院花了很多钱，想问问惠衢保能报多少，" * 100)
    assert read.answers == {"care": "inpatient"}


def test_two_unlabelled_amounts_are_not_guessed(interview):
    read = interview.cases.read("衢州居民住院，花了10万，报了6万")
    assert "in_scope" not in read.answers


@pytest.mark.parametrize("text", ["惠衢保一年交100元，住院能报多少", "住院起付线700元，能报多少", "惠衢保那20种特药能报多少"])
def test_a_premium_a_deductible_or_a_count_is_not_a_cost(interview, text):
    assert not set(AMOUNT_STEPS) & set(interview.cases.read(text).answers)


def test_a_case_in_traditional_characters(interview):
    read = interview.cases.read("衢州居民醫保，在杭州住院，三級醫院，花了十萬，自費藥兩萬，買了惠衢保")
    assert read.answers == {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": False,
                            "in_scope": Decimal(100000), "out_of_list": Decimal(20000), "huiqubao": True}


def test_several_peoples_cases_are_told_apart_with_what_they_share(interview):
    people = interview.cases.people("我老公在二级医院住院花了2万，我儿子门诊，目录内800元，都是衢州职工医保，都在衢州看的")
    assert [person for person, _ in people] == ["老公", "儿子"]
    husband, son = (interview.cases.read(told).answers for _, told in people)
    assert husband["in_scope"] == 20000 and husband["scheme"] == "employee" and husband["city"] == "quzhou"
    # (目录内800 told in the son's next clause is still his)
    assert son["in_scope"] == 800 and son["care"] == "outpatient" and son["city"] == "quzhou" and son["scheme"] == "employee"


@pytest.mark.parametrize("text", ["我妈在衢州二级医院住院花了3万，我陪护请了一个护工", "我爸住院花了5,000元，医保报了3,500"])
def test_one_persons_case_is_not_split(interview, text):
    assert interview.cases.people(text) is None


def test_two_kinds_of_care_with_their_own_costs_are_told_apart(interview):
    cares = interview.cases.cares_apart("我爸衢州居民医保，在衢州三级医院住院目录内5万，没有自费药，买了惠衢保，"
                                        "另外出院后在衢州指定药店买了特药2万，一共能报多少")
    assert [care for care, _ in cares] == ["inpatient", "special-drug"]
    stay, drugs = (interview.cases.read(told).answers for _, told in cares)
    assert stay["in_scope"] == 50000 and stay["level"] == 3 and "special_drug" not in stay
    assert drugs["special_drug"] == 20000 and "in_scope" not in drugs
    assert stay["huiqubao"] is drugs["huiqubao"] is True and stay["scheme"] == drugs["scheme"] == "resident"


@pytest.mark.parametrize("text", ["衢州职工住院花了5万，其中特药2万，能报多少", "我有糖尿病，住院花了3万，衢州居民",
                                  "我高血压，每个月门诊药费1000，衢州职工"])
def test_one_care_with_its_parts_is_not_split(interview, text):
    assert interview.cases.cares_apart(text) is None


def test_relatives_told_in_passing_leave_the_residents_own_case(interview):
    # (the husband's Hengyang employee insurance and the brother's Changsha bill are not the case asked)
    read = interview.cases.read("我老公在衡阳上班是职工医保，我弟去年在长沙住院花了3万。我自己是衢州城乡居民医保，"
                                "在衢州市内的二级医院住院，医保范围内花了5万")
    assert read.answers["city"] == "quzhou" and read.answers["scheme"] == "resident"
    assert read.answers["in_quzhou"] is True and read.answers["in_scope"] == Decimal("50000.00")


def test_an_age_with_an_arrow_is_no_amount(interview):
    assert "in_scope" not in interview.cases.read("16↓ 要刷脸吗 亲情账户").answers


@pytest.mark.parametrize("text", ["我姐在衢州退休了 养老金3100左右 她医保卡每月能进多少", "我家老李衢州居民医保交了500 是不是交多了"])
def test_a_pension_or_a_premium_told_is_no_cost(interview, text):
    assert "in_scope" not in interview.cases.read(text).answers


@pytest.mark.parametrize(("text", "rough"), [
    ("我是衢州职工医保，在二级医院看普通门诊，医保范围内五千多块，能报多少", True),
    ("衢州居民住院，目录内两万出头，能报多少", True),
    ("真的吗？我邻居说自己掏的超过1万就能报大病", False),  # a threshold heard of, not what was spent
    ("衢州居民住院，目录内两万，能报多少", False),
])
def test_a_cost_told_only_roughly_is_known_as_such(interview, text, rough):
    assert interview.cases.read(text).rough is rough


def test_the_rest_as_before_keeps_the_first_persons_answers(interview):
    before = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1, "in_quzhou": True,
              "in_scope": Decimal("5000"), "out_of_list": Decimal("0"), "hardship": False, "huiqubao": True}
    text = "我爷爷的呢？也在那个卫生院住的，花了1万2，别的都一样"
    revised = interview.cases.revision(before, interview.cases.read(text), text)
    assert revised.answers["in_scope"] == Decimal("12000")
    assert {name: revised.answers.get(name) for name in ("out_of_list", "hardship", "huiqubao")} == \
        {"out_of_list": Decimal("0"), "hardship": False, "huiqubao": True}


def test_an_amount_taken_back_after_the_right_one_is_none_of_the_case(interview):
    # 是5万不是3万: the right figure first, the one taken back after it
    assert interview.cases.read("不对，是5万不是3万").answers.get("in_scope") == Decimal("50000")


@pytest.mark.parametrize(("text", "scheme"), [
    ("My dad is retired in Quzhou, outpatient at a level 2 hospital, 3000 yuan", "employee"),
    ("We are both Quzhou employees, outpatient level 2, 2000 yuan", "employee"),
    ("Grandpa is a farmer in Quzhou, hospital stay at a level 1 hospital, 5000 yuan", "resident"),
])
def test_the_scheme_told_in_english_words(interview, text, scheme):
    assert interview.cases.read(text).answers.get("scheme") == scheme


@pytest.mark.parametrize(("text", "in_scope", "whole"), [
    ("住院花了5万，其中有1万是自费的", 40000, 50000),  # what was spent, told with no label, is the whole
    ("The bill came to 80,000 yuan, of which 15,000 was for drugs outside the list.", 65000, 80000),
    ("花了5万，自费的1万不算在里面", 50000, None),  # beside the whole, not in it
])
def test_a_part_told_of_what_was_spent_is_inside_it(interview, text, in_scope, whole):
    read = interview.cases.read(text)
    assert read.answers["in_scope"] == in_scope and read.from_total == whole
