"""How residents really type names: an h- syllable typed with f as Hunan speakers say it (费衢保, 飞河), and a name
half remembered (惠什么保来着, 家庭共什么). Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.questions.sounds import SoundTable, accented


@pytest.mark.parametrize("syllable, typed", [("hui", "fei"), ("hei", "fei"), ("hu", "fu"), ("huan", "fan")])
def test_an_h_syllable_may_be_typed_with_f(syllable, typed):
    assert typed in accented(syllable)


def test_a_syllable_without_h_has_no_f_form():
    assert accented("qu") == {"qu"}


@pytest.mark.parametrize("typed, meant", [("费衢保多少钱", "惠衢保多少钱"), ("飞河的共济", "黑河的共济")])
def test_the_f_form_of_our_words_is_read_as_them(typed, meant):
    assert SoundTable(["惠衢保", "黑河", "共济"]).correct(typed) == meant


@pytest.mark.parametrize("text", ["费用能报多少", "飞机票能报吗"])
def test_words_of_their_own_stay(text):
    assert SoundTable(["惠衢保", "黑河"]).correct(text) == text


@pytest.mark.parametrize("question, entry", [
    ("费衢保一年交多少钱来着", "huiqubao/premium"),
    ("衢州那个惠什么保来着，补充医疗的，一年要交多少", "huiqubao/premium"),
    ("衡阳那个家庭共什么，能给我妈用吗", "family-aid/hengyang/who"),
    ("I think it's called Hui-something Bao, how much is it a year?", "huiqubao/premium"),
])
def test_a_name_typed_as_said_or_half_remembered_is_ours(index, question, entry):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry


@pytest.mark.parametrize("question, place", [("尚海医保组院报销几成", "上海"), ("我在坤明上班，那边个人账户划入比例多少", "昆明"),
                                             ("兰京医保一年门诊封顶是多少", "南京")])
def test_a_place_we_lack_typed_as_it_sounds_is_still_declined(index, question, place):
    result = index.search(question)
    assert (result.outcome, result.decline_reason, result.subject) == ("declined", "uncovered_place", place)


@pytest.mark.parametrize("question, entry", [("乡谈家庭共济要满足啥条件", "family-aid/xiangtan/conditions"),
                                             ("香坛的家庭共济能给在外地参保的爸妈用吗", "family-aid/xiangtan/cross-region")])
def test_our_city_typed_as_it_sounds_without_one_of_its_characters_is_ours(index, question, entry):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry


@pytest.mark.parametrize("text", ["衢州職工住院報銷比例多少", "没走医保报销惠衢保赔不赔", "支付宝上医保余额咋个查嘛",
                                  "拿老公医保卡给我看病算冒明就医吗", "被车撞伤害住院惠衢保赔吗"])
def test_words_that_only_sound_like_a_place_stay(index, text):
    assert index.places.with_misheard_names(text, index.understanding) == text


@pytest.mark.parametrize("syllable, typed", [("fu", "hu"), ("fen", "hong"), ("fei", "hui")])
def test_an_f_syllable_may_be_typed_with_h(syllable, typed):
    assert typed in accented(syllable)


@pytest.mark.parametrize("typed, meant", [("森份证号", "身份证号"), ("起胡线", "起付线"), ("统凑基金", "统筹基金"), ("料毒症透析", "尿毒症透析"),
                                          ("轰顶多少", "封顶多少")])
def test_rule_words_typed_as_said_are_read_as_them(index, typed, meant):
    assert index.understanding.clean(index.tools.normalize(typed)) == meant


def test_a_word_of_its_own_beside_stays(index):
    assert "加人" in index.understanding.clean(index.tools.normalize("家庭账户在哪加人"))


@pytest.mark.parametrize("text, read", [("那衡阳那边呢", "那衡阳呢"), ("那长沙那里？", "那长沙？"), ("那边呢", "那边呢"),
                                       ("株洲那边能绑几个人", "株洲那边能绑几个人")])
def test_there_after_a_place_says_no_more_than_the_place(index, text, read):
    assert index.places.without_there(text) == read


@pytest.mark.parametrize("text, read", [("那香坛呢", "那湘潭呢"), ("香坛的话岳父能不能绑", "湘潭的话岳父能不能绑"), ("那痕阳那边呢", "那衡阳那边呢"),
                                       ("衔阳家庭共济线下去哪里办", "衡阳家庭共济线下去哪里办")])
def test_our_city_typed_as_it_sounds_before_a_follow_ups_words(index, text, read):
    assert index.places.with_misheard_names(text, index.understanding) == read


@pytest.mark.parametrize("question, entry", [
    ("是叫大病保险还是重大疾病险来着，衢州居民医保那个，自己付的超过多少才开始报", "quzhou/resident/critical-illness"),
    ("我爸得了大病，衢州城鄉居民那個叫大病保險還是重大疾病險來著，自付要過一萬五還是兩萬才有得報", "quzhou/resident/critical-illness"),
    ("老听人说起付线，是叫起付线还是起赔线来着，到底是啥意思", "terms/deductible"),
    ("手机丢了，那个医保电子什么凭证要挂失吗，在哪挂来着", "quzhou/services/evoucher-lost"),
])
def test_a_name_hesitated_over_beside_a_neighbours_is_ours(index, question, entry):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry


def test_the_neighbour_named_outright_is_still_declined(index):
    assert index.search("我买的商业重大疾病险确诊了怎么理赔").decline_reason == "uncovered_topic"
