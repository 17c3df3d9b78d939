"""Tables of the access area: offices, staff accounts and their API tokens."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from onestop.access.permissions import Role
from onestop.db import Entity, JSONDoc


class Office(Entity):
    """A service-delivery office; staff belong to one."""

    __tablename__ = "office"

    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Staff(Entity):
    """A staff account. ``username`` is stored in lower case, which makes it unique case-insensitively."""

    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254))
    password_hash: Mapped[str] = mapped_column(String(255))
    #: Role names as a JSON list, e.g. ["officer", "supervisor"].
    role_names: Mapped[list[str]] = mapped_column("roles", JSONDoc)
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None]
    last_login_at: Mapped[dt.datetime | None]

    office: Mapped[Office | None] = relationship(lazy="joined")

    @property
    def roles(self) -> frozenset[Role]:
        """The account's roles; a stored name that is no longer a role grants nothing rather than failing."""
        known = {r.value for r in Role}
        return frozenset(Role(name) for name in self.role_names if name in known)


class ApiToken(Entity):
    """A bearer token. Only its SHA-256 is stored; the token itself is shown once, at login."""

    __tablename__ = "api_token"

    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff.id"), index=True)
    expires_at: Mapped[dt.datetime]
    revoked_at: Mapped[dt.datetime | None]

    staff: Mapped[Staff] = relationship(lazy="joined")
