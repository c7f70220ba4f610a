"""/estimate: the guided reimbursement dialogue. The interview (domain) decides every step."""
from __future__ import annotations

from decimal import Decimal

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message

from bot.domain.assistant import Assistant
from bot.domain.interview import AMOUNT_STEPS, AnswerError
from bot.domain.reimburse import estimate
from bot.estimate_presenter import EstimatePresenter
from bot.telegram.callbacks import Act
from bot.telegram.filters import has_text
from bot.telegram.views import send_view


async def wants_estimate(message: Message, assistant: Assistant) -> bool:
    return assistant.wants_estimate(message.text)


class EstimateDialogue(StatesGroup):
    answering = State()


def to_storage(answers: dict) -> dict:
    """FSM data is JSON: amounts travel as strings."""
    return {name: str(value) if isinstance(value, Decimal) else value for name, value in answers.items()}


def from_storage(data: dict) -> dict:
    return {name: Decimal(value) if name in AMOUNT_STEPS else value for name, value in data.get("answers", {}).items()}


class EstimateFlow:
    """One update's worth of the dialogue: read answers from FSM, advance, send the next view."""

    def __init__(self, bot, chat_id: int, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str):
        self.bot, self.chat_id, self.state, self.locale = bot, chat_id, state, locale
        self.interview = assistant.store.current.interview
        self.rules = assistant.knowledge.rules
        self.view = estimate_presenter

    async def answers(self) -> dict:
        return from_storage(await self.state.get_data())

    async def save(self, answers: dict) -> None:
        await self.state.set_state(EstimateDialogue.answering)
        await self.state.set_data({"answers": to_storage(answers)})

    async def show(self, answers: dict, hint: str | None = None) -> None:
        step = self.interview.next_step(answers)
        if step is None:
            # The result ends the dialogue; the answers stay in the data for "change one answer".
            await self.state.set_state(None)
            result = estimate(self.interview.request(answers), self.rules)
            await send_view(self.bot, self.chat_id, self.view.result(result, self.locale))
            return
        await send_view(self.bot, self.chat_id, self.view.step(step, len(answers) + 1, self.locale, hint))

    async def start(self) -> None:
        await self.save({})
        await self.show({})

    async def answer(self, text: str) -> None:
        answers = await self.answers()
        step = self.interview.next_step(answers)
        if step is None:
            await self.show(answers)
            return
        navigation = self.interview.navigation(text)
        if navigation == "back":
            await self.back()
            return
        if navigation == "cancel":
            await self.cancel()
            return
        try:
            value = self.interview.accept(step, text.strip())
        except AnswerError as error:
            await self.show(answers, hint=error.hint_msgid)
            return
        answers[step.name] = value
        await self.save(answers)
        await self.show(answers)

    async def back(self) -> None:
        answers = self.interview.back(await self.answers())
        await self.save(answers)
        await self.show(answers)

    async def cancel(self) -> None:
        was_answering = await self.state.get_state() is not None
        await self.state.clear()
        await send_view(self.bot, self.chat_id, self.view.cancelled(self.locale, was_answering))

    async def change_menu(self) -> None:
        await send_view(self.bot, self.chat_id, self.view.change_menu(self.interview, await self.answers(), self.locale))

    async def change(self, name: str) -> None:
        answers = await self.answers()
        answers.pop(name, None)
        await self.save(answers)
        await self.show(answers)


def create_router() -> Router:
    router = Router(name="estimate")

    def flow(event, state, assistant, estimate_presenter, locale) -> EstimateFlow:
        chat_id = event.chat.id if isinstance(event, Message) else event.message.chat.id
        return EstimateFlow(event.bot, chat_id, state, assistant, estimate_presenter, locale)

    @router.message(Command("cancel"))
    async def cancel_command(message: Message, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(message, state, assistant, estimate_presenter, locale).cancel()

    @router.message(Command("estimate"))
    async def estimate_command(message: Message, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(message, state, assistant, estimate_presenter, locale).start()

    @router.callback_query(Act.filter(F.action == "estimate"))
    async def estimate_button(query: CallbackQuery, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).start()

    @router.message(StateFilter(None), has_text, wants_estimate)
    async def estimate_phrase(message: Message, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(message, state, assistant, estimate_presenter, locale).start()

    @router.callback_query(Act.filter(F.action.in_({"est", "est-back"})), StateFilter(None))
    async def stale_button(query: CallbackQuery, estimate_presenter: EstimatePresenter, locale: str) -> None:
        # A button from a dialogue that was cancelled or finished long ago.
        await query.answer(estimate_presenter.tr(locale, "这次估算已经结束了，发 /estimate 重新开始。"), show_alert=True)

    @router.callback_query(Act.filter(F.action == "est"))
    async def choice_button(query: CallbackQuery, callback_data: Act, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).answer(callback_data.value)

    @router.callback_query(Act.filter(F.action == "est-back"))
    async def back_button(query: CallbackQuery, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).back()

    @router.callback_query(Act.filter(F.action == "est-cancel"))
    async def cancel_button(query: CallbackQuery, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).cancel()

    @router.callback_query(Act.filter(F.action == "est-change"))
    async def change_button(query: CallbackQuery, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).change_menu()

    @router.callback_query(Act.filter(F.action == "est-edit"))
    async def edit_button(query: CallbackQuery, callback_data: Act, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await query.answer()
        await flow(query, state, assistant, estimate_presenter, locale).change(callback_data.value)

    @router.message(StateFilter(EstimateDialogue.answering), has_text)
    async def typed_answer(message: Message, state: FSMContext, assistant: Assistant, estimate_presenter: EstimatePresenter, locale: str) -> None:
        await flow(message, state, assistant, estimate_presenter, locale).answer(message.text)

    return router
