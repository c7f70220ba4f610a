"""Rhetorical and leading questions (难道…？, a figure put forward to be checked) and look-alike strokes (剐脸, 冐名)."""
import pytest


@pytest.mark.parametrize(("question", "entry_id"), [
    ("衢州大病保险，难道自己花了一万就能进大病？", "quzhou/resident/critical-illness"),  # 一万 is checked, not lacking
    ("乡镇卫生院住院花了一万，居民医保报销比例多少", "quzhou/resident/base-level-bonus"),
    ("亲情账户绑小孩难道要剐脸认证？", "family-account/under-16"),  # 剐 is written like 刷
    ("2026年拿家里人的医保卡去看病算冐名就医吗，会怎么处罚", "family-aid/national/impersonation"),  # 冐名 is no 茂名
])
def test_a_leading_question_gets_the_fact(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id


def test_signing_a_name_says_nothing_of_how_many_may_be_bound(index):
    # (签名 holds 名: the steps of binding are no answer to 最多能加几个家人)
    result = index.search("昭通，云南医保小程序里共济最多能加几个家人")
    assert result.outcome == "declined" or result.entry.id != "family-aid/zhaotong/bind-online"


@pytest.mark.parametrize("question", [
    "Does Xiangtan also reimburse dialysis at 90% like Quzhou does?",
    "My grandma is in Heihe's resident scheme. Is her yearly contribution the same 440 yuan as Quzhou?",
])
def test_our_city_named_in_english_as_the_measure_does_not_answer_for_the_other(index, question):
    result = index.search(question)
    assert result.outcome == "declined" or result.entry.region != "quzhou"
