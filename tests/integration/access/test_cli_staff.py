"""``onestop staff`` through Typer's runner, against the test container."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import access
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.access.factories import SYSTEM

GOOD = "Long-enough-pass-9"


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    """A CLI runner whose commands use the test container."""
    set_container(container)
    yield CliRunner()
    set_container(None)


def _usernames(container: Container) -> list[str]:
    return [s.username for s in access.list_staff(container.uow(), actor=SYSTEM, include_inactive=True)]


def test_create_an_office_then_staff_in_it(cli: CliRunner, container: Container) -> None:
    run = cli.invoke(app, ["staff", "office-create", "edm-01", "Edmonton North"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith("created office EDM-01 (Edmonton North)")
    run = cli.invoke(
        app,
        [
            "staff",
            "create",
            "--username",
            "JDoe",
            "--name",
            "Jane Doe",
            "--role",
            "officer",
            "--role",
            "supervisor",
            "--office",
            "edm-01",
            "--email",
            "jane@example.org",
            "--password",
            GOOD,
        ],
    )
    assert run.exit_code == 0, run.output
    assert run.output.startswith("created staff jdoe (officer, supervisor)")
    staff = access.get_staff_by_username(container.uow(), actor=SYSTEM, username="jdoe")
    assert staff.office is not None and staff.office.code == "EDM-01"
    listing = cli.invoke(app, ["staff", "list"])
    assert listing.exit_code == 0
    assert listing.output.split() == ["jdoe", "Jane", "Doe", "EDM-01", "officer,supervisor"]
    assert cli.invoke(app, ["staff", "offices"]).output.split() == ["EDM-01", "Edmonton", "North"]


def test_the_password_is_asked_twice_when_not_given(cli: CliRunner, container: Container) -> None:
    run = cli.invoke(
        app,
        ["staff", "create", "--username", "ann", "--name", "Ann", "--role", "auditor"],
        input=f"{GOOD}\n{GOOD}\n",
    )
    assert run.exit_code == 0, run.output
    assert GOOD not in run.output  # hidden input
    assert access.authenticate(container.uow(), username="ann", password=GOOD).username == "ann"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--role", "wizard", "--password", GOOD], "error: roles: unknown role 'wizard'"),
        (["--role", "officer", "--password", "short"], "error: password: must be at least 12"),
        (["--role", "officer", "--password", GOOD, "--office", "NOPE"], "error: no office NOPE"),
        (["--role", "officer", "--password", GOOD, "--email", "x"], "error: email: "),
    ],
)
def test_bad_input_exits_2_with_one_line_and_creates_nothing(
    cli: CliRunner, container: Container, args: list[str], message: str
) -> None:
    run = cli.invoke(app, ["staff", "create", "--username", "bob", "--name", "Bob", *args])
    assert run.exit_code == 2
    assert len(run.stderr.strip().splitlines()) == 1
    assert run.stderr.startswith(message)
    assert _usernames(container) == []


def test_deactivate(cli: CliRunner, container: Container) -> None:
    cli.invoke(
        app,
        ["staff", "create", "--username", "bob", "--name", "Bob", "--role", "officer", "--password", GOOD],
    )
    run = cli.invoke(app, ["staff", "deactivate", "BOB"])
    assert (run.exit_code, run.output.strip()) == (0, "deactivated bob")
    assert cli.invoke(app, ["staff", "list"]).output.strip() == "no staff accounts"
    assert "(inactive)" in cli.invoke(app, ["staff", "list", "--all"]).output
    again = cli.invoke(app, ["staff", "deactivate", "bob"])
    assert again.exit_code == 2 and "already inactive" in again.stderr
