"""Caseload runs on staff pages: the list of runs with their progress, a run's summary (a simulation's
cost and gainers/losers as charts with their tables), a re-assessment's queue of changes that officers
turn into tasks, and the households the run could not assess (what is missing, or what is broken).

Runs are started from the command line (``onestop batch``): a run of a province's caseload outlasts
a web request. The pages read and act through ``onestop.batch``'s services, which check permissions.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import batch
from onestop.common.errors import NotFound
from onestop.common.i18n import N_
from onestop.web import charts, pages
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor

router = APIRouter(prefix="/batch")


def _run_id(raw: str) -> uuid.UUID:
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise NotFound("no such run") from None


@router.get("")
def runs(request: Request, actor: StaffActor) -> HTMLResponse:
    """Recent re-assessments and simulations, each with its progress line."""
    found = batch.list_runs(request.app.state.container.uow(), actor=actor)
    return pages.render(request, "staff/batch/list.html", {"runs": found})


@router.get("/{run_id}")
def run(request: Request, actor: StaffActor, run_id: str, office: str = "") -> HTMLResponse:
    """A run: progress, totals, charts (simulation) or the review queue (re-assessment)."""
    uow = request.app.state.container.uow
    rid = _run_id(run_id)
    report = batch.get_run(uow(), actor=actor, run_id=rid)
    fmt = pages.formatter(request)
    context: dict[str, Any] = {"report": report, "run": report.run, "office": office}
    summary = report.summary
    offices = summary["by_office"]
    families = summary["by_family_type"]
    cost = charts.bars([(k, v["monthly_after_cents"]) for k, v in offices.items()], fmt.money)
    movers = charts.bars(
        [(f"{k}: +", v["gainers"]) for k, v in families.items()]
        + [(f"{k}: −", v["losers"]) for k, v in families.items()],
        fmt.number,
    )
    context |= {
        "cost_bars": cost,
        "cost_chart": labels.bar_chart(
            request,
            "cost-by-office",
            N_("Monthly cost after, by office"),
            N_("What the households of each office would receive in a month."),
            cost,
        ),
        "mover_bars": movers,
        "mover_chart": labels.bar_chart(
            request,
            "movers-by-family",
            N_("Households gaining (+) and losing (−), by family type"),
            N_("How many households of each family type gain or lose."),
            movers,
        ),
    }
    if report.run.kind == batch.RunKind.REASSESS:
        context["queue"] = batch.list_rows(
            uow(),
            actor=actor,
            run_id=rid,
            statuses=("changed",),
            review="pending",
            office=office or None,
            limit=100,
        )
        unassessed = ("incomplete", "broken")
        context["problems"] = batch.list_rows(
            uow(), actor=actor, run_id=rid, statuses=unassessed, office=office or None, limit=100
        )
    return pages.render(request, "staff/batch/run.html", context)


@router.post("/{run_id}/cancel")
def cancel(request: Request, actor: StaffActor, run_id: str) -> Response:
    """Ask a running run to stop after the partitions already submitted (it can be resumed)."""
    rid = _run_id(run_id)
    batch.cancel_run(request.app.state.container.uow(), actor=actor, run_id=rid)
    pages.flash(request, N_("The run will stop after the partitions under way."), "success")
    return pages.redirect(request, f"/staff/batch/{rid}")


@router.post("/{run_id}/rows/{application_id}")
def review(
    request: Request,
    actor: StaffActor,
    run_id: str,
    application_id: str,
    action: Annotated[str, Form()] = "task",
    note: Annotated[str, Form()] = "",
) -> Response:
    """Turn a change into a task for an officer, or dismiss it with a reason."""
    rid = _run_id(run_id)
    data = batch.RowReview(action=action, note=note or None)
    batch.review_row(
        request.app.state.container.uow(),
        actor=actor,
        run_id=rid,
        application_id=_run_id(application_id),
        data=data,
    )
    message = N_("A task was created for this change.") if action == "task" else N_("Change dismissed.")
    pages.flash(request, message, "success")
    return pages.redirect(request, f"/staff/batch/{rid}")
