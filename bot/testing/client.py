"""Drive the real dispatcher without Telegram: a recording Bot API session and a chat client.

Used by the tests, the scripted dialogues, the console and the benchmarks.
"""
from __future__ import annotations

import html
import itertools
import re
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, AsyncGenerator, Callable

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Bot, Dispatcher
from aiogram.client.default import Default, DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.exceptions import TelegramBadRequest
from aiogram.fsm.storage.base import BaseStorage
from aiogram.methods import AnswerCallbackQuery, EditMessageReplyMarkup, EditMessageText, GetMe, SendMessage, TelegramMethod
from aiogram.types import Chat, ErrorEvent, InlineKeyboardMarkup, Message, ReplyKeyboardMarkup, Update, User

from bot.config import Settings
from bot.domain.assistant import KnowledgeStore
from bot.telegram.dispatcher import build_dispatcher
from bot.telegram.exactly_once import SentRepliesMiddleware
from bot.telegram.services import KnowledgeUnavailable, Services, create_services

BOT_USER = User(id=4242, is_bot=True, first_name="医保小助手", username="yibao_helper_bot")
TAGS = re.compile(r"<[^>]+>")

# Telegram's limits, enforced by RecordingSession so that a test sees what Telegram would refuse.
MESSAGE_LIMIT = 4096  # characters of a message after entity parsing
CALLBACK_DATA_LIMIT = 64  # bytes of a button's callback_data
CALLBACK_ANSWER_LIMIT = 200  # characters of an answerCallbackQuery notification
# The tags Telegram's HTML parse mode accepts; anything else (or an unescaped < or &) is refused.
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "span",
             "tg-spoiler", "tg-emoji", "blockquote"}
HTML_TOKEN = re.compile(r"<(/?)([a-z-]+)(?:\s[^<>]*)?>|&(?:[a-z]+|#\d+|#x[0-9a-f]+);|[<>&]", re.IGNORECASE)
HTML_ENTITIES = {"lt", "gt", "amp", "quot"}


@lru_cache(maxsize=4096)  # a pure function of the text; a bot sends the same texts again and again
def html_problem(text: str) -> str | None:
    """Why Telegram's HTML parser would refuse `text`, or None when it parses."""
    open_tags: list[str] = []
    for token in HTML_TOKEN.finditer(text):
        raw = token.group(0)
        if raw in "<>&":
            if raw == ">":
                continue  # Telegram tolerates a bare >
            return f"unescaped {raw!r} at offset {token.start()}"
        if raw.startswith("&"):
            name = raw[1:-1].lower()
            if not name.startswith("#") and name not in HTML_ENTITIES:
                return f"unsupported entity {raw!r} at offset {token.start()}"
            continue
        closing, tag = token.group(1), token.group(2).lower()
        if tag not in HTML_TAGS:
            return f"unsupported tag <{tag}> at offset {token.start()}"
        if not closing:
            open_tags.append(tag)
        elif not open_tags or open_tags.pop() != tag:
            return f"unexpected end tag </{tag}> at offset {token.start()}"
    if open_tags:
        return f"unclosed tag <{open_tags[-1]}>"
    return None


def _parse_mode(bot: Bot, method: TelegramMethod) -> str | None:
    value = getattr(method, "parse_mode", None)
    if isinstance(value, Default):
        value = bot.default[value.name]
    return value


class RecordingSession(BaseSession):
    """Records every Bot API call and answers like Telegram would, so handlers run unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[TelegramMethod] = []
        self.refused: list[tuple[TelegramMethod, str]] = []  # calls Telegram would have answered 400
        self.message_ids: dict[int, int] = {}  # id(method) -> message_id of the message it sent or edited
        self._message_ids = itertools.count(1000)

    def refusal(self, bot: Bot, method: TelegramMethod) -> str | None:
        """What Telegram would answer 400 Bad Request to, or None."""
        if isinstance(method, (SendMessage, EditMessageText)):
            text = method.text or ""
            html_mode = _parse_mode(bot, method) == ParseMode.HTML
            if html_mode and (problem := html_problem(text)):
                return f"can't parse entities: {problem}"
            visible = html.unescape(TAGS.sub("", text)) if html_mode else text
            if not visible.strip():
                return "message text is empty"
            if len(visible) > MESSAGE_LIMIT:
                return f"message is too long ({len(visible)} characters, at most {MESSAGE_LIMIT})"
        if isinstance(method, AnswerCallbackQuery) and method.text and len(method.text) > CALLBACK_ANSWER_LIMIT:
            return f"callback answer text is too long ({len(method.text)} characters, at most {CALLBACK_ANSWER_LIMIT})"
        markup = getattr(method, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            for row in markup.inline_keyboard:
                for button in row:
                    size = len((button.callback_data or "").encode("utf-8"))
                    if size > CALLBACK_DATA_LIMIT:
                        return f"BUTTON_DATA_INVALID: {button.text!r} has {size} bytes of callback data (at most {CALLBACK_DATA_LIMIT})"
        return None

    async def make_request(self, bot: Bot, method: TelegramMethod, timeout: int | None = None) -> Any:
        self.calls.append(method)
        if (problem := self.refusal(bot, method)) is not None:
            self.refused.append((method, problem))
            raise TelegramBadRequest(method, f"Bad Request: {problem}")
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, (SendMessage, EditMessageText, EditMessageReplyMarkup)):
            message_id = next(self._message_ids) if isinstance(method, SendMessage) else method.message_id
            self.message_ids[id(method)] = message_id
            # Validated models (BOT_USER, the method's own frozen markup) are taken as they are:
            # dumping and re-validating them cost more than the handler being measured.
            return Message.model_validate(
                {
                    "message_id": message_id,
                    "date": datetime.now(timezone.utc),
                    "chat": Chat(id=method.chat_id, type="private"),
                    "from": BOT_USER,
                    "text": getattr(method, "text", None),
                    "reply_markup": method.reply_markup,
                },
                context={"bot": bot},
            )
        return True

    async def close(self) -> None:
        pass

    async def stream_content(self, url: str, headers=None, timeout: int = 30, chunk_size: int = 65536, raise_for_status: bool = True) -> AsyncGenerator[bytes, None]:
        yield b""


@dataclass
class Reply:
    """One message the bot sent or edited, as a resident sees it."""

    text: str
    html: str
    buttons: list[list[tuple[str, str]]] = field(default_factory=list)  # (label, callback data or "")
    message_id: int | None = None

    @property
    def labels(self) -> list[str]:
        return [label for row in self.buttons for label, _ in row]


def _buttons(markup: Any) -> list[list[tuple[str, str]]]:
    if isinstance(markup, InlineKeyboardMarkup):
        return [[(button.text, button.callback_data or "") for button in row] for row in markup.inline_keyboard]
    if isinstance(markup, ReplyKeyboardMarkup):
        return [[(button.text, "") for button in row] for row in markup.keyboard]
    return []


def as_reply(method: TelegramMethod, message_id: int | None = None) -> Reply | None:
    if isinstance(method, (SendMessage, EditMessageText)):
        return Reply(html.unescape(TAGS.sub("", method.text)), method.text, _buttons(method.reply_markup), message_id)
    if isinstance(method, AnswerCallbackQuery) and method.text:
        return Reply(method.text, html.escape(method.text))
    return None


_stores: dict[Path, KnowledgeStore] = {}
# Telegram's update ids rise for ever; clients sharing a state file (or Redis) must not reuse one.
_update_ids = itertools.count(time.time_ns() // 1000)


def shared_store(directory: Path, clock: Callable[[], date] = date.today) -> KnowledgeStore:
    """Knowledge is read-only while serving, so clients in one process may share it (state they never share)."""
    directory = directory.resolve()
    if directory not in _stores:
        store = KnowledgeStore(directory, clock)
        problems = store.reload()
        if problems:
            raise KnowledgeUnavailable("\n".join(str(problem) for problem in problems[:20]))
        _stores[directory] = store
    return _stores[directory]


class DialogueClient:
    """A resident chatting with the real dispatcher: `await chat.send("惠衢保多少钱")`, `await chat.press("报销估算")`."""

    _user_ids = itertools.count(10_000)

    def __init__(
        self,
        *,
        user_id: int | None = None,
        first_name: str = "测试用户",
        language_code: str | None = "zh-hans",
        settings: Settings | None = None,
        storage: BaseStorage | None = None,
        services: Services | None = None,
    ):
        self.user = User(id=user_id or next(self._user_ids), is_bot=False, first_name=first_name, language_code=language_code)
        self._settings = settings
        self._storage = storage
        self.services = services
        self._tempdir: tempfile.TemporaryDirectory | None = None
        self._owns_services = services is None
        self.session = RecordingSession()
        self.session.middleware(SentRepliesMiddleware())  # as the bot's own session (bot/telegram/runner.py)
        self.bot = Bot(token="42:TEST", session=self.session, default=DefaultBotProperties(parse_mode=ParseMode.HTML))
        self.dispatcher: Dispatcher | None = None
        self.history: list[Reply] = []
        self.errors: list[BaseException] = []  # exceptions handlers raised (the bot apologised for each)
        self._update_ids = _update_ids  # shared: handled update ids are remembered in the state storage
        self._message_ids = itertools.count(1)

    async def __aenter__(self) -> "DialogueClient":
        if self.services is None:
            settings = self._settings
            if settings is None:
                self._tempdir = tempfile.TemporaryDirectory(prefix="yibao-dialogue-")
                settings = Settings(bot_token=None, redis_url=None, database_path=Path(self._tempdir.name) / "bot.sqlite3")
            self.services = create_services(settings, store=shared_store(settings.knowledge_dir))
        self.dispatcher = build_dispatcher(self.services, self._storage)
        self.dispatcher.errors.outer_middleware(self._record_error)
        return self

    async def _record_error(self, handler, event: ErrorEvent, data: dict) -> Any:
        self.errors.append(event.exception)
        return await handler(event, data)

    async def __aexit__(self, *exc_info: object) -> None:
        await self.dispatcher.storage.close()
        if self._owns_services:
            self.services.close()
        await self.bot.session.close()
        if self._tempdir:
            self._tempdir.cleanup()

    def _message(self, **fields: Any) -> dict:
        return {
            "message_id": next(self._message_ids),
            "date": datetime.now(timezone.utc),
            "chat": {"id": self.user.id, "type": "private"},
            "from": self.user.model_dump(exclude_none=True),
            **fields,
        }

    async def feed(self, update: dict) -> list[Reply]:
        update = Update.model_validate({"update_id": next(self._update_ids), **update}, context={"bot": self.bot})
        start = len(self.session.calls)
        await self.dispatcher.feed_update(self.bot, update)
        replies = []
        refused = {id(method) for method, _ in self.session.refused}
        for method in self.session.calls[start:]:
            if id(method) in refused:  # Telegram would have refused it: the resident sees nothing
                continue
            reply = as_reply(method, self.session.message_ids.get(id(method)))
            if reply is not None:
                replies.append(reply)
        self.history.extend(replies)
        return replies

    async def send(self, text: str) -> list[Reply]:
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            fields["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return await self.feed({"message": self._message(**fields)})

    async def send_sticker(self) -> list[Reply]:
        sticker = {"file_id": "CAACAgIAAxk", "file_unique_id": "AgAD", "type": "regular", "width": 512, "height": 512, "is_animated": False, "is_video": False}
        return await self.feed({"message": self._message(sticker=sticker)})

    async def send_photo(self) -> list[Reply]:
        photo = [{"file_id": "AgACAgIAAxk", "file_unique_id": "AQAD", "width": 90, "height": 90}]
        return await self.feed({"message": self._message(photo=photo)})

    def last_keyboard(self) -> list[tuple[str, str]]:
        for reply in reversed(self.history):
            if reply.buttons:
                return [button for row in reply.buttons for button in row]
        return []

    async def press(self, label: str) -> list[Reply]:
        """Press the first button of the last keyboard whose label contains `label`."""
        buttons = self.last_keyboard()
        match = next((button for button in buttons if label in button[0] and button[1]), None)
        if match is None:
            offered = ", ".join(repr(text) for text, _ in buttons) or "none"
            raise LookupError(f"no button matching {label!r}; buttons offered: {offered}")
        origin = next(reply for reply in reversed(self.history) if match in [button for row in reply.buttons for button in row])
        return await self.press_data(match[1], origin)

    async def press_data(self, data: str, origin: Reply | None = None) -> list[Reply]:
        """Send a callback query with this callback data, as if a button of `origin` (default: the last reply) was pressed."""
        if origin is None:
            origin = self.history[-1] if self.history else Reply("", "")
        query = {
            "id": str(next(self._update_ids)),
            "from": self.user.model_dump(exclude_none=True),
            "chat_instance": "1",
            "data": data,
            "message": {
                "message_id": origin.message_id or 1,
                "date": datetime.now(timezone.utc),
                "chat": {"id": self.user.id, "type": "private"},
                "from": BOT_USER.model_dump(),
                "text": origin.text or "…",
            },
        }
        return await self.feed({"callback_query": query})
