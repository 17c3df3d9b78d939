"""On PostgreSQL reached through an engine, each worker evaluates and stores its own partition
(``batch.worker``): the rows equal those of the driver's path, the run resumes, and a partition is
never stored twice, even when its task runs again."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import batch
from onestop.batch import RunCreate, RunKind
from onestop.batch.evaluate import FACTS, HOUSEHOLDS, MEMBERS, Job, Partition
from onestop.batch.repository import BatchRepository
from onestop.batch.worker import store_partition
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput
from tests.integration.batch.conftest import Caseload
from tests.integration.cases.factories import SYSTEM

ON = dt.date(2026, 3, 2)
PROGRAM = "ab.income_support"
Rows = dict[uuid.UUID, tuple[str, int | None, int | None, str | None, object]]


def _start(container: Container, size: int) -> uuid.UUID:
    data = RunCreate(program=PROGRAM, on=ON, partition_size=size)
    return batch.start_run(container.uow(), actor=SYSTEM, kind=RunKind.REASSESS, data=data).id


def _execute(container: Container, run_id: uuid.UUID, **kw: object) -> batch.RunPublic:
    with batch.executor(batch.SYNCHRONOUS) as ex:
        return batch.execute_run(container.uow(), actor=SYSTEM, run_id=run_id, executor=ex, **kw)  # type: ignore[arg-type]


def _rows(container: Container, run_id: uuid.UUID) -> Rows:
    rows = batch.list_rows(container.uow(), actor=SYSTEM, run_id=run_id, limit=1000)
    return {r.application_id: (r.status, r.before_cents, r.after_cents, r.review, r.missing) for r in rows}


def test_workers_store_the_rows_the_driver_would(
    committed_container: Container, committed_caseload: Caseload, backend: str
) -> None:
    if backend != "postgresql":
        run_id = _start(committed_container, 2)
        with pytest.raises(InvalidInput) as err:
            _execute(committed_container, run_id, direct=True)
        assert err.value.field == "direct"
        return
    timings: dict[str, float] = {}
    direct = _execute(committed_container, _start(committed_container, 2), timings=timings)
    assert (direct.status, direct.households_done, direct.partitions_done) == ("finished", 5, 3)
    assert timings["worker_store_s"] > 0 and timings["store_s"] == 0  # the driver stored nothing
    driver = _execute(committed_container, _start(committed_container, 2), direct=False)
    assert _rows(committed_container, direct.id) == _rows(committed_container, driver.id)
    assert len(_rows(committed_container, direct.id)) == 5
    report = batch.get_run(committed_container.uow(), actor=SYSTEM, run_id=direct.id)
    assert report.counts == {"unchanged": 2, "changed": 1, "incomplete": 1, "broken": 1}


def test_an_interrupted_direct_run_resumes_and_a_task_run_twice_stores_nothing_twice(
    committed_container: Container, committed_caseload: Caseload, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("workers store their own partitions on PostgreSQL only")
    run_id = _start(committed_container, 2)
    first = _execute(committed_container, run_id, stop_after=1)
    assert (first.status, first.partitions_done, first.households_done) == ("running", 1, 2)
    with batch.executor(batch.SYNCHRONOUS) as ex:
        done = batch.resume_run(committed_container.uow(), actor=SYSTEM, run_id=run_id, executor=ex)
    assert (done.status, done.partitions_done, done.households_done) == ("finished", 3, 5)
    rows = _rows(committed_container, run_id)
    assert len(rows) == 5
    with committed_container.uow() as uow:
        url = uow.session.get_bind().url.render_as_string(hide_password=False)  # type: ignore[union-attr]
        [part, *_] = BatchRepository(uow.session).partitions(run_id)
        seq = part.seq
    empty = Partition(HOUSEHOLDS.empty_table(), MEMBERS.empty_table(), FACTS.empty_table())
    now = dt.datetime(2026, 3, 2, tzinfo=dt.UTC)
    again = store_partition(url, Job(program=PROGRAM, on=ON), empty, run_id, seq, True, now)
    assert again["households"] == 0  # already done: left as it was
    assert _rows(committed_container, run_id) == rows
    assert batch.get_run(committed_container.uow(), actor=SYSTEM, run_id=run_id).run.households_done == 5
