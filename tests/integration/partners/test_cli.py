"""``onestop partners`` and ``onestop inquiries`` through Typer's runner, acting as the system "cli"."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import partners
from onestop.bootstrap import Container
from onestop.cases import tasks
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.cases.conftest import Team


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_a_project_from_the_shell(cli: CliRunner, container: Container, team: Team) -> None:
    made = cli.invoke(app, ["partners", "sponsor-add", "Harbour Youth Works", "--contact", "Ann Roil"])
    assert made.exit_code == 0, made.output
    sponsor = json.loads(made.output)["id"]
    args = [
        "partners",
        "propose",
        sponsor,
        "--title",
        "Boat building",
        "--activities",
        "Wooden dories",
        "--participants",
        "4",
        "--funding",
        "30000.00",
        "--starts-on",
        "2026-02-02",
        "--ends-on",
        "2026-06-30",
    ]
    bad = cli.invoke(app, [*args[:-1], "2026-01-01"])
    assert bad.exit_code == 2 and "ends_on" in bad.output
    proposed = cli.invoke(app, args)
    assert proposed.exit_code == 0, proposed.output
    project = json.loads(proposed.output)["id"]
    assert cli.invoke(app, ["partners", "recommend", project, "--text", "Good"]).exit_code == 0
    own = cli.invoke(app, ["partners", "approve", project])
    assert own.exit_code == 2 and "approved_by" in own.output  # the cli actor proposed it
    partners.approve(
        container.uow(), actor=team.supervisor.actor, project_id=uuid.UUID(project), data=partners.Approval()
    )
    assert cli.invoke(app, ["partners", "sign", project, "--signed-on", "2026-02-02"]).exit_code == 0
    args = ["partners", "instalment", project, "--amount", "10000.00", "--pay-date", "2026-03-02"]
    over = cli.invoke(app, [*args[:4], "30000.01", *args[5:]])
    assert over.exit_code == 2 and "amount" in over.output
    asked = cli.invoke(app, args)
    assert asked.exit_code == 0, asked.output
    shown = json.loads(asked.output)
    assert (shown["requested_cents"], shown["paid_cents"], shown["instalments"][0]["state"]) == (
        1_000_000,
        0,
        "recorded",
    )


def test_training_and_on_call_from_the_shell(
    cli: CliRunner, container: Container, team: Team, person: uuid.UUID
) -> None:
    # The tasks the rules raise go to the person's primary worker (the "cli" is nobody's worker).
    tasks.assign_primary_worker(
        container.uow(),
        actor=team.supervisor.actor,
        person_id=person,
        data=tasks.CaseloadAssign(staff_id=team.officer.id),
    )
    added = cli.invoke(
        app,
        [
            "partners",
            "training-add",
            str(person),
            "--institution",
            "Academy Canada",
            "--program",
            "Office administration",
            "--starts-on",
            "2026-01-05",
            "--ends-on",
            "2026-06-26",
            "--tuition",
            "1800.00",
        ],
    )
    assert added.exit_code == 0, added.output
    training = json.loads(added.output)["id"]
    term = [
        "partners",
        "attendance",
        training,
        "--term",
        "Winter 2026",
        "--period-start",
        "2026-01-05",
        "--period-end",
        "2026-02-27",
        "--scheduled",
        "40",
        "--received-on",
        "2026-03-02",
    ]
    bad = cli.invoke(app, [*term, "--attended", "41"])
    assert bad.exit_code == 2 and "attended_days" in bad.output
    flagged = cli.invoke(app, [*term, "--attended", "20"])
    assert flagged.exit_code == 0, flagged.output
    [row] = json.loads(flagged.output)["attendance"]
    assert row["flagged"] and row["task_id"]
    task = tasks.get_task(container.uow(), actor=team.officer.actor, task_id=uuid.UUID(row["task_id"]))
    assert task.assignee_id == team.officer.id
    excused = cli.invoke(app, ["partners", "attendance-excuse", row["id"], "--note", "Surgery; note on file"])
    assert excused.exit_code == 0 and json.loads(excused.output)["attendance"][0]["outcome"] == "excused"

    late = cli.invoke(
        app, ["partners", "oncall-call", str(person), "--received-at", "2026-02-28 23:10", "--summary", "x"]
    )
    assert late.exit_code == 2 and "received_at" in late.output  # no offset
    call = cli.invoke(
        app,
        [
            "partners",
            "oncall-call",
            str(person),
            "--received-at",
            "2026-02-28T23:10-03:30",
            "--summary",
            "Needs a bed tonight; referred to the shelter",
        ],
    )
    assert call.exit_code == 0, call.output
    assert json.loads(call.output)["handover_task_id"]
    listed = cli.invoke(app, ["partners", "oncall-calls"])
    assert [c["id"] for c in json.loads(listed.output)] == [json.loads(call.output)["id"]]


def test_an_inquiry_from_the_shell(cli: CliRunner, person: uuid.UUID) -> None:
    opened = cli.invoke(
        app,
        [
            "inquiries",
            "open",
            str(person),
            "--office",
            "mla",
            "--member",
            "Jane Doe, MLA",
            "--asked-by",
            "Her assistant",
            "--on-behalf-of",
            "The client's mother",
            "--question",
            "Status of the application?",
            "--received-on",
            "2026-03-02",
        ],
    )
    assert opened.exit_code == 0, opened.output
    inquiry = json.loads(opened.output)["id"]
    refused = cli.invoke(
        app,
        ["inquiries", "answer", inquiry, "--text", "Approved.", "--answered-on", "2026-03-02", "--disclose"],
    )
    assert refused.exit_code == 2 and "disclose" in refused.output
    queue = json.loads(cli.invoke(app, ["inquiries", "queue"]).output)
    assert [q["id"] for q in queue] == [inquiry]
    assert (
        cli.invoke(
            app, ["inquiries", "consent", inquiry, "--consent-on", "2026-03-02", "--note", "Signed form"]
        ).exit_code
        == 0
    )
    done = cli.invoke(
        app,
        ["inquiries", "answer", inquiry, "--text", "Approved.", "--answered-on", "2026-03-02", "--disclose"],
    )
    assert done.exit_code == 0 and json.loads(done.output)["disclosed"] is True
