"""Two things weighed in one message across kinds (a product against a scheme, two schemes' figures each named), the
asker told as the relative of the one asked about (我是她儿媳妇), the estimate taken up again after a question, Huiqubao
used outside Quzhou, a bill not settled through basic insurance, and readings that went astray (3+N, 这一期, 惠曲保人).
Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.testing.client import DialogueClient
from tests.unit.shipped import conversation, entries_of, text_of


@pytest.fixture(scope="module")
def index(assistant):
    return assistant.store.current.index


# ---- each side of a comparison ----------------------------------------------------------------------------------------

def test_a_product_and_a_scheme_weighed_get_each_ones_own_answer(index):
    result = index.search("惠衢保跟衢州城乡居民医保，分别一年交多少")
    assert result.compared and entries_of(result) == ["huiqubao/premium", "quzhou/resident/premium"]


def test_two_schemes_each_naming_the_figure_asked_get_each_ones_entry(index):
    result = index.search("衢州职工门诊起付线和居民门诊起付线分别多少")
    assert result.compared and set(entries_of(result)) == {"quzhou/employee/outpatient", "quzhou/resident/outpatient"}


def test_two_products_with_a_city_between_them_are_each_answered(index):
    result = index.search("惠衢保第一项和衢州居民大病保险，是不是都按六成赔")
    assert entries_of(result) == ["huiqubao/cover-self-paid", "quzhou/resident/critical-illness"]


def test_a_comparison_the_knowledge_lacks_on_both_sides_stays_declined(index):
    assert index.search("昭通职工医保跟居民医保报销比例哪个高").outcome == "declined"


def test_each_side_reads_as_asked_of_that_side_alone(index):
    assert index.understanding.each_side(index.read("衢州居民门诊起付线和职工门诊起付线各是多少")) == [
        "衢州居民门诊起付线是多少", "衢州职工门诊起付线是多少"]
    assert index.understanding.each_side(index.read("衢州职工和居民住院报销比例一样吗")) == ["衢州职工住院报销比例", "衢州居民住院报销比例"]
    assert index.understanding.each_side(index.read("我爸和我妈都能买惠衢保吗")) is None  # (no facet parts them)


# ---- the asker told as a relative ------------------------------------------------------------------------------------

def test_the_asker_told_as_her_son_in_law_asks_of_his_mother_in_law(index):
    assert "配偶的父母" in index.read("湘潭的家庭共济，我是她女婿，能用我的账户给她付吗")
    assert index.search("湘潭的家庭共济，我是她女婿，能用我的账户给她付吗").entry.id == "family-aid/xiangtan/who"


def test_a_relation_told_of_someone_else_is_left_as_it_is(index):
    assert index.understanding.as_the_one_asked_about("他是我女婿，能给他用吗") == "他是我女婿，能给他用吗"


# ---- the estimate after a question -----------------------------------------------------------------------------------

async def test_back_to_the_estimate_after_a_question_changes_that_estimate():
    async with DialogueClient(language_code="zh-hans") as chat:
        first = text_of(await chat.send("帮我算：我爸衢州城乡居民医保，在衢州二级医院住院，医保内花了3万，自费药没有，不是低保，没买惠衢保"))
        await chat.send("惠衢保要自己另外买吗")
        again = text_of(await chat.send("回到刚才那笔：要是他买了惠衢保，另外还有目录外的药2万呢"))
    # (30,000 - 500) x 75% = 22,125.00; bought, 20,000 off the list inside Quzhou: (20,000 - 10,000) x 50% = 5,000.00
    assert "22,125.00" in first and "27,125.00" in again


# ---- Huiqubao elsewhere, and a bill not settled through basic insurance ----------------------------------------------

def test_huiqubao_asked_with_care_in_a_city_we_lack_is_its_rule_outside_quzhou(index):
    assert index.search("我在宁波做的手术，惠衢保能赔多少").entry.id == "huiqubao/outside-quzhou"
    assert index.search("惠曲保人在外省住院还管吗").entry.id == "huiqubao/outside-quzhou"


def test_insured_elsewhere_is_still_who_may_join(index):
    assert index.search("外地医保能买惠衢保吗").entry.id == "huiqubao/need-basic-insurance"


def test_a_card_left_at_home_is_huiqubaos_rule_only_when_huiqubao_is_asked(index):
    assert index.search("惠衢保：住院忘带医保卡，全部自己付的，还赔吗").entry.id == "huiqubao/claim-basic-first"
    assert index.search("忘带医保卡能用手机看病吗").entry.id == "quzhou/services/evoucher-where"


# ---- readings ---------------------------------------------------------------------------------------------------------

def test_3_plus_n_is_one_word_and_is_explained(index):
    assert "3+n" in index.read("What does the 3+N you mentioned mean?")
    assert index.search("3+N是什么意思").entry.id == "huiqubao/settlement"
    assert index.search("惠衢保要自己去理赔吗").entry.id == "huiqubao/settlement"  # (still matched by words)


def test_this_round_is_no_hospital(index):
    assert "浙一" not in index.places.with_misheard_names("惠衢保现在这一期的价格", index.understanding)


def test_a_monthly_credit_asks_of_the_personal_account(index):
    assert index.search("衢州退休的每月划775块，是真的吗").entry.id == "quzhou/employee/personal-account-retiree"


def test_a_baby_born_weeks_ago_is_a_newborn(index):
    question = "Our daughter was born a week ago, is there a deadline to get her into Quzhou resident insurance?"
    assert index.search(question).entry.id == "quzhou/resident/newborn"


def test_not_in_any_basic_insurance_does_not_ask_for_basic_insurance(assistant):
    reply = conversation(assistant, "Can my daughter join Huiqubao? She is 5.", "She isn't in any basic medical insurance at all. Can she still join?")
    assert reply.entry.id == "huiqubao/need-basic-insurance"


def test_no_time_to_register_in_an_emergency_is_the_emergency_rule(index):
    assert index.search("衢州的异地就医备案，急诊住院来不及办咋弄").entry.id == "quzhou/remote-care/emergency"


def test_a_cap_asked_after_a_stay_the_entry_never_gives_is_said_to_be_lacking(assistant):
    reply = conversation(assistant, "衢州城乡居民医保，我女儿看门诊也有起付线吗", "那她住院呢", "住院一年最多能报多少？")
    # (the resident inpatient rule says itself that its source gives no yearly cap)
    assert reply.entry is not None and reply.entry.id == "quzhou/resident/inpatient" and "资料没有写住院的年度封顶线" in reply.answer


def test_a_city_asked_and_then_another_swapped_in_gets_each_citys_answer(index):
    result = index.search("黑河共济能绑兄弟姐妹吗，湘潭呢")
    assert result.compared and entries_of(result) == ["family-aid/heihe/who", "family-aid/xiangtan/who"]


def test_paying_a_relatives_premium_from_the_shared_account_is_that_citys_own_entry(index):
    assert index.search("昭通的 家庭共济的钱能给我爸交医保吗").entry.id == "family-aid/zhaotong/premium"
    # (a city named only as the measure, 昭通都行, lends none of its facts to the city asked of)
    assert index.search("衡阳的共济账户能不能给家人交居民医保？昭通都行，衡阳不会不行吧").outcome == "declined"
