"""The access area's queries."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from onestop.access.errors import StaffNotFound
from onestop.access.models import ApiToken, Office, Staff
from onestop.common.errors import InvalidInput


def find_office(session: Session, office_id: uuid.UUID) -> Office | None:
    """The office with this id, if any."""
    return session.get(Office, office_id)


def office_or_own(session: Session, office_id: uuid.UUID | None, own: uuid.UUID | None) -> uuid.UUID | None:
    """The office a new record is for: the one the user gave (bad input if there is none such), else
    the user's own office (``own``), else none."""
    office_id = office_id or own
    if office_id is not None and session.get(Office, office_id) is None:
        raise InvalidInput("office_id", f"no office with id {office_id}")
    return office_id


def find_office_by_code(session: Session, code: str) -> Office | None:
    """The office with this (normalised) code, if any."""
    return session.scalars(select(Office).where(Office.code == code)).one_or_none()


def list_offices(session: Session) -> Sequence[Office]:
    """Every office, by code."""
    return session.scalars(select(Office).order_by(Office.code)).all()


def find_staff(session: Session, staff_id: uuid.UUID) -> Staff | None:
    """The staff member with this id, if any."""
    return session.get(Staff, staff_id)


def staff_by_id(session: Session, staff_id: uuid.UUID) -> Staff:
    """The staff member with this id; raises StaffNotFound."""
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise StaffNotFound(staff_id)
    return staff


def find_active_staff(session: Session, staff_id: uuid.UUID) -> Staff | None:
    """The staff member if the account exists and is active (who work can be given to)."""
    staff = session.get(Staff, staff_id)
    return staff if staff is not None and staff.active else None


def find_staff_by_username(session: Session, username: str, *, for_update: bool = False) -> Staff | None:
    """The account with this (lower-case) username; ``for_update`` serialises concurrent logins."""
    query = select(Staff).where(Staff.username == username)
    if for_update:
        query = query.with_for_update(of=Staff)
    return session.scalars(query).unique().one_or_none()


def list_staff(session: Session, *, office_id: uuid.UUID | None, include_inactive: bool) -> Sequence[Staff]:
    """Staff accounts by username, optionally for one office and without the deactivated ones."""
    query = select(Staff).order_by(Staff.username)
    if office_id is not None:
        query = query.where(Staff.office_id == office_id)
    if not include_inactive:
        query = query.where(Staff.active.is_(True))
    return session.scalars(query).unique().all()


def find_token(session: Session, token_hash: str) -> ApiToken | None:
    """The token row with this digest, with its staff member."""
    return session.scalars(select(ApiToken).where(ApiToken.token_hash == token_hash)).unique().one_or_none()


def revoke_tokens_of(session: Session, staff_id: uuid.UUID, *, at: dt.datetime) -> int:
    """Revoke every live token of one staff member; returns how many."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.staff_id == staff_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=at, version=ApiToken.version + 1)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0))
