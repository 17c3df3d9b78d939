"""Use cases of role grants: ask for a role, approve or refuse it, list the requests.

A privileged role (``domain.PRIVILEGED_ROLES``) joins an account only when a second administrator
approves: nobody approves a grant they asked for or a grant to their own account, and the system
actor (jobs, the demo loader, ``onestop`` commands without ``--as-user``) approves nothing. The one
exception is the **bootstrap**: while no active account holds ``staff:write`` there is nobody who
could approve, so the system may give roles directly (``onestop staff create`` of the first
administrator). Refusals name the reason, change nothing and are audited as denied attempts.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from onestop.access import domain as access_domain
from onestop.access.grants import errors
from onestop.access.grants.domain import APPROVER_ROLES, GrantState, is_privileged, split_roles
from onestop.access.grants.errors import GrantConflict, GrantNotFound, GrantRefusal, OwnGrant
from onestop.access.grants.models import RoleGrant
from onestop.access.guard import require
from onestop.access.models import Staff
from onestop.access.permissions import Actor, Permission, Role
from onestop.access.repository import staff_by_id
from onestop.audit import AuditAction, record
from onestop.common.errors import DomainError, InvalidInput
from onestop.db import UnitOfWork

LIST_MAX = 500
ASKED_AT_CREATION = "asked for when the account was opened"


def plan_new_account(uow: UnitOfWork, actor: Actor, roles: frozenset[Role]) -> tuple[frozenset[Role], bool]:
    """For ``create_staff``: (the roles that must wait for a second administrator, whether this is the
    bootstrap). Call inside the caller's transaction."""
    _, waiting = split_roles(roles)
    if waiting and _bootstrap(uow, actor):
        return frozenset(), True
    return waiting, False


def open_requests(uow: UnitOfWork, actor: Actor, staff: Staff, roles: frozenset[Role], reason: str) -> None:
    """Record a pending grant per role for a new account (inside the caller's transaction)."""
    for role in sorted(roles):
        _pending(uow, actor, staff, role, reason)


def request_grant(
    uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID | None, role: str, reason: str
) -> RoleGrant:
    """Ask for ``role`` on an account. A privileged role waits for another administrator; any other
    role (auditor) is given at once, and so is any role during the bootstrap."""
    try:
        with uow:
            require(uow, actor, Permission.STAFF_WRITE, subject_type="staff", subject_id=staff_id)
            if staff_id is None:
                raise InvalidInput("staff_id", "choose an account")
            wanted = _role(role)
            why = access_domain.required_text(reason, field="reason", max_length=500)
            staff = _active_staff(uow, staff_id)
            if wanted in staff.roles:
                raise GrantConflict(errors.ALREADY_HELD)
            if _waiting(uow, staff.id, wanted) is not None:
                raise GrantConflict(errors.ALREADY_WAITING)
            if is_privileged(wanted) and not _bootstrap(uow, actor):
                grant = _pending(uow, actor, staff, wanted, why)
            else:
                grant = _give_at_once(uow, actor, staff, wanted, why)
            uow.commit()
    except GrantRefusal as err:
        _audit_refusal(uow, actor, AuditAction.STAFF_GRANT_REQUEST, "staff", staff_id, err)
        raise
    return grant


def approve_grant(uow: UnitOfWork, *, actor: Actor, grant_id: uuid.UUID, note: str = "") -> RoleGrant:
    """A second administrator approves: the role joins the account at once (its next request)."""
    try:
        with uow:
            require(uow, actor, Permission.STAFF_WRITE, subject_type="role_grant", subject_id=grant_id)
            grant = _grant(uow, grant_id)
            if actor.staff_id is None:
                raise OwnGrant(errors.SYSTEM_APPROVES_NOTHING)
            _still_pending(grant)
            if actor.staff_id == grant.requested_by_id:
                raise OwnGrant(errors.OWN_REQUEST)
            if actor.staff_id == grant.staff_id:
                raise OwnGrant(errors.OWN_ACCOUNT)
            staff = _active_staff(uow, grant.staff_id)
            role = _stored_role(grant.role)
            if role in staff.roles:
                raise GrantConflict(errors.ALREADY_HELD)
            before = list(staff.role_names)
            staff.role_names = sorted({*staff.role_names, role.value})
            _decide(uow, actor, grant, GrantState.APPROVED, note.strip()[:500] or None)
            _grant_event(
                uow,
                actor,
                AuditAction.STAFF_GRANT_APPROVE,
                grant,
                before={"roles": before},
                after={"roles": list(staff.role_names)},
                requested_by=grant.requested_by,
            )
            uow.commit()
    except GrantRefusal as err:
        _audit_refusal(uow, actor, AuditAction.STAFF_GRANT_APPROVE, "role_grant", grant_id, err)
        raise
    return grant


def refuse_grant(uow: UnitOfWork, *, actor: Actor, grant_id: uuid.UUID, reason: str) -> RoleGrant:
    """Refuse a pending grant, with a reason. Refusing gives nothing, so the requester may withdraw
    their own request this way, and the operator may refuse from the command line."""
    try:
        with uow:
            require(uow, actor, Permission.STAFF_WRITE, subject_type="role_grant", subject_id=grant_id)
            why = access_domain.required_text(reason, field="reason", max_length=500)
            grant = _grant(uow, grant_id)
            _still_pending(grant)
            _decide(uow, actor, grant, GrantState.REFUSED, why)
            _grant_event(uow, actor, AuditAction.STAFF_GRANT_REFUSE, grant, reason=why)
            uow.commit()
    except GrantRefusal as err:
        _audit_refusal(uow, actor, AuditAction.STAFF_GRANT_REFUSE, "role_grant", grant_id, err)
        raise
    return grant


def list_grants(
    uow: UnitOfWork,
    *,
    actor: Actor,
    state: str | None = GrantState.PENDING.value,
    staff_id: uuid.UUID | None = None,
    limit: int = 100,
) -> Sequence[RoleGrant]:
    """Grant requests: the pending ones oldest first (a queue), any other state newest first."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type="role_grant")
        query = select(RoleGrant)
        if state:
            try:
                query = query.where(RoleGrant.state == GrantState(state.strip().lower()).value)
            except ValueError:
                known = ", ".join(s.value for s in GrantState)
                raise InvalidInput("state", f"unknown state {state!r} (known: {known})") from None
        if staff_id is not None:
            query = query.where(RoleGrant.staff_id == staff_id)
        oldest_first = state == GrantState.PENDING.value
        query = query.order_by(RoleGrant.created_at if oldest_first else RoleGrant.created_at.desc())
        found = uow.session.scalars(query.limit(max(1, min(limit, LIST_MAX)))).unique().all()
        uow.commit()
    return found


def pending_roles(uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID) -> list[str]:
    """The roles an account is waiting for, by name."""
    found = list_grants(uow, actor=actor, staff_id=staff_id)
    return sorted(g.role for g in found)


def _role(raw: str) -> Role:
    """One staff role by name (the portal's client role is not one)."""
    name = raw.strip().lower()
    if not name:
        raise InvalidInput("role", "choose a role")
    try:
        role = Role(name)
    except ValueError:
        role = Role.CLIENT
    if role is Role.CLIENT:
        known = ", ".join(r.value for r in Role if r is not Role.CLIENT)
        raise InvalidInput("role", f"unknown role {raw.strip()[:40]!r} (known: {known})")
    return role


def _stored_role(name: str) -> Role:
    """The role a pending grant names; one renamed or removed since can only be refused."""
    if name not in {r.value for r in Role} or name == Role.CLIENT.value:
        raise GrantConflict(errors.NO_SUCH_ROLE)
    return Role(name)


def _bootstrap(uow: UnitOfWork, actor: Actor) -> bool:
    """The system acting while no active account can decide grants: nobody could approve yet."""
    if actor.staff_id is not None:
        return False
    names = {r.value for r in APPROVER_ROLES}
    held = uow.session.scalars(select(Staff.role_names).where(Staff.active.is_(True))).all()
    return not any(names & set(roles or ()) for roles in held)


def _active_staff(uow: UnitOfWork, staff_id: uuid.UUID) -> Staff:
    staff = staff_by_id(uow.session, staff_id)
    if not staff.active:
        raise GrantConflict(errors.DEACTIVATED)
    return staff


def _grant(uow: UnitOfWork, grant_id: uuid.UUID) -> RoleGrant:
    query = select(RoleGrant).where(RoleGrant.id == grant_id).with_for_update(of=RoleGrant)
    grant = uow.session.scalars(query).unique().one_or_none()
    if grant is None:
        raise GrantNotFound(grant_id)
    return grant


def _still_pending(grant: RoleGrant) -> None:
    if grant.state != GrantState.PENDING.value:
        raise GrantConflict(errors.ALREADY_DECIDED)


def _waiting(uow: UnitOfWork, staff_id: uuid.UUID, role: Role) -> RoleGrant | None:
    query = select(RoleGrant).where(
        RoleGrant.staff_id == staff_id,
        RoleGrant.role == role.value,
        RoleGrant.state == GrantState.PENDING.value,
    )
    return uow.session.scalars(query).unique().first()


def _pending(uow: UnitOfWork, actor: Actor, staff: Staff, role: Role, reason: str) -> RoleGrant:
    grant = _new(uow, actor, staff, role, reason, GrantState.PENDING)
    _grant_event(uow, actor, AuditAction.STAFF_GRANT_REQUEST, grant, reason=reason)
    return grant


def _give_at_once(uow: UnitOfWork, actor: Actor, staff: Staff, role: Role, reason: str) -> RoleGrant:
    grant = _new(uow, actor, staff, role, reason, GrantState.GRANTED)
    _decide(uow, actor, grant, GrantState.GRANTED, None)
    before = list(staff.role_names)
    staff.role_names = sorted({*staff.role_names, role.value})
    _grant_event(
        uow,
        actor,
        AuditAction.STAFF_GRANT,
        grant,
        before={"roles": before},
        after={"roles": list(staff.role_names)},
        bootstrap=is_privileged(role),
    )
    return grant


def _grant_event(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    grant: RoleGrant,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    **details: Any,
) -> None:
    """A step of a grant, recorded against the staff member it is for, naming the grant and its role."""
    details = {"grant_id": grant.id, "role": grant.role, **details}
    record(
        uow,
        actor=actor,
        action=action,
        subject_type="staff",
        subject_id=grant.staff_id,
        before=before,
        after=after,
        details=details,
    )


def _new(
    uow: UnitOfWork, actor: Actor, staff: Staff, role: Role, reason: str, state: GrantState
) -> RoleGrant:
    grant = RoleGrant(
        staff=staff,
        role=role.value,
        state=state.value,
        reason=reason,
        requested_by=actor.username,
        requested_by_id=actor.staff_id,
        created_at=uow.clock.now(),
    )
    uow.session.add(grant)
    uow.flush()
    return grant


def _decide(uow: UnitOfWork, actor: Actor, grant: RoleGrant, state: GrantState, note: str | None) -> None:
    grant.state = state.value
    grant.decided_by, grant.decided_by_id = actor.username, actor.staff_id
    grant.decided_at, grant.decision_note = uow.clock.now(), note


def _audit_refusal(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    subject_type: str,
    subject_id: uuid.UUID | None,
    err: object,
) -> None:
    """Keep the refused attempt: its own transaction, since the caller's rolled back."""
    reason = err.message if isinstance(err, DomainError) else str(err)
    fresh = uow.independent()
    with fresh:
        record(
            fresh,
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            outcome="denied",
            details={"reason": reason},
        )
        fresh.commit()
