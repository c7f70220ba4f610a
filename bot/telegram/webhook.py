"""Webhook mode (WEBHOOK_URL set): an aiohttp server Telegram posts updates to, behind a load balancer.

Only requests carrying our secret in `X-Telegram-Bot-Api-Secret-Token` are processed (aiogram's
SimpleRequestHandler answers 401 to the rest). Several replicas may run side by side; share the
dialogue state with REDIS_URL. A stopping replica leaves the webhook in place for the others.
"""
from __future__ import annotations

import asyncio
import json
import logging
import signal
from typing import Any

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Bot, Dispatcher
from aiogram.types import Update
from aiogram.types.update import UpdateTypeLookupError
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from pydantic import ValidationError

from bot.config import Settings
from bot.telegram.dispatcher import build_dispatcher
from bot.telegram.runner import create_bot, set_command_menu
from bot.telegram.services import create_services

log = logging.getLogger("bot")

HEALTH_PATH = "/healthz"
DATABASE = web.AppKey("database", object)
MAX_DEPTH = 32  # a real update nests about ten levels (update → message → reply_to_message → …)


class BadBody(ValueError):
    pass


def _depth(value: Any) -> int:
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            break
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
        pending.extend((child, depth + 1) for child in children)
    return deepest


def parse_update(body: bytes, bot: Bot) -> Update:
    """The posted body as an Update, or BadBody saying what is wrong (never quoting the body)."""
    if not body.strip():
        raise BadBody("empty body")
    try:
        data = json.loads(body)
    except RecursionError:
        raise BadBody("JSON nested too deeply") from None
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise BadBody(f"not JSON ({type(error).__name__} at position {getattr(error, 'pos', '?')})") from None
    if _depth(data) > MAX_DEPTH:
        raise BadBody(f"JSON nested deeper than {MAX_DEPTH} levels")
    if not isinstance(data, dict):
        raise BadBody(f"JSON {type(data).__name__}, not an object")
    try:
        update = Update.model_validate(data, context={"bot": bot})
        update.event_type  # noqa: B018  (raises for an update carrying no event we know)
    except ValidationError as error:
        fields = sorted({".".join(str(part) for part in item["loc"][:2]) for item in error.errors()})[:3]
        raise BadBody(f"not a Telegram update (bad fields: {', '.join(fields)})") from None
    except UpdateTypeLookupError:
        raise BadBody("an update with no event in it") from None
    return update


class CheckedRequestHandler(SimpleRequestHandler):
    """aiogram's handler (secret checked first), but a body that is not an Update gets 400 and one
    log line, instead of a 500 with a traceback (or a 200 and a failing background task)."""

    async def _handle_request(self, bot: Bot, request: web.Request) -> web.Response:
        body = await request.read()
        try:
            update = parse_update(body, bot)
        except BadBody as error:
            log.warning("webhook: refused a request of %d bytes with 400: %s", len(body), error)
            return web.json_response({"ok": False, "description": f"Bad Request: {error}"}, status=400)
        result = await self.dispatcher.feed_webhook_update(bot, update, **self.data)
        return web.Response(body=self._build_response_writer(bot=bot, result=result))


def create_app(dispatcher: Dispatcher, bot: Bot, settings: Settings) -> web.Application:
    """The web app: the webhook route (secret checked), a health check, and the dispatcher's startup/shutdown."""
    if settings.webhook_secret is None or not settings.webhook_secret.get_secret_value():
        raise ValueError("webhook mode needs WEBHOOK_SECRET")
    app = web.Application()
    # Not in the background: Telegram gets its 200 once the update is handled and its state committed.
    CheckedRequestHandler(dispatcher, bot, secret_token=settings.webhook_secret.get_secret_value(),
                         handle_in_background=False).register(app, path=settings.webhook_path)
    app[DATABASE] = dispatcher.workflow_data["database"]
    app.router.add_get(HEALTH_PATH, health)
    setup_application(app, dispatcher, bot=bot)
    return app


async def health(request: web.Request) -> web.Response:
    """200 "ok", or 503 naming what is wrong (a damaged database answers nothing but apologies)."""
    problem = request.app[DATABASE].health_problem()
    if problem:
        return web.Response(text=problem, status=503)
    return web.Response(text="ok")


async def register_webhook(bot: Bot, dispatcher: Dispatcher, settings: Settings) -> None:
    await bot.set_webhook(
        url=settings.webhook_url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=dispatcher.resolve_used_update_types(),
        drop_pending_updates=False,
    )


async def serve_webhook(settings: Settings) -> None:
    services = create_services(settings)
    bot = create_bot(settings)
    dispatcher = build_dispatcher(services)
    runner = web.AppRunner(create_app(dispatcher, bot, settings), access_log=None, shutdown_timeout=5.0)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    try:
        await runner.setup()
        await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
        # Listening first, then tell Telegram where to post: no update arrives before we can take it.
        await register_webhook(bot, dispatcher, settings)
        await set_command_menu(bot, services.renderer)
        me = await bot.get_me()
        log.info("ready: webhook as @%s on %s:%s%s", me.username, settings.webhook_host, settings.webhook_port, settings.webhook_path)
        await stop.wait()
        log.info("stopping: signal received")
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await runner.cleanup()  # shutdown hooks: dispatcher shutdown, bot session closed
        await bot.session.close()
        await dispatcher.storage.close()
        services.close()
