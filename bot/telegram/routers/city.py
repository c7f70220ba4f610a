"""/city: the user's city, remembered, used for questions whose answer differs per city."""
from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.domain.assistant import Assistant
from bot.storage.database import Database
from bot.telegram.callbacks import Act, FeatureRouter
from bot.telegram.chat_policy import STALE_BUTTON
from bot.telegram.views import send_view
from bot.views.presenter import Presenter


def create_router() -> Router:
    router = FeatureRouter(name="city")

    @router.command(Command("city"))
    async def city_command(message: Message, presenter: Presenter, locale: str, city: str | None) -> None:
        await send_view(message.bot, message.chat.id, presenter.city_picker(locale, city))

    @router.button("city")
    async def city_button(query: CallbackQuery, presenter: Presenter, locale: str, city: str | None) -> None:
        await query.answer()
        await send_view(query.bot, query.message.chat.id, presenter.city_picker(locale, city))

    @router.button("setcity")
    async def set_city(query: CallbackQuery, callback_data: Act, assistant: Assistant, presenter: Presenter,
                       database: Database, locale: str) -> None:
        region = callback_data.value
        if region not in assistant.knowledge.regions:  # a button from before a reload, or forged data
            await query.answer(presenter.tr(locale, STALE_BUTTON))
            return
        database.set_city(query.from_user.id, region)
        await query.answer()
        await send_view(query.bot, query.message.chat.id, presenter.city_set(region, locale))

    return router
