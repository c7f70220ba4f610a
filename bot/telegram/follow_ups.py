"""A question that may lean on the one asked a moment ago (惠衢保 … 一年多少钱), in the FAQ and in the
middle of an estimate alike: the last question that names a product is kept in the dialogue's data,
masked like the question log."""
from __future__ import annotations

from aiogram.fsm.context import FSMContext

from bot.domain.assistant import Assistant

FOLLOW_UP_SECONDS = 600  # a question this soon after the last one may lean on it


def leaned_on(data: dict, at: float) -> str | None:
    """The question a message sent at `at` may lean on: the last one naming a product, if recent."""
    before = data.get("asked")
    return before["text"] if before and 0 <= at - before["at"] <= FOLLOW_UP_SECONDS else None


async def remember(state: FSMContext, data: dict, assistant: Assistant, text: str, masked: str, at: float) -> None:
    """Keep a question naming a product for the next to lean on; not rewritten when asked again at
    once (an unchanged state costs no write)."""
    before = data.get("asked")
    if assistant.names_product(text) and (before is None or before["text"] != masked or at - before["at"] > FOLLOW_UP_SECONDS / 10):
        await state.update_data(asked={"text": masked, "at": at})
