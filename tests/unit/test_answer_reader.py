"""Typed answers to each estimate step, read with the vocabulary of interview.yaml.

Driven by tests/eval/estimate_answers.yaml (written before the reader): at least 98% mapped right
and none mapped to a wrong option; re-asking is acceptable, guessing wrong is not.
"""
from decimal import Decimal

import pytest
import yaml

from bot.domain.estimate.interview import AMOUNT_HINTS, AMOUNT_STEPS, HINT_CHOOSE, HINT_HOSPITAL_NAME, HINT_OTHER_CITY, AnswerError, Interview
from bot.domain.estimate.rules import load_rules
from tests.conftest import KNOWLEDGE, ROOT
from tests.eval.score_estimate import answer_expected as expected, answer_outcome

ANSWERS = yaml.safe_load((ROOT / "tests" / "eval" / "estimate_answers.yaml").read_text(encoding="utf-8"))



def typed(name: str, value):
    return Decimal(str(value)) if name in AMOUNT_STEPS else value


def outcome(interview: Interview, case: dict) -> str:
    return answer_outcome(interview, case, ANSWERS["defaults"])


def test_eval_set_is_large_and_covers_every_step():
    steps = {case["step"] for case in ANSWERS["answers"]}
    assert len(ANSWERS["answers"]) >= 150
    assert steps == {"city", "scheme", "care", "level", "in_quzhou", "in_scope", "out_of_list", "special_drug", "hardship", "huiqubao"}


def test_typed_answers_map_right_and_never_to_a_wrong_option(interview):
    right, wrong, reasked = [], [], []
    for case in ANSWERS["answers"]:
        got, want = outcome(interview, case), expected(case)
        if got == want:
            right.append(case)
        elif got == "reask":
            reasked.append((case["text"], want))
        else:
            wrong.append((case["step"], case["text"], want, got))
    assert wrong == [], f"mapped to a wrong option: {wrong}"
    assert len(right) >= 0.98 * len(ANSWERS["answers"]), f"{len(right)}/{len(ANSWERS['answers'])} right; re-asked: {reasked}"


# --- the pieces, one by one ------------------------------------------------------------------------

def step_after(interview, **answers):
    return interview.next_step({name: typed(name, value) for name, value in answers.items()})


IN_QUZHOU = dict(city="quzhou", scheme="resident", care="inpatient", level=3)


@pytest.mark.parametrize(("text", "value"), [("不在衢州", False), ("不在本地", False), ("不是外地", True), ("没有去外地", True),
                                             ("在柯城", True), ("在杭州", False),
                                             ("不在杭州", "reask")])
def test_negation_and_places_at_inside_or_outside(interview, text, value):
    step = step_after(interview, **IN_QUZHOU)
    if value == "reask":  # "not in Hangzhou" does not say where
        with pytest.raises(AnswerError):
            interview.accept(step, text)
    else:
        assert interview.accept(step, text) is value


def test_a_district_names_its_city_and_another_city_is_refused_by_name(interview):
    step = interview.next_step({})
    assert interview.accept(step, "我家在衡南县") == "hengyang"
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, "杭州")
    assert caught.value.hint_msgid == HINT_OTHER_CITY


def test_a_hospital_name_is_not_a_level(interview):
    with pytest.raises(AnswerError) as caught:
        interview.accept(step_after(interview, city="quzhou", scheme="resident", care="inpatient"), "市人民医院")
    assert caught.value.hint_msgid == HINT_HOSPITAL_NAME and not caught.value.may_be_a_question


def test_words_pointing_two_ways_are_asked_again(interview):
    with pytest.raises(AnswerError) as caught:
        interview.accept(step_after(interview, city="quzhou", scheme="resident"), "住院和门诊都有")
    assert caught.value.hint_msgid == HINT_CHOOSE


def test_a_question_is_not_an_answer(interview):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True, in_scope="1000", out_of_list="0", hardship=False)
    assert step.name == "huiqubao"
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, "惠衢保有什么用")
    assert caught.value.reason == "question" and caught.value.may_be_a_question


@pytest.mark.parametrize("text", ["惠衢保到底管什么？我也说不准家里给他买没买", "这个是干嘛的，不清楚有没有"])
def test_a_question_beside_a_doubt_is_a_question_first(interview, text):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True, in_scope="1000", out_of_list="0", hardship=False)
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, text)
    assert caught.value.reason == "question"


def test_a_doubt_alone_still_answers_the_plan_step(interview):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True, in_scope="1000", out_of_list="0", hardship=False)
    interview.accept(step, "不清楚有没有")  # (taken as not joined, with the assumption said)


def test_a_question_about_the_amount_still_answers_the_step(interview):
    assert interview.accept(step_after(interview, city="quzhou", scheme="resident"), "住院能报多少？") == "inpatient"


def test_not_sure_is_an_answer_only_where_the_estimate_has_an_assumption(interview):
    assert interview.accept(step_after(interview, **IN_QUZHOU), "不清楚") is None
    with pytest.raises(AnswerError):
        interview.accept(step_after(interview, city="quzhou", scheme="resident", care="inpatient"), "不清楚")


@pytest.mark.parametrize(("text", "reason"), [("花了10万，其中2万自费", "several"), ("大概一百亿", "too_large"), ("-5", "negative")])
def test_amount_problems_in_sentences(interview, text, reason):
    with pytest.raises(AnswerError) as caught:
        interview.accept(step_after(interview, city="quzhou", scheme="employee", care="outpatient", level=1), text)
    assert caught.value.hint_msgid == AMOUNT_HINTS[reason]


def test_none_is_zero_only_for_the_out_of_list_amount(interview):
    assert interview.accept(step_after(interview, **IN_QUZHOU, in_quzhou=True, in_scope="1000"), "没有") == Decimal(0)
    with pytest.raises(AnswerError):
        interview.accept(step_after(interview, **IN_QUZHOU, in_quzhou=True), "没有")


@pytest.mark.parametrize(("text", "move"), [("不算了", "cancel"), ("那我先不算了吧", "cancel"), ("取消", "cancel"), ("返回", "back"),
                                            ("重新算", "restart"), ("算错了，重新开始", "restart"), ("衢州", None),
                                            ("好 接着算", "go_on"), ("ok, carry on", "go_on"), ("where were we?", "go_on")])
def test_navigation_words(interview, text, move):
    assert interview.navigation(text) == move


def test_the_vocabulary_is_staff_editable(tmp_path):
    """A word added to interview.yaml is understood with no code change."""
    rules = tmp_path / "rules"
    rules.mkdir()
    for path in (KNOWLEDGE / "rules").glob("*.yaml"):
        (rules / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    interview_file = rules / "interview.yaml"
    text = interview_file.read_text(encoding="utf-8")
    interview_file.write_text(text.replace("other_places: [杭州,", "other_places: [三亚, 杭州,"), encoding="utf-8")
    book, problems = load_rules(rules, str)
    assert problems == []
    assert Interview(book).accept(step_after(Interview(book), **IN_QUZHOU), "在三亚住院") is False


def test_the_step_number_is_its_place_on_the_path(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True,
               "out_of_list": Decimal(0), "hardship": False, "huiqubao": True}  # in_scope was removed to change it
    step = interview.next_step(answers)
    assert step.name == "in_scope" and interview.number(answers, step) == 6


def test_settle_sets_aside_an_answer_no_rule_covers(interview):
    answers, aside = interview.settle({"city": "quzhou", "scheme": "employee", "care": "inpatient", "in_scope": Decimal(5)})
    assert aside == {"care": "inpatient"} and answers == {"city": "quzhou", "scheme": "employee", "in_scope": Decimal(5)}
    assert interview.next_step(answers).name == "care"


def test_a_composed_rate_is_explained(interview):
    from bot.domain.estimate.reimburse import estimate

    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1, "in_quzhou": True,
               "in_scope": Decimal(8000), "out_of_list": Decimal(0), "hardship": False, "huiqubao": False}
    result = estimate(interview.request(answers), interview.rules)
    assert interview.rate_parts(result) == {"quzhou/basic/resident/inpatient": ("85", "5")}
    assert interview.rate_parts(estimate(interview.request({**answers, "level": 2}), interview.rules)) == {}


@pytest.mark.parametrize(("step", "text", "value"), [("scheme", "我是退休職工", "employee"), ("huiqubao", "買了", True),
                                                     ("in_quzhou", "不在衢州", False), ("in_scope", "花了兩萬塊", Decimal(20000))])
def test_traditional_characters_are_read_like_simplified(interview, step, text, value):
    context = {name: typed(name, v) for name, v in ANSWERS["defaults"][step].items()}
    assert interview.accept(interview.next_step(context), text) == value


def test_a_place_where_someone_is_insured_does_not_say_where_care_was(interview):
    # 杭州 here is where the wife is insured: no answer to "in Quzhou or outside?"
    with pytest.raises(AnswerError):
        interview.accept(step_after(interview, **IN_QUZHOU), "我老婆在杭州参保，她住院能报多少")
    assert interview.accept(step_after(interview, **IN_QUZHOU), "在杭州住的院") is False


@pytest.mark.parametrize("text", ["那我最后自己要掏多少钱", "大病报了多少", "惠衢保赔了多少", "So how much do I pay myself?",
                                  "how much was paid in total"])
def test_a_question_about_the_result_just_shown(interview, text):
    assert interview.reader.asks_about_the_result(text)


@pytest.mark.parametrize("text", ["惠衢保一年多少钱", "衢州居民住院报销比例", "How much is Huiqubao?"])
def test_other_questions_are_not_about_the_result(interview, text):
    assert not interview.reader.asks_about_the_result(text)


@pytest.mark.parametrize(("text", "value"), [("两万出头，就按两万算吧", "20000.00"), ("一万多吧，按一万五算", "15000.00"),
                                             ("about 20k, call it 20000", "20000.00"), ("两万出头", None)])
def test_a_rough_amount_then_the_figure_to_take_is_that_figure(interview, text, value):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True)
    assert step.name == "in_scope"
    if value is None:  # a rough amount alone is asked again
        with pytest.raises(AnswerError):
            interview.accept(step, text)
    else:
        assert interview.accept(step, text) == Decimal(value)


@pytest.mark.parametrize("text", ["around 20k, a bit more", "more than 20k", "20k+", "over 20,000 yuan", "under 5000",
                                  "20000 or more", "a little over 8000"])
def test_a_rough_amount_in_english_is_asked_again(interview, text):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True)
    with pytest.raises(AnswerError):
        interview.accept(step, text)


@pytest.mark.parametrize(("text", "value"), [("around 20k, a bit more, call it 20500", "20500.00"), ("about 20k", "20000.00"),
                                             ("around 20000", "20000.00")])
def test_a_best_figure_in_english_is_taken(interview, text, value):
    step = step_after(interview, **IN_QUZHOU, in_quzhou=True)
    assert interview.accept(step, text) == Decimal(value)


@pytest.mark.parametrize(("text", "value"), [("no abeg, I no get low-income status", False), ("not on dibao", False),
                                             ("I get low-income status", True)])
def test_an_english_negation_before_have_or_get_negates_the_word(interview, text, value):
    assert interview.reader.choice("yes_no:hardship", text) is value


@pytest.mark.parametrize("text", ["没有没有", "没有没有，都是医保里的", "不是不是"])
def test_an_answer_said_twice_asks_nothing(interview, text):
    # (没有没有 holds 有没有, a question word)
    assert not interview.reader.is_question(text)


@pytest.mark.parametrize(("text", "value"), [("对的", True), ("嗯", True), ("是滴", True), ("没错", True), ("没有没有", False)])
def test_an_old_persons_yes_and_no(interview, text, value):
    assert interview.reader.choice("yes_no:hardship", text) is value


@pytest.mark.parametrize(("text", "value"), [("龙游算市内吗", True), ("柯城的医院算不算市内", True), ("杭州算市内吗", False)])
def test_a_place_asked_of_at_the_in_city_step_is_placed(interview, text, value):
    assert interview.reader.choice("in_city", text, "quzhou") is value


@pytest.mark.parametrize("text, again", [("重新算", True), ("那就重新算吧", True), ("start over", True),
                                         ("起付线几号重新算", False), ("什么时候重新算", False), ("返回", False)])
def test_a_few_words_asking_to_start_again_are_told_from_a_question(interview, text, again):
    assert interview.reader.asks_to_start_again(text) is again


@pytest.mark.parametrize("answers, text, value", [
    ({}, "Quzhuo", "quzhou"), (dict(city="quzhou"), "resdent", "resident"),
    (dict(city="quzhou", scheme="resident"), "hosptial stay", "inpatient"),
    (dict(city="quzhou", scheme="resident", care="inpatient"), "levle 2", 2),
])
def test_english_a_keystroke_from_the_steps_own_words_is_that_answer(interview, answers, text, value):
    assert interview.accept(step_after(interview, **answers), text) == value


def test_an_a_not_a_question_at_a_step_is_a_question_not_its_answer(interview):
    # 那透析的话惠衢保管不管 at "which care": 透析 names no option here, and the message asks something
    assert interview.reader.is_question("那透析的话惠衢保管不管")
