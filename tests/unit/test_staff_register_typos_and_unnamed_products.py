"""How support staff, search-box users and voice input write (统筹 指的是啥, 封顶线 意思, 往院, zfb, kuasheng,
财政补助), guesses of a count (是不是最多加五个人) and of a claim's progress that the knowledge lacks, a sure match
whose product the question leaves unnamed (用出生证明绑孩子要填谁的名字), and the neighbours that look like it (the
social security card's password, a lost birth certificate); a relative asked of one city's family aid, answered by
that city's list of who may. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered, lacking_asks


@pytest.mark.parametrize("question, entry", [
    ("医保 统筹 是指啥", "terms/pooled-fund"),  # (统筹 between spaces is no filler)
    ("起付线 意思", "terms/deductible"),
    ("封顶线到底是个啥玩意", "terms/cap"),
])
def test_a_word_asked_in_a_search_box_or_by_voice_is_explained(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("衢州 居民医保 财政补助 每人多少", "quzhou/resident/premium"),
    ("quzhou jumin yibao caizheng butie duoshao", "quzhou/resident/premium"),
    ("黑河 zfb 共济 怎么绑", "family-aid/heihe/bind-online"),
    ("heihe gongji kuasheng keyi ma", "family-aid/heihe/cross-region"),
    ("昭通共济账户的资金能用于哪些支出", "family-aid/zhaotong/uses"),
    ("衢州门诊特殊病报多少", "quzhou/employee/special-disease"),
])
def test_staff_and_search_box_wording_reaches_the_entry(index, question, entry):
    assert answered(index, question) == entry


def test_a_look_alike_of_a_care_word_is_read_as_it(index):
    # 往院 is 住院 (a stroke away): Quzhou employee stays are what the knowledge lacks, not a personal-account answer
    result = index.search("衢州 职工 往院 起付线")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"
    assert ("care", "inpatient") in result.missing


def test_a_worker_asking_of_a_stay_is_asked_of_employee_insurance(index):
    result = index.search("在衢州上班的住院报几成")
    assert result.outcome == "declined" and ("scheme", "employee") in result.missing  # (not the resident rates)


@pytest.mark.parametrize("question", ["亲情账户是不是最多只能加三个人", "亲情账户是不是最多绑两个"])
def test_a_guessed_count_is_asked_and_lacking_not_answered_with_what_the_thing_is(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and lacking_asks(index, result) == ["能绑几个人"]


def test_the_progress_of_a_claim_is_what_the_knowledge_lacks(index):
    result = index.search("惠衢保理赔的进度在哪查")
    assert result.outcome == "declined" and lacking_asks(index, result) == ["办理进度（办到哪一步了）"]


def test_a_wrong_addition_asks_how_to_unbind(index):
    assert answered(index, "亲情账户加错人了咋删") == "family-account/unbind"


def test_when_a_rule_started_is_asked_of_the_entry_on_its_start(index):
    assert answered(index, "衡阳以前门诊只能刷个人账户，后来改成统筹也能报了，是哪年落地的") == "family-aid/hengyang/outpatient-start"


def test_what_it_covers_is_no_question_of_the_documents(index):
    assert answered(index, "惠衢保都保哪些东西，最多能赔多少") == "huiqubao/cover-overview"


@pytest.mark.parametrize("question, entry", [
    ("用出生证明绑孩子要填孩子爸爸的名字吗", "family-account/bind-by-birth-certificate"),
    ("国家医保app密码忘了怎么重置", "family-account/forgot-password"),
])
def test_a_sure_match_nothing_else_comes_near_answers_though_its_product_is_unnamed(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["社保卡的密码忘了去银行怎么改", "孩子的出生证原件找不到了能补一张吗"])
def test_the_cards_password_and_a_lost_birth_certificate_are_neighbours(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


@pytest.mark.parametrize("question, entry", [
    ("湘潭 我老公能不能用我的共济账户", "family-aid/xiangtan/who"),  # (named in Xiangtan's list)
    ("湘潭 我孙子能绑我的共济账户不", "family-aid/xiangtan/who"),  # (left out by it: 其他亲属都不包括)
    ("黑河这边孙子孙女能不能花我医保账户的钱", "family-aid/heihe/who"),
])
def test_a_relative_asked_of_one_citys_family_aid_is_answered_by_its_list(index, question, entry):
    assert answered(index, question) == entry


def test_a_spouse_using_the_shared_money_where_care_is_elsewhere_asks_of_care_elsewhere(index):
    assert answered(index, "衡阳 老婆去长沙看病能用我的共济吗") == "family-aid/hengyang/cross-region"
