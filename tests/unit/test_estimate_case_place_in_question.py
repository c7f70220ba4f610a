"""A whole case asked as one question (衢州居民在外地住院5万能报多少): the place of care said before the
amount asked is read (市外 is not asked again), while a clause asking about the place fills nothing
(the conversation is tests/dialogues/estimate_place_of_care_in_an_amount_question.yaml)."""
import pytest




@pytest.mark.parametrize("text, inside", [
    ("衢州居民在外地住院5万能报多少", False),
    ("在杭州住院花了3万衢州居民能报多少", False),
    ("我是衢州居民 在上海住院8万 报多少", False),
    ("衢州居民在杭州看病花了2万能报多少", False),
    ("衢州居民去上海做手术花了10万自己出多少", False),
    ("衢州居民在衢州三级医院住院10万能报多少", True),
])
def test_a_place_of_care_said_before_the_amount_asked_is_read(interview, text, inside):
    case = interview.cases.read(text)
    assert case.answers["city"] == "quzhou"  # 衢州居民 still names the insurance
    assert case.answers["in_quzhou"] is inside


@pytest.mark.parametrize("text", [
    "能在外地看吗？",
    "在衢州能报吗？",
    "衢州居民在外地住院能报吗",  # asks whether, not how much: nothing of the case is taken from the question
    "衢州居民能在外地住院吗 5万",
    "衢州居民住院5万在衢州能报多少",  # 在衢州 with no care said after it: where it is asked to be paid
    "衢州居民在哪住院5万能报多少",  # the place is asked
])
def test_a_clause_asking_about_the_place_fills_nothing(interview, text):
    assert "in_quzhou" not in interview.cases.read(text).answers


def test_an_insurance_city_the_rules_lack_is_still_no_place_of_care(interview):
    case = interview.cases.read("我在杭州参保在衢州住院5万能报多少")
    assert case.elsewhere == "杭州" and "city" not in case.answers


def test_a_stay_of_a_few_days_in_another_city_is_care_outside(interview):
    # 住了几天院: 几 counts; the city named is where care was
    assert interview.cases.read("前阵子在杭州一家一级医院住了几天院").answers.get("in_quzhou") is False


def test_the_city_named_with_the_insurance_is_the_one_insured_in_not_where_care_was(interview):
    case = interview.cases.read("我医保是衡阳的，职工医保，这次在衢州住院花了3万")
    assert case.answers.get("city") == "hengyang"
