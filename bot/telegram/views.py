"""Send a presenter View as Telegram messages: inline keyboard, HTML, split under the size limit."""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

from aiogram import Bot
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.telegram.callbacks import Act, FeatureRouter
from bot.views.presenter import Button, Presenter, View

TELEGRAM_LIMIT = 4096


def keyboard(view: View) -> InlineKeyboardMarkup | None:
    if not view.buttons:
        return None
    # Most views are cached by the presenters (each estimate step, each answer): the same View
    # object finds its markup at once, without hashing each of its buttons again.
    known = _markup_of.get(id(view))
    if known is not None and known[0] is view:
        return known[1]
    # Buttons are frozen dataclasses and the markup a frozen model: the same buttons (the main menu,
    # an entry's related questions and votes) share one markup instead of paying pydantic each time.
    markup = _markup(tuple(tuple(row) for row in view.buttons))
    if len(_markup_of) >= MARKUPS_KEPT:
        _markup_of.clear()
    _markup_of[id(view)] = (view, markup)  # the view is kept with it, so its id is not reused meanwhile
    return markup


MARKUPS_KEPT = 1024
_markup_of: dict[int, tuple[View, InlineKeyboardMarkup]] = {}


@lru_cache(maxsize=1024)
def _markup(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=button.label, callback_data=Act(action=button.action, value=button.value).pack()) for button in row]
        for row in rows
    ])


def split_message(text: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Split at line breaks (our tags never span lines), a line longer than the limit at the limit."""
    if len(text) <= limit and not text.startswith("\n"):
        return [text]  # nearly every reply: one part, as the loop below makes it (it drops leading empty lines)
    parts: list[str] = []
    current = ""
    for line in text.split("\n"):
        while len(line) > limit:
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:limit])
            line = line[limit:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) > limit:
            parts.append(current)
            current = line
        else:
            current = candidate
    if current or not parts:
        parts.append(current)
    return parts


async def send_view(bot: Bot, chat_id: int, view: View) -> None:
    parts = split_message(view.text)
    for number, part in enumerate(parts, 1):
        markup = keyboard(view) if number == len(parts) else None
        await bot.send_message(chat_id, part, reply_markup=markup)


def page(router: FeatureRouter, command: Command, action: str, view: Callable[[Presenter, str], View]) -> None:
    """A command and a menu button that show the same page (/help and the 帮助 button)."""
    async def by_command(message: Message, presenter: Presenter, locale: str) -> None:
        await send_view(message.bot, message.chat.id, view(presenter, locale))

    async def by_button(query: CallbackQuery, presenter: Presenter, locale: str) -> None:
        await query.answer()
        await send_view(query.bot, query.message.chat.id, view(presenter, locale))

    by_command.__qualname__ = f"{router.name}.{action}_command"  # the update log names the handler
    by_button.__qualname__ = f"{router.name}.{action}_button"
    router.command(command)(by_command)
    router.button(action)(by_button)
