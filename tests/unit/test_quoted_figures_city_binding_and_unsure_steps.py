"""How residents quote figures, bind in a family-aid city, and answer an estimate unsure: figures quoted with no city
named (七百块…百分之六十, 五分钟就能办好) pick the one city whose rule holds them all, said as such, and a place we lack
beside them (祁阳市) is never answered with ours; binding asked in Heihe, Hengyang, Xiangtan or Zhaotong with no product
named (衡阳能去柜台绑吗) is that city's family aid; an app named only as what cannot be used (小程序我弄不来) asks for
the counter; a relative named only as the one bound (帮我公公绑…要上传哪几样东西) asks no "does he count"; the rest
(a personal record asked to be looked up, a gap in contributions, a death with an unbinding asked, 还没落户, 大病那一档,
another city of ours asking for 惠衢保, a city's scheme with its rule asked, "like" in English, whose account pays first). In an estimate: 不清楚 at the costs
outside the list is assumed none (an unsure step), 不算低保 is no 低保, a hospital named in Quzhou is care inside it, a
deductible paid corrected (不是两百，是一百) stays that figure, and a question naming another city (黑河那边住院能报多少)
is one for the FAQ. Run on the shipped knowledge."""
from __future__ import annotations

from decimal import Decimal

import pytest

from bot.domain.estimate.interview import Step
from tests.unit.shipped import answered

# ---- figures quoted with no city named ---------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("在职的去三甲医院看门诊，自己先担七百块，剩下的报百分之六十？", "quzhou/employee/outpatient"),
    ("二级医院职工门诊起付线200是每次都扣吗", "family-aid/hengyang/outpatient-levels"),
    ("异地就医被案听人说要五分钟就能在网上弄好？", "quzhou/remote-care/how-to-register"),
])
def test_figures_held_by_one_citys_rule_alone_pick_that_city(index, question, entry):
    result = index.search(question)
    assert (result.outcome, result.entry.id, result.by_figures) == ("answered", entry, True)


def test_figures_both_cities_rules_hold_still_ask_which_city(index):
    # (community outpatient: 300 and 70% are in Quzhou's rule and in Hengyang's, for other levels)
    assert index.search("职工医保去社区医院看门诊，起付三百报七成对吧").outcome == "need_city"


def test_a_place_we_lack_beside_the_figures_is_not_answered_with_ours(index):
    assert answered(index, "祁阳市的门诊慢性病自付比例是不是也降到10%了") is None


def test_the_city_the_figures_picked_is_said_so(assistant):
    reply = assistant.ask("在职的去三甲医院看门诊，自己先担七百块，剩下的报百分之六十？", "zh")
    assert (reply.figures_city, reply.only_city) == ("衢州", None)


# ---- binding in a family-aid city, the counter asked ------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("衡阳能去柜台绑吗", "family-aid/hengyang/bind-offline"),
    ("黑河用支付宝绑定搜什么", "family-aid/heihe/bind-online"),
    ("湘潭我妈能同时被我和我弟绑吗", "family-aid/xiangtan/limits"),
    ("Hengyang, I can bind family at counter instead of phone?", "family-aid/hengyang/bind-offline"),
])
def test_binding_asked_in_a_family_aid_city_is_its_family_aid(index, question, entry):
    assert answered(index, question) == entry


def test_the_family_account_named_is_left_as_named(index):
    assert index.understanding.bound_at_home(index.read("衡阳怎么绑亲情账户")) == index.read("衡阳怎么绑亲情账户")


def test_an_app_named_only_as_what_cannot_be_used_asks_for_the_counter(index):
    question = "昭通，云南医保小程序我弄不来，家庭共济去哪办"
    assert index.understanding.facets(index.read(question)).get("channel") == {"offline"}
    assert answered(index, question) == "family-aid/zhaotong/bind-offline"
    assert index.understanding.facets(index.read("衡阳共济手机上怎么办")).get("channel") == {"online"}


# ---- what is asked when a relative, a record, a gap or a death is told ------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("帮我公公绑亲情账户，要上传哪几样东西", "family-account/bind-by-id-card"),
    ("我爸在昭通，想去医保大厅把我奶奶绑上共济，要带什么", "family-aid/zhaotong/bind-offline"),
    ("湘潭我和我弟能同时把我妈绑到各自的共济上吗", "family-aid/xiangtan/limits"),
    ("公司裁员我没工作了 职工医保停了 转衢州居民医保一年自己掏多少", "quzhou/resident/premium"),
    ("衡阳，我爸刚去世，之前绑在我共济上，这个关系在哪里解绑", "family-aid/hengyang/unbind"),
    ("娃刚出生还没落户，想在国家医保APP里给他绑上，得填哪些东西", "family-account/bind-by-birth-certificate"),
    ("居民医保在衢州，大病那一档自付得超过几万才进", "quzhou/resident/critical-illness"),
    ("高血压衢州职工报几成", "quzhou/employee/chronic-disease"),
    ("黑河能买惠衢保吗", "huiqubao/need-basic-insurance"),
    ("衡阳有惠衢保吗", "huiqubao/need-basic-insurance"),
    ("常宁市我是职工，家里人口多，个账共济一次能挂上几口人", "family-aid/hengyang/limits"),
    ("Hengyang: when my dad buy medicine, whose account pay first, mine or his own?", "family-aid/hengyang/order"),
    ("退休金两千八左右，医保卡每月进七百？", "quzhou/employee/personal-account-retiree"),  # (the account's credit, not the pension)
    ("衢州居民自付了六万，大病能再报多少", "quzhou/resident/critical-illness"),
    ("Xiangtan: max relatives for my gongji?", "family-aid/xiangtan/limits"),
])
def test_what_the_story_tells_leaves_the_question_asked(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "镇雄的医保个人缴费记录能帮我查下我去年交没交吗",
    "Shanghai xiaohuibao (like huiqubao) price this year?",  # ("like" is no pinyin for 立刻: another city's plan likened to ours)
    "你幫我查下我阿媽上個月入院報銷咗幾多錢",
    "帮我外公查一下他的社保卡卡号是多少，身份证号我发给你",
    "换工作中间医保停了两个月，有影响吗",
    "我爸去世了他账户里的钱怎么继承",
])
def test_a_record_a_gap_or_an_inheritance_is_declined(index, question):
    assert answered(index, question) is None


def test_the_citys_line_answers_a_phone_question_after_its_estimate(assistant):
    reply = assistant.ask("What phone number should we ring if we have questions about her claim?", "en", "quzhou")
    assert reply.entry.id == "quzhou/services/hotline"


def test_settling_automatically_at_discharge_is_no_renewal(index):
    assert answered(index, "Will the hospital settle Huiqubao automatically when he checks out, or must we file a claim ourselves?") \
        == "huiqubao/settlement"


# ---- the estimate ---------------------------------------------------------------------------------------------------------


def test_not_sure_of_the_costs_outside_the_list_assumes_none(interview):
    assert interview.accept(Step("out_of_list", "amount"), "自费的不清楚") is None


@pytest.mark.parametrize("text", ["不算低保的", "哦不对，她是低保边缘户，不算低保的", "不属于特困"])
def test_not_counted_among_the_groups_is_no_hardship(interview, text):
    assert interview.cases.read(text).answers.get("hardship") is False


def test_a_quzhou_hospital_named_in_english_is_care_inside_the_city(interview):
    answers = interview.cases.read("Suppose he'd been treated at Quzhou People's Hospital, with the rest the same?").answers
    assert answers.get("in_quzhou") is True


def test_a_deductible_paid_corrected_keeps_its_figure(interview):
    assert interview.cases.read("不对，之前扣的起付线记错了，不是两百，是一百").answers == {"deductible_used": Decimal("100")}


@pytest.mark.parametrize("text, city, place_asked, expected", [
    ("黑河那边住院能报多少", "quzhou", True, True),
    ("株洲看门诊能报多少", "hengyang", False, True),
    ("杭州住院能报多少", "quzhou", True, False),  # (where care was, for the step that asks it)
    ("不知道几级，就是南岳区那家医院", "hengyang", False, False),  # (a county of the estimate's city)
])
def test_another_place_named_in_an_estimate(assistant, text, city, place_asked, expected):
    assert assistant.names_another_place(text, city, place_asked) is expected
