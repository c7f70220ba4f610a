"""The settlement chain on the shipped rules: the spec's worked examples E1-E4 and the edges around them."""
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.estimate.reimburse import EstimateRequest, RequestError, estimate
from bot.domain.estimate.rules import load_rules
from tests.conftest import KNOWLEDGE

RULES_DIR = KNOWLEDGE / "rules"
D = Decimal


@pytest.fixture(scope="module")
def rules():
    book, problems = load_rules(RULES_DIR, str)
    assert problems == []
    return book


def codes(result):
    return [item.code for item in result.assumptions]


def missing(result):
    return [item.code for item in result.missing_rules]


def line(result, payer, responsibility=None):
    found = [item for item in result.lines if item.payer == payer and item.responsibility == responsibility]
    assert len(found) == 1, result.lines
    return found[0]


E1 = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True,
                     in_scope=D(100000), out_of_list=D(20000), huiqubao=True)
E2 = EstimateRequest("quzhou", "resident", "inpatient", level=1, in_quzhou=True, in_scope=D(8000))
E3 = EstimateRequest("quzhou", "employee", "outpatient", level=2, in_scope=D(3000))
E4 = EstimateRequest("hengyang", "employee", "outpatient", level=3, in_scope=D(1000), deductible_used=D(100))


def test_e1_resident_inpatient_level3_with_huiqubao(rules):
    result = estimate(E1, rules)
    assert result.basic == D("64545.00")
    assert result.self_pay == D("35455.00")
    assert result.critical_illness == D("12273.00")
    assert line(result, "supplementary", "1").amount == D("4091.00")
    assert line(result, "supplementary", "2").amount == D("5000.00")
    assert result.supplementary == D("9091.00")
    assert result.reimbursed == D("85909.00")
    assert result.out_of_pocket == D("34091.00")
    assert result.total == D("120000.00")
    assert result.missing_rules == ()


def test_e1_lines_name_rule_source_and_year(rules):
    result = estimate(E1, rules)
    basic = line(result, "basic")
    assert (basic.base, basic.deductible, basic.ratio) == (D("100000.00"), D("700.00"), D("0.65"))
    assert basic.source.doc == "quzhou-policy-2025" and basic.source.document.year == basic.year == 2025
    assert basic.rule == "quzhou/basic/resident/inpatient"
    first = line(result, "supplementary", "1")
    assert first.base == D("8182.00") and first.source.doc == "huiqubao-2021" and first.year == 2021
    assert first.plan == "惠衢保" and first.name == "自付医疗费用"
    assert line(result, "critical_illness").source.section
    assert [item.payer for item in result.lines] == ["basic", "critical_illness", "supplementary", "supplementary"]


def test_e2_basic_level_inside_quzhou_gets_five_points(rules):
    result = estimate(E2, rules)
    basic = line(result, "basic")
    assert basic.ratio == D("0.90")
    assert result.basic == D("6930.00")
    assert result.self_pay == D("1070.00")
    assert result.critical_illness == D("0.00")
    assert line(result, "critical_illness").amount == D("0.00")  # 自付 under 15,000: shown, pays nothing
    assert result.out_of_pocket == D("1070.00")
    assert "assumed_not_enrolled" in codes(result)


def test_e3_employee_outpatient_level2(rules):
    result = estimate(E3, rules)
    assert result.basic == D("1625.00")
    assert result.out_of_pocket == D("1375.00")
    # The seeds give no 大病 rule for employees (and do not limit 大病 to hospital stays): reported, not guessed.
    assert [(m.payer, m.scheme) for m in result.missing_rules] == [("critical_illness", "employee")]
    assert [item.payer for item in result.lines] == ["basic"]  # 惠衢保 does not cover 普通门诊


def test_e4_hengyang_deductible_total_across_levels(rules):
    result = estimate(E4, rules)
    assert line(result, "basic").deductible == D("200.00")
    assert result.basic == D("480.00")
    assert result.out_of_pocket == D("520.00")
    assert "assumed_no_deductible_used" not in codes(result)
    assert "cap_not_in_rules" in codes(result)


# --- deductible already used ----------------------------------------------------------------

@pytest.mark.parametrize(("used", "expected"), [(None, "1625.00"), (0, "1625.00"), (200, "1755.00"), (500, "1950.00"), (900, "1950.00")])
def test_quzhou_deductible_used_counts_against_the_level_deductible(rules, used, expected):
    request = EstimateRequest("quzhou", "employee", "outpatient", level=2, in_scope=D(3000),
                              deductible_used=None if used is None else D(used))
    result = estimate(request, rules)
    assert result.basic == D(expected)
    assert ("assumed_no_deductible_used" in codes(result)) == (used is None)


@pytest.mark.parametrize(("level", "used", "expected"), [(2, 0, "480.00"), (2, 200, "540.00"), (3, 300, "600.00"), (1, 0, "700.00")])
def test_hengyang_deductibles_add_up_to_at_most_300(rules, level, used, expected):
    request = EstimateRequest("hengyang", "employee", "outpatient", level=level, in_scope=D(1000), deductible_used=D(used))
    assert estimate(request, rules).basic == D(expected)


def test_no_deductible_means_no_deductible_assumption(rules):
    request = EstimateRequest("hengyang", "employee", "outpatient", level=1, in_scope=D(1000))
    assert "assumed_no_deductible_used" not in codes(estimate(request, rules))


# --- caps ---------------------------------------------------------------------------------

def test_resident_outpatient_yearly_cap(rules):
    request = EstimateRequest("quzhou", "resident", "outpatient", level=1, in_scope=D(20000))
    result = estimate(request, rules)
    basic = line(result, "basic")
    assert basic.capped and basic.cap_left == D("4000.00")
    assert result.basic == D("4000.00")
    assert "assumed_no_basic_paid_this_year" in codes(result)
    assert "deductible_not_in_rules" in codes(result)  # seed gives no 起付线 here: none applied, and said so


@pytest.mark.parametrize(("paid", "expected"), [(0, "4000.00"), (3000, "1000.00"), (4000, "0.00"), (9000, "0.00")])
def test_fund_paid_this_year_reduces_what_is_left_of_the_cap(rules, paid, expected):
    request = EstimateRequest("quzhou", "resident", "outpatient", level=1, in_scope=D(20000), fund_paid_this_year=D(paid))
    result = estimate(request, rules)
    assert result.basic == D(expected)
    assert "assumed_no_basic_paid_this_year" not in codes(result)


def test_cap_not_reached_is_not_capped(rules):
    request = EstimateRequest("quzhou", "employee", "outpatient", level=1, in_scope=D(1000), fund_paid_this_year=D(7000))
    result = estimate(request, rules)
    assert result.basic == D("490.00") and not line(result, "basic").capped


def test_employee_outpatient_cap_8000(rules):
    request = EstimateRequest("quzhou", "employee", "outpatient", level=1, in_scope=D(50000), deductible_used=D(0), fund_paid_this_year=D(0))
    assert estimate(request, rules).basic == D("8000.00")


def test_special_disease_has_no_cap(rules):
    request = EstimateRequest("quzhou", "employee", "special-disease", in_scope=D(1000000))
    result = estimate(request, rules)
    assert result.basic == D("900000.00")
    assert not any(code.startswith(("cap_", "assumed_no_basic")) for code in codes(result))


def test_critical_illness_cap_400000(rules):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D(2000000), hardship=False)
    result = estimate(request, rules)
    assert result.self_pay == D("700455.00")
    critical = line(result, "critical_illness")
    assert critical.capped and result.critical_illness == D("400000.00")


# --- hardship -----------------------------------------------------------------------------

def test_hardship_70_percent_without_cap(rules):
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D(2000000), hardship=True)
    result = estimate(request, rules)
    assert result.critical_illness == D("479818.50")  # (700,455 - 15,000) x 70%, no cap
    assert line(result, "critical_illness").ratio == D("0.70")


def test_hardship_in_e1(rules):
    result = estimate(EstimateRequest(**{**E1.__dict__, "hardship": True}), rules)
    assert result.critical_illness == D("14318.50")  # 20,455 x 70%
    assert line(result, "supplementary", "1").amount == D("3068.25")  # (20,455 - 14,318.50) x 50%
    assert "assumed_not_hardship" not in codes(result)


def test_hardship_unknown_is_an_assumption(rules):
    assert "assumed_not_hardship" in codes(estimate(E1, rules))


# --- outside Quzhou -----------------------------------------------------------------------

def test_outside_quzhou_out_of_list_counts_at_half(rules):
    request = EstimateRequest(**{**E1.__dict__, "in_quzhou": False, "out_of_list": D(40000)})
    result = estimate(request, rules)
    second = line(result, "supplementary", "2")
    assert second.gross == D("40000.00") and second.share == D("0.50") and second.base == D("20000.00")
    assert second.amount == D("5000.00")  # (40,000 x 50% - 10,000) x 50%


def test_outside_quzhou_e1_out_of_list_falls_under_deductible(rules):
    result = estimate(EstimateRequest(**{**E1.__dict__, "in_quzhou": False}), rules)
    assert line(result, "supplementary", "2").amount == D("0.00")


def test_outside_quzhou_no_basic_level_bonus(rules):
    result = estimate(EstimateRequest(**{**E2.__dict__, "in_quzhou": False}), rules)
    assert result.basic == D("6545.00")  # (8,000 - 300) x 85%


def test_location_unknown_is_assumed_inside(rules):
    result = estimate(EstimateRequest(**{**E2.__dict__, "in_quzhou": None}), rules)
    assert result.basic == D("6930.00")
    assert "assumed_in_city" in codes(result)


# --- 惠衢保 enrolment ------------------------------------------------------------------------

def test_not_enrolled_gets_no_huiqubao(rules):
    result = estimate(EstimateRequest(**{**E1.__dict__, "huiqubao": False}), rules)
    assert result.supplementary == D("0.00")
    assert not [item for item in result.lines if item.payer == "supplementary"]
    assert result.reimbursed == D("76818.00")
    assert result.out_of_pocket == D("43182.00")
    assert "assumed_not_enrolled" not in codes(result)


def test_enrolment_unknown_is_assumed_not_enrolled(rules):
    result = estimate(EstimateRequest(**{**E1.__dict__, "huiqubao": None}), rules)
    assert result.supplementary == D("0.00")
    assert "assumed_not_enrolled" in codes(result)


def test_special_drug_responsibility_three(rules):
    request = EstimateRequest("quzhou", "resident", "special-drug", special_drug=D(25000), huiqubao=True)
    result = estimate(request, rules)
    assert line(result, "supplementary", "3").amount == D("10000.00")
    assert result.out_of_pocket == D("15000.00")
    assert result.missing_rules == ()  # the listed drugs are 自费: no basic rule is expected
    assert "assumed_designated_pharmacy_in_city" in codes(result)


def test_special_drugs_bought_outside_the_city_are_not_paid_and_the_plan_not_joined_is_said(rules):
    request = EstimateRequest("quzhou", "resident", "special-drug", special_drug=D(30000), huiqubao=True, in_quzhou=False)
    result = estimate(request, rules)
    assert line(result, "supplementary", "3").amount == D("0.00") and line(result, "supplementary", "3").share == D(0)
    assert "assumed_designated_pharmacy_in_city" not in codes(result)
    not_joined = estimate(EstimateRequest("quzhou", "resident", "special-drug", special_drug=D(30000), huiqubao=False), rules)
    assert not_joined.not_enrolled == "惠衢保" and not_joined.reimbursed == D("0.00")


def test_a_total_told_beyond_the_costs_asked_is_the_residents_to_pay(rules):
    # 总共花了8万，医保范围内6万, no drugs outside the list: the other 2万 is no one's to reimburse
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D(60000), hardship=False,
                              huiqubao=True, total_told=D(80000))
    result = estimate(request, rules)
    assert result.other_costs == D("20000.00") and result.total == D("80000.00")
    assert result.reimbursed == D("43709.00") and result.out_of_pocket == D("36291.00")


def test_huiqubao_is_only_for_quzhou(rules):
    request = EstimateRequest("hengyang", "employee", "outpatient", level=3, in_scope=D(1000), huiqubao=True)
    result = estimate(request, rules)
    assert result.supplementary == D("0.00")
    assert "no_supplementary_plan_in_city" in codes(result)


# --- missing rules ------------------------------------------------------------------------

def test_quzhou_employee_inpatient_names_missing_rules_and_computes_the_rest(rules):
    request = EstimateRequest("quzhou", "employee", "inpatient", in_quzhou=True, in_scope=D(50000), out_of_list=D(30000), huiqubao=True)
    result = estimate(request, rules)
    assert missing(result) == ["basic/quzhou/employee/inpatient", "critical_illness/quzhou/employee/inpatient",
                               "supplementary/quzhou/employee/inpatient/1"]
    assert result.missing_rules[2].needs == "basic"
    assert result.basic == D("0.00") and result.self_pay is None
    assert line(result, "supplementary", "2").amount == D("10000.00")
    assert result.out_of_pocket == D("70000.00")
    assert "missing_rules_counted_as_zero" in codes(result)


def test_employee_special_disease_huiqubao_one_needs_a_critical_illness_rule(rules):
    request = EstimateRequest("quzhou", "employee", "special-disease", in_quzhou=True, in_scope=D(100000), huiqubao=True)
    result = estimate(request, rules)
    assert result.basic == D("90000.00")
    assert missing(result) == ["supplementary/quzhou/employee/special-disease/1"]
    assert result.missing_rules[0].needs == "critical_illness"


@pytest.mark.parametrize("city", ["heihe", "beijing"])
def test_city_without_rules(rules, city):
    result = estimate(EstimateRequest(city, "resident", "inpatient", level=1, in_scope=D(10000)), rules)
    assert missing(result) == [f"basic/{city}/resident/inpatient", f"critical_illness/{city}/resident/inpatient"]
    assert result.reimbursed == D("0.00") and result.out_of_pocket == D("10000.00")


def test_hengyang_resident_has_no_basic_rule(rules):
    result = estimate(EstimateRequest("hengyang", "resident", "outpatient", level=1, in_scope=D(1000)), rules)
    assert missing(result) == ["basic/hengyang/resident/outpatient", "critical_illness/hengyang/resident/outpatient"]


def test_hengyang_chronic_90_percent_from_2025_03_09(rules):
    result = estimate(EstimateRequest("hengyang", "employee", "chronic", in_scope=D(1000)), rules)
    assert result.basic == D("900.00")
    assert ("assumed_care_on_or_after", "2025-03-09") in [(a.code, a.value) for a in result.assumptions]


def test_quzhou_chronic_75_percent(rules):
    assert estimate(EstimateRequest("quzhou", "employee", "chronic", in_scope=D(1000)), rules).basic == D("750.00")


# --- bad requests ---------------------------------------------------------------------------

def test_level_required_where_the_rule_depends_on_it(rules):
    with pytest.raises(RequestError) as caught:
        estimate(EstimateRequest("quzhou", "resident", "inpatient", in_scope=D(1000)), rules)
    assert caught.value.code == "level_required"


def test_level_not_needed_where_the_rule_does_not_depend_on_it(rules):
    assert estimate(EstimateRequest("quzhou", "employee", "chronic", in_scope=D(1000)), rules).basic == D("750.00")


@pytest.mark.parametrize(("changes", "code"), [
    ({"level": 4}, "unknown_level"),
    ({"in_scope": D(-1)}, "negative_amount"),
    ({"deductible_used": D(-1)}, "negative_amount"),
    ({"scheme": "farmer"}, "unknown_scheme"),
    ({"care": "dental"}, "unknown_care"),
])
def test_bad_requests(rules, changes, code):
    with pytest.raises(RequestError) as caught:
        estimate(EstimateRequest(**{**E3.__dict__, **changes}), rules)
    assert caught.value.code == code


# --- arithmetic -----------------------------------------------------------------------------

def test_every_line_rounds_half_up(rules):
    # 0.01 x 65% = 0.0065: half-up gives 0.01 where banker's rounding would give 0.00
    request = EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D("700.01"))
    assert estimate(request, rules).basic == D("0.01")


def test_json_amounts_are_strings_with_two_decimals(rules):
    data = estimate(E1, rules).to_json()
    for key in ("basic", "critical_illness", "supplementary", "reimbursed", "out_of_pocket", "total"):
        assert isinstance(data[key], str) and data[key].split(".")[1].__len__() == 2
    assert data["reimbursed"] == "85909.00"
    assert data["lines"][0]["source"] == {"doc": "quzhou-policy-2025", "section": line(estimate(E1, rules), "basic").source.section}
    assert data["missing_rules"] == []


# --- the numbers live in YAML -------------------------------------------------------------

def test_changing_a_rate_in_the_yaml_changes_the_estimate(tmp_path: Path):
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    path = copy / "quzhou.yaml"
    text = path.read_text(encoding="utf-8")
    assert "3: {deductible: 700, ratio: 0.65}" in text
    path.write_text(text.replace("3: {deductible: 700, ratio: 0.65}", "3: {deductible: 1000, ratio: 0.70}"), encoding="utf-8")
    book, problems = load_rules(copy, str)
    assert problems == []
    assert estimate(E1, book).basic == D("69300.00")  # (100,000 - 1,000) x 70%


def test_changing_the_huiqubao_deductible_changes_the_estimate(tmp_path: Path):
    copy = tmp_path / "rules"
    shutil.copytree(RULES_DIR, copy)
    path = copy / "huiqubao.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("deductible: 10000", "deductible: 12000"), encoding="utf-8")
    book, _ = load_rules(copy, str)
    assert line(estimate(E1, book), "supplementary", "2").amount == D("4000.00")


def test_critical_illness_scope_the_source_does_not_state_is_shown(rules):
    """Quzhou's source names no kinds of care for 大病保险: as reimbursement-model.md (step 3), applied to
    住院 only, and said so; 普通门诊 gets none, and that is said too (no missing rule)."""
    result = estimate(EstimateRequest("quzhou", "resident", "outpatient", level=1, in_scope=D(50000)), rules)
    assert result.critical_illness in (None, D("0.00")) and result.out_of_pocket == D("46000.00")
    assert ("critical_illness_not_for_care", "住院") in [(a.code, a.value) for a in result.assumptions]
    assert result.missing_rules == ()
    inpatient = estimate(EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=D(100000)), rules)
    assert ("critical_illness_cares_not_in_source", "inpatient") in [(a.code, a.value) for a in inpatient.assumptions]



def test_a_rule_whose_terms_changed_says_what_the_same_care_cost_before(rules):
    # 衡阳慢性病门诊: the fund pays 90% since 2025-03-09 (自付 10%), 80% before (自付 20%): the source's own example
    result = estimate(EstimateRequest("hengyang", "employee", "chronic", in_scope=D(2000)), rules)
    assert result.basic == D("1800.00") and result.self_pay == D("200.00")
    assert (result.before.basic, result.before.self_pay, str(result.before.until)) == (D("1600.00"), D("400.00"), "2025-03-09")
    # …and a rule that never changed says nothing of before
    assert estimate(EstimateRequest("hengyang", "employee", "outpatient", level=1, in_scope=D(1000)), rules).before is None
