"""Async filters: aiogram runs synchronous filters (magic F filters too) in a worker thread."""
from aiogram.types import Message


async def has_text(message: Message) -> bool:
    return message.text is not None
