"""The caseload-run and monthly-report pages: progress, totals with charts and tables, the review
queue turned into tasks, the households that could not be assessed, and the report as CSV."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from onestop import batch
from onestop.access import Actor, Role, create_staff
from onestop.bootstrap import Container
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.integration.batch.conftest import Caseload, caseload  # noqa: F401 - the fixture
from tests.integration.cases.factories import SYSTEM


@pytest.fixture
def supervisor(client: TestClient, container: Container, caseload: Caseload) -> TestClient:  # noqa: F811
    """The caseload's office supervisor, signed in."""
    office = caseload.officer.staff.office_id
    create_staff(
        container.uow(),
        actor=Actor.system("tests"),
        username="sboss",
        display_name="Sam Boss",
        password=PASSWORD,
        roles={Role.SUPERVISOR},
        office_id=office,
    )
    assert sign_in(client, "sboss", PASSWORD).status_code == 303
    return client


def _reassessed(container: Container) -> batch.RunPublic:
    data = batch.RunCreate(program="ab.income_support", on=dt.date(2026, 3, 2), partition_size=2)
    run = batch.start_run(container.uow(), actor=SYSTEM, kind=batch.RunKind.REASSESS, data=data)
    with batch.executor(batch.SYNCHRONOUS) as ex:
        return batch.execute_run(container.uow(), actor=SYSTEM, run_id=run.id, executor=ex)


def test_a_reassessment_page_shows_progress_totals_queue_and_problems(
    supervisor: TestClient,
    container: Container,
    caseload: Caseload,  # noqa: F811
) -> None:
    run = _reassessed(container)
    listing = supervisor.get("/staff/batch")
    assert listing.status_code == 200 and "5 of 5 households, 3 partitions (100 %)" in listing.text
    page = supervisor.get(f"/staff/batch/{run.id}")
    assert page.status_code == 200, page.text
    assert 'role="img"' in page.text and "Show the numbers as a table" in page.text
    assert "Changes to review" in page.text and "Make a task" in page.text
    assert "recorded but not verified" in page.text and "unit.liquid_assets" in page.text
    token = csrf_token(supervisor, f"/staff/batch/{run.id}")
    done = supervisor.post(
        f"/staff/batch/{run.id}/rows/{caseload.changed}", data={"csrf_token": token, "action": "task"}
    )
    assert done.status_code == 303
    after = supervisor.get(f"/staff/batch/{run.id}").text
    assert "A task was created for this change." in after and "Nothing left to review." in after


def test_the_monthly_report_page_and_its_csv(supervisor: TestClient) -> None:
    page = supervisor.get("/staff/reports/monthly?month=2026-03")
    assert page.status_code == 200, page.text
    assert "Monthly report" in page.text and 'id="contacts-by-hour-title"' in page.text
    assert "<h2>Overpayments</h2>" in page.text
    csv_file = supervisor.get("/staff/reports/monthly.csv?month=2026-03")
    assert csv_file.status_code == 200 and csv_file.text.startswith("section,key,value")
    assert "decisions,total,5" in csv_file.text.splitlines()
    assert supervisor.get("/staff/reports/monthly?month=2026-13").status_code == 422
