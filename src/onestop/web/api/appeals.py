"""/api/appeals: appeals of decisions, hearings, outcomes and the decision that follows."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.cases import appeals
from onestop.cases.appeals import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/appeals", tags=["appeals"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.AppealPublic)
def file(uow: UowDep, actor: CurrentActor, body: s.AppealCreate) -> s.AppealPublic:
    """File an appeal (past the deadline, ``late_reason`` is required)."""
    return appeals.file_appeal(uow, actor=actor, data=body)


@router.get("", response_model=list[s.AppealPublic])
def listing(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID, open_only: bool = False
) -> list[s.AppealPublic]:
    """A person's appeals."""
    return appeals.list_appeals(uow, actor=actor, person_id=person_id, open_only=open_only)


@router.get("/{appeal_id}", response_model=s.AppealPublic)
def read(uow: UowDep, actor: CurrentActor, appeal_id: uuid.UUID) -> s.AppealPublic:
    """One appeal."""
    return appeals.get_appeal(uow, actor=actor, appeal_id=appeal_id)


@router.post("/{appeal_id}/hearing", response_model=s.AppealPublic)
def hearing(
    uow: UowDep, actor: CurrentActor, appeal_id: uuid.UUID, body: s.HearingSchedule
) -> s.AppealPublic:
    """Schedule (or move) the hearing."""
    return appeals.schedule_hearing(uow, actor=actor, appeal_id=appeal_id, data=body)


@router.post("/{appeal_id}/outcome", response_model=s.AppealOutcomePublic)
def outcome(
    uow: UowDep, actor: CurrentActor, appeal_id: uuid.UUID, body: s.AppealDecide
) -> s.AppealOutcomePublic:
    """Record the panel's outcome (varied/overturned: a new superseding decision)."""
    return appeals.record_outcome(uow, actor=actor, appeal_id=appeal_id, data=body)


@router.post("/{appeal_id}/withdraw", response_model=s.AppealPublic)
def withdraw(
    uow: UowDep, actor: CurrentActor, appeal_id: uuid.UUID, body: s.AppealWithdraw
) -> s.AppealPublic:
    """The appellant withdraws."""
    return appeals.withdraw_appeal(uow, actor=actor, appeal_id=appeal_id, data=body)
