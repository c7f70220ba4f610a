"""Two of our products asked apart (亲情账户跟家庭共济有什么区别, are they the same thing?): no entry compares
them, so what each one is answers the question, one after the other."""
import pytest


@pytest.mark.parametrize("question", [
    "亲情账户跟家庭共济到底哪里不一样",
    "亲情账户和家庭共济是一回事吗",
    "Family account versus family mutual aid: are they the same thing?",
])
def test_what_each_product_is_tells_them_apart(index, question):
    result = index.search(question)
    assert result.outcome == "answered" and result.compared
    assert {entry.id for entry in [result.entry, *result.also_asked]} == {"family-account/what", "family-aid/national/what"}


def test_an_entry_that_says_how_two_products_relate_still_answers_alone(index):
    # the entry on what 惠衢保 is says it pays after basic insurance: that is the difference asked
    result = index.search("惠衢保和基本医保有什么区别")
    assert result.outcome == "answered" and result.entry.id == "huiqubao/what" and not result.also_asked
