"""run: long polling with BOT_TOKEN (or a webhook with WEBHOOK_URL); without a token, the console."""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("run", help="start the bot (polling, webhook, or the console without a token)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.config import Settings
    from bot.logs import setup_logging
    from bot.services import KnowledgeUnavailable

    settings = Settings()
    if settings.bot_token is None:
        print("No BOT_TOKEN: starting the offline console. To connect to Telegram, put BOT_TOKEN=<token from @BotFather> in .env (see .env.example).", file=sys.stderr)
        from bot.cli import console

        return console.run(argparse.Namespace(lang="zh-hans"))
    setup_logging(settings)
    from bot.runner import serve

    try:
        asyncio.run(serve(settings))
    except KnowledgeUnavailable as error:
        logging.getLogger("bot").error("cannot start: %s", error)
        return 2
    except KeyboardInterrupt:
        pass
    return 0
