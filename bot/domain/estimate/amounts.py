"""Money amounts as people type them: 100000, 100,000, 10万, 1.5w, 8千, 3000元, １００００, 两万五."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import cache

@cache
def _cn2an():
    """cn2an costs ~0.5 s to import; only Chinese numerals (十万, 两万五) need it."""
    import cn2an

    return cn2an


LARGEST = Decimal(100_000_000)  # above this it is a typo, not a hospital bill
CENT = Decimal("0.01")

# Why parse_amount refused; the UI picks its hint from the code.
REASONS = ("empty", "not_a_number", "negative", "too_large", "too_precise")

_CURRENCY = re.compile(r"^(人民币|rmb|cny|[¥￥])|(元整|元|块钱|块|圆|rmb|cny|yuan)$")
_UNITS = {"万": Decimal(10_000), "w": Decimal(10_000), "千": Decimal(1_000), "k": Decimal(1_000), "亿": Decimal(100_000_000)}
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER_WITH_UNIT = re.compile(r"^(?P<number>\d+(\.\d+)?|\d{1,3}(,\d{3})+(\.\d+)?)(?P<unit>[万w千k亿])$")


class AmountError(ValueError):
    def __init__(self, reason: str):
        assert reason in REASONS, reason
        super().__init__(reason)
        self.reason = reason


def parse_amount(text: str) -> Decimal:
    """The amount in yuan; raise AmountError(reason) when the text is not a usable amount."""
    cleaned = _clean(text)
    if not cleaned:
        raise AmountError("empty")
    if cleaned.startswith(("-", "负")):
        _number(cleaned.lstrip("-负"))  # "-abc" is not a number before it is negative
        raise AmountError("negative")
    value = _number(cleaned)
    if value > LARGEST:
        raise AmountError("too_large")
    if value != value.quantize(CENT):
        raise AmountError("too_precise")
    return value.quantize(CENT)


def _clean(text: str) -> str:
    # NFKC turns full-width digits, commas and letters into ASCII ones.
    text = unicodedata.normalize("NFKC", text or "").lower().strip()
    # "100 000" groups thousands like "100,000"; "10 5" is two numbers, not 105.
    text = re.sub(r"(?<=\d)\s+(?=\d{3}(?!\d))", ",", text)
    if re.search(r"\d\s+\d", text):
        return "?"
    text = re.sub(r"\s+", "", text).replace("，", ",")
    previous = None
    while previous != text:  # "¥3000元" has a prefix and a suffix
        previous = text
        text = _CURRENCY.sub("", text)
    return text


def _number(text: str) -> Decimal:
    if not text:
        raise AmountError("not_a_number")
    try:
        if _PLAIN.match(text) or _GROUPED.match(text):
            return Decimal(text.replace(",", ""))
        match = _NUMBER_WITH_UNIT.match(text)
        if match:
            return Decimal(match["number"].replace(",", "")) * _UNITS[match["unit"]]
    except InvalidOperation:
        raise AmountError("not_a_number") from None
    return _chinese(text)


def _chinese(text: str) -> Decimal:
    """十万, 两万五, 一万二千, 1万2千: leave the Chinese numerals to cn2an."""
    if not re.fullmatch(r"[0-9.零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]+", text):
        raise AmountError("not_a_number")
    try:
        return Decimal(str(_cn2an().cn2an(text, "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        pass
    # cn2an reads 三点五 but not 三点五万: split the unit off and multiply.
    if len(text) > 1 and text[-1] in _UNITS:
        try:
            return Decimal(str(_cn2an().cn2an(text[:-1], "smart"))) * _UNITS[text[-1]]
        except (ValueError, KeyError, IndexError, TypeError):
            pass
    raise AmountError("not_a_number")


# Amounts inside a sentence (花了差不多十万块): digits or Chinese numerals with their units.
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
_NUMERALS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_IN_TEXT = re.compile(rf"(?:{_DIGITS}|[{_NUMERALS}])(?:{_DIGITS}|[{_NUMERALS}]|点(?=[{_NUMERALS}])|(?<=\d)[wk](?![a-z]))*")
_MAGNITUDES = set("十百千万亿拾佰仟") | {"w", "k"}
_MONEY_TAIL = re.compile(r"(?:多|余|来|左右)?(?P<currency>元整|元|块钱|块|圆)?")


def prepare(text: str) -> str:
    """The form find_amounts reads: NFKC (full-width digits and commas to ASCII), lower case."""
    return unicodedata.normalize("NFKC", text or "").lower()


def find_amounts(prepared: str, not_money_after: tuple[str, ...] = ()) -> list[tuple[int, Decimal | AmountError]]:
    """(position, amount or why it is unusable) for each amount in a prepared sentence.

    A number followed by a word of `not_money_after` (3天, 二级, 2025年) is not an amount; Chinese
    numerals count only with a magnitude or a currency (十万, 五千, 五块), so 一个 and 三甲 do not.
    """
    found = []
    for match in _IN_TEXT.finditer(prepared):
        span = match.group(0).rstrip(",.")
        tail = _MONEY_TAIL.match(prepared, match.start() + len(span))
        after = prepared[tail.end():]
        if after.startswith(not_money_after) and not tail.group("currency"):
            continue
        if match.start() and prepared[match.start() - 1] == "第":
            continue
        if not any(c.isdigit() for c in span) and not (_MAGNITUDES & set(span) or tail.group("currency")):
            continue
        try:
            found.append((match.start(), parse_amount(span)))
        except AmountError as error:
            if error.reason != "not_a_number":
                found.append((match.start(), error))
    return found
