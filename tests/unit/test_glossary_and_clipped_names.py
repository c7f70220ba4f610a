"""What a word means (the glossary), clipped names (职保, 居保, 亲情号), counts of people bound, and
someone insured in a city we lack asking of a city-bound product. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered


@pytest.mark.parametrize("question, entry", [
    ("起付线是啥意思", "terms/deductible"),
    ("起付線是甚麼意思", "terms/deductible"),
    ("sorry, what's a deductible?", "terms/deductible"),
    ("封顶是啥意思呀", "terms/cap"),
    ("最高支付限额是什么意思", "terms/cap"),
    ("走统筹是什么意思", "terms/pooled-fund"),
])
def test_a_message_asking_only_what_a_word_means_gets_its_glossary_entry(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["起付线是多少", "衢州居民住院起付线多少", "统筹基金是啥，衢州职工门诊统筹报多少",
                                      "US hlth insur deductble explain pls", "惠衢保免赔额是什么意思"])
def test_a_message_saying_more_never_gets_the_glossary(index, question):
    assert not (answered(index, question) or "").startswith("terms/")


def test_clipped_names_are_read_whole(index):
    assert answered(index, "衢州居保一年交几多") == "quzhou/resident/premium"
    assert answered(index, "亲情号咋给我爸妈加上") == "family-account/bind-parent"
    # 职保 is the employee scheme: the resident inpatient rates are not its answer
    result = index.search("衢州职保 住院 三级医院 报几成")
    assert result.outcome == "declined" and result.decline_reason == "not_in_knowledge"


def test_a_gapped_word_swallowing_another_products_name_yields_to_it(index):
    assert answered(index, "宝宝今天凌晨刚生，身份证还没办，能先挂到我亲情账户下面吗") == "family-account/bind-by-birth-certificate"


@pytest.mark.parametrize("question", ["衡陽共濟我已經綁咗10個人，仲可以綁第11個嗎", "衡阳这边我姐已经把我爸绑进她的共济了，我还能再绑我爸吗"])
def test_counting_who_is_bound_asks_the_limits(index, question):
    assert answered(index, question) == "family-aid/hengyang/limits"


def test_insured_in_a_city_we_lack_is_not_answered_with_another_citys_family_aid(index):
    result = index.search("昆明参保，个人账户共济能绑第11个人吗")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"
    assert answered(index, "外地医保能买惠衢保吗") == "huiqubao/need-basic-insurance"  # (a product any resident may ask of)


def test_what_happens_without_paying_is_not_answered_with_the_premium(index):
    assert answered(index, "衢州居民医保今年我要是不交，会怎样？断一年有啥后果") is None


@pytest.mark.parametrize("question, entry", [
    ("黑 共济 哥哥姐姐 爷爷奶奶 能绑吗", "family-aid/heihe/who"),
    ("衡市 共济 不想绑了 咋解", "family-aid/hengyang/unbind"),
    ("衢职保 门统 三甲 起付多少 报几成", "quzhou/employee/outpatient"),
])
def test_a_city_clipped_to_one_character_is_read_where_it_stands_apart(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("message", ["湘医保怎么绑共济", "在湘雅医院住院", "黑色的医保卡", "平衡"])
def test_a_character_inside_a_word_names_no_city(index, message):
    assert index.tools.with_city_names(message) == message


def test_the_residents_own_city_is_asked_among_relatives_cities(index):
    # (the husband's 衢州 and his father's 湘潭 are told in passing: the resident is insured in 昭通)
    assert answered(index, "我老公是衢州的，他爸在湘潭上班，这些都不管，我自己是昭通医保，去昆明外地看病要不要先备案？") \
        == "zhaotong/remote-care/register"
    # …but a question about a relative insured in another of our cities stays that question
    assert answered(index, "我是衡阳医保，我妈在湘潭参保，她能和我共济吗") == "family-aid/hengyang/cross-region"


@pytest.mark.parametrize("question, entry", [("16↓ 要刷脸吗 亲情账户", "family-account/under-16"),
                                             ("80岁+ 能买惠衢保?", "huiqubao/who-can-join")])
def test_symbols_standing_for_words(index, question, entry):
    assert answered(index, question) == entry


def test_a_story_naming_the_registration_itself_asks_of_remote_care(index):
    # (备案 in the story is the product told of, not where the asker lives: Foshan is where care is)
    result = index.search("備案咗之後，阿媽喺佛山嘅醫院住院，可唔可以直接過數結算？")
    assert result.decline_reason != "uncovered_place"


def test_a_stolen_phone_is_a_lost_e_voucher(index):
    assert answered(index, "有人在公交车上偷走了我的手机! 里面有医保电子凭证, 我很怕他用, 我要怎么做?") == "quzhou/services/evoucher-lost"


@pytest.mark.parametrize("question", ["封顶线这个词又是啥意思", 'what does "cap" mean btw'])
def test_the_words_around_a_word_asked_of_say_nothing(index, question):
    assert answered(index, question) == "terms/cap"


def test_whether_one_binder_only_asks_the_limits(index):
    assert answered(index, "衡阳一个家属只能被一个人绑吗") == "family-aid/hengyang/limits"


def test_a_rate_asked_for_a_relative_insured_where_we_lack_the_rules_is_declined(index):
    result = index.search("我自己是衢州医保也办过异地备案，帮我妹妹问一下，她是上海本地的职工医保，门诊报销比例多少")
    assert result.outcome == "declined" and result.decline_reason == "uncovered_place"
    # …while a relative insured elsewhere asking of our city's family aid is still ours
    assert answered(index, "帮我妈问一下，她在长沙参保，能和我衡阳的共济吗") == "family-aid/hengyang/cross-region"


def test_a_few_words_beside_the_word_asked_of_still_ask_its_meaning(index):
    assert answered(index, "单子上写的起付线 啥意思啊 看不明白") == "terms/deductible"
    assert answered(index, "门诊起付线是啥 衢州职工") == "quzhou/employee/outpatient"  # (names our subjects: searched)


def test_a_balance_down_to_zero_asks_the_balance_condition(index):
    assert answered(index, "我卡里余额都0了 还能给我妈共济不 衡阳的") == "family-aid/hengyang/conditions"


def test_everyday_words_for_our_products(index):
    assert "family-aid" in index.understanding.facets(index.read("家里人互相用医保的钱，这个怎么开通")).get("product", ())
    assert answered(index, "把我妈挂到我名下要准备什么") == "family-account/bind-parent"


@pytest.mark.parametrize("question", ["起付线到底是个什么东西？？每次都说没到起付线不报，听不懂",
                                      "起付线是啥意思？老是听人说起付线"])
def test_a_word_asked_in_one_sentence_beside_others_naming_nothing_else(index, question):
    assert answered(index, question) == "terms/deductible"


def test_the_pooled_fund_set_beside_the_personal_account_is_the_glossarys_question(index):
    # (the glossary says the pooled fund is not the money in one's own account: the difference asked is what it tells)
    assert answered(index, "統籌基金是什麼東西？跟個人賬戶有什麼分別") == "terms/pooled-fund"


def test_beside_an_estimate_a_word_no_rate_table_gives_is_still_explained(index):
    case = {"scheme": frozenset({"resident"}), "care": frozenset({"inpatient"})}
    assert index.search("统筹是啥意思", city="quzhou", case=case).entry.id == "terms/pooled-fund"
    assert index.search("结算单上写的统筹支付是啥意思").entry.id == "terms/pooled-fund"


def test_a_word_asked_in_one_clause_of_a_bill_story_gets_the_glossary(index):
    # (the other clauses name nothing of ours but the word: what the cashier said, the bill's line)
    result = index.search("收费单上有一行“起付线”，收费员说这部分不报，起付线到底啥意思")
    assert result.outcome == "answered" and result.entry.id == "terms/deductible"
