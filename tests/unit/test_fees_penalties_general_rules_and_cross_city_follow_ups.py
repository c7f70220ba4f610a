"""A fee or a penalty asked of an answer that names none; a rule that holds in every city answering a question that
names none; family aid talked of across two cities (the account holder's city decides, a follow-up keeps the city its
last answer was for, 那衡阳呢 keeps the son's place we lack); and characters typed with spaces in the estimate.
Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered, conversation, lacking_asks


@pytest.mark.parametrize("question, lacking", [
    ("衢州办异地就医备案要交钱吗", "是否收费"), ("衡阳共济解绑收不收钱", "是否收费"), ("激活医保电子凭证要不要交钱", "是否收费"),
    ("冒名就医被抓到要罚多少钱", "具体怎么处罚"), ("用别人医保卡看病会不会坐牢", "具体怎么处罚"),
])
def test_a_fee_or_a_penalty_the_answer_does_not_tell_is_said_to_be_lacking(index, question, lacking):
    result = index.search(question)
    assert result.decline_reason == "not_in_knowledge" and lacking in lacking_asks(index, result)


@pytest.mark.parametrize("question, entry", [
    ("惠衢保要交钱吗", "huiqubao/premium"),  # its premium tells
    ("衢州低保户交居民医保要钱吗", "quzhou/resident/hardship-premium"),
    ("帮隔壁邻居买huiqubao，可以从我的geren zhanghu扣钱吗", "huiqubao/buy-for-others"),  # paid from an account: no fee asked
])
def test_a_price_told_answers_whether_it_costs(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["医院停车场收费标准是多少", "实体社保卡掉在公交车上了，重新补一张去哪弄",
                                      "闺女想去做个双眼皮，能拿医保卡刷吗",  # the story's treatment is what the card would pay
                                      "买了平安的商业医疗险，还有必要参加惠衢保吗"])  # whether ours is needed beside theirs
def test_neighbouring_subjects_are_declined(index, question):
    assert index.search(question).outcome == "declined"


@pytest.mark.parametrize("question, entry", [
    ("家庭共济账户里的钱能不能去办个健身卡", "family-aid/national/uses"),
    ("家庭共济绑好了 我爸看病时怎么付", "family-aid/national/pay"),
])
def test_a_rule_that_holds_everywhere_answers_with_each_citys_offered(assistant, question, entry):
    reply = assistant.ask(question)
    assert reply.outcome == "answered" and reply.entry.id == entry and reply.general
    # (each city's entry of the group, or the one answering it too: Quzhou's family-aid entry says what the money pays for)
    assert reply.suggestions and all(other.region != "national" and reply.entry.group in (other.group, *other.also_answers)
                                     for other in reply.suggestions)


@pytest.mark.parametrize("question", ["我在药店，布洛芬一天能吃几次", "在京东上买药 想用医保付"])
def test_a_question_not_naming_the_product_gets_no_general_rule(assistant, question):
    assert assistant.ask(question).entry is None


def test_the_account_holders_city_decides_when_the_account_is_hers(index):
    assert answered(index, "我是衢州的城乡居民医保，我妈在黑河退休，她是黑河职工医保，她账户里的钱能给我用吗") == "family-aid/heihe/who"


def test_a_follow_up_keeps_the_city_its_last_answer_was_for(assistant):
    reply = conversation(assistant, "我是衢州职工，爸妈户口和医保都在衡阳老家，我衢州的个人账户能给他们用吗", "那最多能绑几个人")
    assert reply.entry is None and reply.region_id == "quzhou"  # Quzhou's line, never Hengyang's 10 and 20


def test_another_of_our_cities_swapped_keeps_the_place_we_lack(assistant):
    reply = conversation(assistant, "我在湘潭交的职工医保，儿子在长沙上班，医保也在长沙交，他能绑到我的共济上吗", "那衡阳呢")
    assert reply.entry.id == "family-aid/hengyang/cross-region" and "长沙" in reply.taken_as


def test_a_place_of_care_swapped_keeps_the_insurance_city(assistant):
    reply = conversation(assistant, "我爸是衡阳的退休职工，跟我到深圳住了，我妈在广东这边看病，能跨省刷我爸的共济账户吗", "那要是在长沙呢")
    assert reply.entry.id == "family-aid/hengyang/cross-region" and "衡阳" in reply.taken_as


def test_of_the_rules_offered_the_conversations_citys_own(assistant):
    reply = conversation(assistant, "我是昭通的职工医保，岳父岳母的医保在贵州交的，能用我个人账户的钱共济吗", "在哪办",
                         "家里人看病的时候怎么扣这个钱")
    assert reply.entry.id == "family-aid/zhaotong/pay"


def test_a_case_typed_with_spaces_is_read_in_the_estimate(interview):
    case = interview.cases.read("帮 我 算 一 下 报 销 ， 衢 州 居 保 ， 在 衢 州 市 内 三 级 医 院 住 院")
    assert case.answers == {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 3, "in_quzhou": True}


def test_a_clipped_employee_scheme_is_read_at_its_step(interview):
    step = interview.next_step({"city": "hengyang"})
    assert step.name == "scheme" and interview.accept(step, "职医") == "employee"
