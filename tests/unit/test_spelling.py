"""English misspellings of our words are read as the words; real words and short ones are left alone."""
import pytest

from bot.domain.questions.spelling import EnglishSpelling

WORDS = {"insurance", "family", "resident", "outpatient", "account", "chronic", "relatives", "hospital", "share", "stare"}


@pytest.mark.parametrize("typed, meant", [
    ("insurence", "insurance"), ("familly", "family"), ("resdent", "resident"), ("outpatiant", "outpatient"),
    ("acount", "account"), ("cronic", "chronic"), ("relatves", "relatives"), ("hospitol", "hospital"),
])
def test_a_misspelling_of_one_of_our_words_is_read_as_it(typed, meant):
    assert EnglishSpelling(WORDS).word(typed) == meant


@pytest.mark.parametrize("typed", [
    "snow",  # short: too often another real word
    "weather",  # far from every word of ours
    "spare",  # one edit from two words of ours (share, stare): no guess
])
def test_short_far_or_ambiguous_words_are_left_as_typed(typed):
    assert EnglishSpelling(WORDS).word(typed) == typed


def test_a_sentence_keeps_its_other_words():
    assert EnglishSpelling(WORDS).correct("my familly insurence, pls") == "my family insurance, pls"


def test_a_real_word_near_one_of_ours_that_is_no_listed_term_stays():
    # pills is one edit from bills, but bills is no word a misspelling should be read as
    assert EnglishSpelling({"bills", "pills", "insurance"}, targets={"insurance"}).word("pills") == "pills"
    assert EnglishSpelling({"bills", "insurance"}, targets={"insurance"}).word("pilss") == "pilss"



def test_a_word_as_near_as_a_shorter_form_of_itself_is_still_read():
    # relativs is one edit from relative and from relatives; personl from personal and from person (not listed)
    spelling = EnglishSpelling({"relative", "relatives", "person", "personal", "account", "amount"},
                               targets={"relative", "relatives", "personal", "account"})
    assert (spelling.word("relativs"), spelling.word("personl")) == ("relative", "personal")
    spelling = EnglishSpelling({"person", "persons", "personal"}, targets={"personal"})
    assert spelling.word("personl") == "personal"  # …nor persons, the plural of person


def test_of_two_words_as_near_the_one_a_thumb_slips_to_is_read():
    spelling = EnglishSpelling({"account", "amount", "share", "stare"}, targets={"account", "share", "stare"})
    assert spelling.word("acount") == "account"  # a doubled letter typed once, not m for c
    assert spelling.word("spare") == "spare"  # share or stare: h and t are both far from p; no guess
