"""Use cases on the audit log itself: reading it and verifying it (both audited in turn)."""

from __future__ import annotations

from collections.abc import Sequence

from onestop.access.guard import require
from onestop.access.permissions import Actor, Permission
from onestop.audit import repository
from onestop.audit.actions import AuditAction
from onestop.audit.domain import VerifyResult
from onestop.audit.models import AuditEvent
from onestop.audit.reads import audited_read
from onestop.audit.verification import verify
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork

MAX_LIMIT = 1000


def list_events(
    uow: UnitOfWork,
    *,
    actor: Actor,
    subject_type: str | None = None,
    subject_id: object | None = None,
    limit: int = 100,
) -> Sequence[AuditEvent]:
    """The newest events, optionally for one subject; reading the trail is itself audited ("audit:read")."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidInput("limit", f"must be between 1 and {MAX_LIMIT}")
    with uow:
        require(uow, actor, Permission.AUDIT_READ, subject_type="audit_event")
        subject = None if subject_id is None else str(subject_id)
        events = repository.list_events(
            uow.session, subject_type=subject_type, subject_id=subject, limit=limit
        )
        return audited_read(
            uow,
            events,
            actor=actor,
            action=AuditAction.AUDIT_READ,
            subject_type=subject_type,
            subject_id=subject,
            details={"limit": limit, "returned": len(events)},
        )


def verify_chain(uow: UnitOfWork, *, actor: Actor) -> VerifyResult:
    """Verify the whole chain, and record that (and what) it was verified."""
    with uow:
        require(uow, actor, Permission.AUDIT_VERIFY, subject_type="audit_event")
        result = verify(uow.session)
        return audited_read(
            uow,
            result,
            actor=actor,
            action=AuditAction.AUDIT_VERIFY,
            subject_type="audit_event",
            details={
                "ok": result.ok,
                "checked": result.checked,
                "first_broken_seq": result.first_broken_seq,
                "reason": result.reason,
            },
        )
