"""/api/staff/grants: privileged roles asked for, approved or refused by a second administrator."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.access import GrantApproval, GrantPublic, GrantRefusalIn, GrantRequest, grants
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["staff"])


@router.get("/staff/grants", response_model=list[GrantPublic])
def list_grants(
    uow: UowDep,
    actor: CurrentActor,
    state: str = "pending",
    staff_id: uuid.UUID | None = None,
    limit: int = 100,
) -> list[GrantPublic]:
    """Grant requests: pending ones oldest first (``state=`` approved, refused, granted, or empty for all)."""
    found = grants.list_grants(uow, actor=actor, state=state or None, staff_id=staff_id, limit=limit)
    return [GrantPublic.of(g) for g in found]


@router.post("/staff/{staff_id}/grants", response_model=GrantPublic, status_code=status.HTTP_201_CREATED)
def request_grant(uow: UowDep, actor: CurrentActor, staff_id: uuid.UUID, body: GrantRequest) -> GrantPublic:
    """Ask for a role: a privileged one waits (``pending``) for another administrator; 409 if the
    account already holds it, is already waiting for it, or is deactivated."""
    grant = grants.request_grant(uow, actor=actor, staff_id=staff_id, role=body.role, reason=body.reason)
    return GrantPublic.of(grant)


@router.post("/staff/grants/{grant_id}/approve", response_model=GrantPublic)
def approve_grant(
    uow: UowDep, actor: CurrentActor, grant_id: uuid.UUID, body: GrantApproval | None = None
) -> GrantPublic:
    """Approve (403 for your own request or your own account; 409 if already decided)."""
    note = body.note if body is not None else ""
    return GrantPublic.of(grants.approve_grant(uow, actor=actor, grant_id=grant_id, note=note))


@router.post("/staff/grants/{grant_id}/refuse", response_model=GrantPublic)
def refuse_grant(uow: UowDep, actor: CurrentActor, grant_id: uuid.UUID, body: GrantRefusalIn) -> GrantPublic:
    """Refuse, with a reason (409 if already decided)."""
    return GrantPublic.of(grants.refuse_grant(uow, actor=actor, grant_id=grant_id, reason=body.reason))
