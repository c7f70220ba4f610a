"""estimate: the reimbursement estimate for one case, as text or --json.

Bad input exits 2 with one line on stderr that names the problem (no traceback), so support
staff and scripts can tell a typo from a bug.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

EXIT_BAD_INPUT = 2

AMOUNT_OPTIONS = {
    "in_scope": "--in-scope",
    "out_of_list": "--out-of-list",
    "special_drug": "--special-drug",
    "deductible_used": "--deductible-used",
    "fund_paid_this_year": "--fund-paid-this-year",
}
AMOUNT_REASONS = {
    "empty": "is empty",
    "not_a_number": "is not an amount (try 100000, 100,000, 10万 or 3000元)",
    "negative": "must not be negative",
    "too_large": "is larger than 100,000,000",
    "too_precise": "has more than two decimals",
    "not_exact": "is not an exact amount (一万多, 五六千: give the figure)",
    "rate": "is a price per unit, not the total",
}


class BadInput(Exception):
    """One line for stderr."""


def register(subparsers) -> None:
    parser = subparsers.add_parser("estimate", help="estimate a reimbursement (基本医保, 大病保险, 惠衢保)")
    parser.add_argument("--city", help="quzhou|hengyang (or 衢州, 衡阳 …)")
    parser.add_argument("--scheme", help="employee|resident (or 职工, 居民 …)")
    parser.add_argument("--care", help="inpatient|outpatient|chronic|special-disease|special-drug")
    parser.add_argument("--level", help="hospital level 1|2|3, where the rule depends on it")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--out-of-city", dest="in_quzhou", action="store_false", default=None, help="treated outside Quzhou")
    where.add_argument("--in-city", dest="in_quzhou", action="store_true", default=None, help="treated inside Quzhou (the default assumption)")
    for name, option in AMOUNT_OPTIONS.items():
        parser.add_argument(option, dest=name, metavar="AMOUNT")
    parser.add_argument("--hardship", action=argparse.BooleanOptionalAction, default=None, help="低保、特困、返贫致贫人口")
    parser.add_argument("--huiqubao", action=argparse.BooleanOptionalAction, default=None, help="enrolled in 惠衢保")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--lang", default="zh-Hans", help="zh-Hans|zh-Hant|en (text output)")
    parser.add_argument("--knowledge", type=Path, default=None, help="knowledge directory")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        rules, region_names = _load_rules(args.knowledge)
        request, city_name = _request(args, rules, region_names)
        from bot.domain.estimate.reimburse import RequestError, estimate

        try:
            result = estimate(request, rules)
        except RequestError as error:
            raise BadInput(str(error)) from None
    except BadInput as error:
        print(f"estimate: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if city_name:
        result = dataclasses.replace(result, labels={**result.labels, "city": city_name})
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(_render(result, args.lang, rules))
    return 0


def _load_rules(directory: Path | None):
    """The RuleBook, plus region id -> (name, aliases) when the whole knowledge loaded.

    Entry (FAQ) files are edited independently of the rules; a broken FAQ file must not stop
    an estimate, so when the whole knowledge does not load, the rules are loaded alone.
    """
    from bot.domain.knowledge.loading import load_knowledge
    from bot.domain.estimate.rules import load_rules

    directory = directory or _settings_value("knowledge_dir")
    result = load_knowledge(directory)
    if result.knowledge is not None:
        regions = {rid: (region.name, [region.name, region.name_en, *region.aliases]) for rid, region in result.knowledge.regions.items()}
        rules = result.knowledge.rules
    else:
        def display(path: Path) -> str:
            try:
                return str(path.relative_to(directory.parent))
            except ValueError:
                return str(path)

        rules, problems = load_rules(directory / "rules", display)
        if problems:
            more = f" (and {len(problems) - 1} more; run: python -m bot check-knowledge)" if len(problems) > 1 else ""
            raise BadInput(f"broken knowledge: {problems[0]}{more}")
        regions = {}
    if not rules.regions():
        raise BadInput(f"no reimbursement rules in {directory / 'rules'}")
    return rules, regions


def _request(args: argparse.Namespace, rules, regions: dict):
    from bot.domain.estimate.amounts import AmountError, parse_amount
    from bot.domain.estimate.reimburse import EstimateRequest

    words = rules.answers
    for name in ("city", "scheme", "care"):
        if not getattr(args, name):
            raise BadInput(f"--{name} is required")
    city, city_name = words.lookup("city", args.city), None
    if city is None:
        city = _region_without_rules(args.city, regions)
        if city is None:
            known = ", ".join(f"{c} ({words.label('city', c)})" for c in rules.regions())
            raise BadInput(f"unknown city {args.city!r}; known: {known}")
        city_name = regions[city][0]
    scheme = words.lookup("scheme", args.scheme)
    if scheme is None:
        raise BadInput(f"unknown scheme {args.scheme!r}; use employee or resident")
    care = words.lookup("care", args.care)
    if care is None:
        raise BadInput(f"unknown care {args.care!r}; use inpatient, outpatient, chronic, special-disease or special-drug")
    level = None
    if args.level is not None:
        level = words.lookup("level", args.level)
        if level is None:
            raise BadInput(f"unknown level {args.level!r}; use 1, 2 or 3")
    amounts = {}
    for name, option in AMOUNT_OPTIONS.items():
        text = getattr(args, name)
        if text is None:
            continue
        try:
            amounts[name] = parse_amount(text)
        except AmountError as error:
            raise BadInput(f"{option} {text!r} {AMOUNT_REASONS[error.reason]}") from None
    request = EstimateRequest(
        city=city, scheme=scheme, care=care, level=level, in_quzhou=args.in_quzhou,
        hardship=args.hardship, huiqubao=args.huiqubao, **amounts,
    )
    if request.in_scope == 0 and request.out_of_list == 0 and request.special_drug == 0:
        raise BadInput("no costs given: use --in-scope, --out-of-list or --special-drug")
    return request, city_name


def _region_without_rules(text: str, regions: dict) -> str | None:
    """A region the knowledge knows but the rules do not cover: the estimate then names the missing rules."""
    from bot.domain.estimate.rules import comparable

    wanted = comparable(text)
    for region_id, (_, names) in regions.items():
        if wanted in {comparable(region_id), *(comparable(name) for name in names)}:
            return region_id
    return None


def _render(result, lang: str, rules) -> str:
    """The text the chat shows, composed rates and earlier-year terms explained."""
    from bot.domain.estimate.interview import Interview
    from bot.views.estimate_presenter import EstimatePresenter
    from bot.views.render import Renderer, normalize_locale

    presenter = EstimatePresenter(Renderer(_settings_value("locales_dir")))
    return presenter.result(result, normalize_locale(lang), html=False, interview=Interview(rules)).text


def _settings_value(name: str):
    from bot.config import PROJECT_ROOT, Settings, knowledge_dir_default

    try:
        return getattr(Settings(), name)
    except Exception:  # a broken .env must not stop a one-off estimate; fall back to the defaults
        return {"knowledge_dir": knowledge_dir_default(), "locales_dir": PROJECT_ROOT / "locales"}[name]
