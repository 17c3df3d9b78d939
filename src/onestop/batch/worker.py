"""One partition from end to end on a Dask worker: read its key range from the database, evaluate it,
store its rows and mark it done, in one transaction of the worker's own connection (PostgreSQL).

Why on the worker: the driver funnelled every household twice (the block read in, the rows stored
out) through one process, while the workers waited. Here each worker reads its own partition with
``COPY (SELECT ...) TO STDOUT`` by key range (the facts off the index of current facts), and stores
its rows with ``COPY FROM``; the driver only cuts key ranges, records them and follows progress. Two
workers read and write in parallel.

Safe to repeat: the partition's row is locked first (``FOR UPDATE``) and a partition already done is
left as it is; its rows and its "done" are committed together, so a partition not done has no rows
(nothing to delete: a delete by partition would scan the run's rows, quadratic over a run). A task
that runs twice (a worker lost and its task re-run, a resumption racing an orphaned task) never
stores a row twice. The commit is asynchronous (``synchronous_commit = off``): a crash may lose the
last commits, never half of one, and a partition whose commit was lost is simply not done and runs
again on resume.
"""

from __future__ import annotations

import datetime as dt
import time
import uuid
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from onestop.batch.evaluate import Job, evaluate_partition
from onestop.batch.repository import BatchRepository
from onestop.db import make_engine

_engines: dict[str, Engine] = {}  # one per database per worker process, kept for its later tasks


def _engine(url: str) -> Engine:
    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url, pool_size=1, max_overflow=1)
    return engine


def run_partition(
    url: str,
    job: Job,
    run_id: uuid.UUID,
    seq: int,
    after: uuid.UUID | None,
    last: uuid.UUID,
    queue: bool,
    now: dt.datetime,
) -> dict[str, Any]:
    """Read, evaluate and store one partition; returns its households and the seconds spent reading,
    evaluating and storing (0 households when another task had already stored it)."""
    started = time.monotonic()
    with Session(_engine(url)) as session, session.begin():
        session.execute(text("SET LOCAL jit = off"))  # compiling each query costs more than it saves
        session.execute(text("SET LOCAL synchronous_commit = off"))  # see the module docstring
        session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))  # Dask is the parallelism
        repo = BatchRepository(session)
        part = repo.read_partition(job.program, job.on, after, last)
        read = time.monotonic()
        table = evaluate_partition(job, part)
        evaluated = time.monotonic()
        if repo.lock_partition(run_id, seq) != "read":
            return {"households": 0, "read_s": read - started, "evaluate_s": evaluated - read, "store_s": 0.0}
        repo.store_rows(run_id, seq, table, queue=queue)
        repo.mark_partition(
            run_id,
            seq,
            status="done",
            households=table.num_rows,
            seconds=round(time.monotonic() - started),
            finished_at=now,
        )
        repo.count_done(run_id, table.num_rows)
    stored = time.monotonic()
    return {
        "households": int(table.num_rows),
        "read_s": read - started,
        "evaluate_s": evaluated - read,
        "store_s": stored - evaluated,
    }


__all__ = ["run_partition"]
