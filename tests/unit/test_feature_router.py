"""FeatureRouter and BotDispatcher pass over handlers that cannot match, and otherwise route as aiogram."""
import bot.telegram  # noqa: F401  (first: aiogram's types built lazily)
from aiogram import Bot
from aiogram.dispatcher.event.bases import UNHANDLED, SkipHandler
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, Update

from bot.telegram.callbacks import Act, FeatureRouter
from bot.telegram.dispatcher import BotDispatcher
from bot.testing.client import RecordingSession

USER = {"id": 7, "is_bot": False, "first_name": "测试"}
CHAT = {"id": 7, "type": "private"}


def a_bot() -> Bot:
    return Bot(token="42:TEST", session=RecordingSession())


def message(bot: Bot, text: str) -> Update:
    fields = {"text": text}
    if text.startswith("/"):
        fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return Update.model_validate({"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": CHAT, "from": USER, **fields}},
                                 context={"bot": bot})


def press(bot: Bot, data: str) -> Update:
    return Update.model_validate({"update_id": 2, "callback_query": {
        "id": "9", "from": USER, "chat_instance": "1", "data": data,
        "message": {"message_id": 1, "date": 0, "chat": CHAT, "text": "…"}}}, context={"bot": bot})


def dispatcher_with(*routers: FeatureRouter) -> BotDispatcher:
    dispatcher = BotDispatcher()
    dispatcher.include_routers(*routers)
    return dispatcher


async def test_a_button_reaches_the_first_handler_of_its_action_whose_filters_pass():
    router, seen = FeatureRouter(name="t"), []

    async def refuses(query: CallbackQuery) -> bool:
        seen.append("filter")
        return False

    @router.button("a", filters=(refuses,))
    async def first(query: CallbackQuery) -> None:
        seen.append("first")

    @router.button("b")
    async def other(query: CallbackQuery) -> None:
        seen.append("other")

    @router.button("a")
    async def second(query: CallbackQuery, callback_data: Act) -> None:
        seen.append(("second", callback_data.value))

    bot = a_bot()
    await dispatcher_with(router).feed_update(bot, press(bot, Act(action="a", value="x").pack()))
    assert seen == ["filter", ("second", "x")]


async def test_skip_handler_goes_on_to_the_next_handler_and_an_unknown_button_is_unhandled():
    router, seen = FeatureRouter(name="t"), []

    @router.button("a")
    async def skips(query: CallbackQuery) -> None:
        seen.append("skips")
        raise SkipHandler()

    @router.button("a")
    async def takes(query: CallbackQuery) -> str:
        seen.append("takes")
        return "done"

    bot, dispatcher = a_bot(), dispatcher_with(router)
    assert await dispatcher.feed_update(bot, press(bot, Act(action="a").pack())) == "done"
    assert seen == ["skips", "takes"]
    assert await dispatcher.feed_update(bot, press(bot, Act(action="zzz").pack())) is UNHANDLED
    assert seen == ["skips", "takes"]


async def test_commands_and_text_reach_their_handlers_through_the_routers_in_order():
    commands, text, seen = FeatureRouter(name="commands"), FeatureRouter(name="text"), []

    @commands.command(Command("help"))
    async def help_command(message: Message) -> None:
        seen.append("help")

    @text.command(Command("other"))
    async def other_command(message: Message) -> None:
        seen.append("other")

    @text.message()
    async def free_text(message: Message) -> None:
        seen.append(("text", message.text))

    bot, dispatcher = a_bot(), dispatcher_with(commands, text)
    for sent in ("/help", "/other", "你好", "/unknown"):
        await dispatcher.feed_update(bot, message(bot, sent))
    assert seen == ["help", "other", ("text", "你好"), ("text", "/unknown")]


async def test_the_dispatchers_outer_middlewares_and_a_handler_registered_otherwise_still_apply():
    router, seen = FeatureRouter(name="t"), []

    @router.button("a")
    async def button(query: CallbackQuery, locale: str) -> None:
        seen.append(("button", locale))

    @router.callback_query()
    async def any_press(query: CallbackQuery, locale: str) -> None:  # turns the shortcut off for buttons
        seen.append(("any", query.data, locale))

    async def user_context(handler, event, data):
        data["locale"] = "zh"
        return await handler(event, data)

    bot, dispatcher = a_bot(), dispatcher_with(router)
    dispatcher.callback_query.outer_middleware(user_context)
    await dispatcher.feed_update(bot, press(bot, Act(action="a").pack()))
    await dispatcher.feed_update(bot, press(bot, "not ours"))
    assert seen == [("button", "zh"), ("any", "not ours", "zh")]
