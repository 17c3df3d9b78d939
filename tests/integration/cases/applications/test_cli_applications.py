"""``onestop cases`` (its applications commands) through Typer's runner, against the test container:
the whole path from a screening interview to a decision and its review, and bad input as one line
with exit status 2."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.cases.applications.builders import make_unit, verified_document
from tests.integration.cases.factories import SYSTEM


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    """A CLI runner whose commands use the test container."""
    set_container(container)
    yield CliRunner()
    set_container(None)


def _ok(cli: CliRunner, *args: str) -> str:
    run = cli.invoke(app, ["cases", *args])
    assert run.exit_code == 0, run.output
    return run.output


def test_from_interview_to_decision_and_review(
    cli: CliRunner, container: Container, person: uuid.UUID
) -> None:
    interview = json.loads(
        _ok(
            cli,
            "screen-start",
            "ca-ab",
            "--answer",
            "people[p1].role=applicant",
            "--answer",
            "unit.liquid_assets=0",
            "--person",
            str(person),
        )
    )
    assert interview["person_id"] == str(person)
    more = json.loads(_ok(cli, "screen-answer", interview["id"], "--answer", "unit.housing=private"))
    assert [s["seq"] for s in more["steps"]] == [0, 1]
    assert json.loads(_ok(cli, "screen-show", interview["id"]))["answers"]["unit.housing"] == "private"
    unit = make_unit(container, person)
    application = json.loads(
        _ok(
            cli,
            "apply",
            "--program",
            "ab.income_support",
            "--unit",
            str(unit),
            "--screening",
            interview["id"],
        )
    )
    app_id = application["id"]
    listing = _ok(cli, "checklist", app_id, "--lang", "fr")
    assert "[ missing] Relevés bancaires" in listing and "Apportez" in listing
    docs = {
        t: verified_document(container, SYSTEM, person, t)
        for t in ("income_proof", "bank_statement", "lease_rent_receipt")
    }
    for pair, doc in [
        ("unit.liquid_assets=0.00", docs["bank_statement"]),
        ("unit.housing=private", docs["lease_rent_receipt"]),
        (f"people[{person}].monthly_net_employment_income=0", docs["income_proof"]),
        (f"people[{person}].monthly_other_income=0", docs["income_proof"]),
    ]:
        assert json.loads(_ok(cli, "fact", app_id, pair, "--document", str(doc)))["verified"] is True
    _ok(cli, "fact", app_id, "unit.client_type=expected_to_work")
    assessment = json.loads(_ok(cli, "assess", app_id))
    assert (assessment["status"], assessment["monthly_amount"]) == ("eligible", "824.00")
    decided = _ok(cli, "decide", app_id, "--lang", "fr")
    assert "ADMISSIBLE (accordée)" in decided and "Montant mensuel: 824,00 $" in decided
    decision_id = decided.split()[1]
    assert "ELIGIBLE (granted)" in _ok(cli, "decision", decision_id)
    assert _ok(cli, "reviews-due").startswith("0 review(s) now due")
    container.clock.advance(dt.timedelta(days=365))
    due = _ok(cli, "reviews-due")
    assert due.startswith("1 review(s) now due")
    review_id = due.splitlines()[1].split()[0]
    outcome = json.loads(_ok(cli, "conduct-review", review_id))
    assert (outcome["review"]["result"], outcome["decision"]["monthly_amount"]) == ("continue", "824.00")


def test_bad_input_is_one_line_and_exit_2(cli: CliRunner, container: Container, person: uuid.UUID) -> None:
    for args in (
        ["screen-start", "ca-zz"],
        ["screen-start", "ca-ab", "--answer", "unit.housing"],
        ["screen-start", "ca-ab", "--answer", "unit.housing=castle"],
        ["apply", "--program", "ab.nope", "--unit", str(uuid.uuid4())],
        ["apply", "--program", "ab.income_support", "--unit", "not-an-id"],
        ["decide", str(uuid.uuid4()), "--override", "maybe"],
        ["decision", str(uuid.uuid4())],
        ["appeal", str(uuid.uuid4()), "--grounds", "unfair"],
    ):
        run = cli.invoke(app, ["cases", *args])
        assert run.exit_code == 2, (args, run.output)
        assert run.output.count("\n") == 1 and "error:" in run.output, run.output
