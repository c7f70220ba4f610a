import pytest

from bot.domain.privacy import mask_personal_data


@pytest.mark.parametrize(
    "text, secret",
    [
        ("我的身份证号是110105199001011234，惠衢保能买吗", "110105199001011234"),
        ("身份证33080219850312451X", "33080219850312451X"),
        ("电话13812345678帮我查下", "13812345678"),
        ("手机 138 1234 5678", "138 1234 5678"),
        ("银行卡6222020200112233445怎么绑定", "6222020200112233445"),
        ("我叫张三丰，想问亲情账户", "张三丰"),
    ],
)
def test_personal_data_is_masked(text, secret):
    masked = mask_personal_data(text)
    assert secret not in masked
    assert masked != text


@pytest.mark.parametrize("text", ["衢州医保电话0570-12393", "打12333查余额", "惠衢保100元", "起付线700元报销65%", "2025年3月9日起"])
def test_public_facts_survive(text):
    assert mask_personal_data(text) == text


@pytest.mark.parametrize("text", ["我是衢州人，住院怎么报", "我是退休职工", "本人参保了吗", "I am asking about Huiqubao", "I'm Chinese, can I buy it?",
                                  "我住在衢州，想问门诊", "名字可能稍有不同", "住院花了10万", "医保电话0570-12393", "12345678元的发票", "2025年1月1日起"])
def test_ordinary_questions_keep_their_words(text):
    assert mask_personal_data(text) == text  # cities, amounts, dates and hotlines are what staff need


@pytest.mark.parametrize("text, masked", [
    ("+86 (139) 1234 5678", "[手机号]"),
    ("１３９１２３４５６７８", "[手机号]"),
    ("(0570)12345678", "[电话]"),
    ("身份证110105 19900101 123X", "身份证[身份证号]"),
    ("我是王小明", "我是[姓名]"),
    ("my name is Li Na", "my name is [姓名]"),
    ("幸福小区3幢2单元501室", "[地址]"),
    ("医保卡号A12345678", "医保卡号[证件号]"),
])
def test_formats_residents_type(text, masked):
    assert mask_personal_data(text) == masked
