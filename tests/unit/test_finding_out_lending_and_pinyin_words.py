"""What residents of the fifty-fourth session's sets asked, and what the bot now makes of it: "I don't know the level,
how do I tell?" in the middle of an estimate gets the hint on where the level is written, not the FAQ's decline; an answer
that no application or claim is needed says where to apply and what to bring; the deductible's yearly ceiling is no cap
on what is paid; a message correcting itself to a neighbour's product is asked of that product; lending one's card or
code is asked as such; everyday words typed in pinyin letters (laopo, tiaojian, mingxi) and the places Quzhou's
residents go (shangrao) are read; a city we lack likened to ours is asked of when its own family aid is named; more
ways of asking the bot to look up a record, nursing homes and care in Russia are declined. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.estimate.interview import HINT_LEVEL_UNSURE, AnswerError
from tests.unit.shipped import answered

HENGYANG_EMPLOYEE_OUTPATIENT = {"city": "hengyang", "scheme": "employee", "care": "outpatient"}

# ---- in the middle of an estimate ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["几级医院我不知道啊 这个怎么看", "不知道是几级，怎么查"])
def test_not_knowing_the_level_and_asking_how_to_tell_gets_where_to_look(interview, text):
    step = interview.next_step(HENGYANG_EMPLOYEE_OUTPATIENT)
    assert step.name == "level"
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, text)
    assert caught.value.hint_msgid == HINT_LEVEL_UNSURE
    assert not interview.reader.asks_a_rule(text)


def test_a_question_of_its_own_beside_the_doubt_is_still_a_question(interview):
    step = interview.next_step(HENGYANG_EMPLOYEE_OUTPATIENT)
    with pytest.raises(AnswerError) as caught:
        interview.accept(step, "几级医院我不知道 惠衢保怎么查")
    assert caught.value.reason == "question"


# ---- what an answer says ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("衡阳 这个慢性病降到自己出一成 是要去哪里申请的吗", "family-aid/hengyang/chronic-ratio"),  # no application: where is answered
    ("惠衢保住院报销要准备哪些材料", "huiqubao/settlement"),  # no claim filed: nothing to bring
    ("衡阳慢性病门诊2025年3月前后自付比例差多少", "family-aid/hengyang/chronic-ratio"),  # fell from 20% to 10%
    ("Can I use my own employee personal account to pay his Huiqubao premium?", "huiqubao/buy-for-family"),  # who pays
])
def test_an_answer_that_says_it_answers(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["衡阳门诊报销一年有没有封顶的", "衡阳普通门诊一年封顶多少？只要数字"])
def test_the_deductibles_yearly_ceiling_is_no_cap_on_what_is_paid(index, question):
    assert answered(index, question) != "family-aid/hengyang/outpatient-deductible"


@pytest.mark.parametrize("question", ["衡阳门诊起付线一年封顶多少", "衡阳门诊趄付线是不是每次都要交不封顶", "衡阳门诊起什线一年最多交多少"])
def test_the_deductibles_ceiling_asked_is_still_answered(index, question):
    assert answered(index, question) == "family-aid/hengyang/outpatient-deductible"


def test_a_correction_to_a_neighbours_product_asks_of_it(index):
    result = index.search("惠衢保理赔要哪些材料，不是惠衢保，我说错了，是平安e生保百万医疗险理赔要什么材料")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


# ---- lending a card or code --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["医保码能借给我妹用一下不，她手机没带", "昭通我的医保卡能给我爸拿去用吗",
                                      "My son forgot his card. Is it OK if he just uses mine at the clinic today?"])
def test_lending_a_card_is_not_answered_by_who_may_share_or_where_codes_work(index, question):
    assert answered(index, question) not in ("quzhou/services/evoucher-where", "family-aid/zhaotong/who")


def test_lending_a_card_in_english_gets_impersonation(index):
    assert answered(index, "My son forgot his card. Is it OK if he just uses mine at the clinic today?") == "family-aid/national/impersonation"


# ---- words in pinyin letters, and places -----------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("xiangtan jiating gongji tiaojian have what", "family-aid/xiangtan/conditions"),
    ("where i can see my yibao yue and baoxiao mingxi in quzhou", "quzhou/services/evoucher-query"),
    ("in quzhou city, roughly how many yiyuan plus yaodian take the phone yibao code", "quzhou/services/evoucher-where"),
])
def test_everyday_words_in_pinyin_letters_are_read(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["shangrao jumin yibao zhuyuan baoxiao bili is how much",
                                      "长沙共济跟衡阳一样吗？在长沙能绑几个",
                                      "changsha gongji same as hengyang? changsha can bind how many"])
def test_a_city_we_lack_asked_of_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"


# ---- declined ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "帮我查一下我医保卡里还有多少钱，身份证号码我发你",
    "帮我查查我爸和我妈去年惠衢保谁赔得多",
    "pls check my huiqubao baodan number, my shenfenzheng 330802196505XXXXXX",
    "三亚的养老院一个月大概多少钱，哪家条件好？",
    "heihe go russia blagoveshchensk see doctor, yibao can pay?",
    "huiqubao or pingan baiwan yiliao xian, which one better for me",
])
def test_neighbouring_subjects_and_records_are_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


def test_a_nursing_home_where_one_lives_is_no_subject_asked(index):
    assert answered(index, "衢州居民医保 我妈住养老院，在旁边的二级医院看门诊能报多少") == "quzhou/resident/outpatient"


@pytest.mark.parametrize("question", ["上个月我妈亲情账户里刷了多少钱，你帮我看一眼", "今年我在惠衢保有没有理赔过，你帮我查一下记录",
                                      "上个月买的惠衢保电子保单找不到了，你发一份给我", "帮我查一下我医保卡里还有多少钱，身份证号码我发你"])
def test_a_request_closing_a_message_about_a_record_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


def test_a_rule_asked_before_a_closing_request_is_answered(index):
    assert answered(index, "我想问惠衢保有没有年龄限制，你帮我查一下") == "huiqubao/who-can-join"


@pytest.mark.parametrize("question", ["請問醫保電子憑證可以用來坐地鐵或者搭巴士嗎？", "香港的醫健通（eHealth）紀錄可否同內地醫保的親情賬戶互通？"])
def test_fares_and_hong_kongs_ehealth_are_declined(index, question):
    assert index.search(question).decline_reason == "uncovered_topic"


def test_a_bus_in_the_story_is_no_subject_asked(index):
    assert answered(index, "phone got stolen on the bus and my medical e-voucher was on it, how do i freeze it") == "quzhou/services/evoucher-lost"


# ---- what is asked ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("宝宝刚生下来还没身份证，是不是亲情账户就绑不上了", "family-account/bind-by-birth-certificate"),  # whether it can, not a failure
    ("衡阳的共济到省内别的市看病还能不能用，不会一出衡阳就失效吧", "family-aid/hengyang/cross-region"),  # working elsewhere, no lapse
    ("living in heihe, my yibao zhanghu allow link up to how much relatives total", "family-aid/heihe/limits"),
])
def test_what_is_asked_is_read_as_such(index, question, entry):
    assert answered(index, question) == entry


def test_a_family_account_limit_asked_in_pinyin_english_is_said_to_be_lacking(index):
    result = index.search("qinqing zhanghu max can put inside how many family person")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


# ---- the glossary, initials, a card lent for registering, a month's medicine -----------------------------------------


@pytest.mark.parametrize("question", ["医保里起付线和封顶线，一个是下限一个是上限吗", "Deductible versus cap - which one is the floor and which one the ceiling?"])
def test_two_glossary_words_weighed_are_both_explained(index, question):
    result = index.search(question)
    assert result.outcome == "answered" and {result.entry.id, *(e.id for e in result.also_asked)} == {"terms/deductible", "terms/cap"}


def test_a_words_meaning_asked_outright_is_the_glossarys_whatever_place_is_told(index):
    assert answered(index, "在上海住院，医生说衢州医保有封顶线，封顶线是啥意思") == "terms/cap"


def test_i_mean_in_a_correction_asks_no_meaning(index):
    assert answered(index, "Huiqubao part 2 deductible is 10,000 — sorry, I mean: is there a waiting period after joining before Huiqubao pays?") is None


@pytest.mark.parametrize("question, entry", [("黑河jtgj要满足啥条件才能用", "family-aid/heihe/conditions"),
                                             ("jmyb衢州的 看门门诊一年最多给报多少", "quzhou/resident/outpatient")])
def test_pinyin_initials_are_read(index, question, entry):
    assert answered(index, question) == entry


def test_a_card_borrowed_to_register_is_impersonation_not_registering(index):
    assert answered(index, "我在上海没带卡，借我妈的社保卡挂个号应该没事吧") == "family-aid/national/impersonation"


@pytest.mark.parametrize("question, figures", [
    ("我爸衡阳职工，高血压药一个月1500，现在自己出多少", ["150.00", "1,800.00"]),
    ("老婆糖尿病，衢州职工医保，每个月门诊配药600块，能报多少", ["450.00", "150.00"]),
])
def test_a_months_medicine_is_worked_out(assistant, question, figures):
    reply = assistant.ask(question, "zh")
    assert reply.outcome == "answered" and all(figure in reply.answer for figure in figures)


def test_one_insured_in_a_city_we_lack_sharing_with_parents_in_ours_is_declined(index):
    result = index.search("我在昆明交的医保，能给昭通的爸妈共济吗")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"


def test_a_parent_living_in_a_city_we_lack_is_still_asked_of_ours(index):
    assert answered(index, "能不能给我在昆明的妈妈用昭通的共济") == "family-aid/zhaotong/who"
