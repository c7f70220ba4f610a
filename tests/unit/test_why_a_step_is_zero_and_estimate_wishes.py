"""After a result, why a step paid nothing (为什么第二步是0, why is step 3 zero?) shows the result again, whose steps
say why (自付没有超过大病保险起付线 15,000.00元); 看看能报多少钱 asks for the resident's own amount and starts the
estimate; a wish to know what comes back that the FAQ has nothing for (我看病花了钱能退多少钱) starts it too,
instead of "I don't know". The conversations are tests/dialogues/r69_*."""
import pytest

from bot.domain.estimate.answer_reader import simplified
from tests.unit.conversation import replies as _replies

_CASE = "帮我算算：我爸衢州城乡居民医保，在衢州二级医院住院，医保范围内2万，没有目录外的，不是低保，没买惠衢保"


@pytest.mark.parametrize("text", [
    "为什么第二步大病保险是0？", "为啥大病和惠衢保都是0", "大病保险那一步怎么是0", "Why is step 2 zero?",
    "為什麼第二步是0？",
])
def test_why_a_step_paid_nothing_asks_about_the_result(interview, text):
    assert interview.reader.asks_about_the_result(simplified(text))
    assert interview.reader.asks_why(simplified(text))


@pytest.mark.parametrize("text", ["大病保险怎么报", "为什么要交大病保险"])
def test_a_rule_asked_is_no_question_about_the_result(interview, text):
    assert not interview.reader.asks_about_the_result(simplified(text))


async def test_why_a_step_is_zero_shows_the_result_again_with_the_threshold():
    *_, result, why = await _replies(_CASE, "为什么第二步大病保险是0？")
    # (20,000 - 500) x 75% = 14,625.00; own share 5,375.00 is under the 15,000.00 threshold
    assert "14,625.00" in result and "14,625.00" in why and "15,000.00" in why
    assert "一般参保人报销60%" not in why  # (not the FAQ's critical-illness answer instead of the case)


@pytest.mark.parametrize("text", ["帮我看看能报多少钱", "我老伴住院了，想看看能报多少", "看一下能报多少"])
def test_seeing_what_comes_back_is_a_wish_to_calculate(interview, text):
    assert interview.reader.wants_calculation(simplified(text))


async def test_a_stay_told_with_a_wish_to_see_the_amount_starts_the_estimate():
    text = (await _replies("我老伴住院了，看看能报多少钱"))[-1]
    assert "第1步" in text and "报销比例" not in text  # (the estimate, not the FAQ's rates)


async def test_a_wish_to_know_what_comes_back_that_the_faq_lacks_starts_the_estimate():
    text = (await _replies("我看病花了钱能退多少钱"))[-1]
    assert "第1步" in text and "不会回答" not in text


async def test_a_rate_asked_without_an_amount_is_still_the_faqs():
    text = (await _replies("衢州居民住院能报多少钱"))[-1]
    assert "第1步" not in text and "85%" in text
