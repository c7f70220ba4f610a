"""A correction or a "what if" typed just after an estimate's result, or in the middle of one, changes
the case worked on even when it tells no new cost (不对我是职工, 那二级医院呢, 金额说错了，是4万5);
a question it only resembles still goes to the FAQ. The words are interview.yaml's correction_words
and what_if_words (the conversation is tests/dialogues/estimate_corrections_after_result.yaml)."""
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.estimate.reimburse import EstimateRequest, estimate
from bot.views.estimate_presenter import EstimatePresenter
from bot.views.render import Renderer

ROOT = Path(__file__).resolve().parents[2]

# Quzhou employee, outpatient at a level 2 hospital in Quzhou, 1,500 in scope: (1500 - 500) x 65% = 650.00
OUTPATIENT = {"city": "quzhou", "scheme": "employee", "care": "outpatient", "level": 2, "in_scope": Decimal("1500.00")}
# Quzhou resident, in hospital at level 2 outside Quzhou, 80,000 in scope, nothing outside the list
INPATIENT = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2, "in_quzhou": False,
             "in_scope": Decimal("80000.00"), "out_of_list": Decimal("0.00"), "hardship": False, "huiqubao": False}


def _figures(interview, answers):
    result = estimate(interview.request(answers), interview.rules)
    return f"{result.reimbursed:.2f}", f"{result.out_of_pocket:.2f}"


def _revised(interview, answers, text):
    return interview.cases.revision(answers, interview.cases.read(text), text)


@pytest.mark.parametrize("text", [
    "要是在社区医院看呢", "那社区医院呢", "如果是一級醫院呢", "What if it had been a level 1 hospital?",
])
def test_a_what_if_without_a_cost_changes_the_level(interview, text):
    revision = _revised(interview, OUTPATIENT, text)
    assert revision is not None and revision.changed == ("level",)
    assert revision.answers == {**OUTPATIENT, "level": 1}
    assert interview.next_step(revision.answers) is None
    assert _figures(interview, revision.answers) == ("840.00", "660.00")  # (1500 - 300) x 70%


def test_without_its_words_a_detail_alone_is_no_revision(interview):
    # The same message read without its text (as before): no cost told, so nothing is revised.
    assert interview.cases.revision(OUTPATIENT, interview.cases.read("那社区医院呢")) is None


def test_a_scheme_correction_keeps_the_rest(interview):
    revision = _revised(interview, OUTPATIENT, "搞错了，她其实是城乡居民")
    assert revision is not None and revision.answers["scheme"] == "resident"
    assert revision.answers["level"] == 2 and revision.answers["in_scope"] == Decimal("1500.00")
    assert _figures(interview, revision.answers) == ("750.00", "750.00")  # resident outpatient level 2: 50%


@pytest.mark.parametrize("text", ["费用我记错了，是2600", "不对，应该是两千六", "Sorry, it actually cost 2600"])
def test_an_amount_correction_without_another_change(interview, text):
    revision = _revised(interview, OUTPATIENT, text)
    assert revision is not None and revision.changed == ("in_scope",)
    assert revision.answers["in_scope"] == Decimal("2600.00")
    assert _figures(interview, revision.answers) == ("1365.00", "1235.00")  # (2600 - 500) x 65%


def test_the_place_of_care_hardship_and_plan_are_corrected(interview):
    revision = _revised(interview, INPATIENT, "我弄错了，其实是在衢州市区住的院")
    assert revision is not None and revision.changed == ("in_quzhou",)
    assert revision.answers == {**INPATIENT, "in_quzhou": True}
    revision = _revised(interview, INPATIENT, "不对，她是低保户，也买了惠衢保")
    assert revision is not None and set(revision.changed) == {"hardship", "huiqubao"}
    assert revision.answers["hardship"] is True and revision.answers["huiqubao"] is True


def test_a_special_drug_amount_corrected_is_the_drug_cost(interview):
    before = interview.cases.read("衢州城乡居民，特药花了2万，买了惠衢保").answers
    assert before.get("special_drug") == Decimal("20000.00")
    revision = _revised(interview, before, "金额说错了，是3万")
    assert revision is not None and revision.answers["special_drug"] == Decimal("30000.00")
    assert "in_scope" not in revision.answers


@pytest.mark.parametrize("text", [
    "职工门诊一年最多报多少",  # no correction or what-if words
    "那职工门诊一年最多报多少呢",  # a limit asked, not an estimate
    "不对吧，居民门诊的起付线是多少？",
    "其实我想问惠衢保怎么买",  # a question beside the correction word
    "Sorry, what is the outpatient limit for residents?",
    "不对",  # no detail changed
    "其实是二级医院",  # the level it already has
])
def test_a_question_or_no_change_is_no_revision(interview, text):
    assert _revised(interview, OUTPATIENT, text) is None


@pytest.mark.parametrize(("text", "revises"), [
    ("不对我是职工", True), ("如果是三级医院能报多少", True), ("那衡阳呢", True), ("Actually it was a level 3 hospital", True),
    ("如果住院要带什么材料", False), ("惠衢保怎么买", False), ("我是衢州职工", False),
])
def test_the_wording_of_a_revision(interview, text, revises):
    assert bool(interview.cases.revises(text)) is revises


def test_a_plan_paying_under_two_responsibilities_shows_its_total(interview):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=2, in_quzhou=True, in_scope=Decimal(100000),
                              out_of_list=Decimal(30000), hardship=False, huiqubao=True)
    presenter = EstimatePresenter(Renderer(ROOT / "locales"))
    result = estimate(request, interview.rules)
    # 责任一 2,075.00 + 责任二 (30000 - 10000) x 50% = 10,000.00
    assert "惠衢保合计：12,075.00元" in presenter.result(result, "zh", html=False).text
    assert "Huiqubao in all: ¥12,075.00" in presenter.result(result, "en", html=False).text
    one_line = estimate(EstimateRequest("quzhou", "resident", "inpatient", level=2, in_quzhou=True, in_scope=Decimal(100000),
                                        out_of_list=Decimal(0), hardship=False, huiqubao=True), interview.rules)
    assert "合计：" not in presenter.result(one_line, "zh", html=False).text.replace("合计报销", "")


def test_another_persons_case_after_a_result_asks_their_own_status_and_plan(interview):
    # (那我爸呢…: his case, worded like a what-if, keeps the city, never the first person's 低保 or 惠衢保)
    mine = {**INPATIENT, "in_quzhou": True, "hardship": True, "huiqubao": False}
    revision = _revised(interview, mine, "那我爸呢，他也是衢州居民医保，在杭州三级医院住院，目录内10万，目录外药2万")
    assert revision is not None
    assert revision.answers["level"] == 3 and revision.answers["in_scope"] == Decimal("100000.00")
    assert "hardship" not in revision.answers and "huiqubao" not in revision.answers


@pytest.mark.parametrize("since, corrects", [
    ("惠衢保这1万多要我自己拿发票去保险公司申请吗", True),  # a question on something else: the stay is corrected
    ("衢州二级医院住院报销比例多少", False),  # the question since told the level: the correction is of that question
])
def test_a_correction_after_a_question_since_the_result(interview, since, corrects):
    text = "搞错了，是三级医院，不是二级"
    case = interview.cases.read(text)
    assert interview.cases.corrects_what_was_not_asked_since(INPATIENT, case, text, since) is corrects


@pytest.mark.parametrize("since, leans_on_the_estimate", [
    ("惠衢保能报吗", True),  # the question since told nothing of a case: another level is the estimate's
    ("衢州二级医院住院报销比例多少", False),  # …it told a case: 那一级医院呢 swaps the level of the rates just asked
])
def test_another_level_after_a_question_since_the_result(interview, since, leans_on_the_estimate):
    text = "那一级医院呢"
    assert interview.cases.changes_only_the_person(INPATIENT, interview.cases.read(text), text, since) is leans_on_the_estimate


def test_a_what_if_after_a_question_since_is_no_correction_of_the_case(interview):
    text = "那三级医院呢"
    assert not interview.cases.corrects_what_was_not_asked_since(INPATIENT, interview.cases.read(text), text, "惠衢保怎么理赔")


@pytest.mark.parametrize("text, revises", [("我今年起付线已经交满了", True), ("起付线今年交过了", True), ("不是五万三，是三万五", True),
                                           ("起付线交过了吗", False), ("no deductible paid yet this year", False)])
def test_the_deductible_told_paid_or_an_amount_taken_back_after_a_result_changes_the_case(interview, text, revises):
    assert interview.cases.revises(text) is revises
