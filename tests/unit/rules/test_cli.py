"""``onestop evaluate`` and ``onestop rules list/show/test`` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onestop.cli.main import app
from tests.unit.rules.conftest import ISB_PACK

CASE = """jurisdiction: ca-ab
date: 2024-06-01
people:
  - {id: p1, role: applicant, birth_date: 1985-04-02,
     monthly_net_employment_income: "500.00", monthly_other_income: 0}
unit: {client_type: expected_to_work, housing: private, monthly_shelter_cost: 900.00, liquid_assets: "0.00"}
"""


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_evaluate_json_follows_case_format(case_file: Path) -> None:
    code, out, _ = run("evaluate", str(case_file), "--format", "json")
    assert code == 0
    body = json.loads(out)
    assert body["date"] == "2024-06-01" and body["rules_version"].startswith("sha256:")
    result = body["results"][0]
    assert (result["program"], result["status"], result["monthly_amount"]) == (
        "ab.income_support",
        "eligible",
        "621.50",
    )
    assert result["amounts"]["non_exempt_income"] == "202.50"
    assert result["missing"] == []


def test_evaluate_text_in_french(case_file: Path) -> None:
    code, out, _ = run(
        "evaluate", str(case_file), "--format", "text", "--lang", "fr", "--program", "ab.income_support"
    )
    assert code == 0
    assert "ADMISSIBLE" in out and "621,50 $" in out and "actifs liquides sous la limite" in out


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("jurisdiction: ca-ab", "jurisdiction: xx"), "error: jurisdiction: no rule pack for 'xx'"),
        (("date: 2024-06-01", "date: 2024-06-31"), "error: date: is not a date"),
        (
            ("date: 2024-06-01", "date: 2019-06-01"),
            "error: ab.income_support.core_essential: no value in force",
        ),
        (
            ('"500.00"', '"500.001"'),
            "error: people[p1].monthly_net_employment_income: has a fraction of a cent",
        ),
        (("housing: private", "housing: castle"), "error: unit.housing: is not a valid value"),
        (("role: applicant", "role: applicant, shoe_size: 9"), "error: people[p1].shoe_size: unknown field"),
    ],
)
def test_bad_input_exits_2_naming_the_field(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(CASE.replace(*change), encoding="utf-8")
    code, out, err = run("evaluate", str(path))
    assert code == 2
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
    assert out == ""


def test_unknown_program_exits_2(case_file: Path) -> None:
    code, _, err = run("evaluate", str(case_file), "--program", "ab.unicorns")
    assert code == 2 and "program: unknown program 'ab.unicorns'" in err


def test_rules_list_and_show() -> None:
    code, out, _ = run("rules", "list")
    assert code == 0 and "ca-ab" in out and "ab.income_support" in out and "sha256:" in out
    code, out, _ = run("rules", "show", "ab.income_support", "--date", "2024-06-01")
    assert code == 0
    assert "[single_adult][0][expected_to_work] = 459.00" in out
    assert "[couple] = null (gap" in out
    assert "http://www.humanservices.alberta.ca/AWOnline/IS/4849.html" in out
    assert "liquid assets within limit" in out


def test_rules_test_passes_and_summarises() -> None:
    code, out, _ = run("rules", "test", "ca-ab")
    assert code == 0 and out.strip().splitlines()[-1].endswith("passed, 0 failed")
    code, out, _ = run("rules", "test", str(ISB_PACK))
    assert code == 0 and "isb: 7 passed, 0 failed" in out


def test_rules_test_fails_with_exit_1(tmp_path: Path) -> None:
    import shutil

    pack = tmp_path / "isb_copy"
    shutil.copytree(ISB_PACK, pack, ignore=shutil.ignore_patterns("__pycache__"))
    tests = pack / "benefit" / "tests" / "isb.yaml"
    tests.write_text(
        tests.read_text(encoding="utf-8").replace("monthly_amount: 650", "monthly_amount: 651", 1),
        encoding="utf-8",
    )
    code, out, _ = run("rules", "test", str(pack))
    assert code == 1
    assert "FAILED isb.benefit/isb/1" in out and "expected 651, got 650.00" in out
    assert out.strip().splitlines()[-1] == "isb: 6 passed, 1 failed"
