"""/api/reviews: periodic reviews, reported changes, suspensions and reinstatements."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, status

from onestop.cases import reviews
from onestop.cases.decisions.schemas import DecisionPublic
from onestop.cases.reviews import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/reviews", tags=["reviews"])


@router.post("/run-due", response_model=list[s.ReviewPublic])
def run_due(uow: UowDep, actor: CurrentActor) -> list[s.ReviewPublic]:
    """The scheduled job: reviews now due get a task for their officer."""
    return reviews.open_due_reviews(uow, actor=actor)


@router.post("/changes", status_code=status.HTTP_201_CREATED, response_model=s.ReviewPublic)
def report_change(uow: UowDep, actor: CurrentActor, body: s.ChangeReport) -> s.ReviewPublic:
    """A change in circumstances (income, household, address...): the case is reassessed."""
    return reviews.report_change(uow, actor=actor, data=body)


@router.post("/suspensions", status_code=status.HTTP_201_CREATED, response_model=DecisionPublic)
def suspend(uow: UowDep, actor: CurrentActor, body: s.BenefitHold) -> DecisionPublic:
    """Suspend the benefit (reason required): a new decision."""
    return reviews.suspend_benefit(uow, actor=actor, data=body)


@router.post("/reinstatements", status_code=status.HTTP_201_CREATED, response_model=DecisionPublic)
def reinstate(uow: UowDep, actor: CurrentActor, body: s.BenefitHold) -> DecisionPublic:
    """Reinstate a suspended benefit (reason required): a new decision."""
    return reviews.reinstate_benefit(uow, actor=actor, data=body)


@router.get("", response_model=list[s.ReviewPublic])
def listing(
    uow: UowDep,
    actor: CurrentActor,
    application_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    status: str | None = None,
    due_before: dt.date | None = None,
) -> list[s.ReviewPublic]:
    """Reviews of an application or a person, or all due before a date."""
    return reviews.list_reviews(
        uow,
        actor=actor,
        application_id=application_id,
        person_id=person_id,
        status=status,
        due_before=due_before,
    )


@router.get("/{review_id}", response_model=s.ReviewPublic)
def read(uow: UowDep, actor: CurrentActor, review_id: uuid.UUID) -> s.ReviewPublic:
    """One review."""
    return reviews.get_review(uow, actor=actor, review_id=review_id)


@router.post("/{review_id}/start", response_model=s.ReviewPublic)
def start(uow: UowDep, actor: CurrentActor, review_id: uuid.UUID, body: s.ReviewAction) -> s.ReviewPublic:
    """Start: the case reopens so facts can be updated."""
    return reviews.start_review(uow, actor=actor, review_id=review_id, data=body)


@router.post("/{review_id}/conduct", response_model=s.ReviewOutcome)
def conduct(uow: UowDep, actor: CurrentActor, review_id: uuid.UUID, body: s.ReviewConduct) -> s.ReviewOutcome:
    """Re-evaluate (or suspend) and record the result as a new decision."""
    return reviews.conduct_review(uow, actor=actor, review_id=review_id, data=body)


@router.post("/{review_id}/cancel", response_model=s.ReviewPublic)
def cancel(uow: UowDep, actor: CurrentActor, review_id: uuid.UUID, body: s.ReviewAction) -> s.ReviewPublic:
    """Cancel (reason required)."""
    return reviews.cancel_review(uow, actor=actor, review_id=review_id, data=body)
