"""A resident telling what they already know before asking the rest (惠衢保100块一年我知道，那在哪买): the
known part is the talk's context and the rest is asked. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered


@pytest.mark.parametrize("message, told, asked", [
    ("衡阳能共济我知道，湘潭呢", "衡阳能共济", "湘潭呢"),
    ("我知道惠衢保一年100块，那在哪买", "惠衢保一年100块", "在哪买"),
    ("i know huiqubao is 100 yuan, but where can i buy it?", "huiqubao is 100 yuan", "where can i buy it?"),
])
def test_the_known_part_is_told_apart_from_the_ask(index, message, told, asked):
    assert index.understanding.known_and_asked(index.tools.normalize(message)) == (told, asked)


@pytest.mark.parametrize("message", ["我想知道,惠衢保多少钱", "我不知道惠衢保多少钱,你知道吗", "你知道惠衢保多少钱吗", "我知道了,谢谢"])
def test_wanting_to_know_or_not_knowing_tells_nothing_known(index, message):
    assert index.understanding.known_and_asked(message) is None


@pytest.mark.parametrize("question, entry", [
    ("惠衢保100块钱一年我知道，那出了事最多能赔到多少钱", "huiqubao/cover-overview"),
    ("我知道惠衢保一年100塊，那2021年那期報名到哪天截止？", "huiqubao/enrolment-period"),
    ("I know Huiqubao is 100 yuan, but where can I buy it?", "huiqubao/channels"),
])
def test_the_rest_is_answered_not_the_known_part(index, question, entry):
    assert answered(index, question) == entry


def test_a_follow_up_keeps_the_city_known(index):
    entry = answered(index, "湘潭一个人最多能绑10个我知道，那我妈能不能同时被我和我姐两个人绑")
    assert entry is not None and entry.startswith("family-aid/xiangtan/")


def test_when_the_known_part_is_what_is_asked_about_the_whole_message_is_asked(index):
    assert answered(index, "衢州单位那部分不往个人账户划了我知道，那我的待遇是不是就降了，吃亏了吧") \
        == "quzhou/employee/personal-account-less"
