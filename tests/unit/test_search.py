"""TextTools and SearchIndex: normalisation, retrieval and the region/decline rules.

Rules are tested on a small fixture knowledge (tests/fixtures/knowledge) that does not change
under our feet; retrieval of every phrasing is also checked on the shipped knowledge/.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain.knowledge.loading import load_knowledge
from bot.domain.knowledge.schema import KnowledgeBase
from bot.domain.questions.search import SearchIndex, SearchResult
from bot.domain.questions.text import TextTools

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "knowledge"
SHIPPED = ROOT / "knowledge"


def _load(path: Path) -> tuple[KnowledgeBase, TextTools, SearchIndex]:
    result = load_knowledge(path)
    assert result.ok, result.problems[:5]
    tools = TextTools(result.knowledge.vocabulary)
    return result.knowledge, tools, SearchIndex.build(result.knowledge, tools)


@pytest.fixture(scope="module")
def fixture_index():
    return _load(FIXTURE)


@pytest.fixture(scope="module")
def shipped_index():
    result = load_knowledge(SHIPPED)
    if not result.ok:
        pytest.fail(f"knowledge/ does not load: {result.problems[:1]}")
    tools = TextTools(result.knowledge.vocabulary)
    return result.knowledge, tools, SearchIndex.build(result.knowledge, tools)


# ---- TextTools ---------------------------------------------------------------------------

def test_normalize_traditional_full_width_case_and_spaces(fixture_index):
    _, tools, _ = fixture_index
    assert tools.normalize("親情賬戶在哪裡開通") == "亲情账户在哪里开通"
    assert tools.normalize("ＡＢＣ　１００元") == "abc 100元"
    assert tools.normalize("  Huiqubao   PREMIUM ") == "huiqubao premium"
    assert tools.normalize("惠衢保 多少 钱") == "惠衢保多少钱"  # spaces between Chinese words go


def test_normalize_applies_synonyms_longest_first(fixture_index):
    _, tools, _ = fixture_index
    assert tools.normalize("会衢保多少钱") == "惠衢保多少钱"
    assert tools.normalize("亲情帐户要刷脸吗") == "亲情账户要人脸验证吗"
    assert tools.normalize("国家医保APP怎么用") == "国家医保服务平台怎么用"  # key matched after lower-casing
    assert tools.normalize("國家醫保 app") == "国家医保服务平台"


def test_tokens_drop_stopwords_and_split_english(fixture_index):
    _, tools, _ = fixture_index
    tokens = tools.tokens(tools.normalize("请问惠衢保的保费是多少"))
    assert "惠衢保" in tokens and "请问" not in tokens and "的" not in tokens and "是" not in tokens
    assert tools.tokens(tools.normalize("How much is the Huiqubao premium?")) == ["how", "much", "huiqubao", "premium"]
    grams = tools.bigrams(tools.normalize("惠衢保的保费"))
    assert grams == ["惠衢", "衢保", "保的", "的保", "保费"]  # stopwords stay in the character bigrams


def test_to_traditional_with_overrides(fixture_index):
    _, tools, _ = fixture_index
    assert tools.to_traditional("亲情账户在国家医保服务平台开通") == "親情賬戶在國家醫保服務平台開通"


# ---- rules on the fixture ----------------------------------------------------------------

def _ids(result: SearchResult) -> list[str]:
    return [entry.id for entry in result.suggestions]


def test_clear_match_is_answered(fixture_index):
    _, _, index = fixture_index
    result = index.search("惠衢保一年要交多少钱")
    assert result.outcome == "answered" and result.entry.id == "huiqubao/premium"
    assert 0.5 <= result.confidence <= 1.0


def test_typo_traditional_and_english(fixture_index):
    _, _, index = fixture_index
    assert index.search("会衢保多少钱").entry.id == "huiqubao/premium"
    assert index.search("惠衢保保費多少").entry.id == "huiqubao/premium"
    assert index.search("What is Huiqubao?").entry.id == "huiqubao/what"


@pytest.mark.parametrize("question", ["明天会下雨吗", "怎么办理身份证", "推荐一家火锅店", "衢州天气"])
def test_off_topic_is_declined(fixture_index, question):
    _, _, index = fixture_index
    result = index.search(question)
    assert (result.outcome, result.decline_reason, result.entry) == ("declined", "off_topic", None)


def test_uncovered_place_is_declined_not_answered_nearby(fixture_index):
    _, _, index = fixture_index
    result = index.search("广州医保电话是多少")
    assert (result.outcome, result.decline_reason, result.decline_region) == ("declined", "uncovered_place", "national")
    # an alias of ours containing an uncovered name (衡南县 ⊃ 南县) is ours
    assert index.search("衡南县家庭共济能绑定几个人").entry.id == "family-aid/hengyang/limits"


def test_named_city_without_the_entry_is_declined(fixture_index):
    _, _, index = fixture_index
    result = index.search("黑河医保电话是多少")
    assert result.outcome == "declined"
    assert result.decline_reason == "no_entry_for_city"
    assert result.decline_region == "heihe" and result.region == "heihe"


def test_named_city_switches_to_its_group_member(fixture_index):
    _, _, index = fixture_index
    assert index.search("衡阳共济可以绑哪些亲属").entry.id == "family-aid/hengyang/who"
    result = index.search("黑河家庭共济能给兄弟姐妹用吗")
    assert result.entry.id == "family-aid/heihe/who" and result.region == "heihe"


def test_group_without_city_needs_a_city_or_uses_the_chosen_one(fixture_index):
    _, _, index = fixture_index
    result = index.search("家庭共济最多绑几个人")
    assert result.outcome == "need_city" and result.entry is None
    assert set(_ids(result)) == {"family-aid/heihe/limits", "family-aid/hengyang/limits"}
    chosen = index.search("家庭共济最多绑几个人", city="hengyang")
    assert chosen.outcome == "answered" and chosen.entry.id == "family-aid/hengyang/limits"


def test_group_with_a_national_member_answers_it_when_no_city(fixture_index):
    _, _, index = fixture_index
    assert index.search("家庭共济能给哪些人用").entry.id == "family-aid/national/who"
    assert index.search("家庭共济能给哪些人用", city="heihe").entry.id == "family-aid/heihe/who"


def test_single_city_entry_answers_whatever_the_chosen_city(fixture_index):
    _, _, index = fixture_index
    result = index.search("惠衢保是什么", city="heihe")
    assert result.outcome == "answered" and result.entry.id == "huiqubao/what"


def test_uncertain_match_is_suggested_with_distinct_entries(fixture_index):
    _, _, index = fixture_index
    result = index.search("惠衢保")
    assert result.outcome in ("suggested", "answered")
    if result.outcome == "suggested":
        assert 1 <= len(result.suggestions) <= 3
        assert len(set(_ids(result))) == len(result.suggestions)


def test_suggestions_never_come_from_another_named_city(fixture_index):
    _, _, index = fixture_index
    for question in ("衡阳共济", "衡阳家庭共济绑定", "衡阳共济亲属"):
        result = index.search(question)
        assert all(entry.region in ("hengyang", "national") for entry in result.suggestions), question
        if result.entry is not None:
            assert result.entry.region in ("hengyang", "national")


def test_anchored_but_unrelated_question_is_declined(fixture_index):
    _, _, index = fixture_index
    result = index.search("医保断缴了怎么补交")
    assert result.outcome == "declined" and result.decline_reason == "low_confidence"


# ---- the shipped knowledge ---------------------------------------------------------------

def test_every_phrasing_retrieves_its_entry(shipped_index):
    knowledge, _, index = shipped_index
    misses = []
    for entry in knowledge.entries.values():
        for phrasing in (entry.question, *entry.variants, entry.question_en, *entry.variants_en):
            result = index.search(phrasing)
            found = result.entry is not None and (
                result.entry.id == entry.id or (entry.group is not None and result.entry.group == entry.group)
            )
            if result.outcome == "need_city":
                found = entry.id in _ids(result)
            if not found and result.decline_reason in ("uncovered_place",):
                continue  # a phrasing naming another place on purpose
            if not found:
                misses.append(f"{entry.id}: {phrasing!r} -> {result.outcome} {result.entry.id if result.entry else _ids(result)}")
    assert not misses, "\n".join(misses)


def test_shipped_typo_and_declines(shipped_index):
    _, _, index = shipped_index
    assert index.search("会衢保多少钱").entry.id == "huiqubao/premium"
    assert index.search("广州医保住院报销比例是多少").decline_reason == "uncovered_place"
    assert index.search("明天会下雨吗").decline_reason in ("off_topic", "uncovered_topic")  # the weather is a listed neighbour
    assert index.search("黑河医保电话多少").decline_reason == "no_entry_for_city"


@pytest.mark.parametrize("question", ["永康医保住院报销比例", "萧山区的医保怎么报销", "义乌市住院报销多少", "南县医保电话"])
def test_an_unlisted_place_is_declined_not_answered_with_ours(shipped_index, question):
    _, _, index = shipped_index
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place", result


@pytest.mark.parametrize("question, entry_id", [
    ("衢州异地备案可以改吗", "quzhou/remote-care/change-place"),
    ("给爹妈买惠衢保能扣医保卡里的钱吗", "huiqubao/buy-for-family"),
    ("亲情账户怎么帮孩子绑", "family-account/bind-child"),  # confidence 0.15: siblings split the lead
])
def test_a_likely_match_is_answered_with_alternatives_offered(shipped_index, question, entry_id):
    _, _, index = shipped_index
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id, result
    assert entry_id not in [entry.id for entry in result.suggestions]


def test_a_topic_keyword_keeps_answers_in_that_topic(shipped_index):
    _, _, index = shipped_index
    for question in ("惠衢保出院的时候能直接报吗", "惠衢保从什么时候开始保障", "惠衢保年纪大了能买吗"):
        result = index.search(question)
        for entry in ([result.entry] if result.entry else []) + result.suggestions:
            assert entry.topic == "huiqubao", (question, entry.id)
