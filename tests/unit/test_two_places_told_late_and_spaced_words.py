"""A city's entry that answers another group's question too (also_answers), a city or scheme told after the question
(衢州的，单位给交的职工医保), the care and the product a follow-up carries, an English answer kept in the talk's
context, Chinese typed a word at a time, romanised and Cantonese words, and whole cases that name two places.
Run on the shipped knowledge."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from tests.unit.shipped import answered_entry as answered, conversation
from tests.unit.test_check_knowledge import problems_of, replace_once


# ---- a city's entry answering another group's question too ---------------------------------------------------------

@pytest.mark.parametrize("question", [
    "衢州共济的钱能用来干什么",
    "In Quzhou, can he spend that money on my mum's medicine?",
    "In Quzhou, can my wife use the money in my personal account?",
    "衢州职工个人账户的钱我老婆能用吗",
])
def test_quzhous_family_aid_entry_answers_what_the_money_pays_for(assistant, question):
    assert answered(assistant, question) == "quzhou/employee/personal-account-family"


def test_a_citys_own_entry_of_the_group_comes_before_one_answering_it_too(assistant):
    # (在衢州…搬到衡阳后: Hengyang's own entry on what the money pays for, not Quzhou's that answers it too)
    assert answered(assistant, "在衢州只拿個賬買過藥，搬到衡陽後共濟的錢能給家人買醫療器械嗎") == "family-aid/hengyang/uses"


def test_an_also_answers_naming_no_group_is_reported_with_file_and_line(knowledge_copy: Path):
    path = knowledge_copy / "quzhou" / "employee.yaml"
    line = replace_once(path, "also_answers: [family-aid/uses]", "also_answers: [family-aid/no-such-group]")
    problems = problems_of(knowledge_copy)
    assert any(f"quzhou/employee.yaml:{line}:" in problem and "no-such-group" in problem for problem in problems), problems


def test_a_group_answered_twice_in_one_region_is_reported(knowledge_copy: Path):
    path = knowledge_copy / "quzhou" / "employee.yaml"
    replace_once(path, "also_answers: [family-aid/uses]", "also_answers: [outpatient/levels]")  # (Quzhou's own outpatient table)
    problems = problems_of(knowledge_copy)
    assert any("already answered in this region" in problem for problem in problems), problems


# ---- told after the question ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("first, told, entry", [
    ("看门诊能报销多少，有起付线吗", "衢州的，单位给交的职工医保", "quzhou/employee/outpatient"),
    ("住院的话医保能报几成", "我问的是我妈，她是衢州农村的，交的城乡居民医保", "quzhou/resident/inpatient"),
])
def test_a_city_and_scheme_told_after_the_question_ask_it_again(assistant, first, told, entry):
    reply = conversation(assistant, first, told)
    assert reply.outcome == "answered" and reply.entry.id == entry


def test_the_care_of_the_question_before_carries_to_the_next(assistant):
    reply = conversation(assistant, "What about my mum? She's on Quzhou resident scheme. Does she have a deductible for clinic visits?",
                         "And how much can she get back at most in a year?")
    assert reply.entry.id == "quzhou/resident/outpatient"


def test_of_family_aid_and_what_it_pays_for_the_thing_paid_for_carries(assistant):
    reply = conversation(assistant, "What about my wife? She is on Quzhou resident insurance. Can my personal account pay for her Huiqubao?",
                         "How much is it per person each year?")
    assert reply.entry.id == "huiqubao/premium"


def test_a_city_told_with_a_terse_ask_asks_the_question_before_for_it(assistant):
    reply = conversation(assistant, "想看看我医保卡上还有多少余额，从哪能查到", "我是黑河的，老人不会用手机，打电话查打哪个号")
    assert reply.outcome == "answered" and "12333" in reply.answer


def test_an_english_answer_in_the_talks_context_stays_that_answer(assistant):
    reply = conversation(assistant, "Do we have to file a claim for Huiqubao in Quzhou ourselves after a hospital stay?",
                         "Which number should I call if I have more questions?")
    assert reply.entry.id == "quzhou/services/hotline"


# ---- words residents use ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("Hengyan gong ji, how many relatives max", "family-aid/hengyang/limits"),
    ("what's a qinqing account on the yibao app", "family-account/what"),
    ("hwei chu bao how much a year", "huiqubao/premium"),
    ("黑河家庭共濟可唔可以俾我阿哥用", "family-aid/heihe/who"),
    ("湘潭家庭共濟包唔包外父外母", "family-aid/xiangtan/who"),
    ("Hengyang gong ji usage history where to see", "family-aid/hengyang/records"),
    ("衡阳门诊要绑医院不", "family-aid/hengyang/hospitals"),
    ("昭逋职工账户结余能不能代家人交城乡居民的医保费", "family-aid/zhaotong/premium"),
    ("湘潬共濟要乜條件", "family-aid/xiangtan/conditions"),
    ("我妈是衢州的居民医保她现在住我上海这边平时就在社区医院看看门诊开开药这个门诊一年能报多少钱啊", "quzhou/resident/outpatient"),
    ("人在深圳打工五六年了，医保还是衢州的，要办啥才能在深圳刷卡", "quzhou/remote-care/who"),
])
def test_words_residents_use_lead_to_the_entry(assistant, question, entry):
    assert answered(assistant, question) == entry


@pytest.mark.parametrize("question", [
    "does yibao cover IVF for my sister in Quzhou",
    "mum's yang lao jin in Quzhou, how much per month",
    "医保DIP付费是啥，对我们老百姓有影响没",
])
def test_subjects_we_lack_are_declined(assistant, question):
    assert assistant.ask(question, assistant.language_of(question) or "zh").outcome == "declined"


def test_a_factory_workers_stay_is_never_the_residents_rate(assistant):
    # (employee inpatient rates are not in the knowledge: said so, not the resident table)
    reply = assistant.ask("衢州厂里工人住院能报几成", "zh")
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"


def test_a_relative_right_there_with_the_asker_is_no_care_abroad(assistant):
    reply = assistant.ask("my grandma in quzhou doesnt have a phone can i add her to my qinqing account from abroad or does "
                          "she need to be right there with me", "en")
    assert reply.outcome == "answered" and reply.entry.id.startswith("family-account/")


def test_chinese_typed_a_word_at_a_time_is_one_sentence():
    from bot.domain.questions.text import spaced_out_joined
    assert spaced_out_joined("借 爸爸 的 医保卡 去 看病 可以 吗") == "借爸爸的医保卡去看病可以吗"
    # (pauses of speech between phrases are kept: no single characters set apart)
    assert spaced_out_joined("我妈 72了 在衢州 能买吗") == "我妈 72了 在衢州 能买吗"


def test_a_synonym_in_letters_stays_apart_from_the_letters_around_it(assistant):
    assert "a family account" in assistant.store.current.tools.normalize("what's a qinqing account on the app")


# ---- whole cases naming two places -------------------------------------------------------------------------------

def test_a_place_after_an_insurance_word_and_a_marker_is_where_one_is_insured(interview):
    case = interview.cases.read("帮我估一下我婆婆的住院费：她是衢州城乡居民医保，户口在龙游，现在跟我们住在杭州，"
                                "这次在杭州的二级医院住了十来天，医保内的花了六万七")
    assert case.answers["in_quzhou"] is False
    assert case.answers["in_scope"] == Decimal("67000.00")


def test_an_amount_corrected_without_a_label_keeps_the_label_told_before(interview):
    case = interview.cases.read("哦不对，自费药我看错了，不是六千，是一万八")
    assert case.answers == {"out_of_list": Decimal("18000.00")}


@pytest.mark.parametrize("question, entry", [
    ("我刚参加医保，看政策里老说起付线，这个词是什么意思", "terms/deductible"),
    ("鄰居阿姨講，衢州退休的個帳每個月會進775塊", "quzhou/employee/personal-account-retiree"),
    ("衡陽職工個帳同時可以共濟給幾位近親屬", "family-aid/hengyang/limits"),
])
def test_a_word_pointed_back_at_and_relatives_counted(assistant, question, entry):
    assert answered(assistant, question) == entry
