"""Texting English (how 2, pay 4 her, fam sharing), cover already held beside ours, and age limits asked as 还收吗."""
import pytest

from tests.unit.test_understanding import assert_answers, assert_declines


@pytest.mark.parametrize("typed, read", [
    ("how 2 unbind some1", "how unbind someone"),
    ("can we pay 4 her", "can we pay her"),
    ("Quzhou residents pay 440 yuan", "quzhou residents pay 440 yuan"),  # (pay 4 is no part of pay 440)
    ("level 2 hospital", "level 2 hospital"),
    ("is she 2 old", "is she too old"),
])
def test_digits_for_words_only_between_words(index, typed, read):
    assert index.tools.normalize(typed) == read


@pytest.mark.parametrize("question, entry", [
    ("how 2 unbind some1 from hengyang fam sharing", "family-aid/hengyang/unbind"),
    ("zhaotong fam sharing, who counts as fam", "family-aid/zhaotong/who"),
    ("heihe fam sharing thing, can my wife add her grandma", "family-aid/heihe/who"),
])
def test_texting_english(index, question, entry):
    assert_answers(index, question, entry)


def test_doctors_who_speak_english_are_no_subject_of_ours(index):
    assert_declines(index, "which hospital in quzhou has english speaking doctors, fil's ok but i need 2 understand", "uncovered_topic")


@pytest.mark.parametrize("question, entry", [
    ("家里有衢州居民医保也买了商业险，去三级医院住院医保先报多少", "quzhou/resident/inpatient"),
    ("买了商业险，衢州城乡居民医保看普通门诊一年最多报多少", "quzhou/resident/outpatient"),
])
def test_cover_only_held_beside_ours_leaves_our_rule_asked(index, question, entry):
    assert_answers(index, question, entry)


@pytest.mark.parametrize("question", ["商业险赔了一部分，衢州居民医保还能报吗", "我有商业险，衢州居民医保还能报吗"])
def test_whether_ours_still_pays_beside_other_cover_is_no_rule_of_ours(index, question):
    assert_declines(index, question, "uncovered_topic")


@pytest.mark.parametrize("question", ["我奶奶今年九十一岁，惠衢保还收吗", "惠衢保有沒有年齡上限？我外婆八十六了還收不收",
                                      "在工地开塔吊的，高危职业，惠衢保限不限制", "我有肝硬化好几年了，惠衢保会不会因为这个把我拒掉"])
def test_age_illness_or_job_asked_as_refusal_gets_who_may_join(index, question):
    assert_answers(index, question, "huiqubao/who-can-join")


@pytest.mark.parametrize("typed, kept", [
    ("住院押金交了5000，床号22，出院", "住院押金交了5000，    ，出院"),
    ("衢州，低保证号DB2024****，居民医保", "衢州，低保            ，居民医保"),
    ("电话131****0457，还能", "电话           ，还能"),
    ("衢州医保电话0570-12393", "衢州医保电话0570-12393"),  # a public number stays
    ("我妈1953年生的", "我妈1953年生的"),
])
def test_record_and_card_numbers_are_read_past(typed, kept):
    from bot.domain.privacy import without_identifiers
    assert without_identifiers(typed) == kept


@pytest.mark.parametrize("question, entry", [
    ("衢州，低保证号DB2024****，居民医保还要自己掏钱吗", "quzhou/resident/hardship-premium"),  # (not the year 2024)
    ("衡阳，我是门诊慢特病老病号，证号MT2019****，今年复审还要交材料吗", "family-aid/hengyang/chronic-review"),
])
def test_record_numbers_told_beside_the_question(index, question, entry):
    assert_answers(index, question, entry)


@pytest.mark.parametrize("question", ["@医保小助手 退休工资2025年调了没 调了多少", "养老金个人账户余额多少",
                                      "Which office in Quzhou handles the yearly pension qualification check for retirees?"])
def test_the_pension_itself_is_no_subject_of_ours(index, question):
    assert_declines(index, question, "uncovered_topic")


@pytest.mark.parametrize("question", ["is there an annual limit for outpatient in quzhou", "Is there a yearly limit on outpatient care in Quzhou?"])
def test_a_yearly_limit_is_the_yearly_cap(index, question):
    assert_answers(index, question, "quzhou/employee/outpatient-cap")


@pytest.mark.parametrize("question, entry", [
    ("惠衢保是商业保险吗", "huiqubao/what"),
    ("惠衢保是意外险吧？我是生病住院不是摔伤的，能不能赔", "huiqubao/accident"),
    ("惠衢保是不是保險公司推銷的商業險，跟政府一點關係都沒有？", "huiqubao/what"),
])
def test_a_neighbour_guessed_as_what_ours_is_leaves_ours_asked(index, question, entry):
    assert_answers(index, question, entry)


@pytest.mark.parametrize("question", ["惠衢保就是杭州的西湖益联保吧？西湖益联保今年多少钱一个人", "西湖益联保是不是惠衢保",
                                      "亲情号是不是移动的套餐？我想给我妈办个亲情号"])
def test_a_neighbour_asked_of_itself_or_named_first_is_still_declined(index, question):
    assert_declines(index, question, "uncovered_topic")
