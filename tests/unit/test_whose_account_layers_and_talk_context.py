"""Whose account is charged, the layers settled together, what a plan covers; voice pauses and best figures in a case
told in one breath; what a talk carries to the next message (the city of the last answer, a relative insured in another
city, a place we lack where the one asked about is insured, the asker's own scheme); an insurance moved between cities,
the province before the city, what is left to pay; asking the assistant to act. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.questions.text import spaced_out_joined
from bot.testing.client import DialogueClient
from tests.unit.conversation import answer_to_last
from tests.unit.shipped import answered, conversation, lacking_asks


# ---- what is asked of an answer ----------------------------------------------------------------------------------------

def test_whose_account_is_charged_is_told_by_the_named_citys_entry_that_says_it(index):
    assert answered(index, "昭通共济，我妈住院结账是从谁的个人账户扣") == "family-aid/zhaotong/pay"


@pytest.mark.parametrize("question", ["用亲情账户帮我爸亮码买药，扣的是他的医保钱还是我的", "亲请账户绑了我妈，她买药花的钱是扣谁的"])
def test_whose_account_the_family_account_charges_is_said_to_be_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and lacking_asks(index, result) == ["扣谁的钱"]


def test_whose_account_is_not_asked_where_the_order_is(index):
    assert answered(index, "衡阳共济先扣谁的钱") == "family-aid/hengyang/order"


@pytest.mark.parametrize("question", ["惠趣保跟医保是一起结算的吗", "医保 大病 惠衢保三样是在医院窗口一次结掉的吗",
                                      "住院結帳時醫保、大病保險、惠衢保是一起算的嗎"])
def test_the_layers_settled_together_are_answered_by_the_one_stop_settlement(index, question):
    assert answered(index, question) == "huiqubao/settlement"


def test_a_cap_counted_together_is_no_settlement(index):
    assert answered(index, "门诊和住院的封顶线是一起算吗") != "huiqubao/settlement"


@pytest.mark.parametrize("question", ["惠衢保都保些啥", "朋友圈天天有人转衢州的惠民保，到底都保些啥？别跟我绕弯子"])
def test_what_a_plan_covers_is_its_overview(index, question):
    assert answered(index, question) == "huiqubao/cover-overview"


def test_the_special_drugs_covered_are_not_the_overview(index):
    assert answered(index, "惠衢保特药都保哪些药") != "huiqubao/cover-overview"


def test_the_year_of_contributions_asked_is_said_to_be_lacking(index):
    result = index.search("衢州职工门诊那个一年最多能报的额度，是按自然年算，还是按交费的年度算？")
    assert result.outcome == "declined" and lacking_asks(index, result) == ["一年从哪天算起"]


def test_paying_medical_insurance_after_retiring_is_no_pension_question(index):
    result = index.search("退休以后医保还要不要自己继续交？要交满多少年才算？")
    assert result.decline_reason == "not_in_knowledge" and result.subject is None


def test_a_name_written_wrong_is_not_answered_with_how_to_bind(index):
    assert index.search("娃的出生医学证明名字写错了去哪改").outcome == "declined"


@pytest.mark.parametrize("question, entry", [
    ("我想查一下我妈医保卡里还剩多少，你能直接查吗", "family-aid/national/balance-ways"),
    ("親情賬戶你能直接幫我綁我爸嗎", "family-account/bind-parent"),
])
def test_asking_the_assistant_to_act_asks_how_it_is_done(index, question, entry):
    assert answered(index, question) == entry


def test_a_relatives_scheme_is_not_the_account_holders(index):
    assert answered(index, "衢州，我老伴是城乡居民医保，我账户里的钱她能用吗") == "quzhou/employee/personal-account-family"


@pytest.mark.parametrize("question", ["if she gets sick in hangzhou will huiqubao still pay?",
                                      "she mostly stays with my sister in hangzhou now. if she gets sick there will huiqubao still pay?"])
def test_an_english_place_of_care_we_lack_is_elsewhere_to_huiqubao(index, question):
    assert answered(index, question) == "huiqubao/outside-quzhou"


# ---- what a talk carries -----------------------------------------------------------------------------------------------

def test_a_story_leaving_the_city_open_is_asked_of_the_city_just_answered_for(assistant):
    reply = conversation(assistant, "我是衢州的职工医保，门诊一年最多给报多少", "我还有高血压 每个月都要开药 这个能报几成")
    assert reply.outcome == "answered" and reply.entry.region == "quzhou"


def test_the_city_told_with_the_relatives_in_it_answers_the_question_before(assistant):
    reply = conversation(assistant, "家庭公济能不能给我丈母娘用啊", "我们是湘谭的，我老婆跟她妈都在湘谭交的医保")
    assert reply.outcome == "answered" and reply.entry.id == "family-aid/xiangtan/who"


def test_a_relative_insured_in_another_of_our_cities_is_insured_elsewhere_to_the_city_asked(assistant):
    reply = conversation(assistant, "湘潭家庭共济能不能给我丈母娘用啊", "那我自己爸妈呢，他们是在衡阳交的医保")
    assert reply.outcome == "answered" and reply.entry.id == "family-aid/xiangtan/cross-region"


def test_one_insured_where_we_lack_never_gets_the_city_just_talked_of(assistant):
    reply = conversation(assistant, "衢州居民医保住院起付线多少", "我妈医保在江西交的，她住院呢")
    assert reply.outcome == "declined" and "300" not in reply.answer


def test_one_insured_where_we_lack_is_asked_of_the_product_just_talked_of(assistant):
    reply = conversation(assistant, "惠衢保都保些啥", "气死了，刚才想给我妈也买一份，为啥我妈不能买？她医保是在江西上饶交的")
    assert reply.outcome == "answered" and reply.entry.id == "huiqubao/need-basic-insurance"


def test_the_askers_own_scheme_is_not_held_for_a_childs_question(assistant):
    reply = conversation(assistant, "我是衢州职工医保，刚生了孩子。我个人账户里的钱以后能给宝宝看病用吗？",
                         "宝宝自己也得参保吧？出生以后多久之内办才不耽误报销？")
    assert reply.outcome == "answered" and "90天" in reply.answer


def test_care_elsewhere_after_a_plan_is_asked_of_that_plan(assistant):
    reply = conversation(assistant, "What does Huiqubao actually cover?", "And outside Quzhou? My mum was treated in Hangzhou.")
    assert reply.outcome == "answered" and "huiqubao/outside-quzhou" in [reply.entry.id, *(e.id for e in reply.also_asked)]


async def test_the_part_left_unanswered_names_the_line_of_the_city_told():
    text = await answer_to_last("我是衢州的，亲情账户怎么给我爸绑？绑好以后要多久才能用？")
    assert "您还问了" in text and "0570-12393" in text and "12333" not in text


# ---- a case told in one breath -----------------------------------------------------------------------------------------

def test_voice_pauses_are_not_words_typed_one_at_a_time():
    assert spaced_out_joined("嗯 那个 就是我妈她是衢州的城乡居民医保 嗯 她不是低保户") == "嗯 那个 就是我妈她是衢州的城乡居民医保 嗯 她不是低保户"
    assert spaced_out_joined("借 爸爸 的 医保卡 去 看病") == "借爸爸的医保卡去看病"


def test_a_whole_spoken_case_keeps_every_detail(interview):
    case = interview.cases.read("嗯 那个 你好 就是我妈她是衢州的城乡居民医保 那个 就在衢州市人民医院住的院 三级医院 嗯 就是 "
                                "医保范围内的花了八万四 然后那个 自费的药 大概三万五左右 她不是低保户 你帮我算一下能报多少")
    assert case.answers["out_of_list"] == 35000 and case.answers["in_scope"] == 84000 and case.answers["hardship"] is False


@pytest.mark.parametrize("told", ["哦不对，我医保早就从衡阳转回衢州了，现在是衢州参保的", "社保关系去年从湘潭转过来衢州了"])
def test_insurance_moved_between_cities_is_insured_in_the_second_and_no_care_was_anywhere(interview, told):
    assert interview.cases.read(told).answers == {"city": "quzhou"}


def test_what_is_left_to_pay_is_no_cost(interview):
    case = interview.cases.read("我老公是衢州城乡居民医保，住了一个礼拜院，医院说我们自己还要付两万三，你帮我算算")
    assert "in_scope" not in case.answers


async def test_a_city_inside_a_province_is_the_insurance_city_said_to_be_lacking():
    text = await answer_to_last("我丈母娘是云南昭通的职工医保，已经退休了，上个礼拜在衢州市人民医院住院了，三级医院，花了5万2，帮我算算")
    assert "参保地是昭通" in text


async def test_a_question_naming_our_city_as_the_place_of_care_chooses_no_insurance_city():
    async with DialogueClient(language_code="zh-hans") as chat:
        await chat.send("我岳父是黑河的职工医保，在衢州市人民医院住院，花了十二万，你帮我算算能报多少")
        last = await chat.send("那他在衢州看病，能直接拿我老婆的医保卡去刷吗")
        assert not chat.errors
    text = "\n".join(reply.text for reply in last)
    assert "冒名" in text and "第1步" in text and "第3步" not in text


# ---- the basic insurance named, old names ------------------------------------------------------------------------------

@pytest.mark.parametrize("follow_up", ["那居民医保呢", "那衢州居民医保呢"])
def test_the_basic_insurance_named_by_its_scheme_takes_the_place_of_the_plan(assistant, follow_up):
    reply = conversation(assistant, "惠衢保一年多少钱", follow_up)
    assert reply.outcome == "answered" and reply.entry.id == "quzhou/resident/premium"


def test_the_basic_insurance_asked_after_a_plan_never_gets_the_plans_figure(assistant):
    reply = conversation(assistant, "惠衢保一年多少钱", "那職工醫保自己交，一年要交多少錢？")
    assert not (reply.outcome == "answered" and reply.entry.id == "huiqubao/premium")


def test_a_schemes_account_named_still_pays_for_the_plan_talked_of(assistant):
    reply = conversation(assistant, "我媽今年72歲了，有高血壓，還能買惠衢保嗎", "那一年要交多少錢", "我是衢州職工醫保，能用我個人賬戶的錢幫她買嗎")
    assert reply.outcome == "answered" and reply.entry.id == "huiqubao/buy-for-family"


def test_a_place_we_lack_declined_leaves_no_trace_on_the_next_question(assistant):
    reply = conversation(assistant, "衢州医保在衡阳住院能直接刷卡吗", "北京医保门诊怎么报", "那衢州职工门诊呢")
    assert reply.outcome == "answered" and reply.entry.id == "quzhou/employee/outpatient"


@pytest.mark.parametrize("question, entry", [
    ("衢州惠民宝最多赔多少钱", "huiqubao/cover-overview"),
    ("衢县的新农合一个人交多少", "quzhou/resident/premium"),
    ("家属账户用身份证号加人要传哪几样东西", "family-account/bind-by-id-card"),
])
def test_old_and_everyday_names_reach_what_they_name(index, question, entry):
    assert answered(index, question) == entry


def test_an_unplaced_old_name_misspelt_still_asks_the_city(index):
    assert index.search("新农和现在一年叫多少钱，我们村里").outcome != "answered"


def test_undoing_a_binding_is_not_answered_with_how_to_bind(index):
    result = index.search("昭通 离婚后怎么解除家庭共济绑定")
    assert result.outcome == "declined" and lacking_asks(index, result) == ["解除绑定"]


def test_the_basic_insurance_asked_in_an_estimate_never_gets_the_plans_figure(assistant):
    reply = assistant.ask("那職工醫保自己交，一年要交多少錢？", "zh_Hant", "quzhou", None,
                          {"city": "quzhou", "scheme": "employee", "care": "inpatient", "level": 3, "huiqubao": False})
    assert not (reply.outcome == "answered" and reply.entry.id == "huiqubao/premium")
