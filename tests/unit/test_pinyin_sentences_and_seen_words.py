"""A question written wholly in pinyin letters is read as the words; a word seen on a bill is explained; a scam
call's handling is declined, while the fact a resident checks against it is answered."""
import pytest

from bot.domain.questions.sounds import PinyinSentences
from tests.unit.shipped import answered


def test_syllables_are_read_as_the_fewest_words():
    sentences = PinyinSentences(["惠衢保", "有没有", "年龄", "限制", "我", "爷爷", "家庭", "共济", "怎么", "绑定", "想"])
    assert sentences.read("hui qu bao you mei you nian ling xian zhi") == "惠衢保有没有年龄限制"
    assert sentences.read("huiqubao you mei you") == "惠衢保有没有"
    # a typed word read as no word stays as typed, whole (for the places to read), never cut into a one-character word
    assert sentences.read("xiangtang jiating gongji zenme bangding") == "xiangtang 家庭共济怎么绑定"


@pytest.mark.parametrize(("text", "pinyin"), [("hei he gong ji", True), ("huiqubaozainalimai", True), ("yaodian", True),
                                              ("can he join", False), ("how much is it", False)])
def test_only_letters_that_are_all_pinyin_count(text, pinyin):
    assert PinyinSentences(["黑河"]).is_pinyin(text) is pinyin


@pytest.mark.parametrize(("question", "entry_id"), [
    ("hui qu bao you mei you nian ling xian zhi", "huiqubao/who-can-join"),
    ("huiqubaozainalimai", "huiqubao/channels"),
    ("hei he gong ji you shen me tiao jian", "family-aid/heihe/conditions"),
    ("zhaotong jiating gongji ke yi gei shui yong", "family-aid/zhaotong/who"),
    ("xiangtang jiating gongji zenme bangding", "family-aid/xiangtan/bind-online"),
    ("Can he join Huiqubao?", "huiqubao/who-can-join"),  # English stays English
])
def test_a_question_in_pinyin_is_answered_as_if_typed_in_characters(index, question, entry_id):
    assert answered(index, question) == entry_id


@pytest.mark.parametrize(("question", "entry_id"), [
    ("住院结算单上写着封顶线，这个封顶线到底指的是啥", "terms/cap"),  # where the word was seen asks nothing
    ("起付线是什么意思，我奶奶不识字，我得给她讲明白", "terms/deductible"),  # nor who it is explained to
    ("结算单上有一栏叫统筹基金支付，统筹是什么意思", "terms/pooled-fund"),
])
def test_a_word_seen_on_a_bill_is_explained(index, question, entry_id):
    assert answered(index, question) == entry_id


@pytest.mark.parametrize("question", [
    "有个人说我的医保卡涉嫌洗钱要被冻结，让我把钱转到安全账户，怎么办",
    "有人冒充医保局让我下载会议App共享屏幕，这种骗局怎么防",
    "有人打電話說我的社保卡被盜用，要我報身分證和銀行卡密碼，應該報警嗎",
])
def test_handling_a_scam_call_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("有人打电话说我惠衢保要续费800，是不是骗子？惠衢保一年多少钱", "huiqubao/premium"),
    ("Is Huiqubao some kind of scam or actual insurance?? who is behind it", "huiqubao/what"),
    ("手机丢了 衢州医保码里的钱会不会被盗刷 急", "quzhou/services/evoucher-lost"),
])
def test_the_fact_checked_against_a_scam_is_answered(index, question, entry_id):
    assert answered(index, question) == entry_id


@pytest.mark.parametrize(("question", "entry_id"), [
    ("来电说惠衢保今天是最后一天参保，不马上转钱就断保了，惠衢保参保期到底截止到哪天", "huiqubao/enrolment-period"),
    ("有人打电话说我有一笔惠衢保理赔款，先交200手续费才能到账，惠衢保理赔是这个流程吗", "huiqubao/settlement"),
])
def test_what_a_caller_said_is_not_what_the_resident_asks(index, question, entry_id):
    assert answered(index, question) == entry_id


def test_what_a_relative_said_may_be_what_is_asked(index):
    # (他说…这样真的不会出问题吗: the claim is the question; answered from what it asks: paying with his card for her is
    # Hengyang's way of paying (用她自己的卡) or, said wherever one is insured, impersonation (冒名就医))
    assert answered(index, "我弟在衡阳上班交职工医保，他说反正能共济，直接拿他的卡给我妈刷药就行，这样真的不会出问题吗") \
        in ("family-aid/hengyang/pay", "family-aid/national/impersonation")


def test_one_word_typed_in_letters_amid_characters_is_read_unless_english_uses_it(index):
    normalize = index.tools.normalize
    assert normalize("衢州能用dianzi pingzheng的yaodian大概有多少家") == "衢州能用电子凭证的药店大概有多少家"
    assert normalize("怎么denglu") == "怎么登录"
    assert "quzhou" in normalize("mum = quzhou 居民医保. 大病保险 cap/yr?")  # an English message's place name stays
