"""Use cases for offices and staff accounts: one function, one transaction, one audit event."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from email_validator import EmailNotValidError, validate_email
from sqlalchemy.exc import IntegrityError

from onestop.access import domain, passwords, repository
from onestop.access.errors import OfficeCodeTaken, OfficeNotFound, StaffNotFound, UsernameTaken
from onestop.access.grants import services as grants
from onestop.access.guard import require
from onestop.access.models import Office, Staff
from onestop.access.permissions import Actor, Permission, Role
from onestop.audit import AuditAction, record
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.db import UnitOfWork


def create_office(uow: UnitOfWork, *, actor: Actor, code: str, name: str) -> Office:
    """Open an office; codes are unique and upper case."""
    with uow:
        require(uow, actor, Permission.STAFF_WRITE, subject_type="office")
        code = domain.normalise_office_code(code)
        name = domain.required_text(name, field="name", max_length=200)
        if repository.find_office_by_code(uow.session, code) is not None:
            raise OfficeCodeTaken(code)
        office = Office(code=code, name=name, created_at=uow.clock.now())
        uow.session.add(office)
        _flush_new(uow, OfficeCodeTaken(code))
        record(
            uow,
            actor=actor,
            action=AuditAction.OFFICE_CREATE,
            subject_type="office",
            subject_id=office.id,
            after={"code": code, "name": name},
        )
        uow.commit()
    return office


def _flush_new(uow: UnitOfWork, taken: Exception) -> None:
    """Insert now; a unique key taken by a concurrent transaction becomes the same Conflict as a taken one."""
    try:
        uow.flush()
    except IntegrityError:
        raise taken from None


def list_offices(uow: UnitOfWork, *, actor: Actor) -> Sequence[Office]:
    """Every office, by code."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type="office")
        offices = repository.list_offices(uow.session)
        uow.commit()  # a rollback would expire what we return
    return offices


def get_office_by_code(uow: UnitOfWork, *, actor: Actor, code: str) -> Office:
    """The office with this code (case-insensitive)."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type="office")
        office = repository.find_office_by_code(uow.session, code.strip().upper())
        if office is None:
            raise OfficeNotFound(code)
        uow.commit()
    return office


def create_staff(
    uow: UnitOfWork,
    *,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[Role | str],
    office_id: uuid.UUID | None,
    email: str | None = None,
) -> Staff:
    """Open a staff account; the password must meet the policy and is stored only as an Argon2 hash.

    A privileged role (one that reads files, moves money or gives roles) is not given here: it becomes
    a grant request that another administrator approves (``access.grants``), except in the bootstrap.
    """
    with uow:
        require(uow, actor, Permission.STAFF_WRITE, subject_type="staff")
        staff = _new_staff(uow, username, display_name, password, roles, office_id, email)
        waiting, bootstrap = grants.plan_new_account(uow, actor, staff.roles)
        staff.role_names = sorted(r.value for r in staff.roles - waiting)
        uow.session.add(staff)
        _flush_new(uow, UsernameTaken(staff.username))
        record(
            uow,
            actor=actor,
            action=AuditAction.STAFF_CREATE,
            subject_type="staff",
            subject_id=staff.id,
            after=staff_snapshot(staff),
            details={"pending_roles": sorted(r.value for r in waiting), "bootstrap": bootstrap},
        )
        grants.open_requests(uow, actor, staff, waiting, grants.ASKED_AT_CREATION)
        uow.commit()
    return staff


def _new_staff(
    uow: UnitOfWork,
    username: str,
    display_name: str,
    password: str,
    roles: Iterable[Role | str],
    office_id: uuid.UUID | None,
    email: str | None,
) -> Staff:
    username = domain.normalise_username(username)
    display_name = domain.required_text(display_name, field="display_name", max_length=200)
    role_set = domain.parse_roles(list(roles))
    domain.check_password_policy(password)
    email = _normalise_email(email)
    office = repository.find_office(uow.session, office_id) if office_id is not None else None
    if office_id is not None and office is None:
        raise InvalidInput("office_id", f"no office with id {office_id}")
    if repository.find_staff_by_username(uow.session, username) is not None:
        raise UsernameTaken(username)
    return Staff(
        username=username,
        display_name=display_name,
        email=email,
        password_hash=passwords.hash_password(password),
        role_names=sorted(r.value for r in role_set),
        office=office,
        active=True,
        failed_logins=0,
        created_at=uow.clock.now(),
    )


def _normalise_email(email: str | None) -> str | None:
    if email is None or not email.strip():
        return None
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized
    except EmailNotValidError as err:
        raise InvalidInput("email", str(err)) from None


def list_staff(
    uow: UnitOfWork, *, actor: Actor, office_id: uuid.UUID | None = None, include_inactive: bool = False
) -> Sequence[Staff]:
    """Staff accounts by username."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type="staff")
        found = repository.list_staff(uow.session, office_id=office_id, include_inactive=include_inactive)
        uow.commit()
    return found


def get_staff(uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID) -> Staff:
    """One staff account; everyone may read their own."""
    with uow:
        if staff_id != actor.staff_id:
            require(uow, actor, Permission.STAFF_READ, subject_type="staff", subject_id=staff_id)
        staff = repository.staff_by_id(uow.session, staff_id)
        uow.commit()
    return staff


def get_staff_by_username(uow: UnitOfWork, *, actor: Actor, username: str) -> Staff:
    """One staff account by login name (case-insensitive)."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type="staff")
        staff = repository.find_staff_by_username(uow.session, username.strip().lower())
        if staff is None:
            raise StaffNotFound(username)
        uow.commit()
    return staff


def deactivate_staff(uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID) -> Staff:
    """Close an account: it can no longer log in, and its tokens stop working at once."""
    with uow:
        require(uow, actor, Permission.STAFF_WRITE, subject_type="staff", subject_id=staff_id)
        staff = repository.staff_by_id(uow.session, staff_id)
        if not staff.active:
            raise InvalidTransition(f"staff member {staff.username} is already inactive")
        if staff.id == actor.staff_id:
            raise InvalidTransition("you cannot deactivate your own account")
        staff.active = False
        revoked = repository.revoke_tokens_of(uow.session, staff.id, at=uow.clock.now())
        record(
            uow,
            actor=actor,
            action=AuditAction.STAFF_DEACTIVATE,
            subject_type="staff",
            subject_id=staff.id,
            before={"active": True},
            after={"active": False},
            details={"tokens_revoked": revoked},
        )
        uow.commit()
    return staff


def change_password(
    uow: UnitOfWork,
    *,
    actor: Actor,
    staff_id: uuid.UUID,
    new_password: str,
    current_password: str | None = None,
) -> None:
    """Set a password: one's own given the current one, anyone's with STAFF_WRITE; tokens are revoked."""
    with uow:
        own = staff_id == actor.staff_id
        if not own:
            require(uow, actor, Permission.STAFF_WRITE, subject_type="staff", subject_id=staff_id)
        staff = repository.staff_by_id(uow.session, staff_id)
        if own and not passwords.verify_password(staff.password_hash, current_password or ""):
            raise InvalidInput("current_password", "is wrong")
        domain.check_password_policy(new_password)
        staff.password_hash = passwords.hash_password(new_password)
        staff.failed_logins, staff.locked_until = 0, None
        revoked = repository.revoke_tokens_of(uow.session, staff.id, at=uow.clock.now())
        record(
            uow,
            actor=actor,
            action=AuditAction.STAFF_CHANGE_PASSWORD,
            subject_type="staff",
            subject_id=staff.id,
            details={"by_self": own, "tokens_revoked": revoked},
        )
        uow.commit()


def staff_snapshot(staff: Staff) -> dict[str, Any]:
    """The audit view of an account (never the password hash)."""
    return {
        "username": staff.username,
        "display_name": staff.display_name,
        "email": staff.email,
        "roles": list(staff.role_names),
        "office_id": staff.office_id,
        "active": staff.active,
    }
