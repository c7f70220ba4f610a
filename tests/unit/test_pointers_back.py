"""A pointer back at one of two things named before it (前面那个, 后者, the former): two cities, products, schemes
or words the glossary explains; the other is left out of the question. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import lacking_asks


@pytest.mark.parametrize("question, kept, dropped", [
    ("长沙医保和衡阳医保，前面那个职工看门诊报多少", "长沙", "衡阳"),
    ("惠衢保和大病保险，后面那个是自动有的吗", "大病保险", "惠衢保"),
    ("起付线和封顶线，后面那个是什么意思", "封顶线", "起付线"),
    ("hangzhou and quzhou: how much is the latter's huiqubao premium?", "quzhou", "hangzhou"),
])
def test_the_other_thing_is_left_out(index, question, kept, dropped):
    read = index.reader.of_the_one_pointed_at(question)
    assert kept in read and dropped not in read


@pytest.mark.parametrize("question", ["惠衢保前面那个步骤是什么", "衡阳和湘潭的家庭共济有什么不一样"])
def test_no_pointer_or_one_thing_leaves_the_message_as_typed(index, question):
    assert index.reader.of_the_one_pointed_at(question) == question


@pytest.mark.parametrize("question, place", [("深圳医保和衢州医保，前面那个个人账户每月划多少", "深圳"),
                                             ("昆明和昭通都在云南，前面那个的家庭共济能绑几个人", "昆明")])
def test_a_place_we_lack_pointed_at_is_declined(index, question, place):
    result = index.search(question)
    assert (result.outcome, result.decline_reason, result.subject) == ("declined", "uncovered_place", place)


def test_a_glossary_word_pointed_at_is_explained(index):
    result = index.search("老听人说起付线封顶线，前面那个到底啥意思")
    assert result.outcome == "answered" and result.entry.id == "terms/deductible"


@pytest.mark.parametrize("question, subject", [("判断题：参加城乡居民医保的人，每年可以免费体检一次。", "体检费用"),
                                               ("请问这次社区医保知识竞赛的报名截止时间是几号", "知识竞赛和活动的报名")])
def test_quiz_items_about_what_we_lack_are_declined_by_subject(index, question, subject):
    result = index.search(question)
    assert (result.decline_reason, result.subject) == ("uncovered_topic", subject)


def test_there_after_a_is_beside_b_points_at_a(index):
    assert index.search("金华在衢州隔壁，那边的城乡居民医保一年交多少").subject == "金华"
    result = index.search("衢州在金华隔壁，那边的城乡居民医保一年交多少")
    assert result.outcome == "answered" and result.entry.id == "quzhou/resident/premium"


@pytest.mark.parametrize("question, ask", [("填空：目前跨省异地就医门诊慢特病直接结算开通了___种病。", "有多少种病（病种数）"),
                                           ("填空：医保电子凭证的二维码每隔___秒自动刷新一次。", "二维码多久刷新一次")])
def test_a_quiz_blank_asks_what_goes_there(index, question, ask):
    result = index.search(question)
    asks = lacking_asks(index, result)
    assert result.decline_reason == "not_in_knowledge" and ask in asks


def test_a_citys_office_named_as_it_sounds_is_that_city(index):
    assert index.search("京华医保局的咨询热线能告诉我吗").subject == "金华"


def test_a_commercial_plan_named_outright_beside_a_hesitation_is_declined(index):
    assert index.search("我买的是商业的那个重疾险，是叫重大疾病险还是大病险来着，确诊了怎么理赔").decline_reason == "uncovered_topic"
