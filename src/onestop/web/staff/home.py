"""The staff home page: what is due today, the caseload, reviews due and approvals waiting.

Read-only: each block is one of the owning area's read services, called with the signed-in actor.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.access.permissions import Actor, Permission
from onestop.cases.tasks import TaskKind, get_caseload, list_tasks
from onestop.db import UnitOfWork
from onestop.demo.guide import demo_guide
from onestop.money import list_approvals
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor

router = APIRouter()


@router.get("/")
def home(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """The page an officer lands on after signing in."""
    container = request.app.state.container
    context: dict[str, Any] = {"today": container.clock.now(), "demo_guide": demo_guide(uow)}
    if actor.staff_id is not None and actor.can(Permission.CASE_READ):
        context |= _work(request, uow, actor)
    if actor.can(Permission.MONEY_APPROVE):
        context["approvals"] = list_approvals(uow, actor=actor, limit=20)
    return pages.render(request, "staff/home.html", context)


def _work(request: Request, uow: UnitOfWork, actor: Actor) -> dict[str, Any]:
    """Open tasks split into today's work and reviews, and the caseload with names for the tasks."""
    tasks = list_tasks(uow, actor=actor, view="open").items
    caseload = get_caseload(uow, actor=actor).people
    names = {p.person_id: f"{p.family_name}, {p.given_names}" for p in caseload}
    due = [t for t in tasks if t.bucket in ("overdue", "due_today") and t.kind != TaskKind.REVIEW_DUE]
    return {
        "due_tasks": due,
        "upcoming_count": sum(1 for t in tasks if t.bucket == "upcoming"),
        "reviews": [t for t in tasks if t.kind == TaskKind.REVIEW_DUE],
        "caseload": caseload,
        "names": names,
    }
