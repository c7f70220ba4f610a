"""Thumb slips: two neighbouring characters of our word swapped, one typed twice or one left out of a long
word (衢惠保, 亲情账账户, 亲账户, 潭湘) are read as the word; words the slip makes with the characters beside it
(几个账户, 指定医院, 异地医疗费) and words of their own (民居) are left as typed."""
from __future__ import annotations

import pytest

from bot.domain.questions.slips import ThumbSlips
from tests.unit.shipped import answered

WORDS = ["惠衢保", "亲情账户", "个人账户", "定点医院", "异地就医", "免赔额", "家庭共济"]
COMMON = {"几个", "指定", "医疗", "民居"}


def slips() -> ThumbSlips:
    return ThumbSlips(WORDS, ["湘潭", "昭通", "衢州"], ["居民"], is_word=COMMON.__contains__, is_common_word=COMMON.__contains__)


@pytest.mark.parametrize("typed, meant", [
    ("衢惠保一年多少钱", "惠衢保一年多少钱"), ("把我妈加进亲情账账户", "把我妈加进亲情账户"), ("给爸妈开个亲账户", "给爸妈开个亲情账户"),
    ("免赔赔额多少", "免赔额多少"), ("能不能绑家庭济共", "能不能绑家庭共济"), ("潭湘的共济", "湘潭的共济"), ("通昭参保", "昭通参保"),
])
def test_a_slip_is_read_as_our_word(typed, meant):
    assert slips().correct(typed) == meant


@pytest.mark.parametrize("text", ["反正是几个账户", "要在指定医院看", "异地医疗费怎么报", "城乡民居",
                                  "惠惠衢保", "惠衢保"])
def test_words_beside_it_or_already_ours_stay(text):
    assert slips().correct(text) == text


def test_two_character_words_slip_only_as_our_cities_swapped():
    assert ThumbSlips(["医保"], ["衡阳"], [], is_word=lambda _: False, is_common_word=lambda _: False).correct("保医 阳衡") == "保医 衡阳"


@pytest.mark.parametrize("question, entry", [("媳妇让我把她爸妈挂到我潭湘的共济上，岳父母在不在范围里", "family-aid/xiangtan/who"),
                                             ("把我妈加进亲情账账户，她人必须在我身边吗", "family-account/bind-parent")])
def test_the_shipped_search_reads_slips(index, question, entry):
    assert answered(index, question) == entry
