from bot.domain.questions.wordmatch import alternation


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
