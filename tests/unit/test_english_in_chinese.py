"""An English question our English phrasings leave unsure is read once more in the knowledge's Chinese
words (synonyms.yaml `english_words`), and answered only when that reading is sure."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge.loading import load_knowledge
from bot.domain.questions.english import InChinese
from bot.domain.questions.search import SearchIndex
from bot.domain.questions.text import TextTools

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def knowledge():
    result = load_knowledge(ROOT / "knowledge")
    assert result.ok, result.problems[:3]
    return result.knowledge


@pytest.fixture(scope="module")
def index(knowledge) -> SearchIndex:
    return SearchIndex.build(knowledge, TextTools(knowledge.vocabulary))


@pytest.fixture(scope="module")
def without_the_list(knowledge) -> SearchIndex:
    vocabulary = knowledge.vocabulary.model_copy(update={"english_words": {}})
    bare = type(knowledge)(**{**knowledge.__dict__, "vocabulary": vocabulary})
    return SearchIndex.build(bare, TextTools(vocabulary))


def test_listed_words_become_chinese_and_the_longest_phrase_wins():
    reading = InChinese({"family aid": "家庭共济", "aid": "共济", "hengyang": "衡阳", "how many": "几个", "relatives": "亲属"}, str.lower)
    assert reading.of("hengyang family aid how many relatives 10") == "衡阳家庭共济几个亲属10"


def test_a_word_inside_another_is_not_read():
    reading = InChinese({"aid": "共济", "app": "app"}, str.lower)
    assert reading.of("paid by the apply form") == ""  # "aid" in paid, "app" in apply: nothing listed is there


def test_unlisted_english_words_are_left_out_and_chinese_kept():
    reading = InChinese({"quzhou": "衢州", "hotline": "电话"}, str.lower, frozenset({"the", "pls"}))
    assert reading.of("anyone got the quzhou 医保 hotline pls") == "衢州医保电话"


def test_a_reading_that_leaves_out_more_than_it_reads_is_none():
    reading = InChinese({"quzhou": "衢州", "deductible": "起付线"}, str.lower, frozenset({"the"}))
    assert reading.of("crit illness cover quzhou the deductible") == ""  # crit, illness, cover left out; two read


def test_nothing_listed_reads_as_nothing():
    assert InChinese({"quzhou": "衢州"}, str.lower).of("what a lovely day") == ""


QUESTIONS = [
    ("quzhou worker clinic trips, max back per yr?", "quzhou/employee/outpatient-cap"),
    ("newborn in NICU, not enrolled yet, quzhou, ward costs paid?", "quzhou/resident/newborn"),
]


@pytest.mark.parametrize(("question", "entry_id"), QUESTIONS)
def test_english_left_unsure_is_answered_through_the_chinese_words(index, without_the_list, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id and result.taken_as is None, result
    assert without_the_list.search(question).outcome != "answered"  # the English phrasings alone were unsure


@pytest.mark.parametrize("question", ["hengyang: how many kin can one worker link for maternity pay",
                                      "Quzhou worker pension: how much per month?", "Hangzhou residents hospital stay rate"])
def test_a_decline_is_never_overturned_by_the_chinese_reading(index, question):
    assert index.search(question).outcome == "declined"


def test_pinyin_typed_in_syllables_is_read_as_our_words(index, without_the_list):
    question = "zhao tong jia ting gong ji bind how"
    # (the city typed a syllable at a time is a place whatever the English reading: it is not asked which one)
    assert without_the_list.search(question).outcome != "need_city"
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == "family-aid/zhaotong/bind-online", result


def test_abbreviations_typed_fast_are_read(index, without_the_list):
    question = "qz insured, got sick on a trip, can i do the yidi beian?"  # qz: Quzhou; a trip: care elsewhere
    assert without_the_list.search(question).outcome != "answered"
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == "quzhou/remote-care/who", result


def test_which_relatives_reads_as_the_knowledge_asks_it(index):
    # (the city and product in pinyin syllables are read as a pinyin sentence now, with or without the English list)
    question = "heng yang gong ji: which relatives can use my account"
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == "family-aid/hengyang/who", result


@pytest.mark.parametrize(("question", "entry_id"), [
    ("Benefit Qu Insurance one person one year how much money?", "huiqubao/premium"),
    ("Black River family common relief, which relatives can use my account?", "family-aid/heihe/who"),
    ("Kinship account is what thing?", "family-account/what"),
])
def test_our_words_as_a_translation_app_renders_them_are_read(index, without_the_list, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id, result


def test_a_county_spelled_in_letters_keeps_its_city_in_the_chinese_reading(index):
    assert "湘潭" in index.in_chinese.of(index.read("Xiangxiang family aid: in-laws bindable?"))  # the county is Xiangtan's
