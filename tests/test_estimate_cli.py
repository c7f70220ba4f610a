"""`python -m bot estimate`: E1-E4 end to end, bad input as one line and exit code 2."""
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from bot.domain.estimate.reimburse import EstimateRequest, estimate
from bot.domain.estimate.rules import load_rules
from bot.views.render import Renderer
from tests.conftest import KNOWLEDGE, ROOT

PYTHON = ROOT / ".venv" / "bin" / "python"
PYTHON = str(PYTHON if PYTHON.exists() else sys.executable)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "bot", "estimate", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def run_json(*args: str) -> dict:
    result = run("--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


E1 = ["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "3",
      "--in-scope", "100000", "--out-of-list", "20000", "--huiqubao"]


def test_e1():
    data = run_json(*E1)
    assert data["basic"] == "64545.00"
    assert data["critical_illness"] == "12273.00"
    assert data["supplementary"] == "9091.00"
    assert data["reimbursed"] == "85909.00"
    assert data["out_of_pocket"] == "34091.00"
    assert data["total"] == "120000.00"
    assert [line["amount"] for line in data["lines"]] == ["64545.00", "12273.00", "4091.00", "5000.00"]
    assert all(line["source"]["doc"] and line["source"]["section"] and line["year"] for line in data["lines"])
    assert data["missing_rules"] == []
    assert "assumed_in_city" in [a["code"] for a in data["assumptions"]]  # the 目录外 share depends on it
    for key in ("basic", "critical_illness", "supplementary", "reimbursed", "out_of_pocket", "total", "lines", "assumptions", "missing_rules"):
        assert key in data


def test_e1_typed_the_way_people_type():
    data = run_json("--city", "衢州", "--scheme", "居民", "--care", "住院", "--level", "三级",
                    "--in-scope", "10万", "--out-of-list", "2万", "--huiqubao")
    assert data["reimbursed"] == "85909.00" and data["out_of_pocket"] == "34091.00"


def test_e2():
    data = run_json("--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "8,000")
    assert data["basic"] == "6930.00"
    assert data["critical_illness"] == "0.00"
    assert data["out_of_pocket"] == "1070.00"
    assert "assumed_in_city" in [a["code"] for a in data["assumptions"]]


def test_e3():
    data = run_json("--city", "quzhou", "--scheme", "employee", "--care", "outpatient", "--level", "2", "--in-scope", "3000元")
    assert data["basic"] == "1625.00" and data["out_of_pocket"] == "1375.00"


def test_e4():
    data = run_json("--city", "衡阳", "--scheme", "employee", "--care", "outpatient", "--level", "3",
                    "--in-scope", "1000", "--deductible-used", "100")
    assert data["basic"] == "480.00" and data["out_of_pocket"] == "520.00"


def test_out_of_city_hardship_and_fund_paid():
    data = run_json(*E1, "--out-of-city", "--hardship", "--fund-paid-this-year", "0", "--deductible-used", "0")
    assert data["critical_illness"] == "14318.50"
    second = [line for line in data["lines"] if line["responsibility"] == "2"][0]
    assert second["amount"] == "0.00"  # 20,000 outside Quzhou counts as 10,000, all under the 免赔额


def test_missing_rules_are_named_and_the_rest_computed():
    data = run_json("--city", "quzhou", "--scheme", "employee", "--care", "inpatient", "--in-scope", "5万", "--out-of-list", "3万", "--huiqubao")
    assert [m["code"] for m in data["missing_rules"]][:2] == ["basic/quzhou/employee/inpatient", "critical_illness/quzhou/employee/inpatient"]
    assert data["supplementary"] == "10000.00"


def test_text_output_in_chinese():
    result = run(*E1)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    for expected in ("64,545.00元", "12,273.00元", "85,909.00元", "34,091.00元", "个人负担", "惠衢保", "起付线", "报销比例",
                     "《最新衢州医保政策有哪些新变化和惠民措施？》", "2025年", "2021年", "估算"):
        assert expected in text, expected
    assert "<" not in text  # plain text for the console
    assert "001_9c9214e1b520ad4f.txt" not in text  # file names are for staff, titles for residents


@pytest.mark.parametrize("lang", ["zh-Hant", "en"])
def test_other_languages_render(lang):
    result = run(*E1, "--lang", lang)
    assert result.returncode == 0, result.stderr
    assert "85,909.00" in result.stdout


# --- bad input: exit 2, one line naming the problem ----------------------------------------

@pytest.mark.parametrize(("args", "named"), [
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "-100"], "--in-scope"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "很多钱"], "--in-scope"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "100", "--out-of-list", "1e9"], "--out-of-list"),
    (["--city", "atlantis", "--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "100"], "atlantis"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--in-scope", "100"], "level"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "5", "--in-scope", "100"], "level"),
    (["--city", "quzhou", "--scheme", "martian", "--care", "inpatient", "--level", "1", "--in-scope", "100"], "scheme"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "dentist", "--level", "1", "--in-scope", "100"], "care"),
    (["--scheme", "resident", "--care", "inpatient", "--level", "1", "--in-scope", "100"], "--city"),
    (["--city", "quzhou", "--scheme", "resident", "--care", "inpatient", "--level", "1"], "--in-scope"),
])
def test_bad_input(args, named):
    for extra in ([], ["--json"]):
        result = run(*extra, *args)
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert named in lines[0] and "Traceback" not in result.stderr


def test_broken_rules_exit_2_with_file_and_line(knowledge_copy: Path):
    path = knowledge_copy / "rules" / "quzhou.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ratio: 0.65", "ratio: 6.5"), encoding="utf-8")
    result = run(*E1, "--knowledge", str(knowledge_copy))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "rules/quzhou.yaml:" in lines[0] and "ratio" in lines[0]


def test_broken_faq_file_does_not_stop_the_estimate(knowledge_copy: Path):
    (knowledge_copy / "topics.yaml").write_text("version: 1\ntopics: [oops\n", encoding="utf-8")
    data = run_json(*E1, "--knowledge", str(knowledge_copy))
    assert data["reimbursed"] == "85909.00"


def test_missing_knowledge_directory(tmp_path: Path):
    result = run(*E1, "--knowledge", str(tmp_path / "nowhere"))
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1


def test_rules_changed_in_a_copy_change_the_cli_result(knowledge_copy: Path):
    path = knowledge_copy / "rules" / "quzhou.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("threshold: 15000", "threshold: 20000"), encoding="utf-8")
    data = run_json(*E1, "--knowledge", str(knowledge_copy))
    assert data["critical_illness"] == "9273.00"  # (35,455 - 20,000) x 60%


# --- the template, in process ----------------------------------------------------------------

def test_html_rendering_escapes_values(tmp_path: Path):
    rules, _ = load_rules(KNOWLEDGE / "rules", str)
    result = estimate(EstimateRequest("quzhou", "resident", "inpatient", level=3, in_quzhou=True, in_scope=Decimal(100000),
                                      out_of_list=Decimal(20000), huiqubao=True), rules)
    hostile = type(result)(**{**result.__dict__, "labels": {**result.labels, "city": "<b>衢州</b>"}})
    text = Renderer(tmp_path).render("estimate_result.j2", "zh", html=True, estimate=hostile)
    assert "&lt;b&gt;衢州&lt;/b&gt;" in text and "<b>" not in text
    assert "64,545.00元" in text and "以医保部门的正式结算为准" in text
