"""Personal data is masked before anything is stored or logged; users are named by a keyed hash.

Residents type details in every format: full-width digits, separators and prefixes (+86 (139)
1234 5678), ID numbers in 6-8-4 groups, names after 我是/本人/姓名, street addresses, insurance
card numbers with letters. Each is replaced by a placeholder that keeps the question useful to
staff: [身份证号] [卡号] [手机号] [电话] [证件号] [姓名] [地址] [邮箱].
"""
from __future__ import annotations

import hashlib
import hmac
import re

# Detection runs on a copy with full-width ASCII (０-９, Ａ-Ｚ, ＋, （）…) folded to ASCII, one
# character for one, so a match's span is the same span in what the resident typed.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

_SEP = r"[\s\-.]?"  # one separator a resident may put between digits
_HAN = r"[\u4e00-\u9fff]"
_NUM = r"[0-9一二三四五六七八九十百零〇两]+"

ID_CARD = re.compile(rf"(?<![0-9A-Za-z])\d(?:{_SEP}\d){{16}}{_SEP}[\dXx](?![0-9A-Za-z])|(?<![0-9A-Za-z])\d(?:{_SEP}\d){{14}}(?![0-9A-Za-z])")
BANK_CARD = re.compile(rf"(?<!\d)\d(?:{_SEP}\d){{15,18}}(?!\d)")
MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)?86[\s\-.]*)?\(?\s*1[3-9]\d\s*\)?(?:[\s\-.]*\d){8}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)(?:\(\s*0\d{2,3}\s*\)|0\d{2,3})[\s\-.]*\d{3,4}[\s\-.]?\d{4}(?!\d)")
# Insurance / social-security / 参保 numbers: a label, then letters and digits; or letters+digits alone.
CARD_LABELLED = re.compile(rf"(?:医保|社保|参保|医疗保险|社会保障|保障|证件|个人编|编)(?:卡|卡号|号码|号|编号|证号|登记号|凭证号)?(?:{_HAN}{{0,3}}?)[是为:：\s]*"
                           r"([A-Za-z]{0,4}\d[0-9A-Za-z\-]{5,24})")
CARD_CODE = re.compile(r"(?<![0-9A-Za-z])(?:[A-Za-z]{1,4}\d{6,20}|\d{6,20}[A-Za-z]{1,2})(?![0-9A-Za-z])")
LONG_NUMBER = re.compile(rf"(?<![\d.])\d(?:{_SEP}\d){{8,}}(?![\d.])")  # any 9+ digits left: an account or card number
PHONE_LABELLED = re.compile(r"(?:电话|手机|座机|联系方式|号码|tel|phone|call me)[是为:：\s]*((?:\+?\d[\s\-.()]*){5,})", re.IGNORECASE)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

NAME_LABELLED = re.compile(rf"(?:我叫|我的名字是|我的名字叫|名字是|名字叫|本人叫|叫做|姓名)[是为:：\s]*({_HAN}{{2,4}})")
# After 我是 / 本人 / 患者 only a name that starts with a common surname: "我是衢州人" keeps its city.
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
_NOT_IN_NAME = "的了吗呢吧啊是在有和与跟人市县区省镇村想要问能可以去到从医保参报住门诊退休职工居民家"
NAME_AFTER = re.compile(rf"(?:我是|本人|患者|病人|参保人|联系人)[:：\s]*([{SURNAMES}](?:(?![{_NOT_IN_NAME}]){_HAN}){{1,2}})")
NAME_ENGLISH = re.compile(r"\b(?i:my name is|my name's|name:)\s*([A-Za-z]+(?:\s+[A-Z][a-z]+){0,2})")
# After "I am": capitalised words only ("I am Zhang Wei", not "I am asking about…").
NAME_ENGLISH_INTRO = re.compile(r"\b(?i:i am|i'm|this is)\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")

ADDRESS_UNIT = rf"{_NUM}\s*(?:号楼|号|弄|栋|幢|座|单元|室|楼|层|组|户)"
_PLACE_CHAR = r"(?:(?![我你他她住在是的家请问想和与到从])[\u4e00-\u9fff])"
ADDRESS = re.compile(rf"{_PLACE_CHAR}{{1,16}}(?:路|街|巷|弄|大道|街道|村|小区|花园|公寓|苑|大厦|新村|社区|广场|家园|府|园)\s*{ADDRESS_UNIT}(?:\s*[-\s]?\s*{ADDRESS_UNIT})*")
ADDRESS_LABELLED = re.compile(r"(?:地址|住址|家住|住在|住于|address)[是为:：\s]*([^，,。.!！?？;；\n]*\d[^，,。!！?？;；\n]*)", re.IGNORECASE)
ADDRESS_ENGLISH = re.compile(r"\b\d{1,5}\s+(?:[A-Za-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr)\b\.?", re.IGNORECASE)

PUBLIC_NUMBERS = {"12393", "12333", "057012393", "12345", "12320", "95518", "4008899123"}

# (pattern, placeholder, group): the span of `group` is replaced; earlier rules win overlaps.
RULES: tuple[tuple[re.Pattern, str, int], ...] = (
    (EMAIL, "[邮箱]", 0),
    (ID_CARD, "[身份证号]", 0),
    (MOBILE, "[手机号]", 0),
    (BANK_CARD, "[卡号]", 0),
    (LANDLINE, "[电话]", 0),
    (CARD_LABELLED, "[证件号]", 1),
    (CARD_CODE, "[证件号]", 0),
    (PHONE_LABELLED, "[电话]", 1),
    (LONG_NUMBER, "[证件号]", 0),
    (ADDRESS_LABELLED, "[地址]", 1),
    (ADDRESS, "[地址]", 0),
    (ADDRESS_ENGLISH, "[地址]", 0),
    (NAME_LABELLED, "[姓名]", 1),
    (NAME_AFTER, "[姓名]", 1),
    (NAME_ENGLISH, "[姓名]", 1),
    (NAME_ENGLISH_INTRO, "[姓名]", 1),
)


def _is_public(text: str) -> bool:
    digits = re.sub(r"\D", "", text)
    return digits in PUBLIC_NUMBERS


def personal_spans(text: str, rules: tuple[tuple[re.Pattern, str, int], ...] = RULES) -> list[tuple[int, int, str]]:
    """Where the personal data is in `text` (by `rules`): (start, end, placeholder), sorted, not overlapping."""
    folded = text.translate(_FULL_WIDTH)
    spans: list[tuple[int, int, str]] = []
    for pattern, placeholder, group in rules:
        for match in pattern.finditer(folded):
            start, end = match.span(group)
            if start == end or _is_public(match.group(group)):
                continue
            if pattern is NAME_ENGLISH_INTRO and match.group(group).split()[0].lower() in _ENGLISH_NOT_NAMES:
                continue
            if any(start < other_end and other_start < end for other_start, other_end, _ in spans):
                continue
            spans.append((start, end, placeholder))
    return sorted(spans)


_ENGLISH_NOT_NAMES = {"chinese", "english", "retired", "insured", "from", "in", "not", "the", "a", "an"}  # "I'm Chinese…"


# What a question may carry beside what it asks (住院号Z2019-0456, 床号22, 131****0457, 证号MT2019****): numbers
# that name a person or a record, never a figure of the rules; a search reads the question without them.
_RECORD_NUMBER = re.compile(r"(?:住院号|床号|床位号|病案号|门诊号|保单号|订单号|单号|流水号|工号|学号|证号|卡号|编号|档案号|发票号)"
                            r"[是为:：\s]*[A-Za-z0-9*＊\-]+")
_MASKED = re.compile(r"(?<![0-9A-Za-z])[A-Za-z]{0,4}\d*[*＊xX]{3,}[0-9*＊]*(?![0-9A-Za-z])|(?<![0-9A-Za-z])[A-Za-z]{0,4}\d+[*＊]{2,}[0-9*＊]*")
# (the rules of numbers come before those of names and addresses: leaving those out changes no span of these)
_IDENTIFIER_RULES = tuple(rule for rule in RULES
                          if rule[0] in (EMAIL, ID_CARD, MOBILE, BANK_CARD, LANDLINE, CARD_LABELLED, CARD_CODE, PHONE_LABELLED, LONG_NUMBER))


def without_identifiers(text: str) -> str:
    """`text` with its ID, card, phone and record numbers blanked (a space each), all else as typed."""
    spans = [(start, end) for start, end, _placeholder in personal_spans(text, _IDENTIFIER_RULES)]
    spans += [match.span() for pattern in (_RECORD_NUMBER, _MASKED) for match in pattern.finditer(text)]
    if not spans:
        return text
    blanked = list(text)
    for start, end in spans:
        blanked[start:end] = [" "] * (end - start)
    return "".join(blanked)


# (last of what holds string literals: pybabel's extractor, once past `text[` below, takes the next string it meets for a
# message to translate)
def mask_personal_data(text: str) -> str:
    if not text:
        return text
    out, position = [], 0
    for start, end, placeholder in personal_spans(text):
        out += [text[position:start], placeholder]
        position = end
    out.append(text[position:])
    return "".join(out)


def contains_personal_data(text: str) -> bool:
    return bool(personal_spans(text))


def user_hash(user_id: int, key: bytes) -> str:
    """A user's name in the database and the logs: HMAC-SHA256 of the id under a secret key, so
    the file alone (without the key) does not tell whose questions these are."""
    return hmac.new(key, str(user_id).encode(), hashlib.sha256).hexdigest()[:16]
