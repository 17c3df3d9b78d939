"""``onestop partners`` and ``onestop inquiries`` through Typer's runner, acting as the system "cli"."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import partners
from onestop.bootstrap import Container
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
    over = cli.invoke(
        app, ["partners", "instalment", project, "--amount", "30000.01", "--paid-on", "2026-02-10"]
    )
    assert over.exit_code == 2 and "amount" in over.output
    paid = cli.invoke(
        app, ["partners", "instalment", project, "--amount", "10000.00", "--paid-on", "2026-02-10"]
    )
    assert paid.exit_code == 0 and json.loads(paid.output)["paid_cents"] == 1_000_000


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
