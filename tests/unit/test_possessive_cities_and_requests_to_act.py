"""A city named with an English possessive (Xiangtan's hotline) is that city, never read past to another city's entry;
a request that the bot act (你帮我绑一下, 替我备个案) is answered with how it is done, unless someone else acts (单位帮我交)
or the message asks something else too (帮我把15个亲戚全绑上: how many). Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.testing.client import shared_store
from tests.conftest import KNOWLEDGE
from tests.unit.shipped import answered_entry as answered, conversation


# ---- a possessive city --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", ["Xiangtan's medical insurance phone number?", "What is Heihe's own local medical insurance hotline?",
                                      "What's Hengyang’s medical insurance phone number?"])
def test_a_possessive_city_is_not_answered_with_quzhous_hotline(assistant, question):
    reply = assistant.ask(question, "en")
    assert reply.outcome == "declined"
    assert reply.region_id != "quzhou" and "12393" not in reply.answer


def test_quzhous_possessive_still_gets_quzhous_hotline(assistant):
    assert answered(assistant, "Quzhou's medical insurance phone number?") == "quzhou/services/hotline"


# ---- a request that we act, read as how it is done ----------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("衢州一地就医帮我备个案", "quzhou/remote-care/how-to-register"),
    ("衡阳家庭共计帮我解个绑", "family-aid/hengyang/unbind"),
    ("黑河的，用支付宝替我把家里人共济关系弄上", "family-aid/heihe/bind-online"),
    ("亲请账户你帮我加个人进去", "family-account/add-member-path"),
])
def test_a_request_that_we_act_gets_how_it_is_done(assistant, question, entry):
    assert answered(assistant, question) == entry


def test_someone_else_acting_for_the_resident_is_no_request_to_us(assistant):
    reader = shared_store(KNOWLEDGE).current.index.understanding
    normalize = shared_store(KNOWLEDGE).current.tools.normalize
    assert reader.as_how_asked(normalize("单位帮我交的医保")) == normalize("单位帮我交的医保")
    assert reader.as_how_asked(normalize("你帮我交一下惠衢保")) == normalize("怎么交一下惠衢保")


def test_a_request_with_a_count_still_asks_how_many(assistant):
    assert answered(assistant, "衡阳，帮我把15个亲戚全绑到共济上") == "family-aid/hengyang/limits"


# ---- who the resident is, told after the question -----------------------------------------------------------------

def test_the_city_and_scheme_told_after_a_question_confirm_it(assistant):
    reply = conversation(assistant, "住院的起付线是多少钱", "我是衢州的，交的城乡居民医保")
    assert (reply.outcome, reply.entry.id) == ("answered", "quzhou/resident/inpatient")


def test_another_scheme_told_after_a_question_asks_it_of_that_scheme(assistant):
    reply = conversation(assistant, "住院的起付线是多少钱", "我是衢州职工")
    assert (reply.outcome, reply.decline_reason) == ("declined", "not_in_knowledge")


@pytest.mark.parametrize("city", ["昭通的", "昭通"])
def test_a_city_typed_when_asked_which_answers_the_question_for_it(assistant, city):
    assert conversation(assistant, "家庭共济最多可以绑几个亲属？", city).entry.id == "family-aid/zhaotong/limits"


def test_a_traditional_follow_up_is_cut_into_clauses_as_its_simplified_twin(assistant):
    # 給我媽交 was cut apart (给 | 父母交) as a story, so the talk's city was not carried over
    reply = conversation(assistant, "昭通家庭共济我爸不会用手机，去大厅办要带什么", "共濟帳戶的錢能給我媽交城鄉居民醫保嗎")
    assert (reply.outcome, reply.entry.id) == ("answered", "family-aid/zhaotong/premium")


def test_a_car_hitting_someone_is_car_insurance(assistant):
    reply = assistant.ask("開車撞到行人，車子保的那個險會賠對方的住院費嗎？", "zh-Hant")
    assert (reply.outcome, reply.decline_reason) == ("declined", "uncovered_topic")


# ---- follow-ups that ask a thing of their own ---------------------------------------------------------------------

def test_a_follow_up_asking_a_thing_of_its_own_is_asked_of_the_product(assistant):
    # 那一年交多少钱啊 was taken for a detail swapped into the question before (as 三级呢 is), and got who may join again
    assert conversation(assistant, "惠渠保我妈73岁了还能买不", "那一年交多少钱啊").entry.id == "huiqubao/premium"


def test_a_count_in_words_is_the_answers_figure(assistant):
    normalize = shared_store(KNOWLEDGE).current.tools.normalize
    assert [normalize(text) for text in ("是哪二十种药", "最多十名", "九十九名", "两名", "一项")] == ["是哪20种药", "最多10名", "99名", "两名", "一项"]
    reply = conversation(assistant, "惠衢保特药免陪额多少", "在杭州的药房买的算不算", "是哪二十种药啊")
    assert reply.entry.id == "huiqubao/cover-special-drugs"


def test_a_story_we_were_unsure_of_is_settled_by_the_product_talked_of(assistant):
    reply = conversation(assistant, "惠渠保我妈73岁了还能买不", "我用职工医保个人帐户给我爸妈、老婆和孩子都买上行不行，一共5个人")
    assert (reply.outcome, reply.entry.id) == ("answered", "huiqubao/buy-for-family")


# ---- when, told in an estimate's case, is no question ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["她是衢州城乡居民，前几天在开化县的乡镇卫生院住院", "这几天在开化县的医院住院", "几天前在龙游县的医院住的院"])
def test_a_few_days_ago_tells_when_and_the_county_is_inside_the_city(interview, text):
    # 几 of 前几天 was read as a question word, and the place in the clause as asked, not told
    assert interview.cases.read(text).answers.get("in_quzhou") is True


def test_quick_question_first_is_no_ask_of_what_comes_first(assistant):
    # "first" read as 先 made it the "claim basic insurance first" entry
    assert answered(assistant, "Quick question first: does Huiqubao still pay anything when the treatment was outside Quzhou?") \
        == "huiqubao/outside-quzhou"


def test_a_neighbours_figure_put_forward_is_checked_against_the_products_own(assistant):
    # 65% is basic insurance's level-3 rate: 惠衢保's own answer (起付线0元, 50%) is the one to give, not a decline
    assert answered(assistant, "会衢保住院是不是报百分之六十五") == "huiqubao/cover-self-paid"


def test_a_count_is_no_figure_put_forward(assistant):
    index = shared_store(KNOWLEDGE).current.index
    assert index._without_figures_it_lacks("昭通，帮我绑5个亲戚进共济可以不") is None


@pytest.mark.parametrize("question", ["医保电子凭证能当身份证坐高铁吗", "大病保险之后的二次救助怎么申请"])
def test_neighbouring_topics_we_lack_are_declined(assistant, question):
    reply = assistant.ask(question)
    assert (reply.outcome, reply.decline_reason) == ("declined", "uncovered_topic")


def test_where_the_teller_and_family_work_is_told_not_a_person_swapped_in(assistant):
    # 老公 was swapped in for 婆婆, and 湘潭 named twice was not taken as one city told
    reply = conversation(assistant, "我婆婆能不能用我的职工医保个人帐户看病买药", "湘潭的，我和我老公都在湘潭上班")
    assert (reply.outcome, reply.entry.id) == ("answered", "family-aid/xiangtan/who")
    assert "配偶的父母" in reply.taken_as


@pytest.mark.parametrize("question", ["幫我查我惠衢保理賠了多少", "喂喂帮我查一下啊就是那个惠衢保我去年到底交了没有我自己也记不清了"])
def test_ones_own_claims_and_payments_are_records_we_lack(assistant, question):
    reply = assistant.ask(question, assistant.language_of(question) or "zh")
    # (a request to look the record up, 帮我查一下…交了没有, is declined as one: the records only one's own app shows)
    assert reply.outcome == "declined" and reply.decline_reason in ("not_in_knowledge", "uncovered_topic")


def test_what_kind_of_insurance_in_slang_names_no_insurance(assistant):
    # 算哪门子保险 was read as an insurance named 算哪门子保险, outside our knowledge
    assert answered(assistant, "惠衢保到底算哪门子保险，跟我每年交的居民医保是不是一回事") == "huiqubao/what"


@pytest.mark.parametrize("question", ["湘潭岳塘区医保经办大厅的联系电话", "湘潭医保经办电话"])
def test_a_counters_phone_is_the_citys_line_we_lack(assistant, question):
    # 大厅 read as "at a counter" once answered Xiangtan's binding-at-a-counter entry, which gives no number
    reply = assistant.ask(question)
    assert reply.outcome == "declined" and reply.entry is None


def test_a_counters_phone_in_quzhou_is_quzhous_hotline(assistant):
    assert answered(assistant, "衢州医保经办大厅电话") == "quzhou/services/hotline"


def test_a_relative_already_bound_by_a_sibling_asks_whether_two_may_bind_one(assistant):
    # 我姐已经绑了我爸，我这边还能重复绑吗 got the list of who may use it, not the rule that one is bound once
    assert answered(assistant, "相潭共济，我姐已经绑了我爸，我这边还能重复绑吗") == "family-aid/xiangtan/limits"
