"""The client 360's privacy section: the person's access and correction requests, so a refused
correction's statement of disagreement is shown wherever the file is. Registered on import."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from onestop.cases.client360 import Context, register_section
from onestop.privacy.models import Disclosure
from onestop.privacy.repository import PrivacyRepository


def privacy_requests(ctx: Context) -> list[dict[str, Any]]:
    """Requests newest first, with each correction's outcome and statement."""
    return [
        {
            "id": r.id,
            "kind": r.kind,
            "status": r.status,
            "received_on": r.received_on,
            "due_on": r.due_on,
            "details": r.details,
            "decision_reason": r.decision_reason,
            "correction_made": r.correction_made,
            "disagreement": r.disagreement,
        }
        for r in PrivacyRepository(ctx.session).for_people(list(ctx.person_ids))
    ]


def disclosures(ctx: Context) -> list[dict[str, Any]]:
    """The disclosure log, the latest first."""
    stmt = select(Disclosure).where(Disclosure.person_id.in_(list(ctx.person_ids)))
    return [
        {
            "recipient": d.recipient,
            "what": d.what,
            "basis": d.basis,
            "authority": d.authority,
            "disclosed_on": d.disclosed_on,
        }
        for d in ctx.session.scalars(
            stmt.order_by(Disclosure.disclosed_on.desc(), Disclosure.recorded_at.desc())
        )
    ]


def install() -> None:
    """Add the sections (replacing them on re-import)."""
    register_section("privacy", privacy_requests, replace=True)
    register_section("disclosures", disclosures, replace=True)
