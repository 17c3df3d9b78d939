"""Use cases on the audit log itself: reading, verifying and anchoring it (each audited in turn)."""

from __future__ import annotations

from collections.abc import Sequence

from onestop.access.guard import require
from onestop.access.permissions import Actor, Permission
from onestop.audit import repository
from onestop.audit.anchor import Anchor
from onestop.audit.domain import VerifyResult, head_seal
from onestop.audit.models import AuditEvent
from onestop.audit.recorder import record
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
        record(
            uow,
            actor=actor,
            action="audit:read",
            subject_type=subject_type,
            subject_id=subject,
            details={"limit": limit, "returned": len(events)},
        )
        uow.commit()
        return events


def verify_chain(uow: UnitOfWork, *, actor: Actor, anchor: Anchor | None = None) -> VerifyResult:
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
        record(
            uow,
            actor=actor,
            action="audit:verify",
            subject_type="audit_event",
            subject_id=None,
            outcome="ok",
            details=details,
        )
        uow.commit()
        return result


def anchor_head(uow: UnitOfWork, *, actor: Actor) -> Anchor:
    """Record the anchoring, then return the sealed head (this event included) to keep elsewhere."""
    with uow:
        require(uow, actor, Permission.AUDIT_VERIFY, subject_type="audit_event")
        if not uow.audit_key:
            raise InvalidInput("anchor", "anchoring needs the audit key (ONESTOP_AUDIT_KEY)")
        record(uow, actor=actor, action="audit:anchor", subject_type="audit_event", subject_id=None)
        head = repository.read_head(uow.session)
        assert head is not None  # the event just recorded moved it
        seq, head_hash = head
        anchor = Anchor(
            seq=seq, hash=head_hash, hmac=head_seal(uow.audit_key, seq, head_hash), time=uow.clock.now()
        )
        uow.commit()
        return anchor
