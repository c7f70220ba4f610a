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
AMOUNT_BUTTON = "a:est-amt:"  # callback data of the quick-amount buttons: a typed number there is an amount


def pressed(line: str, buttons: list, amount_step: bool) -> int | None:
    """The button number a typed line presses: #N always, a bare N only where no amount is asked."""
    number = line[1:] if line.startswith("#") else (line if not amount_step else "")
    if number.isdigit() and 1 <= int(number) <= len(buttons):
        return int(number)
    return None


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
    from bot.telegram.services import create_services
    from bot.views.render import normalize_locale
    from bot.testing.client import DialogueClient

    settings = Settings()
    services = create_services(settings)
    interactive = sys.stdin.isatty()
    try:
        async with DialogueClient(user_id=CONSOLE_USER, first_name="居民", language_code=language_code, services=services) as client:
            # Each console session starts fresh: no half-finished estimate from an earlier run.
            await client.dispatcher.fsm.get_context(client.bot, chat_id=CONSOLE_USER, user_id=CONSOLE_USER).clear()
            locale = normalize_locale(language_code)
            if interactive:
                print(services.presenter.tr(locale, "提示：输入按钮前的编号来点按钮（也可以输入 #编号）。"))
                show(await client.send("/start"))
            told_about_amounts = False
            for line in read_lines(interactive):
                if not line:
                    continue
                buttons = client.last_keyboard()
                amount_step = any(data.startswith(AMOUNT_BUTTON) for _, data in buttons)
                number = pressed(line, buttons, amount_step)
                if number is not None:
                    show(await client.press_data(buttons[number - 1][1]))
                else:
                    show(await client.send(line))
                if not told_about_amounts and any(data.startswith(AMOUNT_BUTTON) for _, data in client.last_keyboard()):
                    told_about_amounts = True
                    print(services.presenter.tr(locale, "提示：这一步输入的数字就是金额（5 就是5元）；要点按钮，请输入 #编号 或按钮上的文字。"))
    finally:
        services.close()
    return 0


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return asyncio.run(chat(args.lang))
    except Exception as error:  # a one-line reason, never a traceback, for a resident or staff member
        from bot.telegram.services import KnowledgeUnavailable

        if isinstance(error, KnowledgeUnavailable):
            print(f"cannot start: {error}", file=sys.stderr)
            return 2
        raise
