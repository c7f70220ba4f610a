"""A talk that goes back to a subject two questions back (热线多少 between; 那刚才那个…), a place named once as where
someone lives and again as where care is, a relative who is only whose home it is, a story told before a terse ask
(不过她医保在衡阳交的，那还能买吗), ages told without 岁, later rounds of a dated product said to be lacking, and words
residents use for where to tap, unbinding and prices. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.testing.client import DialogueClient
from tests.unit.shipped import answered_entry as answered, conversation, text_of


# ---- the subject two questions back ---------------------------------------------------------------------------------

async def test_after_a_hotline_question_a_place_of_care_asks_of_the_product_before_it():
    async with DialogueClient(language_code="zh-hans") as chat:
        await chat.send("我在衡阳上班，职工医保的共济，一个人最多能绑几个家人？")
        await chat.send("衡阳医保有没有热线可以打？")
        reply = text_of(await chat.send("我爸常住长沙我姐家，在那边医院还能用我的账户付钱吗"))
    assert "湖南省内" in reply  # Hengyang's family aid in other cities of Hunan, not a decline of Changsha's rules


async def test_going_back_past_another_products_question_leans_on_the_earlier_one():
    async with DialogueClient(language_code="zh-hans") as chat:
        await chat.send("衡阳的家庭共济，我想给我8岁的女儿用，可以吗")
        await chat.send("亲情账户在哪个App开通")
        reply = text_of(await chat.send("那刚才那个，我爸也能用吗？他73岁，是衡阳退休职工"))
    assert "父母" in reply and "国家医保服务平台" not in reply


async def test_that_earlier_one_in_traditional_is_the_question_before():
    async with DialogueClient(language_code="zh-hant") as chat:
        await chat.send("衢州城鄉居民的大病保險是怎麼報的？")
        reply = text_of(await chat.send("那剛才那個，我爸是低保戶，他怎麼算"))
    assert "70%" in reply


def test_the_earlier_subject_is_leaned_on_when_the_last_question_naming_no_product_leaves_it_unclear(assistant):
    hotline, earlier, question = "衢州医保的电话是多少", "惠衢保小孩子能不能买？我儿子今年才7岁", "我爸有高血压好多年了，也能买吗"
    assert assistant.ask(question, "zh", follows=hotline).outcome != "answered"
    assert assistant.ask(question, "zh", follows=hotline, earlier=earlier).entry.id == "huiqubao/who-can-join"


# ---- places, homes and stories --------------------------------------------------------------------------------------

def test_a_place_named_as_home_and_again_as_where_care_is_is_where_care_is(assistant):
    reply = conversation(assistant, "衡阳的家庭共济，爸爸能用我的账户吗", "我爸常住长沙我姐家，在那边医院还能用我的账户付钱吗")
    assert reply.entry.id == "family-aid/hengyang/cross-region"


def test_living_elsewhere_and_asking_what_to_do_before_care_is_registering(assistant):
    assert answered(assistant, "我爸在衢州交的居民医保，现在住在金华我姐家，看病前得先办啥") == "quzhou/remote-care/how-to-register"


def test_a_story_then_a_terse_ask_leans_on_the_product_talked_of(assistant):
    reply = conversation(assistant, "明年的惠衢保大概要交多少钱？", "不过她医保不在衢州，是在衡阳交的职工医保，那还能买吗")
    assert reply.entry.id == "huiqubao/need-basic-insurance"


def test_an_age_told_without_sui_is_an_age(assistant):
    assert answered(assistant, "惠衢保，我爸都75了，也能买吗") == "huiqubao/who-can-join"


# ---- what the knowledge lacks, said plainly ---------------------------------------------------------------------------

@pytest.mark.parametrize("question, said", [
    ("惠衢保2025年那一期的保费比2021年涨了没有", "资料里没有之后各期的保费"),
    ("去年买的那期惠衢保保到几月几号", "资料里没有之后各期的保障时间"),
    ("衢州居民医保下一年的缴费什么时候截止", "资料里没有之后年度的缴费时间"),
])
def test_a_later_round_of_a_dated_rule_is_said_to_be_lacking(assistant, question, said):
    assert said in assistant.ask(question, "zh").answer


def test_the_lacking_later_rounds_are_said_in_english_too(assistant):
    assert "do not give the premium of later rounds" in assistant.ask("How much is Huiqubao this year?", "en").answer


@pytest.mark.parametrize("question", ["黑河家庭共济绑上以后过几天家人才能刷", "衢州办一回异地备案有效几个月还是几年，过期要续吗"])
def test_how_long_asked_of_an_entry_that_does_not_say_is_declined(assistant, question):
    assert assistant.ask(question, "zh").decline_reason == "not_in_knowledge"


# ---- words residents use ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("亲请账户在哪儿添家里人", "family-account/add-member-path"),
    ("亲情帐户家庭戍员加不上去 在哪个页面加", "family-account/add-member-path"),
    ("衡阳共济绑错人了 绑成我表哥了 嗯 要怎么解除掉", "family-aid/hengyang/unbind"),
    ("那個惠衢保就是一年要交多少錢啊 我媽叫我問的 嗯 老人跟小孩價錢是一樣的嗎", "huiqubao/premium"),
    ("起付线到底是什么意思啊 我一直搞不懂 是交了这个钱才能报还是怎么的", "terms/deductible"),
    ("患衢保保哪几样", "huiqubao/cover-overview"),
    ("昭遁共济咋绑", "family-aid/zhaotong/bind-online"),
    ("惠衢保啥价", "huiqubao/premium"),
    ("医保码丢咧", "quzhou/services/evoucher-lost"),
    ("衢州职工“年度最高支付限额由6000元提高至8000元”，这个限额管的是哪块", "quzhou/employee/outpatient-cap"),
    ("need quzhou yibao phone num 2 call", "quzhou/services/hotline"),
    ("4got my e voucher pw wat now", "family-account/forgot-password"),
])

def test_words_residents_use_lead_to_the_entry(assistant, question, entry):
    assert answered(assistant, question) == entry


def test_three_plus_n_is_read_as_itself_and_answers_with_the_settlement(assistant):
    reply = assistant.ask("你说的3+N是什么东西", "zh")
    assert reply.outcome == "answered" and reply.entry.id == "huiqubao/settlement"


def test_where_a_relative_is_insured_told_beside_where_the_teller_works_asks_the_question_again(assistant):
    reply = conversation(assistant, "我妈的慢性病门诊现在自己要付几成", "她医保在衡阳，我是在衢州上班")
    assert reply.entry.id == "family-aid/hengyang/chronic-ratio"


def test_ones_own_huiqubao_is_no_other_citys_plan(assistant):
    assert answered(assistant, "Can his personal account pay for his own Huiqubao?") == "huiqubao/buy-for-family"
    assert assistant.ask("Does Hangzhou have its own huiqubao?", "en").decline_reason == "uncovered_topic"


@pytest.mark.parametrize("question, entries", [
    ("衢州居民住院和门诊，一级医院各报多少", ["quzhou/resident/inpatient", "quzhou/resident/outpatient"]),
    ("衢州在职的和退休的，个人账户每月进钱怎么算，有啥不一样",
     ["quzhou/employee/personal-account-worker", "quzhou/employee/personal-account-retiree"]),
    ("公婆能不能绑媳妇的共济，衡阳湘潭两边规定一样吗", ["family-aid/hengyang/who", "family-aid/xiangtan/who"]),
])
def test_each_side_of_a_comparison_is_answered(assistant, question, entries):
    reply = assistant.ask(question, "zh")
    assert [reply.entry.id, *(entry.id for entry in reply.also_asked)] == entries


def test_a_going_back_is_searched_as_leaning_and_the_reply_keeps_the_words_typed(assistant):
    typed = "那剛才那個，我爸是低保戶，他怎麼算"
    reply = assistant.ask(typed, "zh_Hant", follows="衢州城鄉居民的大病保險是怎麼報的？")
    assert reply.entry.id == "quzhou/resident/critical-illness-hardship" and reply.question == typed
