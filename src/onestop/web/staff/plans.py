"""Outcome plans: a one-page editor (goals, then actions with an owner and a due date), the plan with its
reviews and history, action statuses, closing, and printing (PDF or text from the plans area).

The editor shows every current goal and action plus three empty rows of each (no JavaScript needed);
empty rows are ignored. New goals are numbered by the plans area (G1, G2...), so an action can name
a new goal by its row ("new-1") and the route turns it into the number that goal will get.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, Response

from onestop.cases.plans import (
    ActionIn,
    ActionStatusIn,
    GoalIn,
    PlanClose,
    PlanCreate,
    PlanPublic,
    PlanReviewIn,
    PlanRevise,
    add_plan_review,
    close_plan,
    create_plan,
    get_plan,
    print_plan,
    revise_plan,
    set_plan_action_status,
)
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.downloads import download_headers
from onestop.web.parsing import row_count, whole_number
from onestop.web.staff.forms import PageForm, Posted, model
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

BLANK_ROWS = 3
OWNERS = {"client": N_("The client"), "officer": N_("The officer"), "agency": N_("An agency")}
ACTION_STATUSES = {
    "planned": N_("Planned"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "cancelled": N_("Cancelled"),
}
GOAL_STATUSES = {"open": N_("Open"), "achieved": N_("Achieved"), "dropped": N_("Dropped")}
PROGRESS = {
    "not_started": N_("Not started"),
    "some_progress": N_("Some progress"),
    "on_track": N_("On track"),
    "achieved": N_("Achieved"),
    "setback": N_("Setback"),
}


class ActionStatusForm(PageForm):
    status: str = ""
    version: str = ""


class CloseForm(PageForm):
    version: str = ""
    note: str = ""


class ReviewForm(PageForm):
    version: str = ""
    review_on: str = ""
    period_from: str = ""
    period_to: str = ""
    progress: str = ""
    notes: str = ""


@router.get("/people/{person_id:uuid}/plans/new")
def new_plan(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """An empty plan editor."""
    return _editor(page, person_id, None, {"title": ""}, [], [])


@router.post("/people/{person_id:uuid}/plans/new")
async def create(page: Page, person_id: uuid.UUID) -> Response:
    """Create the plan from the editor's rows."""
    async with page.request.form() as form:
        pass  # the values stay readable once the (file-less) form is closed
    title = str(form.get("title") or "")
    goals: list[GoalIn] = []
    actions: list[ActionIn] = []
    try:
        title, goals, actions = _rows(form, known_goals=[])
        data = model(PlanCreate, person_id=person_id, title=title, goals=goals, actions=actions)
        plan = create_plan(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return _editor(page, person_id, None, {"title": title}, goals, actions, err=err)
    page.flash(N_("The plan is saved."), "success")
    return page.redirect(f"/staff/plans/{plan.id}")


@router.get("/plans/{plan_id:uuid}")
def plan_page(page: Page, plan_id: uuid.UUID) -> HTMLResponse:
    """The plan as it is now, with its reviews and the history of its revisions."""
    plan = get_plan(page.uow, actor=page.actor, plan_id=plan_id)
    return _view(page.request, plan)


@router.get("/plans/{plan_id:uuid}/edit")
def edit(page: Page, plan_id: uuid.UUID) -> HTMLResponse:
    """The editor with the plan's current goals and actions."""
    plan = get_plan(page.uow, actor=page.actor, plan_id=plan_id)
    goals = [GoalIn(text=g.text, status=g.status, id=g.id) for g in plan.goals]
    actions = [
        ActionIn(
            text=a.text,
            owner=a.owner,
            owner_name=a.owner_name,
            due_on=a.due_on,
            status=a.status,
            goal_id=a.goal_id,
            id=a.id,
        )
        for a in plan.actions
    ]
    return _editor(page, plan.person_id, plan, {"title": plan.title}, goals, actions)


@router.post("/plans/{plan_id:uuid}/edit")
async def revise(page: Page, plan_id: uuid.UUID) -> Response:
    """Save a new revision (the previous ones are kept)."""
    plan = get_plan(page.uow, actor=page.actor, plan_id=plan_id)
    async with page.request.form() as form:
        version, note = str(form.get("version") or ""), str(form.get("note") or "")
    title = str(form.get("title") or "")
    goals: list[GoalIn] = []
    actions: list[ActionIn] = []
    try:
        title, goals, actions = _rows(form, known_goals=[g.id for g in plan.goals])
        data = model(
            PlanRevise,
            version=whole_number(version),
            title=title,
            goals=goals,
            actions=actions,
            note=note or None,
        )
        revise_plan(page.uow, actor=page.actor, plan_id=plan_id, data=data)
    except InvalidInput as err:
        return _editor(page, plan.person_id, plan, {"title": title}, goals, actions, err=err)
    page.flash(N_("The plan is saved."), "success")
    return page.redirect(f"/staff/plans/{plan_id}")


@router.post("/plans/{plan_id:uuid}/actions/{action_id}")
def action_status(page: Page, plan_id: uuid.UUID, action_id: str, form: Posted[ActionStatusForm]) -> Response:
    """Change one action's status."""
    data = ActionStatusIn(version=whole_number(form.version), status=form.status)
    set_plan_action_status(page.uow, actor=page.actor, plan_id=plan_id, action_id=action_id, data=data)
    return page.redirect(f"/staff/plans/{plan_id}#actions-title")


@router.post("/plans/{plan_id:uuid}/review")
def review(page: Page, plan_id: uuid.UUID, form: Posted[ReviewForm]) -> Response:
    """Record a review of the plan's progress over a period."""
    try:
        data = model(
            PlanReviewIn,
            version=whole_number(form.version),
            review_on=parse_date(form.review_on, field="review_on"),
            period_from=parse_date(form.period_from, field="period_from"),
            period_to=parse_date(form.period_to, field="period_to"),
            progress=form.progress,
            notes=form.notes,
        )
        add_plan_review(page.uow, actor=page.actor, plan_id=plan_id, data=data)
    except InvalidInput as err:
        plan = get_plan(page.uow, actor=page.actor, plan_id=plan_id)
        errors = pages.field_errors(page.request, err)
        return _view(page.request, plan, errors=errors, values=form.model_dump())
    page.flash(N_("The review is recorded."), "success")
    return page.redirect(f"/staff/plans/{plan_id}#reviews-title")


@router.post("/plans/{plan_id:uuid}/close")
def close(page: Page, plan_id: uuid.UUID, form: Posted[CloseForm]) -> Response:
    """Close the plan (final)."""
    data = PlanClose(version=whole_number(form.version), note=form.note or None)
    close_plan(page.uow, actor=page.actor, plan_id=plan_id, data=data)
    page.flash(N_("The plan is closed."), "success")
    return page.redirect(f"/staff/plans/{plan_id}")


@router.get("/plans/{plan_id:uuid}/print")
def printed(page: Page, plan_id: uuid.UUID, format: str = "pdf") -> Response:
    """The plan as a PDF (or plain text) to give the client."""
    got = print_plan(page.uow, actor=page.actor, plan_id=plan_id, fmt=format)
    headers = download_headers(got.filename)
    return Response(got.content, media_type=got.media_type, headers=headers)


def _rows(form: FormData, *, known_goals: list[str]) -> tuple[str, list[GoalIn], list[ActionIn]]:
    """The editor's non-empty rows; an action naming a new goal's row gets that goal's future id."""
    title = str(form.get("title") or "").strip()
    goals, new_ids = [], {}
    number = max((whole_number(g[1:]) or 0 for g in known_goals), default=0) + 1
    for n in range(row_count(form.get("goal_rows"), "goal_rows")):
        text = str(form.get(f"goal-{n}-text") or "").strip()
        gid = str(form.get(f"goal-{n}-id") or "") or None
        if not text:
            continue
        if gid is None:
            new_ids[f"new-{n}"], number = f"G{number}", number + 1
        goals.append(model(GoalIn, text=text, status=str(form.get(f"goal-{n}-status") or "open"), id=gid))
    actions: list[ActionIn] = []
    for n in range(row_count(form.get("action_rows"), "action_rows")):
        text = str(form.get(f"action-{n}-text") or "").strip()
        if not text:
            continue
        goal = str(form.get(f"action-{n}-goal") or "") or None
        due = str(form.get(f"action-{n}-due_on") or "").strip()
        actions.append(
            model(
                ActionIn,
                text=text,
                owner=str(form.get(f"action-{n}-owner") or "client"),
                owner_name=str(form.get(f"action-{n}-owner_name") or "").strip() or None,
                due_on=parse_date(due, field=f"actions.{len(actions)}.due_on") if due else None,
                status=str(form.get(f"action-{n}-status") or "planned"),
                goal_id=new_ids.get(goal, goal) if goal else None,
                id=str(form.get(f"action-{n}-id") or "") or None,
            )
        )
    return title, goals, actions


def _editor(
    page: StaffPage,
    person_id: uuid.UUID,
    plan: PlanPublic | None,
    values: dict[str, Any],
    goals: list[GoalIn],
    actions: list[ActionIn],
    *,
    err: InvalidInput | None = None,
) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=person_id)
    goal_rows = [*goals, *([None] * BLANK_ROWS)]
    action_rows = [*actions, *([None] * BLANK_ROWS)]
    context = {
        "person": person,
        "plan": plan,
        "values": values,
        "goal_rows": goal_rows,
        "action_rows": action_rows,
        "errors": {"form": f"{err.field}: {page.gettext(err.problem)}"} if err else {},
        "owners": _words(page.request, OWNERS),
        "action_statuses": _words(page.request, ACTION_STATUSES),
        "goal_statuses": _words(page.request, GOAL_STATUSES),
        "log_person": person_id,
        "page_url": f"/staff/plans/{plan.id}/edit" if plan else f"/staff/people/{person_id}/plans/new",
    }
    return page.render("staff/plans/edit.html", context, status_code=422 if err else 200)


def _view(
    request: Request,
    plan: PlanPublic,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
) -> HTMLResponse:
    context = {
        "plan": plan,
        "errors": errors or {},
        "values": values or {},
        "owners": dict(_words(request, OWNERS)),
        "action_statuses": _words(request, ACTION_STATUSES),
        "goal_statuses": dict(_words(request, GOAL_STATUSES)),
        "progress": _words(request, PROGRESS),
        "today": request.app.state.container.clock.today().isoformat(),
        "log_person": plan.person_id,
        "page_url": f"/staff/plans/{plan.id}",
    }
    return pages.render(request, "staff/plans/view.html", context, status_code=422 if errors else 200)


def _words(request: Request, table: dict[str, str]) -> list[tuple[str, str]]:
    return [(code, pages.gettext(request, text)) for code, text in table.items()]
