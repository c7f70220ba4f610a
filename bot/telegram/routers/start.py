"""/start, /help and the main menu's topic buttons."""
from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.telegram.callbacks import FeatureRouter
from bot.telegram.views import page, send_view
from bot.views.presenter import Presenter


def create_router() -> Router:
    router = FeatureRouter(name="start")

    @router.command(CommandStart())
    async def start(message: Message, state: FSMContext, presenter: Presenter, locale: str) -> None:
        await state.clear()  # /start means starting over: an unfinished estimate ends here
        name = message.from_user.first_name if message.from_user else ""
        await send_view(message.bot, message.chat.id, presenter.greeting(locale, name))

    page(router, Command("help"), "help", Presenter.help)

    return router
