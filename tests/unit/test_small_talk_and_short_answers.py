"""Greetings and thanks sent alone, one-character answers at an estimate step, the insured phrase
in every language, and 大病保险 applied to 城乡居民 住院 only (reimbursement-model.md, step 3)."""
from decimal import Decimal

import pytest

from bot.domain.estimate.interview import AnswerError, Interview
from bot.domain.estimate.reimburse import EstimateRequest, estimate
from bot.domain.knowledge.schema import SmallTalk
from bot.testing.client import DialogueClient
from tests.conftest import KNOWLEDGE
from tests.unit.shipped import text_of
import yaml

D = Decimal


@pytest.fixture(scope="module")
def small_talk():
    topics = yaml.safe_load((KNOWLEDGE / "topics.yaml").read_text(encoding="utf-8"))
    return SmallTalk.model_validate(topics["small_talk"])


# ---- greetings and thanks -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["你好", "您好！", "在吗", "在吗？", "hello", "Hello!", "Hi", "早上好，在吗"])
def test_a_greeting_alone_is_a_greeting(small_talk, text):
    assert small_talk.kind(text) == "greeting"


@pytest.mark.parametrize("text", ["谢谢", "谢谢你", "好的谢谢", "好的，谢谢！", "多谢", "thanks", "Thank you.", "ok thanks", "你好，谢谢"])
def test_thanks_alone_is_thanks(small_talk, text):
    assert small_talk.kind(text) == "thanks"


@pytest.mark.parametrize("text", ["你好，我想问惠衢保多少钱", "谢谢，惠衢保多少钱", "this", "hi there", "一个月", ""])
def test_a_question_is_no_small_talk(small_talk, text):
    assert small_talk.kind(text) is None


@pytest.mark.parametrize("text", ["好的", "好", "嗯", "嗯嗯", "知道了", "ok"])
def test_a_bare_ok_is_an_acknowledgement(small_talk, text):
    # outside an estimate it gets a short friendly line (not another entry's answer); inside one it answers a step
    assert small_talk.kind(text) == "along"


async def test_an_acknowledgement_after_an_answer_gets_a_friendly_line_and_answers_a_step_in_an_estimate():
    async with DialogueClient() as chat:
        await chat.send("惠衢保一年多少钱")
        reply = await chat.send("嗯")
        assert "还有什么想问的" in reply[-1].text and "惠衢保" not in reply[-1].text
        await chat.send("帮我算一下，衢州城乡居民医保，住院，一级医院")
        reply = await chat.send("嗯")  # 是否在衢州市内: yes
        assert "市内" in " ".join(r.text for r in reply) and "还有什么想问的" not in " ".join(r.text for r in reply)


async def test_greeting_and_thanks_outside_an_estimate_get_a_friendly_reply():
    async with DialogueClient() as chat:
        greeting = await chat.send("你好")
        assert "医保小助手" in text_of(greeting) and "抱歉" not in text_of(greeting)
        assert "🧮 报销估算" in greeting[-1].labels
        thanks = text_of(await chat.send("好的谢谢"))
        assert "不客气" in thanks and "12333" not in thanks


async def test_greeting_and_thanks_in_the_residents_language():
    async with DialogueClient(language_code="zh-hant") as chat:
        assert "不客氣" in text_of(await chat.send("謝謝"))
        assert "醫保小助手" in text_of(await chat.send("你好"))
    async with DialogueClient(language_code="en") as chat:
        assert "welcome" in text_of(await chat.send("thanks"))
        assert "Estimate reimbursement" in " ".join((await chat.send("hello"))[-1].labels)


async def test_greeting_and_thanks_inside_an_estimate_keep_the_step():
    async with DialogueClient() as chat:
        await chat.send("算报销")
        await chat.send("衡阳")
        replies = await chat.send("你好")
        text = text_of(replies)
        assert "抱歉" not in text and "没看懂" not in text
        assert "哪种医保" in text  # the pending step, asked again
        replies = await chat.send("谢谢")
        assert "不客气" in text_of(replies) and "哪种医保" in text_of(replies)
        assert "哪一类费用" in text_of(await chat.send("职工"))  # the estimate went on from where it was


# ---- one-character answers ------------------------------------------------------------------

def walk(interview: Interview, answers: dict, step_name: str):
    answers = dict(answers)
    step = interview.next_step(answers)
    assert step is not None and step.name == step_name, step
    return step


@pytest.mark.parametrize(("answers", "step_name", "typed", "value"), [
    ({}, "city", "衢", "quzhou"),
    ({}, "city", "衡", "hengyang"),
    ({"city": "quzhou"}, "scheme", "居", "resident"),
    ({"city": "quzhou"}, "scheme", "职", "employee"),
    ({"city": "quzhou", "scheme": "resident"}, "care", "住", "inpatient"),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "level", "一", 1),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "level", "三", 3),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1}, "in_quzhou", "内", True),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1}, "in_quzhou", "外", False),
])
def test_one_character_of_one_button_answers(interview, answers, step_name, typed, value):
    assert interview.accept(walk(interview, answers, step_name), typed) == value


@pytest.mark.parametrize(("answers", "step_name", "typed"), [
    ({"city": "quzhou", "scheme": "resident"}, "care", "门"),   # 普通门诊, 门诊慢性病, 门诊特殊病种
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "level", "院"),  # every level's label
    ({"city": "quzhou"}, "scheme", "保"),                           # 职工医保 and 城乡居民医保
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "level", "级"),
    ({"city": "quzhou", "scheme": "resident", "care": "inpatient"}, "level", "一个月"),  # never inside a sentence
])
def test_one_character_of_several_buttons_or_inside_a_sentence_is_asked_again(interview, answers, step_name, typed):
    with pytest.raises(AnswerError):
        interview.accept(walk(interview, answers, step_name), typed)


# ---- the insured phrase ---------------------------------------------------------------------

async def test_english_joins_city_and_scheme_with_a_space():
    async with DialogueClient(language_code="en") as chat:
        await chat.send("/estimate")
        await chat.press("Hengyang")
        text = text_of(await chat.press("Employee"))
        assert "Hengyang Employee medical insurance" in text and "HengyangEmployee" not in text


async def test_english_result_names_the_missing_rule_with_spaces():
    async with DialogueClient(language_code="en") as chat:
        await chat.send("/estimate")
        for label in ("Quzhou", "Employee"):
            await chat.press(label)
        text = text_of(await chat.send("hospital stay"))
        assert "QuzhouEmployee" not in text and "Quzhou Employee medical insurance" in text


# ---- 大病保险: 城乡居民 住院 only ------------------------------------------------------------

def test_resident_outpatient_gets_no_critical_illness_and_says_so(rules):
    result = estimate(EstimateRequest("quzhou", "resident", "outpatient", level=1, in_scope=D(50000)), rules)
    assert result.critical_illness in (None, D("0.00"))
    assert result.reimbursed == D("4000.00") and result.out_of_pocket == D("46000.00")
    assert [item.value for item in result.assumptions if item.code == "critical_illness_not_for_care"] == ["住院"]
    assert result.missing_rules == ()


def test_resident_inpatient_still_gets_critical_illness(rules):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D(100000), out_of_list=D(20000))
    result = estimate(request, rules)
    assert result.critical_illness == D("12273.00")  # E1
    assert "critical_illness_cares_not_in_source" in [item.code for item in result.assumptions]


def test_resident_outpatient_dialogue_does_not_ask_hardship(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "outpatient", "level": 1, "in_scope": D(10000)}
    assert interview.next_step(answers) is None
    inpatient = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 1, "in_quzhou": True,
                 "in_scope": D(8000), "out_of_list": D(0)}
    assert interview.next_step(inpatient).name == "hardship"


def test_a_question_with_our_words_in_pinyin_letters_is_chinese():
    from bot.domain.assistant import Assistant
    from bot.testing.client import shared_store
    from tests.conftest import KNOWLEDGE

    assistant = Assistant(shared_store(KNOWLEDGE))
    assert assistant.language_of("qinqing zhanghu 在哪开") == "zh"
    assert assistant.language_of("xiangtan gongji zenme bangding") == "zh"
    assert assistant.language_of("What is Huiqubao?") == "en"
