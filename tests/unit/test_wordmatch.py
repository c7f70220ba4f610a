import re

from hypothesis import given, settings, strategies as st

from bot.domain.questions.wordmatch import GAP, WordMap, _pattern, alternation


def test_english_words_match_whole_words_only():
    pattern = alternation(["son", "kid", "亲情账户"])
    assert pattern.search("my personal account") is None
    assert pattern.search("kidney dialysis") is None
    assert pattern.search("my son's account").group(0) == "son"
    assert pattern.search("what is the亲情账户for").group(0) == "亲情账户"


def test_longer_words_count_only_when_asked_for():
    assert alternation(["hospital"]).search("which hospitals") is None
    assert alternation(["register"], word_starts=True).search("without registering") is not None


def test_longest_word_wins():
    assert alternation(["共济", "家庭共济"]).search("家庭共济怎么办").group(0) == "家庭共济"


def test_an_ellipsis_in_a_listed_word_stands_for_a_few_characters():
    pattern = alternation(["每个月...交多少"])
    assert pattern.search("单位和个人每个月各交多少")
    assert pattern.search("每个月交多少")
    assert pattern.search("每个月打进来的钱是我们交多少年算的") is None


def test_a_word_map_gives_the_value_of_a_gapped_word_too():
    words = WordMap({"亲情账户": "family-account", "帮...亮码": "family-account", "共济": "family-aid"})
    assert words.search("我想帮老家的父母亮码") == ("帮老家的父母亮码", "family-account")
    assert words.values("共济和亲情账户") == frozenset({"family-aid", "family-account"})
    assert words.search("帮忙查一下余额") is None


def _one_by_one(words, word_starts=False, within_part=False):
    """The alternation as the words' own patterns tried longest first: what the trie must equal."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return re.compile("|".join(_pattern(w, word_starts, within_part) for w in ordered))


_LETTERS = "ab共济保账户 ."
_WORDS = st.lists(st.text(alphabet=_LETTERS + "…", min_size=1, max_size=5).map(lambda w: w.replace("…", GAP)),
                  min_size=1, max_size=12)


@settings(max_examples=400, deadline=None)
@given(words=_WORDS, text=st.text(alphabet=_LETTERS, max_size=30), word_starts=st.booleans(), within_part=st.booleans())
def test_the_trie_finds_what_trying_each_word_in_turn_finds(words, text, word_starts, within_part):
    words = [w for w in words if w.strip(". ")] or ["共济"]
    folded, listed = alternation(words, word_starts, within_part), _one_by_one(words, word_starts, within_part)
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in listed.finditer(text)]


def test_a_word_named_inside_a_gapped_word_is_what_is_meant():
    words = WordMap({"亲情账户": "family-account", "挂到我...账户": "family-aid", "共济": "family-aid"})
    assert words.values("能先挂到我亲情账户下面吗") == frozenset({"family-account"})
    assert words.values("能挂到我的账户上吗") == frozenset({"family-aid"})
