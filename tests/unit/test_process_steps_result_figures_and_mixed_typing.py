"""Residents part-way through a process or an estimate: a question in the middle that checks a rate (百分之几, 是报70%吗,
只算一半), a "what if" that changes nothing the rules use (假如我已经退休了呢), a figure of the result asked about
(这个大病15000是什么意思), Back after details told ahead, a month's cost corrected; English words and spaces inside a
Chinese case (self-pay 的药 2.3w, Huiqubao 没买); and questions whose ask was misread: a record only the office has
(上个月住院报了多少钱), the answer's form (只要数字), a told step (已经绑好我弟了, 提交成功了), an age limit read as a cap.
Run on the shipped knowledge."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.conversation import answer_to_last
from tests.unit.shipped import answered_entry

# ---- the estimate: a question in the middle that checks a rate -------------------------------------------------------

CASE_AT_HARDSHIP = "帮我估算一下我爸的住院报销：他是衢州城乡居民医保，上礼拜在柯城的二级医院住院，医保内4万6，自费药1.5万"


@pytest.mark.parametrize("question", ["像低保户这种，大病保险给报百分之几？", "先问一下, dibao 户的大病保险是报 70% 吗？"])
async def test_a_rate_checked_in_the_middle_is_answered_and_the_step_stays(question):
    text = await answer_to_last(CASE_AT_HARDSHIP, question)
    assert "70%" in text and "第8步" in text and "第9步" not in text


async def test_a_half_asked_of_care_elsewhere_is_a_rule_not_the_answer_outside_the_city():
    text = await answer_to_last("幫我估算一下我女兒住院的費用：她是學生，衢州城鄉居民醫保，在二甲醫院開刀住院",
                                "先問一下，外地住院的話，惠衢保那個自費藥是不是只算一半？")
    assert "第5步" in text and "第6步" not in text


def test_a_rate_with_a_percent_sign_in_a_question_asks_a_rule(interview):
    assert interview.reader.asks_a_rule("低保户的大病保险是报70%吗？")
    assert not interview.reader.asks_a_rule("住院花了3万，能报多少")


# ---- the estimate: English words and spaces inside a Chinese case ---------------------------------------------------

@pytest.mark.parametrize("told, expected", [
    ("住院, 三甲医院, 一共 9.8w, 其中 self-pay 的药 2.3w", {"in_scope": Decimal("75000.00"), "out_of_list": Decimal("23000.00")}),
    ("住院，一共9.8w，其中自费 的药 2.3w", {"in_scope": Decimal("75000.00"), "out_of_list": Decimal("23000.00")}),
    ("他是特困户，Huiqubao 没买", {"hardship": True, "huiqubao": False}),
    ("医保内3w 自费2w", {"in_scope": Decimal("30000.00"), "out_of_list": Decimal("20000.00")}),
])
def test_a_space_beside_an_english_word_or_before_de_parts_no_clause(interview, told, expected):
    answers = interview.cases.read(told).answers
    assert {name: answers.get(name) for name in expected} == expected


# ---- the estimate: after the result ----------------------------------------------------------------------------------

EMPLOYEE_OUTPATIENT = "帮我算一下衢州职工医保社区医院看普通门诊花了2470"


@pytest.mark.parametrize("what_if", ["假如我已经退休了呢？", "那要是他还在职上班呢？", "如果我退休了，还一样吗"])
async def test_a_what_if_that_changes_nothing_the_rules_use_shows_the_result_again(what_if):
    text = await answer_to_last(EMPLOYEE_OUTPATIENT, what_if)
    assert "估算用到的条件都没有变" in text and "1,519.00" in text and "抱歉" not in text


def test_a_place_said_again_is_no_unchanged_what_if(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": False}
    assert not interview.cases.changes_nothing(answers, "那衢州的呢")
    assert not interview.cases.changes_nothing(answers, "那在杭州住院要先备案不")
    assert interview.cases.changes_nothing({**answers, "scheme": "employee"}, "假如我已经退休了呢？")


async def test_a_figure_of_the_result_asked_about_shows_the_result_again():
    text = await answer_to_last("帮我算算我外公：衢州城乡居民，在杭州三甲医院住了12天院，医保内的费用14万2，目录外的自费药2万6，他不是低保户，没买惠衢保",
                                "这个大病15000是什么意思？")
    assert "这是刚才估算的结果" in text and "15,000.00" in text


def test_an_amount_of_a_new_case_is_no_figure_quoted(interview):
    shown = {Decimal("8000"), Decimal("1380")}
    quoted = interview.cases.amounts_pointed_at("这1380就是我妈自己要出的钱吗？")
    assert quoted and quoted <= shown
    assert not interview.cases.amounts_pointed_at("门诊呢，也是卫生院，8000")


async def test_a_months_cost_corrected_is_still_a_month_and_the_year_is_twelve_of_it():
    text = await answer_to_last("那我妈呢？她是衡阳的退休职工，有糖尿病，每个月在药店拿降糖药1850，帮我算一下",
                                "不对，她每个月的药费不是1850，是1580", "那一年下来她自己要掏多少")
    assert "18,960.00" in text and "17,064.00" in text and "1,896.00" in text


def test_back_keeps_the_details_told_ahead_of_their_step(interview):
    answers = {"city": "quzhou", "scheme": "resident", "hardship": True, "huiqubao": False, "care": "inpatient",
               "level": 3, "in_quzhou": True, "in_scope": Decimal("125000")}
    kept = interview.back(answers)
    assert "in_scope" not in kept and kept["hardship"] is True and kept["huiqubao"] is False


def test_back_to_another_care_drops_what_only_its_path_asks(interview):
    answers = {"city": "quzhou", "scheme": "resident", "hardship": True, "care": "inpatient"}
    assert "hardship" not in interview.back(answers)


def test_mode_de_says_no(interview):
    assert interview.cases.read("没有嘞，莫得低保").answers.get("hardship") is False


# ---- questions whose ask was misread ----------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["帮我查一下我去年住院报了多少钱，我的身份证号是330802199001011234",
                                      "我上个月在衢州人民医院住院报了多少钱，你帮我查查明细",
                                      "帮我查一下我妈上个月住院惠衢保到底赔了多少",
                                      "社保卡满16周岁要不要去换一张成人的",
                                      "讲讲大学生在学校怎么交医保"])
def test_a_record_only_the_office_has_or_a_card_to_replace_is_declined(assistant, question):
    assert answered_entry(assistant, question) is None


def test_where_a_record_is_looked_up_is_still_answered(assistant):
    assert answered_entry(assistant, "开化的，去年大病保险给我报了多少钱在哪里能查到") is not None


@pytest.mark.parametrize("question, entry", [
    ("俺家老爷子今年整整100岁了，惠衢保卡不卡年龄上限", "huiqubao/who-can-join"),
    ("衡阳普通门诊起付线一年累计最多多少？只要数字", "family-aid/hengyang/outpatient-deductible"),
    ("惠衢保参保最后一天是1月30号还是1月31号", "huiqubao/enrolment-period"),
    ("惠衢保最后一天保障是到当天晚上12点还是下午就结束了", "huiqubao/cover-period"),
    ("惠衢保保的时间是从哪一天到哪一天呢", "huiqubao/cover-period"),
    ("查医保个账余额的官方电话是多少", "family-aid/national/balance-ways"),
    ("用微信查医保个人账户余额，从哪个入口进", "family-aid/national/balance-wechat"),
    ("我没有身份证带在身上，可以去医院的那个机器查医保余额吗", "family-aid/national/balance-offline"),
    ("黑河这边共济已经绑好我弟了，他去药店拿药是刷我的卡还是他自己的", "family-aid/heihe/pay"),
    ("衢州的异地就医备案我已经在浙里办提交成功了，接下来去外地医院还要办别的手续吗", "quzhou/remote-care/how-to-register"),
    ("衡阳要在哪个平台上才能网上办家庭共济", "family-aid/hengyang/bind-online"),
    ("共济账户里的钱能不能买保健品或者去美容院", "family-aid/national/uses"),
    ("报一下会衢保的年费", "huiqubao/premium"),
])
def test_a_word_beside_the_ask_no_longer_hides_it(assistant, question, entry):
    assert answered_entry(assistant, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("我的血压很高每个月去衢州医院开药，门诊报销是几多 percent", "quzhou/employee/chronic-disease"),
    ("衢州没有上班的人，住在三级医院，报销几 percent 呢", "quzhou/resident/inpatient"),
    ("里河家庭共济孙女能绑吗", "family-aid/heihe/who"),
])
def test_a_rate_in_english_words_and_who_is_not_working_are_read(assistant, question, entry):
    assert answered_entry(assistant, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("Our newborn has no ID card yet. What details do I enter to link her in the National Medical Insurance Service Platform app?",
     "family-account/bind-by-birth-certificate"),
    ("小孩沒有身份證要填什麼資料才綁得上", "family-account/bind-by-birth-certificate"),
    ("闺女一岁半，身份证还没办，怎么挂到我的医保app下面", "family-account/bind-by-birth-certificate"),
    ("我想把我的儿子放到我的手机里，他三岁，还没有身份证的", "family-account/bind-child"),
    ("我是衢州城乡居民医保，住的是区里的二级医院不是三级的，两万块的账单按什么比例报", "quzhou/resident/inpatient"),
])
def test_a_child_without_an_id_card_gets_the_way_without_one(assistant, question, entry):
    assert answered_entry(assistant, question) == entry


def test_a_form_of_answer_asked_is_no_part_of_the_question(assistant):
    assert answered_entry(assistant, "俺家老头八十好几了，惠衢保还让买不？给个痛快话") != "huiqubao/channels"
    assert answered_entry(assistant, "惠衢保一个人一年交多少？只要数字") == "huiqubao/premium"


def test_a_school_told_beside_another_ask_is_not_asked(assistant):
    assert answered_entry(assistant, "我今年41，在湘潭岳塘区上班交职工医保，儿子在长沙读大学，学校里交的居民医保，他能用我的共济吗？") \
        == "family-aid/xiangtan/cross-region"
