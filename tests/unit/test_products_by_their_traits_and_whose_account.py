"""Residents name 惠衢保 by its city (衢州的补充险, 一年百元的衢州保险), tell who they are before asking for more
(我是军转干部…比一般的多), and ask of family aid whose account is another city's: each read as meant."""
import pytest

from tests.unit.shipped import answered


@pytest.mark.parametrize(("question", "entry_id"), [
    ("衢州的补充保险多少钱一年", "huiqubao/premium"),  # the city's only plan so called
    ("衢州补充医疗保险怎么买", "huiqubao/channels"),
    ("衢州那个补充险里20种贵药那块，我在金华的药房买的能报吗", "huiqubao/cover-special-drugs"),
    ("一百块那个衢州保险，要是在杭州住院用了目录外的药，是全额算进去吗", "huiqubao/cover-out-of-catalogue"),  # the city before a trait's plan
    ("衢州那个保险每一项最高赔一百万对吧", "huiqubao/cover-overview"),  # a plan pointed at, after its city…
    ("在微信里一个叫邻什么通的小程序买的那个衢州保险，进去点哪里", "huiqubao/channel-linlitong"),  # …or before it
])
def test_quzhous_own_plan_named_by_its_city_is_huiqubao(index, question, entry_id):
    assert answered(index, question) == entry_id


@pytest.mark.parametrize("question", [
    "网上几百块钱就能保几百万的那种医疗险，值不值得给爸妈买",  # 几百块 is no trait of ours
    "楼上王婶前年买了一份百万医疗险，这次住院花了五万，她要怎么找保险公司理赔？",  # 保险公司 names no plan of ours
    "衢州那个养老保险怎么交",  # a plan named, not pointed at
])
def test_a_commercial_plan_is_not_taken_for_ours(index, question):
    assert index.search(question).outcome == "declined"


@pytest.mark.parametrize("question", [
    "我是军转干部，在衢州退休了，个人账户划入是不是比一般退休的多",  # who they are told before the ask
    "特困人员在衢州住院，起付线是不是给免了",
    "衡阳有没有残疾人看门诊免起付线的政策",
    "I'm a disabled resident insured in Quzhou. Do disabled people get a higher reimbursement rate for hospital stays?",
])
def test_a_group_asking_for_more_than_the_rule_for_everyone_is_told_it_is_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


def test_the_group_an_entry_names_is_answered(index):
    assert answered(index, "衢州低保户大病保险能多报吗") == "quzhou/resident/critical-illness-hardship"


def test_family_aid_of_an_account_in_a_city_we_lack_is_declined(index):
    result = index.search("我在上海交职工医保，上海的个人账户家庭共济能绑在衡阳参保的爸妈吗")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"


@pytest.mark.parametrize("question", [
    "我湘潭职工，能给衡阳的我妈用共济吗",  # 衡阳 is where the mother is, not the city asked of
    "我婆婆在湘潭交医保，我老公在株洲交职工医保，他的账户能给他妈共济吗",  # (Xiangtan's rule: both insured there)
])
def test_family_aid_asked_across_cities_gets_the_rule_that_decides(index, question):
    assert answered(index, question) == "family-aid/xiangtan/who"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("衢州那个医保报完再补一刀的保险，浙里办里面一层一层怎么点进去", "huiqubao/channel-zheliban"),  # told by what it does
    ("衢州那个一人一份、老人小孩价钱都一样的补充险，一年交几个钱", "huiqubao/premium"),
])
def test_huiqubao_told_by_what_it_does_is_named(index, question, entry_id):
    assert answered(index, question) == entry_id


@pytest.mark.parametrize(("question", "subject"), [
    ("我是北京退休的跟女儿住衢州北京医保备案怎么弄", "北京"),  # run-on: registering is Beijing's rule, Quzhou is only lived in
])
def test_registering_care_elsewhere_of_a_city_we_lack_is_declined(index, question, subject):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place" and result.subject == subject


def test_the_retirement_age_is_a_neighbour(index):
    result = index.search("我到底要多少岁才能退休，延迟退休是怎么算的？")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"
