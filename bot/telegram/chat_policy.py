"""Where the bot talks, decided once for every update before any router sees it.

* Private chats: everything goes to the routers.
* Groups: residents type personal details into their questions, so the bot never answers there.
  A command or a mention of the bot (or a reply to one of its messages) gets one pointer to a
  private chat; everything else in a group is ignored.
* Channel posts, messages without a sender (sent on behalf of a chat), edits: ignored.
* Every callback query is answered: a button the routers do not know (stale, corrupted, a game,
  from an inline or group message) gets a short notice, and one whose handler failed or was
  throttled gets an empty answer, so no button keeps spinning.
* An edit of a message that is gone or already as wanted is not an error (old buttons).
"""
from __future__ import annotations

import contextvars
import logging
from typing import Any, Awaitable, Callable

from aiogram import BaseMiddleware, Bot
from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.dispatcher.event.bases import UNHANDLED
from aiogram.enums import ChatType
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery
from aiogram.types import CallbackQuery, Message, TelegramObject, Update

from bot.domain.estimate.interview import N_
from bot.telegram.views import send_view
from bot.views.presenter import Presenter
from bot.views.render import normalize_locale

log = logging.getLogger("bot.policy")

STALE_BUTTON = N_("这个按钮已经失效了，请发 /start 重新开始。")
GROUP_POINTER = N_("为了保护您的个人信息，我只在私聊里回答问题。请点 {link} 和我私聊。")
GROUP_BUTTON = N_("请在和我的私聊里使用按钮。")
# Bot API refusals that only mean "the message to edit is gone or already looks like that".
HARMLESS_EDIT_ERRORS = ("message to edit not found", "message is not modified", "message can't be edited")

_FAILED = object()
_answered: contextvars.ContextVar[set[str] | None] = contextvars.ContextVar("answered_callbacks", default=None)


class AnsweredCallbacks(BaseRequestMiddleware):
    """Session middleware: notes each answerCallbackQuery sent while an update is being handled."""

    async def __call__(self, make_request, bot: Bot, method):
        answered = _answered.get()
        if answered is not None and isinstance(method, AnswerCallbackQuery):
            answered.add(method.callback_query_id)
        return await make_request(bot, method)


def _track_answers(bot: Bot) -> None:
    session = bot.session
    if not getattr(session, "_yibao_answers_tracked", False):
        session.middleware(AnsweredCallbacks())
        session._yibao_answers_tracked = True


def addressed_to_bot(message: Message, username: str | None) -> bool:
    """A command (not one addressed to another bot), an @mention of us, or a reply to our message."""
    if username and message.reply_to_message and message.reply_to_message.from_user \
            and message.reply_to_message.from_user.username == username:
        return True
    text = message.text or message.caption or ""
    for entity in message.entities or message.caption_entities or []:
        word = text[entity.offset:entity.offset + entity.length] if entity.offset < len(text) else ""
        if entity.type == "bot_command" and entity.offset == 0:
            _, _, target = word.partition("@")
            return not target or (username is not None and target.lower() == username.lower())
        if entity.type == "mention" and username and word.lower() == f"@{username.lower()}":
            return True
    return False


class ChatPolicyMiddleware(BaseMiddleware):
    """Outer, on updates (after the update log): the policy in this module's docstring."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]], event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        if event.message is not None:
            return await self._message(handler, event, event.message, data)
        if event.callback_query is not None:
            return await self._callback(handler, event, event.callback_query, data)
        if event.event_type in ("channel_post", "edited_channel_post", "edited_message"):
            _outcome(data, "ignored")
            return UNHANDLED
        return await _harmless_edits(handler, event, data)

    async def _message(self, handler, update: Update, message: Message, data: dict[str, Any]) -> Any:
        if message.from_user is None or message.from_user.is_bot:
            _outcome(data, "ignored")
            return UNHANDLED
        if message.chat.type == ChatType.PRIVATE:
            return await _harmless_edits(handler, update, data)
        me = await message.bot.me()
        if not addressed_to_bot(message, me.username):
            _outcome(data, "ignored")
            return UNHANDLED
        _outcome(data, "group")
        presenter: Presenter = data["presenter"]
        locale = normalize_locale(message.from_user.language_code)
        link = f"https://t.me/{me.username}" if me.username else "@"
        await send_view(message.bot, message.chat.id, presenter.text(locale, GROUP_POINTER, link=link))
        return None

    async def _callback(self, handler, update: Update, query: CallbackQuery, data: dict[str, Any]) -> Any:
        presenter: Presenter = data["presenter"]
        if query.message is None or query.message.chat.type != ChatType.PRIVATE:
            _outcome(data, "ignored")
            notice = STALE_BUTTON if query.message is None else GROUP_BUTTON
            await query.answer(presenter.tr(_telegram_locale(query), notice))
            return None
        _track_answers(data["bot"])  # the same bot; query.bot is a pydantic private attribute, slow to read
        answered: set[str] = set()
        token = _answered.set(answered)
        result: Any = _FAILED
        try:
            result = await _harmless_edits(handler, update, data)
            return result
        finally:
            _answered.reset(token)
            if query.id not in answered:
                # Unknown or corrupted data, a game, or a handler that failed or was throttled.
                notice = presenter.tr(_telegram_locale(query), STALE_BUTTON) if result is UNHANDLED else None
                try:
                    await query.answer(notice)
                except Exception as error:  # the query may be too old to answer: nothing left to do
                    log.info("update=%s: could not answer the button: %s", update.update_id, error)


async def _harmless_edits(handler, update: Update, data: dict[str, Any]) -> Any:
    try:
        return await handler(update, data)
    except TelegramBadRequest as error:
        if not any(phrase in error.message for phrase in HARMLESS_EDIT_ERRORS):
            raise
        log.info("update=%s: edit skipped: %s", update.update_id, error.message)
        return None


def _telegram_locale(query: CallbackQuery) -> str:
    # Only for the policy's own notices: most presses are answered by their handler and need none.
    return normalize_locale(query.from_user.language_code)


def _outcome(data: dict[str, Any], outcome: str) -> None:
    trace = data.get("trace")
    if trace is not None:
        trace["handler"], trace["outcome"] = "policy", outcome
