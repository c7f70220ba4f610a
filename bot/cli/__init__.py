"""`python -m bot COMMAND`: one module per command in this package, each with `register(subparsers)`."""
from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys


def commands() -> list[str]:
    return sorted(item.name for item in pkgutil.iter_modules(__path__) if not item.name.startswith("_"))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """Every command's parser, or with `only` just that one's (the others' imports, such as
    asyncio for the bot, cost a one-question `ask` ~0.1 s)."""
    parser = argparse.ArgumentParser(prog="python -m bot", description="医保小助手")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in commands():
        if only is None or name == only:
            importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0].replace("-", "_") if argv else None
    parser = build_parser(command if command in commands() else None)
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        # `make run` with no command: the bot with a token, the console without.
        from bot.cli import run as run_command

        args.handler = run_command.run
    try:
        return args.handler(args) or 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
