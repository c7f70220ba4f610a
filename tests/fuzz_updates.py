"""Random updates of every kind through the real dispatcher (Hypothesis), and what each must satisfy.

A run is a sequence of steps by a few users; each step becomes one Telegram update: private text
(commands, questions, amounts, HTML-ish and random text), stickers, group messages (plain, commands,
mentions, replies), messages sent on behalf of a chat, channel posts, edits, and button presses:
a button the bot really sent (deep into the estimate dialogue), corrupted data, a game, a button
under an inline, inaccessible or group message. Used by tests/test_fuzz.py and `make fuzz`.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime, timezone

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, EditMessageText, SendMessage
from aiogram.types import InlineKeyboardMarkup
from hypothesis import strategies as st

from bot.testing.client import BOT_USER, DialogueClient, RecordingSession

ADMIN = 501
USERS = (ADMIN, 502, 503)
GROUP = {"id": -100500, "type": "supergroup", "title": "参保交流群"}
CHANNEL = {"id": -100600, "type": "channel", "title": "医保资讯"}
COMMANDS = ["/start", "/faq", "/estimate", "/cancel", "/city", "/lang", "/help", "/reload", "/stats",
            "/unanswered", "/start@yibao_helper_bot", "/faq@other_bot", "/nonsense", "/start 13912345678"]
TEXTS = [
    "惠衢保多少钱", "亲情账户在哪个App开通", "帮我算算住院能报多少", "报销估算", "衢州", "住院", "三级医院", "10万",
    "5000元", "0", "-3", "1e309", "返回", "取消", "上一步", "是", "否", "hello", "How much is Huiqubao?",
    "<b>未闭合", "a & b < c > d", "&amp;&lt;", "</i>", "🙂" * 50, "医保" * 2000, "\u200b", " ", "\n\n",
    "我叫王小明，电话13912345678", "火星的医保怎么报销", "惠衢保" + "<script>" * 300,
]


class FuzzSession(RecordingSession):
    """Telegram's answers to edits that real chats produce: a message id the bot never sent is
    'not found', and an edit that changes nothing is 'not modified'."""

    def __init__(self) -> None:
        super().__init__()
        self.markups: dict[tuple[int, int], object] = {}

    async def make_request(self, bot, method, timeout=None):
        if isinstance(method, (EditMessageReplyMarkup, EditMessageText)):
            key = (method.chat_id, method.message_id)
            if key not in self.markups:
                self.calls.append(method)
                raise TelegramBadRequest(method, "Bad Request: message to edit not found")
            if isinstance(method, EditMessageReplyMarkup) and self.markups[key] == method.reply_markup:
                self.calls.append(method)
                raise TelegramBadRequest(method, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same")
        result = await super().make_request(bot, method, timeout)
        if isinstance(method, (SendMessage, EditMessageText, EditMessageReplyMarkup)):
            self.markups[(method.chat_id, self.message_ids[id(method)])] = method.reply_markup
        return result


@dataclass
class Step:
    kind: str
    user: int
    text: str = ""
    index: int = 0  # which button of the user's last keyboard


def text_values() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(COMMANDS), st.sampled_from(TEXTS), st.text(min_size=1, max_size=40))


STEP_KINDS = {
    "text": 30, "press": 30, "sticker": 3, "group": 6, "group_command": 3, "group_mention": 3, "group_reply": 2,
    "on_behalf": 2, "channel": 2, "edited": 2, "edited_channel": 1, "corrupt": 5, "game": 2, "inline": 2,
    "inaccessible": 4, "group_button": 2,
}


def steps() -> st.SearchStrategy[Step]:
    kinds = st.sampled_from([kind for kind, weight in STEP_KINDS.items() for _ in range(weight)])
    return st.builds(Step, kind=kinds, user=st.sampled_from(USERS), text=text_values(), index=st.integers(0, 40))


def corrupted_data() -> st.SearchStrategy[str]:
    valid = st.sampled_from(["a:est:", "a:entry:", "a:vote:", "a:topic:", "a:setcity:", "a:lang:", "a:est-edit:", "a:", ""])
    return st.one_of(st.tuples(valid, st.text(max_size=30)).map("".join), st.binary(max_size=64).map(lambda raw: raw.decode("utf-8", "replace")))


@dataclass
class Tally:
    updates: int = 0
    callbacks: int = 0
    unanswered_callbacks: int = 0
    exceptions: int = 0
    bad_replies: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        return (f"fuzz: {self.updates} updates ({self.callbacks} button presses): {self.exceptions} handler exceptions, "
                f"{self.unanswered_callbacks} unanswered button presses, {self.bad_replies} replies Telegram would refuse")


class Fuzzer:
    """Feeds steps to one dispatcher and checks every update's outcome into a Tally."""

    def __init__(self, chat: DialogueClient):
        self.chat = chat
        self.tally = Tally()
        self.keyboards: dict[int, list[tuple[str, int]]] = {}  # user -> (callback data, message id) of their newest keyboard
        self._ids = itertools.count(1)

    @staticmethod
    def client(**options) -> DialogueClient:
        chat = DialogueClient(**options)
        chat.session = FuzzSession()
        chat.bot = Bot(token="42:TEST", session=chat.session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        return chat

    def _user(self, user: int) -> dict:
        return {"id": user, "is_bot": False, "first_name": "居民", "language_code": ["zh-hans", "en", "zh-hant"][user % 3]}

    def _message(self, step: Step, chat: dict, **fields) -> dict:
        message = {"message_id": next(self._ids), "date": datetime.now(timezone.utc), "chat": chat, "from": self._user(step.user), **fields}
        return message

    def _text_fields(self, text: str) -> dict:
        fields: dict = {"text": text}
        if text.startswith("/"):
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return fields

    def _query(self, step: Step, **fields) -> dict:
        return {"callback_query": {"id": f"q{next(self._ids)}", "from": self._user(step.user), "chat_instance": "ci", **fields}}

    def update(self, step: Step, corrupt: str) -> dict:
        private = {"id": step.user, "type": "private"}
        kind = step.kind
        if step.user == ADMIN and step.text.startswith("/reload"):
            step.text = "/unanswered"  # a reload takes a second (tests/test_admin.py covers it); the others go on being fuzzed
        if kind == "text":
            return {"message": self._message(step, private, **self._text_fields(step.text))}
        if kind == "sticker":
            sticker = {"file_id": "s", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1, "is_animated": False, "is_video": False}
            return {"message": self._message(step, private, sticker=sticker)}
        if kind == "group":
            return {"message": self._message(step, GROUP, text=step.text)}
        if kind == "group_command":
            return {"message": self._message(step, GROUP, **self._text_fields("/" + step.text.lstrip("/")))}
        if kind == "group_mention":
            text = "@yibao_helper_bot " + step.text
            return {"message": self._message(step, GROUP, text=text, entities=[{"type": "mention", "offset": 0, "length": 17}])}
        if kind == "group_reply":
            original = {"message_id": 1, "date": datetime.now(timezone.utc), "chat": GROUP, "from": BOT_USER.model_dump(), "text": "…"}
            return {"message": self._message(step, GROUP, text=step.text, reply_to_message=original)}
        if kind == "on_behalf":
            message = self._message(step, GROUP, text=step.text, sender_chat=CHANNEL)
            del message["from"]
            return {"message": message}
        if kind in ("channel", "edited_channel"):
            post = {"message_id": next(self._ids), "date": datetime.now(timezone.utc), "chat": CHANNEL, **self._text_fields(step.text)}
            return {"channel_post": post} if kind == "channel" else {"edited_channel_post": {**post, "edit_date": 1}}
        if kind == "edited":
            return {"edited_message": self._message(step, private, edit_date=1, **self._text_fields(step.text))}
        if kind == "game":
            return self._query(step, game_short_name="quiz", message=self._message(step, private, text="…"))
        data, message_id = self._button(step, corrupt)
        if kind == "inline":
            return self._query(step, data=data, inline_message_id="inline-1")
        if kind == "inaccessible":
            return self._query(step, data=data, message={"message_id": message_id, "date": 0, "chat": private})
        if kind == "group_button":
            return self._query(step, data=data, message={**self._message(step, GROUP, text="…"), "from": BOT_USER.model_dump()})
        shown = {"message_id": message_id, "date": datetime.now(timezone.utc), "chat": private, "from": BOT_USER.model_dump(), "text": "…"}
        return self._query(step, data=data, message=shown)

    def _button(self, step: Step, corrupt: str) -> tuple[str, int]:
        if step.kind == "corrupt" or not self.keyboards.get(step.user):
            return corrupt, 1
        buttons = self.keyboards[step.user]
        return buttons[step.index % len(buttons)]

    async def feed(self, step: Step, corrupt: str) -> None:
        session: RecordingSession = self.chat.session
        update = self.update(step, corrupt)
        calls_before, refused_before, errors_before = len(session.calls), len(session.refused), len(self.chat.errors)
        await self.chat.feed(update)
        self.tally.updates += 1
        calls = session.calls[calls_before:]
        for error in self.chat.errors[errors_before:]:
            self.tally.exceptions += 1
            self.tally.problems.append(f"{step}: {type(error).__name__}: {error}")
        for method, problem in session.refused[refused_before:]:
            self.tally.bad_replies += 1
            self.tally.problems.append(f"{step}: Telegram would refuse {type(method).__name__}: {problem}")
        query = update.get("callback_query")
        if query is not None:
            self.tally.callbacks += 1
            if not any(isinstance(call, AnswerCallbackQuery) and call.callback_query_id == query["id"] for call in calls):
                self.tally.unanswered_callbacks += 1
                self.tally.problems.append(f"{step}: button press never answered")
        for call in calls:
            if isinstance(call, SendMessage) and isinstance(call.reply_markup, InlineKeyboardMarkup) and call.chat_id in USERS:
                buttons = [(button.callback_data, session.message_ids[id(call)]) for row in call.reply_markup.inline_keyboard for button in row if button.callback_data]
                self.keyboards[call.chat_id] = buttons

    async def can_leave(self, user: int) -> bool:
        """Whatever happened, /cancel brings the user back to no dialogue state."""
        await self.feed(Step("text", user, "/cancel"), "")
        key = self.chat.dispatcher.fsm.get_context(self.chat.bot, chat_id=user, user_id=user).key
        return await self.chat.dispatcher.storage.get_state(key) is None
