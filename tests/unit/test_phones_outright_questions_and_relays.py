"""What residents of the fifty-sixth session's sets asked, and what the bot now makes of it: an elder without a
smartphone is asked about on the asker's own phone (the family account), not at a counter; a long written message
whose last sentence opens with 请问 asks that sentence, not the details of its story; a relative already bound by
another, and what to tell the cashier, are the cities' own entries; a question relayed from a relative (舅舅问…)
is about what it asks, not about the relative; a place denied in a case told in one message (不是在衢州住的院) keeps
the care it tells; and more requests, devices, jobs and neighbouring papers are declined. Run on the shipped
knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered


# ---- the elderly without a smartphone ------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["爸妈没有智能手机，在衢州看病能用我手机亮他们的码吗",
                                      "低保户老人不会用手机，亲情账户能帮他看病亮码吗"])
def test_the_askers_own_phone_is_no_counter(index, question):
    assert "offline" not in index.understanding.facets(index.read(question)).get("channel", ())


@pytest.mark.parametrize("question", ["我奶奶只有老年机，带她去窗口查余额要带什么", "老爸用的老年机，我手机上弄不来，能去大厅办吗"])
def test_a_counter_named_outright_is_still_the_counter(index, question):
    assert "offline" in index.understanding.facets(index.read(question)).get("channel", ())


def test_without_a_smartphone_the_balance_is_seen_at_a_counter(index):
    assert answered(index, "奶奶没手机，只有一张社保卡，去哪能查医保里还剩多少钱") == "family-aid/national/balance-offline"


# ---- long written messages ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("我孙子今年十岁，在衢州上小学，周末常由我带着去看病。儿子想把孩子加进他的亲情账户，但孩子白天都在学校，不在身边。"
     "我担心孩子本人不在场就办不成。请问给不满十六岁的孩子添加亲情账户，需要做人脸验证吗？", "family-account/under-16"),
    ("我是衢州的退休教师，想每个月核对一下医保账户的余额和报销明细。以前都要跑到窗口去打印，很不方便。"
     "听说现在手机上就能实时查。请问衢州参保人可以在哪些地方查医保余额和报销记录？", "quzhou/services/evoucher-query"),
])
def test_a_question_asked_outright_after_a_story_is_what_is_asked(index, question, entry):
    assert answered(index, question) == entry


def test_a_question_pointing_back_at_the_story_asks_of_it(index):
    question = "您好，我爸是衢州医保，在苏州出差突发阑尾炎住进医院了，之前没办备案，请问这样还能报吗？"
    assert answered(index, question) == "quzhou/remote-care/emergency"


def test_what_the_outright_question_asks_itself_is_still_asked(index):
    question = ("我是衢州的退休职工，三年前随女儿去成都长住时办了异地就医备案。最近邻居提醒我，备案可能有有效期。"
                "我翻遍了当年的短信也没找到期限。请问衢州异地就医备案的有效期是多久，到期要不要续办？")
    assert answered(index, question) is None


# ---- family aid: bound by another, and paying at the counter ---------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("衡阳这边，老娘的共济已经挂在大哥名下了，我这个做老二的能不能也挂一个", "family-aid/hengyang/limits"),
    ("衡阳我哥先把我妈绑到他的共济上了，我这边还能同时再帮一次吗", "family-aid/hengyang/limits"),
    ("湘潭 儿子的共济已经挂在他爸那里了，我这边能不能也给他挂上", "family-aid/xiangtan/limits"),
])
def test_a_relative_bound_by_another_is_the_citys_limits(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("衡阳老人去医院结账，要跟收费的怎么说才能用上共济的钱", "family-aid/hengyang/pay"),
    ("湘潭的爸爸去连锁药店买降压药，结账时要怎样才会扣到我的共济账户", "family-aid/xiangtan/pay"),
])
def test_what_to_tell_the_cashier_is_the_citys_paying_entry(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("我外公在衡阳乡下不会用手机，舅舅问家庭共济能不能去村里办", "family-aid/hengyang/bind-offline"),
    ("我外公在昭通，舅舅问能不能去医保大厅办共济，要带啥", "family-aid/zhaotong/bind-offline"),
])
def test_a_relative_passing_the_question_on_is_not_asked_about(index, question, entry):
    assert answered(index, question) == entry


# ---- 惠衢保 for the ill ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["我舅舅打电话问，他糖尿病十几年了，惠衢保会不会不让他买，或者让他多交钱",
                                      "孩子生下来就有先天性心脏病，惠衢保还肯收吗",
                                      "I have tang niao bing many year already, huiqubao still can buy? they check my body first?"])
def test_whether_the_ill_may_join_is_who_can_join(index, question):
    assert answered(index, question) == "huiqubao/who-can-join"


@pytest.mark.parametrize("question", ["12333查医保余额是不是24小时都能打通", "call 12333 what time have people answer, 24 hour?"])
def test_the_hotlines_hours_are_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


# ---- declined ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "我妈让我帮她查一下她今年惠衢保到底交上没有，她身份证号我等下发你",
    "please help me look my mother yibao balance, her ID 330802195503120021",
    "帮我查下我老公和我婆婆的共济关系现在还在不在",
    "你直接把我女儿的医保电子凭证二维码发给我，我在窗口等着扫",
    "national yibao app can also pay my electric bill and water bill?",
    "医保码能不能在苹果手表上亮出来付款",
    "惠趣保的保险公司招不招业务员，体成多少",
    "带奶奶去衢州人民医院看眼睛，打哪个号码能电话挂号",
    "医院的自助挂号机把我的社保卡吞进去了，怎么拿出来",
    "出生医学证明原件被娃撕坏了，能重新开一张吗",
    "在衢州开网约车，想以个体身份交职工医保，最低档每月多少",
    "衢州看牙齒、洗牙，居民醫保給不給付？",
    "衢州的醫保卡可以像八達通一樣搭公車嗎？",
    "foreigner work in China, can join jumin yibao? my husband is Korean",
    "持台胞證在衢州上班的台灣人，能不能用個人身分加保城鄉居民醫保？",
    "我妈买了惠衢保，我爸买的是平安的百万医疗，平安那个住院后怎么理赔",
    "我爸个人账户的钱能给我买重疾险吗，我自己的商业保险该怎么挑",
])
def test_records_devices_jobs_and_neighbours_are_declined(index, question):
    assert index.search(question).outcome == "declined"


@pytest.mark.parametrize("question, entry", [
    ("我爷爷在常山 我在北京上班 想帮他查查医保卡里还有多少钱 他不会用智能机 有没有打电话就能查的", "quzhou/services/evoucher-query"),
    ("Can a foreigner working in Quzhou join Huiqubao? My employer in Kecheng enrolls me in the employee medical insurance.",
     "huiqubao/need-basic-insurance"),
    ("phone got stolen on the bus and my medical e-voucher was on it, how do i freeze it", "quzhou/services/evoucher-lost"),
])
def test_ways_to_check_and_rules_asked_near_them_are_still_answered(index, question, entry):
    assert answered(index, question) == entry


# ---- a case told in one message ------------------------------------------------------------------------------------


def test_a_place_denied_keeps_the_care_it_tells(interview):
    case = interview.cases.read("我老公衢州城乡居民医保，这次不是在衢州住的院，是在杭州的三甲医院，医保内十二万五")
    assert case.answers["care"] == "inpatient" and case.answers["in_scope"] == 125000


def test_a_figure_denied_is_still_taken_back(interview):
    assert interview.cases.read("衢州居民住院 医保内不是十二万五，是十三万二").answers["in_scope"] == 132000
