"""Slips of the nine-key (九宫格) pinyin keyboard: a syllable typed on the same keys as the meant one
(惠 hui / 贵 gui on 4-8-4, 衡阳 heng yang / 耿旺 geng wang) is read as our word, one slip per word."""
from __future__ import annotations

import pytest

from bot.domain.questions.sounds import SoundTable, keys


def test_syllables_on_the_same_keys():
    assert keys("hui") == keys("gui") == "484"
    assert keys("zhao") == keys("xiao") == "9426"


@pytest.mark.parametrize("typed, meant", [("贵衢保多少钱", "惠衢保多少钱"), ("惠如保", "惠衢保"), ("家庭红济", "家庭共济"),
                                          ("四付线", "起付线")])
def test_one_slip_in_a_word_of_three_characters_or_more_is_read_as_it(typed, meant):
    assert SoundTable(["惠衢保", "家庭共济", "起付线"]).correct(typed) == meant


@pytest.mark.parametrize("text", ["诊疗费", "贵如油", "红利"])
def test_a_slip_needs_one_of_the_words_own_characters_and_a_long_word(text):
    assert SoundTable(["交费", "惠衢保", "共济"]).correct(text) == text


def test_two_character_words_only_where_allowed():
    assert SoundTable(["衡阳"], least_same=0, keyed_shortest=2).correct("耿阳") == "衡阳"
    assert SoundTable(["冒名"], keyed_shortest=None).correct("闹名") == "闹名"


@pytest.mark.parametrize("question, entry", [("耿阳的职工 同时能绑多少个家里人共济 累计又是多少", "family-aid/hengyang/limits"),
                                             ("帮我问下 贵衢保一个人交多少", "huiqubao/premium")])
def test_our_city_or_product_slipped_on_nine_keys_is_answered(index, question, entry):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry, result


def test_a_neighbours_product_near_ours_on_the_keys_is_still_declined(index):
    assert index.search("惠苏保今年是不是99块").outcome == "declined"
