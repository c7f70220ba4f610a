"""A question that may lean on the one asked a moment ago (惠衢保 … 一年多少钱), in the FAQ and in the
middle of an estimate alike: the last question answered or naming a product is kept in the dialogue's
data, masked like the question log."""
from __future__ import annotations

from aiogram.fsm.context import FSMContext

from bot.domain.assistant import Assistant, Reply
from bot.domain.privacy import mask_personal_data
from bot.domain.questions.places import NATIONAL

FOLLOW_UP_SECONDS = 600  # a question this soon after the last one may lean on it
TALKED_OF = "talked_of"  # the dialogue data's key for the city the talk was about


def leaned_on(data: dict, at: float) -> str | None:
    """The question a message sent at `at` may lean on: the last one naming a product, if recent."""
    before = data.get("asked")
    return before["text"] if before and 0 <= at - before["at"] <= FOLLOW_UP_SECONDS else None


SUBJECT = "subject"  # the dialogue data's key for the last question naming a product…
SUBJECT_BEFORE = "subject_before"  # …and for the last one before it naming another product


def earlier_subject(data: dict, at: float) -> str | None:
    """The question a message going back to an earlier subject leans on: the last one naming a product, when
    another question came after it (热线多少 between), or else the last naming another product (亲情账户… between)."""
    before = leaned_on(data, at)
    for key in (SUBJECT, SUBJECT_BEFORE):
        subject = data.get(key)
        if subject and 0 <= at - subject["at"] <= FOLLOW_UP_SECONDS and subject["text"] != before:
            return subject["text"]
    return None


def talked_of_region(data: dict, at: float) -> str | None:
    """The city (knowledge region) the last question was answered for, if recent: 我是衢州医保，要去上海住院…
    then 我是城乡居民医保，三级医院 — the case is about 衢州 unless it names its own city. Kept through an
    estimate (an estimate's answers replace the rest of the data)."""
    talked = data.get(TALKED_OF)
    return talked["region"] if talked and 0 <= at - talked["at"] <= FOLLOW_UP_SECONDS else None


TOLD = "told"  # the dialogue data's key for case details told outside an estimate (衡阳职工医保 … 三级医院 …)


def told_before(data: dict, at: float) -> dict | None:
    """The case details told in messages before `at` (stored as told_case_storage makes them), if the last was recent."""
    told = data.get(TOLD)
    return told if told and 0 <= at - told["at"] <= FOLLOW_UP_SECONDS else None


BACK_TO_THE_RESULT_SECONDS = 1800  # 刚才那笔 may point back at an estimate over a longer talk


def finished_within(data: dict, at: float, seconds: float) -> bool:
    """An estimate's result was shown at most `seconds` before `at`."""
    finished = data.get("finished")
    return finished is not None and 0 <= at - finished <= seconds


def asked_since_the_result(data: dict) -> bool:
    """A question the FAQ took came after the last result (what follows leans on that question, not the estimate)."""
    return (data.get("asked") or {}).get("at", 0) > data.get("finished", 0)


def asked_since(data: dict) -> str:
    """The question the FAQ took last (masked), or nothing."""
    return (data.get("asked") or {}).get("text", "")


def last_result(data: dict, at: float) -> dict:
    """The answers of the estimate worked out last, if within half an hour, whatever was asked since."""
    return data.get("answers", {}) if finished_within(data, at, BACK_TO_THE_RESULT_SECONDS) else {}


def estimate_case(data: dict, at: float) -> dict:
    """The answers of an estimate worked out a moment ago: a question right after it (一年起付线最多交多少)
    is about its city, scheme and care, as a follow-up is about the question before."""
    if not finished_within(data, at, FOLLOW_UP_SECONDS):
        return {}
    answers = data.get("answers", {})
    if asked_since_the_result(data):  # 黑河…能给我弟弟用吗 since: only its city still holds
        return {"city": answers["city"]} if "city" in answers else {}
    return answers


async def remember(state: FSMContext, data: dict, assistant: Assistant, text: str, masked: str, at: float, reply: Reply) -> None:
    """Keep a question for the next to lean on: one naming a product, answered, asked which city or said to be lacking, as it was taken (那衡阳呢
    after 黑河的共济能给兄弟用吗 is kept as 衡阳的…, so that 那湘潭呢 follows it). Not rewritten when asked
    again at once (an unchanged state costs no write)."""
    # 黑河…能给我侄子用吗 (not listed) … 那我外孙女呢; 杭州职工门诊报销比例 (a city we lack) … 那衢州呢？我是职工
    lacking = reply.decline_reason in ("not_in_knowledge", "no_entry_for_city", "uncovered_place")
    if assistant.explains_a_word(reply):  # 统筹是啥 … 那一年起付线最多交多少: still the question before it
        return
    # (看门诊能报销多少 was asked which city: 衢州的，职工医保 that follows tells it)
    if not (reply.taken_as or reply.outcome in ("answered", "need_city") or lacking or assistant.names_product(text)):
        return
    kept = masked
    if reply.taken_as:
        # mostly the question with the city, product or scheme (our own words) put before it: masked once
        kept = reply.taken_as[: -len(text)] + masked if reply.taken_as.endswith(text) else mask_personal_data(reply.taken_as)
    before = data.get("asked")
    changed = {}
    if before is None or before["text"] != kept or at - before["at"] > FOLLOW_UP_SECONDS / 10:
        changed["asked"] = {"text": kept, "at": at}
    if "asked" in changed and (product := assistant.product_named(kept)) is not None:
        subject = data.get(SUBJECT)
        if subject and subject.get("product") != product:
            changed[SUBJECT_BEFORE] = subject
        changed[SUBJECT] = {**changed["asked"], "product": product}
    if reply.region_id != NATIONAL and (talked_of_region(data, at) != reply.region_id or "asked" in changed):
        changed[TALKED_OF] = {"region": reply.region_id, "at": at}
    if changed:
        await state.update_data(**changed)
