"""Scores the estimate dialogue's readers on the answer and case sets, per half.

    .venv/bin/python tests/eval/score_estimate.py                     # the fresh sets, counts per half
    .venv/bin/python tests/eval/score_estimate.py --show tune         # and each miss of the tune half
    .venv/bin/python tests/eval/score_estimate.py --answers tests/eval/estimate_answers.yaml --cases tests/eval/estimate_cases.yaml

Answers: right / re-asked / WRONG (mapped to another option: the worst outcome). Cases: exact (the
filled steps, the set-aside ones and the figures all as written) or not. Misses of the heldout half
are shown only when asked for by name: that half is measured, never tuned on.
"""
from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bot.domain.estimate.interview import AMOUNT_STEPS, AnswerError, Interview  # noqa: E402
from bot.domain.estimate.reimburse import estimate  # noqa: E402
from bot.domain.estimate.rules import load_rules  # noqa: E402

FIGURES = ("basic", "critical_illness", "supplementary", "reimbursed", "out_of_pocket")


def interview() -> Interview:
    book, problems = load_rules(ROOT / "knowledge" / "rules", str)
    assert problems == [], problems
    return Interview(book)


def typed(answers: dict) -> dict:
    return {name: Decimal(str(value)) if name in AMOUNT_STEPS else value for name, value in answers.items()}


def answer_outcome(iv: Interview, case: dict, defaults: dict) -> str:
    """What the dialogue makes of one typed answer, spelled like the sets: a value, yes/no, unsure or reask."""
    step = iv.next_step(typed(case.get("context") or defaults[case["step"]]))
    assert step.name == case["step"], f"the context of {case} leads to {step.name}"
    try:
        value = iv.accept(step, str(case["text"]))
    except AnswerError:
        return "reask"
    if value is None:
        return "unsure"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value.normalize()) if isinstance(value, Decimal) else str(value)


def answer_expected(case: dict) -> str:
    value = case["expect"]
    if case["step"] in AMOUNT_STEPS and value not in ("reask", "unsure"):
        return str(Decimal(str(value)).normalize())
    return str(value)


def score_answers(iv: Interview, data: dict, half: str | None) -> dict:
    tally = {"right": [], "reask": [], "wrong": []}
    for case in data["answers"]:
        if half is not None and case.get("half") != half:
            continue
        got, want = answer_outcome(iv, case, data["defaults"]), answer_expected(case)
        kind = "right" if got == want else "reask" if got == "reask" else "wrong"
        tally[kind].append((case["step"], str(case["text"]), want, got))
    return tally


def case_outcome(iv: Interview, case: dict) -> tuple[bool, str]:
    """(exact, what differed): filled and set-aside answers as written, then the figures after the missing answers."""
    read = iv.cases.read(case["text"])
    problems = []
    if read.answers != typed(case["filled"]):
        problems.append(f"filled {_diff(typed(case['filled']), read.answers)}")
    if read.aside != case.get("uncovered", {}):
        problems.append(f"aside {read.aside} != {case.get('uncovered', {})}")
    answers = dict(read.answers)
    then = typed(case.get("then", {}))
    while (step := iv.next_step(iv.settle(answers)[0])) is not None:
        if step.name not in then:
            problems.append(f"asks {step.name} (answered in the text)")
            return False, "; ".join(problems)
        answers[step.name] = then[step.name]
    result = estimate(iv.request(answers), iv.rules)
    figures = {name: f"{getattr(result, name):.2f}" for name in FIGURES}
    if figures != case["figures"]:
        problems.append(f"figures {figures['reimbursed']} != {case['figures']['reimbursed']}")
    return not problems, "; ".join(problems)


def _diff(want: dict, got: dict) -> str:
    missing = {k: v for k, v in want.items() if got.get(k, object()) != v}
    extra = {k: v for k, v in got.items() if k not in want or want[k] != v}
    return f"missing/wrong {missing}, read {extra}"


def score_cases(iv: Interview, cases: list, half: str | None) -> dict:
    tally = {"exact": [], "not": []}
    for case in cases:
        if half is not None and case.get("half") != half:
            continue
        exact, why = case_outcome(iv, case)
        tally["exact" if exact else "not"].append((case["text"], why))
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--answers", default=str(ROOT / "tests/eval/estimate_answers_fresh.yaml"))
    parser.add_argument("--cases", default=str(ROOT / "tests/eval/estimate_cases_fresh.yaml"))
    parser.add_argument("--show", action="append", default=[], help="a half (tune, heldout, all) whose misses to list")
    parser.add_argument("--only", help="measure only this half (tune while tuning: the heldout half is measured at the start and the end)")
    args = parser.parse_args()
    iv = interview()
    answers = yaml.safe_load(Path(args.answers).read_text(encoding="utf-8"))
    cases = yaml.safe_load(Path(args.cases).read_text(encoding="utf-8"))
    halves = sorted({c.get("half", "all") for c in answers["answers"]} | {c.get("half", "all") for c in cases})
    for half in halves:
        if args.only and half != args.only:
            continue
        key = None if half == "all" else half
        a = score_answers(iv, answers, key)
        n = sum(map(len, a.values()))
        c = score_cases(iv, cases, key)
        m = sum(map(len, c.values()))
        print(f"{half:8} answers {len(a['right'])}/{n} right, {len(a['reask'])} re-asked, {len(a['wrong'])} WRONG;"
              f"  cases {len(c['exact'])}/{m} exact")
        if half in args.show or "all" in args.show:
            for kind in ("wrong", "reask"):
                for step, text, want, got in a[kind]:
                    print(f"    {kind:5} {step:12} {text!r}: want {want}, got {got}")
            for text, why in c["not"]:
                print(f"    case  {text[:40]!r}: {why}")


if __name__ == "__main__":
    main()
