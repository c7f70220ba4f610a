"""A whole case in one message: 我妈在衢州三级医院住院花了10万，目录外的药2万，买了惠衢保，能报多少.

Fills every step of the estimate dialogue the message answers, with the same vocabulary as the
step-by-step answers (answer_reader), and nothing it has to guess: a step whose words point two
ways is left for the dialogue to ask. The resident sees what was understood and may change it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bot.domain.estimate.amounts import AmountError, find_amounts, prepare
from bot.domain.estimate.answer_reader import UNSURE, Unread, simplified
from bot.domain.estimate.interview import Interview
from bot.domain.estimate.rules import comparable

LONGEST_CASE = 400  # characters read: a case is a few sentences; the rest of a long message is not
NOTHING = Decimal("0.00")
# Clause ends; a point or comma between digits is part of a number (1.2w, 100,000).
# A space ends a clause too (衢州职工 门诊 二甲), but not in "level 2".
_CLAUSES = re.compile(r"(?:[;!?:，。；！？：、]|(?<![0-9])[,.]|[,.](?![0-9])|(?<![a-z])\s|\s(?![0-9]))+")


@dataclass
class Case:
    answers: dict = field(default_factory=dict)
    aside: dict = field(default_factory=dict)  # understood, but no rule covers it (Quzhou 职工 住院)


class CaseReader:
    def __init__(self, interview: Interview):
        self.interview = interview
        self.reader = interview.reader
        known = interview.words.understanding
        self._markers = tuple(comparable(w) for w in known.care_place_markers)
        self._insurance = tuple(comparable(w) for w in known.insurance_words)
        self._labels = {kind: tuple(prepare(w) for w in getattr(known.amount_labels, kind))
                        for kind in ("out_of_list", "special_drug", "in_scope", "not_a_cost")}
        self._hardship = tuple(comparable(w) for w in (known.step_words["hardship"].yes if "hardship" in known.step_words else []))
        plans = {rule.plan for rule in interview.rules.supplementary}
        self._plans = tuple(comparable(plan) for plan in plans)

    def read(self, text: str) -> Case:
        text = simplified(text[:LONGEST_CASE])
        clauses = [(clause, comparable(clause)) for clause in _CLAUSES.split(prepare(text)) if clause]
        # The whole message, spaces kept: choice() compares it as one text, and finds English words in it.
        whole = prepare(text)
        answers: dict = {}
        self._choice(answers, "city", "city", whole)
        self._choice(answers, "scheme", "scheme", whole)
        self._choice(answers, "care", "care", whole, prefer=self.interview.words.understanding.prefer.get("care"))
        self._choice(answers, "level", "level", whole)
        location = self._location(clauses, answers.get("city"))
        if location is not None:
            answers["in_quzhou"] = location
        answers.update(self._amounts(clauses, answers.get("care")))
        for clause, compared in clauses:
            if any(word in compared for word in self._hardship):
                self._yes_no(answers, "hardship", clause)
            plan = next((plan for plan in self._plans if plan in compared), None)
            if plan is not None:
                self._yes_no(answers, "huiqubao", clause, topic=plan)
        if "city" in answers and "in_quzhou" in answers and not self.interview.location_asked(answers["city"]):
            del answers["in_quzhou"]  # 我在衡阳上班: no rule of that city depends on where care was
        settled, aside = self.interview.settle(answers)
        return Case(settled, aside)

    def _choice(self, answers: dict, name: str, table: str, text: str, prefer=None) -> None:
        try:
            value = self.reader.choice(table, text, prefer=prefer, in_a_case=True)
        except Unread:
            return
        if value is not UNSURE:
            answers[name] = value

    def _yes_no(self, answers: dict, name: str, clause: str, topic: str | None = None) -> None:
        if self.reader.is_question(clause):
            return
        try:
            value = self.reader.choice(f"yes_no:{name}", clause, topic=topic)
        except Unread:
            return
        if isinstance(value, bool):
            answers[name] = value

    def _location(self, clauses: list[tuple[str, str]], city: str | None) -> bool | None:
        """Where the care took place: 在杭州住院 / 在外地 -> outside; 在衢州…医院 -> inside; None when not said."""
        found = set()
        for clause, compared in clauses:
            if self.reader.is_question(clause):
                continue
            insurance = any(word in compared for word in self._insurance)
            for item in self.reader.matcher("in_city", city).find(compared):
                value = item.value
                if item.negated:
                    if not (isinstance(value, bool) and not (item.place and value is False)):
                        continue
                    value = not value
                if value is True and (insurance or item.place and not compared[:item.start].endswith(self._markers)):
                    # 衢州居民, 衢州职工, 我在衢州交的医保 name the insurance; 在衢州…, 去柯城… name the place of care.
                    continue
                found.add(value)
        return found.pop() if len(found) == 1 else None

    def _amounts(self, clauses: list[tuple[str, str]], care: str | None) -> dict:
        """Amounts labelled by the words before them in their clause; an unlabelled one is the cost asked first."""
        labelled: dict[str, list] = {"in_scope": [], "out_of_list": [], "special_drug": [], "not_a_cost": [], "": []}
        not_money = self.reader.not_money_after
        for clause, _ in clauses:
            amounts = find_amounts(clause, not_money, self.reader.rate_units, self.reader.rough)
            label = self._label(clause)
            if not amounts and label == "out_of_list" and self.reader.means_none(clause):
                labelled["out_of_list"].append(NOTHING)
            for at, value in amounts:
                # A rough or per-unit amount (十来万, 一个月300) fills nothing, but it is still an
                # amount: beside it, another unlabelled one is not certainly the cost.
                labelled[self._label(clause[:at]) or label].append(None if isinstance(value, AmountError) else value)
        unlabelled = labelled[""]
        found = {}
        main = "special_drug" if care == "special-drug" else "in_scope"
        if labelled[main]:
            found[main] = labelled[main][0] if len(set(labelled[main])) == 1 else None
        elif len(unlabelled) == 1:
            found[main] = unlabelled[0]
        if main == "in_scope" and len(set(labelled["out_of_list"])) == 1:
            found["out_of_list"] = labelled["out_of_list"][0]
        return {name: value for name, value in found.items() if value is not None}

    def _label(self, text: str) -> str:
        """The amount kind named last in `text` ("" when none)."""
        best, where = "", -1
        for kind, words in self._labels.items():
            for word in words:
                at = text.rfind(word)
                if at > where:
                    best, where = kind, at
        return best

