"""Staff use cases on the audit trail: reading, verifying and anchoring it, behind their permissions
(each audited in turn).

They live in access, not audit: audit is the lower layer (access records logins and refusals in it),
so the checks that guard the trail sit on top of it here.
"""

from __future__ import annotations

from collections.abc import Sequence

from onestop.access.guard import require
from onestop.access.permissions import Actor, Permission
from onestop.audit import (
    Anchor,
    AuditAction,
    AuditEvent,
    VerifyResult,
    anchor_of_head,
    audited_read,
    list_recent_events,
    record,
    verify,
)
from onestop.common.errors import InvalidInput
from onestop.db import UnitOfWork

AUDIT_LIST_MAX = 1000


def list_audit_events(
    uow: UnitOfWork,
    *,
    actor: Actor,
    subject_type: str | None = None,
    subject_id: object | None = None,
    limit: int = 100,
) -> Sequence[AuditEvent]:
    """The newest events, optionally for one subject; reading the trail is itself audited ("audit:read")."""
    if not 1 <= limit <= AUDIT_LIST_MAX:
        raise InvalidInput("limit", f"must be between 1 and {AUDIT_LIST_MAX}")
    with uow:
        require(uow, actor, Permission.AUDIT_READ, subject_type="audit_event")
        subject = None if subject_id is None else str(subject_id)
        events = list_recent_events(uow.session, subject_type=subject_type, subject_id=subject, limit=limit)
        return audited_read(
            uow,
            events,
            actor=actor,
            action=AuditAction.AUDIT_READ,
            subject_type=subject_type,
            subject_id=subject,
            details={"limit": limit, "returned": len(events)},
        )


def verify_audit_chain(uow: UnitOfWork, *, actor: Actor, anchor: Anchor | None = None) -> VerifyResult:
    """Verify the whole chain (its seal, and an anchor if given); record that, and what, it was verified."""
    with uow:
        require(uow, actor, Permission.AUDIT_VERIFY, subject_type="audit_event")
        if anchor is not None and not uow.audit_key:
            raise InvalidInput("anchor", "checking an anchor needs the audit key (ONESTOP_AUDIT_KEY)")
        result = verify(uow.session, key=uow.audit_key or None, anchor=anchor)
        details: dict[str, object] = {
            "ok": result.ok,
            "checked": result.checked,
            "first_broken_seq": result.first_broken_seq,
            "reason": result.reason,
        }
        if anchor is not None:
            details["anchor"] = {"seq": anchor.seq, "hash": anchor.hash, "time": anchor.time.isoformat()}
        return audited_read(
            uow,
            result,
            actor=actor,
            action=AuditAction.AUDIT_VERIFY,
            subject_type="audit_event",
            details=details,
        )


def anchor_audit_head(uow: UnitOfWork, *, actor: Actor) -> Anchor:
    """Record the anchoring, then return the sealed head (this event included) to keep elsewhere."""
    with uow:
        require(uow, actor, Permission.AUDIT_VERIFY, subject_type="audit_event")
        if not uow.audit_key:
            raise InvalidInput("anchor", "anchoring needs the audit key (ONESTOP_AUDIT_KEY)")
        record(uow, actor=actor, action=AuditAction.AUDIT_ANCHOR, subject_type="audit_event", subject_id=None)
        uow.commit()  # the event is in the chain once committed; the head read next is at or after it
        return anchor_of_head(uow.session, uow.audit_key, uow.clock.now())
