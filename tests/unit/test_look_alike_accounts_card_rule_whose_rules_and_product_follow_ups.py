"""Family accounts of banks and apps declined; the card rule answered where no city or product is named; whose
rules apply answered with a place we lack weighed; hearsay tellers, identity and stories set aside; a follow-up
naming only another product; one lack asked twice; a city's own line; English with a name in characters.
Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered, conversation


@pytest.mark.parametrize("question", [
    "工商银行手机银行里的家庭账户怎么加我老婆", "农行的亲情账户能不能给孩子开", "电信亲情网怎么把我妈的号码加进来",
    "支付宝亲情付一个月最多能花多少", "医保卡里的钱能不能找个药店套成现金",
])
def test_family_accounts_of_banks_and_apps_and_cashing_out_are_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_a_family_pay_named_with_the_insurance_code_is_our_family_account(index):
    assert (answered(index, "亲情付怎么开，想替我爸亮医保码") or "").startswith("family-account/")


@pytest.mark.parametrize("question", ["我姐住院了钱不够，我拿自己的医保卡给她刷行不行",
                                      "忘带卡了，用我老公的医保卡帮我刷一下药可以吗",
                                      "家庭共济 能不能 拿我的卡 给我妈刷？？？"])  # (the card, not each city's way to pay)
def test_the_card_rule_answers_where_no_city_or_product_is_named(index, question):
    assert answered(index, question) == "family-aid/national/impersonation"


@pytest.mark.parametrize("question", [
    "衢州医保的人在广州住院，报销是用广州的标准吗",  # a place we lack, weighed as one of the two
    "衢州城乡居民去外省住院，起付线是按那边还是按衢州的",  # no entry on residents' care elsewhere; this one asks it
    "在成都住院，医保是衢州的，比例听哪边的",
])
def test_whose_rules_apply_is_answered(index, question):
    assert answered(index, question) == "quzhou/remote-care/which-rules"


@pytest.mark.parametrize("question, entry", [
    ("出了衢州惠衢保还管用吗", "huiqubao/outside-quzhou"),
    ("我爸胃癌要问特药，衢州医保电话是多少", "quzhou/services/hotline"),  # the number asked, the story what the call is about
    ("奶奶想打个电话问衢州医保的事，打哪个号", "quzhou/services/hotline"),  # the city's line, not the balance by phone
    ("衡阳共济的钱能去养生馆按摩理疗吗", "family-aid/hengyang/uses"),  # wellness spending, which the uses rule out
    ("衡阳共济的钱给老婆报个瑜伽班行吗", "family-aid/hengyang/uses"),
    ("衡阳的我个人账户早就花光了，还能给我妈共济吗", "family-aid/hengyang/conditions"),  # the balance must be above zero
    ("黑河共济的钱能不能给我妈交长期护理保险", "family-aid/heihe/uses"),  # paying other insurance, with a relative named
    ("衢州低保户大病保险也是自付超过一万五才报吗", "quzhou/resident/critical-illness-hardship"),  # 自付超过 tells the threshold
    ("黑河可以绑兄弟姐妹，换到湘潭可以吗", "family-aid/xiangtan/who"),  # the city switched to is asked
])
def test_what_is_asked_reaches_the_entry_meant(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ("护士说亲情账户绑父母要户口本，手机上到底传哪些东西", "family-account/bind-by-id-card"),  # the teller is no relative
    ("村干部说衢州职工的个人账户家里人用不了，是真的吗", "quzhou/employee/personal-account-family"),
])
def test_who_told_the_claim_is_not_what_is_asked(index, question, entry):
    result = index.search(question)
    assert entry in ([result.entry.id] if result.entry else []) + [other.id for other in result.suggestions]


def test_shape_typos_of_our_words_are_read(index):
    assert "条件" in index.read("湘潭办家庭共济要啥条仵") and "医保卡" in index.read("医保卞丢了")


def test_one_lack_asked_twice_is_said_once(index):
    result = index.search("衢州职工住院一年封顶多少？最高能报多少钱")
    assert result.decline_reason == "not_in_knowledge" and not result.suggestions


def test_a_cap_the_source_lacks_is_said_by_the_rule_asked_of(index):
    # (the resident inpatient rule says itself that the source gives no yearly cap: that rule, once)
    result = index.search("衢州城乡居民住院一年封顶多少？最高能报多少钱")
    assert result.entry is not None and result.entry.id == "quzhou/resident/inpatient" and not result.also_asked


def test_a_follow_up_naming_only_another_product_asks_the_last_question_of_it(assistant):
    reply = conversation(assistant, "衢州居民医保个人每年交多少", "那惠衢保呢")
    assert reply.entry is not None and reply.entry.id == "huiqubao/premium"


def test_a_follow_up_to_a_product_lacking_it_says_so(assistant):
    reply = conversation(assistant, "湘潭家庭共济最多绑几个人", "那亲情账户呢")
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"


@pytest.mark.parametrize("question, entry", [
    ("Our son 乐乐 was born two weeks ago in Quzhou and we want him on resident insurance. The hospital mentioned a "
     "deadline. How many days after birth do we have to enrol him?", "quzhou/resident/newborn"),
    ("My wife gave birth to 朵朵 last month in Quzhou. She will be on resident insurance. How many days after birth "
     "can we still enrol her?", "quzhou/resident/newborn"),  # the birth is told, the baby's enrolment asked
    ("I'm an overseas Chinese back from Australia, now an employee in Hengyang. Can my parents use my personal "
     "account for family mutual aid?", "family-aid/hengyang/who"),
])
def test_english_with_a_name_in_characters_is_read_by_sentences(index, question, entry):
    assert answered(index, question) == entry


def test_an_english_question_pointing_at_the_neighbour_told_is_declined(index):
    question = "My daughter was born in Japan and only has a Japanese birth certificate. Can I use it to add her to my family account?"
    assert index.search(question).outcome != "answered"


@pytest.mark.parametrize("question, asked, likened", [
    ("湘潭共济能给哪些家人用，跟黑河的一样吗", "family-aid/xiangtan/who", "family-aid/heihe/who"),
    ("昭通共济要满足什么条件，和衡阳一样不", "family-aid/zhaotong/conditions", "family-aid/hengyang/conditions"),
])
def test_a_city_likened_to_with_whether_they_agree_is_answered_beside_the_one_asked(index, question, asked, likened):
    result = index.search(question)
    assert result.entry.id == asked and [entry.id for entry in result.also_asked] == [likened] and result.compared


def test_a_city_only_likened_to_is_not_answered_too(index):
    result = index.search("湘潭共济能不能像黑河那样绑兄弟姐妹")
    assert result.entry is None or result.entry.region != "heihe"


def test_an_asking_part_pointing_back_at_the_one_who_died_asks_what_happens_after_a_death(index):
    result = index.search("衡阳的，我妈上个月过世了，她卡里剩下的钱还能给家里人共济吗")
    assert result.decline_reason == "uncovered_topic"


@pytest.mark.parametrize("question", ["低保户去衢州医院住院，起付线能免吗"])
def test_whether_a_group_may_be_spared_is_said_to_be_lacking(index, question):
    assert index.search(question).outcome == "declined"
