"""Loosely worded questions that name the city and the product (or a product that names its city) are answered by
that city's entry the words lead to, unless a neighbour's topic or a place we lack is named; whose card a relative
uses; dialect asks; neighbouring topics declined by name; what the knowledge never says (someone else liable, a
binding that lapses) declined as lacking. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered, lacking_asks


@pytest.mark.parametrize("question, entry", [
    ("绑了共济以后我爸去医院，结账时递他的卡还是我的卡", "family-aid/national/impersonation"),
    ("黑河，共济绑好了，孩子他奶奶买药拿自己的卡还是拿我的", "family-aid/heihe/pay"),
])
def test_whose_card_a_relative_uses_is_answered(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("衡阳上班的，共济最多可以挂几个亲属", "family-aid/hengyang/limits"),
    ("昭通共济 我弟弟能不能沾光用我的", "family-aid/zhaotong/who"),
    ("惠衢保 看病时候要我先掏钱垫上吗", "huiqubao/settlement"),
])
def test_the_named_city_and_product_lead_to_their_entry(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "在杭州上班，杭州的惠民保跟惠衢保比哪个划算",  # another city's product beside ours
    "衡阳共济，顺便问下衡阳的公积金贷款怎么办",  # a neighbour's topic beside ours
])
def test_a_named_lead_never_answers_a_neighbour_or_a_place_we_lack(index, question):
    assert answered(index, question) is None


@pytest.mark.parametrize("question, entry", [
    ("惠衢保一年要交好多", "huiqubao/premium"),
    ("帮我表舅买惠衢保中不中", "huiqubao/buy-for-others"),
])
def test_dialect_asks_read_as_mandarin(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "孩子学校推荐的学平险值不值得买",
    "our kid's school sells student accident insurance, is it worth it",
    "How do I extend my residence permit in Hengyang?",
    "衢州哪家医院看儿科最好",
    "which hospital in Xiangtan has the best heart surgeon",
    "国家医保服务平台上怎么查药价",
    "Can I withdraw my housing accumulation fund to pay a hospital bill in Zhaotong?",
])
def test_neighbouring_topics_are_declined(index, question):
    assert answered(index, question) is None


@pytest.mark.parametrize("question, ask", [
    ("骑车被人撞了，对方全责，惠衢保还赔不赔我", "别人有责任时怎么赔（第三方责任）"),
    ("孩子满16岁了，绑的亲情账户是不是就失效了", "绑定到期或失效"),
])
def test_what_the_knowledge_never_says_is_declined_as_lacking(index, question, ask):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge", result
    assert ask in lacking_asks(index, result) or ask is None


@pytest.mark.parametrize("question", ["亲情账户加家人是在哪个菜单", "亲情账户添加家人的按钮在哪里"])
def test_where_in_the_app_to_add_a_relative_gets_the_steps(index, question):
    assert answered(index, question) == "family-account/add-member-path"


def test_where_to_tap_for_a_balance_is_not_taken_for_adding_a_relative(index):
    assert answered(index, "微信里查医保余额是点哪里") == "family-aid/national/balance-wechat"
