"""report [--since YYYY-MM-DD] [--csv FILE] [DB ...]: what the bot could not answer, what residents
disliked, what they ask most. Several databases (one per replica) are merged; default: the settings'."""
from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path


def _day(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(subparsers) -> None:
    parser = subparsers.add_parser("report", help="unanswered questions, 👍/👎 and the most asked entries")
    parser.add_argument("databases", nargs="*", type=Path, metavar="DB", help="SQLite files to merge (default: DATABASE_PATH)")
    parser.add_argument("--since", type=_day, default=None, help="only what happened on or after this day (YYYY-MM-DD)")
    parser.add_argument("--csv", type=Path, default=None, metavar="FILE", help="also write the grouped unanswered questions to FILE")
    parser.add_argument("--limit", type=int, default=20, help="rows per table (default 20)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.cli._common import CommandFailed
    from bot.storage.report import render_text, report_from_files, write_csv

    paths = list(args.databases)
    if not paths:
        from bot.config import Settings

        paths = [Settings().database_path]
    missing = [str(path) for path in paths if not path.is_file()]
    if missing:
        raise CommandFailed(f"no such database: {', '.join(missing)}")
    report = report_from_files(paths, args.since)
    print(render_text(report, limit=args.limit))
    if args.csv:
        write_csv(report, args.csv)
        print(f"\nwrote {len(report.unanswered)} groups to {args.csv}")
    return 0
