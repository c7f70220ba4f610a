"""A follow-up naming a year from today (那明年呢, what about last year?); 惠保 read as 惠衢保 only where it stands
apart; characters typed with spaces between them; a named paper (结婚证, 户口本) that an answer must name; the resident
scheme called 城乡医保; and in the estimate: what was paid in another year, the sounds a speaker opens an answer with,
a yes word denied right after it, and Back undoing the answer given last. Run on the shipped knowledge."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from bot.domain.assistant import Assistant, KnowledgeStore
from bot.domain.estimate.interview import ALL_PAID
from bot.domain.questions.text import spaced_out_joined
from tests.conftest import KNOWLEDGE
from tests.unit.shipped import answered, conversation, lacking_asks


def assistant_on(day: date) -> Assistant:
    store = KnowledgeStore(KNOWLEDGE.resolve(), clock=lambda: day)
    assert store.reload() == []
    return Assistant(store)


@pytest.fixture(scope="module")
def in_december_2026():
    return assistant_on(date(2026, 12, 5))


# ---- 那明年呢: a year counted from the day asked ---------------------------------------------------------------

def test_next_year_after_a_yearly_figure_is_said_to_be_lacking(in_december_2026):
    reply = conversation(in_december_2026, "衢州城乡居民医保个人一年交多少", "那明年呢？")
    assert reply.outcome == "declined" and reply.decline_reason == "not_in_knowledge"
    assert "2027年" in reply.missing and reply.nearest.id == "quzhou/resident/premium"


def test_last_year_is_the_year_the_knowledge_holds(in_december_2026):
    reply = conversation(in_december_2026, "衢州城乡居民医保个人一年交多少", "那去年呢")
    assert reply.outcome == "answered" and reply.entry.id == "quzhou/resident/premium"


def test_the_year_is_counted_from_the_day_the_knowledge_was_loaded():
    reply = conversation(assistant_on(date(2027, 3, 1)), "衢州城乡居民医保个人一年交多少", "那去年呢")
    assert reply.decline_reason == "not_in_knowledge" and "2026年" in reply.missing


def test_next_year_in_english(in_december_2026):
    reply = conversation(in_december_2026, "How much does Quzhou resident insurance cost per person?", "what about next year?")
    assert reply.decline_reason == "not_in_knowledge" and "2027" in reply.missing


# ---- 惠保: the clipped name, and the other cities' plans ending in it -------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("惠保 全家四口得掏多少保费", "huiqubao/premium"),
    ("惠保買特藥 自己先扛多少", "huiqubao/cover-special-drugs"),
    ("给邻居买惠保能扣我个账不", "huiqubao/buy-for-others"),
    ("我在杭州邵逸夫住了半个月 惠保打几折", "huiqubao/outside-quzhou"),  # care in Hangzhou, at a hospital there
])
def test_a_clipped_huibao_is_huiqubao(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["宁波的惠保多少钱", "湘惠保怎么买", "婺惠保多少钱", "黑河的惠保能买吗", "杭州惠保"])
def test_another_citys_huibao_is_not_ours(index, question):
    assert index.search(question).outcome == "declined"


# ---- 惠 衢 保: characters typed one by one ----------------------------------------------------------------------

@pytest.mark.parametrize("typed, read", [
    ("惠 衢 保 每 人 要 交 几 块 钱", "惠衢保每人要交几块钱"), ("职工医保 住 院 比例", "职工医保 住院 比例"),
    ("衢 惠保 多少钱", "衢 惠保 多少钱"), ("九 价 HPV 能 用 医 保", "九价HPV能用医保"),  # (spaced throughout: no space is a pause)
])
def test_characters_typed_with_spaces_between_are_one_run(typed, read):
    assert spaced_out_joined(typed) == read


@pytest.mark.parametrize("question, entry", [
    ("帮我妈问的：惠 衢 保 每 人 要 交 几 块 钱", "huiqubao/premium"),
    ("封 顶 线 是什么", "terms/cap"),
    ("衢 惠保 多少钱", "huiqubao/premium"),
])
def test_spaced_out_questions_are_answered(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", ["衢州这边职工医保 住 院 报销比例 百分之多少 有没有规定", "九 价 HPV 能 用 医 保 个 人 账 户 付 吗 ？？？"])
def test_spaced_out_questions_we_lack_stay_declined(index, question):
    assert index.search(question).outcome == "declined"


# ---- a named paper ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, lacking", [
    ("用个人账户给爸妈买惠衢保，要上传户口本证明是父母吗", "户口本"),
    ("衢州职工个人账户共济给配偶用 要提供结婚证吗", "结婚证"),
    ("衢州低保户居民医保代缴，要自己交低保证明上去吗", "低保证明"),
])
def test_a_paper_the_answer_does_not_name_is_said_to_be_lacking(index, question, lacking):
    result = index.search(question)
    assert result.decline_reason == "not_in_knowledge" and lacking in lacking_asks(index, result)


@pytest.mark.parametrize("question, entry", [
    ("给爸妈绑亲情账户要户口本吗", "family-account/bind-by-id-card"),  # its answer names it
    ("湘潭共济绑定要准备什么，我衡阳的同事说要带户口本", "family-aid/xiangtan/bind-online"),  # the list is asked
    ("昭通单位里的老大姐说去大厅办共济“要带户口本和结婚证”，到底要带什么", "family-aid/zhaotong/bind-offline"),
])
def test_a_paper_named_beside_the_list_asked_is_answered_by_the_list(index, question, entry):
    assert answered(index, question) == entry


# ---- other words read as asked ----------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("Zhaotong: steps to set up family aid on my phone please", "family-aid/zhaotong/bind-online"),  # no number asked
    ("huiqubao 特药 part... how much do I pay out of pocket first?? ｔｈｘ", "huiqubao/cover-special-drugs"),  # no contribution
    ("衢州城乡医保的人一年到头看小毛病门诊，统共最多给报几千", "quzhou/resident/outpatient"),  # the resident scheme
])
def test_words_read_as_the_resident_means_them(index, question, entry):
    assert answered(index, question) == entry


def test_the_resident_scheme_still_paid_for_is_not_the_old_schemes_merger(index):
    assert (answered(index, "衢州低保户城乡医保个人还要交钱吗") or "").startswith("quzhou/resident/")


@pytest.mark.parametrize("question, lacking", [
    ("黑河当地医保有专门的热线吗，还是只能打12333", "当地医保部门的咨询电话"),
])
def test_asks_the_answer_does_not_give_are_said_to_be_lacking(index, question, lacking):
    result = index.search(question)
    assert result.decline_reason == "not_in_knowledge" and lacking in lacking_asks(index, result)


# ---- the estimate: another year, spoken answers, Back ----------------------------------------------------------

def test_a_deductible_paid_last_year_is_not_this_years(interview):
    case = interview.cases.read("我妈是衢州城乡居民，在金华的乡镇卫生院住院，花了一万二，都是医保内的。去年她住院的时候起付线交过了")
    assert "deductible_used" not in case.answers
    assert interview.cases.read("我妈是衢州城乡居民，在金华的乡镇卫生院住院，花了一万二，今年起付线已经交过了").answers["deductible_used"] == ALL_PAID


def test_what_the_fund_paid_last_year_is_no_cost_and_none_of_this_years(interview):
    case = interview.cases.read("说错了，那7600是去年报的，今年门诊统筹还没报过")
    assert case.answers.get("fund_paid_this_year") == Decimal("0") and "in_scope" not in case.answers


def hardship_step(interview):
    step = interview.next_step({"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2, "in_quzhou": True,
                                "in_scope": Decimal("10000"), "out_of_list": Decimal("0")})
    assert step.name == "hardship"
    return step


@pytest.mark.parametrize("typed, value", [
    ("嗯 那个 低保不是的 我们就普通家庭", False), ("都不是都不是", False), ("低保不是的", False), ("嗯 不是", False),
    ("嗯", True), ("嗯呐", True), ("嗯 是的", True),
])
def test_a_spoken_yes_or_no(interview, typed, value):
    assert interview.accept(hardship_step(interview), typed) is value


def test_back_undoes_the_answer_given_last_not_one_told_at_the_start(interview):
    # the opening message told the city, the scheme, the care and that it was in the city; the level was asked after
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "in_quzhou": True, "level": 2}
    assert interview.back(answers) == {"city": "quzhou", "scheme": "resident", "care": "inpatient", "in_quzhou": True}


def test_back_after_answers_given_in_turn_undoes_the_last_step(interview):
    answers = {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2, "in_quzhou": True}
    assert interview.back(answers) == {"city": "quzhou", "scheme": "resident", "care": "inpatient", "level": 2}
