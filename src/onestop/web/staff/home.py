"""The staff home page: the queues that drive the officer's day.

Overdue and due-today tasks, reviews due, what waits for the officer's action (open applications of
their caseload, documents to check), their caseload by where its applications stand (a chart with its
table), their latest contacts, and approvals for those who give them. Read-only: each block is one of
the owning area's read services, called with the signed-in actor.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.access import Actor, Permission
from onestop.cases.applications import caseload_work
from onestop.cases.interactions import my_recent_contacts
from onestop.cases.tasks import TaskKind, get_caseload, list_tasks
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.demo import demo_guide
from onestop.money import list_approvals, list_invoices
from onestop.web import charts, pages
from onestop.web.deps import UowDep
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor

router = APIRouter()

#: The caseload chart's bars: application statuses, then the people without one.
CASELOAD_STATUSES = {**labels.STATUSES, "none": N_("No application yet")}
RECENT_CONTACTS = 8


@router.get("/")
def home(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """The page an officer lands on after signing in."""
    container = request.app.state.container
    context: dict[str, Any] = {"today": container.clock.now(), "demo_guide": demo_guide(uow)}
    if actor.staff_id is not None and actor.can(Permission.CASE_READ):
        context |= _work(request, uow, actor)
    if actor.can(Permission.MONEY_APPROVE):
        context["approvals"] = list_approvals(uow, actor=actor, limit=20)
    if actor.can(Permission.MONEY_INVOICE_WRITE):  # another officer's invoices wait for my approval
        waiting = list_invoices(uow, actor=actor, state="received")
        context["invoices_waiting"] = sum(1 for i in waiting if i.entered_by != actor.username)
    return pages.render(request, "staff/home.html", context)


def _work(request: Request, uow: UnitOfWork, actor: Actor) -> dict[str, Any]:
    """Open tasks split into overdue, today's work and reviews; the caseload and what waits in it."""
    tasks = list_tasks(uow, actor=actor, view="open").items
    caseload = get_caseload(uow, actor=actor).people
    work = caseload_work(uow, actor=actor)
    names = {p.person_id: f"{p.family_name}, {p.given_names}" for p in caseload}
    todo = [t for t in tasks if t.kind != TaskKind.REVIEW_DUE]
    number = pages.formatter(request).number
    bars = charts.bars(
        [(labels.label(request, CASELOAD_STATUSES, status), n) for status, n in work.by_status], number
    )
    return {
        "overdue_tasks": [t for t in todo if t.bucket == "overdue"],
        "due_tasks": [t for t in todo if t.bucket == "due_today"],
        "upcoming_count": sum(1 for t in tasks if t.bucket == "upcoming"),
        "reviews": [t for t in tasks if t.kind == TaskKind.REVIEW_DUE],
        "caseload": caseload,
        "names": names,
        "waiting": work.waiting,
        "caseload_bars": bars,
        "caseload_chart": charts.horizontal(
            "caseload-by-status",
            pages.gettext(request, N_("My caseload by status")),
            pages.gettext(
                request,
                N_("%(people)s people, counted by where their latest application stands."),
                people=number(work.people),
            ),
            bars,
        ),
        "contacts": my_recent_contacts(uow, actor=actor, limit=RECENT_CONTACTS),
    }
