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
    from bot.testing import DialogueClient

    settings = Settings()
    services = create_services(settings)
    interactive = sys.stdin.isatty()
    try:
        async with DialogueClient(user_id=1, first_name="居民", language_code=language_code, services=services) as client:
            if interactive:
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
