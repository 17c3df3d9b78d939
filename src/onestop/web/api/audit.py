"""/api/audit: read the trail and verify it (auditors)."""

from __future__ import annotations

from fastapi import APIRouter, Query

from onestop import access
from onestop.audit.schemas import AuditEventPublic, VerifyPublic
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/audit", tags=["audit"])


@router.get("/events", response_model=list[AuditEventPublic])
def events(
    uow: UowDep,
    actor: CurrentActor,
    subject_type: str | None = None,
    subject_id: str | None = None,
    limit: int = Query(100, ge=1, le=access.AUDIT_LIST_MAX),
) -> list[AuditEventPublic]:
    """The newest events, optionally for one subject; this read is itself audited."""
    found = access.list_audit_events(  # an empty query parameter (?subject_id=) means no filter
        uow, actor=actor, subject_type=subject_type or None, subject_id=subject_id or None, limit=limit
    )
    return [AuditEventPublic.model_validate(e) for e in found]


@router.get("/verify", response_model=VerifyPublic)
def verify(uow: UowDep, actor: CurrentActor) -> VerifyPublic:
    """Re-compute the whole chain and name the first broken event, if any."""
    return VerifyPublic.of(access.verify_audit_chain(uow, actor=actor))
