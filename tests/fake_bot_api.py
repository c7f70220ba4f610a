"""A small fake Telegram Bot API server (aiohttp) for end-to-end tests and benchmarks.

Longer than ~400 lines on purpose: one server, its methods and its fault modes (5xx, garbled
replies, 429, slow, outage) read together, the way a test uses them.

In-process use::

    async with FakeBotAPI() as server:          # or: await server.start(); ...; await server.stop()
        bot = server.make_bot()                 # aiogram Bot talking to server.base_url
        server.push_message(42, "/start")
        [params] = await server.wait_for_call("sendMessage")

As a separate process: ``python tests/fake_bot_api.py --port 8081 --token 1:T`` prints
``READY http://127.0.0.1:8081`` once listening; drive it through the ``/_test/`` HTTP hooks:

    POST /_test/updates      JSON update or list of updates -> update_ids
    POST /_test/messages     {"chat_id", "text", "user"?, "language_code"?} -> update_id
    POST /_test/callbacks    {"chat_id", "data", "message_id", "user"?, "language_code"?} -> update_id
    POST /_test/fail_next    {"method", "n"?, "retry_after"?, "error_code"?, "description"?}
    POST /_test/fault_next   {"method", "kind", "n"?, "delay"?}   (kinds: FAULTS)
    POST /_test/outage       {"seconds"}   connections refused (and open ones closed) for that long
    POST /_test/reset
    GET  /_test/calls?method=M&count=N&timeout=T   (waits for N calls of M when count is given)
    GET  /_test/sent_messages?chat_id=C
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import signal
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Any

import pytest_asyncio
from aiohttp import web

if TYPE_CHECKING:
    from aiogram import Bot

DEFAULT_TOKEN = "123456789:TEST-fake-bot-api-token"
# Form values are JSON-decoded (aiogram JSON-encodes ints, bools, dicts and lists) except these.
STRING_PARAMS = frozenset(
    {"text", "caption", "parse_mode", "callback_query_id", "url", "secret_token", "action",
     "language_code", "inline_message_id", "ip_address"}
)
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a content and reply markup of the current message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
# Transient faults. Not performed: "500" (a JSON Internal Server Error), "502" (a proxy's HTML page).
# Performed, but the bot cannot tell: "garbled" (200 with a body that is not JSON), "slow" (the reply
# comes `delay` seconds late, past a short client timeout).
FAULTS = ("500", "502", "garbled", "slow")
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def response(self) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return web.json_response(body, status=self.code)


def _ok(result: Any) -> web.Response:
    return web.json_response({"ok": True, "result": result})


def _decode(key: str, value: Any) -> Any:
    if not isinstance(value, str) or key in STRING_PARAMS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            params.update(await request.json())
        else:  # application/x-www-form-urlencoded or multipart/form-data
            params.update((key, value) for key, value in (await request.post()).items())
    return {key: _decode(key, value) for key, value in params.items()}


def _inline_markup(markup: Any) -> dict | None:
    """Telegram echoes only inline keyboards in a Message (reply keyboards are not returned)."""
    return markup if isinstance(markup, dict) and markup.get("inline_keyboard") else None


def _set_markup(message: dict, markup: Any) -> None:
    if inline := _inline_markup(markup):
        message["reply_markup"] = inline
    else:
        message.pop("reply_markup", None)


def _text(params: dict) -> str:
    text = str(params.get("text") or "")
    if not text.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(text) > 4096:
        raise ApiError(400, "Bad Request: message is too long")
    return text


def _chat_id(params: dict) -> int:
    chat_id = params.get("chat_id")
    if isinstance(chat_id, bool) or not isinstance(chat_id, int):
        raise ApiError(400, "Bad Request: chat not found")
    return chat_id


class FakeBotAPI:
    def __init__(self, token: str = DEFAULT_TOKEN, *, username: str = "test_bot",
                 first_name: str = "Test Bot") -> None:
        self.token = token
        self.bot_user = {"id": int(token.split(":")[0]), "is_bot": True, "first_name": first_name,
                         "username": username, "can_join_groups": True,
                         "can_read_all_group_messages": False, "supports_inline_queries": False}
        self.base_url = ""
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._address: tuple[str, int] | None = None
        self._closing = False
        self._update_ids = itertools.count(1)  # never reset: a bot's offset must stay valid
        self._ids = itertools.count(1)  # callback query ids
        self._update_arrived = asyncio.Event()
        self._call_made = asyncio.Event()
        handlers = {
            "getMe": self._get_me, "getUpdates": self._get_updates,
            "sendMessage": self._send_message, "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "answerCallbackQuery": self._answer_callback_query,
            "deleteMessage": self._delete_message, "sendChatAction": self._send_chat_action,
            "setMyCommands": self._set_my_commands, "deleteMyCommands": self._set_my_commands,
            "setWebhook": self._set_webhook, "deleteWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
        }
        # Telegram method names are case-insensitive; calls are recorded under the canonical name.
        self._methods = {name.lower(): (name, handler) for name, handler in handlers.items()}
        self.reset()

    def reset(self) -> None:
        """Forget updates, calls, messages, failures, commands and webhook (update ids keep rising)."""
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._call_counts: dict[str, int] = defaultdict(int)  # method -> calls; waiting never rescans `calls`
        self.commands: list[dict] = []
        self.webhook: dict[str, Any] = {"url": "", "secret_token": None}
        self._pending: list[dict] = []
        self._allowed_updates: set[str] = set()  # empty: every update type
        self._chats: dict[int, dict] = {}
        self._messages: dict[int, dict[int, dict]] = defaultdict(dict)  # chat_id -> id -> message
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._open_callbacks: set[str] = set()
        self._failures: dict[str, list[ApiError]] = defaultdict(list)
        self._faults: dict[str, list[tuple[str, float]]] = defaultdict(list)

    # ----- lifecycle -------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_post("/_test/updates", self._hook_updates)
        app.router.add_get("/_test/calls", self._hook_calls)
        app.router.add_get("/_test/sent_messages", self._hook_sent_messages)
        for path, action in {"messages": self.push_message, "callbacks": self.push_callback,
                             "fail_next": self.fail_next, "fault_next": self.fault_next,
                             "outage": self.outage, "reset": self.reset}.items():
            app.router.add_post(f"/_test/{path}", self._json_hook(action))
        self._closing = False
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, host, port)
        await self._site.start()
        self._address = (host, self._runner.addresses[0][1])
        self.base_url = f"http://{host}:{self._address[1]}"
        return self.base_url

    async def stop(self) -> None:
        self._closing = True  # wakes pending long polls so shutdown is immediate
        self._update_arrived.set()
        self._call_made.set()
        if self._runner:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> FakeBotAPI:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    def make_bot(self, **bot_kwargs: Any) -> Bot:
        """An aiogram Bot using this server (token defaults to the expected one)."""
        # Imported here: aiogram takes seconds to import, the standalone server must start fast.
        from aiogram import Bot
        from aiogram.client.session.aiohttp import AiohttpSession
        from aiogram.client.telegram import TelegramAPIServer

        bot_kwargs.setdefault("token", self.token)
        api = TelegramAPIServer.from_base(self.base_url)
        return Bot(session=AiohttpSession(api=api), **bot_kwargs)

    # ----- test hooks (Python API) -----------------------------------------------------------

    def push_update(self, update: dict) -> int:
        update = {**update, "update_id": next(self._update_ids)}
        if self._allowed_updates and not self._allowed_updates & update.keys():
            return update["update_id"]  # Telegram never delivers update types not allowed
        if "callback_query" in update:
            self._open_callbacks.add(update["callback_query"]["id"])
        self._pending.append(update)
        self._update_arrived.set()
        return update["update_id"]

    def push_message(self, chat_id: int, text: str, *, user: dict | None = None,
                     language_code: str = "zh-hans") -> int:
        sender = self._user(chat_id, user, language_code)
        message = self._new_message(chat_id, sender, text)
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return self.push_update({"message": message})

    def push_callback(self, chat_id: int, data: str, message_id: int, *, user: dict | None = None,
                      language_code: str = "zh-hans") -> int:
        sender = self._user(chat_id, user, language_code)
        # An unknown/deleted message is sent by Telegram as an InaccessibleMessage (date 0).
        message = self._messages[chat_id].get(message_id) or {
            "chat": self._chat(chat_id), "message_id": message_id, "date": 0}
        return self.push_update({"callback_query": {
            "id": str(next(self._ids)), "from": sender, "message": message,
            "chat_instance": str(chat_id), "data": data}})

    def fail_next(self, method: str, n: int = 1, retry_after: int = 1, *, error_code: int = 429,
                  description: str | None = None) -> None:
        """The next n calls of method fail; by default with 429 Too Many Requests."""
        too_many = error_code == 429
        description = description or (f"Too Many Requests: retry after {retry_after}" if too_many
                                      else "Bad Request")
        parameters = {"retry_after": retry_after} if too_many else None
        self._failures[method.lower()] += [ApiError(error_code, description, parameters) for _ in range(n)]

    def fault_next(self, method: str, kind: str, n: int = 1, delay: float = 0.0) -> None:
        """The next n calls of method meet a transient fault (see FAULTS)."""
        if kind not in FAULTS:
            raise TypeError(f"unknown fault {kind!r}; one of {FAULTS}")
        self._faults[method.lower()] += [(kind, delay)] * n

    def outage(self, seconds: float) -> None:
        """Refuse connections (and close the open ones) for `seconds`, then serve again on the same port."""
        asyncio.ensure_future(self._outage(seconds))

    async def _outage(self, seconds: float) -> None:
        await self._site.stop()
        for connection in self._runner.server.connections:
            connection.force_close()
        await asyncio.sleep(seconds)
        if not self._closing:
            self._site = web.TCPSite(self._runner, *self._address)
            await self._site.start()

    def sent_messages(self, chat_id: int) -> list[dict]:
        """Messages the bot sent to chat_id and has not deleted, in order, with edits applied."""
        bot_id = self.bot_user["id"]
        return [m for m in self._messages[chat_id].values() if m["from"]["id"] == bot_id]

    def calls_of(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    async def wait_for_call(self, method: str, count: int = 1, timeout: float = 5) -> list[dict]:
        """Wait until method was called count times (failed calls included); return all its params."""
        if not await self._wait(self._call_made, lambda: self._call_counts[method] >= count, timeout):
            seen = [name for name, _ in self.calls]
            raise TimeoutError(f"{method} called {len(self.calls_of(method))}/{count} times; calls: {seen}")
        return self.calls_of(method)

    # ----- internals -------------------------------------------------------------------------

    async def _wait(self, event: asyncio.Event, condition: Callable[[], Any], timeout: float) -> bool:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0 or self._closing:
                return False
            event.clear()
            try:
                await asyncio.wait_for(event.wait(), remaining)
            except TimeoutError:
                pass
        return True

    def _user(self, chat_id: int, user: dict | None, language_code: str) -> dict:
        sender = {"id": chat_id, "is_bot": False, "first_name": f"User{chat_id}",
                  "language_code": language_code, **(user or {})}
        self._chats[chat_id] = {"id": chat_id, "type": "private", "first_name": sender["first_name"]}
        return sender

    def _chat(self, chat_id: int) -> dict:
        return self._chats.setdefault(chat_id, {"id": chat_id, "type": "private",
                                                "first_name": f"User{chat_id}"})

    def _new_message(self, chat_id: int, sender: dict, text: str) -> dict:
        self._last_message_id[chat_id] += 1
        message_id = self._last_message_id[chat_id]
        message = {"message_id": message_id, "from": sender, "chat": self._chat(chat_id),
                   "date": int(time.time()), "text": text}
        self._messages[chat_id][message_id] = message
        return message

    def _find_message(self, params: dict, verb: str) -> dict:
        message = self._messages[_chat_id(params)].get(params.get("message_id"))
        if message is None:
            raise ApiError(400, f"Bad Request: message to {verb} not found")
        if verb == "edit" and message["from"]["id"] != self.bot_user["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    async def _handle_api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return ApiError(401, "Unauthorized").response()
        requested = request.match_info["method"]
        name, handler = self._methods.get(requested.lower(), (requested, None))
        params = await _read_params(request)
        self.calls.append((name, params))
        self._call_counts[name] += 1
        self._call_made.set()
        try:
            if failures := self._failures.get(name.lower()):
                raise failures.pop(0)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            if faults := self._faults.get(name.lower()):
                return await self._faulty(faults.pop(0), handler, params)
            return _ok(await handler(params))
        except ApiError as error:
            return error.response()

    async def _faulty(self, fault: tuple[str, float], handler: Callable, params: dict) -> web.Response:
        kind, delay = fault
        if kind == "500":
            raise ApiError(500, "Internal Server Error")
        if kind == "502":
            return web.Response(status=502, text="<html><body><h1>502 Bad Gateway</h1></body></html>", content_type="text/html")
        result = await handler(params)  # performed; only the reply goes wrong
        if kind == "garbled":
            return web.Response(status=200, text='{"ok": true, "result": {"message_id', content_type="application/json")
        await asyncio.sleep(delay)
        return _ok(result)

    # ----- Bot API methods -------------------------------------------------------------------

    async def _get_me(self, params: dict) -> dict:
        return self.bot_user

    async def _get_updates(self, params: dict) -> list[dict]:
        if self.webhook["url"]:
            raise ApiError(409, WEBHOOK_ACTIVE)
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        if (allowed := params.get("allowed_updates")) is not None:
            self._allowed_updates = set(allowed)
        if offset < 0:
            self._pending = self._pending[offset:]
        elif offset:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if self._allowed_updates:
            self._pending = [u for u in self._pending if self._allowed_updates & u.keys()]
        await self._wait(self._update_arrived, lambda: self._pending, float(params.get("timeout") or 0))
        return self._pending[:limit]

    async def _send_message(self, params: dict) -> dict:
        chat_id, text = _chat_id(params), _text(params)
        message = self._new_message(chat_id, self.bot_user, text)
        _set_markup(message, params.get("reply_markup"))
        return message

    async def _edit_message_text(self, params: dict) -> dict:
        message, text = self._find_message(params, "edit"), _text(params)
        markup = _inline_markup(params.get("reply_markup"))
        if message["text"] == text and message.get("reply_markup") == markup:
            raise ApiError(400, NOT_MODIFIED)
        message.update(text=text, edit_date=int(time.time()))
        _set_markup(message, markup)  # no reply_markup given: Telegram removes the keyboard
        return message

    async def _edit_message_reply_markup(self, params: dict) -> dict:
        message = self._find_message(params, "edit")
        markup = _inline_markup(params.get("reply_markup"))
        if message.get("reply_markup") == markup:
            raise ApiError(400, NOT_MODIFIED)
        message["edit_date"] = int(time.time())
        _set_markup(message, markup)
        return message

    async def _answer_callback_query(self, params: dict) -> bool:
        query_id = str(params.get("callback_query_id"))
        if query_id not in self._open_callbacks:
            raise ApiError(400, QUERY_TOO_OLD)
        self._open_callbacks.remove(query_id)
        return True

    async def _delete_message(self, params: dict) -> bool:
        message = self._find_message(params, "delete")
        del self._messages[message["chat"]["id"]][message["message_id"]]
        return True

    async def _send_chat_action(self, params: dict) -> bool:
        _chat_id(params)
        return True

    async def _set_my_commands(self, params: dict) -> bool:  # also deleteMyCommands (no commands)
        self.commands = list(params.get("commands") or [])
        return True

    async def _set_webhook(self, params: dict) -> bool:  # also deleteWebhook; an empty url removes it
        self.webhook = {"url": params.get("url") or "", "secret_token": params.get("secret_token")}
        if params.get("drop_pending_updates"):
            self._pending = []
        return True

    async def _get_webhook_info(self, params: dict) -> dict:
        return {"url": self.webhook["url"], "has_custom_certificate": False,
                "pending_update_count": len(self._pending)}

    # ----- test hooks (HTTP) -----------------------------------------------------------------

    async def _hook_updates(self, request: web.Request) -> web.Response:
        body = await request.json()
        return _ok([self.push_update(update) for update in (body if isinstance(body, list) else [body])])

    async def _hook_calls(self, request: web.Request) -> web.Response:
        method, count = request.query.get("method"), request.query.get("count")
        if method and count:
            try:
                await self.wait_for_call(method, int(count), float(request.query.get("timeout", 5)))
            except TimeoutError as error:
                return ApiError(408, str(error)).response()
        return _ok([{"method": name, "params": params} for name, params in self.calls
                    if method in (None, name)])

    async def _hook_sent_messages(self, request: web.Request) -> web.Response:
        return _ok(self.sent_messages(int(request.query["chat_id"])))

    def _json_hook(self, action: Callable[..., Any]) -> Callable[[web.Request], Any]:
        async def hook(request: web.Request) -> web.Response:
            body = await request.json() if request.can_read_body else {}
            try:
                result = action(**body)
            except TypeError as error:
                return ApiError(400, f"Bad Request: {error}").response()
            return _ok(True if result is None else result)
        return hook


@pytest_asyncio.fixture
async def fake_bot_api() -> AsyncIterator[FakeBotAPI]:
    """A started FakeBotAPI with DEFAULT_TOKEN (use ``async with FakeBotAPI(...)`` for others)."""
    async with FakeBotAPI() as server:
        yield server


async def _serve(host: str, port: int, token: str) -> None:
    server = FakeBotAPI(token)
    await server.start(host, port)
    print(f"READY {server.base_url}", flush=True)
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        asyncio.get_running_loop().add_signal_handler(sig, stop.set)
    await stop.wait()
    await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--token", default=DEFAULT_TOKEN)
    args = parser.parse_args()
    asyncio.run(_serve(args.host, args.port, args.token))


if __name__ == "__main__":
    main()
