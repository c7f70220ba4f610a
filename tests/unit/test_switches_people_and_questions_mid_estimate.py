"""Cities swapped in after a question (…？衡阳的呢, …，湘潭呢，昭通呢) and the city a comparison lacks said by name, both
schemes named apart and each asked of, people outside the family, who may join Huiqubao, an account at zero, a correction
that moves the resident to another city, questions asked in the middle of an estimate (这个, 3+N是什么意思), English ages
and in-law words, and yearly caps the sources lack said by the rule asked of. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.conversation import answer_to_last
from tests.unit.shipped import conversation, entries_of


# ---- cities swapped in, and the one a comparison lacks ----------------------------------------------------------------

def test_a_first_clause_that_asks_keeps_its_own_city_beside_the_one_swapped_in(index):
    result = index.search("衢州的异地备案手机上在哪办，昭通的呢")
    assert result.compared and entries_of(result) == ["quzhou/remote-care/how-to-register", "zhaotong/remote-care/register"]


def test_a_city_swapped_in_after_a_question_mark_is_asked_too(index):
    result = index.search("湘潭共濟能綁岳父母嗎？衡陽的呢")
    assert entries_of(result) == ["family-aid/xiangtan/who", "family-aid/hengyang/who"]


def test_each_city_swapped_in_one_after_another_is_answered(index):
    result = index.search("衡阳绑共济用什么app，湘潭呢，昭通呢")
    assert entries_of(result) == ["family-aid/hengyang/bind-online", "family-aid/xiangtan/bind-online", "family-aid/zhaotong/bind-online"]


def test_a_city_the_comparison_lacks_is_kept_with_the_answer(index):
    result = index.search("湘潭慢性病门诊自付比例多少，衡阳呢")
    assert result.compared and entries_of(result) == ["family-aid/hengyang/chronic-ratio"] and result.lacking_cities == ("xiangtan",)


async def test_the_lacking_city_is_told_to_the_resident():
    text = await answer_to_last("湘潭慢性病门诊自付比例多少，衡阳呢")
    assert "湘潭的这一点，我的资料里没有" in text and "12333" in text and "10%" in text


# ---- two schemes named apart, each asked of ---------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["衢州职工门诊年度最高支付限额是不是比居民高，各多少",
                                      "衢州职工看门诊一年最多能报多少然后居民的话又是多少"])
def test_both_schemes_named_apart_and_weighed_get_each_ones_rule(index, question):
    result = index.search(question)
    assert result.compared and entries_of(result) == ["quzhou/employee/outpatient-cap", "quzhou/resident/outpatient"]


def test_how_long_asks_and_parts_a_message(index):
    questions = index.reader.several_questions("衢州备案网上办要多长时间，医保关系转到外地要多长时间，分别多久")
    assert questions is not None and len(questions) == 2


# ---- people outside the family, who may join, an empty account ---------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("女朋友在衢州上班交职工医保，她门诊一年最多能报多少", "quzhou/employee/outpatient-cap"),  # her own rules
    ("黑河共济，还没结婚的女朋友能绑吗", "family-aid/heihe/who"),  # the city's closed list
    ("衡阳 女朋友是居民医保 我俩没结婚 我能共济给她吗", "family-aid/hengyang/who"),  # not the limit on how many
    ("惠衢保能给朋友买吗", "huiqubao/buy-for-others"),
    ("邻居家老太太衢州居民医保，在乡镇卫生院住院报几成", "quzhou/resident/base-level-bonus"),
])
def test_people_outside_the_family_are_asked_of_as_they_should_be(index, question, entry):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry


def test_a_field_filled_with_a_girlfriends_number_is_no_question_of_who_may_share(index):
    assert index.search("湘潭共济绑定那一栏电话，填我女朋友的号码行吗").entry.id == "family-aid/xiangtan/dates-and-phone"


@pytest.mark.parametrize("question, entry", [
    ("惠衢保她能买吗", "huiqubao/who-can-join"),
    ("那她能在衢州买个惠衢保吗", "huiqubao/who-can-join"),
    ("我的医保关系在金华，但人在衢州打工好几年了。惠衢保我能买吗？", "huiqubao/need-basic-insurance"),
    ("惠衢保的特药我能在杭州的药房买吗", "huiqubao/cover-special-drugs"),  # where a drug is bought, not who may join
    ("惠衢保网上能买吗", "huiqubao/channels"),
])
def test_who_may_join_is_told_apart_from_where_to_buy(index, question, entry):
    assert index.search(question).entry.id == entry


@pytest.mark.parametrize("question", ["我个人账户只剩0块了，衡阳还能给我爸共济吗",
                                      "My husband's personal account in Hengyang shows 0 yuan. Can I still use family aid?"])
def test_an_account_at_zero_asks_the_condition_on_the_balance(index, question):
    assert index.search(question).entry.id == "family-aid/hengyang/conditions"


def test_whether_the_relative_must_be_insured_is_the_citys_conditions(index):
    assert index.search("衡阳被共济的家人要不要参加医保").entry.id == "family-aid/hengyang/conditions"


def test_how_many_relatives_without_the_product_named_is_the_citys_limit(index):
    assert index.search("衡阳一次可以绑多少亲人").entry.id == "family-aid/hengyang/limits"


# ---- follow-ups --------------------------------------------------------------------------------------------------------

def test_a_correction_moving_to_another_city_asks_the_last_question_of_it(assistant):
    reply = conversation(assistant, "家庭公济能给我亲哥用吗", "我是衡阳的职工医保", "哦讲错了，我现在调到黑河上班了，医保也转到黑河了")
    assert reply.entry is not None and reply.entry.id == "family-aid/heihe/who"


def test_a_scheme_named_with_a_city_of_care_is_that_citys_rule_not_the_last_products(assistant):
    reply = conversation(assistant, "换个话题，惠曲保一年交多少钱", "她能买吗", "那她在衡阳看门诊，退休职工怎么报")
    assert reply.entry is not None and reply.entry.id == "family-aid/hengyang/outpatient-levels"


def test_within_an_employees_talk_the_resident_rule_is_never_the_answer(assistant):
    reply = conversation(assistant, "我在衢州上班交的职工医保，普通门诊一年最多能给报多少钱", "那住院封顶是多少")
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"


async def test_a_lack_found_in_the_talk_is_not_asked_again_of_the_product_before():
    text = await answer_to_last("换个话题，惠曲保一年交多少钱", "她能买吗", "那她在衡阳看门诊，退休职工怎么报", "住院呢")
    assert "衡阳" in text and "零门槛" not in text


# ---- questions in the middle of an estimate ----------------------------------------------------------------------------

async def test_this_at_the_huiqubao_step_points_at_huiqubao():
    text = await answer_to_last("帮我算：我外婆衢州城乡居民，在龙游县人民医院住院，二级医院，医保内9万6，自费药2万3，不是低保",
                                "这个一年要交多少钱？")
    assert "100元" in text and "惠衢保" in text


async def test_what_a_word_means_at_an_amount_step_is_answered_not_read_as_an_amount():
    text = await answer_to_last("帮我算下做透析能报多少，我是衢州职工医保，在衢州本地透析", "5.2w", "3+N是什么意思")
    assert "3+N" in text and "确切的金额" not in text


# ---- English ------------------------------------------------------------------------------------------------------------

def test_an_english_age_is_no_amount_of_money(interview):
    case = interview.cases.read("My mum is 68 and has Quzhou resident insurance.")
    assert case.answers.get("in_scope") is None and case.answers.get("city") == "quzhou"


@pytest.mark.parametrize("question, entry", [
    ("Can my MIL get the Quzhou top-up health plan even though she's 81?", "huiqubao/who-can-join"),
    ("My husband works for a company in Quzhou. What gets paid into his medical personal account every month?",
     "quzhou/employee/personal-account-worker"),
])
def test_english_words_residents_use_lead_to_the_rule(index, question, entry):
    assert index.search(question).entry.id == entry


def test_another_citys_top_up_plan_is_not_huiqubao(index):
    assert index.search("Hangzhou's city top-up insurance, the 150-yuan one. How do I join?").outcome != "answered"


def test_a_commercial_policy_pointed_back_at_is_not_ours(index):
    result = index.search("My mother-in-law has a Ping An critical illness policy. How do we file a claim with them?")
    assert result.decline_reason == "uncovered_topic"


# ---- caps the sources lack, dialect, assistance ------------------------------------------------------------------------

def test_the_rule_asked_of_says_the_cap_its_source_lacks(assistant):
    reply = assistant.ask("衡阳职工门诊报销一年封顶多少")
    assert reply.entry.id == "family-aid/hengyang/outpatient-levels" and "资料没有写普通门诊的年度封顶线" in reply.answer


@pytest.mark.parametrize("question, entry", [
    ("老头子用嗰是老人机，扫弗了码，到医院配药咋弄亮他嗰医保码", "family-account/bind-parent"),
    ("昭遥家庭共济去哪个小程序申请", "family-aid/zhaotong/bind-online"),
    ("衢州已退休的，医保个人帐尸每个月按养老金的百分之几划", "quzhou/employee/personal-account-retiree"),
])
def test_dialect_and_look_alike_typing_is_read(index, question, entry):
    assert index.search(question).entry.id == entry


def test_applying_for_medical_assistance_is_not_ours(index):
    assert index.search("醫療救助要去民政還是醫保局申請，要帶什麼").decline_reason == "uncovered_topic"
