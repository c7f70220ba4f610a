"""A message that corrects itself (算了不问这个, scratch that, 我是问 after a question): what follows is asked."""
import pytest


@pytest.mark.parametrize(("question", "entry_id"), [
    ("用身份证号绑亲情账户要传几样材料，算了先不问这个，10岁的孩子绑的时候要刷脸吗", "family-account/under-16"),
    ("惠衢保一年保費多少…算了不問這個，我媽有既往病史，這樣還能買嗎", "huiqubao/who-can-join"),
])
def test_a_question_dropped_for_another_is_not_answered(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == entry_id


@pytest.mark.parametrize("question", [
    "衡阳慢病报销…算了，衡阳南岳衡山门票多少钱",
    "Quzhou out-of-town registration — scratch that, how do I swap a foreign driving licence for a Chinese one?",
])
def test_a_question_dropped_for_one_off_our_subjects_is_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_i_mean_restates_only_after_a_question(index):
    understanding = index.understanding
    told = index.tools.normalize("衡阳这边说慢病门诊自付降了，我每个月降压药差不多两千块，我是想问这个自付比例现在是几成啊")
    asked = index.tools.normalize("惠衢保急诊能不能报，我是问香港的急诊收费多少")
    assert understanding.last_correction(told) is None
    assert understanding.last_correction(asked) is not None


@pytest.mark.parametrize(("question", "entry_id"), [
    ("我在衢州参保，要去上海…不对，是去南京住院，到那边能不能直接刷卡结算", "quzhou/remote-care/direct-settlement"),
    # (Xiangtan's own entries: both say relatives must be insured in Xiangtan)
    ("湘潭共济能绑我岳母吗…不对，我是问能不能绑我妈，她医保是在长沙交的", "family-aid/xiangtan/"),
])
def test_the_place_put_right_keeps_the_residents_own_city(index, question, entry_id):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id.startswith(entry_id)


def test_our_city_put_right_to_one_we_lack_is_not_kept(index):
    result = index.search("Family aid in Hengyang — sorry, I mean Changsha: how many relatives can I bind there?")
    assert result.outcome == "declined"


def test_a_relative_put_right_is_answered_by_the_citys_closed_list(index):
    # Xiangtan's list ends with 其他亲属都不包括: it answers for a daughter-in-law (儿媳妇 is no 媳妇, one's wife)
    result = index.search("湘潭共济能给我女儿用不…打错了，是我儿媳妇，儿媳能用吗")
    assert result.outcome == "answered" and result.entry.id == "family-aid/xiangtan/who"


@pytest.mark.parametrize("question", [
    "我社保是在黑河交的，人常住衢州，能不能买一份惠衢保",  # Quzhou only where one lives
    "黑河人在衢州旅游住院了，惠衢保能不能赔",
    "My mother's medical insurance is paid in Hengyang. Can she still sign up for Huiqubao?",
    "I'm insured in Hengyang, can I buy Huiqubao?",
])
def test_huiqubao_asked_by_someone_insured_in_another_of_our_cities_is_for_quzhous_insured_only(index, question):
    result = index.search(question)
    assert result.outcome == "answered" and result.entry.id == "huiqubao/need-basic-insurance"
