"""A button chosen by its place in the row (第二个, the second one); our words typed partly in pinyin letters beside
their own characters (住yuan, bei案); old and everyday names (合作医疗, 城镇居民医保, 个账共用); an age told before a short
may-I question (我妈78了，她也能买吗); and follow-ups that keep what they lean on (三级呢 keeps the question before, so
that 那职工呢 still asks it; 要刷脸吗 keeps the newborn just spoken of). Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.estimate.interview import AnswerError
from tests.unit.shipped import answered, conversation


@pytest.mark.parametrize("typed, place", [("第一个", 0), ("第二个", 1), ("选第二个吧", 1), ("the second one", 1), ("第1个", 0)])
def test_a_typed_ordinal_chooses_the_button_at_that_place(interview, typed, place):
    step = interview.next_step({})
    assert interview.accept(step, typed) == step.options[place].value


def test_an_ordinal_past_the_last_button_is_asked_again(interview):
    step = interview.next_step({})
    with pytest.raises(AnswerError):
        interview.accept(step, "第四个")


def test_a_bare_number_at_the_level_step_is_still_the_level(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient"})
    assert step.name == "level" and interview.accept(step, "2") == 2


@pytest.mark.parametrize("question, read", [
    ("衢州zhigong住yuan报销比例多少", "住院"), ("怎么bei案", "备案"), ("医保dianzi凭证丢了怎么办", "电子凭证"),
    ("qifu线啥意思", "起付线"), ("亲qing账户怎么绑", "亲情账户"),
])
def test_letters_beside_a_words_own_characters_are_read_as_the_word(index, question, read):
    assert read in index.read(question)


@pytest.mark.parametrize("question", ["app上怎么弄", "我要买ok吗"])
def test_english_letters_beside_characters_stay_as_typed(index, question):
    assert index.read(question).startswith(question[:2])


@pytest.mark.parametrize("question, entry", [
    # old and everyday names
    ("衢州合作医疗看小毛病门诊，一年封顶能报多少", "quzhou/resident/outpatient"),
    ("衢州城镇居民医保的老人住市里三甲医院，报销比例是多少", "quzhou/resident/inpatient"),
    ("衡阳个账共用最多能绑多少亲戚", "family-aid/hengyang/limits"),
    # clipped names
    ("亲账用身份证绑 要传啥", "family-account/bind-by-id-card"),
    ("湘潭家济要啥条件", "family-aid/xiangtan/conditions"),
    ("衢州医保余额浙办能查吗", "quzhou/services/evoucher-query"),
])
def test_old_everyday_and_clipped_names_reach_todays_entry(index, question, entry):
    assert answered(index, question) == entry


def test_the_merger_of_the_old_schemes_is_still_declined(index):
    assert index.search("衢州新农合跟城镇居民医保是哪一年并到一起的").outcome == "declined"


def test_an_age_told_before_a_short_may_i_question_asks_of_the_age(assistant):
    reply = conversation(assistant, "惠衢保一年要交多少钱？", "我妈今年78了，她也能买吗")
    assert reply.entry.id == "huiqubao/who-can-join"


def test_a_swapped_level_keeps_the_question_so_the_next_swap_asks_it_too(assistant):
    assert conversation(assistant, "衢州城乡居民住院的起付线是多少？", "三级呢").entry.id == "quzhou/resident/inpatient"
    reply = conversation(assistant, "衢州城乡居民住院的起付线是多少？", "三级呢", "那职工呢")
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"  # Quzhou employees' stay: we lack it


def test_a_short_follow_up_naming_nobody_keeps_the_person_just_spoken_of(assistant):
    reply = conversation(assistant, "想用我自己的手机帮爸妈亮码看病，要怎么弄？", "那剛出生的小孫女呢？還沒辦身份證", "要刷臉嗎")
    assert reply.entry.id == "family-account/under-16"


@pytest.mark.parametrize("question", [
    "亲情账户人脸识别一直失败 老提示认证不通过 该怎么办",
    "浙里办异地备案一直提示失败 提交不上去",
    "衢州居民医保交完了 浙里办还显示未参保 咋回事",
    "衡阳湘医保app上共济提交了 一直显示审核中",
])
def test_a_failure_no_answer_speaks_of_is_said_to_be_lacking(assistant, question):
    reply = assistant.ask(question)
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge", reply


def test_a_failure_the_answer_explains_is_answered(index):
    assert answered(index, "衡阳家庭共计绑不上 我账户余额是0") == "family-aid/hengyang/conditions"  # the balance must be above zero


@pytest.mark.parametrize("question", ["长沙湘惠保在哪里买", "温州瓯惠保多少钱一年", "金華的婺惠保一年要繳多少錢"])
def test_other_cities_plans_ending_like_ours_are_not_ours(index, question):
    assert index.search(question).outcome != "answered"


@pytest.mark.parametrize("question", ["我们是兰溪农村参保的，住院报销兰溪那边能报多少", "兰溪医保局的电话多少"])
def test_a_county_level_city_beside_ours_is_a_place_we_do_not_cover(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.subject == "兰溪", result
