"""/lang: simplified Chinese, traditional Chinese or English; the choice is remembered."""
from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.storage.database import Database
from bot.telegram.callbacks import Act, FeatureRouter
from bot.telegram.views import send_view
from bot.views.presenter import Button, Presenter, View
from bot.views.render import LOCALES

# Each language is named in itself, so a user who cannot read the current one still finds theirs.
LANGUAGE_NAMES = {"zh": "简体中文", "zh_Hant": "繁體中文", "en": "English"}


def create_router() -> Router:
    router = FeatureRouter(name="lang")

    def picker(presenter: Presenter, locale: str) -> View:
        buttons = [[Button(LANGUAGE_NAMES[code], "lang", code)] for code in LOCALES]
        return View(presenter.text(locale, "请选择语言：").text, buttons)

    @router.command(Command("lang"))
    async def lang_command(message: Message, presenter: Presenter, locale: str) -> None:
        await send_view(message.bot, message.chat.id, picker(presenter, locale))

    @router.button("lang")
    async def lang_button(query: CallbackQuery, callback_data: Act, presenter: Presenter, database: Database, locale: str) -> None:
        await query.answer()
        if callback_data.value not in LOCALES:
            await send_view(query.bot, query.message.chat.id, picker(presenter, locale))
            return
        database.set_language(query.from_user.id, callback_data.value)
        await send_view(query.bot, query.message.chat.id, presenter.greeting(callback_data.value, query.from_user.first_name or ""))

    return router
