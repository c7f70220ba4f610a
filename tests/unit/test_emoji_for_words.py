"""Emoji that stand for words (住🏥, 👴👵➕到我📱上, 惠衢保一年💰？) read as those words (synonyms.yaml), and a
request to work an amount out said as 算下."""
import pytest

from tests.unit.test_understanding import assert_answers, assert_declines


@pytest.mark.parametrize("typed, read", [
    ("住🏥", "住医院"),
    ("一年💰？", "一年多少钱?"),
    ("👴👵", "爸妈"),
    ("🙏谢谢", "谢谢"),
])
def test_an_emoji_reads_as_its_word(index, typed, read):
    assert index.tools.normalize(typed) == read


@pytest.mark.parametrize("question, entry", [
    ("☎️ 衢州医保的多少", "quzhou/services/hotline"),
    ("惠衢保 每人一年💰？", "huiqubao/premium"),
])
def test_a_question_in_emoji_finds_its_entry(index, question, entry):
    assert_answers(index, question, entry)


def test_an_emoji_of_a_topic_we_lack_is_declined(index):
    assert_declines(index, "补🦷 医保能报吗", "uncovered_topic")


@pytest.mark.parametrize("typed, wants", [("职工医保看门诊，想算下能报多少", True), ("医院结算下来多少钱", False)])
def test_suan_xia_asks_to_work_it_out(interview, typed, wants):
    assert interview.reader.wants_calculation(typed) is wants
