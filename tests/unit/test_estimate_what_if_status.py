"""Just after a result, a "what if" that only turns 惠衢保 or 低保 on or off (如果没买惠衢保呢,
要是买了惠衢保呢, 如果是低保户呢, what if she had no Huiqubao) is the same case worked out again: the
yes or no it supposes is read as said, though the message is worded as a question. And an English
case says its hardship status and plan in English (not on the minimum living allowance, has no
Huiqubao). The conversations are tests/dialogues/estimate_what_if_plan_or_hardship.yaml and
estimate_english_whole_case_with_statuses.yaml."""
from decimal import Decimal

import pytest

from bot.domain.estimate.reimburse import estimate

# Quzhou resident, level 3 in Quzhou, 100,000 in scope and 30,000 outside the list, with 惠衢保
WITH_PLAN = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
             "in_scope": Decimal("100000.00"), "out_of_list": Decimal("30000.00"), "hardship": False, "huiqubao": True}
WITHOUT_PLAN = {**WITH_PLAN, "huiqubao": False}


def _revised(interview, answers, text):
    return interview.cases.revision(answers, interview.cases.read(text), text)


@pytest.mark.parametrize("text", ["如果沒買惠衢保呢", "如果没买惠衢保呢", "要是她没参加惠衢保呢", "what if I had no Huiqubao",
                                  "What if she hadn't bought Huiqubao?"])
def test_a_what_if_without_the_plan(interview, text):
    revision = _revised(interview, WITH_PLAN, text)
    assert revision is not None and revision.changed == ("huiqubao",)
    assert revision.answers == WITHOUT_PLAN
    result = estimate(interview.request(revision.answers), interview.rules)
    # basic (100000 - 700) x 65% = 64,545.00; 大病 (35455 - 15000) x 60% = 12,273.00; 130,000 - 76,818 = 53,182.00
    assert (f"{result.reimbursed:.2f}", f"{result.out_of_pocket:.2f}") == ("76818.00", "53182.00")


@pytest.mark.parametrize("text", ["要是买了惠衢保呢", "如果有惠衢保呢", "What if she had Huiqubao?"])
def test_a_what_if_with_the_plan(interview, text):
    revision = _revised(interview, WITHOUT_PLAN, text)
    assert revision is not None and revision.changed == ("huiqubao",)
    assert revision.answers == WITH_PLAN


@pytest.mark.parametrize("text", ["如果是低保户呢", "要是她是特困呢", "那低保户呢"])
def test_a_what_if_on_hardship(interview, text):
    revision = _revised(interview, WITH_PLAN, text)
    assert revision is not None and revision.changed == ("hardship",)
    assert revision.answers == {**WITH_PLAN, "hardship": True}


@pytest.mark.parametrize("text", ["如果有惠衢保呢", "要是不是低保呢"])
def test_a_what_if_changing_nothing_is_no_revision(interview, text):
    assert _revised(interview, WITH_PLAN, text) is None


@pytest.mark.parametrize("text", ["没买惠衢保的人能买吗", "如果没买惠衢保怎么办？", "低保户怎么参保"])
def test_a_question_about_the_plan_is_no_revision(interview, text):
    assert not interview.cases.revises(text)  # the FAQ answers it


@pytest.mark.parametrize(("text", "hardship"), [
    ("she is not on minimum allowance", False), ("he is not on the minimum living allowance", False),
    ("she is on minimum allowance", True), ("she is not on dibao", False),
])
def test_hardship_in_english(interview, text, hardship):
    assert interview.reader.choice("yes_no:hardship", text) is hardship


def test_an_english_case_told_whole(interview):
    case = interview.cases.read("My mother has Quzhou resident insurance. She stayed in a township hospital in Quzhou (level 1), "
                                "12000 yuan within the catalogue, nothing outside the catalogue, she is not on minimum "
                                "allowance and has no Huiqubao.")
    assert case.answers == {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1, "in_quzhou": True,
                            "in_scope": Decimal("12000.00"), "out_of_list": Decimal("0.00"), "hardship": False, "huiqubao": False}
    assert interview.next_step(case.answers) is None
    result = estimate(interview.request(case.answers), interview.rules)
    assert (f"{result.reimbursed:.2f}", f"{result.out_of_pocket:.2f}") == ("10530.00", "1470.00")  # (12000 - 300) x 90%
