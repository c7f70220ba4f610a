"""ask [--json] [--lang L] [--city NAME] QUESTION... | -: answer the way the chat would."""
from __future__ import annotations

import argparse
import json
import sys

LANG_CHOICES = {"zh-Hans": "zh", "zh-Hant": "zh_Hant", "en": "en", "zh": "zh", "zh_Hant": "zh_Hant"}


def register(subparsers) -> None:
    parser = subparsers.add_parser("ask", help="answer questions like the chat does")
    parser.add_argument("--json", action="store_true", help="one JSON object per answer")
    parser.add_argument("--lang", choices=sorted(LANG_CHOICES), help="answer in this language (default: the one each question is written in)")
    parser.add_argument("--city", help="the resident's city (衢州, quzhou, …)")
    parser.add_argument("question", nargs="+", help="the question; - reads one question per line from stdin")
    parser.set_defaults(handler=run)


def questions_from(arguments: list[str]):
    if arguments == ["-"]:
        for line in sys.stdin:
            yield line.strip()
    else:
        yield " ".join(arguments)


def run(args: argparse.Namespace) -> int:
    from bot.cli._common import load_assistant, resolve_city
    from bot.views.presenter import Presenter
    from bot.views.render import Renderer

    settings, assistant = load_assistant()
    presenter = Presenter(Renderer(settings.locales_dir), assistant)
    chosen = LANG_CHOICES[args.lang] if args.lang else None
    city = resolve_city(assistant.knowledge, args.city) if args.city else None
    if args.city and city is None:
        print(f"unknown city {args.city!r}; known: {', '.join(r.name for r in assistant.knowledge.regions.values() if r.selectable)}", file=sys.stderr)
        return 2
    for question in questions_from(args.question):
        locale = chosen or assistant.language_of(question) or "zh"
        reply = assistant.ask(question, locale, city)
        text = presenter.plain_answer(reply, locale)
        if args.json:
            print(json.dumps({
                "question": question,
                "answer": text,
                "outcome": reply.public_outcome,
                "entry_id": reply.entry.id if reply.entry else None,
                "confidence": round(reply.confidence, 3),
                "suggestions": [{"id": entry.id, "question": assistant.question_of(entry, locale)} for entry in reply.suggestions],
            }, ensure_ascii=False), flush=True)
        else:
            print(text + "\n", flush=True)
    return 0
