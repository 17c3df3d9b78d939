"""Simulation on both databases: cost before and after a rate change, gainers and losers by group,
CSV and JSON from the command line, nothing written to cases; and one run on a real Dask cluster."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from onestop import batch
from onestop.batch import RunCreate, RunKind
from onestop.bootstrap import Container
from onestop.cases.decisions import Decision
from onestop.cases.tasks.models import Task
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.common.errors import InvalidInput
from tests.integration.batch.conftest import Caseload
from tests.integration.cases.factories import SYSTEM

ON = dt.date(2027, 1, 1)
PROGRAM = "ab.income_support"


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _counts(container: Container) -> tuple[int, int]:
    with container.uow() as uow:
        return (
            int(uow.session.scalar(select(func.count()).select_from(Decision)) or 0),
            int(uow.session.scalar(select(func.count()).select_from(Task)) or 0),
        )


def test_shelter_plus_five_percent_costs_and_gainers(container: Container, caseload: Caseload) -> None:
    before = _counts(container)
    data = RunCreate(program=PROGRAM, on=ON, overlays=["core_shelter_private=+5%"])
    run = batch.start_run(container.uow(), actor=SYSTEM, kind=RunKind.SIMULATE, data=data)
    assert run.overlays == ["core_shelter_private=+5%"]
    assert [p["name"] for p in run.parameters if p["overlaid"]] == ["ab.income_support.core_shelter_private"]
    with batch.executor(batch.SYNCHRONOUS) as ex:
        run = batch.execute_run(container.uow(), actor=SYSTEM, run_id=run.id, executor=ex)
    report = batch.get_run(container.uow(), actor=SYSTEM, run_id=run.id)
    total = report.summary["total"]
    # 365.00 + 5 % = 383.25: each of the three assessable households gains 18.25 a month
    assert (total["gainers"], total["losers"], total["gained_cents"]) == (3, 0, 3 * 1825)
    assert total["monthly_before_cents"] == 82400 + 62150 + 62150
    assert total["monthly_after_cents"] == total["monthly_before_cents"] + 3 * 1825
    assert total["yearly_change_cents"] == 12 * 3 * 1825
    assert (total["incomplete"], total["broken"]) == (1, 1)
    assert set(report.summary["by_family_type"]) == {"single"}
    assert list(report.summary["by_program"]) == [PROGRAM]
    assert _counts(container) == before  # no decision, no task: nothing written to cases


def test_a_bad_overlay_is_refused_naming_it(container: Container, caseload: Caseload) -> None:
    for overlay in ("core_shelter_private=+5 percent", "no_such_rate=+5%"):
        with pytest.raises(InvalidInput) as err:
            batch.start_run(
                container.uow(),
                actor=SYSTEM,
                kind=RunKind.SIMULATE,
                data=RunCreate(program=PROGRAM, on=ON, overlays=[overlay]),
            )
        assert err.value.field == "overlay"


def test_simulate_from_the_command_line_as_csv_and_json(cli: CliRunner, caseload: Caseload) -> None:
    args = [
        "batch",
        "simulate",
        "--program",
        PROGRAM,
        "--on",
        "2027-01-01",
        "--overlay",
        "core_shelter_private=+5%",
        "--scheduler",
        "synchronous",
        "--quiet",
    ]
    out = cli.invoke(app, [*args, "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert rows[0]["dimension"] == "total" and rows[0]["gained"] == "54.75"
    assert rows[0]["yearly_change"] == "657.00"
    out = cli.invoke(app, [*args, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.output)["summary"]["total"]["gainers"] == 3
    bad = cli.invoke(app, ["batch", "simulate", "--program", PROGRAM, "--on", "2027-01-01", "--overlay", "x"])
    assert bad.exit_code == 2


def test_reassess_on_a_local_dask_cluster_from_the_command_line(cli: CliRunner, caseload: Caseload) -> None:
    out = cli.invoke(
        app,
        [
            "batch",
            "reassess",
            "--program",
            PROGRAM,
            "--on",
            "2026-03-02",
            "--workers",
            "1",
            "--partition-size",
            "2",
        ],
    )
    assert out.exit_code == 0, out.output
    assert "finished, 5 of 5 households in 3 partitions" in out.output
    assert "broken=1 changed=1 incomplete=1 unchanged=2" in out.output
