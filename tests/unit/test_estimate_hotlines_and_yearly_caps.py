"""An estimate that cannot be worked out says where to ask: the city's own sourced line (衢州职工住院: 0570-12393),
else the sourced national line (杭州 or 黑河 as the insurance city: 12333), never a made-up local number; and a
question about the yearly cap (职工门诊一年最多能报多少？) in the middle of an estimate is answered by the FAQ, not
taken for a repeat of what was told. The conversations are tests/dialogues/r68_*."""
import pytest

from bot.domain.estimate.answer_reader import simplified
from tests.unit.conversation import replies as _replies


@pytest.mark.parametrize("case, place", [
    ("帮我算算：我姑妈是杭州的城乡居民医保，在杭州三甲医院住院花了6万", "杭州"),
    ("帮我算算我哥的医保能报多少：他是黑河的职工医保，看门诊，三级医院，花了3000块", "黑河"),
])
async def test_an_insurance_city_whose_rules_we_lack_gets_the_national_line(case, place):
    text = (await _replies(case))[-1]
    assert f"我的资料里没有{place}本地的医保电话" in text and "12333" in text
    assert "0570-12393" not in text  # (not Quzhou's line for another city)


async def test_a_kind_of_care_the_rules_lack_gets_the_citys_own_line():
    text = (await _replies("Please estimate for my mum: retired, Quzhou employee insurance, level 3 hospital in Quzhou, "
                           "50,000 within the catalogue, nothing outside, ordinary family, no Huiqubao",
                           language_code="en"))[-1]
    assert "no reimbursement rules for Hospital stay" in text and "0570-12393" in text


async def test_a_city_with_no_sourced_line_gives_the_national_one_for_what_its_rules_lack():
    text = (await _replies("帮我算一下：我妈衡阳城乡居民医保，在衡阳三级医院住院花了4万5"))[-1]
    assert "资料里没有衡阳" in text and "12333" in text and "0570-12393" not in text


@pytest.mark.parametrize("text", ["职工门诊一年最多能报多少？", "门诊一年最多报多少钱", "What's the most it pays per year?"])
def test_the_yearly_cap_asked_is_a_rule(interview, text):
    assert interview.reader.asks_a_rule(simplified(text))


def test_the_yearly_cap_asked_of_an_amount_is_the_estimates(interview):
    assert not interview.reader.asks_a_rule(simplified("花了5万，一年最多能报多少"))


async def test_the_yearly_cap_asked_mid_estimate_is_answered_and_the_step_asked_again():
    replies = await _replies("帮我算一下门诊能报多少，我是衢州职工医保", "职工门诊一年最多能报多少？")
    assert "8000" in replies[-2] + replies[-1] and "第4步" in replies[-1]
    assert "前面已经记下了" not in replies[-1] + replies[-2]
