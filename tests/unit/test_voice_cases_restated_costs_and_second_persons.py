"""Whole cases told by voice (no punctuation, 呢 as a pause, 然后, a request at the end, the place of care right after
the insurance: 衢州的居民医保在上海的三甲医院做的手术), answers that tell more than their step (是三甲医院就在我们衢州市区里面),
what comes after a result (the cost said again, 我是说三千五百块; the rules' year, 这个60%是哪年的; 刚才算的 after questions in
between; 再帮我算一个 for another person), an uncovered city named beside ours; and FAQ readings: one relative bound by two
people, a glossary word asked for someone (我奶奶问…起付线是啥意思), 承诺书, basic insurance as what Huiqubao requires, an
account at zero, and the resident premium of years we lack said to be lacking. Run on the shipped knowledge."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.conversation import answer_to_last
from tests.unit.shipped import answered_entry

# ---- a whole case told by voice ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("told, expected", [
    # 呢 inside a clause is a pause, not a question: the place and the plan told around it are kept
    ("帮我算算我妈是衢州城乡居民医保上个月在杭州住的院是三甲医院医保范围内的花了十一万八自费的药呢有两万四惠衢保是买了的",
     {"in_quzhou": False, "out_of_list": Decimal("24000.00"), "huiqubao": True}),
    # a request at the end (帮我算算能报多少) is a clause of its own: what comes before it is told, not asked
    ("喂我帮我爸问一下啊他衢州城乡居民医保的上个月在上海住的院医保内的花了6万4千5自费的1万2惠衢保没买帮我算算能报多少",
     {"in_quzhou": False, "huiqubao": False, "out_of_list": Decimal("12000.00")}),
    # 然后 starts a clause: 不是低保户 and 惠衢保有买过 are each read
    ("她不是低保户然后惠衢保有买过", {"hardship": False, "huiqubao": True}),
])
def test_a_voice_case_keeps_what_it_tells(interview, told, expected):
    answers = interview.cases.read(told).answers
    assert {name: answers.get(name) for name in expected} == expected


@pytest.mark.parametrize("told", [
    "呃你好我爸是衢州的居民医保在上海的三甲医院做的手术住院医保范围内的花了二十三万六惠衢保他是有买的帮我算算",
    "我儿子是学生衢州城乡居民医保在杭州的儿童医院住的院三级的医保内三万七千五自费的七千六没买惠衢保帮我算下",
])
def test_a_place_after_the_insurance_with_a_hospital_is_where_care_was(interview, told):
    case = interview.cases.read(told)
    assert case.elsewhere is None and case.answers.get("city") == "quzhou" and case.answers.get("in_quzhou") is False


def test_insured_in_a_place_we_lack_is_still_read_so(interview):
    assert interview.cases.read("我医保在杭州，在衢州住院花了3万").elsewhere == "杭州"


@pytest.mark.parametrize("told, out_of_list", [
    ("6万8全是医保范围内的", Decimal("0.00")),
    ("医保内的2万6都是我先垫付的", None),  # all paid by me first: nothing said of costs outside the list
    ("他尿毒症这半年都在杭州做的透析政策范围内的花了六万七千五目录外的药是八千六", Decimal("8600.00")),
])
def test_all_in_scope_beside_an_amount_only_when_the_catalogue_follows(interview, told, out_of_list):
    assert interview.cases.read(told).answers.get("out_of_list") == out_of_list


async def test_a_level_told_with_the_place_answers_both_steps():
    text = await answer_to_last("帮我估一下我妈衢州城乡居民医保住院住了半个月医保内的二十万零八千自费两万一不是低保有惠衢保",
                                "是三甲医院就在我们衢州市区里面")
    assert "134,745.00" in text and "第5步" not in text


# ---- after a result ------------------------------------------------------------------------------------------------------

EMPLOYEE_OUTPATIENT_3500 = "衢州职工退休看门诊三级医院花了3千伍"


async def test_the_cost_said_again_shows_the_result_again():
    text = await answer_to_last(EMPLOYEE_OUTPATIENT_3500, "我是说三千五百块")
    assert "1,680.00" in text and "抱歉" not in text


async def test_a_cost_corrected_after_the_same_cost_said_again_is_worked_out():
    text = await answer_to_last(EMPLOYEE_OUTPATIENT_3500, "我是说三千五百块", "不对，是四千块")
    assert "1,980.00" in text


@pytest.mark.parametrize("asked", ["這個60%是哪一年的政策？", "这个比例是哪年的规定"])
async def test_the_rules_year_asked_after_a_result_shows_it_with_its_sources(asked):
    text = await answer_to_last("衢州职工医保退休了看门诊，社区卫生服务中心，花了4350", asked)
    assert "2,835.00" in text and "2025" in text and "抱歉" not in text


async def test_the_result_pointed_back_at_after_a_question_in_between():
    text = await answer_to_last("我是衢州农村的老太婆，居民医保，在衢江区人民医院住了一个礼拜，二级医院的，帮我算算能报多少",
                                "两万三千四", "没有，药都是医保里的", "不是低保，惠衢保买了的", "二级医院住院起付线是多少",
                                "刚才算的能报多少，再说一遍")
    assert "17,175.00" in text


async def test_one_more_case_for_another_person_asks_her_own_status():
    text = await answer_to_last("我爸是衢州城乡居民，低保户，惠衢保有买，在衢州市人民医院住院，三级医院，医保内花了11万8，目录外的药1万2，帮我算算",
                                "再帮我算一个，我妈的：衢州城乡居民，在衢州的二级医院住院，医保内6万1，自费的药3千")
    assert "第8步" in text and "合计报销" not in text


async def test_an_ordinary_old_person_is_no_hardship_in_a_what_if():
    text = await answer_to_last("我是外孙，帮外婆估算一下：外婆是衢州城乡居民医保，在杭州的三甲医院住院，目录内的费用13万7，目录外的药2万4，"
                                "她是特困人员，惠衢保没买", "要是她不是特困，就是普通老人呢")
    assert "108,638.00" in text


# ---- places -------------------------------------------------------------------------------------------------------------

def test_a_city_we_lack_is_named_in_the_decline_not_ours_it_is_likened_to(assistant):
    reply = assistant.ask("my sister is insured in Changsha. Is her outpatient deductible the same as in Hengyang?", "en")
    assert reply.outcome == "declined" and reply.subject.lower() == "changsha"


# ---- FAQ readings ----------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("湘潭那边，一个老人能同时挂在两个子女的共济下面吗", "family-aid/xiangtan/limits"),
    ("衡阳的，我跟我哥都想绑老妈，听说一个老人可以被几个子女一起绑", "family-aid/hengyang/limits"),
    ("衡阳，湘医保里添加我妈，提交时提示已被其他人绑定", "family-aid/hengyang/limits"),
    ("我奶奶问医保里说的起付线是啥意思，我也讲不明白", "terms/deductible"),
    ("村里老人问我封顶线是什么，帮我解释一下", "terms/cap"),
    ("医院说有个起付线，这到底是个啥", "terms/deductible"),
    ("传材料时卡在承诺书那一格，我手里没有，得自己写一份吗", "family-account/bind-by-id-card"),
    ("浙里办点立即投保，跳出来说未参加衢州基本医保不能投保，那我下一步咋办", "huiqubao/need-basic-insurance"),
    ("衡阳我卡里一分钱都没了，还能共济给我崽吗", "family-aid/hengyang/conditions"),
    ("衡阳家庭共挤，余额必须大于零吗", "family-aid/hengyang/conditions"),
    ("衢州居民医保大病那块，结算单上说自付要过一个数才开始算，是多少", "quzhou/resident/critical-illness"),
    ("我老公衢州职工医保个人账户里的钱，可以给我看病用吗", "quzhou/employee/personal-account-family"),
])
def test_questions_residents_typed_reach_their_entry(assistant, question, entry):
    assert answered_entry(assistant, question) == entry


def test_a_lone_one_before_a_relative_is_no_figure_asked(index):
    assert "几个人" not in index.understanding.figures_as_asked("想把以前绑的一个亲戚解绑")
    assert "几个人" in index.understanding.figures_as_asked("最多能绑20个亲属吗")


@pytest.mark.parametrize("question", ["下一年度衢州城乡医保每人得掏多少，标准出了没", "明年衢州居民医保交多少"])
def test_a_later_years_premium_is_said_to_be_lacking(assistant, question):
    reply = assistant.ask(question, "zh")
    text = reply.entry.answer if reply.entry is not None else ""
    assert reply.entry is None or ("440" in text and "资料里没有" in text)


# ---- a payment denied is no cost of none; a rate claimed in 成 -----------------------------------------------------------

def test_a_payment_denied_says_nothing_of_the_cost(interview):
    assert "out_of_list" not in interview.cases.read("惠衢保自费药那块怎么没赔钱").answers
    assert interview.cases.read("没有自费药").answers.get("out_of_list") == Decimal("0.00")


async def test_why_a_part_paid_nothing_after_a_result_shows_the_result_again():
    text = await answer_to_last("我老伴是衢州居民医保，在杭州住院，三级医院，医保内十二万八，帮我估个报销", "一万二千六", "不是", "买了的",
                                "惠衢保自费药那块怎么没赔钱")
    assert "106,949.00" in text


def test_a_rate_claimed_in_cheng_is_a_rate_asked(assistant):
    assert answered_entry(assistant, "邻居说惠衢保是按七成赔的") == "huiqubao/payout-ratio"
