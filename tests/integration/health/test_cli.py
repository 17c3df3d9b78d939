"""``onestop health`` through Typer's runner, against the test container (acting as the system "cli")."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import money
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.cases.applications.builders import make_unit
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


def test_a_facility_resident_from_the_shell(cli: CliRunner, container: Container, team: Team) -> None:
    bad = cli.invoke(app, ["health", "facilities", "add", "X", "--kind", "motel", "--address", "1 Main St"])
    assert bad.exit_code == 2 and "kind" in bad.output
    add = ["health", "facilities", "add", "Iris Kirby House", "--kind", "shelter", "--address", "1 Main St"]
    added = cli.invoke(app, [*add, "--nightly-rate", "52.50"])
    assert added.exit_code == 0, added.output
    facility = json.loads(added.output)
    payee = money.get_payee(
        container.uow(), actor=team.officer.actor, payee_id=uuid.UUID(facility["payee_id"])
    )
    assert (payee.kind, payee.state) == (
        "vendor",
        "approved",
    )  # the system's own set-up needs no second person
    person = make_person(container, "Joan", "Kavanagh")
    make_unit(container, person)
    today = container.clock.today().isoformat()
    stay_in = ["health", "facilities", "stay-in", str(person), "--facility", facility["id"]]
    stay = cli.invoke(app, [*stay_in, "--officer", team.officer.actor.username, "--in-on", today])
    assert stay.exit_code == 0, stay.output
    stay_id = json.loads(stay.output)["id"]
    paid = cli.invoke(app, ["health", "facilities", "pay", stay_id, "--kind", "one_time", "--nights", "2"])
    assert paid.exit_code == 0, paid.output
    assert json.loads(paid.output)["amount"] == "105.00"
    load = json.loads(cli.invoke(app, ["health", "facilities", "caseload"]).output)
    assert [r["person_name"] for r in load[0]["residents"]] == ["Joan Kavanagh"]
    out = cli.invoke(app, ["health", "facilities", "stay-out", stay_id, "--out-on", today])
    assert out.exit_code == 0 and json.loads(out.output)["out_on"] == today
    assert json.loads(cli.invoke(app, ["health", "facilities", "caseload"]).output) == []


def test_travel_from_the_shell(cli: CliRunner, container: Container, team: Team) -> None:
    from tests.integration.health.conftest import vendor

    person = make_person(container)
    make_unit(container, person)
    carrier = vendor(container, team, "PAL Airlines")
    today = container.clock.today()
    back = (today + dt.timedelta(days=4)).isoformat()
    ask = ["health", "travel", "request", str(person), "--kind", "medical", "--reason", "surgery in Halifax"]
    ask += ["--estimate", "640.00"]  # no return date: its follow-up task needs an officer, not "cli"
    bad = cli.invoke(app, [*ask, "--leg", "St. John's|Halifax|PAL"])
    assert bad.exit_code == 2 and "legs[0]" in bad.output
    legs = ["--leg", f"St. John's|Halifax|PAL|{today}", "--leg", f"Halifax|St. John's|PAL|{back}"]
    asked = cli.invoke(app, [*ask, *legs])
    assert asked.exit_code == 0, asked.output
    trip = json.loads(asked.output)
    assert (trip["status"], [leg["to_place"] for leg in trip["legs"]]) == (
        "requested",
        ["Halifax", "St. John's"],
    )
    decide = ["health", "travel", "decide", trip["id"], "--outcome", "approved", "--reason", "referral"]
    decided = cli.invoke(app, [*decide, "--payee", str(carrier.id), "--method", "cheque"])
    assert decided.exit_code == 0, decided.output
    assert json.loads(decided.output)["approved_amount"] == "640.00"
    home = cli.invoke(
        app,
        [
            "health",
            "travel",
            "return",
            trip["id"],
            "--returned-on",
            str(today),
            "--note",
            "surgery went well",
        ],
    )
    assert home.exit_code == 0 and json.loads(home.output)["status"] == "returned"
