"""Spoken question forms read before any word (Wu 好买伐, 流水, 能报百分之几), the sides of a message that weighs a child
against a grown-up or one condition named by two words, a later question of several kept to its own subject, what is
asked of the government, of papers, of waits and of a neighbour's money, and an estimate's asides: a premium asked with
its figure, what the fund paid corrected, a plan not renewed, an age after a time word. Run on the shipped knowledge."""
from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.domain.knowledge.schema import SynonymsFile
from bot.domain.questions.text import TextTools
from tests.unit.conversation import answer_to_last, replies
from tests.unit.shipped import answered, conversation, entries_of
from tests.unit.test_check_knowledge import problems_of, replace_once


# ---- spoken forms ------------------------------------------------------------------------------------------------------

def test_a_spoken_form_keeps_the_words_between_its_parts():
    tools = TextTools(SynonymsFile(version=1, spoken_forms={"好...伐": "能...吗", "伐": "吗"}))
    assert tools.normalize("惠衢保还好买伐") == "惠衢保还能买吗"
    assert tools.normalize("手机上好直接结算伐") == "手机上能直接结算吗"
    assert tools.normalize("还要归去报伐") == "还要归去报吗"  # (no 好 before it: the particle alone)


def test_a_spoken_form_stays_inside_one_clause():
    tools = TextTools(SynonymsFile(version=1, spoken_forms={"好...伐": "能...吗"}))
    assert tools.normalize("好的，我问下伐") == "好的,我问下伐"  # (NFKC makes the comma ASCII)


@pytest.mark.parametrize("forms", [{"好...伐": "能吗"}, {"好伐": "能...吗"}, {"好...伐...呢": "能...吗...呢"}, {"hao fa": "能吗"}])
def test_a_spoken_form_with_its_gap_unmatched_or_not_chinese_is_reported(forms):
    with pytest.raises(ValidationError, match=r"'\.\.\.'"):
        SynonymsFile(version=1, spoken_forms=forms)


@pytest.mark.parametrize("question, entry", [
    ("阿拉七十八岁了，惠衢保还好买伐", "huiqubao/who-can-join"),
    ("阿拉要到上海儿子那里住半年，衢州医保备案好办伐", "quzhou/remote-care/who"),
    ("衡阳共济一年里从我账户扣了多少给家里人，在哪查流水", "family-aid/hengyang/records"),
    ("我婆婆衢州居民醫保，住進三級大醫院能報百分之幾", "quzhou/resident/inpatient"),
    ("醫保電子憑證申報遺失之後 要等多久才生效", "quzhou/services/evoucher-lost"),
])
def test_spoken_forms_reach_the_entry_meant(index, question, entry):
    assert answered(index, question) == entry


# ---- several questions, sides weighed ----------------------------------------------------------------------------------

def test_a_later_question_is_answered_by_its_own_subject_not_the_product_lent(index):
    result = index.search("惠衢保一年多少钱？衢州居民医保个人缴多少？")
    assert result.several and entries_of(result) == ["huiqubao/premium", "quzhou/resident/premium"]


def test_words_asking_nothing_after_a_question_leave_it_a_question_of_its_own(index):
    questions = index.reader.several_questions("惠衢保一年多少钱，居民医保个人缴多少，分别是")
    assert questions is not None and [alone for _, alone in questions] == ["惠衢保一年多少钱", "居民医保个人缴多少，分别是"]


@pytest.mark.parametrize("question", ["亲请账户给小孩加跟给老人加有啥区别", "15岁的孩子和17岁的孩子加亲情账户，流程有啥区别"])
def test_a_child_and_a_grown_up_weighed_get_each_ones_rule(index, question):
    result = index.search(question)
    assert result.compared and entries_of(result) == ["family-account/under-16", "family-account/16-and-over"]


async def test_the_family_members_weighed_are_said_to_differ_in_age():
    text = await answer_to_last("亲请账户给小孩加跟给老人加有啥区别")
    assert text.startswith("您问的几位家人年龄不同") and "不同城市" not in text


@pytest.mark.parametrize("question", ["衢州门诊慢性病跟门诊特殊病种，哪个报销比例高些",
                                      "Quzhou outpatient chronic diseases and special diseases — what are the reimbursement rates respectively?"])
def test_one_condition_named_by_two_words_gets_each_words_rule(index, question):
    result = index.search(question)
    assert result.compared and entries_of(result) == ["quzhou/employee/chronic-disease", "quzhou/employee/special-disease"]


def test_a_condition_named_once_is_no_comparison(index):
    assert index.understanding.each_side(index.read("衢州门诊慢性病和住院，哪个报得多")) != ["衢州门诊慢性病", "衢州门诊慢性病"]
    assert not index.search("衢州门诊慢性病报销比例哪个高").compared


# ---- what is asked ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("衢州备案地点想换一个 要等多久才能改", "quzhou/remote-care/change-place"),  # 随时 answers a wait
    ("惠衢保保多长时间", "huiqubao/cover-period"),  # how long cover lasts is no wait
    ("衢州在职职工医保个人账户是按月划还是按年划", "quzhou/employee/personal-account-worker"),  # how often, not whose rules
    ("惠衢保住院理赔下来的钱是打到我银行卡上还是怎样", "huiqubao/settlement"),  # a payout's way, no cash-out
    ("衢州门诊慢性病跟特殊病种报校比例哪个高", "quzhou/employee/chronic-disease"),
])
def test_asks_reach_what_answers_them(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "那惠衢保一年那100块，政府也帮她交吗？",  # what the government pays is said of the resident premium only
    "去银行网点买惠衢保 带身份证还是社保卡",  # the offline channels name no papers
    "替家里老人去医保窗口办事 要带委托书吗",
])
def test_what_the_knowledge_does_not_say_is_declined_as_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


def test_the_government_paying_a_residents_part_is_answered(index):
    assert answered(index, "低保户交居民医保政府帮着交吗") == "quzhou/resident/hardship-premium"


@pytest.mark.parametrize("question, subject", [
    ("宠物医院给猫做绝育，能用我医保账户付钱吗", "宠物"),  # paying for a pet with one's own account is no family aid
    ("湘潭公积金账户里的钱，可以代扣家里人的医保费吗", "住房公积金"),  # the neighbour's money is what is asked of
])
def test_a_neighbours_subject_asked_of_is_declined(index, question, subject):
    result = index.search(question)
    assert result.decline_reason == "uncovered_topic" and result.subject == subject


def test_a_relative_insured_elsewhere_still_is_insured_there(index):
    result = index.search("我刚从江西搬来衢州，医保还在江西，在衢州住院能报多少")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"


def test_a_relatives_account_money_used_for_care_is_family_aid(assistant):
    reply = conversation(assistant, "我爸看病，能用我职工医保账户里的钱吗", "黑河")
    assert reply.entry is not None and reply.entry.id == "family-aid/heihe/who"


def test_an_account_that_may_bind_relatives_is_family_aid(index):
    result = index.search("我爸退休后从老家过来跟我住了，他的医保个人账户能绑我妈和我舅舅吗")
    assert result.entry is None or not result.entry.id.startswith("quzhou/employee/personal-account")


def test_registering_late_is_no_late_payment(index):
    result = index.search("衢州医保，人在苏州住院，出院前要不要补办个备案")
    assert result.outcome == "answered" and result.entry.id == "quzhou/remote-care/emergency"


# ---- an estimate's asides ----------------------------------------------------------------------------------------------

async def test_a_premium_asked_with_its_figure_in_an_estimate_is_no_cost():
    text = await answer_to_last("帮我估算一下：我婆婆是衢州农村的，低保户，前阵子在衢江区的乡镇卫生院住了一个礼拜院",
                                "那惠衢保一年那100块，政府也帮她交吗？")
    assert "0570-12393" in text and "第6步" in text and "第7步" not in text


async def test_what_the_fund_paid_this_year_is_corrected_by_its_old_figure():
    texts = await replies("/start", "🧮 报销估算", "衢州", "城乡居民医保", "普通门诊", "二级的",
                          "这次花了2400，我爸今年门诊已经报过3700了", "说错了，今年门诊之前报过的不是3700，是3000")
    assert "1,000.00" in texts[-1] and "1,400.00" in texts[-1] and "2,700.00" not in texts[-1]


def test_a_plan_not_renewed_is_not_bought(interview):
    assert interview.cases.read("其实惠衢保今年没续，他没买").answers == {"huiqubao": False}


@pytest.mark.parametrize("told", ["我妈今年72了", "我媽今年72了", "他已经80了"])
def test_an_age_after_a_word_of_time_is_no_amount(interview, told):
    case = interview.cases.read(f"{told}，衢州城乡居民医保，上个月在杭州的三级医院住院")
    assert case.answers.get("in_scope") is None and case.answers.get("level") == 3


def test_a_spoken_form_losing_its_gap_is_reported_on_its_line(knowledge_copy):
    line = replace_once(knowledge_copy / "synonyms.yaml", "好...伐: 能...吗,", "好...伐: 能吗,")
    problems = problems_of(knowledge_copy)
    assert len(problems) == 1 and problems[0].startswith(f"knowledge/synonyms.yaml:{line}:") and "'...'" in problems[0], problems
