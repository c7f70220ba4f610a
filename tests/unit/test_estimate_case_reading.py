"""How a whole case, and a what-if after its result, is read from residents' own wording: a stay told by
its length (住了五天), a scheme named outright beside a status word that only suggests one (退休 … 城乡居民医保),
English ways of saying nothing was outside the list, 不在衢州市内, the level of this visit beside the
level of a deductible paid earlier, a place of care after a filler (在我们衢江区), and a what-if that keeps
the rest (其他都一样). Conversations: tests/dialogues/estimate_reading_*.yaml."""
from decimal import Decimal

import pytest

from bot.domain.estimate.reimburse import estimate

# Quzhou resident, in hospital at level 3 in Quzhou, 60,000 in scope, nothing outside the list, in 惠衢保
IN_QUZHOU = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
             "in_scope": Decimal("60000.00"), "out_of_list": Decimal("0.00"), "hardship": False, "huiqubao": True}


def _figures(interview, answers):
    result = estimate(interview.request(answers), interview.rules)
    return f"{result.reimbursed:.2f}", f"{result.out_of_pocket:.2f}"


@pytest.mark.parametrize("text", [
    "我妈城乡居民医保，在柯城的卫生院住了五天，花了六千",
    "我妈城乡居民医保，在柯城的卫生院住了半个月，花了六千",
    "我妈城乡居民医保，在柯城的卫生院住了两个礼拜，花了六千",
    "我妈城乡居民医保，在柯城的卫生院住了十来天，花了六千",
    "我妈城乡居民医保，在柯城的卫生院住了一个多星期，花了六千",
])
def test_a_stay_told_by_its_length_is_a_hospital_stay(interview, text):
    read = interview.cases.read(text)
    assert read.answers["care"] == "inpatient"
    assert interview.cases.read(text).answers["in_quzhou"] is True
    answers = {**read.answers, "out_of_list": Decimal(0), "hardship": False, "huiqubao": False}
    # level 1 in Quzhou: 85% + 5 = 90%; (6000 - 300) x 90% = 5130.00; 个人负担 870.00
    assert _figures(interview, answers) == ("5130.00", "870.00")


def test_living_somewhere_is_no_hospital_stay(interview):
    assert "care" not in interview.cases.read("我爸退休以后跟我住在宁波，看病花了三千").answers


def test_a_place_after_a_filler_is_where_care_was(interview):
    read = interview.cases.read("我爸居民医保，在我们衢江区的乡镇卫生院住的院，花了五千")
    assert read.answers["in_quzhou"] is True
    assert read.answers["level"] == 1


@pytest.mark.parametrize("text", [
    "我妈退休了在家带孙子，她参加的是衢州城乡居民医保，在衢州三级医院住院，花了四万",
    "她退休以后一直交的居民医保，衢州的，在衢州三级医院住院，花了四万",
    "她不是职工医保，是城乡居民医保，退休好几年了，衢州三级医院住院花了四万",
])
def test_a_scheme_named_outright_wins_over_a_status_word(interview, text):
    assert interview.cases.read(text).answers["scheme"] == "resident"


def test_a_status_word_alone_or_two_names_stay_as_they_were(interview):
    assert interview.cases.read("我爸是退休职工，衢州三级医院住院花了四万").answers["scheme"] == "employee"
    # two schemes named (two people): still asked
    assert "scheme" not in interview.cases.read("我是职工医保，我老婆是城乡居民医保，她在衢州住院花了四万").answers


def test_at_the_scheme_step_the_scheme_named_wins_too(interview):
    assert interview.reader.choice("scheme", "退休了，但交的是城乡居民医保") == "resident"


@pytest.mark.parametrize("wording", [
    "no drugs outside the list", "no off-list drugs", "nothing off the list", "no self-paid drugs",
    "nothing outside it", "and no drugs off the list",
])
def test_english_ways_of_saying_nothing_was_outside_the_list(interview, wording):
    read = interview.cases.read(f"Quzhou resident, hospital stay at a level 2 hospital in Quzhou, 40000 in scope, {wording}")
    assert read.answers["out_of_list"] == Decimal("0.00")


def test_english_no_is_a_whole_word(interview):
    assert "out_of_list" not in interview.cases.read(
        "Quzhou resident, hospital stay at a level 2 hospital in Quzhou, 40000 in scope, no idea about off-list drugs").answers
    assert interview.reader.means_none("no")
    assert not interview.reader.means_none("I know")


def test_english_not_in_the_plan_and_what_he_pays_himself(interview):
    read = interview.cases.read("Quzhou resident, level 2 hospital stay in Quzhou, 40000 in scope. Not on dibao and not in Huiqubao.")
    assert read.answers["huiqubao"] is False and read.answers["hardship"] is False
    assert interview.reader.asks_about_the_result("so what does she pay herself?")


@pytest.mark.parametrize("text", [
    "我是衢州城乡居民，在宁波的二级医院住院，不在衢州市内，政策范围内五万",
    "我是衢州城乡居民，在宁波的二级医院住院，不在衢州市区，政策范围内五万",
])
def test_not_in_the_city_said_twice_is_outside(interview, text):
    assert interview.cases.read(text).answers["in_quzhou"] is False


def test_not_in_the_city_at_its_step(interview):
    assert interview.reader.choice("in_city", "不在衢州市内", region="quzhou") is False


def test_the_level_of_a_deductible_paid_earlier_is_not_this_visits(interview):
    read = interview.cases.read("衡阳职工医保，这次去三级医院看门诊花了2000元，今年早些时候在二级医院付过200元起付线，能报多少")
    assert read.answers["level"] == 3 and read.answers["deductible_used"] == Decimal("200.00")
    assert interview.next_step(read.answers) is None
    # deductible still due min(300, 300 - 200) = 100; (2000 - 100) x 60% = 1140.00; 个人负担 860.00
    assert _figures(interview, read.answers) == ("1140.00", "860.00")


@pytest.mark.parametrize("text", ["如果是在宁波住院呢？其他都一样", "要是在温州的医院住的呢，别的不变", "What if she was in hospital in Ningbo? Everything else the same"])
def test_a_what_if_moving_the_care_away_keeps_the_rest(interview, text):
    assert interview.cases.revises(text)
    revision = interview.cases.revision(IN_QUZHOU, interview.cases.read(text), text)
    assert revision is not None and revision.changed == ("in_quzhou",)
    assert revision.answers == {**IN_QUZHOU, "in_quzhou": False}
    # basic (60000 - 700) x 65% = 38545.00; 自付 21455.00; 大病 (21455 - 15000) x 60% = 3873.00;
    # 惠衢保 一 (6455 - 3873) x 50% = 1291.00; reimbursed 43709.00; 个人负担 16291.00 (as in Quzhou: nothing off-list)
    assert _figures(interview, revision.answers) == ("43709.00", "16291.00")


def test_a_what_if_keeping_the_rest_then_asking_is_still_a_question(interview):
    assert not interview.cases.revises("如果是在宁波住院呢？其他都一样吗")


def test_another_scheme_for_a_stay_keeps_the_stay(interview):
    # The case as the dialogue holds it when the care was set aside (Quzhou 职工 住院 has no rule) but kept
    employee = {**IN_QUZHOU, "scheme": "employee", "in_scope": Decimal("50000.00"), "huiqubao": False}
    del employee["hardship"]
    text = "那要是按城乡居民医保算呢，我老婆是居民医保，情况一样，她也不是低保"
    revision = interview.cases.revision(employee, interview.cases.read(text), text)
    assert revision is not None and revision.answers["care"] == "inpatient" and revision.answers["scheme"] == "resident"
    assert interview.next_step(revision.answers) is None
    # (50000 - 700) x 65% = 32045.00; 自付 17955.00; 大病 (17955 - 15000) x 60% = 1773.00;
    # reimbursed 33818.00; 个人负担 16182.00
    assert _figures(interview, revision.answers) == ("33818.00", "16182.00")


def test_an_age_said_without_a_unit_is_no_amount_and_a_question_ending_in_bu_says_no_no(interview):
    # 他78了 after a question about him: his age, not 78 yuan; 惠衢保能报不 asks, it does not say "not enrolled"
    assert interview.cases.read("他78了").answers == {}
    assert "huiqubao" not in interview.cases.read("在杭州看病惠衢保能报不").answers
    assert interview.cases.read("我妈80了，住院花了3万").answers["in_scope"] == Decimal("30000.00")


@pytest.mark.parametrize("told", ["我缴费基数6000", "my contribution base is 6000", "医保报完以后个人自付8万"])
def test_a_contribution_base_or_what_one_paid_oneself_is_no_cost(interview, told):
    # told before a question, it must not become the cost an estimate is worked on
    assert "in_scope" not in interview.cases.read(told).answers


def test_english_a_stay_told_with_how_long_and_a_city_we_lack_named_in_letters(interview):
    read = interview.cases.read("My grandma has Quzhou resident insurance. She stayed three weeks in a level 3 hospital in Quzhou city.")
    assert read.answers["care"] == "inpatient"
    read = interview.cases.read("My father has Quzhou resident insurance. He was in hospital in Wuhan, a level 3 hospital, 66,000 yuan inside the list")
    assert read.answers["in_quzhou"] is False
