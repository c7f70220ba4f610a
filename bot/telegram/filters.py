"""Async filters: aiogram runs synchronous filters (magic F filters too) in a worker thread."""
from aiogram.types import Message


async def has_text(message: Message) -> bool:
    return message.text is not None


async def not_a_command(message: Message) -> bool:
    """Anything but a /command: /lang, /city or /faq in the middle of an estimate reach their own routers."""
    return not (message.text or "").startswith("/")
