"""Comparisons no entry states (差多少, 有什么区别) answered by each side's own figures; whether a way of doing it is
the only one (是不是只能在小程序上申请) answered with each way; several questions in one message found at its pauses
(惠衢保多少钱 亲情账户怎么绑), and the messages whose pauses hold no second question; dialect words of the five
cities; an answered view shown with the one-city note only to whom it applies. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.assistant import Assistant
from bot.testing.client import shared_store
from bot.views.presenter import Presenter
from bot.views.render import Renderer
from tests.conftest import KNOWLEDGE, ROOT
from tests.unit.shipped import answered


def told(index, question: str) -> list[str]:
    """The entries an answer shows, in order (none when it is not answered)."""
    result = index.search(question)
    return [result.entry.id, *(entry.id for entry in result.also_asked)] if result.outcome == "answered" else []


@pytest.mark.parametrize("question, entries", [
    # two sides in two entries: each one's figure (8000 and 4000)
    ("衢州职工门诊和居民门诊一年封顶差多少", {"quzhou/employee/outpatient-cap", "quzhou/resident/outpatient"}),
    # both sides in one entry, named by words it does not use (社区 is its 一级, 三甲 its 三级)
    ("衢州居民门诊去社区医院比去三甲多报多少", {"quzhou/resident/outpatient"}),
])
def test_a_comparison_no_entry_states_is_answered_by_each_sides_figure(index, question, entries):
    assert set(told(index, question)) == entries


@pytest.mark.parametrize("question", ["惠衢保跟百万医疗有什么区别", "衢州居民医保跟杭州的比门诊差多少"])
def test_a_comparison_with_a_side_we_lack_is_not_answered_by_ours_alone(index, question):
    result = index.search(question)
    assert result.outcome != "answered" or not result.compared, result


@pytest.mark.parametrize("question, entries", [
    ("昭通家庭共济是不是只能在手机上弄", {"family-aid/zhaotong/bind-online", "family-aid/zhaotong/bind-offline"}),
    ("黑河共济非得去大厅办吗", {"family-aid/heihe/bind-online", "family-aid/heihe/bind-offline"}),
])
def test_whether_a_way_is_the_only_one_is_answered_with_each_way(index, question, entries):
    assert set(told(index, question)) == entries


def test_a_way_asked_for_alone_is_that_way(index):
    assert told(index, "黑河共济手机上怎么绑") == ["family-aid/heihe/bind-online"]


@pytest.mark.parametrize("question, entries", [
    ("惠衢保一年多少钱 亲情账户在哪里开", ["huiqubao/premium", "family-account/where-open"]),
    ("亲情账户在哪个app里开，给五岁的孩子绑要刷脸吗", ["family-account/where-open", "family-account/under-16"]),
])
def test_several_questions_are_found_at_the_pauses_between_them(index, question, entries):
    result = index.search(question)
    assert result.several and told(index, question) == entries, result


def test_a_neighbours_question_beside_ours_is_named_as_not_ours(index):
    result = index.search("衢州在职职工个人账户每月划多少，住房公积金每月交多少")
    assert result.outcome == "answered" and result.entry.id == "quzhou/employee/personal-account-worker"
    assert result.left_out == ("住房公积金",)


@pytest.mark.parametrize("question", [
    "退休了医保卡里攒了好几万花不完，能不能一次性取出来转到银行卡",  # (好几万 tells; the one question is a neighbour's)
    "网上看到一个给猫买的宠物险也叫什么惠保，给猫买的，是不是跟惠衢保一家的，多少钱",  # (its price is the pet plan's)
])
def test_a_pause_before_a_neighbours_question_makes_no_question_of_ours(index, question):
    assert answered(index, question) is None


@pytest.mark.parametrize("question, entry", [
    ("阿拉想问问衢州医保个事体，热线电话多少", "quzhou/services/hotline"),
    ("湘潭的共济，老婆的爹娘能用不", "family-aid/xiangtan/who"),
    ("除了浙里办以外惠衢保还能在哪买", "huiqubao/channels"),
    ("衢州门诊慢性病75%是哪一年开始的", "quzhou/employee/chronic-disease"),
    ("我爸今年80了能买惠衢保吗", "huiqubao/who-can-join"),
])
def test_dialect_set_apart_since_when_and_an_age_this_year_reach_the_entry(index, question, entry):
    assert answered(index, question) == entry


def test_an_answered_view_keeps_the_one_city_note_to_whom_it_applies():
    assistant = Assistant(shared_store(KNOWLEDGE))
    presenter = Presenter(Renderer(ROOT / "locales"), assistant)
    named = assistant.ask("衢州城乡居民住院报销比例是多少")
    unnamed = assistant.ask("城乡居民住院报销比例是多少")
    assert named.entry == unnamed.entry and unnamed.only_city and not named.only_city
    presenter.reply(named, "zh")  # (the view kept for the first must not be shown to the second)
    assert "衢州" in presenter.reply(unnamed, "zh").text.split("\n")[0]
    assert presenter.reply(unnamed, "zh").text != presenter.reply(named, "zh").text


def test_each_way_is_said_to_be_one_of_more_than_one():
    assistant = Assistant(shared_store(KNOWLEDGE))
    text = Presenter(Renderer(ROOT / "locales"), assistant).reply(assistant.ask("昭通家庭共济是不是只能在手机上弄"), "zh").text
    assert "办理的方式不止一种" in text and "大厅" in text and "云南医保" in text


def test_of_several_questions_the_lacking_one_is_said_unanswered_with_the_citys_hotline():
    assistant = Assistant(shared_store(KNOWLEDGE))
    reply = assistant.ask("衢州居民门诊一级报多少？居民职工住院封顶各多少")
    assert reply.entry.id == "quzhou/resident/outpatient" and reply.unanswered
    text = Presenter(Renderer(ROOT / "locales"), assistant).reply(reply, "zh").text
    assert "60%" in text and "您还问了：" in text and "0570-12393" in text


@pytest.mark.parametrize("question", [
    "醫療保障法是哪一年通過的？現在生效了嗎",  # (nothing ranks for the first: what the message is about may be no subject of ours)
    "Is the family account the same as Alipay's family payment card? How do I raise its monthly limit?",
])
def test_a_question_beside_one_nothing_ranks_for_is_not_answered_alone(index, question):
    assert answered(index, question) is None
