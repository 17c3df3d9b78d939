"""My tasks: the working list, marking a task done, and adding a task (for me or, with the right, others)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.tasks import Priority, TaskClose, TaskCreate, complete_task, create_task, list_tasks
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor, safe_next
from onestop.web.staff.forms import PageForm, Posted, form_errors, model, optional_uuid
from onestop.web.staff.page import Page

router = APIRouter(prefix="/tasks")

TASK_FIELDS = {"title", "details", "due_on", "priority", "kind", "person_id"}
KINDS = {
    "follow_up": N_("Follow up"),
    "documents_due": N_("Documents due"),
    "review_due": N_("Review due"),
    "callback": N_("Call back"),
}


@router.get("")
def my_tasks(page: Page, view: str = "open") -> HTMLResponse:
    """Every open task of mine (or the overdue / due-today list), most urgent first."""
    found = list_tasks(page.uow, actor=page.actor, view=view)
    context = {"tasks": found.items, "view": found.view, "names": {}}
    return page.render("staff/tasks/list.html", context)


@router.post("/{task_id:uuid}/complete")
def complete(
    page: Page,
    task_id: uuid.UUID,
    version: Annotated[int | None, Form()] = None,
    note: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/staff/tasks",
) -> Response:
    """Mark a task done and go back to the list it was on."""
    done = complete_task(
        page.uow,
        actor=page.actor,
        task_id=task_id,
        data=TaskClose(version=version, note=note or None),
    )
    page.flash(N_("Done: %(title)s"), "success", title=done.title)
    return page.redirect(safe_next(next))


class TaskForm(PageForm):
    title: str = ""
    details: str = ""
    due_on: str = ""
    priority: str = ""
    kind: str = ""
    person_id: str = ""


@router.get("/new")
def new_task_form(request: Request, actor: StaffActor, person_id: str = "") -> HTMLResponse:
    """An empty task form (about a person when opened from their file)."""
    return _form(request, {"person_id": person_id, "priority": "normal", "kind": "follow_up"})


@router.post("/new")
def add(page: Page, form: Posted[TaskForm]) -> Response:
    """Create the task for myself; back to the person's file or my list."""
    values = form.model_dump()
    try:
        data = model(
            TaskCreate,
            kind=values["kind"] or "follow_up",
            title=values["title"],
            details=values["details"] or None,
            person_id=optional_uuid(values["person_id"], "person_id"),
            due_on=parse_date(values["due_on"], field="due_on") if values["due_on"] else None,
            priority=values["priority"] or "normal",
        )
        task = create_task(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return _form(
            page.request, values, errors=form_errors(page.request, err, TASK_FIELDS), status_code=422
        )
    page.flash(N_("Task added: %(title)s"), "success", title=task.title)
    return page.redirect(f"/staff/people/{task.person_id}" if task.person_id else "/staff/tasks")


def _form(
    request: Request, values: dict[str, Any], *, errors: dict[str, str] | None = None, status_code: int = 200
) -> HTMLResponse:
    context = {
        "values": values,
        "errors": errors or {},
        "kinds": list(labels.translated(request, KINDS).items()),
        "priorities": [(p.value, labels.label(request, labels.PRIORITIES, p.value)) for p in Priority],
        "log_person": values.get("person_id") or None,
        "page_url": "/staff/tasks/new",
    }
    return pages.render(request, "staff/tasks/new.html", context, status_code=status_code)
