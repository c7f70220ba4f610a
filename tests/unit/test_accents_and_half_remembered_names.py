"""How residents really type names: an h- syllable typed with f as Hunan speakers say it (费衢保, 飞河), and a name
half remembered (惠什么保来着, 家庭共什么). Run on the shipped knowledge."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge.loading import load_knowledge
from bot.domain.questions.search import SearchIndex
from bot.domain.questions.sounds import SoundTable, accented
from bot.domain.questions.text import TextTools

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    result = load_knowledge(ROOT / "knowledge")
    assert result.ok, result.problems[:3]
    return SearchIndex.build(result.knowledge, TextTools(result.knowledge.vocabulary))


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
