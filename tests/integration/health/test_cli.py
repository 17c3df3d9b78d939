"""``onestop health`` through Typer's runner, against the test container (acting as the system "cli")."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import make_person
from tests.integration.health.builders import BORN, nl_income_support_decision


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_coverage_card_and_copay_from_the_shell(cli: CliRunner, container: Container, team: Team) -> None:
    person = make_person(container, born=BORN)
    decision = nl_income_support_decision(container, team.officer.actor, person)
    refused = cli.invoke(
        app, ["health", "card-issue", str(person), "--valid-to", "2026-03-20", "--reason", "r"]
    )
    assert refused.exit_code == 2 and "person_id" in refused.output
    started = cli.invoke(app, ["health", "from-decision", str(decision.id)])
    assert started.exit_code == 0, started.output
    assert json.loads(started.output)["started"][0]["plan"] == "foundation"
    valid_to = (container.clock.today() + dt.timedelta(days=14)).isoformat()
    card = cli.invoke(
        app, ["health", "card-issue", str(person), "--valid-to", valid_to, "--reason", "urgent"]
    )
    assert card.exit_code == 0 and json.loads(card.output)["number"].startswith("EDC-")
    cost = cli.invoke(
        app,
        [
            "health",
            "copay",
            str(person),
            "--din",
            "02242903",
            "--drug",
            "Metformin",
            "--quantity",
            "30",
            "--unit-price",
            "0.4567",
            "--dispensing-fee",
            "11.99",
        ],
    )
    assert cost.exit_code == 0, cost.output
    assert (json.loads(cost.output)["total"], json.loads(cost.output)["copay"]) == ("25.69", "0.00")
    shown = json.loads(cli.invoke(app, ["health", "show", str(person)]).output)
    assert len(shown["cards"]) == 1 and len(shown["copays"]) == 1
