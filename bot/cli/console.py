"""console: the Telegram conversation in a terminal; buttons become numbered choices."""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("console", help="chat with the bot offline in this terminal")
    parser.add_argument("--lang", default="zh-hans", help="zh-hans, zh-hant or en (as Telegram reports it)")
    parser.set_defaults(handler=run)


CONSOLE_USER = 1


def show(replies, out=sys.stdout) -> None:
    number = 0
    for reply in replies:
        print(reply.text, file=out)
        for row in reply.buttons:
            labels = []
            for label, _ in row:
                number += 1
                labels.append(f"[{number}] {label}")
            print("   ".join(labels), file=out)
        print(file=out)


def read_lines(interactive: bool):
    while True:
        try:
            line = input("> ") if interactive else sys.stdin.readline()
        except EOFError:
            return
        if not interactive and line == "":
            return
        yield line.strip()


async def chat(language_code: str) -> int:
    from bot.config import Settings
    from bot.services import create_services
    from bot.render import normalize_locale
    from bot.testing import DialogueClient

    settings = Settings()
    services = create_services(settings)
    interactive = sys.stdin.isatty()
    try:
        async with DialogueClient(user_id=CONSOLE_USER, first_name="居民", language_code=language_code, services=services) as client:
            # Each console session starts fresh: no half-finished estimate from an earlier run.
            await client.dispatcher.fsm.get_context(client.bot, chat_id=CONSOLE_USER, user_id=CONSOLE_USER).clear()
            if interactive:
                print(services.presenter.tr(normalize_locale(language_code), "提示：输入按钮前的编号来点按钮；输入小金额请带单位，例如 5元。"))
                show(await client.send("/start"))
            for line in read_lines(interactive):
                if not line:
                    continue
                buttons = client.last_keyboard()
                if line.isdigit() and 1 <= int(line) <= len(buttons):
                    show(await client.press(buttons[int(line) - 1][0]))
                else:
                    show(await client.send(line))
    finally:
        services.close()
    return 0


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(chat(args.lang))
    except Exception as error:  # a one-line reason, never a traceback, for a resident or staff member
        from bot.services import KnowledgeUnavailable

        if isinstance(error, KnowledgeUnavailable):
            print(f"cannot start: {error}", file=sys.stderr)
            return 2
        raise
