"""Authentication: password logins with lockout, and the bearer tokens that API requests carry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onestop.access import domain, passwords, repository
from onestop.access.errors import AccountLocked, LoginFailed
from onestop.access.models import ApiToken, Staff
from onestop.access.permissions import Actor
from onestop.audit import AuditAction, record
from onestop.common.errors import NotAuthenticated
from onestop.db import UnitOfWork

ANONYMOUS = Actor(staff_id=None, username="anonymous", roles=frozenset())
DEFAULT_TOKEN_HOURS = 8


@dataclass(frozen=True)
class IssuedToken:
    """A new bearer token (shown once) and when it stops working."""

    token: str
    expires_at: dt.datetime
    staff: Staff


def actor_of(staff: Staff) -> Actor:
    """The actor a staff account acts as: its roles' permissions, its office."""
    return Actor.for_roles(staff.id, staff.username, staff.roles, staff.office_id)


def authenticate(
    uow: UnitOfWork, *, username: str, password: str, policy: domain.LoginPolicy = domain.LoginPolicy()
) -> Staff:
    """Check a password login; failures are counted, locked out past ``policy`` and audited (and kept).

    The password is checked (Argon2: tens of milliseconds of CPU and 64 MiB) between two
    transactions, holding no database connection or lock: at 9 a.m. hundreds of sign-ins would
    otherwise keep the pool's connections busy hashing (measured: 503s for pool time-outs at 50
    users on 2 cores). The second transaction locks the account, re-checks against its hash if a
    password change came in between, and counts the outcome. Opens and commits its own transactions
    even when it fails, so it must not run inside another one.
    """
    name = username.strip().lower()
    with uow:
        found = repository.find_staff_by_username(uow.session, name)
        stored_hash = found.password_hash if found is not None else None
    right = passwords.verify_password(stored_hash, password)  # always, also for no account: the same time
    with uow:
        now = uow.clock.now()
        staff = repository.find_staff_by_username(uow.session, name, for_update=True)
        if staff is not None and staff.password_hash != stored_hash:
            right = passwords.verify_password(staff.password_hash, password)  # changed meanwhile
        refusal = _refusal(staff, right, policy, now)
        if refusal is None:
            assert staff is not None
            _accept(uow, staff, password, now)
            uow.commit()
            return staff
        error, reason = refusal
        _audit_refusal(uow, username, staff, reason)
        uow.commit()  # keep the failure count and its audit event, then refuse
    raise error


def _refusal(
    staff: Staff | None, right: bool, policy: domain.LoginPolicy, now: dt.datetime
) -> tuple[NotAuthenticated, str] | None:
    """Why this login is refused (updating the failure count), or None to let it in; ``right`` says
    whether the password matched (checked in every case, so the time says nothing)."""
    if staff is None:
        return LoginFailed(), "unknown username"
    state = domain.LoginState(staff.failed_logins, staff.locked_until)
    if domain.is_locked(state, now):
        assert state.locked_until is not None
        return AccountLocked(state.locked_until), "account locked"
    if not right:
        state = domain.after_failure(state, policy, now)
        staff.failed_logins, staff.locked_until = state.failed_logins, state.locked_until
        if domain.is_locked(state, now):
            assert state.locked_until is not None
            return AccountLocked(state.locked_until), "wrong password; account now locked"
        return LoginFailed(), "wrong password"
    return None if staff.active else (LoginFailed(), "account deactivated")


def _audit_refusal(uow: UnitOfWork, username: str, staff: Staff | None, reason: str) -> None:
    actor = actor_of(staff) if staff is not None else ANONYMOUS
    details: dict[str, object] = {"username": username[:64], "reason": reason}
    if staff is not None:
        details["failed_logins"] = staff.failed_logins
        details["locked_until"] = staff.locked_until
    record(
        uow,
        actor=actor,
        action=AuditAction.AUTH_LOGIN_FAILED,
        subject_type="staff",
        subject_id=staff.id if staff is not None else None,
        outcome="failed",
        details=details,
    )


def _accept(uow: UnitOfWork, staff: Staff, password: str, now: dt.datetime) -> None:
    state = domain.after_success()
    staff.failed_logins, staff.locked_until, staff.last_login_at = (
        state.failed_logins,
        state.locked_until,
        now,
    )
    if passwords.needs_rehash(staff.password_hash):
        staff.password_hash = passwords.hash_password(password)
    record(
        uow, actor=actor_of(staff), action=AuditAction.AUTH_LOGIN, subject_type="staff", subject_id=staff.id
    )


def login(
    uow: UnitOfWork,
    *,
    username: str,
    password: str,
    policy: domain.LoginPolicy = domain.LoginPolicy(),
    hours: int = DEFAULT_TOKEN_HOURS,
) -> IssuedToken:
    """Authenticate, then issue a token: what ``POST /api/auth/token`` does."""
    staff = authenticate(uow, username=username, password=password, policy=policy)
    return _issue(uow, staff, hours)


def issue_token(uow: UnitOfWork, *, staff: Staff, hours: int = DEFAULT_TOKEN_HOURS) -> str:
    """A new bearer token for an authenticated staff member, valid for ``hours``."""
    return _issue(uow, staff, hours).token


def _issue(uow: UnitOfWork, staff: Staff, hours: int) -> IssuedToken:
    if not 0 < hours <= 24 * 31:
        raise ValueError("token lifetime must be between 1 hour and 31 days")
    token = domain.new_token()
    with uow:
        now = uow.clock.now()
        row = ApiToken(
            token_hash=domain.token_digest(token),
            staff_id=staff.id,
            created_at=now,
            expires_at=now + dt.timedelta(hours=hours),
        )
        uow.session.add(row)
        uow.flush()
        record(
            uow,
            actor=actor_of(staff),
            action=AuditAction.AUTH_TOKEN_ISSUE,
            subject_type="api_token",
            subject_id=row.id,
            details={"expires_at": row.expires_at},
        )
        uow.commit()
    return IssuedToken(token=token, expires_at=row.expires_at, staff=staff)


def actor_for_token(uow: UnitOfWork, token: str) -> Actor:
    """The actor behind a bearer token; NotAuthenticated if unknown, expired, revoked or account closed."""
    with uow:
        row = repository.find_token(uow.session, domain.token_digest(token))
        if row is None or row.revoked_at is not None:
            raise NotAuthenticated("invalid or revoked token; log in again")
        if row.expires_at <= uow.clock.now():
            raise NotAuthenticated("token expired; log in again")
        if not row.staff.active:
            raise NotAuthenticated("this account has been deactivated")
        return actor_of(row.staff)


def revoke_token(uow: UnitOfWork, *, actor: Actor, token: str) -> None:
    """Log out: the token stops working at once. Only its owner may revoke it."""
    with uow:
        row = repository.find_token(uow.session, domain.token_digest(token))
        if row is None or row.staff_id != actor.staff_id:
            raise NotAuthenticated("invalid token")
        if row.revoked_at is None:
            row.revoked_at = uow.clock.now()
            record(
                uow, actor=actor, action=AuditAction.AUTH_LOGOUT, subject_type="api_token", subject_id=row.id
            )
        uow.commit()
