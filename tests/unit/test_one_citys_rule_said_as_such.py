"""A rule only one city's knowledge has, asked with no city named or chosen (住院报销比例是多少), is answered as that
city's, said so first: rules differ from place to place. Not when the question names the city, its own product (惠衢保)
or its own app (浙里办), nor when the resident chose a city. Through the real dispatcher."""
import pytest

from bot.testing.client import DialogueClient

SAID = "您没有说是哪个城市"


async def _last_reply(*messages: str, language_code: str = "zh-hans") -> str:
    async with DialogueClient(language_code=language_code) as chat:
        for message in messages:
            await chat.send(message)
        assert not chat.errors
        return chat.history[-1].text


@pytest.mark.parametrize("question", ["住院报销比例是多少", "我们这儿医保局电话多少"])
async def test_a_rule_asked_of_no_city_is_said_to_be_one_citys(question):
    text = await _last_reply(question)
    assert SAID in text and "资料里只有衢州的这一项" in text


async def test_in_english_too():
    text = await _last_reply("what are the inpatient rates for resident insurance", language_code="en")
    assert "You did not say which city" in text and "65%" in text


@pytest.mark.parametrize("question", ["衢州住院报销比例是多少", "惠衢保一年多少钱", "浙里办上异地就医备案怎么弄"])
async def test_not_when_the_question_says_where(question):
    assert SAID not in await _last_reply(question)


async def test_not_when_the_resident_chose_a_city():
    async with DialogueClient() as chat:
        await chat.send("/city")
        await chat.press("衢州")
        await chat.send("住院报销比例是多少")
        assert SAID not in chat.history[-1].text and "65%" in chat.history[-1].text
