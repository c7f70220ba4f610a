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

# Why parse_amount refused; the UI picks its hint from the code. not_exact: 一万多, 五六千, 几千 (a
# rough size, not a figure: estimating on it would be a guess); rate: 一个月五千, 每盒八千 (a price per
# month or box, not what was spent in all); garbled: 3万o, 5o00, 1l000 (a letter typed into the
# number: which figure was meant is a guess, so it is asked again).
REASONS = ("empty", "not_a_number", "negative", "too_large", "too_precise", "not_exact", "rate", "garbled")

_CURRENCY = re.compile(r"^(人民币|rmb|cny|[¥￥])|(元整|元|块钱|块|圆|rmb|cny|yuan)$")
_UNITS = {"万": Decimal(10_000), "w": Decimal(10_000), "千": Decimal(1_000), "k": Decimal(1_000), "亿": Decimal(100_000_000)}
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_NUMBER_WITH_UNIT = re.compile(r"^(?P<number>\d+(\.\d+)?|\d{1,3}(,\d{3})+(\.\d+)?)(?P<unit>[万w千k亿])$")


class AmountError(ValueError):
    def __init__(self, reason: str, figure: Decimal | None = None):
        assert reason in REASONS, reason
        super().__init__(reason)
        self.reason = reason
        self.figure = figure  # rate: the price per unit (一个月1000 -> 1000), when it is a number


_SMALL = "[0-9零一二两三四五六七八九]"
# The jiao (and fen) said after the yuan (八百五十块五毛, 12块5, 三十元五角二分): tenths and hundredths of a yuan
_CHANGE = re.compile(rf"(?P<jiao>{_SMALL})(?:(?:毛|角)钱?(?:(?P<fen>{_SMALL})分)?|(?=$|[\s,，。.!！?？;；]))")
_YUAN_AND_CHANGE = re.compile(rf"(?P<yuan>.+?)(?:块|元)(?={_SMALL}(?:毛|角|$))")


def _change(match: re.Match) -> Decimal:
    """The jiao and fen in yuan (五毛二分: 0.52), each digit read as any amount is."""
    return parse_amount(match["jiao"]) / 10 + (parse_amount(match["fen"]) / 100 if match["fen"] else 0)


def parse_amount(text: str) -> Decimal:
    """The amount in yuan; raise AmountError(reason) when the text is not a usable amount."""
    stripped = unicodedata.normalize("NFKC", text or "").strip()
    if (yuan := _YUAN_AND_CHANGE.match(stripped)) and (change := _CHANGE.fullmatch(stripped, yuan.end())):
        return (parse_amount(yuan["yuan"]) + _change(change)).quantize(CENT)
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


_ENGLISH_NUMBER = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                             r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                             r"eighty|ninety|hundred|thousand|million)\b")


# A figure with its magnitude in a word (2 wan, 20 thousand, 1.5 grand): the magnitude as its letter
_MAGNITUDE_WORD = re.compile(r"(?<=\d)\s*(?:(wan)|thousand|grand)(?![a-z])")


def in_figures(text: str) -> str:
    """English number words as figures (thirty two thousand yuan -> 32000 yuan, 2 wan -> 2万); small ones
    said alone stay words (one week, level two), as text2num leaves them."""
    text = _MAGNITUDE_WORD.sub(lambda m: "万" if m.group(1) else "k", text)
    if not _ENGLISH_NUMBER.search(text):
        return text
    from text_to_num import alpha2digit  # (only English amounts need it)

    return alpha2digit(text, "en")


def _clean(text: str) -> str:
    # NFKC turns full-width digits, commas and letters into ASCII ones.
    text = in_figures(unicodedata.normalize("NFKC", text or "").lower().strip())
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
    if re.fullmatch(r"\d+(\.\d+)?[wk]\d", text):  # 1w2, 3k5: as 1万2, 3千5 are said
        return _chinese(text.replace("w", "万").replace("k", "千"))
    return _chinese(text)


# Two neighbouring digits with no magnitude between them say a range: 五六千, 七八万, 三四百.
_RANGE = re.compile("|".join(a + b for a, b in zip("一二三四五六七八", "二三四五六七八九")) + "|一两|两三")


def _chinese(text: str) -> Decimal:
    """十万, 两万五, 一万二千, 1万2千: leave the Chinese numerals to cn2an."""
    if not re.fullmatch(r"[0-9.零〇一二两三四五六七八九十百千万亿点壹贰叁肆伍陆柒捌玖拾佰仟]+", text):
        raise AmountError("not_a_number")
    if _RANGE.search(text):
        raise AmountError("not_exact")  # cn2an would read 五六千 as 56000
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
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"  # 56,320.00 as bills print it
_NUMERALS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_IN_TEXT = re.compile(rf"(?:{_DIGITS}|[{_NUMERALS}])(?:{_DIGITS}|[{_NUMERALS}]|点(?=[{_NUMERALS}])|(?<=\d)[wk](?![a-z]))*")
_MAGNITUDES = set("十百千万亿拾佰仟") | {"w", "k"}
_MONEY_TAIL = re.compile(r"(?P<rough>多|余|来|几)?(?:左右)?(?P<currency>元整|元|块钱|块|圆)?")
# After 多/来/余/几 the rest of a rough amount: 一百多万, 十来万, 一万几千.
_ROUGH_REST = re.compile(rf"[{_NUMERALS}wk]*(?:元整|元|块钱|块|圆)?")


def prepare(text: str) -> str:
    """The form find_amounts reads: NFKC (full-width digits and commas to ASCII), lower case."""
    return in_figures(unicodedata.normalize("NFKC", text or "").lower())


@cache
def _rate_pattern(units: tuple[str, ...]) -> re.Pattern | None:
    """每…月 anywhere before the amount in its clause, or 一个月/一盒 right before it (一个月五千, 一盒要八千):
    a price per unit. 住院一个月花了五万 has a verb between: that is what the stay cost."""
    units = tuple(unit for unit in units if not unit.isascii())
    if not units:
        return None
    alternatives = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    return re.compile(rf"每[^,.;:!?，。；：！？]{{0,3}}?(?:{alternatives})|一个?(?:{alternatives})(?:要|得|是)?$")


@cache
def _rate_after_pattern(units: tuple[str, ...]) -> re.Pattern | None:
    """The English units (a month, per visit) right after the amount: 600 yuan a month is a price per unit."""
    units = tuple(unit for unit in units if unit.isascii())
    if not units:
        return None
    alternatives = "|".join(map(re.escape, sorted(units, key=len, reverse=True)))
    return re.compile(rf"\s*(?:(?:yuan|rmb|kuai)\s*)?(?:{alternatives})(?![a-z])")


_NOT_MONEY_BEFORE = re.compile(r"(?:第|(?<![a-z])(?:level|grade|no\.?|#))[\s-]*$")  # level 3, level-3
# A Latin letter touching a number is a typo in it (3万o, 5o00), unless it spells a currency (5000rmb,
# 3000yuan, rmb5000) or an ordinal (3rd).
_LETTER_BEFORE = re.compile(r"(?<![a-z])(?!(?:rmb|cny)$)[a-z]+$")
_LETTER_AFTER = re.compile(r"(?!(?:yuan|rmb|cny|kuai|st|nd|rd|th)(?![a-z]))[a-z]")
# A second point or a comma out of place joins two numbers (3.5.万, 1.2.3, 1,2000): which one was meant is a guess.
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)(?![a-z])")  # 3rd, 2nd: a place in an order, never money
_JOINED_AFTER = re.compile(r"\.[0-9零〇一二两三四五六七八九十百千万亿]|,[0-9]")
_JOINED_BEFORE = re.compile(r"[0-9][.,]$")
_CLAUSE_END = re.compile(r"[,;:!?，。；：！？\s](?![0-9])")


# One character ends the answer right after a magnitude (两万山): a digit the pinyin keyboard offered wrong, unless a
# particle (两万吧) — which digit was meant is a guess, so it is asked again.
_LAST_CHARACTER = re.compile(r"([\u4e00-\u9fff])(?=$|[,.;:!?，。；：！？\s])")
_PARTICLES = frozenset("吧啊呀呢吗嘛哦哈了的啦哇喔呗咯")
_DIGIT_WORDS = "一二两三四五六七八九"


def _numeral_misheard(after: str) -> bool:
    last = _LAST_CHARACTER.match(after)
    if last is None or last.group(1) in _PARTICLES:
        return False
    from bot.domain.questions.sounds import read_alike  # pypinyin's tables: only for such an answer

    return last.group(1) in read_alike(_DIGIT_WORDS)


def find_amounts(prepared: str, not_money_after: tuple[str, ...] = (), rate_units: tuple[str, ...] = (),
                 rough: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> list[tuple[int, Decimal | AmountError]]:
    """(position, amount or why it is unusable) for each amount in a prepared sentence (see find_amount_spans)."""
    return [(start, value) for start, _, value in find_amount_spans(prepared, not_money_after, rate_units, rough)]


def find_amount_spans(prepared: str, not_money_after: tuple[str, ...] = (), rate_units: tuple[str, ...] = (),
                      rough: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> list[tuple[int, int, Decimal | AmountError]]:
    """(start, end, amount or why it is unusable) for each amount in a prepared sentence; the end
    takes in its unit, currency and rough words (10万元, 一万多, 两万出头).

    A number followed by a word of `not_money_after` (3天, 二级, 2025年) is not an amount; Chinese
    numerals count only with a magnitude or a currency (十万, 五千, 五块), so 一个 and 三甲 do not.
    A rough amount (一万多, 十来万, 几千, or with a word of `rough`: (before, after), e.g. 不到两万,
    两万出头) is found as AmountError("not_exact"), an amount per one of `rate_units` (一个月五千,
    每盒八千) as AmountError("rate"): there is an amount, but not one to use.
    """
    rough_before, rough_after = (tuple(words) for words in rough)
    found = []
    rate, rate_after = _rate_pattern(tuple(rate_units)), _rate_after_pattern(tuple(rate_units))
    rough_until = -1  # the end of the last rough amount (一百多万's 万 is part of it), or of one's jiao (12块5)
    for match in _IN_TEXT.finditer(prepared):
        if match.start() < rough_until:
            continue
        span = match.group(0).rstrip(",.")
        tail = _MONEY_TAIL.match(prepared, match.start() + len(span))
        after = prepared[tail.end():]
        if after.lstrip(" ").startswith(not_money_after) and not tail.group("currency") and not tail.group("rough"):  # (ten days)
            continue
        if _NOT_MONEY_BEFORE.search(prepared, 0, match.start()) or _ORDINAL_AFTER.match(after):
            continue  # 第2步, level 2, no. 3, 3rd level
        before = prepared[:match.start()]
        if _LETTER_BEFORE.search(before) or _LETTER_AFTER.match(after) or _JOINED_AFTER.match(after) or _JOINED_BEFORE.search(before):
            found.append((match.start(), tail.end(), AmountError("garbled")))
            continue
        if span[-1] in "十百千万拾佰仟w" and not tail.group("currency") and not tail.group("rough") and _numeral_misheard(after):
            found.append((match.start(), tail.end() + 1, AmountError("garbled")))
            continue
        led_by_few = before.endswith("几")  # 几千, 十几万 (十 is read first; 几 then leads 万)
        before_bound, after_bound = before.rstrip(" "), after.lstrip(" ,")  # more than 20k; 20k, a bit more
        bound = bool(rough_before) and before_bound.endswith(rough_before) or bool(rough_after) and after_bound.startswith(rough_after)
        if not any(c.isdigit() for c in span) and not (_MAGNITUDES & set(span) or tail.group("currency") or led_by_few):
            continue
        if tail.group("rough") or led_by_few or bound:
            if after.startswith(not_money_after) and not tail.group("currency") \
                    and not (_MAGNITUDES & set(span) and after.startswith("点")):
                continue  # 十来天, 三十多岁 (but 一万多点 is a bit over ten thousand, not a time)
            rest = _ROUGH_REST.match(prepared, tail.end()) if tail.group("rough") else None
            rough_until = rest.end() if rest else tail.end()
            bound_after = next((word for word in rough_after if after_bound.startswith(word)), "") if bound else ""
            bound_end = tail.end() + len(after) - len(after_bound) + len(bound_after) if bound_after else tail.end()
            found.append((match.start(), max(rough_until, bound_end), AmountError("not_exact")))
            continue
        if rate is not None or rate_after is not None:
            clause = before[max((m.end() for m in _CLAUSE_END.finditer(before)), default=0):]
            if rate is not None and rate.search(clause) or rate_after is not None and rate_after.match(after):
                try:
                    figure = parse_amount(span)
                except AmountError:
                    figure = None
                found.append((match.start(), tail.end(), AmountError("rate", figure)))
                continue
        try:
            value = parse_amount(span)
            change = _CHANGE.match(prepared, tail.end()) if tail.group("currency") in ("块", "元") else None
            found.append((match.start(), change.end(), (value + _change(change)).quantize(CENT)) if change
                         else (match.start(), tail.end(), value))
            rough_until = change.end() if change else rough_until  # (12块5: the 5 is its jiao, no amount of its own)
        except AmountError as error:
            if error.reason != "not_a_number":
                found.append((match.start(), tail.end(), error))
    return found
