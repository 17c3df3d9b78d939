"""/api routes: tasks and caseloads."""

from __future__ import annotations

from onestop.cases import tasks as t
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(tags=["tasks"])

router.service_post(
    "/tasks",
    t.create_task,
    "create",
    "Create a task (yours unless you give an assignee or office; others need task:assign).",
    created=True,
)

router.service_get(
    "/tasks",
    t.list_tasks,
    "listing",
    "A working list: `open`, `due_today`, `overdue` or `all`; yours unless you name whose.",
    query=(
        "view",
        "assignee_id",
        "office_id",
        "person_id",
    ),
)

router.service_get("/tasks/{task_id}", t.get_task, "read", "One task.")

router.service_post(
    "/tasks/{task_id}/complete",
    t.complete_task,
    "complete",
    "Mark a task done (send the `version` you read).",
)

router.service_post(
    "/tasks/{task_id}/cancel", t.cancel_task, "cancel", "Cancel a task; `note` (the reason) is required."
)

router.service_post(
    "/tasks/{task_id}/reassign",
    t.reassign_task,
    "reassign",
    "Give an open task to another officer or team (supervisors).",
)

router.service_get(
    "/caseload",
    t.get_caseload,
    "caseload",
    "An officer's current caseload (yours by default) with open task counts.",
    query=("staff_id",),
)

router.service_post(
    "/caseload/reassign",
    t.reassign_caseload,
    "reassign_caseload",
    "Move a caseload (or some people) to another officer with their open tasks (supervisors).",
)

router.service_post(
    "/people/{person_id}/primary-worker",
    t.assign_primary_worker,
    "assign",
    "Make an officer the person's primary worker (the previous assignment is ended, kept).",
)

router.service_get(
    "/people/{person_id}/primary-worker/history",
    t.worker_history,
    "workers",
    "Every primary worker the person has had, newest first.",
)
