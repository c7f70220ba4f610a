"""A scheme the resident says they are not, a neighbouring cost paid from our money, what a word means beside a
story or a guess, English stays, our insurance by its long name, grandparents and head-counts asked of a city.
Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered, lacking_asks


@pytest.mark.parametrize("question", [
    "Quzhou employee, admitted to a level 2 hospital last week: what share is reimbursed?",
    "Quzhou staff scheme, my wife's stay in a level 3 hospital, how much comes back?",
])
def test_an_english_stay_is_care_in_hospital_and_never_gets_the_outpatient_rates(index, question):
    # the knowledge has no Quzhou employee inpatient rates: declined, never the outpatient entry
    assert answered(index, question) is None


@pytest.mark.parametrize("question, entry", [
    ("Quzhou outpatient deductible for residents (not employees)?", "quzhou/resident/outpatient"),
    ("衢州（不是职工）门诊一年最多报多少", "quzhou/resident/outpatient"),
    ("Hengyang employee, outpatient visit (no admission) at a level 3 hospital: deductible and rate?",
     "family-aid/hengyang/outpatient-levels"),
    ("Quzhou, not inpatient, just a clinic visit at a level 2 hospital as a resident: rate?", "quzhou/resident/outpatient"),
    ("Quzhou employee outpatient visit at level 2 hospital (no surgery, not an inpatient stay): deductible?",
     "quzhou/employee/outpatient"),
])
def test_what_the_resident_says_they_are_not_is_not_asked(index, question, entry):
    assert answered(index, question) == entry


def test_a_status_denied_says_nothing_of_the_scheme(index):
    assert answered(index, "我不是退休的，还在衢州上班，个人账户每个月划进来多少") == "quzhou/employee/personal-account-worker"


@pytest.mark.parametrize("question", [
    "黑河共济的钱可以替我妈交长期护理保险费吗，听说有的地方行",
    "Heihe: can my family aid money pay my dad's long-term care insurance?",
])
def test_a_neighbours_cost_paid_from_family_aid_asks_of_family_aid(index, question):
    assert answered(index, question) == "family-aid/heihe/uses"


@pytest.mark.parametrize("question, subject", [
    ("长期护理保险怎么报销", "长期护理保险"),
    ("湖南的长期护理保险一个月交多少，我是湘潭共济的", "长期护理保险"),
    ("Do hearing aids get paid by Quzhou insurance?", "眼镜、助听器和轮椅等用品"),
    ("Does Hangzhou have its own version of Huiqubao?", "其他城市的惠民保"),
])
def test_the_neighbour_itself_asked_is_still_declined(index, question, subject):
    result = index.search(question)
    assert (result.outcome, result.decline_reason, result.subject) == ("declined", "uncovered_topic", subject)


@pytest.mark.parametrize("question, entry", [
    ("统筹是啥？统筹报销是不是用我个人账户的钱", "terms/pooled-fund"),
    ("我爸住院，医生说起付线要先交500，起付线到底啥意思", "terms/deductible"),
])
def test_a_word_asked_the_meaning_of_beside_a_guess_or_a_story_gets_the_glossary(index, question, entry):
    assert answered(index, question) == entry


def test_a_word_asked_beside_a_product_is_no_glossary_question(index):
    assert answered(index, "Huiqubao special drugs part, what is the deductible?") == "huiqubao/cover-special-drugs"


@pytest.mark.parametrize("question", ["阿婆参加衢州城乡居民保险，住一级医院能报多少比例", "阿嬤是衢州城鄉居民保險，住院三級醫院報幾成"])
def test_the_long_name_of_the_resident_scheme_is_ours(index, question):
    assert answered(index, question) == "quzhou/resident/inpatient"


def test_grandparents_are_asked_of_the_citys_own_list(index):
    # the binding steps rank first, but Heihe's list of relatives is what answers it
    assert answered(index, "黑河这边，能把我外婆绑到我的共济账户上吗") == "family-aid/heihe/who"


@pytest.mark.parametrize("question", ["衢州职工个人账户给家人用，人数上限是几个", "亲情账户加家人有没有人数限制"])
def test_a_limit_on_the_number_of_relatives_is_asked_and_said_to_be_lacking(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and lacking_asks(index, result) == ["能绑几个人"]


def test_taiwan_words_for_the_face_check_are_the_face_check(index):
    assert answered(index, "女兒才6歲，綁親情帳戶時要她本人做臉部辨識嗎") == "family-account/under-16"


@pytest.mark.parametrize("question", ["孩子在杭州读大学，要是在那边住院，惠衢保还赔吗", "老伴跟儿子住在广州，在那儿住院的话惠衢保管不管"])
def test_there_points_back_to_the_place_named_as_where_care_is(index, question):
    # 管不管 only asks whether it pays, no detail of its own
    assert answered(index, question) == "huiqubao/outside-quzhou"
