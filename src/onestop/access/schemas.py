"""API models of the access area (XCreate / XPublic)."""

from __future__ import annotations

import datetime as dt
import uuid

from pydantic import BaseModel, ConfigDict, Field

from onestop.access.models import Office, Staff


class TokenPublic(BaseModel):
    """A bearer token returned at login (OAuth2 password flow)."""

    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type name, not a secret
    expires_at: dt.datetime


class OfficeCreate(BaseModel):
    """A new office."""

    code: str = Field(min_length=1, max_length=32, examples=["EDM-01"])
    name: str = Field(min_length=1, max_length=200, examples=["Edmonton North"])


class OfficePublic(BaseModel):
    """An office as shown to staff."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    code: str
    name: str

    @classmethod
    def of(cls, office: Office) -> OfficePublic:
        """From the table row."""
        return cls.model_validate(office)


class StaffCreate(BaseModel):
    """A new staff account. Roles are checked by the service, which names the field when one is unknown."""

    username: str = Field(max_length=64, examples=["jdoe"])
    display_name: str = Field(max_length=200, examples=["Jane Doe"])
    password: str = Field(max_length=256, examples=["a long passphrase 42"])
    roles: list[str] = Field(examples=[["officer"]])
    office_id: uuid.UUID | None = None
    email: str | None = Field(default=None, max_length=254)


class PasswordChange(BaseModel):
    """A new password; ``current_password`` is needed to change one's own."""

    new_password: str = Field(max_length=256)
    current_password: str | None = Field(default=None, max_length=256)


class StaffPublic(BaseModel):
    """A staff account as shown to staff (never the password hash)."""

    id: uuid.UUID
    username: str
    display_name: str
    email: str | None
    roles: list[str]
    office_id: uuid.UUID | None
    office_code: str | None
    active: bool
    last_login_at: dt.datetime | None
    created_at: dt.datetime
    #: Privileged roles asked for and waiting for a second administrator (``access.grants``).
    pending_roles: list[str] = Field(default_factory=list)

    @classmethod
    def of(cls, staff: Staff, pending_roles: list[str] | None = None) -> StaffPublic:
        """From the table row (and the roles it waits for, when the caller looked them up)."""
        return cls(
            id=staff.id,
            username=staff.username,
            display_name=staff.display_name,
            email=staff.email,
            roles=list(staff.role_names),
            office_id=staff.office_id,
            office_code=staff.office.code if staff.office is not None else None,
            active=staff.active,
            last_login_at=staff.last_login_at,
            created_at=staff.created_at,
            pending_roles=pending_roles or [],
        )
