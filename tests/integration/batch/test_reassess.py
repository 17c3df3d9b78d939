"""Re-assessment on both databases: the vectorised result agrees with the one-case path to the cent,
broken and incomplete households are listed (not fatal), the queue becomes tasks, runs resume."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import batch
from onestop.batch import RowReview, RunCreate, RunKind
from onestop.bootstrap import Container
from onestop.cases import applications
from onestop.cases.applications import load_case
from onestop.cases.applications.repository import ApplicationRepository
from onestop.cases.tasks import list_tasks
from onestop.common.errors import InvalidTransition, PermissionDenied
from tests.integration.batch.conftest import Caseload
from tests.integration.cases.conftest import audit_actions
from tests.integration.cases.factories import SYSTEM

ON = dt.date(2026, 3, 2)
PROGRAM = "ab.income_support"


def _run(container: Container, size: int = 2, **kw: object) -> batch.RunPublic:
    run = batch.start_run(
        container.uow(),
        actor=SYSTEM,
        kind=RunKind.REASSESS,
        data=RunCreate(program=PROGRAM, on=ON, partition_size=size),
    )
    with batch.executor(batch.SYNCHRONOUS) as ex:
        return batch.execute_run(container.uow(), actor=SYSTEM, run_id=run.id, executor=ex, **kw)  # type: ignore[arg-type]


def _rows(container: Container, run_id: uuid.UUID) -> dict[uuid.UUID, batch.RowPublic]:
    rows = batch.list_rows(container.uow(), actor=SYSTEM, run_id=run_id, limit=1000)
    return {r.application_id: r for r in rows}


def test_a_reassessment_lists_changes_incomplete_and_broken_households(
    container: Container, caseload: Caseload
) -> None:
    run = _run(container)
    assert (run.status, run.households_total, run.households_done, run.partitions_done) == (
        "finished",
        5,
        5,
        3,
    )
    assert run.rules_version.startswith("sha256:") and run.parameters
    rows = _rows(container, run.id)
    assert {a: r.status for a, r in rows.items()} == {
        caseload.unchanged[0]: "unchanged",
        caseload.unchanged[1]: "unchanged",
        caseload.changed: "changed",
        caseload.incomplete: "incomplete",
        caseload.broken: "broken",
    }
    changed = rows[caseload.changed]
    assert (changed.before_cents, changed.after_cents, changed.change_cents) == (82400, 62150, -20250)
    assert changed.review == "pending" and changed.family_type == "single"
    assert rows[caseload.incomplete].missing == [
        {"path": "unit.liquid_assets", "problem": "recorded but not verified"}
    ]
    [problem] = rows[caseload.broken].missing or []
    assert problem["field"] == "unit.liquid_assets" and problem["problem"]
    report = batch.get_run(container.uow(), actor=SYSTEM, run_id=run.id)
    assert report.counts == {"unchanged": 2, "changed": 1, "incomplete": 1, "broken": 1}
    total = report.summary["total"]
    assert (total["monthly_before_cents"], total["monthly_after_cents"], total["losers"]) == (
        82400 + 62150 + 82400,
        82400 + 62150 + 62150,
        1,
    )
    assert ("batch:reassess", "ok") in audit_actions(container, run.id)
    assert ("batch:finish", "ok") in audit_actions(container, run.id)


def test_the_vectorised_amounts_agree_with_the_one_case_evaluation_to_the_cent(
    container: Container, caseload: Caseload
) -> None:
    run = _run(container, size=3)
    rows = _rows(container, run.id)
    with container.uow() as uow:
        for app_id in [*caseload.unchanged, caseload.changed, caseload.incomplete]:
            app = ApplicationRepository(uow.session).get(app_id)
            one = load_case(uow, app, ON).result
            assert rows[app_id].after_cents == one.monthly_amount, app_id
            assert (rows[app_id].status == "incomplete") == (one.status == "undetermined")


def test_an_officer_turns_a_change_into_a_task_never_a_payment(
    container: Container, caseload: Caseload
) -> None:
    run = _run(container)
    officer = caseload.officer.actor
    row = batch.review_row(
        container.uow(),
        actor=officer,
        run_id=run.id,
        application_id=caseload.changed,
        data=RowReview(action="task"),
    )
    assert row.review == "tasked" and row.task_id is not None
    [task] = [t for t in list_tasks(container.uow(), actor=officer, view="open").items if t.id == row.task_id]
    assert "824.00 → 621.50" in task.title
    with pytest.raises(InvalidTransition):
        batch.review_row(
            container.uow(),
            actor=officer,
            run_id=run.id,
            application_id=caseload.changed,
            data=RowReview(action="task"),
        )
    app = applications.get_application(container.uow(), actor=officer, application_id=caseload.changed)
    assert app.status == "in_assessment"  # nothing decided by the run itself
    assert ("batch:review", "ok") in audit_actions(container, caseload.changed)


def test_officers_cannot_start_runs(container: Container, caseload: Caseload) -> None:
    with pytest.raises(PermissionDenied):
        batch.start_run(
            container.uow(),
            actor=caseload.officer.actor,
            kind=RunKind.REASSESS,
            data=RunCreate(program=PROGRAM, on=ON),
        )
    run = batch.start_run(
        container.uow(),
        actor=caseload.supervisor.actor,
        kind=RunKind.REASSESS,
        data=RunCreate(program=PROGRAM, on=ON),
    )
    assert run.status == "running"


def test_an_interrupted_run_resumes_from_its_last_finished_partition(
    container: Container, caseload: Caseload
) -> None:
    first = _run(container, size=2, stop_after=1)
    assert (first.status, first.partitions_done, first.households_done) == ("running", 1, 2)
    cancelled = batch.cancel_run(container.uow(), actor=SYSTEM, run_id=first.id)
    assert cancelled.status == "cancelled"
    with batch.executor(batch.SYNCHRONOUS) as ex:
        done = batch.resume_run(container.uow(), actor=SYSTEM, run_id=first.id, executor=ex)
    assert (done.status, done.partitions_done, done.households_done) == ("finished", 3, 5)
    assert len(_rows(container, first.id)) == 5
    with pytest.raises(InvalidTransition), batch.executor(batch.SYNCHRONOUS) as ex:
        batch.resume_run(container.uow(), actor=SYSTEM, run_id=first.id, executor=ex)
    assert ("batch:resume", "ok") in audit_actions(container, first.id)


def test_a_run_read_a_block_ahead_at_a_time_gives_the_same_rows_and_resumes(
    container: Container, caseload: Caseload
) -> None:
    whole = _rows(container, _run(container, size=2).id)
    first = _run(container, size=1, stop_after=2, read_block=2)  # blocks of two partitions of one
    assert (first.status, first.partitions_done) == ("running", 2)
    with batch.executor(batch.SYNCHRONOUS) as ex:
        done = batch.resume_run(container.uow(), actor=SYSTEM, run_id=first.id, executor=ex)
    assert (done.status, done.partitions_done, done.households_done) == ("finished", 5, 5)
    again = _rows(container, first.id)
    assert {a: (r.status, r.after_cents, r.missing) for a, r in again.items()} == {
        a: (r.status, r.after_cents, r.missing) for a, r in whole.items()
    }
