"""How residents with no smartphone, no money left or a second binder ask, and what a told story or a correction
leaves asked: an old phone or no internet asks for the counter (老年机, 不会上网), and a balance checked without a
smartphone is not answered with the WeChat steps; an account run down to nothing (用成0了, 冇得钱) asks whether the
balance must be above zero; a relative already bound by someone else (已经被我姐姐绑了…还可以再绑吗) gets the named
city's limits; two hospital levels weighed with 还是 (二级医院还是三级医院，起付线相差多少) get the entry naming both;
care abroad told before a question of paying (出国了在国外住院，惠衢保赔不赔) is declined as care abroad, while a
childhood abroad is not; a city set apart by 哦不是 is not kept as the one meant; and a contribution base names a
working employee. What the named city's entries say is found wherever they rank (the 家庭共济证明 of Zhaotong's paying
entry, Hengyang's re-review with no documents again, its unbinding entry before the limits that mention it); the
resident's own work told (在外面跑业务) is no job asked for; and an answer telling one to "check with" the office is no
record of one's own. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered

# ---- no smartphone, no internet: the counter ---------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("我爸用的老年机，黑河共济要带他去哪办", "family-aid/heihe/bind-offline"),
    ("不会弄湘医保，衡阳共济能去窗口办吗", "family-aid/hengyang/bind-offline"),
    ("我外公不会用智能机，医保余额去哪查", "family-aid/national/balance-offline"),
])
def test_an_old_phone_or_no_app_asks_for_the_counter(index, question, entry):
    assert index.understanding.facets(index.read(question)).get("channel") == {"offline"}
    assert answered(index, question) == entry


def test_no_internet_is_no_detail_the_knowledge_lacks(index):
    # (上网 is part of 不会上网, a way of doing it, not a thing Heihe's balance entry should speak of)
    assert answered(index, "奶奶不会上网，黑河共济账户还剩多少怎么查") == "family-aid/heihe/balance"


def test_a_balance_checked_without_a_smartphone_is_not_the_wechat_steps(index):
    assert answered(index, "家里没有智能手机，医保账户还剩多少钱怎么查") not in (
        "family-aid/national/balance-wechat", "family-aid/national/balance-alipay", "family-aid/national/balance-online")


# ---- the balance run down, a relative bound by someone else -------------------------------------------------------------


@pytest.mark.parametrize("question", ["衡阳我职工账户都用成0了，还能给老婆共济吗",
                                      "衡阳共济，我账户里冇得钱了，还能给我爸用吗"])
def test_an_account_run_down_asks_whether_the_balance_must_be_above_zero(index, question):
    assert answered(index, question) == "family-aid/hengyang/conditions"


def test_a_relative_bound_by_a_sibling_elsewhere_gets_the_named_citys_limits(index):
    assert answered(index, "我爸已经被我在长沙的姐姐绑了共济，我在衡阳还可以再绑我爸吗") == "family-aid/hengyang/limits"


# ---- two sides weighed with 还是 ------------------------------------------------------------------------------------------


def test_two_hospital_levels_weighed_with_haishi_get_the_entry_naming_both(index):
    assert answered(index, "衢州居民医保住院，选二级医院还是三级医院，起付线相差多少") == "quzhou/resident/inpatient"


# ---- care abroad told before the question ---------------------------------------------------------------------------------


def test_care_abroad_told_before_a_question_of_paying_is_declined_as_care_abroad(index):
    result = index.search("出国了在国外住院，惠衢保赔不赔")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


def test_a_childhood_abroad_is_no_care_abroad(index):
    question = "My mum was treated in Quzhou. I grew up in Canada and the leaflet confuses me. What does Huiqubao pay for?"
    assert answered(index, question) == "huiqubao/cover-overview"


# ---- a city set apart by a correction; a contribution base ---------------------------------------------------------------


def test_a_city_set_apart_by_a_correction_is_not_the_one_meant(index):
    assert answered(index, "湘潭的共济我爸能用吗，哦不是湘潭，我是衡阳的") == "family-aid/hengyang/who"


@pytest.mark.parametrize("question", ["我缴费基数8000，衢州每月划进个人账户多少", "我缴费基数五千，衢州个人账户每月划几钿"])
def test_a_contribution_base_names_a_working_employee(index, question):
    assert index.understanding.facets(index.read(question)).get("status") == {"working"}
    assert answered(index, question) == "quzhou/employee/personal-account-worker"


# ---- what the named city's entries say, wherever they rank; a job told, a record asked -------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("昭通家人用共济结账，要不要带什么证明", "family-aid/zhaotong/pay"),  # it names the 家庭共济证明 and says what it lacks of it
    ("衡阳慢特病快到期了，复审是不是还得交病历", "family-aid/hengyang/chronic-review"),  # 不用再交资料
])
def test_an_entry_saying_the_document_asked_of_answers(index, question, entry):
    assert answered(index, question) == entry


def test_the_resident_s_own_work_told_is_no_job_asked_for(index):
    assert answered(index, "我在外面跑业务，衡阳职工门诊三级医院起付线多少") == "family-aid/hengyang/outpatient-levels"
    assert index.search("我想去跑业务做保险代理，怎么应聘").outcome == "declined"


def test_a_record_of_ones_own_is_not_answered_by_an_answer_saying_check_with_the_office(index):
    result = index.search("帮我查下我爸上个月医保报了好多")
    assert result.outcome == "declined"
