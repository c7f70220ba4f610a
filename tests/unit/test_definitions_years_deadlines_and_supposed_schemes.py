"""How residents state rather than ask: a word of the glossary defined, rightly or wrongly (封顶线就是报销前得先自己垫的那段钱),
a rate told with their own sum (按70%报是350对吧); years named outright (2022年衡阳职工门诊共济改革是几月份开始的); deadlines
(最后期限, 还来得及投保不); pinyin typed with its tones (dēnglù); and in an estimate: a question at the "in Quzhou?" step
(异地备案了算不算本地), a step's question nearest to another city's phrasing, a plan not remembered beside an answer
(惠衢保买没买我也不记得了), an English run-on naming the insurance city and, later, the place of care, and a "what if" to
a scheme the rules lack for the city (要是她参加的是衡阳的城乡居民医保呢). Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.estimate.answer_reader import Unread
from tests.unit.conversation import answer_to_last
from tests.unit.shipped import answered, answered_entry

# ---- a word of the glossary defined, a rate told with one's own sum -------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("封顶线就是报销前得先自己垫的那段钱", "terms/cap"),  # defined wrongly: what it is, not a rule
    ("我一直以为起付线指的是报销的上限", "terms/deductible"),
    ("统筹基金其实就是我个人账户里的钱", "terms/pooled-fund"),
    ("2025年衢州政策里说的起付线到底是啥意思", "terms/deductible"),  # the meaning asked outright, a place and year beside
    ("What does the deductible on my medical insurance bill actually mean?", "terms/deductible"),
])
def test_a_glossary_word_defined_or_its_meaning_asked_gets_the_glossary(assistant, question, entry):
    assert answered_entry(assistant, question) == entry


@pytest.mark.parametrize("question", ["起付线就是700吧", "门诊起付线是啥 衢州职工"])
def test_a_figure_guessed_or_a_citys_word_asked_is_no_definition(assistant, question):
    assert answered_entry(assistant, question) not in ("terms/deductible", "terms/cap")


@pytest.mark.parametrize("question", ["衢州职工高血压开药一个月500，按70%报是350对吧",
                                      "我高血压每月药600，衢州职工按75%报就是450，这么算没错吧"])
def test_a_rate_told_with_ones_own_sum_is_no_difference_asked(assistant, question):
    assert answered_entry(assistant, question) == "quzhou/employee/chronic-disease"


# ---- years named outright ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("2022年衡阳职工门诊共济改革是几月份开始的", "family-aid/hengyang/outpatient-start"),
    ("衡阳的职工门诊统筹报销是2023年才开始的吧", "family-aid/hengyang/outpatient-start"),
    ("2021年衡阳职工去看普通门诊，统筹能报吗还是只能刷个账", "family-aid/hengyang/outpatient-start"),
    ("2024年衡阳慢病门诊个人自付是百分之几", "family-aid/hengyang/chronic-ratio"),  # 20% until 9 March 2025
    ("2024年3月衡阳简化复审的门诊慢特病一共几个", "family-aid/hengyang/chronic-review"),
])
def test_a_year_the_entry_speaks_of_is_answered(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["2023年衡阳职工门诊报销比例", "2026年衡阳慢性病自付还会降吗"])
def test_a_year_no_entry_speaks_of_is_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


# ---- deadlines, refusals, replacing basic insurance -------------------------------------------------------------------


@pytest.mark.parametrize("question", ["惠衢保投保有没有最后期限，过了哪天就不让买了", "都12月底了惠衢保还来得及投保不",
                                      "惠衢保这会儿还来得及参加吗"])
def test_a_deadline_asked_gets_the_enrolment_period(index, question):
    assert answered(index, question) == "huiqubao/enrolment-period"


@pytest.mark.parametrize("question, entry", [
    ("家人还没来得及绑共济，能不能先拿我的医保卡去给他看病", "family-aid/national/impersonation"),  # no time yet: no deadline
    ("出院一个月了才想起惠衢保还没去理赔 来得及吗", "huiqubao/settlement"),  # a claim, not buying
])
def test_in_time_said_of_something_else_is_no_enrolment_deadline(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["我妈都78了，惠衢保肯定不让她买了",
                                      "My grandmother has had heart disease for years. Will Huiqubao still accept her?"])
def test_a_refusal_feared_gets_who_may_join(assistant, question):
    assert answered_entry(assistant, question) == "huiqubao/who-can-join"


def test_whether_huiqubao_replaces_basic_insurance_gets_what_it_is(assistant):
    assert answered_entry(assistant, "My mother-in-law says Huiqubao replaces the normal state insurance, is that right?") == "huiqubao/what"


# ---- critical illness named by what one pays; dialysis ----------------------------------------------------------------


def test_critical_illness_named_by_the_self_paid_part(index):
    assert answered(index, "衢州居民大病自付超过1.5万才报吗") == "quzhou/resident/critical-illness"


@pytest.mark.parametrize("question", [
    "群里说衢州医疗救助能把大病自付的再报一半，去哪申请",  # medical assistance: not ours, whatever it names beside
    "衢州居民医保病人做血透，门诊难道也有90%报？",  # residents' dialysis: no rule, and no ordinary outpatient rates instead
])
def test_what_the_knowledge_lacks_beside_critical_illness_or_dialysis_is_declined(index, question):
    assert index.search(question).outcome == "declined"


# ---- pinyin typed with its tones ----------------------------------------------------------------------------------------


def test_pinyin_with_tones_is_read_as_plain_letters(index):
    assert index.read("国家医保服务平台 dēnglù 有哪几种") == index.read("国家医保服务平台 denglu 有哪几种")
    assert answered(index, "国家医保服务平台 dēnglù 有哪几种") == "family-account/login"


# ---- in an estimate -----------------------------------------------------------------------------------------------------


def test_a_question_at_the_in_quzhou_step_is_no_answer(interview):
    with pytest.raises(Unread):
        interview.reader.choice("in_city", "异地备案了算不算本地？", region="quzhou")
    assert interview.reader.choice("in_city", "龙游算市内吗", region="quzhou") is True


def test_a_step_question_nearest_another_citys_phrasing_gets_the_residents_own_city(assistant):
    case = {"city": "quzhou", "scheme": "employee", "care": "outpatient", "level": 2, "in_quzhou": True}
    reply = assistant.ask("门诊起付线是每次都要扣还是一年扣一次？", "zh", "quzhou", None, case)
    assert reply.outcome == "answered" and reply.entry.id == "quzhou/employee/outpatient"


def test_a_plan_not_remembered_beside_an_answer_is_assumed_as_the_step_would(interview):
    assert interview.cases.read("不是低保，惠衢保买没买我也不记得了").answers == {"hardship": False, "huiqubao": None}
    assert "huiqubao" not in interview.cases.read("惠衢保能不能报我也不清楚").answers  # a question: nothing assumed


async def test_a_step_answered_with_the_plan_not_remembered_shows_the_result():
    text = await answer_to_last("我是江山的，城乡居民医保，在江山住院了，想估算一下能报多少", "二级", "6万8", "8000",
                                "不是低保，惠衢保买没买我也不记得了")
    assert "52,050.00" in text and "23,950.00" in text


@pytest.mark.parametrize("told, city, elsewhere", [
    ("my mum has quzhou resident insurance she stayed in a level 3 hospital in hangzhou last month in scope costs 64,500", "quzhou", None),
    ("I am insured in Hangzhou and stayed in hospital in Quzhou", None, "Hangzhou"),
])
def test_english_run_on_names_the_insurance_city_beside_the_insurance(interview, told, city, elsewhere):
    case = interview.cases.read(told)
    assert case.answers.get("city") == city and case.elsewhere == elsewhere


async def test_a_what_if_to_a_scheme_the_city_lacks_says_so():
    text = await answer_to_last("帮我婆婆算：她是衡阳退休职工，有高血压，这一年配药总共花了9400", "要是她参加的是衡阳的城乡居民医保呢")
    assert "资料里没有衡阳城乡居民医保" in text and "是否参加惠衢保" not in text


async def test_the_residents_own_sum_after_a_result_shows_the_result_to_compare():
    text = await answer_to_last("帮我估一下：我是衢州城乡居民医保，在衢江区人民医院住院，二级医院，花了七万四全是医保范围内的，不是低保，没买惠衢保",
                                "照我算的话报了五万七左右，对不对")
    assert "57,450.00" in text


async def test_an_own_sum_without_a_result_before_is_no_result():
    text = await answer_to_last("照我算的话报了五万七左右，对不对")
    assert "57,450.00" not in text and "合计报销" not in text


# ---- neighbours that must be declined -----------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "杭州西湖益联保免赔额是2万吧，跟惠衢保比哪个划算",  # the two weighed: the neighbour is asked of, not only told
    "社保卡 jinrong gongneng 在哪开通",  # the card's bank function, in pinyin
    "职工退休以后医保还要不要继续交",  # years of contributions: not in the knowledge, not the retirees' personal account
    "社保扣了养老8%医疗2%失业0.5%，一共10.5%对吧",  # pension and unemployment contributions
])
def test_a_neighbour_asked_of_is_declined(assistant, question):
    assert answered_entry(assistant, question) is None


async def test_a_rate_in_points_asked_at_the_care_step_is_a_rule_not_the_care():
    text = await answer_to_last("帮我估算一下，我是衢州城乡居民医保", "镇上卫生院住院听说能多给5个点，是不是只有在衢州市里才算")
    assert "5个百分点" in text and "第3步" in text
