"""/api/approvals: the supervisors' queue (maker-checker)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from onestop import money
from onestop.money import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/approvals", tags=["approvals"])


@router.get("", response_model=list[s.ApprovalPublic])
def queue(uow: UowDep, actor: CurrentActor) -> list[s.ApprovalPublic]:
    """Requests waiting for one of my roles, oldest first (with the reason and the officer's explanation)."""
    return [s.ApprovalPublic.model_validate(r) for r in money.list_approvals(uow, actor=actor)]


@router.post("/{approval_id}", response_model=s.ApprovalPublic)
def decide(
    uow: UowDep, actor: CurrentActor, approval_id: uuid.UUID, body: s.ApprovalDecision
) -> s.ApprovalPublic:
    """Approve or reject (403 for your own request or beyond your authority; 409 if already decided)."""
    decided = money.decide_approval(
        uow, actor=actor, approval_id=approval_id, approve=body.approve, note=body.note
    )
    return s.ApprovalPublic.model_validate(decided)
