"""Stickers, photos, voice and anything else that is not text: say what the bot understands."""
from aiogram import Router
from aiogram.types import Message

from bot.telegram.callbacks import FeatureRouter
from bot.telegram.views import send_view
from bot.views.presenter import Presenter


def create_router() -> Router:
    router = FeatureRouter(name="fallback")

    @router.message()
    async def not_text(message: Message, presenter: Presenter, locale: str) -> None:
        view = presenter.text(locale, "我只看得懂文字哦。请直接打字提问，比如“惠衢保一年交多少钱”，或发 /help 看看我能做什么。")
        await send_view(message.bot, message.chat.id, view)

    return router
