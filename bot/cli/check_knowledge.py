"""check-knowledge [DIR]: one `file:line: problem` per problem; exit 1 if any."""
from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser("check-knowledge", help="validate the knowledge files")
    parser.add_argument("directory", nargs="?", type=Path, default=None)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from bot.config import knowledge_dir_default
    from bot.domain.knowledge.loading import load_knowledge

    directory = args.directory or knowledge_dir_default()
    result = load_knowledge(directory)
    for problem in result.problems:
        print(problem)
    if result.problems:
        print(f"{len(result.problems)} problem(s) found; the bot keeps serving the last good knowledge.")
        return 1
    knowledge = result.knowledge
    print(f"ok: {len(knowledge.entries)} entries in {knowledge.files} files, {len(knowledge.topics)} topics, {len(knowledge.regions)} regions")
    return 0
