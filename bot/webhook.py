"""Webhook mode (WEBHOOK_URL set): an aiohttp server Telegram posts updates to, behind a load balancer.

Only requests carrying our secret in `X-Telegram-Bot-Api-Secret-Token` are processed (aiogram's
SimpleRequestHandler answers 401 to the rest). Several replicas may run side by side; share the
dialogue state with REDIS_URL. A stopping replica leaves the webhook in place for the others.
"""
from __future__ import annotations

import asyncio
import logging
import signal

import bot.telegram  # noqa: F401  (first: aiogram's types built lazily, see bot/telegram/__init__.py)
from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.app import build_dispatcher
from bot.config import Settings
from bot.runner import create_bot, set_command_menu
from bot.services import create_services

log = logging.getLogger("bot")

HEALTH_PATH = "/healthz"


def create_app(dispatcher: Dispatcher, bot: Bot, settings: Settings) -> web.Application:
    """The web app: the webhook route (secret checked), a health check, and the dispatcher's startup/shutdown."""
    if settings.webhook_secret is None or not settings.webhook_secret.get_secret_value():
        raise ValueError("webhook mode needs WEBHOOK_SECRET")
    app = web.Application()
    # Not in the background: Telegram gets its 200 once the update is handled and its state committed.
    SimpleRequestHandler(dispatcher, bot, secret_token=settings.webhook_secret.get_secret_value(),
                         handle_in_background=False).register(app, path=settings.webhook_path)
    app.router.add_get(HEALTH_PATH, health)
    setup_application(app, dispatcher, bot=bot)
    return app


async def health(request: web.Request) -> web.Response:
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
