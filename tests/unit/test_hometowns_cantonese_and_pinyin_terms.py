"""A place named only as the hometown or the household registration (户口在衡阳, 老家湘潭) yields to the place the
message says the insurance is in; Cantonese asks (咩, 俾, 洗腎) and pinyin terms typed by relatives abroad (zifei
yaopin, gerenzhanghu) are read as the knowledge's words; a neighbour's word that is a detail of ours (the pension a
retiree's account is credited a share of; commercial insurance bought with the shared money) is no reason to decline.
Run on the shipped knowledge."""
from __future__ import annotations

import pickle

import pytest

from tests.unit.shipped import answered


@pytest.mark.parametrize("question, entry", [
    ("户口在衡阳，现在在衢州上班交的职工医保，普通门诊一年能报到多少", "quzhou/employee/outpatient-cap"),
    ("老家在黑河，这几年在衢州单位交的职工医保，门诊一年最多报多少", "quzhou/employee/outpatient-cap"),
])
def test_the_insurance_city_not_the_hometown_is_asked_of(index, question, entry):
    assert answered(index, question) == entry


def test_a_hometown_of_ours_beside_an_insurance_city_we_lack_is_declined(index):
    result = index.search("老家湘潭，但医保交在娄底，共济能给我妈用吗")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"


@pytest.mark.parametrize("question", [
    "深圳这边上班，老家衢州的城乡居民医保费用哪些渠道交",  # (the hometown's insurance: the insurance city)
    "户口衡阳，在湘潭打工交的职工医保，能给衡阳老家参保的爸妈共济吗",  # (衡阳 named again: where the parents are)
    "我社保交在上海，老家是衢州的，能不能买惠衢保",  # (whether one insured elsewhere may join the hometown's own)
])
def test_a_hometown_that_is_also_the_insurance_or_named_again_is_kept(index, question):
    assert index.reader.without_the_hometown(question) == question


@pytest.mark.parametrize("question, entry", [
    ("醫保講嘅起付線即係咩意思", "terms/deductible"),
    ("衢州職工醫保個人帳戶可唔可以俾老婆用", "quzhou/employee/personal-account-family"),
    ("huiqubao zifei yaopin part, the mianpei e is how much", "huiqubao/cover-out-of-catalogue"),
])
def test_cantonese_and_pinyin_terms_are_read_as_ours(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("衢州，我爸退休了，他自己的养老金每月4260，个人账户每月能划多少", "quzhou/employee/personal-account-retiree"),
    ("黑河共济的钱能拿去买商业保险吗", "family-aid/heihe/uses"),
    ("黑河的，个账余额可以给老婆买商业险不", "family-aid/heihe/uses"),
])
def test_a_neighbours_word_that_is_a_detail_of_ours_is_not_declined(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "养老保险个人账户余额有几种查法",  # the pension scheme's own account
    "衡阳的朋友说他们共济能买商业保险，我想问众安的尊享e生一年多少钱",  # the neighbour itself asked
    "湘潭共济账户余额能给家人买商业保险吗",  # no Xiangtan entry says: not the national one's words
])
def test_a_neighbour_asked_of_itself_or_of_a_city_that_never_says_is_declined(index, question):
    assert answered(index, question) is None


def test_a_story_told_by_a_friend_of_another_city_is_not_what_is_asked(index):
    assert answered(index, "衡阳共济的钱能不能给我爸办健身卡，黑河的朋友说他们那能买商业险") == "family-aid/hengyang/uses"


def test_a_detail_of_ours_holds_in_a_snapshot_of_the_knowledge(index):
    # (the snapshot a restart loads holds copies of the topics: what makes a word a detail is found by the topic's content)
    copied = pickle.loads(pickle.dumps(index.understanding))
    question = index.read("衢州退休的，养老金三千一，个人账户每月划多少")
    assert index.understanding.off_topic(question) is None and copied.off_topic(question) is None


@pytest.mark.parametrize("question, entry", [
    ("sis and I both live abroad. per head, what do mum & dad pay themselves, Quzhou town-and-country", "quzhou/resident/premium"),
    ("my aunt wants me to enrol her in Huiqubao from abroad, which online channels exist", "huiqubao/channels"),
])
def test_an_asker_living_abroad_asks_of_ours(index, question, entry):
    assert answered(index, question) == entry


def test_care_abroad_is_still_declined_when_the_asker_lives_there(index):
    assert index.search("I live abroad, can my Quzhou insurance pay when I see a doctor here?").decline_reason == "uncovered_topic"


@pytest.mark.parametrize("written, read", [("惠衢保能赔百分之八十", "80%"), ("报销百分之八十五", "85%"), ("百分之二点五", "2.5%")])
def test_a_percentage_in_words_reads_as_the_answers_write_it(index, written, read):
    assert read in index.tools.normalize(written)


def test_the_payout_ratio_told_in_words_is_asked_of_it(index):
    assert answered(index, "衢州人，听人讲惠衢保能赔百分之八十，真的假的") == "huiqubao/payout-ratio"


@pytest.mark.parametrize("question", ["金华有没有和惠衢保一个样的保险", "金华有没有和惠衢保差不多的保险", "绍兴有没有跟惠衢保类似的"])
def test_another_citys_plan_like_ours_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"
