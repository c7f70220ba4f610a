"""A neighbour insurance named with its own 保险 leaves nothing of ours asked; how many hospitals to bind is its own ask,
apart from how many people; a how-question led by the entry on who may gets the steps; relatives insured or treated
elsewhere asked by each city's cross-region entry; two of our cities compared with a word between; small readings (an
empty account, 退下来, 打进来, a lost phone's e-voucher, a grandchild, 崽, 个亲戚, 虚岁, 转诊); one of our products
called by another of ours' name read by what it is said to do (湘潭亲情卡…我个人账户里的钱: family aid; 共济账户…亮码:
the family account), while the apps' own 亲情卡 stays declined; one's own record (扣了我多少, 批下来没有) and where a
slip is issued said to be lacking. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered_entry as answered


# ---- a neighbour insurance named with its own 保险 ----------------------------------------------------------------

@pytest.mark.parametrize("question", ["社区帮老人问一下，长期护理保险的护理补贴怎么申请", "长期护理保险和商业护理险有什么不同"])
def test_a_neighbour_insurance_named_with_its_own_baoxian_leaves_nothing_of_ours_asked(assistant, question):
    reply = assistant.ask(question)
    assert (reply.outcome, reply.decline_reason, reply.subject) == ("declined", "uncovered_topic", "长期护理保险")


def test_paying_a_neighbour_insurance_from_family_aid_is_asked_of_family_aid(assistant):
    assert answered(assistant, "共济账户能交长期护理保险吗") == "family-aid/national/uses"


# ---- how many hospitals, apart from how many people ---------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("衡阳家庭共济可以绑定几个亲属", "family-aid/hengyang/limits"),
    ("衡陽的家庭共濟可以綁定幾個親屬", "family-aid/hengyang/limits"),  # traditional characters
    ("衡阳门诊共济到底要绑定几个医医院", "family-aid/hengyang/hospitals"),  # 医 typed twice
    ("衡阳，湘医保里有个绑定医院，要绑几个医院", "family-aid/hengyang/hospitals"),
])
def test_how_many_hospitals_to_bind_is_its_own_ask_apart_from_how_many_people(assistant, question, entry):
    assert answered(assistant, question) == entry


# ---- a how-question led by the entry on who may -------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("帮我外公在黑河弄家庭共济，手机上怎么绑", "family-aid/heihe/bind-online"),
    ("帮我外婆在衡阳办共济，手机上在哪绑", "family-aid/hengyang/bind-online"),
])
def test_a_how_question_naming_a_relative_gets_the_steps_not_who_may(assistant, question, entry):
    assert answered(assistant, question) == entry


# ---- relatives elsewhere ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("衡阳共济可以给外地的父母用没错吧", "family-aid/hengyang/cross-region"),
    ("湘潭共济能给外地参保的儿子用吗", "family-aid/xiangtan/cross-region"),
])
def test_relatives_insured_or_treated_elsewhere_are_answered_by_the_citys_cross_region_entry(assistant, question, entry):
    assert answered(assistant, question) == entry


# ---- two of our cities compared -----------------------------------------------------------------------------------

def test_two_of_our_cities_compared_with_a_word_between_are_each_answered(assistant):
    reply = assistant.ask("衡羊共济和湘谭共济绑定的家人范围有区别吗")  # (both cities typed by sound)
    assert reply.outcome == "answered" and reply.entry.id == "family-aid/hengyang/who"
    assert [entry.id for entry in reply.also_asked] == ["family-aid/xiangtan/who"]


# ---- small readings -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("衡阳的 我医保账户是空的 还能开共济给娃用吗", "family-aid/hengyang/conditions"),  # an empty account
    ("老爸从衢州单位退下来了，问问他那个医保账户里每月会打多少钱", "quzhou/employee/personal-account-retiree"),  # 退下来: retired
    ("衢州单位交的职工医保 个账每月按工资的几个点打进来", "quzhou/employee/personal-account-worker"),  # 打进来: credited
    ("手机丢了 医保码会不会被别人盗刷", "quzhou/services/evoucher-lost"),
    ("黑河要是孙子看病，能用我的医保账户共济吗", "family-aid/heihe/who"),  # a grandchild's care: who may
    ("恒阳家庭共记能给崽用不", "family-aid/hengyang/who"),  # 崽 is a child
    ("衡阳的，万一我想绑12个亲戚，系统让不让", "family-aid/hengyang/limits"),  # 个亲戚: a count of people
    ("我爷爷虚岁93了，惠衢保还能买吗", "huiqubao/who-can-join"),  # 虚岁 tells an age
    ("衢州医保转诊在支付宝哪里办", "quzhou/remote-care/how-to-register"),  # 转诊 is care elsewhere
])
def test_small_readings_reach_the_entry_meant(assistant, question, entry):
    assert answered(assistant, question) == entry


# ---- one of our products called by another's name -----------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("湘潭亲情卡能不能给公公婆婆用啊，就是拿我医保个人账户里那个钱", "family-aid/xiangtan/who"),
    ("湘谭亲情卡 我老婆是在湘潭参保的 能绑吗", "family-aid/xiangtan/who"),
    ("黑河的亲情账户 我哥我姐能绑进来花我医保里的钱不", "family-aid/heihe/who"),
    ("国家医保服务平台里亲情卡加家人的加号在哪", "family-account/add-member-path"),
])
def test_a_product_called_by_another_of_ours_name_is_read_by_what_it_is_said_to_do(assistant, question, entry):
    assert answered(assistant, question) == entry


def test_family_aid_said_to_show_a_relatives_code_on_ones_phone_is_the_family_account(assistant):
    entry = answered(assistant, "共济账户绑我爸要他本人刷脸吗 我就是想用我手机给他亮码")
    assert entry is not None and entry.startswith("family-account/")


def test_an_apps_own_qinqingka_stays_declined(assistant):
    reply = assistant.ask("支付宝亲情卡能给爸妈看病用吗")
    assert reply.outcome == "declined" and reply.decline_reason == "uncovered_topic"


@pytest.mark.parametrize("question, read_as, not_left", [
    ("湘潭亲情卡能不能给公公婆婆用啊，就是拿我医保个人账户里那个钱", "家庭共济", "亲情卡"),
    ("黑河的亲情账户 我哥我姐能绑进来花我医保里的钱不", "家庭共济", "亲情账户"),
    ("共济账户绑我爸要他本人刷脸吗 我就是想用我手机给他亮码", "亲情账户", "共济账户"),
    ("国家医保服务平台里亲情卡加家人的加号在哪", "亲情账户", "亲情卡"),
])
def test_misnamed_renames_the_product_by_what_it_is_said_to_do(assistant, question, read_as, not_left):
    index = assistant.store.current.index
    read = index.understanding.misnamed(index.tools.normalize(question))
    assert read_as in read and not_left not in read


@pytest.mark.parametrize("question", ["支付宝亲情卡能给爸妈看病用吗", "湘潭家庭共济可以绑定几个亲属"])
def test_misnamed_leaves_an_apps_card_and_a_product_called_by_its_own_name(assistant, question):
    index = assistant.store.current.index
    normalized = index.tools.normalize(question)
    assert index.understanding.misnamed(normalized) == normalized


# ---- one's own record ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "衡阳的，上礼拜我爸用我共济账户买了药，扣了我多少钱",
    "前天在浙里办弄了异地备案，不知道批下来没有",
    "衢州的转诊单在哪个医院开",  # where a slip is issued: the knowledge does not say
])
def test_ones_own_record_and_where_a_slip_is_issued_are_said_to_be_lacking(assistant, question):
    reply = assistant.ask(question)
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"


@pytest.mark.parametrize("question", ["衡阳的，上礼拜我爸用我共济账户买了药，扣了我多少钱", "前天在浙里办弄了异地备案，不知道批下来没有"])
def test_the_lack_of_ones_own_record_is_named(assistant, question):
    assert any("自己的记录" in label for label in assistant.ask(question).missing)


def test_a_piece_naming_only_a_word_of_insurance_is_a_question_of_its_own(assistant):
    reader = assistant.store.current.index.reader
    assert [alone for _, alone in reader.several_questions("衢州医保热线多少 衢州明天会下雨吗")] == ["衢州医保热线多少", "衢州明天会下雨吗"]


def test_each_of_several_questions_keeps_the_year_the_message_asks_of(assistant):
    reader = assistant.store.current.index.reader
    second, _ = reader.several_questions("柯城区明年（2026）居民医保涨没涨，个人缴费标准是多少")[1]
    assert "2026" in second
