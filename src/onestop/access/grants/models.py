"""The grant requests table: one row per role asked for a staff account, and how it was decided."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from onestop.access.models import Staff
from onestop.db import Entity


class RoleGrant(Entity):
    """A role asked for a staff account. ``created_at`` is when it was asked; the role joins the
    account's roles only when another administrator approves (or at once when it is not privileged).
    Requester and decider are kept by id and by name: the system actor has no id."""

    __tablename__ = "staff_role_grant"

    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    role: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str | None] = mapped_column(String(500))
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_by_id: Mapped[uuid.UUID | None]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_by_id: Mapped[uuid.UUID | None]
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str | None] = mapped_column(String(500))

    staff: Mapped[Staff] = relationship(lazy="joined")
