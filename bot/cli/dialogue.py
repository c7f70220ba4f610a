"""dialogue PATH...: run scripted conversations; `ok NAME` / `FAIL NAME` per script, exit 0 only if all pass."""
from __future__ import annotations

import argparse
import asyncio
import logging
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("dialogue", help="run scripted dialogues (YAML files or folders)")
    parser.add_argument("paths", nargs="+", type=Path)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.testing.dialogue_scripts import find_scripts, run_script

    logging.basicConfig(level=logging.CRITICAL)
    missing = [path for path in args.paths if not path.exists()]
    if missing:
        print(f"no such file or folder: {missing[0]}")
        return 2
    scripts = find_scripts(args.paths)

    async def run_all() -> int:
        failed = 0
        for path in scripts:
            outcome = await run_script(path)
            print(f"{'ok' if outcome.passed else 'FAIL'} {outcome.name}")
            if not outcome.passed:
                failed += 1
                print(f"  {outcome.path}: " + outcome.detail.replace("\n", "\n  "))
        print(f"{len(scripts) - failed} passed, {failed} failed")
        return 1 if failed else 0

    return asyncio.run(run_all())
