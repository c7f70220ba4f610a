"""The national number named as what it is; how the assistant answers, asked of it; who may join a plan despite an
illness, and what the knowledge lacks for groups it never names (veterans, students, no ID card, a passport); one
relative bound by two people; a household registered elsewhere; a city of ours named only as where care is, in a
question and in an estimate's "what if"; a neighbour's insurance claimed together with ours. Run on the shipped
knowledge."""
from __future__ import annotations

import pytest

from tests.unit.conversation import answer_to_last
from tests.unit.shipped import answered, conversation, lacking_asks


# ---- the national number ----------------------------------------------------------------------------------------------

async def test_a_decline_names_12333_as_the_national_hotline_the_sources_give_not_a_medical_insurance_line():
    text = await answer_to_last("宠物保险怎么买")
    assert "资料里给出的全国统一客服热线 12333" in text and "参保地" in text
    assert "全国医保服务热线" not in text and "医保客服热线" not in text


async def test_a_city_without_its_own_number_gets_the_national_one_by_the_same_name():
    text = await answer_to_last("黑河的城乡居民医保一年交多少钱")
    assert "全国统一客服热线 12333" in text and "医保客服热线" not in text


async def test_in_english_it_is_the_national_hotline_the_sources_give():
    text = await answer_to_last("pet insurance?", language_code="en")
    assert "national hotline my sources give, 12333" in text and "medical insurance hotline" not in text


# ---- asked of the assistant itself ------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["你这资料是哪年的", "你说的准不准啊", "你是机器人吗"])
def test_asked_of_the_assistant_it_says_how_it_answers(assistant, question):
    reply = assistant.ask(question, "zh")
    assert reply.decline_reason == "about_the_assistant"


async def test_the_reply_on_how_it_answers_lists_its_sources_with_their_years():
    text = await answer_to_last("你这资料是哪年的")
    assert "医保小助手" in text and "2021年" in text and "2025年" in text and "正式结算为准" in text
    assert "抱歉" not in text


async def test_asked_in_a_citys_talk_it_lists_that_citys_sources_only():
    text = await answer_to_last("衢州的资料是哪年的")
    assert "惠衢保" in text and "黑河" not in text and "0570-12393" in text


async def test_asked_in_english_it_answers_in_english():
    text = await answer_to_last("are your answers up to date?", language_code="en")
    assert "2025" in text and "official settlement" in text


async def test_asked_in_the_middle_of_an_estimate_the_step_stays():
    text = await answer_to_last("我奶奶在柯城区的社区医院住的院，她是衢州城乡居民，想估算下能报多少", "先问一下，你这个算得准吗？跟医院最后结算的会不会不一样")
    assert "正式结算为准" in text and "第6步" in text and "没看懂" not in text


def test_a_real_question_beside_it_is_answered(index):
    assert answered(index, "惠衢保一年多少钱啊，你这资料是哪年的") == "huiqubao/premium"


# ---- who may join, and groups the knowledge never names ----------------------------------------------------------------

@pytest.mark.parametrize("question", ["上个月刚做完心脏搭桥，现在投惠衢保还要不要我", "做过心脏支架 惠衢保能投不",
                                      "What if I get cancer next year: could I still sign up for Huiqubao with that illness?",
                                      "外地户口在衢州厂里交的职工医保，惠衢保我有资格吗"])
def test_who_may_join_answers_an_illness_or_a_right_to_join(index, question):
    assert answered(index, question) == "huiqubao/who-can-join"


def test_a_plan_asked_of_by_age_alone_is_still_who_may_join(index):
    assert answered(index, "奶奶今年92了 惠衢保让不让买") == "huiqubao/who-can-join"


@pytest.mark.parametrize("question", ["退役军人参加惠衢保有啥优待政策没", "衡阳退役军人共济绑定人数有没有多给名额",
                                      "持残疾证的在衢州参居民医保，个人那部分可以不交吗", "大学生参加衢州居民医保个人也是交440吗"])
def test_more_for_a_group_the_knowledge_never_names_is_said_to_be_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


def test_the_most_asked_of_is_no_more_for_a_group(index):
    assert answered(index, "退伍军人，现在交职工医保，个人账户里的钱能给我爸妈和老婆买惠衢保吗，最多给几个人买") == "huiqubao/buy-for-family"


@pytest.mark.parametrize("question", ["爷爷没有身份证，黑河家庭共济能绑他吗", "家里老人没身份证也没医保卡，衡阳共济结算时拿什么"])
def test_someone_without_an_id_card_is_said_to_be_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and lacking_asks(index, result) == ["没有身份证的人"]


def test_a_passport_asked_of_is_said_to_be_lacking(index):
    result = index.search("外籍配偶在衢州参了居民医保的话，惠衢保投保页面能用护照吗")
    assert result.outcome == "declined" and lacking_asks(index, result) == ["护照（外籍人士的证件）"]


def test_a_passport_only_told_asks_nothing(index):
    question = ("Our daughter was born at a hospital in Quzhou in October, and we have been busy with her passport paperwork. "
                "Is there a deadline for enrolling her in resident insurance if we want her covered from the day she was born?")
    assert answered(index, question) == "quzhou/resident/newborn"


def test_costs_from_before_joining_are_said_to_be_lacking(index):
    result = index.search("投保前就已经做完的手术，那笔钱惠衢保还能追溯赔吗")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


# ---- one relative bound by two ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [("如果我爸同时被我和我弟都绑了衡阳的共济，行不行", "family-aid/hengyang/limits"),
                                             ("湘潭老太太已挂在大儿子共济名下，小女儿那边还能重复挂上吗", "family-aid/xiangtan/limits")])
def test_one_relative_bound_by_two_is_answered_by_the_citys_limits(index, question, entry):
    assert answered(index, question) == entry


def test_the_family_account_bound_twice_is_said_to_be_lacking(index):
    result = index.search("被我绑进亲情账户的家人，还能再被我姐绑一次吗")
    assert result.outcome == "declined" and lacking_asks(index, result) == ["一个家人能不能被两个人绑"]


def test_several_bound_to_one_asks_the_order_not_two_binders(index):
    assert answered(index, "黑河好几个人都绑了我的医保账户，看病时先扣哪个") == "family-aid/heihe/several-accounts"


# ---- a household registered elsewhere, a city's own entry --------------------------------------------------------------

def test_a_household_registered_elsewhere_is_insured_where_it_pays(index):
    assert answered(index, "外地户口的在衢州交居民医保，个人缴多少") == "quzhou/resident/premium"


@pytest.mark.parametrize("question", ["非衢州户籍，外地户口的人能在衢州参加城乡居民医保吗", "在衢州读书的外地大学生能在衢州参加居民医保吗"])
def test_who_may_join_a_citys_basic_insurance_is_said_to_be_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and lacking_asks(index, result) == ["外地户口能不能参加当地医保"]


def test_a_newborn_joining_is_not_who_may_join(index):
    assert answered(index, "小孩生下来是不是得满月以后才能参加居民医保，前面住院的钱报不了") == "quzhou/resident/newborn"


def test_hangzhou_mistyped_is_a_place_we_lack(index):
    result = index.search("航州醫保門診報銷幾成")
    assert result.decline_reason == "uncovered_place"


def test_the_residents_outpatient_cap_is_theirs(index):
    assert answered(index, "衢州居民医保普通门诊全年报销封顶多少钱") == "quzhou/resident/outpatient"


def test_the_citys_way_to_see_records_answers_for_another_citys(index):
    assert answered(index, "万一我想查去年报销了多少钱，衢州在哪查") == "quzhou/services/evoucher-query"


def test_a_formal_letter_is_read_for_its_ask(index):
    assert answered(index, "尊敬的工作人员：本人母亲暂无医保卡，本人想让她持本人的医保卡去医院就诊。请问这样做是否合规？盼复。") \
        == "family-aid/national/impersonation"


def test_retiring_in_english_is_a_retirees_rule(index):
    assert answered(index, "What if I retire in Quzhou next year: how much would go into my personal account each month?") \
        == "quzhou/employee/personal-account-retiree"


# ---- a city of ours named only as where care is ------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["在衡阳住院，也按衢州的规定报吗", "万一是在衡阳住的院，也按衢州的规定报吗"])
def test_our_other_city_as_the_place_of_care_asks_the_insurance_citys_rules(index, question):
    assert answered(index, question) == "quzhou/remote-care/which-rules"


async def test_a_what_if_moving_the_stay_to_our_other_city_keeps_the_insurance():
    text = await answer_to_last("我妈衢州城乡居民医保，在衢州三级医院住院，目录内5万，没有自费药，没买惠衢保，不是低保", "要是在衡阳住的院呢")
    assert "是否市内就医：市外" in text and "衢州 · 城乡居民医保 · 住院" in text and "城市：衡阳" not in text


async def test_a_what_if_naming_the_other_citys_insurance_changes_the_city():
    text = await answer_to_last("我妈衢州城乡居民医保，在衢州三级医院住院，目录内5万，没有自费药，没买惠衢保，不是低保", "那如果是衡阳的医保呢")
    assert "城市：衡阳" in text


async def test_asking_if_there_are_many_hospitals_starts_no_estimate():
    text = await answer_to_last("衢州城乡居民医保，万一去外地住院，是按哪里的政策报销的", "外地能直接结算的医院多不多")
    assert "第4步" not in text and "10万" in text


async def test_a_lack_asked_in_an_estimate_gives_the_estimates_city_not_the_nearest_entrys():
    text = await answer_to_last("本人是在校大学生，参加的是衢州城乡居民医保。前几天在衢州市区的三级医院看门诊，一共花了2350元，都在医保范围内。"
                            "烦请帮我估算一下能报销多少。", "请问学生交城乡居民医保，个人缴费有没有优惠？")
    assert "0570-12393" in text and "昭通" not in text


# ---- a neighbour's insurance claimed with ours --------------------------------------------------------------------------

def test_a_neighbours_insurance_claimed_together_with_ours_is_not_ours(index):
    result = index.search("万一我再买份百万医疗险，跟惠衢保一起怎么理赔")
    assert result.decline_reason == "uncovered_topic"


def test_holding_a_neighbours_insurance_still_asks_who_may_join_ours(index):
    assert answered(index, "有商业医疗险的人还能参加惠衢保吗") == "huiqubao/who-can-join"


def test_a_follow_up_in_the_city_just_answered_beats_other_cities_guesses(assistant):
    reply = conversation(assistant, "黑河的 我医保卡里的钱能给我弟看病用不", "手机上咋绑")
    assert reply.entry is not None and reply.entry.id == "family-aid/heihe/bind-online"
