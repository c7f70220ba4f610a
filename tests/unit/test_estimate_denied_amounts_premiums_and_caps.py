"""An amount denied and set right in one breath (不是八万，是九万二) is the second; a question about paying in
(低保户的医保费是不是政府出) asks a rule, not the hardship step; an ordinary family told in a what-if is not on the
minimum allowance; a result held back by the yearly cap carries the cap itself. The conversations are
tests/dialogues/r67_*."""
from decimal import Decimal

import pytest

from bot.domain.estimate.answer_reader import simplified
from bot.domain.estimate.reimburse import estimate

STAY = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
        "in_scope": Decimal("80000.00"), "out_of_list": Decimal("0"), "hardship": True, "huiqubao": False}


@pytest.mark.parametrize("text, amount", [
    ("我爸衢州城乡居民，在市里三级医院住院，医保内不是八万，是九万二", Decimal("92000")),
    ("衢州居民医保住院三级医院，花了不是三万而是三万六", Decimal("36000")),
    ("Quzhou resident, level 3 stay, covered costs not 80,000 but 92,000", Decimal("92000")),
])
def test_an_amount_denied_and_set_right_is_the_second(interview, text, amount):
    assert interview.cases.read(text).answers.get("in_scope") == amount


@pytest.mark.parametrize("text", ["低保户的医保费是不是政府出？", "像我们这种困难户，交居民医保要自己掏钱吗",
                                  "Is the premium paid by the government for dibao families?"])
def test_a_question_about_paying_in_asks_a_rule(interview, text):
    reader = interview.reader
    assert reader.asks_of_the_premium(simplified(text)) and reader.asks_a_rule(simplified(text))


@pytest.mark.parametrize("text", ["那要是一般家庭呢", "what if he were from an ordinary family?", "要是普通家庭呢"])
def test_an_ordinary_family_supposed_is_not_on_the_allowance(interview, text):
    revision = interview.cases.revision(STAY, interview.cases.read(text), text)
    assert revision is not None and revision.answers["hardship"] is False


def test_an_ordinary_outpatient_visit_supposed_says_nothing_of_the_allowance(interview):
    revision = interview.cases.revision(STAY, interview.cases.read("要是普通门诊呢"), "要是普通门诊呢")
    assert revision is not None and revision.answers.get("hardship") is not False


def test_a_result_held_back_by_the_cap_carries_the_cap(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "outpatient", "level": 3, "in_quzhou": True,
               "in_scope": Decimal("9060.00"), "fund_paid_this_year": Decimal("1500.00")}
    line = next(line for line in estimate(interview.request(answers), interview.rules).lines if line.payer == "basic")
    # 9,060 x 40% = 3,624.00 is more than the 4,000 a year less the 1,500 already paid
    assert line.capped and (line.cap, line.cap_left, line.amount) == (Decimal("4000.00"), Decimal("2500.00"), Decimal("2500.00"))
