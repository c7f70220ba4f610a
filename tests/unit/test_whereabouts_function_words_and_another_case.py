"""What residents of the fifty-second session's sets asked, and what the bot now makes of it: a word that only points
or joins (这边, 如果, 一步步, 另外) is no detail the knowledge lacks; the asker's guess around a question (估计, 怕是,
肯定…吧) is not asked about; where the asker is, told as a part of its own (我在外地，…), is not care elsewhere asked;
neighbouring subjects named in English or by an insurer's name (medical assistance, a private room, Taikang, nursing
care, a claim's progress, the Hong Kong and Macau residents' permit, an ID number given for a lookup, an account insured
where we lack the rules) are declined. In an estimate: one more case asked
for (再帮我算一个，我老婆的…) is a new case; Cantonese 唔知 is "not sure" and 唔係，係職工 a correction; 要是去杭州住会怎样
supposes care in Hangzhou; "in the Longyou county hospital" is care inside the city. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered

# ---- words that name no detail ------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["这边", "如果", "另外", "一步步", "以前", "我家"])
def test_a_word_that_points_or_joins_names_nothing(index, word):
    assert index.tools.names_nothing(word)


@pytest.mark.parametrize("word", ["盖章", "删掉", "过期", "户口"])
def test_a_word_that_names_a_thing_is_a_detail(index, word):
    assert not index.tools.names_nothing(word)


@pytest.mark.parametrize("question, entry", [
    ("湘潭这边帮我爸在湘医保里绑共济，要填哪些东西", "family-aid/xiangtan/bind-online"),
    ("云南医保小程序绑共济怎么弄，你一步步说", "family-aid/zhaotong/bind-online"),
    ("已经有医保了，为什么还要另外再买个惠衢保", "huiqubao/what"),
    ("如果自费药加起来没到一万，惠衢保是不是一分都不赔", "huiqubao/cover-out-of-catalogue"),
])
def test_a_question_with_such_words_is_answered(index, question, entry):
    assert answered(index, question) == entry


def test_a_detail_the_knowledge_lacks_is_still_said_to_be_lacking(index):
    result = index.search("衢州异地就医备案需要单位盖章吗")
    assert result.outcome != "answered"
    assert ("detail", "盖章") in result.missing


@pytest.mark.parametrize("text", ["估计不让绑吧", "怕是白交了", "肯定得跑窗口吧"])
def test_the_askers_guess_is_not_asked_about(index, text):
    cleaned = index.understanding.clean(index.tools.normalize(text))
    assert not any(word in cleaned for word in ("估计", "怕是", "肯定"))


# ---- where the asker is -------------------------------------------------------------------------------------------


def test_where_the_asker_is_told_apart_is_left_out(index):
    assert index.reader.without_whereabouts("人在外地，想在手机上查衢州医保账户的报销明细") == "想在手机上查衢州医保账户的报销明细"


@pytest.mark.parametrize("question", [
    "我在外地，看病怎么报",        # care asked there: care elsewhere
    "我在外地，惠衢保能报吗",      # a payment asked there
    "黑河 跨省 共济",              # keywords, no whereabouts
    "我妈在外地住院，惠衢保报多少",  # care told with the place
])
def test_whereabouts_that_are_the_question_stay(index, question):
    assert index.reader.without_whereabouts(question) is None


@pytest.mark.parametrize("question, entry", [
    ("人在外地，想在手机上查衢州医保账户的报销明细", "quzhou/services/evoucher-query"),
    ("人在外地，回衡阳办共济绑定要去哪个窗口", "family-aid/hengyang/bind-offline"),
    ("湘潭的爸妈在湘潭看病，我在外地，他们结算时怎么用我的共济", "family-aid/xiangtan/pay"),
    ("我在外地，惠衢保能报吗", "huiqubao/outside-quzhou"),
])
def test_a_question_told_from_elsewhere_is_answered_as_asked(index, question, entry):
    assert answered(index, question) == entry


# ---- neighbouring subjects ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "My in-laws in Zhaotong are very poor. How do they apply for medical assistance (医疗救助) from the civil affairs bureau?",
    "I would like to enquire the procedure to apply for medical assistance (yiliao jiuzhu) for a low-income family in Quzhou.",
    "How much is a private room per night at Quzhou People's Hospital?",
    "Can I buy Taikang critical illness cover online for my 60-year-old mother-in-law?",
    "Kindly advise the eligibility and application procedure for the nursing care (changhu xian) benefit in Quzhou.",
    "家父上月申請的惠衢保理賠，目前處理到哪一步？身份證尾號為3721。",
    "持港澳居民來往內地通行證者，可否在衢州參加城鄉居民醫保？",
])
def test_a_neighbouring_subject_is_declined(assistant, question):
    assert assistant.ask(question, assistant.language_of(question) or "zh", None).outcome != "answered"


@pytest.mark.parametrize("question", [
    "長沙交的職工醫保，個人賬戶能給湘潭的爸媽用嗎",  # the account is Changsha's: its rules say whom it may pay for
    "請直接告訴我，家母的醫保個人賬戶現在還剩多少錢？她的身份證號碼是330802195201011234。",  # a lookup we cannot do
])
def test_what_only_another_citys_rules_or_a_lookup_could_answer_is_declined(assistant, question):
    assert assistant.ask(question, assistant.language_of(question) or "zh", None).outcome != "answered"


@pytest.mark.parametrize("question, entry", [
    ("我在长沙上班参保，我妈在湘潭，我们能办家庭共济吗", "family-aid/xiangtan/cross-region"),
    ("我的身份证号是3308xxxx，医保卡余额怎么查", "family-aid/national/balance-ways"),
])
def test_beside_them_what_we_know_is_still_answered(index, question, entry):
    assert answered(index, question) == entry


# ---- the estimate -------------------------------------------------------------------------------------------------


def test_one_more_case_asked_for_is_a_new_case(interview):
    assert interview.cases.another_case_asked("再幫我算一個，我老婆的：她是衢州城鄉居民醫保，在柯城區的社區衛生服務中心看門診")
    assert not interview.cases.another_case_asked("她是衢州城鄉居民醫保，在柯城區的社區衛生服務中心看門診")


def test_cantonese_not_sure_is_not_sure(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": "level2", "in_quzhou": True,
               "in_scope": 23000, "out_of_list": 0}
    step = interview.next_step(answers)
    assert step.name == "hardship"
    assert interview.accept(step, "唔知") is interview.accept(step, "不知道") is None  # assumed, and said so


def test_cantonese_no_it_is_the_employee_scheme_corrects(interview):
    assert interview.cases.revises("唔係，係職工")


def test_what_if_there_with_what_it_comes_to_supposes_care_there(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": "level3", "in_quzhou": True,
               "in_scope": 114000, "out_of_list": 32000, "hardship": True, "huiqubao": True}
    text = "要是去杭州住会怎样"
    revised = interview.cases.revision(answers, interview.cases.read(text), text)
    assert revised is not None and revised.answers["in_quzhou"] is False


@pytest.mark.parametrize("text", ["spent 9 days in the Longyou county hospital", "stayed at the Kaihua hospital"])
def test_an_english_the_before_a_county_is_care_inside_the_city(interview, text):
    assert interview.cases.read(text).answers.get("in_quzhou") is True
