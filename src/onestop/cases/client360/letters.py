"""The client 360 "letters" section: every letter to the person, where it went and how it stands."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from onestop.cases.client360.sections import Context, register_section
from onestop.notices import Notice


def letters(ctx: Context) -> dict[str, Any]:
    """The person's letters, newest first (the recent ones, and how many in all)."""
    rows = ctx.session.scalars(
        select(Notice).where(Notice.person_id.in_(ctx.person_ids)).order_by(Notice.created_at.desc())
    ).all()
    return {
        "count": len(rows),
        "items": [
            {
                "id": str(n.id),
                "kind": n.kind,
                "language": n.language,
                "status": n.status,
                "channel": n.channel,
                "recipient": n.recipient,
                "created_at": n.created_at,  # datetimes: the page formats them, the API writes ISO 8601
                "sent_at": n.sent_at,
                "returned_at": n.returned_at,
                "problem": n.last_error,
            }
            for n in rows[: ctx.recent]
        ],
    }


def install() -> None:
    register_section("letters", letters, replace=True)
