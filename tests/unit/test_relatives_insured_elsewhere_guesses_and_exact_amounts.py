"""What residents of the fifty-first session's sets asked, and what the bot now makes of it: a relative insured where we
lack the rules, whose own care is asked (她在宁波看门诊报几成), is declined, not answered with the asker's city; a place
measured against ours (长沙…是不是比衡阳低) is the one asked; a claim's progress asked in English is a personal record;
a word's meaning asked with a guess (起负线七百是啥意思，是医院先收我七百押金吗) gets the glossary, which corrects it,
unless a neighbour's subject is asked too; the shared money asked for fitness is the city's own list of uses; an account
spent down, two binders, care in another Hunan city, a scheme named in English, a
worker's monthly credit, the deductible asked in English, and the words that only look like another subject (起付线扣了
两次, 热线到底几号, wechat fine?, i am in germany). In an estimate: a rough amount made exact (三万多一点，具体是三万一千
四), an age in words after the person (我爸今年七十三), 会是多少 asking the changed case, and a city we lack answered at
the city step, named. Run on the shipped knowledge."""
from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.shipped import answered

# ---- whose rules: a relative insured elsewhere, a place measured against ours ----------------------------------------


@pytest.mark.parametrize("question", [
    "我是衢州参保，老婆在宁波交的职工医保，她在宁波看门诊报几成",
    "我衢州参保，我妈医保在宁波，她住院能报多少",
    "长沙职工门诊报销比例是不是比衡阳低",
    "is changsha outpatient rate lower than hengyang",
    "医疗救助一年最多给两万，是这样吗",
    "my huiqubao claim from march got approved? my id 3308xxxx",
])
def test_what_we_lack_is_declined(index, question):
    assert index.search(question).outcome != "answered"


def test_the_askers_own_care_beside_a_relative_insured_elsewhere_is_answered(index):
    assert answered(index, "我是衢州参保，老婆在宁波交的职工医保，我在衢州看门诊报几成") == "quzhou/employee/outpatient"


# ---- a word's meaning asked with a guess -----------------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("起负线七百是啥意思，是医院先收我七百押金吗", "terms/deductible"),
    ("封顶线四千的意思是报到四千以后就不报了吧", "terms/cap"),
    ("医院老说起付线起付线的到底啥意思是不是要我自己先掏一笔钱", "terms/deductible"),
    ("封頂線即係點解", "terms/cap"),
    ("报销单上写着起付线，这个起付线是怎么个算法", "terms/deductible"),
])
def test_the_meaning_asked_with_a_guess_gets_the_glossary(index, question, entry):
    assert answered(index, question) == entry


def test_a_guess_beside_a_neighbours_subject_is_not_the_glossary(index):
    assert answered(index, "起付线是不是跟车险的绝对免赔额一个意思？车险免赔额怎么选") is None


def test_a_citys_own_rule_beside_the_word_is_no_glossary_question(index):
    assert answered(index, "起付线是啥意思，衢州职工的起付线是不是300") != "terms/deductible"


# ---- family aid: what it pays for, whose money, where ----------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("衡陽共濟啲錢可唔可以俾阿媽去健身", "family-aid/hengyang/uses"),
    ("衡阳个人账户能不能给家人办张健身卡，一年一千二", "family-aid/hengyang/uses"),
    ("Hengyang gongji can pay my wife gym card?", "family-aid/hengyang/uses"),
    ("衡阳的个人账户已经用光了，在株洲的老婆还能用我的共济吗", "family-aid/hengyang/conditions"),
    ("衡阳我个人账户里就剩几毛钱零头，还能共济给我妈吗", "family-aid/hengyang/conditions"),
    ("衡陽的職工帳戶，我媽在長沙看病能共濟嗎", "family-aid/hengyang/cross-region"),
    ("衡阳单位给我交的职工医保，老妈跑去长沙大医院看病，共济那笔钱她在那边也能扣吗", "family-aid/hengyang/cross-region"),
])
def test_family_aid_asks_reach_the_entry_that_says_it(index, question, entry):
    assert answered(index, question) == entry


def test_a_city_whose_list_says_nothing_of_fitness_lacks_it(index):
    assert answered(index, "黑河共济能给我爸办健身卡吗") is None


def test_a_name_is_no_subject(index):
    assert answered(index, "湘谭 共济要满足啥条件 我叫胡美容") == "family-aid/xiangtan/conditions"


def test_an_account_spent_down_before_the_relatives_own_is_the_order(index):
    assert answered(index, "衡阳那个钱是不是要等家里人自己账户花光了才动我的") == "family-aid/hengyang/order"


def test_two_binders_at_once_asks_whether_one_may_be_bound_twice(index):
    assert "family-aid/hengyang/limits" == answered(index, "衡阳我和我姐都想把老妈挂到自己名下共济，两边同时挂可以吗")


# ---- basic insurance: a scheme named in English, a worker's credit, who may buy 惠衢保 -------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("quzhou resident normal outpatient max per year", "quzhou/resident/outpatient"),
    ("在衢州一家厂里上班，医保基数按4500交，个人账户一个月到账多少", "quzhou/employee/personal-account-worker"),
    ("I'm on Quzhou employee insurance and see outpatient doctors at a big level-3 hospital. How much do I pay before "
     "reimbursement starts?", "quzhou/employee/outpatient"),
    ("惠衢保我们职工能买吗？", "huiqubao/who-can-join"),
    ("衢州醫保熱線到底幾號打來打去都是別的地方", "quzhou/services/hotline"),
    ("yibao e-voucher where can activate, wechat fine?", "family-account/activate-evoucher"),
    ("huiqubao one head one year pay how much, mama ask me i am in germany cant check", "huiqubao/premium"),
])
def test_each_is_answered_with_what_it_asks(index, question, entry):
    assert answered(index, question) == entry


def test_a_deductible_charged_twice_is_no_refund(index):
    assert index.search("衢州居民医保今年住了两回院，起付线扣了两次吧").decline_reason != "uncovered_topic"


# ---- the estimate ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, answers", [
    ("花了三万多一点具体是三万一千四", {"in_scope": Decimal("31400")}),
    ("大概三万，准确说是三万一千四", {"in_scope": Decimal("31400")}),
    ("about 30k, to be exact 31,400", {"in_scope": Decimal("31400")}),
    ("自费大概五千多，具体是5230", {"out_of_list": Decimal("5230")}),
    ("我爸今年七十三花了三万一千四", {"in_scope": Decimal("31400")}),
    ("我爸今年七十多住院花了两万三", {"care": "inpatient", "in_scope": Decimal("23000")}),
])
def test_the_exact_amount_is_taken(interview, text, answers):
    assert interview.cases.read(text).answers == answers


@pytest.mark.parametrize("text", ["换到三级医院看的话是多少", "要是去二级医院看会是多少"])
def test_what_if_asking_what_it_comes_to_changes_the_case(interview, text):
    assert interview.cases.revises(text)


def test_a_rule_asked_after_a_result_is_no_what_if(interview):
    assert not interview.cases.revises("二级医院起付线是多少")


@pytest.mark.parametrize("text, place", [("湘潭", "湘潭"), ("金華", "金华"), ("第二个", None)])
def test_the_place_a_city_answer_names(assistant, text, place):
    assert assistant.place_named(text) == place


# ---- neighbouring subjects, and words that only look like them -------------------------------------------------------


@pytest.mark.parametrize("question", [
    "那个嗯我后天要从衢州开车去杭州那边的医院复查，路上高速会不会堵车啊",
    "衢州的醫院有推薦的腸胃科醫師嗎？阿嬤一直胃痛",
    "医保卡余额好几千想提成现金到银行卡可以吗",
    "糖尿病能治好吗",
])
def test_a_neighbouring_subject_is_declined(assistant, question):
    assert assistant.ask(question, "zh", "quzhou").outcome != "answered"


@pytest.mark.parametrize("question, entry", [
    ("微信里查医保余额走哪条路", "family-aid/national/balance-wechat"),
    ("衡阳共济能绑几家医院", "family-aid/hengyang/hospitals"),
    ("衢州有多少家医院能刷医保码", "quzhou/services/evoucher-where"),
    ("Quzhou resident plan, my mom is staying in a county hospital (level 2) for a week, reimbursement percent?",
     "quzhou/resident/inpatient"),
])
def test_what_only_looks_like_another_subject_is_answered(index, question, entry):
    assert answered(index, question) == entry


# ---- amounts with jiao, and a dash between clauses -------------------------------------------------------------------


@pytest.mark.parametrize("text, amount", [
    ("八百五十块五毛", "850.50"), ("850块5毛", "850.50"), ("十二块五", "12.50"), ("三十元五角二分", "30.52"), ("3000块", "3000.00"),
])
def test_jiao_and_fen_after_the_yuan(text, amount):
    from bot.domain.estimate.amounts import parse_amount
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text, amounts", [
    ("药费12块5，挂号5块", ["12.50", "5.00"]),
    ("花了3000块5000是自费", ["3000.00", "5000.00"]),
])
def test_jiao_in_a_sentence_is_no_amount_of_its_own(text, amounts):
    from bot.domain.estimate.amounts import find_amount_spans
    assert [str(value) for _, _, value in find_amount_spans(text)] == amounts


def test_a_dash_parts_the_insurance_city_from_where_care_was(interview):
    answers = interview.cases.read("My dad's on Quzhou resident insurance — 4 nights in a level-2 hospital in Kaihua.").answers
    assert answers.get("in_quzhou") is True


# ---- Cantonese, and the words of a record or a tap -------------------------------------------------------------------


@pytest.mark.parametrize("question, entry", [
    ("黑河老人家唔識用手機，去邊度辦共濟", "family-aid/heihe/bind-offline"),
    ("惠衢保要唔要驗身先俾買", "huiqubao/who-can-join"),
    ("老豆醫保喺昭通，下個月去昆明覆診，使唔使事前辦手續", "zhaotong/remote-care/register"),
    ("亲情账户 人险验证", "family-account/16-and-over"),
    ("横阳我卡里余额是零还能给我妈共济不", "family-aid/hengyang/conditions"),
    ("衢州医保在上海住院按哪里的比例", "quzhou/remote-care/which-rules"),
])
def test_spoken_and_cantonese_forms_reach_their_entry(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question", [
    "我阿嬤上個月在衢州住院，惠衢保的錢到底撥下來了沒？幫我查一下她的紀錄",
    "在國家醫保服務平台APP裡要新增家人，是按哪裡？我找半天找不到",
])
def test_neither_a_record_nor_a_tap_is_whose_rules(index, question):
    assert answered(index, question) not in ("quzhou/remote-care/which-rules", "huiqubao/cover-self-paid")
