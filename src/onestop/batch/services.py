"""Caseload run use cases: start a re-assessment or a simulation, run it partition by partition on
Dask, cancel, resume, read its result set, and turn a changed household into a task.

Authorization is checked here (``batch:run`` to start, cancel and resume runs and to read simulations;
``case:read`` to read a re-assessment's queue; ``case:write`` to act on a row); each use case is
audited. A run spans many transactions on purpose: each finished partition is committed with its
rows and the run's progress, so a cancelled, failed or interrupted run resumes from the partitions
that did not finish. Nothing here changes a case or a payment: a re-assessment's changes are a queue
that officers act on through the tasks (and so the decision) services.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.batch import domain
from onestop.batch.cluster import Executor, Future
from onestop.batch.domain import ReviewStatus, RowStatus, RunKind, RunStatus
from onestop.batch.evaluate import Job, Partition, evaluate_partition, overlaid_snapshot
from onestop.batch.models import BatchPartition, BatchRun
from onestop.batch.repository import BatchRepository
from onestop.batch.schemas import RowPublic, RowReview, RunCreate, RunPublic, RunReport
from onestop.batch.worker import store_partition
from onestop.cases.applications import Application
from onestop.cases.tasks import TaskCreate, create_task
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.money import format_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.jurisdictions import find_program

SUBJECT = "batch_run"
READ_BLOCK = 200_000  # households read with one query per table (the driver holds a block in memory)
Progress = Callable[[int, int], None]  # (households done, households in the run)


def start_run(uow: UnitOfWork, *, actor: Actor, kind: RunKind, data: RunCreate) -> RunPublic:
    """Record a new run (status running) with the rules version and the parameters it will use."""
    with uow:
        require(uow, actor, Permission.BATCH_RUN, subject_type=SUBJECT)
        pack, program = find_program(data.program)
        size = domain.check_partition_size(data.partition_size)
        overlays = tuple(domain.parse_overlay(text) for text in data.overlays)
        if kind is RunKind.SIMULATE and not overlays:
            raise InvalidInput("overlay", "a simulation needs at least one parameter overlay")
        if kind is RunKind.REASSESS and overlays:
            raise InvalidInput("overlay", "a re-assessment uses the published parameters; simulate instead")
        snap = overlaid_snapshot(program, data.on, overlays)  # refuses unknown names, dates with no value
        base = overlaid_snapshot(program, data.on, ())
        changed = {name for name, v in snap.versions.items() if v.value != base.versions[name].value}
        parameters = [
            {"name": name, "effective": v.effective.isoformat(), "overlaid": name in changed}
            for name, v in sorted(snap.versions.items())
        ]
        repo = BatchRepository(uow.session)
        run = BatchRun(
            id=new_id(),
            kind=kind.value,
            program=program.id,
            on_date=data.on,
            overlays=[o.text for o in overlays],
            parameters=parameters,
            rules_version=pack.version,
            program_version=pack.program_version(program.id),
            partition_size=size,
            status=RunStatus.RUNNING.value,
            households_total=repo.count_households(program.id),
            households_done=0,
            partitions_done=0,
            started_by=actor.username,
            created_at=uow.clock.now(),
        )
        repo.add(run)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.BATCH_REASSESS if kind is RunKind.REASSESS else AuditAction.BATCH_SIMULATE,
            subject_type=SUBJECT,
            subject_id=run.id,
            details={
                "program": program.id,
                "on": data.on,
                "overlays": run.overlays,
                "households": run.households_total,
                "rules_version": pack.version,
            },
        )
        uow.commit()
        return RunPublic.of(run)


def cancel_run(uow: UnitOfWork, *, actor: Actor, run_id: uuid.UUID) -> RunPublic:
    """Stop a running run after the partitions already submitted; it can be resumed later."""
    with uow:
        require(uow, actor, Permission.BATCH_RUN, subject_type=SUBJECT, subject_id=run_id)
        run = BatchRepository(uow.session).get(run_id, for_update=True)
        domain.check_cancellable(run.status)
        run.status = RunStatus.CANCELLED.value
        _stopped_or_restarted(uow, actor, AuditAction.BATCH_CANCEL, run)
        return RunPublic.of(run)


def resume_run(
    uow: UnitOfWork, *, actor: Actor, run_id: uuid.UUID, executor: Executor, progress: Progress | None = None
) -> RunPublic:
    """Run a cancelled, failed or interrupted run on from its first unfinished partition."""
    with uow:
        require(uow, actor, Permission.BATCH_RUN, subject_type=SUBJECT, subject_id=run_id)
        run = BatchRepository(uow.session).get(run_id, for_update=True)
        domain.check_resumable(run.status)
        run.status = RunStatus.RUNNING.value
        run.error = None
        _stopped_or_restarted(uow, actor, AuditAction.BATCH_RESUME, run)
    return execute_run(uow, actor=actor, run_id=run_id, executor=executor, progress=progress)


def _stopped_or_restarted(uow: UnitOfWork, actor: Actor, action: AuditAction, run: BatchRun) -> None:
    """Record a cancel or a resume against the run with how far it had got, and commit it."""
    done = {"households_done": run.households_done, "partitions_done": run.partitions_done}
    audit.record(uow, actor=actor, action=action, subject_type=SUBJECT, subject_id=run.id, details=done)
    uow.commit()


@dataclass
class _Cursor:
    seq: int
    after: uuid.UUID | None


@dataclass
class _Range:
    seq: int
    after: uuid.UUID | None
    last: uuid.UUID


def execute_run(
    uow: UnitOfWork,
    *,
    actor: Actor,
    run_id: uuid.UUID,
    executor: Executor,
    progress: Progress | None = None,
    in_flight: int = 2,
    stop_after: int | None = None,
    read_block: int = READ_BLOCK,
    timings: dict[str, float] | None = None,
    direct: bool | None = None,
) -> RunPublic:
    """Evaluate every partition not yet done; each finished one is committed with its rows.

    ``direct`` (the default on PostgreSQL reached through an engine): each worker evaluates and
    stores its own partition (``batch.worker``); otherwise the workers evaluate and the driver
    stores. ``in_flight`` partitions are evaluated while the next is read (direct: at least two per
    worker thread). ``stop_after`` stops (as if cancelled, status unchanged) after that many
    partitions: tests use it to interrupt a run. The driver reads ``read_block`` households at a
    time (at least one partition): one pass over the tables per block, then split by key range.
    ``timings``, when given, receives the driver's seconds reading, waiting for the workers and
    storing, and (direct) the workers' seconds evaluating and storing, summed (for the benchmark).
    """
    clock = timings if timings is not None else {}
    for name in ("read_s", "wait_s", "store_s"):
        clock.setdefault(name, 0.0)
    with uow:
        url = _worker_url(uow.session) if direct is not False else None
        if direct and url is None:
            raise InvalidInput("direct", "workers store their own partitions only on PostgreSQL")
        require(uow, actor, Permission.BATCH_RUN, subject_type=SUBJECT, subject_id=run_id)
        repo = BatchRepository(uow.session)
        run = repo.get(run_id)
        if run.status != RunStatus.RUNNING:
            raise InvalidTransition(f"a {run.status} run is not running; resume it first")
        job = Job(
            program=run.program,
            on=run.on_date,
            overlays=tuple(domain.parse_overlay(t) for t in run.overlays),
            compare="base" if run.kind == RunKind.SIMULATE else "in_force",
        )
        parts = repo.partitions(run_id)
        redo = [_Range(p.seq, _key(p.after_key), uuid.UUID(p.last_key)) for p in parts if p.status != "done"]
        for r in redo if url is None else ():  # workers: a partition not done has no rows (one commit)
            repo.delete_partition_rows(run_id, r.seq)
        queue = run.kind == RunKind.REASSESS
        state = _Cursor(max((p.seq for p in parts), default=0), _key(run.last_key))
        _set(uow, run_id, scheduler=executor.description)
        uow.commit()
        total = run.households_total
        done = run.households_done

    def ranges() -> Iterator[tuple[_Range, Partition]]:
        for r in redo:
            with uow:
                repo = BatchRepository(uow.session)
                if repo.status(run_id) != RunStatus.RUNNING:
                    return
                part = repo.read_partition(job.program, job.on, r.after, r.last)
            yield r, part
        count = max(1, read_block // run.partition_size)
        ahead = _Prefetch(uow, job, run.partition_size, count)
        try:
            yield from blocks(ahead)
        finally:
            ahead.close()

    def blocks(ahead: _Prefetch) -> Iterator[tuple[_Range, Partition]]:
        ahead.start(state.after)
        while True:
            with uow:
                repo = BatchRepository(uow.session)
                if repo.status(run_id) != RunStatus.RUNNING:
                    return
                block = ahead.take()
                if not block:
                    return
                chunk = []
                for last, part in block:  # every partition of the block is recorded before any is submitted
                    state.seq += 1
                    chunk.append((_Range(state.seq, state.after, last), part))
                    repo.add(
                        BatchPartition(
                            run_id=run_id,
                            seq=state.seq,
                            after_key=_text(state.after),
                            last_key=str(last),
                            households=part.households.num_rows,
                            status="read",
                        )
                    )
                    state.after = last
                _set(uow, run_id, last_key=str(state.after))
                uow.commit()
            ahead.start(state.after)  # the next block is read while this one is evaluated
            for k, (rng, part) in enumerate(chunk):
                if k:
                    with uow:
                        if BatchRepository(uow.session).status(run_id) != RunStatus.RUNNING:
                            return  # the rest of the block stays "read": a resumption evaluates it
                yield rng, part

    if url is not None:
        in_flight = max(in_flight, 2 * getattr(executor, "slots", 1))
    pending: deque[tuple[_Range, float, Future]] = deque()
    finished = 0
    chunks = ranges()
    try:
        while True:
            started = time.monotonic()
            got = next(chunks, None)
            clock["read_s"] += time.monotonic() - started
            if got is None:
                break
            rng, part = got
            if stop_after is not None and finished + len(pending) >= stop_after:
                break
            if url is None:
                future = executor.submit(evaluate_partition, job, part)
            else:  # the worker evaluates and stores it
                now = uow.clock.now()
                future = executor.submit(store_partition, url, job, part, run_id, rng.seq, queue, now)
            pending.append((rng, time.monotonic(), future))
            while len(pending) >= in_flight:
                done += _store(uow, run_id, queue, *pending.popleft(), clock=clock)
                finished += 1
                if progress:
                    progress(done, total)
        while pending:
            done += _store(uow, run_id, queue, *pending.popleft(), clock=clock)
            finished += 1
            if progress:
                progress(done, total)
    except BaseException as err:
        _failed(uow, run_id, err)
        raise
    return _finish(uow, actor, run_id, interrupted=stop_after is not None and finished >= stop_after)


def _worker_url(session: Session) -> str | None:
    """The database workers read and store their own partitions in: PostgreSQL reached through an
    engine, so what the driver commits is visible to the workers' connections. None: the driver
    reads and stores (SQLite; a session bound to one connection, as in the tests' rolled-back ones).
    The URL (with its password, if any) travels to the workers with each task."""
    bind = session.get_bind()
    if isinstance(bind, Engine) and bind.dialect.name == "postgresql":
        return bind.url.render_as_string(hide_password=False)
    return None


def _failed(uow: UnitOfWork, run_id: uuid.UUID, err: BaseException) -> None:
    """A running run stopped by an error (failed) or by Ctrl-C (cancelled): both can be resumed."""
    with uow:
        if BatchRepository(uow.session).status(run_id) == RunStatus.RUNNING:
            status = RunStatus.CANCELLED if isinstance(err, KeyboardInterrupt) else RunStatus.FAILED
            _set(uow, run_id, status=status.value, error=f"{type(err).__name__}: {err}"[:2000])
            uow.commit()


class _Prefetch:
    """Reads the next block of partitions while the workers evaluate the last: on PostgreSQL reached
    through an engine, in a thread with its own session (the database works while the cluster does);
    elsewhere (SQLite; a session bound to one connection, which two threads must not share) when it
    is taken."""

    def __init__(self, uow: UnitOfWork, job: Job, size: int, count: int) -> None:
        self.job, self.size, self.count = job, size, count
        self.uow = uow
        with uow:
            self.engine = uow.session.get_bind()
        self.threaded = isinstance(self.engine, Engine) and self.engine.dialect.name == "postgresql"
        self.pool = ThreadPoolExecutor(max_workers=1) if self.threaded else None
        self.pending: Any = None
        self.after: uuid.UUID | None = None

    def _read(self, after: uuid.UUID | None) -> list[tuple[uuid.UUID, Partition]]:
        with Session(self.engine) as session, session.begin():
            repo = BatchRepository(session)
            return repo.read_partitions(self.job.program, self.job.on, after, self.size, self.count)

    def start(self, after: uuid.UUID | None) -> None:
        """Begin reading the block after ``after``."""
        self.after = after
        if self.pool is not None:
            self.pending = self.pool.submit(self._read, after)

    def take(self) -> list[tuple[uuid.UUID, Partition]]:
        """The block begun by ``start`` (read now when there is no thread)."""
        if self.pending is not None:
            block: list[tuple[uuid.UUID, Partition]] = self.pending.result()
            self.pending = None
            return block
        return BatchRepository(self.uow.session).read_partitions(
            self.job.program, self.job.on, self.after, self.size, self.count
        )

    def close(self) -> None:
        """Stop: a block read ahead and not taken is dropped (a resumption reads it again)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _store(
    uow: UnitOfWork,
    run_id: uuid.UUID,
    queue: bool,
    rng: _Range,
    started: float,
    future: Future,
    *,
    clock: dict[str, float],
) -> int:
    """Commit one evaluated partition: its rows, its status, the run's progress (or, when the worker
    stored it, take its counts)."""
    waited = time.monotonic()
    table = future.result()
    storing = time.monotonic()
    clock["wait_s"] += storing - waited
    if isinstance(table, dict):  # stored by the worker (``worker.store_partition``)
        for name in ("evaluate_s", "evaluate_cpu_s", "store_s"):
            clock[f"worker_{name}"] = clock.get(f"worker_{name}", 0.0) + table[name]
        return int(table["households"])
    with uow:
        repo = BatchRepository(uow.session)
        repo.store_rows(run_id, rng.seq, table, queue=queue)
        seconds = round(time.monotonic() - started)
        repo.mark_partition(
            run_id,
            rng.seq,
            status="done",
            households=table.num_rows,
            seconds=seconds,
            finished_at=uow.clock.now(),
        )
        repo.count_done(run_id, table.num_rows)
        uow.commit()
    clock["store_s"] += time.monotonic() - storing
    return int(table.num_rows)


def _finish(uow: UnitOfWork, actor: Actor, run_id: uuid.UUID, *, interrupted: bool) -> RunPublic:
    with uow:
        repo = BatchRepository(uow.session)
        run = repo.get(run_id)
        uow.session.refresh(run)
        if run.status == RunStatus.RUNNING and not interrupted:
            counts = repo.status_counts(run_id)
            _set(uow, run_id, status=RunStatus.FINISHED.value, finished_at=uow.clock.now())
            audit.record(
                uow,
                actor=actor,
                action=AuditAction.BATCH_FINISH,
                subject_type=SUBJECT,
                subject_id=run_id,
                details={"households": run.households_done, "rows": counts},
            )
            uow.commit()
            uow.session.refresh(run)
        return RunPublic.of(run)


def _set(uow: UnitOfWork, run_id: uuid.UUID, **values: object) -> None:
    """Progress and status by plain UPDATE (no version bump: a cancel from elsewhere must not conflict)."""
    uow.session.execute(update(BatchRun).where(BatchRun.id == run_id).values(**values))


def _key(text: str | None) -> uuid.UUID | None:
    return uuid.UUID(text) if text else None


def _text(key: uuid.UUID | None) -> str | None:
    return str(key) if key else None


# --- reading ----------------------------------------------------------------------------------------


def _require_read(uow: UnitOfWork, actor: Actor, run: BatchRun) -> None:
    """A re-assessment's queue is case work; a simulation is policy work."""
    permission = Permission.CASE_READ if run.kind == RunKind.REASSESS else Permission.BATCH_RUN
    require(uow, actor, permission, subject_type=SUBJECT, subject_id=run.id)


def get_run(uow: UnitOfWork, *, actor: Actor, run_id: uuid.UUID) -> RunReport:
    """A run with its totals by office, program and family type (summed by the database)."""
    with uow:
        repo = BatchRepository(uow.session)
        run = repo.get(run_id)
        _require_read(uow, actor, run)
        summary = domain.Summary()
        for group in repo.group_totals(run_id):
            summary.add_group(group["office"] or "(none)", run.program, group["family"], group)
        return RunReport(run=RunPublic.of(run), counts=repo.status_counts(run_id), summary=summary.as_dict())


def list_runs(uow: UnitOfWork, *, actor: Actor, kind: str | None = None) -> list[RunPublic]:
    """Recent runs (re-assessments need ``case:read``, simulations ``batch:run``)."""
    with uow:
        wanted = {
            k
            for k in RunKind
            if actor.can(Permission.CASE_READ if k is RunKind.REASSESS else Permission.BATCH_RUN)
        }
        if not wanted:
            require(uow, actor, Permission.BATCH_RUN, subject_type=SUBJECT)
        runs = BatchRepository(uow.session).recent(kind)
        return [RunPublic.of(r) for r in runs if r.kind in wanted]


def list_rows(
    uow: UnitOfWork,
    *,
    actor: Actor,
    run_id: uuid.UUID,
    statuses: tuple[str, ...] = (),
    review: str | None = None,
    office: str | None = None,
    offset: int = 0,
    limit: int = 100,
) -> list[RowPublic]:
    """A page of a run's rows, biggest changes first; reading households' amounts is audited."""
    for s in statuses:
        if s not in set(RowStatus):
            raise InvalidInput("status", f"must be one of {', '.join(RowStatus)}")
    with uow:
        repo = BatchRepository(uow.session)
        run = repo.get(run_id)
        _require_read(uow, actor, run)
        rows = repo.rows(
            run_id,
            statuses=statuses,
            review=review,
            office=office,
            offset=offset,
            limit=max(1, min(limit, 1000)),
        )
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.BATCH_ROWS_READ,
            subject_type=SUBJECT,
            subject_id=run_id,
            details={"statuses": list(statuses), "office": office, "offset": offset, "rows": len(rows)},
        )
        uow.commit()
        return [RowPublic.of(r) for r in rows]


def review_row(
    uow: UnitOfWork, *, actor: Actor, run_id: uuid.UUID, application_id: uuid.UUID, data: RowReview
) -> RowPublic:
    """Act on a changed household of a re-assessment: a task for an officer (through the tasks
    service, so it is assigned, audited and followed like any other), or dismissed with a reason.
    The amount in force does not change here: a new decision does that, through the decision service."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=run_id)
        repo = BatchRepository(uow.session)
        run = repo.get(run_id)
        if run.kind != RunKind.REASSESS:
            raise InvalidTransition(
                "only a re-assessment's changes are reviewed; a simulation changes nothing"
            )
        row = repo.row(run_id, application_id)
        if row is None or row.status != RowStatus.CHANGED:
            raise InvalidInput("application_id", "is not a changed household of this run")
        if row.review != ReviewStatus.PENDING:
            raise InvalidTransition(f"this change was already reviewed ({row.review})")
        now = uow.clock.now()
        note = clean_text(data.note) or None
        if data.action == "task":
            app = uow.session.get(Application, application_id)
            assert app is not None
            before, after = format_cents(row.before_cents or 0), format_cents(row.after_cents or 0)
            task = create_task(
                uow,
                actor=actor,
                data=TaskCreate(
                    kind="follow_up",
                    title=f"Re-assessment {run.on_date}: {run.program} {before} → {after}",
                    details=(
                        note
                        or f"The rules in force on {run.on_date} give {after} a month instead of "
                        f"{before}. Reopen the application and decide on the current facts."
                    )[:4000],
                    person_id=app.applicant_id,
                    due_on=data.due_on or uow.clock.today() + dt.timedelta(days=14),
                    source_type=SUBJECT,
                    source_id=run_id,
                ),
            )
            row.review, row.task_id = ReviewStatus.TASKED.value, task.id
        elif data.action == "dismiss":
            row.review = ReviewStatus.DISMISSED.value
            note = required_text(data.note, "note", max_len=4000)
        else:
            raise InvalidInput("action", "must be task or dismiss")
        row.reviewed_by, row.reviewed_at, row.review_note = actor.username, now, note
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.BATCH_REVIEW,
            subject_type="application",
            subject_id=application_id,
            details={
                "run_id": run_id,
                "review": row.review,
                "task_id": row.task_id,
                "before_cents": row.before_cents,
                "after_cents": row.after_cents,
            },
        )
        uow.commit()
        return RowPublic.of(row)
