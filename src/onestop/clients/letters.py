"""The portal inbox as a notices channel: a person with a client account reads letters there."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop import notices
from onestop.clients.models import ClientAccount


def has_account(session: Session, person_id: uuid.UUID) -> bool:
    """Whether the person has a portal account (linked once they applied)."""
    return (
        session.scalars(select(ClientAccount.id).where(ClientAccount.person_id == person_id)).first()
        is not None
    )


notices.register_portal_lookup(has_account)
