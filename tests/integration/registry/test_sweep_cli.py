"""``onestop registry sweep|suggestions`` through Typer's runner, against the test container."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from tests.integration.registry.conftest import PersonFactory


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_sweep_then_list_the_queue(cli: CliRunner, make_person: PersonFactory) -> None:
    for i in range(40):  # a few dozen distinct people, and one person typed twice
        make_person(f"Given{i:02d}", f"Family{i % 7}", dt.date(1950 + i, 1 + i % 12, 1 + i % 28))
    robert = make_person("Robert", "Zelazny", dt.date(1965, 7, 21), phones=[{"number": "780 555 0102"}])
    bob = make_person("Bob", "Zelazny", dt.date(1965, 7, 21), phones=[{"number": "780 555 0102"}])

    ran = cli.invoke(app, ["registry", "sweep", "--json", "--threads", "1"])

    assert ran.exit_code == 0, ran.output
    report = json.loads(ran.output.strip().splitlines()[-1])
    assert report["people"] == 42 and report["new"] >= 1
    listed = cli.invoke(app, ["registry", "suggestions", "--json"])
    assert listed.exit_code == 0, listed.output
    pairs = [{s["person_a"]["id"], s["person_b"]["id"]} for s in json.loads(listed.output)["items"]]
    assert {str(robert.id), str(bob.id)} in pairs


def test_bad_options_exit_2_with_the_field(cli: CliRunner) -> None:
    bad = cli.invoke(app, ["registry", "suggestions", "--status", "maybe"])
    assert bad.exit_code == 2 and "status" in bad.output
    bad = cli.invoke(app, ["registry", "sweep", "--threshold", "1.5", "--quiet"])
    assert bad.exit_code == 2 and "threshold" in bad.output
