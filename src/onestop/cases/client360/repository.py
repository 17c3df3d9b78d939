"""The few queries of the client 360 view that no other area's repository already answers."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop.registry import BenefitUnit


def units_by_id(session: Session, unit_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, BenefitUnit]:
    """Benefit units by id, in one query."""
    if not unit_ids:
        return {}
    rows = session.scalars(select(BenefitUnit).where(BenefitUnit.id.in_(set(unit_ids))))
    return {u.id: u for u in rows}
