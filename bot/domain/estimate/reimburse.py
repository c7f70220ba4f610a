"""The settlement chain 基本医保 -> 自付 -> 大病保险 -> 惠衢保 -> 个人负担, as pure arithmetic on a RuleBook.

No rate lives here: every number comes from the rules. Where a rule is missing the estimate
names it in `missing_rules`, counts that payer as 0 and still computes the other payers.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from bot.domain.estimate.rules import CARES, SCHEMES, BasicRule, Cap, CriticalIllnessRule, RuleBook, SupplementaryRule
from bot.domain.knowledge.schema import Source

ZERO = Decimal(0)
CENT = Decimal("0.01")


def money(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class RequestError(ValueError):
    """The request cannot be estimated as asked (e.g. the rule needs a hospital level that was not given)."""

    def __init__(self, code: str, message: str, **values):
        super().__init__(message)
        self.code = code
        self.values = values


@dataclass(frozen=True)
class EstimateRequest:
    """One episode of care. None means "not asked": the estimate then states what it assumed."""

    city: str
    scheme: str
    care: str
    level: int | None = None
    in_quzhou: bool | None = None  # inside the insured city (the seeds only make this matter in 衢州)
    in_scope: Decimal = ZERO  # 政策范围内费用
    out_of_list: Decimal | None = ZERO  # 目录外药品费用 (None: not told, worked out as none, and said so)
    special_drug: Decimal = ZERO  # 特殊药品费用 at a designated pharmacy
    deductible_used: Decimal | None = None  # 起付线 already paid this year
    fund_paid_this_year: Decimal | None = None  # what the basic fund already paid this year (for the cap)
    hardship: bool | None = None  # 低保、特困、返贫致贫人口
    huiqubao: bool | None = None  # enrolled in the city's supplementary plan
    total_told: Decimal | None = None  # the whole bill as told (总共花了8万), when it holds costs no step asks about


@dataclass(frozen=True)
class Line:
    payer: str  # basic | critical_illness | supplementary
    responsibility: str | None  # "1", "2", "3" for 惠衢保
    name: str | None  # msgid of the responsibility (自付医疗费用…) or None
    plan: str | None  # msgid of the plan (惠衢保) or None
    amount: Decimal
    base_kind: str  # in_scope | self_pay | critical_illness_remainder | out_of_list | special_drug
    base: Decimal  # the amount the ratio applies to before the deductible (after any outside-city share)
    deductible: Decimal  # 起付线 still due / 大病 threshold / 免赔额; the ratio applies to max(0, base - deductible)
    ratio: Decimal
    cap_left: Decimal | None  # what was left of the yearly cap; None when no cap applied
    capped: bool
    rule: str
    source: Source
    year: int
    gross: Decimal | None = None  # the cost before the outside-city share, when one applied
    share: Decimal | None = None
    cap: Decimal | None = None  # the yearly cap, when one applied

    @property
    def ratio_percent(self) -> str:
        return _percent(self.ratio)

    @property
    def share_percent(self) -> str:
        return _percent(self.share) if self.share is not None else ""

    @property
    def formula(self) -> str:
        text = f"max(0, {self.base:.2f} - {self.deductible:.2f}) x {self.ratio_percent}%"
        if self.capped:
            text += f", capped at {self.cap_left:.2f}"
        return f"{text} = {self.amount:.2f}"


@dataclass(frozen=True)
class Assumption:
    code: str
    value: str | None = None


@dataclass(frozen=True)
class MissingRule:
    payer: str  # basic | critical_illness | supplementary
    city: str
    scheme: str
    care: str
    responsibility: str | None = None
    needs: str | None = None  # the missing rule this one depends on, when it has a rule of its own
    plan: str | None = None  # msgid of the supplementary plan, for responsibilities

    @property
    def code(self) -> str:
        parts = [self.payer, self.city, self.scheme, self.care] + ([self.responsibility] if self.responsibility else [])
        return "/".join(parts)


@dataclass(frozen=True)
class Before:
    """The same care under the basic rule's terms before it changed (衡阳慢性病门诊 before 2025-03-09)."""

    until: date  # the day the present terms began
    ratio: Decimal
    basic: Decimal
    self_pay: Decimal

    @property
    def ratio_percent(self) -> str:
        return _percent(self.ratio)

    @property
    def self_pay_percent(self) -> str:
        return _percent(1 - self.ratio)


@dataclass(frozen=True)
class Estimate:
    request: EstimateRequest
    labels: dict[str, str]  # msgids naming the case: city, scheme, care, level
    lines: tuple[Line, ...]
    basic: Decimal
    self_pay: Decimal | None  # 自付; None when the basic rule is missing
    critical_illness: Decimal
    supplementary: Decimal
    reimbursed: Decimal
    out_of_pocket: Decimal
    total: Decimal
    assumptions: tuple[Assumption, ...]
    missing_rules: tuple[MissingRule, ...]
    before: Before | None = None
    not_enrolled: str | None = None  # the plan (msgid) that would pay here, had the resident joined it
    other_costs: Decimal = ZERO  # of the whole bill told, what is neither in the list nor a drug outside it: no one pays it

    def figures(self) -> set[Decimal]:
        """Every amount the result shows: the totals, and each line's amount, base, deductible and cap."""
        shown = {self.basic, self.self_pay, self.critical_illness, self.supplementary, self.reimbursed, self.out_of_pocket, self.total}
        for line in self.lines:
            shown |= {line.amount, line.base, line.deductible, line.cap_left}
        return {value for value in shown if value is not None}

    def to_json(self) -> dict:
        def text(value: Decimal | None) -> str | None:
            return None if value is None else f"{value:.2f}"

        return {
            "city": self.request.city,
            "scheme": self.request.scheme,
            "care": self.request.care,
            "level": self.request.level,
            "total": text(self.total),
            "basic": text(self.basic),
            "self_pay": text(self.self_pay),
            "critical_illness": text(self.critical_illness),
            "supplementary": text(self.supplementary),
            "reimbursed": text(self.reimbursed),
            "out_of_pocket": text(self.out_of_pocket),
            "lines": [
                {
                    "payer": line.payer,
                    "responsibility": line.responsibility,
                    "name": line.name,
                    "amount": text(line.amount),
                    "base": text(line.base),
                    "deductible": text(line.deductible),
                    "ratio": str(line.ratio),
                    "cap_left": text(line.cap_left),
                    "capped": line.capped,
                    "rule": line.rule,
                    "formula": line.formula,
                    "source": {"doc": line.source.doc, "section": line.source.section},
                    "year": line.year,
                }
                for line in self.lines
            ],
            "assumptions": [{"code": a.code, "value": a.value} for a in self.assumptions],
            "missing_rules": [
                {"code": m.code, "payer": m.payer, "city": m.city, "scheme": m.scheme, "care": m.care,
                 "responsibility": m.responsibility, "needs": m.needs, "plan": m.plan}
                for m in self.missing_rules
            ],
        }


@dataclass
class _Work:
    """Running state of one estimate: lines, assumptions and gaps found on the way."""

    request: EstimateRequest
    lines: list[Line] = field(default_factory=list)
    assumptions: list[Assumption] = field(default_factory=list)
    missing: list[MissingRule] = field(default_factory=list)
    before: Before | None = None
    not_enrolled: str | None = None

    def assume(self, code: str, value: object = None) -> None:
        item = Assumption(code, None if value is None else str(value))
        if item not in self.assumptions:
            self.assumptions.append(item)

    def lack(self, payer: str, responsibility: str | None = None, needs: str | None = None, plan: str | None = None) -> None:
        r = self.request
        self.missing.append(MissingRule(payer, r.city, r.scheme, r.care, responsibility, needs, plan))


def estimate(request: EstimateRequest, rules: RuleBook) -> Estimate:
    _check(request)
    untold_out_of_list = request.out_of_list is None
    if untold_out_of_list:
        request = replace(request, out_of_list=ZERO)
    work = _Work(request)
    if untold_out_of_list:
        work.assume("assumed_no_out_of_list")
    basic_rule = rules.basic_rule(request.city, request.scheme, request.care)
    basic = _basic(work, basic_rule) if basic_rule else None
    if basic_rule is None and request.in_scope > 0:
        work.lack("basic")
    self_pay = money(request.in_scope - basic) if basic is not None else None

    critical_rule = rules.critical_illness_rule(request.city, request.scheme, request.care)
    critical = None
    if critical_rule is None:
        not_applied = rules.critical_illness_not_applied(request.city, request.scheme, request.care)
        if not_applied is not None:  # the source names no kinds of care; this one is read as not covered: say so
            work.assume("critical_illness_not_for_care", rules.answers.label("care", not_applied.cares[0]))
        elif request.care in rules.critical_illness_cares() and request.in_scope > 0:
            work.lack("critical_illness")
    elif self_pay is None:
        work.lack("critical_illness", needs="basic")
    else:
        critical = _critical_illness(work, critical_rule, self_pay)
        if not critical_rule.cares_stated:  # the source names no kinds of care: say which reading was used
            work.assume("critical_illness_cares_not_in_source", request.care)

    supplementary = _supplementary(work, rules, critical_rule, self_pay, critical)

    total = money(request.in_scope + request.out_of_list + request.special_drug)
    # 总共花了8万，医保范围内6万, no drugs outside the list: the other 2万 is the resident's too
    other_costs = money(request.total_told - total) if request.total_told is not None and request.total_told > total else ZERO
    total = money(total + other_costs)
    basic_paid = basic or ZERO
    critical_paid = critical or ZERO
    reimbursed = money(basic_paid + critical_paid + supplementary)
    if work.missing:
        work.assume("missing_rules_counted_as_zero")
    return Estimate(
        request=request,
        labels=_labels(request, rules),
        lines=tuple(work.lines),
        basic=money(basic_paid),
        self_pay=self_pay,
        critical_illness=money(critical_paid),
        supplementary=money(supplementary),
        reimbursed=reimbursed,
        out_of_pocket=money(total - reimbursed),
        total=total,
        assumptions=tuple(work.assumptions),
        missing_rules=tuple(work.missing),
        before=work.before,
        not_enrolled=work.not_enrolled,
        other_costs=other_costs,
    )


def _check(request: EstimateRequest) -> None:
    if request.scheme not in SCHEMES:
        raise RequestError("unknown_scheme", f"unknown scheme {request.scheme!r}; use one of {', '.join(SCHEMES)}")
    if request.care not in CARES:
        raise RequestError("unknown_care", f"unknown care {request.care!r}; use one of {', '.join(CARES)}")
    for name in ("in_scope", "out_of_list", "special_drug", "deductible_used", "fund_paid_this_year", "total_told"):
        value = getattr(request, name)
        if value is not None and value < 0:
            raise RequestError("negative_amount", f"{name} must not be negative", field=name)


def _basic(work: _Work, rule: BasicRule) -> Decimal | None:
    request = work.request
    if rule.levels is not None:
        if request.level is None:
            raise RequestError("level_required", f"{rule.id} depends on the hospital level; give one of {', '.join(map(str, sorted(rule.levels)))}", levels=sorted(rule.levels))
        if request.level not in rule.levels:
            raise RequestError("unknown_level", f"{rule.id} has no level {request.level}; use one of {', '.join(map(str, sorted(rule.levels)))}", levels=sorted(rule.levels))
        terms = rule.levels[request.level]
    else:
        terms = rule.terms
    if request.in_scope <= 0:
        return ZERO
    _validity(work, rule)

    ratio = terms.ratio
    if terms.in_city_bonus > 0:
        if request.in_quzhou is None:
            work.assume("assumed_in_city", request.city)
        if request.in_quzhou is not False:
            ratio = min(Decimal(1), ratio + terms.in_city_bonus)

    due = _deductible_due(work, rule, terms.deductible)
    raw = money(max(ZERO, request.in_scope - due) * ratio)
    amount, cap_left, cap = _apply_cap(work, raw, rule.yearly_cap, request.fund_paid_this_year, "basic")
    if rule.before is not None:
        earlier = money(max(ZERO, request.in_scope - due) * rule.before.ratio)
        if cap_left is not None:
            earlier = min(earlier, cap_left)
        work.before = Before(rule.valid_from, rule.before.ratio, earlier, money(request.in_scope - earlier))
    work.lines.append(Line(
        payer="basic", responsibility=None, name=None, plan=None, amount=amount,
        base_kind="in_scope", base=money(request.in_scope), deductible=money(due), ratio=ratio,
        cap_left=cap_left, capped=amount < raw, rule=rule.id, source=rule.source, year=rule.year, cap=cap,
    ))
    return amount


def _deductible_due(work: _Work, rule: BasicRule, deductible: Decimal | None) -> Decimal:
    """起付线 still to pay this year, after what was already paid (Hengyang: all levels together at most a total)."""
    if deductible is None:
        work.assume("deductible_not_in_rules", rule.id)
        return ZERO
    if deductible == 0:
        return ZERO
    used = work.request.deductible_used
    if used is None:
        work.assume("assumed_no_deductible_used")
        used = ZERO
    if rule.deductible_year_total is not None:
        return min(deductible, max(ZERO, rule.deductible_year_total - used))
    # Without a yearly total the deductible is per level and year; what was paid counts against it.
    return max(ZERO, deductible - used)


def _apply_cap(work: _Work, raw: Decimal, cap: Cap, already_paid: Decimal | None, payer: str) -> tuple[Decimal, Decimal | None, Decimal | None]:
    """(amount after the yearly cap, what was left of the cap, the cap; both None when no cap applied). A cap only
    matters when something is paid."""
    if raw <= 0 or cap == "unlimited":
        return raw, None, None
    if cap is None:
        work.assume("cap_not_in_rules", payer)
        return raw, None, None
    if already_paid is None:
        work.assume(f"assumed_no_{payer}_paid_this_year")
        already_paid = ZERO
    left = money(max(ZERO, cap - already_paid))
    return min(raw, left), left, money(cap)


def _validity(work: _Work, rule) -> None:
    if rule.valid_from is not None:
        work.assume("assumed_care_on_or_after", rule.valid_from.isoformat())


def _critical_illness(work: _Work, rule: CriticalIllnessRule, self_pay: Decimal) -> Decimal:
    request = work.request
    if self_pay <= 0:
        return ZERO
    _validity(work, rule)
    ratio, cap = rule.ratio, rule.yearly_cap
    if rule.hardship is not None:
        if request.hardship is None:
            work.assume("assumed_not_hardship")
        if request.hardship:
            ratio, cap = rule.hardship.ratio, rule.hardship.yearly_cap
    work.assume("assumed_first_self_pay_this_year")  # the threshold counts the whole year's 自付
    raw = money(max(ZERO, self_pay - rule.threshold) * ratio)
    amount, cap_left, cap = _apply_cap(work, raw, cap, None, "critical_illness")
    work.lines.append(Line(
        payer="critical_illness", responsibility=None, name=None, plan=None, amount=amount,
        base_kind="self_pay", base=self_pay, deductible=money(rule.threshold), ratio=ratio,
        cap_left=cap_left, capped=amount < raw, rule=rule.id, source=rule.source, year=rule.year,
        cap=cap,
    ))
    return amount


def _supplementary(work: _Work, rules: RuleBook, critical_rule: CriticalIllnessRule | None,
                   self_pay: Decimal | None, critical: Decimal | None) -> Decimal:
    request = work.request
    in_city = rules.supplementary_rules(request.city)
    if not in_city:
        if request.huiqubao:
            work.assume("no_supplementary_plan_in_city", request.city)
        return ZERO
    applicable = rules.supplementary_rules(request.city, request.scheme, request.care)
    if not applicable:
        return ZERO
    if request.huiqubao is None:
        work.assume("assumed_not_enrolled", applicable[0].plan)
    if request.huiqubao is False:
        work.not_enrolled = applicable[0].plan  # 惠衢保为啥没赔: the result says it was not joined
    if not request.huiqubao:
        return ZERO
    total = ZERO
    for rule in applicable:
        base = _supplementary_base(work, rule, critical_rule, self_pay, critical)
        if base is None:
            continue
        counted, gross, share = base
        if gross <= 0:  # shown all the same: an enrolled resident asks why it paid nothing
            work.lines.append(Line(
                payer="supplementary", responsibility=rule.responsibility, name=rule.name, plan=rule.plan, amount=ZERO,
                base_kind=rule.base, base=ZERO, deductible=money(rule.deductible), ratio=rule.ratio, cap_left=None,
                capped=False, rule=rule.id, source=rule.source, year=rule.year, gross=None, share=None,
            ))
            continue
        _validity(work, rule)
        work.assume("assumed_settled_with_basic_first", rule.plan)
        work.assume("assumed_no_supplementary_paid_this_year", rule.plan)
        raw = money(max(ZERO, counted - rule.deductible) * rule.ratio)
        amount, cap_left, cap = _apply_cap(work, raw, rule.cap, ZERO, "supplementary")
        work.lines.append(Line(
            payer="supplementary", responsibility=rule.responsibility, name=rule.name, plan=rule.plan, amount=amount,
            base_kind=rule.base, base=counted, deductible=money(rule.deductible), ratio=rule.ratio,
            cap_left=cap_left, capped=amount < raw, rule=rule.id, source=rule.source, year=rule.year,
            gross=gross if share is not None else None, share=share, cap=cap,
        ))
        total += amount
    return total


def _supplementary_base(work: _Work, rule: SupplementaryRule, critical_rule: CriticalIllnessRule | None,
                        self_pay: Decimal | None, critical: Decimal | None) -> tuple[Decimal, Decimal, Decimal | None] | None:
    """(counted base, cost before any outside-city share, the share applied or None); None when a rule it needs is missing."""
    request = work.request
    if rule.base == "critical_illness_remainder":
        if self_pay is None or critical_rule is None or critical is None:
            if request.in_scope > 0:
                work.lack("supplementary", rule.responsibility, "basic" if self_pay is None else "critical_illness", rule.plan)
            return None
        remainder = money(max(ZERO, self_pay - critical_rule.threshold) - critical)
        return remainder, remainder, None
    if rule.base == "special_drug":
        gross = money(request.special_drug)
        if gross > 0 and request.in_quzhou is not False:
            work.assume("assumed_designated_pharmacy_in_city", request.city)
    else:
        gross = money(request.out_of_list)
    if rule.outside_city_share < 1 and gross > 0:
        if request.in_quzhou is None and rule.base != "special_drug":  # (a special drug: the pharmacy assumed, above)
            work.assume("assumed_in_city", request.city)
        if request.in_quzhou is False:
            return money(gross * rule.outside_city_share), gross, rule.outside_city_share
    return gross, gross, None


def _labels(request: EstimateRequest, rules: RuleBook) -> dict[str, str]:
    words = rules.answers
    labels = {
        "city": words.label("city", request.city),
        "scheme": words.label("scheme", request.scheme),
        "care": words.label("care", request.care),
    }
    if request.level is not None:
        labels["level"] = words.label("level", request.level)
    if request.in_quzhou is False:  # where care was given decides what 惠衢保 counts: said in the result's heading
        labels["place"] = words.label("in_city", False)
    return labels


def _percent(ratio: Decimal) -> str:
    return f"{(ratio * 100).normalize():f}"
