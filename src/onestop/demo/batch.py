"""Caseload runs of the demo office: the supervisor re-assesses the Income Support caseload on the rules
in force and simulates a shelter-rate increase; an officer turns a changed household into a task.

Runs go through ``onestop.batch`` on its in-process (synchronous) scheduler: a demo caseload is a few
hundred households at most, so starting a Dask cluster would cost more than the run.
"""

from __future__ import annotations

import datetime as dt

from onestop import batch
from onestop.access import Actor
from onestop.demo.context import Ctx

PROGRAM = "ab.income_support"
OVERLAY = "core_shelter_private=+5%"


def _run(ctx: Ctx, supervisor: Actor, kind: batch.RunKind, overlays: list[str]) -> batch.RunPublic:
    uow = ctx.container.uow
    data = batch.RunCreate(program=PROGRAM, on=ctx.clock.today(), overlays=overlays)
    run = batch.start_run(uow(), actor=supervisor, kind=kind, data=data)
    with batch.executor(batch.SYNCHRONOUS) as executor:
        return batch.execute_run(uow(), actor=supervisor, run_id=run.id, executor=executor)


def reassess(ctx: Ctx, supervisor: Actor, officer: Actor) -> None:
    """A re-assessment on today's rules; the first changed household becomes an officer's task."""
    run = _run(ctx, supervisor, batch.RunKind.REASSESS, [])
    ctx.made.add("batch_runs")
    changed = batch.list_rows(
        ctx.container.uow(), actor=officer, run_id=run.id, statuses=("changed",), limit=1
    )
    for row in changed:
        batch.review_row(
            ctx.container.uow(),
            actor=officer,
            run_id=run.id,
            application_id=row.application_id,
            data=batch.RowReview(action="task", due_on=ctx.clock.today() + dt.timedelta(days=7)),
        )
        ctx.made.add("batch_reviews")


def simulate(ctx: Ctx, supervisor: Actor) -> None:
    """What a 5 % rise of the private-housing shelter rate would cost, office by office."""
    _run(ctx, supervisor, batch.RunKind.SIMULATE, [OVERLAY])
    ctx.made.add("batch_runs")
