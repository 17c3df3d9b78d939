"""``onestop screen`` and ``onestop catalogue`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from onestop.cli.main import app

runner = CliRunner()


def test_screen_text_and_json(tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(
        "jurisdiction: ca-ab\ndate: 2024-06-01\n"
        "unit: {no_money_for_food_today: true, emergency_cannot_wait: true}\n",
        encoding="utf-8",
    )
    text = runner.invoke(app, ["screen", str(case)])
    assert text.exit_code == 0, text.output
    assert "URGENT Emergency income support" in text.output
    as_json = runner.invoke(app, ["screen", str(case), "--format", "json", "--lang", "fr"])
    body = json.loads(as_json.output)
    assert body["lang"] == "fr" and body["results"][0]["program"] == "ab.emergency_income_support"


def test_screen_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text('{"jurisdiction": "ca-ab", "date": "2024-13-01"}', encoding="utf-8")
    result = runner.invoke(app, ["screen", str(case)])
    assert result.exit_code == 2
    assert "date" in result.output


def test_catalogue_commands() -> None:
    listing = runner.invoke(app, ["catalogue", "list", "ca-nl"])
    assert listing.exit_code == 0 and "nl.nlpdp.assurance" in listing.output
    shown = runner.invoke(app, ["catalogue", "show", "ca-ab", "ab.ppc"])
    assert "1-888-357-9339" in shown.output and "source: https://www.alberta.ca" in shown.output
    assert runner.invoke(app, ["catalogue", "check"]).exit_code == 0
    missing = runner.invoke(app, ["catalogue", "show", "ca-ab", "ab.nothing"])
    assert missing.exit_code == 2
