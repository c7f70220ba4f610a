"""The real bot process: long polling against Telegram or another Bot API server (webhook mode: bot/telegram/webhook.py)."""
from __future__ import annotations

import logging

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.types import BotCommand

from bot.config import Settings
from bot.domain.estimate.interview import N_
from bot.telegram.dispatcher import build_dispatcher
from bot.telegram.exactly_once import SentRepliesMiddleware, withdraw_reply_record, written_trace
from bot.telegram.polling import poll
from bot.telegram.services import create_services
from bot.telegram.session import ResilientSession, RetryRequestMiddleware
from bot.views.render import Renderer

log = logging.getLogger("bot")

COMMANDS = {
    "start": N_("开始"),
    "faq": N_("常见问题"),
    "estimate": N_("报销估算"),
    "city": N_("选择城市"),
    "lang": N_("切换语言"),
    "help": N_("帮助"),
    "cancel": N_("取消当前操作"),
}
TELEGRAM_LANGUAGE = {"zh": None, "zh_Hant": None, "en": "en"}  # Telegram menus are per ISO 639-1 code


def create_bot(settings: Settings) -> Bot:
    api = TelegramAPIServer.from_base(settings.bot_api_base_url) if settings.bot_api_base_url else PRODUCTION
    session = ResilientSession(api=api, timeout=settings.bot_api_timeout, trace_configs=[written_trace()])
    session.middleware(SentRepliesMiddleware())  # a reply sent before a crash is not sent again (bot/telegram/exactly_once.py)
    # Transient faults retried, nothing sent twice (bot/telegram/session.py); a reply waiting to be retried is not recorded as sent.
    session.middleware(RetryRequestMiddleware(not_performed=withdraw_reply_record))
    return Bot(settings.bot_token.get_secret_value(), session=session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))


async def set_command_menu(bot: Bot, renderer: Renderer) -> None:
    for locale in ("zh", "en"):
        commands = [BotCommand(command=name, description=renderer.gettext(locale, text)) for name, text in COMMANDS.items()]
        await bot.set_my_commands(commands, language_code=TELEGRAM_LANGUAGE[locale])


async def serve(settings: Settings) -> None:
    services = create_services(settings)
    bot = create_bot(settings)
    dispatcher = build_dispatcher(services)
    try:
        await bot.delete_webhook(drop_pending_updates=False)
        await set_command_menu(bot, services.renderer)
        me = await bot.get_me()
        log.info("ready: polling as @%s", me.username)
        await poll(dispatcher, bot)  # an update is confirmed to Telegram only once handled
    finally:
        await bot.session.close()
        await dispatcher.storage.close()
        services.close()
