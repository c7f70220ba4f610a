"""/start, /help and the main menu's topic buttons."""
from aiogram import Router
from aiogram.filters import Command, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.presenter import Presenter
from bot.telegram.callbacks import FeatureRouter
from bot.telegram.views import send_view


def create_router() -> Router:
    router = FeatureRouter(name="start")

    @router.command(CommandStart())
    async def start(message: Message, state: FSMContext, presenter: Presenter, locale: str) -> None:
        await state.clear()  # /start means starting over: an unfinished estimate ends here
        name = message.from_user.first_name if message.from_user else ""
        await send_view(message.bot, message.chat.id, presenter.greeting(locale, name))

    @router.command(Command("help"))
    async def help_command(message: Message, presenter: Presenter, locale: str) -> None:
        await send_view(message.bot, message.chat.id, presenter.help(locale))

    @router.button("help")
    async def help_button(query: CallbackQuery, presenter: Presenter, locale: str) -> None:
        await query.answer()
        await send_view(query.bot, query.message.chat.id, presenter.help(locale))

    return router
