"""A place we lack named as where care is given, however the resident puts it (杭州的医院, 读大学),
is 外地 to our knowledge: its own rules are not asked. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered


@pytest.mark.parametrize("question", ["我在杭州的医院住院，惠衢保还给赔吗", "在上海的医院住的院，惠衢保还管不管"])
def test_a_places_hospital_is_where_care_is(index, question):
    assert answered(index, question) == "huiqubao/outside-quzhou"


def test_a_hospital_abroad_is_still_care_abroad(index):
    assert index.search("在香港的医院看病，衢州医保能报吗").outcome == "declined"


def test_studying_in_a_place_is_living_there(index):
    text = "孩子在杭州读大学"
    start = text.index("杭州")
    assert index.understanding.role(text, start, start + 2) == "care"


@pytest.mark.parametrize("question, entry", [
    ("孩子在杭州读大学，医保还在衢州，在学校附近的医院看病要先办什么", "quzhou/remote-care/how-to-register"),
    ("昭通参保 要去昆明大医院做手术 要先办啥", "zhaotong/remote-care/register"),
])
def test_what_to_do_before_care_in_a_place_we_lack_is_our_remote_care_step(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["我是衢州居民医保，在杭州住院报多少", "衢州参保的，在宁波住院能报多少"])
def test_care_asked_of_a_place_we_lack_is_care_elsewhere_not_huiqubao(index, question):
    assert answered(index, question).startswith("quzhou/remote-care/")


def test_a_place_we_lack_in_a_story_leaves_the_asked_rates(index):
    assert answered(index, "我女婿在杭州三甲住院报了七成，我是衢州居民医保，在衢州三级医院住院能报多少") == "quzhou/resident/inpatient"


def test_an_english_trip_for_treatment_to_a_place_we_lack_asks_our_citys_remote_care(index):
    result = index.search("Next time, does he need to register before going to Wuhan for treatment?", city="quzhou")
    assert result.outcome == "answered" and result.entry.id.startswith("quzhou/remote-care/")


@pytest.mark.parametrize("question", ["我们衡阳人能买惠衢保吗", "杭州人能买惠衢保吗"])
def test_people_of_a_place_are_insured_there(index, question):
    assert answered(index, question) in ("huiqubao/need-basic-insurance", "huiqubao/who-can-join")


def test_another_of_our_cities_named_only_as_where_care_was_is_elsewhere_to_the_residents_city(index):
    result = index.search("当时在黑河没办备案，回来还能报吗", city="quzhou")
    assert result.outcome == "answered" and result.entry.id == "quzhou/remote-care/emergency"


@pytest.mark.parametrize("question, region", [
    ("衡阳那边慢性病门诊自付降到了10%，不知道湘潭有没有一样的政策？", "xiangtan"),
    ("黑河退休的个人账户每月进多少钱？衢州退休是77块5", "heihe"),
    ("衡阳共济能绑10个，湘潭能绑几个", "xiangtan"),
    ("衢州职工个账共济最多能绑几个家人，会不会跟湘潭一样是10个", "quzhou"),  # likened to Xiangtan: Quzhou is asked
    ("黑河职工医保看普通门诊能报销吗，比例跟衡阳那种一级医院70%一样不", "heihe"),
    ("昭通一个职工能绑几个家人共济，有没有衡阳那种10个的上限", "zhaotong"),  # 衡阳那种: the measure
    ("湘潭的共济账户能给老婆交城乡居民医保吗，昭通是可以的", "xiangtan"),  # 昭通是可以的: told
])
def test_the_city_asked_of_not_the_one_told_beside_it(index, question, region):
    result = index.search(question)
    # (a lack of the city asked may be said above the told city's own entry, shown as that city's)
    asked = result.lacking_for or result.entry.region if result.outcome == "answered" else result.decline_region
    assert asked == region


def test_another_of_ours_where_care_is_asked_stays_as_it_was(index):
    result = index.search("俺闺女在衡阳上班交职工医保，俺在黑河，她个账的钱能给俺在黑河看病用不")
    assert not (result.outcome == "answered" and result.entry.region == "heihe")
