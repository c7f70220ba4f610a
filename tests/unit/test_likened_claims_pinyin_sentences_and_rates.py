"""A claim likened to something else (惠衢保一年封顶是不是跟居民门诊一样只有4000) is asked of the thing itself, and what it is
likened to never answers; a message typed wholly in pinyin is read as a pinyin keyboard would read it; a reimbursement
rate asked is never answered by an entry without one; who the resident speaks to, and requests only an office can
carry out, are not asked about; follow-ups keep the last question. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from tests.unit.shipped import answered_entry as answered, conversation


@pytest.fixture(scope="module")
def index(assistant):
    return assistant.store.current.index


# ---- what a claim is likened to is only the measure ---------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("惠衢保一年封顶是不是跟居民门诊一样只有4000", "huiqubao/cover-overview"),
    ("衢州居民三级医院住院是不是跟职工门诊一样报60%", "quzhou/resident/inpatient"),
    ("给娃绑亲情账户是不是跟给爸妈绑一样，得本人在旁边刷脸", "family-account/under-16"),
    ("衢州退休的个人账户划钱是不是跟在职一样按工资2%", "quzhou/employee/personal-account-retiree"),
    ("衡阳门诊起付线是不是跟衢州一样二级500三级700", "family-aid/hengyang/outpatient-deductible"),
])
def test_a_claim_likened_to_another_is_asked_of_the_thing_itself(assistant, question, entry):
    assert answered(assistant, question) == entry


def test_asking_for_what_another_group_gets_is_no_likening(assistant):
    # (跟低保一样 asks for more: the knowledge lacks the disabled's own rule, and says so)
    reply = assistant.ask("衢州的残疾人，大病保险是不是也跟低保一样按70%不封顶", "zh")
    assert reply.outcome == "declined"


def test_a_city_likened_to_never_answers_the_city_asked(assistant):
    reply = assistant.ask("昭通一个职工名下能挂几个共济家人，有没有衡阳那种10个的上限", "zh")
    assert reply.entry is None or reply.entry.region != "hengyang"
    assert "10名" not in reply.answer


def test_a_lack_asked_beside_a_question_its_nearest_entry_answers_gets_both_said(assistant):
    reply = assistant.ask("衡阳绑共济要像亲情账户那样上传户口本吗，具体怎么绑", "zh")
    assert reply.entry.id == "family-aid/hengyang/bind-online"
    assert "个人承诺书" not in reply.answer
    # (the part left unanswered is quoted as the resident typed it, likening and all)
    assert reply.unanswered == ("衡阳绑共济要像亲情账户那样上传户口本吗",)


def test_the_order_of_payment_likened_to_another_citys_is_lacking(assistant):
    assert assistant.ask("湘潭共济是不是跟衡阳一样，先扣看病的人自己账户，不够再扣我的", "zh").outcome == "declined"


def test_a_part_the_knowledge_lacks_is_said_unanswered_beside_the_part_it_answers(assistant):
    reply = assistant.ask("惠衢保有没有等待期，刚买完住院会不会拒赔", "zh")
    assert reply.outcome == "declined" or any("等待期" in part for part in reply.unanswered)


# ---- a reimbursement rate -----------------------------------------------------------------------------------------

def test_a_rate_asked_is_never_answered_by_an_entry_without_one(assistant):
    reply = assistant.ask("我爸在昭通住院一般能报百分之几", "zh")
    assert reply.outcome == "declined" and "家庭共济范围" not in reply.answer


@pytest.mark.parametrize("question, entry", [
    ("衢州居民住院报几成", "quzhou/resident/inpatient"),
    ("老妈衢州参保，人在杭州儿子家住院，能报几成是看杭州的规矩还是衢州的", "quzhou/remote-care/which-rules"),
])
def test_an_entry_with_the_rate_answers_it(assistant, question, entry):
    assert answered(assistant, question) == entry


# ---- who the resident speaks to; what only an office can do -------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("工作人员，亲情账户怎么绑孩子", "family-account/bind-by-birth-certificate"),
    ("小姐姐，宝宝在衢州出生，几天之内交医保才能从出生那天就报", "quzhou/resident/newborn"),
    ("quzhou staff insurance, level 2 hospital outpatient — reimbursed at?", "quzhou/employee/outpatient"),
])
def test_who_the_resident_speaks_to_is_not_asked_about(assistant, question, entry):
    assert answered(assistant, question) == entry


@pytest.mark.parametrize("question", [
    "医保卡里的钱能不能转到微信零钱",
    "How do I file a work-injury claim in Quzhou?",
    "换工作中间社保空了两个月 要补吗",
    "小姐姐你帮我记一下，我明天下午打电话过来找你接着问惠衢保",
])
def test_neighbouring_subjects_and_requests_only_an_office_can_carry_out_are_declined(assistant, question):
    assert assistant.ask(question, assistant.language_of(question) or "zh").outcome == "declined"


def test_making_up_a_missed_registration_is_still_answered(assistant):
    assert answered(assistant, "衢洲医保在外面医院住院，没备案出院前还能补吗") == "quzhou/remote-care/emergency"


# ---- a message typed wholly in pinyin -----------------------------------------------------------------------------

@pytest.mark.parametrize("typed, words", [
    ("hengyang gongji neng bang laopo de ba ma ma", ["衡阳", "共济", "绑", "配偶"]),
    ("hengyang gongji wo de geren zhanghu yu e yao duoshao cai xing", ["个人账户余额要多少"]),  # yu e: two syllables
    ("quzhou linghuo jiuye zi ji jiao zhigong yibao yi ge yue duo shao", ["灵活就业", "自己交", "一个月"]),  # yue: one
    ("yibaoma de mima bu ji de le, qu na chongzhi", ["密码", "不记得"]),
    ("hqb you mei you nianling xianzhi, wo nainai 86 le", ["惠衢保有没有年龄限制"]),
])
def test_a_pinyin_sentence_is_read_as_a_keyboard_reads_it(index, typed, words):
    read = index.read(typed)
    assert all(word in read for word in words), read


@pytest.mark.parametrize("question, entry", [
    ("yibaoma de mima bu ji de le, qu na chongzhi", "family-account/forgot-password"),
    ("hqb you mei you nianling xianzhi, wo nainai 86 le", "huiqubao/who-can-join"),
    ("mei canjia jiben yibao, neng dandu mai huiqubao ma", "huiqubao/need-basic-insurance"),
])
def test_a_pinyin_question_is_answered(assistant, question, entry):
    assert answered(assistant, question) == entry


@pytest.mark.parametrize("question", ["jia li de gou sheng bing kan shouyi neng yong yibao ma", "gongshang rending yao na xie cailiao"])
def test_a_neighbouring_subject_in_pinyin_is_declined(assistant, question):
    assert assistant.ask(question, "zh").outcome == "declined"


def test_english_words_that_spell_pinyin_stay_english(index):
    # (quzhou e-voucher: e is a syllable, but a word of ours typed alone reads no everyday word beside it)
    assert "鄂" not in index.tools.normalize("quzhou e-voucher hospitals and pharmacies")
    assert "医保" in index.read("is there a heihe local yibao hotline or just 12333?")


# ---- follow-ups ---------------------------------------------------------------------------------------------------

def test_an_english_swap_with_a_story_beside_it_asks_the_last_question_again(assistant):
    reply = conversation(assistant, "How much do Quzhou residents pay for basic medical insurance each year?",
                         "What about employees? I'm with a company there.")
    assert reply.outcome != "answered" and "8,000" not in reply.answer


def test_the_city_told_after_a_question_asks_it_again(assistant):
    reply = conversation(assistant, "我爸在上海旅游突然生病住院了，之前没办异地备案，这样还能报吗", "他医保是衢州的，城乡居民")
    assert reply.entry is not None and reply.entry.id == "quzhou/remote-care/emergency"


def test_a_carried_person_word_never_asks_whether_that_person_counts(assistant):
    reply = conversation(assistant, "親情帳戶要怎麼幫我爸媽綁定", "我媽戶口不在我這本上，也能綁嗎", "那我弟剛好16歲，要他本人在場刷臉嗎",
                         "以後不想綁了，怎麼解除")
    assert reply.entry is not None and reply.entry.id == "family-account/unbind"


# ---- either-or questions --------------------------------------------------------------------------------------------

def test_an_either_or_question_is_answered_by_the_entry_giving_one_choice(assistant):
    # (户口本, the other choice, is not in the entry: its answer says what to bring, 身份证)
    assert answered(assistant, "昭通去大厅办共济是带身份证还是带户口本") == "family-aid/zhaotong/bind-offline"


def test_an_ask_that_is_itself_a_choice_stays_lacking(assistant):
    assert assistant.ask("衢州 用儿子个人账户给我看病，是先扣我自己的还是先扣他的", "zh").outcome == "declined"
