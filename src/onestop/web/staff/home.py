"""The staff home page: the queues that drive the officer's day.

Overdue and due-today tasks, reviews due, what waits for the officer's action (open applications of
their caseload, documents to check), their caseload by where its applications stand (a chart with its
table), their latest contacts, and approvals for those who give them. Read-only: each block is one of
the owning area's read services, called with the signed-in actor.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.responses import HTMLResponse

from onestop.access import Permission
from onestop.cases.applications import caseload_work
from onestop.cases.interactions import my_recent_contacts
from onestop.cases.tasks import TaskKind, get_caseload, list_tasks
from onestop.common.i18n import N_
from onestop.demo import demo_guide
from onestop.money import list_approvals, list_invoices
from onestop.web import charts, pages
from onestop.web.staff import labels
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

#: The caseload chart's bars: application statuses, then the people without one.
CASELOAD_STATUSES = {**labels.STATUSES, "none": N_("No application yet")}
RECENT_CONTACTS = 8


@router.get("/")
def home(page: Page) -> HTMLResponse:
    """The page an officer lands on after signing in."""
    container = page.request.app.state.container
    context: dict[str, Any] = {"today": container.clock.now(), "demo_guide": demo_guide(page.uow)}
    if page.actor.staff_id is not None and page.actor.can(Permission.CASE_READ):
        context |= _work(page)
    if page.actor.can(Permission.MONEY_APPROVE):
        context["approvals"] = list_approvals(page.uow, actor=page.actor, limit=20)
    if page.actor.can(Permission.MONEY_INVOICE_WRITE):  # another officer's invoices wait for my approval
        waiting = list_invoices(page.uow, actor=page.actor, state="received")
        context["invoices_waiting"] = sum(1 for i in waiting if i.entered_by != page.actor.username)
    return page.render("staff/home.html", context)


def _work(page: StaffPage) -> dict[str, Any]:
    """Open tasks split into overdue, today's work and reviews; the caseload and what waits in it."""
    tasks = list_tasks(page.uow, actor=page.actor, view="open").items
    caseload = get_caseload(page.uow, actor=page.actor).people
    work = caseload_work(page.uow, actor=page.actor)
    names = {p.person_id: f"{p.family_name}, {p.given_names}" for p in caseload}
    todo = [t for t in tasks if t.kind != TaskKind.REVIEW_DUE]
    number = pages.formatter(page.request).number
    bars = charts.bars(
        [(labels.label(page.request, CASELOAD_STATUSES, status), n) for status, n in work.by_status], number
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
            page.gettext(N_("My caseload by status")),
            page.gettext(
                N_("%(people)s people, counted by where their latest application stands."),
                people=number(work.people),
            ),
            bars,
        ),
        "contacts": my_recent_contacts(page.uow, actor=page.actor, limit=RECENT_CONTACTS),
    }
