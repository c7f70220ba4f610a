"""What residents of the fifty-fifth session's sets asked, and what the bot now makes of it: a long story's detail
(我还没去办备案) is not what is asked when the question at its end asks something of its own; one of our cities typed by
its sound alone (相谈) opening a message about our subjects is that city; an injury asked of 惠衢保 gets its accident
entry (not one at work or school); a registration made for the wrong place is the change-of-place entry; care without
registering in a city whose rule we lack shows where that city registers; a glossary word asked about with nothing
else named gets the glossary; and more requests to look up or act on a record, dental implants, care in Myanmar,
online pharmacies, transport cards and other cities' plans are declined. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered


# ---- a long story's details ------------------------------------------------------------------------------------------


def test_a_detail_told_in_a_long_story_is_not_what_its_last_question_asks(index):
    question = ("我医保在老家交的，现在跟女儿住在深圳，住了两年了。听人说外地很多医院都能直接结算。我自己还没去办备案。"
                "全国现在有多少家医院能直接结算？")
    assert answered(index, question) == "remote-care/national/hospitals-count"


def test_a_wish_told_across_parts_is_still_asked(index):
    assert answered(index, "黑河我想把爸妈、兄弟姐妹、爷爷奶奶都绑上，有没有人数上限") is None


# ---- our cities by their sound -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("相谈家庭共济绑定要满足啥条件", "family-aid/xiangtan/conditions"),
    ("相谈一个职工最多绑几个家人", "family-aid/xiangtan/limits"),
])
def test_our_city_typed_by_its_sound_opening_a_message_is_that_city(index, question, entry):
    assert answered(index, question) == entry


# ---- injuries, and registrations ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["骑摩托摔断了胳膊住院，惠衢保赔不赔", "骑電動車跌倒骨折住院，惠衢保管嗎"])
def test_an_injury_asked_of_huiqubao_gets_its_accident_entry(index, question):
    assert answered(index, question) == "huiqubao/accident"


@pytest.mark.parametrize("question", ["上班的时候受了伤住院，找谁赔", "学生在学校摔伤了那个学校的保险怎么赔"])
def test_an_injury_at_work_or_school_is_not_huiqubaos(index, question):
    assert answered(index, question) != "huiqubao/accident"


@pytest.mark.parametrize("question", ["衢州异地备案的城市填错了怎么办", "衢州的异地备案能不能转备案地"])
def test_a_registration_for_the_wrong_place_is_the_change_of_place(index, question):
    assert answered(index, question) == "quzhou/remote-care/change-place"


def test_care_without_registering_where_the_rule_is_lacking_shows_where_the_city_registers(index):
    result = index.search("昭通医保去外省住院忘了备案，在手机上怎么补")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"
    assert result.nearest is not None and result.nearest.id == "zhaotong/remote-care/register"


# ---- the glossary ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("收费的说要先扣起付线，起付线到底是啥东西", "terms/deductible"),
    ("听说有的不设封顶线，是不是花多少都给报", "terms/cap"),
    ("My neighbour says the deductible is the most the insurance pays. True?", "terms/deductible"),
])
def test_a_glossary_word_asked_of_with_nothing_else_named_gets_the_glossary(index, question, entry):
    assert answered(index, question) == entry


# ---- declined ------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "帮我外婆查一下她医保卡里还剩多少",
    "帮我看看我妈的电子凭证现在绑在谁手机上",
    "Could you bind my dad to my family account for me? His ID number is 330802196001011234.",
    "Could you tell me how much is left in my mother's medical account right now?",
    "Please send me a reminder when the resident premium is due.",
    "我爸想种三颗牙，医保给报吗",
    "在缅甸看病回来医保能报吗",
    "網上藥房買藥可以刷醫保嗎",
    "醫保電子憑證可以同八達通一齊用嗎",
    "Is there a plan similar to Huiqubao in Xiangtan that I could buy?",
    "How much is the flexible-employment contribution in Hengyang?",
])
def test_records_requests_and_neighbouring_subjects_are_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


@pytest.mark.parametrize("question, entry", [
    ("帮我爸看看他有没有资格买惠衢保", "huiqubao/who-can-join"),
    ("惠衢保是政府办的还是商业的", "huiqubao/what"),
])
def test_a_rule_asked_for_someone_is_still_answered(index, question, entry):
    assert answered(index, question) == entry


# ---- in a case told in one message -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["她不是 低保 惠衢保买了", "她不是 dibao huiqubao 买了的"])
def test_a_negation_before_a_pause_still_negates(interview, text):
    assert interview.cases.read(text).answers == {"hardship": False, "huiqubao": True}


@pytest.mark.parametrize("text", ["不 没买惠衢保", "是低保 没有买惠衢保"])
def test_a_lone_no_before_a_pause_is_its_own_answer(interview, text):
    assert interview.cases.read(text).answers["huiqubao"] is False


def test_another_persons_case_at_the_same_hospital_keeps_its_level(interview):
    first = interview.cases.read("我妈衡阳退休职工 在三级医院看门诊 花了两千")
    text = "我爸也是衡阳退休职工 也在那家医院看的门诊 花了一千五"
    revised = interview.cases.revision(first.answers, interview.cases.read(text), text)
    assert revised is not None and revised.answers["level"] == 3 and revised.answers["in_scope"] == 1500


def test_another_persons_case_elsewhere_asks_its_level_again(interview):
    first = interview.cases.read("我妈衡阳退休职工 在三级医院看门诊 花了两千")
    text = "我爸也是衡阳退休职工 看门诊 花了一千五"
    assert interview.cases.revision(first.answers, interview.cases.read(text), text) is None
