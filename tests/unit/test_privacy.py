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
