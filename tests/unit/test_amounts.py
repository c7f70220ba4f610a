"""parse_amount: what people type for a money amount."""
from decimal import Decimal

import pytest

from bot.domain.estimate.amounts import REASONS, AmountError, find_amounts, parse_amount, prepare


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100000", "100000"),
        ("100,000", "100000"),
        ("1,000,000", "1000000"),
        ("3,000.50", "3000.50"),
        ("3000.5", "3000.50"),
        ("0", "0"),
        ("0.01", "0.01"),
        ("  2500  ", "2500"),
        ("100 000", "100000"),
        ("10万", "100000"),
        ("1.5万", "15000"),
        ("10万元", "100000"),
        ("8千", "8000"),
        ("1.5w", "15000"),
        ("1.5W", "15000"),
        ("2k", "2000"),
        ("1亿", "100000000"),
        ("3000元", "3000"),
        ("3000 元", "3000"),
        ("5块", "5"),
        ("50块钱", "50"),
        ("¥3000", "3000"),
        ("￥3,000元", "3000"),
        ("人民币3000元", "3000"),
        ("RMB 3000", "3000"),
        ("１００００", "10000"),
        ("１０万", "100000"),
        ("１００，０００", "100000"),
        ("十万", "100000"),
        ("两万五", "25000"),
        ("一万二千", "12000"),
        ("一万二", "12000"),
        ("三千五百元", "3500"),
        ("十万零五百", "100500"),
        ("一千二百三十四点五", "1234.50"),
        ("三点五万", "35000"),
        ("1万2千", "12000"),
        ("一亿", "100000000"),
    ],
)
def test_accepted(text, expected):
    assert parse_amount(text) == Decimal(expected)


def test_result_has_two_decimals():
    assert str(parse_amount("10万")) == "100000.00"
    assert str(parse_amount("3,000.5")) == "3000.50"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("元", "empty"),
        (None, "empty"),
        ("abc", "not_a_number"),
        ("十万块的药", "not_a_number"),
        ("1,00", "not_a_number"),
        ("10,0000", "not_a_number"),
        ("12.", "not_a_number"),
        (".5", "not_a_number"),
        ("1e5", "not_a_number"),
        ("nan", "not_a_number"),
        ("inf", "not_a_number"),
        ("万", "not_a_number"),
        ("1.2.3", "not_a_number"),
        ("10 5", "not_a_number"),
        ("100 20", "not_a_number"),
        ("-100", "negative"),
        ("－１００", "negative"),
        ("负五百", "negative"),
        ("-1.5万", "negative"),
        ("100000001", "too_large"),
        ("2亿", "too_large"),
        ("10001万", "too_large"),
        ("1.234", "too_precise"),
        ("0.001", "too_precise"),
    ],
)
def test_refused(text, reason):
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert caught.value.reason == reason
    assert caught.value.reason in REASONS


def test_negative_garbage_is_not_a_number_first():
    with pytest.raises(AmountError) as caught:
        parse_amount("-abc")
    assert caught.value.reason == "not_a_number"


def test_largest_amount_is_accepted():
    assert parse_amount("100,000,000") == Decimal("100000000")


def test_amount_error_is_a_value_error():
    assert issubclass(AmountError, ValueError)


def test_a_number_before_a_word_of_time_in_english_is_no_amount():
    # (an inpatient for 10 days at a level-2 hospital: ten days, not ten yuan)
    assert find_amounts("inpatient for 10 days, 45000 inside the list", ("days",)) == [(23, Decimal("45000"))]


@pytest.mark.parametrize("text, value", [("2 wan", "20000"), ("1.5 wan", "15000"), ("2wan", "20000"),
                                         ("20 thousand", "20000"), ("3 grand", "3000")])
def test_a_magnitude_in_a_word_multiplies_the_figure(text, value):
    assert parse_amount(text) == Decimal(value)
    assert find_amounts(prepare(text)) == [(0, Decimal(value))]


def test_an_ordinal_is_no_amount():
    assert find_amounts(prepare("3rd level hospital, 45000 inside the list")) == [(20, Decimal("45000"))]
