"""The guided dialogue: which steps, in which order, and what a typed answer means."""
from decimal import Decimal

import pytest

from bot.domain.estimate.interview import AMOUNT_HINTS, HINT_CHOOSE, HINT_NO_RULE, AnswerError
from bot.domain.estimate.reimburse import estimate

D = Decimal




def talk(interview, typed):
    """Answer each step in turn with the typed texts; return (step names, answers)."""
    answers, names = {}, []
    for text in typed:
        step = interview.next_step(answers)
        assert step is not None, f"no step left for {text!r}"
        names.append(step.name)
        answers[step.name] = interview.accept(step, text)
    assert interview.next_step(answers) is None, interview.next_step(answers)
    return names, answers


def test_e1_order_and_result(interview, rules):
    names, answers = talk(interview, ["衢州", "居民", "住院", "三级", "市内", "10万", "2万", "否", "是"])
    assert names == ["city", "scheme", "care", "level", "in_quzhou", "in_scope", "out_of_list", "hardship", "huiqubao"]
    result = estimate(interview.request(answers), rules)
    assert result.reimbursed == D("85909.00") and result.out_of_pocket == D("34091.00")


def test_e2_order_and_result(interview, rules):
    names, answers = talk(interview, ["衢州市", "城乡居民", "住院", "基层", "衢州市内", "8000", "0", "不是", "没有"])
    assert names == ["city", "scheme", "care", "level", "in_quzhou", "in_scope", "out_of_list", "hardship", "huiqubao"]
    result = estimate(interview.request(answers), rules)
    assert result.basic == D("6930.00") and result.out_of_pocket == D("1070.00")


def test_e3_outpatient_asks_no_location_hardship_or_huiqubao(interview, rules):
    names, answers = talk(interview, ["quzhou", "在职", "门诊", "二级", "3000元"])
    assert names == ["city", "scheme", "care", "level", "in_scope"]
    assert estimate(interview.request(answers), rules).out_of_pocket == D("1375.00")


def test_e4_hengyang(interview, rules):
    names, answers = talk(interview, ["衡阳", "职工", "普通门诊", "3", "1,000"])
    assert names == ["city", "scheme", "care", "level", "in_scope"]
    request = interview.request(answers)
    assert request.deductible_used is None  # not asked: the estimate states its assumption
    result = estimate(request, rules)
    assert "assumed_no_deductible_used" in [a.code for a in result.assumptions]


def test_buttons_send_option_values(interview):
    answers = {}
    for value in ["quzhou", "resident", "inpatient", "3", "no", "100000", "20000", "yes", "yes"]:
        step = interview.next_step(answers)
        if step.kind == "choice":
            assert value in [option.value for option in step.options]
        answers[step.name] = interview.accept(step, value)
    assert answers["level"] == 3 and answers["in_quzhou"] is False and answers["hardship"] is True
    assert interview.next_step(answers) is None


def test_special_drug_asks_the_drug_amount_and_enrolment(interview, rules):
    names, answers = talk(interview, ["衢州", "职工", "特药", "3万", "是"])
    assert names == ["city", "scheme", "care", "special_drug", "huiqubao"]
    assert estimate(interview.request(answers), rules).supplementary == D("12500.00")


def test_special_disease_asks_location_and_out_of_list_but_no_level(interview):
    names, _ = talk(interview, ["衢州", "职工", "特病", "外地", "5万", "1万", "是"])
    assert names == ["city", "scheme", "care", "in_quzhou", "in_scope", "out_of_list", "huiqubao"]


def test_chronic_asks_only_the_amount(interview):
    names, _ = talk(interview, ["衡阳", "职工", "慢病", "2000"])
    assert names == ["city", "scheme", "care", "in_scope"]


# --- only what the rules cover ------------------------------------------------------------

def labels(step):
    return [option.label_msgid for option in step.options]


def test_cities_are_those_with_rules(interview):
    step = interview.next_step({})
    assert step.name == "city" and step.kind == "choice"
    assert [option.value for option in step.options] == ["quzhou", "hengyang"]
    assert labels(step) == ["衢州", "衡阳"]


def test_hengyang_offers_only_employee_and_its_cares(interview):
    assert [o.value for o in interview.next_step({"city": "hengyang"}).options] == ["employee"]
    assert [o.value for o in interview.next_step({"city": "hengyang", "scheme": "employee"}).options] == ["outpatient", "chronic"]


def test_quzhou_employee_inpatient_is_not_offered(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "employee"})
    assert [o.value for o in step.options] == ["outpatient", "chronic", "special-disease", "special-drug"]
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, "住院")
    assert caught.value.hint_msgid == HINT_NO_RULE


def test_quzhou_resident_cares(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "resident"})
    assert [o.value for o in step.options] == ["inpatient", "outpatient", "special-drug"]
    assert labels(step) == ["住院", "普通门诊", "特殊药品"]


def test_level_labels(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient"})
    assert step.name == "level" and labels(step) == ["一级及基层医院", "二级医院", "三级医院"]


def test_prompt_values(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3})
    assert step.name == "in_quzhou" and step.values == {"city": "衢州", "region": "quzhou"} and labels(step) == ["市内", "市外"]
    last = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
                                "in_scope": D(1), "out_of_list": D(0), "hardship": False})
    assert last.name == "huiqubao" and last.values == {"plan": "惠衢保"}


# --- typed answers ---------------------------------------------------------------------------

@pytest.mark.parametrize(("step_answers", "text", "value"), [
    ({}, "Quzhou", "quzhou"),
    ({}, " 衢州 ", "quzhou"),
    ({"city": "quzhou"}, "退休", "employee"),
    ({"city": "quzhou"}, "EMPLOYEE", "employee"),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "３", 3),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "三甲", 3),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "社区", 1),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1}, "异地", False),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1}, "市内", True),
])
def test_typed_words(interview, step_answers, text, value):
    step = interview.next_step(step_answers)
    assert interview.accept(step, text) == value


@pytest.mark.parametrize(("text", "value"), [("是", True), ("有", True), ("参加了", True), ("Yes", True),
                                             ("否", False), ("没有", False), ("不是", False), ("no", False)])
def test_yes_no_words(interview, text, value):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
                                "in_scope": D(1), "out_of_list": D(0)})
    assert step.name == "hardship"
    assert interview.accept(step, text) is value


@pytest.mark.parametrize("text", ["北京", "", "随便", "4"])
def test_unknown_choice(interview, text):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient"})
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, text)
    assert caught.value.hint_msgid == HINT_CHOOSE


def test_known_word_without_rule_gets_the_no_rule_hint(interview):
    with pytest.raises(AnswerError) as caught:
        interview.accept(interview.next_step({"city": "hengyang"}), "居民")
    assert caught.value.hint_msgid == HINT_NO_RULE


@pytest.mark.parametrize(("text", "reason"), [("", "empty"), ("很多", "not_a_number"), ("-5", "negative"),
                                              ("9亿", "too_large"), ("1.001", "too_precise")])
def test_bad_amounts(interview, text, reason):
    step = interview.next_step({"city": "quzhou", "scheme": "employee", "care": "outpatient", "level": 1})
    assert step.name == "in_scope" and step.kind == "amount"
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, text)
    assert caught.value.hint_msgid == AMOUNT_HINTS[reason]


# --- back -----------------------------------------------------------------------------------

def test_back_removes_the_last_step(interview):
    _, answers = talk(interview, ["衢州", "居民", "住院", "三级", "市内", "10万", "2万", "否", "是"])
    previous = interview.back(answers)
    assert "huiqubao" not in previous and previous["hardship"] is False
    assert interview.next_step(previous).name == "huiqubao"


def test_back_walks_to_the_start(interview):
    _, answers = talk(interview, ["衢州", "职工", "门诊", "二级", "3000元"])
    seen = []
    while answers:
        answers = interview.back(answers)
        seen.append(interview.next_step(answers).name)
    assert seen == ["in_scope", "level", "care", "scheme", "city"]
    assert interview.back({}) == {}


def test_back_drops_answers_no_longer_on_the_path(interview):
    # The person went back to `care` and changed it: the old level is off the path now.
    answers = {"city": "quzhou", "scheme": "employee", "care": "chronic", "level": 2}
    assert interview.back(answers) == {"city": "quzhou", "scheme": "employee"}


def test_back_does_not_change_its_argument(interview):
    answers = {"city": "quzhou"}
    interview.back(answers)
    assert answers == {"city": "quzhou"}


def test_request_before_the_end_is_refused(interview):
    with pytest.raises(ValueError):
        interview.request({"city": "quzhou"})
