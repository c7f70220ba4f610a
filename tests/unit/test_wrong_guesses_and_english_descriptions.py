"""A thing of ours guessed to be something it is not (封顶线就是医院的挂号费用吧), and long-term nursing insurance
named in English."""
import pytest

from tests.unit.test_understanding import assert_answers, assert_declines


@pytest.mark.parametrize("question, entry", [
    ("封顶线就是医院的挂号费用吧", "terms/cap"),  # (就是, which reading drops as a filler)
    ("衢州城乡居民门诊一年4000那个，是不是看病前交的押金", "quzhou/resident/outpatient"),
])
def test_a_wrong_guess_at_what_a_thing_of_ours_is_answers_what_it_is(index, question, entry):
    assert_answers(index, question, entry)


@pytest.mark.parametrize("question, reason", [
    ("衡阳普通门诊是不是得先签约一家定点医院", None),  # a rule asked, not a kind of thing guessed
    ("亲情账户……说错了，是支付宝的亲情卡，怎么开", "uncovered_topic"),  # corrected: the neighbour is meant
    ("亲情号是不是电信的套餐？想给我爸开一个亲情号", "uncovered_topic"),  # the guessed thing is what is wanted
])
def test_what_is_no_guess_keeps_its_own_reading(index, question, reason):
    reader = index.reader
    assert reader.without_a_wrong_guess(question, set()) is None
    if reason:
        assert_declines(index, question, reason)


def test_a_guess_the_message_was_not_declined_for_is_left_alone(index):
    # 押金 is a guess, but with nothing lacking and no topic of its own it leaves the reading as it is
    question = "衢州城乡居民门诊一年4000那个，是不是看病前交的押金"
    assert index.reader.without_a_wrong_guess(question, set()) is None
    assert index.reader.without_a_wrong_guess(question, index.understanding.asks("押金")) is not None


def test_long_term_nursing_insurance_in_english_is_no_subject_of_ours(index):
    assert_declines(index, "does quzhou run a nursing care insurance for old people who cannot look after themselves", "uncovered_topic")
