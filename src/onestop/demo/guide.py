"""The demo marker and the first-visit guide.

``demo load`` ends with one audit event (action ``demo:office`` on the subject ``demo/office``) whose
details name the records the staff home's "try this" panel links to. Being in the audit chain, the
marker cannot be added to a real database without the chain recording it; the home page reads it by
the (subject type, subject id) index, so a real database pays one indexed lookup that finds nothing.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from onestop import audit
from onestop.access import Actor
from onestop.audit import AuditEvent
from onestop.db import UnitOfWork
from onestop.demo.context import Ctx

ACTION = audit.AuditAction.DEMO_OFFICE
SUBJECT = ("demo", "office")


def mark(ctx: Ctx) -> None:
    """Write the marker: this database holds demo data; the guide's targets and what was built."""
    with ctx.container.uow() as uow:
        details = {"guide": ctx.made.guide, "counts": ctx.made.counts}
        subject_type, subject_id = SUBJECT
        audit.record(
            uow,
            actor=Actor.system("demo"),
            action=ACTION,
            subject_type=subject_type,
            subject_id=subject_id,
            details=details,
        )
        uow.commit()


def demo_guide(uow: UnitOfWork) -> dict[str, str] | None:
    """The guide's links when this is a demo database; None on a real one."""
    with uow:
        details: Any = uow.session.scalar(
            select(AuditEvent.details)
            .where(AuditEvent.subject_type == SUBJECT[0], AuditEvent.subject_id == SUBJECT[1])
            .where(AuditEvent.action == ACTION)
            .order_by(AuditEvent.seq.desc())
            .limit(1)
        )
    if not isinstance(details, dict):
        return None
    return {str(k): str(v) for k, v in (details.get("guide") or {}).items()}
