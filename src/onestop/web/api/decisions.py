"""/api/decisions: decide an application, read decisions, and approve or refuse overrides (maker-checker)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Response, status

from onestop.cases import decisions
from onestop.cases.decisions import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/decisions", tags=["decisions"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.DecisionOutcome)
def decide(uow: UowDep, actor: CurrentActor, body: s.DecisionCreate, response: Response) -> s.DecisionOutcome:
    """Decide on the verified case (201), or queue an override for a supervisor (202)."""
    outcome = decisions.decide_application(uow, actor=actor, data=body)
    if outcome.pending_override is not None:
        response.status_code = status.HTTP_202_ACCEPTED
    return outcome


@router.get("", response_model=list[s.DecisionPublic])
def listing(
    uow: UowDep,
    actor: CurrentActor,
    application_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
) -> list[s.DecisionPublic]:
    """An application's decisions (newest first), or the decisions in force for a person."""
    return decisions.list_decisions(uow, actor=actor, application_id=application_id, person_id=person_id)


@router.get("/overrides", response_model=list[s.OverridePublic])
def overrides(uow: UowDep, actor: CurrentActor, office_id: uuid.UUID | None = None) -> list[s.OverridePublic]:
    """Overrides waiting for a supervisor."""
    return decisions.list_override_requests(uow, actor=actor, office_id=office_id)


@router.post(
    "/overrides/{request_id}/approve", status_code=status.HTTP_201_CREATED, response_model=s.DecisionPublic
)
def approve(
    uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: s.OverrideReview
) -> s.DecisionPublic:
    """Approve another officer's override: the decision is recorded as proposed."""
    return decisions.approve_override(uow, actor=actor, request_id=request_id, data=body)


@router.post("/overrides/{request_id}/refuse", response_model=s.OverridePublic)
def refuse(
    uow: UowDep, actor: CurrentActor, request_id: uuid.UUID, body: s.OverrideReview
) -> s.OverridePublic:
    """Refuse an override (reason required)."""
    return decisions.refuse_override(uow, actor=actor, request_id=request_id, data=body)


@router.get("/{decision_id}", response_model=s.DecisionPublic)
def read(uow: UowDep, actor: CurrentActor, decision_id: uuid.UUID) -> s.DecisionPublic:
    """One decision with its explanation, text (EN/FR) and appeal rights."""
    return decisions.get_decision(uow, actor=actor, decision_id=decision_id)
