"""One of our cities told and another asked that the knowledge lacks: the told city's entry shown under a line naming
the lack and the asked city's line; the app or way a question names; code-switched messages kept in one part; a place
named twice as the insurance city; asks of the bound relative's side the knowledge lacks; 医保 typed by sound; a digit
typed by sound after an amount. Run on the shipped knowledge."""
from __future__ import annotations

import pytest

from bot.domain.estimate.amounts import AmountError, find_amounts, prepare
from bot.views.presenter import Presenter
from bot.views.render import Renderer
from tests.conftest import ROOT
from tests.unit.shipped import answered, lacking_asks


@pytest.fixture(scope="module")
def presenter(assistant):
    return Presenter(Renderer(ROOT / "locales"), assistant)


@pytest.mark.parametrize("question, told, asked", [
    ("衢州居民住院一级医院报85%，衡阳居民住院报多少", "quzhou/resident/inpatient", "hengyang"),
    ("区州居民医保个人交440，黑河要交多少", "quzhou/resident/premium", "heihe"),
    ("衢州尿毒症透析报90%，衡阳透析能报多少", "quzhou/employee/special-disease", "hengyang"),
])
def test_the_told_citys_entry_answers_under_the_asked_citys_lack(assistant, question, told, asked):
    reply = assistant.ask(question)
    assert reply.entry.id == told and reply.lacking_for == asked


def test_the_lack_is_said_first_with_the_asked_citys_line_and_the_told_city_named(assistant, presenter):
    text = presenter.reply(assistant.ask("衢州居民住院一级医院报85%，衡阳居民住院报多少"), "zh").text
    lack, line, told = text.split("\n")[:3]
    assert "衡阳" in lack and "没有" in lack
    assert "衡阳" in line and "12333" in line and "0570-12393" not in line  # (Hengyang's own number is not sourced)
    assert "衢州" in told and "不是衡阳的" in told
    assert "85%" in text


def test_the_lack_line_is_translated(assistant, presenter):
    reply = assistant.ask("Quzhou residents pay 440 yuan. How much do residents pay in Heihe?", "en")
    text = presenter.reply(reply, "en").text
    assert reply.lacking_for == "heihe" and "nothing on Heihe" in text and "not Heihe's" in text and "440" in text


def test_one_city_asked_alone_is_declined_as_before(index):
    assert index.search("衡阳居民住院报多少").outcome == "declined"


@pytest.mark.parametrize("question, entry", [
    ("支付宝里面查医宝个人帐户还剩多少钱，从哪里进", "family-aid/national/balance-alipay"),  # the app used, not WeChat's menus
    ("我在黑河交职工医保，人在北京带孙子，手机上怎么绑家庭共济", "family-aid/heihe/bind-online"),  # where one lives is no care elsewhere
    ("医保在衡阳，人在深圳上班，手机上怎么绑家庭共济", "family-aid/hengyang/bind-online"),
    ("黑河 共济 的钱 can it pay 商业保险 吗", "family-aid/heihe/uses"),  # the Chinese words an English phrase runs on into
    ("📍黑河 想用共济那个账户给我闺女买份商业险 行不行啊", "family-aid/heihe/uses"),
    ("户口在贵州威宁，在昭通上班交职工医保，老婆在贵州参保能绑她吗", "family-aid/zhaotong/conditions"),  # a relative insured outside
    ("人在杭州打工，医保也是在杭州交的，老家衢州那个惠衢保我还能参加吗", "huiqubao/who-can-join"),  # one place named twice
    ("黑合依保卡里还剩多少钱怎么查", "family-aid/national/balance-ways"),  # 依保 typed for 医保
    ("要调去外省工作了，去州的一保关系转过去得等几天", "quzhou/services/transfer"),
    ("去州一地被案在手机上怎么弄", "quzhou/remote-care/how-to-register"),  # 一地 typed for 异地
    ("起付线是啥意思啊 医保小白求科普🙏 #医保知识", "terms/deductible"),  # how a public post asks for answers
    ("耒阳市的 我个人账户里钱用完了还能给我妈共济吗", "family-aid/hengyang/conditions"),
])
def test_what_is_asked_reaches_the_entry_meant(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, entry", [
    ('wechat grp says huiqubao "pays 80%"... so mum gets 80% back??', "huiqubao/payout-ratio"),  # an app heard of, not used
    ("娃出生一个多月才给他上衢州医保，之前住保温箱的钱能报不", "quzhou/resident/newborn"),  # the entry tells it: from birth
])
def test_an_app_only_heard_of_and_an_entry_that_tells_it_are_left_as_they_were(index, question, entry):
    assert answered(index, question) == entry


@pytest.mark.parametrize("question, lacking", [
    ("我被绑在女儿的亲情账户里，她能看到我看了什么病吗", "对方能看到什么（记录和隐私）"),
    ("还没绑共济之前家人看病自己掏的钱，绑好以后能从我账户补扣回来吗", "已经付的钱能不能退回或补扣"),
    ("湘潭 被共济的家人有没有年龄限制，八十多了还能绑吗", "有没有年龄限制"),
    ("儿子用历年余额给我买惠衢保，要不要我本人签字同意", "要不要家人本人同意"),
    ("衢州办的异地长期居住备案，是不是过一年就要重新办", "有效期（一次管多久）"),
    ("上个月亲情账户把我表哥绑进去了，想删掉怎么操作", "解除绑定"),
])
def test_what_the_knowledge_lacks_is_said(index, question, lacking):
    result = index.search(question)
    assert result.decline_reason == "not_in_knowledge" and lacking in lacking_asks(index, result)


@pytest.mark.parametrize("question", ["阿莫西林 pharmacy 里 多少钱 一盒", "想挂衢州人民医院心内科主任的号 网上怎么抢",
                                      "成都医保电子凭证怎么在医院用 帮我外婆问"])
def test_neighbours_and_another_citys_own_way_are_declined(index, question):
    assert index.search(question).outcome == "declined"


def test_a_relative_insured_outside_is_no_decline_for_the_national_app(index):
    assert index.search("我爸医保是在北京交的 能加到我手机的亲情账户里吗").outcome != "declined"


@pytest.mark.parametrize("typed", ["两万山", "2万山", "两万酒"])
def test_a_digit_typed_by_sound_after_an_amount_is_asked_again(typed):
    [(_, found)] = find_amounts(prepare(typed))
    assert isinstance(found, AmountError) and found.reason == "garbled"


@pytest.mark.parametrize("typed, amount", [("两万吧", "20000.00"), ("两万三", "23000.00"), ("花了两万，自费药没有", "20000.00")])
def test_particles_digits_and_sentences_after_an_amount_are_read(typed, amount):
    [(_, found)] = find_amounts(prepare(typed))
    assert str(found) == amount
