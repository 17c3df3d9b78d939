"""/api routes: service-level assessments and outcome plans (versions, reviews, closing, printing)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import Query, Response

from onestop.cases import plans as p
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = ServiceRouter(tags=["plans"])

router.service_post(
    "/assessments", p.record_assessment, "assess", "Record a service-level assessment.", created=True
)

router.service_get(
    "/people/{person_id}/assessments",
    p.list_assessments,
    "assessments",
    "A person's assessments, newest first.",
)

router.service_post("/plans", p.create_plan, "create", "Start an outcome plan (version 1).", created=True)

router.service_get(
    "/people/{person_id}/plans", p.list_plans, "of_person", "A person's plans as they are now."
)

router.service_get(
    "/plans/{plan_id}",
    p.get_plan,
    "read",
    "A plan now, or at an earlier `revision`, with its history.",
    query=("revision",),
)

router.service_post(
    "/plans/{plan_id}/revise",
    p.revise_plan,
    "revise",
    "Replace goals and actions: a new version (send the `version` you read).",
)

router.service_post(
    "/plans/{plan_id}/reviews",
    p.add_plan_review,
    "review",
    "Add a review of progress over a period: a new version.",
)

router.service_post(
    "/plans/{plan_id}/actions/{action_id}/status",
    p.set_plan_action_status,
    "action_status",
    "Change one action's status: a new version.",
)

router.service_post(
    "/plans/{plan_id}/close", p.close_plan, "close", "Close the plan (409 if it is already closed)."
)


@router.get("/plans/{plan_id}/print", response_class=Response)
def print_plan(
    uow: UowDep,
    actor: CurrentActor,
    plan_id: uuid.UUID,
    fmt: Annotated[Literal["pdf", "text"], Query(alias="format")] = "pdf",
    revision: int | None = None,
) -> Response:
    """The plan as a PDF or plain text (audited)."""
    printed = p.print_plan(uow, actor=actor, plan_id=plan_id, revision=revision, fmt=fmt)
    headers = download_headers(printed.filename, "inline")
    return Response(printed.content, media_type=printed.media_type, headers=headers)
