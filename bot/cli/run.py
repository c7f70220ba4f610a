"""run: long polling with BOT_TOKEN (or a webhook with WEBHOOK_URL); without a token, the console."""
from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sqlite3
import sys

SECRET_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,256}")


def register(subparsers) -> None:
    parser = subparsers.add_parser("run", help="start the bot (polling, webhook, or the console without a token)")
    parser.set_defaults(handler=run)


def webhook_problem(settings) -> str | None:
    """Telegram's rules for a webhook, checked before anything starts."""
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else ""
    if not secret:
        return "WEBHOOK_URL is set but WEBHOOK_SECRET is empty: without it anyone could post fake updates"
    if not SECRET_TOKEN.fullmatch(secret):
        return "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -"
    if not settings.webhook_url.startswith("https://") and not settings.bot_api_base_url:
        return "WEBHOOK_URL must start with https:// (Telegram only calls HTTPS webhooks)"
    return None


def run(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.cli._logs import setup_logging
    from bot.telegram.services import KnowledgeUnavailable, StorageUnavailable, storage_problem

    settings = Settings()
    if settings.bot_token is None:
        print("No BOT_TOKEN: starting the offline console. To connect to Telegram, put BOT_TOKEN=<token from @BotFather> in .env (see .env.example).", file=sys.stderr)
        from bot.cli import console

        return console.run(argparse.Namespace(lang="zh-hans"))
    setup_logging(settings)
    if settings.webhook_url:
        problem = webhook_problem(settings)
        if problem:
            logging.getLogger("bot").error("cannot start: %s", problem)
            return 2
        from bot.telegram.webhook import serve_webhook as serve
    else:
        from bot.telegram.runner import serve
    from aiogram.exceptions import TelegramAPIError

    try:
        asyncio.run(serve(settings))
    except (KnowledgeUnavailable, StorageUnavailable) as error:
        logging.getLogger("bot").error("cannot start: %s", error)
        return 2
    except sqlite3.Error as error:  # the dialogue-state file (DATABASE_PATH with .fsm.sqlite3), opened at start
        logging.getLogger("bot").error("cannot start: %s", storage_problem(settings.database_path.with_suffix(".fsm.sqlite3"), error))
        return 2
    except TelegramAPIError as error:  # the Bot API refused us or is unreachable (retried already)
        logging.getLogger("bot").error("stopped: Bot API error: %s", error)
        return 1
    except KeyboardInterrupt:
        pass
    return 0
