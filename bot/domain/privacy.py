"""Personal data is masked before anything is stored or logged."""
from __future__ import annotations

import re

ID_CARD = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)")
BANK_CARD = re.compile(r"(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)")
MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")
LANDLINE = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)")
NAME_AFTER = re.compile(r"(我叫|我的名字是|我的名字叫|本人叫)\s*([\u4e00-\u9fff]{2,4})")

PUBLIC_NUMBERS = {"12393", "12333", "0570-12393"}


def mask_personal_data(text: str) -> str:
    text = ID_CARD.sub("[身份证号]", text)
    text = BANK_CARD.sub("[卡号]", text)
    text = MOBILE.sub("[手机号]", text)
    text = LANDLINE.sub(lambda match: match.group(0) if match.group(0) in PUBLIC_NUMBERS else "[电话]", text)
    return NAME_AFTER.sub(lambda match: f"{match.group(1)}[姓名]", text)


def contains_personal_data(text: str) -> bool:
    return mask_personal_data(text) != text
