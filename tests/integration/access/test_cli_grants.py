"""``onestop staff grants|grant|approve|refuse``: the operator asks, a named administrator approves
(``--as-user``); the system itself approves nothing (issue 10, part 8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import access
from onestop.access import grants
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.access.factories import PASSWORD, SYSTEM, make_staff


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _create(cli: CliRunner, username: str, role: str) -> str:
    run = cli.invoke(
        app,
        [
            "staff",
            "create",
            "--username",
            username,
            "--name",
            username.title(),
            "--role",
            role,
            "--password",
            PASSWORD,
        ],
    )
    assert run.exit_code == 0, run.output
    return run.output


def test_the_first_administrator_then_a_supervisor_approved_by_name(
    cli: CliRunner, container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _create(cli, "anna", "administrator").startswith("created staff anna (administrator)")
    out = _create(cli, "sam", "supervisor")
    assert out.startswith("created staff sam (no role yet)")
    assert "waiting for another administrator's approval: supervisor" in out
    listing = cli.invoke(app, ["staff", "grants"])
    assert listing.exit_code == 0 and "sam" in listing.output and "pending" in listing.output
    [grant] = grants.list_grants(container.uow(), actor=SYSTEM)
    refused = cli.invoke(app, ["staff", "approve", str(grant.id)])
    assert refused.exit_code == 2
    assert "system approves no grant" in refused.output
    monkeypatch.setenv("ONESTOP_PASSWORD", PASSWORD)
    done = cli.invoke(app, ["staff", "approve", str(grant.id), "--as-user", "anna", "--note", "HR ok"])
    assert done.exit_code == 0, done.output
    assert done.output.strip() == "approved: supervisor for sam"
    assert access.get_staff_by_username(container.uow(), actor=SYSTEM, username="sam").role_names == [
        "supervisor"
    ]
    assert "no role grants" in cli.invoke(app, ["staff", "grants"]).output
    assert "approved" in cli.invoke(app, ["staff", "grants", "--state", "all"]).output


def test_asking_and_refusing_from_the_command_line(cli: CliRunner, container: Container) -> None:
    make_staff(container, "anna", Role.ADMINISTRATOR)
    make_staff(container, "olive", Role.AUDITOR)
    asked = cli.invoke(app, ["staff", "grant", "olive", "--role", "finance", "--reason", "Payment runs"])
    assert asked.exit_code == 0 and asked.output.startswith("pending: finance for olive")
    [grant] = grants.list_grants(container.uow(), actor=SYSTEM)
    blank = cli.invoke(app, ["staff", "refuse", str(grant.id), "--reason", " "])
    assert blank.exit_code == 2 and "reason" in blank.output
    assert cli.invoke(app, ["staff", "refuse", "nope", "--reason", "x"]).exit_code == 2
    done = cli.invoke(app, ["staff", "refuse", str(grant.id), "--reason", "Not in finance"])
    assert done.exit_code == 0 and done.output.strip() == "refused: finance for olive"
