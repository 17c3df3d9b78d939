"""/api routes: service-level assessments and outcome plans (versions, reviews, closing, printing)."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from onestop.cases import plans as p
from onestop.web.deps import CurrentActor, UowDep
from onestop.web.downloads import download_headers

router = APIRouter(tags=["plans"])


@router.post("/assessments", status_code=status.HTTP_201_CREATED, response_model=p.AssessmentPublic)
def assess(uow: UowDep, actor: CurrentActor, body: p.AssessmentCreate) -> p.AssessmentPublic:
    """Record a service-level assessment."""
    return p.record_assessment(uow, actor=actor, data=body)


@router.get("/people/{person_id}/assessments", response_model=list[p.AssessmentPublic])
def assessments(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.AssessmentPublic]:
    """A person's assessments, newest first."""
    return p.list_assessments(uow, actor=actor, person_id=person_id)


@router.post("/plans", status_code=status.HTTP_201_CREATED, response_model=p.PlanPublic)
def create(uow: UowDep, actor: CurrentActor, body: p.PlanCreate) -> p.PlanPublic:
    """Start an outcome plan (version 1)."""
    return p.create_plan(uow, actor=actor, data=body)


@router.get("/people/{person_id}/plans", response_model=list[p.PlanPublic])
def of_person(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.PlanPublic]:
    """A person's plans as they are now."""
    return p.list_plans(uow, actor=actor, person_id=person_id)


@router.get("/plans/{plan_id}", response_model=p.PlanPublic)
def read(uow: UowDep, actor: CurrentActor, plan_id: uuid.UUID, revision: int | None = None) -> p.PlanPublic:
    """A plan now, or at an earlier `revision`, with its history."""
    return p.get_plan(uow, actor=actor, plan_id=plan_id, revision=revision)


@router.post("/plans/{plan_id}/revise", response_model=p.PlanPublic)
def revise(uow: UowDep, actor: CurrentActor, plan_id: uuid.UUID, body: p.PlanRevise) -> p.PlanPublic:
    """Replace goals and actions: a new version (send the `version` you read)."""
    return p.revise_plan(uow, actor=actor, plan_id=plan_id, data=body)


@router.post("/plans/{plan_id}/reviews", response_model=p.PlanPublic)
def review(uow: UowDep, actor: CurrentActor, plan_id: uuid.UUID, body: p.PlanReviewIn) -> p.PlanPublic:
    """Add a review of progress over a period: a new version."""
    return p.add_plan_review(uow, actor=actor, plan_id=plan_id, data=body)


@router.post("/plans/{plan_id}/actions/{action_id}/status", response_model=p.PlanPublic)
def action_status(
    uow: UowDep, actor: CurrentActor, plan_id: uuid.UUID, action_id: str, body: p.ActionStatusIn
) -> p.PlanPublic:
    """Change one action's status: a new version."""
    return p.set_plan_action_status(uow, actor=actor, plan_id=plan_id, action_id=action_id, data=body)


@router.post("/plans/{plan_id}/close", response_model=p.PlanPublic)
def close(uow: UowDep, actor: CurrentActor, plan_id: uuid.UUID, body: p.PlanClose) -> p.PlanPublic:
    """Close the plan (409 if it is already closed)."""
    return p.close_plan(uow, actor=actor, plan_id=plan_id, data=body)


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
