"""Long spoken cases as residents tell them, and what they ask of the result (held-out round 39)."""
from decimal import Decimal

import pytest

from bot.domain.estimate.amounts import parse_amount
from bot.domain.estimate.reimburse import EstimateRequest, estimate
from bot.views.estimate_presenter import EstimatePresenter
from bot.views.render import Renderer
from tests.conftest import ROOT


@pytest.mark.parametrize(("text", "value"), [("thirty two thousand yuan", "32000.00"), ("eight thousand five hundred", "8500.00"),
                                             ("one hundred and five thousand", "105000.00")])
def test_an_amount_in_english_words_is_read(text, value):
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize(("text", "told"), [
    # 住了十几天: 几 counts days, it asks nothing; the hospital named with the city is care in the city
    ("我妈在衢州市人民医院住了十几天院，三级医院", {"care": "inpatient", "in_quzhou": True, "level": 3}),
    ("她是城乡居民，没低保没惠衢保", {"scheme": "resident", "hardship": False, "huiqubao": False}),
    ("she was in Quzhou People's Hospital, the in-scope cost was thirty two thousand yuan",
     {"care": "inpatient", "in_scope": Decimal("32000.00")}),
    ("she stayed in a township health centre in Quzhou", {"care": "inpatient", "level": 1}),
])
def test_what_a_spoken_case_tells(interview, text, told):
    answers = interview.cases.read(text).answers
    assert {name: answers.get(name) for name in told} == told, answers


def test_a_place_we_lack_is_named_as_typed_in_english(interview):
    case = interview.cases.read("my mother is insured in Ningbo under the resident scheme, level 3 hospital, 60,000 yuan")
    assert case.elsewhere == "Ningbo"


def test_a_plan_joined_that_pays_nothing_still_says_why(interview):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=2, in_quzhou=True, in_scope=Decimal(8500),
                              out_of_list=Decimal(0), hardship=False, huiqubao=True)
    text = EstimatePresenter(Renderer(ROOT / "locales")).result(estimate(request, interview.rules), "zh", html=False).text
    assert "惠衢保 责任一 自付医疗费用：0.00元" in text and "这次自付没有超过起付线，这一项不赔" in text
    assert "这次没有目录外药品费用，这一项不赔" in text and "惠衢保合计" not in text


def test_drugs_outside_the_catalogue_are_said_to_be_unpaid_by_basic_insurance(interview):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=Decimal(20000),
                              out_of_list=Decimal(30000), hardship=False, huiqubao=False)
    text = EstimatePresenter(Renderer(ROOT / "locales")).result(estimate(request, interview.rules), "zh", html=False).text
    assert "目录外药品费用 30,000.00元：基本医保和大病保险都不报" in text
