"""``onestop cases`` through Typer's runner, against the test container (acting as the system "cli")."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from onestop import registry
from onestop.bootstrap import Container
from onestop.cases import plans
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.registry.schemas import ConsentCreate
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import SYSTEM


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, ["cases", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_log_then_daily_statistics(cli: CliRunner, team: Team, person: uuid.UUID) -> None:
    out = _run(
        cli, "log", "--channel", "phone", "--reason", "documents", "--person", str(person), "--duration", "60"
    )
    assert out.startswith("logged interaction ")
    text = _run(cli, "stats", "--date", "2026-03-02", "--tz", "UTC")
    assert "2026-03-02 (UTC): 1 interactions, average 60 s" in text
    assert "reason  documents" in text
    data = json.loads(_run(cli, "stats", "--date", "2026-03-02", "--office", team.office.code, "--json"))
    assert data["total"] == 0  # logged by the CLI, which has no office
    assert data["tz"] == "America/Edmonton"


def test_errors_are_one_line_and_exit_2(cli: CliRunner) -> None:
    result = cli.invoke(app, ["cases", "stats", "--date", "yesterday"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: date:")
    bad = cli.invoke(app, ["cases", "log", "--channel", "pigeon", "--reason", "documents"])
    assert (bad.exit_code, bad.output.strip()) == (
        2,
        "error: channel: must be one of: walk_in, phone, email, web, mail, outreach",
    )


def test_reason_codes(cli: CliRunner) -> None:
    assert "Documents / Documents" in _run(cli, "reasons", "list")
    _run(cli, "reasons", "define", "tax_clinic", "--en", "Tax clinic", "--fr", "Clinique d'impôt")
    assert "tax_clinic" in _run(cli, "reasons", "list")


def test_tasks_caseload_and_reassignment(
    cli: CliRunner, container: Container, team: Team, person: uuid.UUID
) -> None:
    from onestop.cases import tasks

    tasks.assign_primary_worker(
        container.uow(),
        actor=team.officer.actor,
        person_id=person,
        data=tasks.CaseloadAssign(staff_id=team.officer.id),
    )
    tasks.create_task(
        container.uow(),
        actor=team.officer.actor,
        data=tasks.TaskCreate(title="Call back", due_on=container.clock.today(), person_id=person),
    )
    officer, colleague = team.officer.staff.username, team.colleague.staff.username
    assert "Call back" in _run(cli, "tasks", "--officer", officer, "--view", "due_today")
    assert str(person) in _run(cli, "caseload", "--officer", officer)
    assert _run(cli, "reassign", "--from", officer, "--to", colleague, "--reason", "leave").strip() == (
        "moved 1 people and 1 open tasks"
    )
    assert "no people" in _run(cli, "caseload", "--officer", officer)


def test_refer_print_upload_download_and_360(
    cli: CliRunner, container: Container, team: Team, person: uuid.UUID, tmp_path: Path
) -> None:
    registry.record_consent(
        container.uow(), actor=SYSTEM, person_id=person, data=ConsentCreate(recipient="ext.ei", purpose="EI")
    )
    out = _run(
        cli,
        "refer",
        "--person",
        str(person),
        "--target",
        "ext.ei",
        "--name",
        "EI",
        "--reason",
        "job loss",
        "--share",
        "income",
        "--follow-up",
        team.officer.staff.username,
    )
    assert "sent to ext.ei" in out
    plan = plans.create_plan(
        container.uow(),
        actor=team.officer.actor,
        data=plans.PlanCreate(person_id=person, title="Work", goals=[plans.GoalIn(text="Find work")]),
    )
    pdf = tmp_path / "plan.pdf"
    _run(cli, "print-plan", str(plan.id), "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    scan = tmp_path / "id.pdf"
    scan.write_bytes(b"%PDF-1.4\n%%EOF\n")
    doc_id = _run(cli, "upload", "--person", str(person), "--type", "identity", "--file", str(scan)).split()[
        1
    ]
    back = tmp_path / "back.pdf"
    _run(cli, "download", doc_id, "--out", str(back), "--purpose", "client asked for a copy")
    assert back.read_bytes() == scan.read_bytes()
    view = json.loads(_run(cli, "360", str(person), "--recent", "5"))
    assert (len(view["referrals"]), len(view["plans"]), len(view["documents"])) == (1, 1, 1)
