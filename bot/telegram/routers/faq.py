"""/faq topics → questions → answers, free-text questions, did-you-mean picks and 👍/👎."""
from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.domain.assistant import Assistant
from bot.domain.privacy import mask_personal_data
from bot.storage.database import Database
from bot.telegram import follow_ups
from bot.telegram.callbacks import Act, FeatureRouter
from bot.telegram.filters import has_text
from bot.telegram.routers.estimate import remember_offered_case, remember_told_case
from bot.telegram.views import page, send_view
from bot.views.estimate_presenter import offer_estimate
from bot.views.presenter import Presenter


def create_router() -> Router:
    router = FeatureRouter(name="faq")

    page(router, Command("faq"), "faq", Presenter.faq_topics)

    @router.button("topic")
    async def topic_button(query: CallbackQuery, callback_data: Act, presenter: Presenter, locale: str) -> None:
        await query.answer()
        view = presenter.topic_questions(callback_data.value, locale) or presenter.faq_topics(locale)
        await send_view(query.bot, query.message.chat.id, view)

    @router.button("entry")
    async def entry_button(query: CallbackQuery, callback_data: Act, assistant: Assistant, presenter: Presenter,
                           database: Database, locale: str, city: str | None, trace: dict) -> None:
        await query.answer()
        reply = assistant.entry_reply(callback_data.value, locale)
        if reply is None:  # a button from before a knowledge reload that removed the entry
            await send_view(query.bot, query.message.chat.id, presenter.faq_topics(locale))
            return
        database.log_suggestion_pick(query.from_user.id, reply.entry.id)
        if city is None and reply.entry.group and assistant.knowledge.regions[reply.entry.region].selectable:
            # Picking a city's version of a per-city question tells us the resident's city.
            database.set_city(query.from_user.id, reply.entry.region)
        trace["outcome"] = "answered"
        await send_view(query.bot, query.message.chat.id, presenter.reply(reply, locale))

    @router.button("vote")
    async def vote_button(query: CallbackQuery, callback_data: Act, presenter: Presenter, database: Database, locale: str) -> None:
        entry_id, _, vote = callback_data.value.rpartition("|")
        message_id = query.message.message_id if query.message else None
        database.log_feedback(query.from_user.id, entry_id, 1 if vote == "up" else -1, message_id)  # a second press counts nothing
        await query.answer(presenter.text(locale, "谢谢您的反馈！").text)
        if isinstance(query.message, Message) and query.message.reply_markup:  # not an old (inaccessible) message
            try:
                await query.message.edit_reply_markup(reply_markup=None)
            except TelegramBadRequest:  # removed already by a quick second press, or the message is gone
                pass

    @router.command(Command(commands=["reload", "stats", "unanswered"]))
    async def not_for_you(message: Message, assistant: Assistant, presenter: Presenter, database: Database,
                          locale: str, city: str | None, trace: dict) -> None:
        # Admin commands from anyone else get the ordinary reply to unknown text.
        await answer_text(message, assistant, presenter, database, locale, city, trace)

    @router.message(has_text)
    async def free_text(message: Message, assistant: Assistant, presenter: Presenter, database: Database,
                        locale: str, city: str | None, trace: dict, state: FSMContext) -> None:
        await answer_text(message, assistant, presenter, database, locale, city, trace, state)

    return router


async def answer_text(message: Message, assistant: Assistant, presenter: Presenter, database: Database,
                      locale: str, city: str | None, trace: dict, state: FSMContext | None = None) -> None:
    small_talk = assistant.small_talk(message.text)
    sent_at = message.date.timestamp()
    data = await state.get_data() if state is not None and small_talk in (None, "again") else {}
    if small_talk == "again" and (last := follow_ups.leaned_on(data, sent_at)) is not None:
        # 啥意思？说简单点 / 再说一遍: the last question's answer once more
        trace["outcome"] = "again"
        reply = assistant.ask(last, locale, city or follow_ups.estimate_case(data, sent_at).get("city"))
        await send_view(message.bot, message.chat.id, presenter.again(presenter.reply(reply, locale), locale))
        return
    if small_talk is not None:  # 你好, 谢谢 alone: a friendly reply, not "I can't answer"
        trace["outcome"] = small_talk
        name = message.from_user.first_name if message.from_user else ""
        await send_view(message.bot, message.chat.id, presenter.small_talk(small_talk, locale, name))
        return
    typed = mask_personal_data(message.text)  # once: the typed column and the normalised text are both made from it
    case = follow_ups.estimate_case(data, sent_at)  # a question right after an estimate is about its case
    reply = assistant.ask(message.text, locale, city or case.get("city"), follow_ups.leaned_on(data, sent_at), case,
                          talked_of=follow_ups.talked_of_region(data, sent_at), earlier=follow_ups.earlier_subject(data, sent_at))
    trace["outcome"] = reply.public_outcome
    if state is not None:
        await follow_ups.remember(state, data, assistant, message.text, typed, sent_at, reply)
        await remember_told_case(state, data, assistant, message.text, sent_at)
    database.log_question(
        message.from_user.id,
        assistant.store.current.tools.normalize(typed),  # masked first: "My name is Li Na" is lower case once normalised
        reply.entry.id if reply.entry else None,
        reply.confidence,
        reply.public_outcome,
        masked_typed=typed,
    )
    # 能报多少 questions: the answer, plus a button to work out an amount (the estimate's hook); the
    # button starts from what the question said (衢州居民 住院 三级), so it is remembered.
    view = presenter.reply(reply, locale)
    offered = offer_estimate(view, message.text, assistant, presenter, locale)
    if offered is not view and state is not None:
        await remember_offered_case(state, assistant, message.text)
    await send_view(message.bot, message.chat.id, offered)
