"""What residents of the fifty-third session's sets asked, and what the bot now makes of it: a request that the bot
look up someone's own record (帮我查一下我妈那张卡里还剩多少钱, can you check whether my father was added) is declined,
while 帮我查一下 before a rule asked is only politeness; phone and app faults, military care, travel, an employer's holiday
gifts and buying medicine on JD are neighbouring subjects. Places told only as where one lives or is treated (户口在江苏，
人住上海，…) leave the national answers to the question, and nothing of another city; where one works or is insured, or care
costs there, are still that place's. A glossary word asked of alone (统筹基金和个人账户有啥区别) is answered from the
glossary. Hong Kong's 户口 holding money is an account; 可唔可以辦 asks to do, not to bind. A city named is read by any of
its group's phrasings; a city we lack only likened to one of ours is asked of. After a result, "why is critical illness
insurance zero?" and 怎么还是0 ask about it. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.estimate.answer_reader import simplified
from tests.unit.shipped import answered

RECORDS = "替您查记录、记事、回电话、转告或催办"

# ---- a record looked up --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "帮我查一下黑河我妈那张医保卡里还剩多少钱",
    "你帮我查一下嗯我湘潭的医保卡到底绑了哪几个家人嗯我身份证是四三零三零二后面的我再念给你",
    "帮我看看前夫有没有把我们孩子加到他的亲情账户里",
    "幫我睇下我阿媽個親情賬戶綁咗未，佢電話係138xxxx5521",
    "你直接告诉我，我爸黑河医保卡里现在还剩多少钱，他叫王建国",
    "Can you check whether my father-in-law was actually added to my family account?",
    "Could you look up my Quzhou reimbursement records for last month?",
])
def test_a_record_looked_up_is_declined(index, question):
    result = index.search(question)
    assert result.outcome == "declined" and result.decline_reason == "uncovered_topic" and result.subject == RECORDS


@pytest.mark.parametrize("question, entry", [
    ("帮我查一下衡阳共济有没有人数限制", "family-aid/hengyang/limits"),  # a rule asked, politely
    ("你帮我查一下惠衢保一年多少钱", "huiqubao/premium"),
    ("帮我用微信查一下医保还剩多少钱", "family-aid/national/balance-wechat"),  # how to look it up oneself
    ("Could you confirm whether osimertinib is one of the twenty special drugs that Huiqubao covers?", "huiqubao/cover-special-drugs"),
])
def test_a_rule_or_a_way_asked_is_still_answered(index, question, entry):
    assert answered(index, question) == entry


def test_a_lookup_is_declined_with_the_named_citys_line(index):
    assert index.search("帮我查一下黑河我妈那张医保卡里还剩多少钱").decline_region == "heihe"


# ---- neighbouring subjects -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "国家医保app一直白屏卡住是手机问题吗",
    "那个国家医保服务平台APP老是闪退嗯一打开就退出来是不是我手机内存不够了",
    "儿子是现役军人，探亲回衢州看病，军队的医疗保障在地方医院怎么结算",
    "衢州企業退休人員過年有冇慰問金派",
    "京东上买药能用医保个人账户付吗？会不会是骗人的链接",
    "住房公基金能给父母看病用吗",
    "国家医保服务平台上能不能帮居民预约医院挂号",
    "衢州哪家药店卖的降压药便宜",
    "Any good hotel near Hengyang East station for the Spring Festival visit to the in-laws?",
    "Anyone done the Shaoshan day trip from Xiangtan with small kids? Worth it or too crowded?",
    "US hlth insur deductble explain pls",
])
def test_a_neighbouring_subject_is_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_care_on_a_trip_is_still_ours(index):
    assert answered(index, "衢州参保 出去玩突然住院了 没来得及备案 还能报吗") == "quzhou/remote-care/emergency"


# ---- places told only as where one lives or is treated -------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("户口在江苏，人住上海，看病在上海，支付宝里咋查医保余额", "family-aid/national/balance-alipay"),
    ("户口在河南，人住杭州，在杭州看病，拿我老公的医保卡去挂号行不行", "family-aid/national/impersonation"),
])
def test_places_only_lived_in_leave_the_national_answer(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "在成都上班，家庭共济能给兄弟姐妹用吗",  # where one works: most likely where one is insured
    "我在哈尔滨交职工医保，个账共济可以绑定几位亲属",
    "I'm a foreigner working in Suzhou, company must pay social insurance for me?",
    "Beijing 🏥 hospital stay, what % does insurance pay",  # care costs there are that place's rules
    "刚搬到南县，那边医保办公室的电话是多少",  # that place's own office
    "哈尔滨门诊慢特病怎么申请，我姑在哈尔滨",  # its own rule asked, whoever lives there
    "我在昆明参保，昆明办家庭共济的流程应该跟昭通那套差不多吧",  # ours only likened to it
])
def test_a_place_we_lack_asked_of_is_still_declined(index, question):
    assert index.search(question).outcome != "answered"


# ---- a glossary word asked of alone --------------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("统筹基金和个人帐户的钱有啥不一样", "terms/pooled-fund"),
    ("封顶线难道是说花到这个数才开始报？", "terms/cap"),
    ("what is the deductable in medical insurance", "terms/deductible"),
])
def test_a_glossary_word_asked_of_alone_is_explained(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "新闻说明年医保要搞全国统筹，消息靠谱吗",  # 统筹 only part of another word
    "醫療救助的起付線是不是也是1.5萬",  # medical assistance's own threshold
    "年底想去口腔诊所洁牙加补两颗牙，医保统筹给不给报",  # dental care
])
def test_a_glossary_word_beside_something_else_is_not_explained(index, question):
    assert not (answered(index, question) or "").startswith("terms/")


# ---- Cantonese and a named city's group ----------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("衢州職工醫保戶口入面嘅錢，太太同個女睇醫生可以用嗎？", "quzhou/employee/personal-account-family"),
    ("阿媽喺衢州參保，去咗深圳同我住幾個月，可唔可以辦異地就醫備案", "quzhou/remote-care/who"),
    ("湘潭家庭共济只限父母、配偶和子女，对吧", "family-aid/xiangtan/who"),
])
def test_such_questions_are_answered(index, question, entry):
    assert answered(index, question) == entry


def test_doing_is_no_typo_for_binding(index):
    assert "办" in index.read("可不可以办异地就医备案") and "绑" not in index.read("可不可以办异地就医备案")


# ---- after a result ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Why is critical illness insurance zero?", "她是特困人員，大病保險怎麼還是0？",
                                  "Why did basic insurance pay nothing at all for the 24,000 of drugs?"])
def test_why_a_part_is_zero_asks_about_the_result(interview, text):
    assert interview.reader.asks_about_the_result(simplified(text)) and interview.reader.asks_why(simplified(text))


def test_what_only_a_part_paid_asks_about_the_result(interview):
    assert interview.reader.asks_about_the_result(simplified("为什么 off-list drugs 那块只报了 5,500？"))
