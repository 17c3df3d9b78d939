"""Restricted files and break-glass (issue 10, part 4).

Ordinary files stay open to the province's front-line staff, and the audit trail is the control.
A supervisor may flag a file restricted (a confidential address of someone fleeing violence, a staff
member's relative, a public figure); so does the safety flag ``fleeing_violence_address_confidential``.
A restricted file then opens only for a staff member who gave a reason: the grant lasts a bounded
time (``BreakGlassPolicy``), is audited, and waits in the supervisor's list until reviewed.

The check is a file guard (``access.files``) registered when the registry is imported: every
service that names the person (or the unit the person belongs to) asks it through ``require``.
A confidential address is also left out of every view of the file for anyone without a grant
(``address_hidden``), and letters are held (``notices.services.mailing_address``).
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select, union_all

from onestop import audit
from onestop.access import Actor, FileRestricted, Permission, Refusal, is_staff, register_file_guard, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from onestop.db import UnitOfWork
from onestop.registry import models as m
from onestop.registry.conflicts import file_people
from onestop.registry.domain import FlagKind
from onestop.registry.repository import PeopleRepository
from onestop.registry.schemas import (
    DuplicateMatch,
    FileAccessPublic,
    PersonPublic,
    PersonSummary,
    RestrictionIn,
    RestrictionPublic,
    SearchHit,
)

SUBJECT = "person"
Hit = TypeVar("Hit", SearchHit, DuplicateMatch)
#: Set in the session while a grant is being made, so opening the file to make it is not refused.
_BREAKING = "onestop.registry.breaking_glass"
#: A reason a reviewer can check is more than a word.
REASON_MIN = 10


class RestrictionKind(enum.StrEnum):
    """Why a file is restricted."""

    CONFIDENTIAL_ADDRESS = "confidential_address"  # someone fleeing violence
    STAFF_RELATIVE = "staff_relative"
    PUBLIC_FIGURE = "public_figure"


@dataclass(frozen=True)
class BreakGlassPolicy:
    """How long a break-glass grant lasts (``ONESTOP_BREAK_GLASS_HOURS``: a working day by default)."""

    hours: int = 8


class RestrictionNotFound(NotFound):
    """No such restriction or break-glass access."""


# --- flags -------------------------------------------------------------------------------------


def restrict_file(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, data: RestrictionIn
) -> RestrictionPublic:
    """Flag a file restricted (supervisors); a second restriction of the same kind is refused (409)."""
    with uow:
        require(uow, actor, Permission.PERSON_RESTRICT, subject_type=SUBJECT, subject_id=person_id)
        kind = RestrictionKind(data.kind)
        repo = PeopleRepository(uow.session)
        person = repo.survivor(repo.get(person_id))
        if kind in _restriction_kinds(uow, [person.id]):
            raise Conflict(f"this file is already restricted ({kind.value})")
        row = m.PersonRestriction(
            created_at=uow.clock.now(),
            person_id=person.id,
            kind=kind.value,
            note=text.clean_text(data.note) or None,
            set_by=actor.username,
            set_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: RestrictionPublic.model_validate(row),
            actor=actor,
            action=AuditAction.PERSON_RESTRICT,
            subject_type=SUBJECT,
            subject_id=person.id,
            after={"restriction_id": row.id, "kind": row.kind},
        )


def lift_restriction(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, restriction_id: uuid.UUID, reason: str
) -> RestrictionPublic:
    """Lift a restriction, with a reason (the row stays, with who lifted it and why)."""
    with uow:
        require(uow, actor, Permission.PERSON_RESTRICT, subject_type=SUBJECT, subject_id=person_id)
        why = text.required_text(reason, "reason")
        row = uow.session.get(m.PersonRestriction, restriction_id)
        if row is None or row.person_id not in _related_ids(uow, person_id):
            raise RestrictionNotFound(f"no restriction {restriction_id} on this person")
        if row.lifted_at is not None:
            raise Conflict("this restriction was already lifted")
        row.lifted_at, row.lifted_by, row.lift_reason = uow.clock.now(), actor.username, why
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: RestrictionPublic.model_validate(row),
            actor=actor,
            action=AuditAction.PERSON_RESTRICTION_LIFT,
            subject_type=SUBJECT,
            subject_id=row.person_id,
            before={"restriction_id": row.id, "kind": row.kind},
            details={"reason": why},
        )


def restrictions_of(uow: UnitOfWork, person_ids: Iterable[uuid.UUID]) -> list[m.PersonRestriction]:
    """Restrictions in force on these records, oldest first (for the file's own view)."""
    stmt = (
        select(m.PersonRestriction)
        .where(m.PersonRestriction.person_id.in_(list(person_ids)), m.PersonRestriction.lifted_at.is_(None))
        .order_by(m.PersonRestriction.set_at)
    )
    return list(uow.session.scalars(stmt))


def _restriction_kinds(uow: UnitOfWork, person_ids: Iterable[uuid.UUID]) -> set[str]:
    """Why these records are restricted: restrictions in force, and the confidential-address flag."""
    ids = list(person_ids)
    kinds = {r.kind for r in restrictions_of(uow, ids)}
    flagged = uow.session.scalars(
        select(m.SafetyFlag.id).where(
            m.SafetyFlag.person_id.in_(ids),
            m.SafetyFlag.kind == FlagKind.FLEEING_VIOLENCE_ADDRESS_CONFIDENTIAL.value,
            m.SafetyFlag.removed_at.is_(None),
        )
    ).first()
    if flagged is not None:
        kinds.add(RestrictionKind.CONFIDENTIAL_ADDRESS.value)
    return kinds


def _related_ids(uow: UnitOfWork, person_id: uuid.UUID) -> set[uuid.UUID]:
    """The record, the record it was merged into, and every record merged into that one."""
    repo = PeopleRepository(uow.session)
    person = uow.session.get(m.Person, person_id)
    if person is None:
        return {person_id}
    return {person_id, *repo.merged_record_ids(repo.survivor(person).id)}


def address_confidential(uow: UnitOfWork, person_id: uuid.UUID) -> bool:
    """Whether this person's address must never show (the flag, or a confidential-address restriction)."""
    return RestrictionKind.CONFIDENTIAL_ADDRESS.value in _restriction_kinds(uow, _related_ids(uow, person_id))


def address_hidden(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> bool:
    """Whether ``actor`` must not see this person's address: confidential, and no glass broken."""
    if not address_confidential(uow, person_id):
        return False
    return actor.staff_id is None or not _has_grant(uow, actor.staff_id, _related_ids(uow, person_id))


# --- break-glass ---------------------------------------------------------------------------------


def break_glass(
    uow: UnitOfWork,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    reason: str,
    policy: BreakGlassPolicy = BreakGlassPolicy(),
) -> FileAccessPublic:
    """Open a restricted file with a reason, for ``policy.hours``; audited and listed for review.

    Conflicts of interest still hold: a staff member linked to the file cannot break the glass.
    """
    with uow:
        if not is_staff(actor):
            raise PermissionDenied("only a named staff member can open a restricted file")
        assert actor.staff_id is not None
        uow.session.info[_BREAKING] = person_id
        try:
            require(uow, actor, Permission.PERSON_READ, subject_type=SUBJECT, subject_id=person_id)
        finally:
            uow.session.info.pop(_BREAKING, None)
        why = text.required_text(reason, "reason")
        if len(why) < REASON_MIN:
            raise InvalidInput("reason", f"must say why you need the file (at least {REASON_MIN} characters)")
        repo = PeopleRepository(uow.session)
        person = repo.survivor(repo.get(person_id))
        kinds = sorted(_restriction_kinds(uow, _related_ids(uow, person.id)))
        if not kinds:
            raise Conflict("this file is not restricted: open it as usual")
        now = uow.clock.now()
        grant = m.FileAccessGrant(
            created_at=now,
            person_id=person.id,
            staff_id=actor.staff_id,
            username=actor.username,
            reason=why,
            granted_at=now,
            expires_at=now + dt.timedelta(hours=max(1, policy.hours)),
        )
        uow.session.add(grant)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_BREAK_GLASS,
            subject_type=SUBJECT,
            subject_id=person.id,
            purpose=why,
            details={
                "grant_id": grant.id,
                "expires_at": grant.expires_at,
                "kinds": kinds,
            },
        )
        uow.commit()
        return _access_public(uow, grant)


def live_grant(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> m.FileAccessGrant | None:
    """The actor's grant on this file still running, if any (for the page's banner)."""
    if actor.staff_id is None:
        return None
    return _grant(uow, actor.staff_id, _related_ids(uow, person_id))


def _grant(uow: UnitOfWork, staff_id: uuid.UUID, person_ids: set[uuid.UUID]) -> m.FileAccessGrant | None:
    stmt = (
        select(m.FileAccessGrant)
        .where(
            m.FileAccessGrant.staff_id == staff_id,
            m.FileAccessGrant.person_id.in_(person_ids),
            m.FileAccessGrant.expires_at > uow.clock.now(),
        )
        .order_by(m.FileAccessGrant.expires_at.desc())
    )
    return uow.session.scalars(stmt).first()


def _has_grant(uow: UnitOfWork, staff_id: uuid.UUID, person_ids: set[uuid.UUID]) -> bool:
    return _grant(uow, staff_id, person_ids) is not None


def list_file_accesses(
    uow: UnitOfWork, *, actor: Actor, to_review: bool = True, limit: int = 200
) -> list[FileAccessPublic]:
    """Break-glass openings, newest first (only those not yet reviewed, unless ``to_review`` is False)."""
    with uow:
        require(uow, actor, Permission.PERSON_RESTRICT, subject_type="file_access")
        stmt = select(m.FileAccessGrant).order_by(m.FileAccessGrant.granted_at.desc()).limit(limit)
        if to_review:
            stmt = stmt.where(m.FileAccessGrant.reviewed_at.is_(None))
        rows = [_access_public(uow, g) for g in uow.session.scalars(stmt)]
        return audit.audited_read(
            uow,
            rows,
            actor=actor,
            action=AuditAction.PERSON_BREAK_GLASS_LIST,
            subject_type="file_access",
            details={"results": len(rows), "to_review": to_review},
        )


def review_file_access(
    uow: UnitOfWork, *, actor: Actor, access_id: uuid.UUID, note: str | None = None
) -> FileAccessPublic:
    """A supervisor has looked at a break-glass opening; nobody reviews their own."""
    with uow:
        require(uow, actor, Permission.PERSON_RESTRICT, subject_type="file_access", subject_id=access_id)
        grant = uow.session.get(m.FileAccessGrant, access_id)
        if grant is None:
            raise RestrictionNotFound(f"no break-glass access {access_id}")
        if grant.reviewed_at is not None:
            raise Conflict("this access was already reviewed")
        if actor.staff_id is not None and grant.staff_id == actor.staff_id:
            raise PermissionDenied("you cannot review your own opening of a restricted file")
        grant.reviewed_at, grant.reviewed_by = uow.clock.now(), actor.username
        grant.review_note = text.clean_text(note) or None
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _access_public(uow, grant),
            actor=actor,
            action=AuditAction.PERSON_BREAK_GLASS_REVIEW,
            subject_type=SUBJECT,
            subject_id=grant.person_id,
            details={"grant_id": grant.id, "opened_by": grant.username, "note": grant.review_note},
        )


def _access_public(uow: UnitOfWork, grant: m.FileAccessGrant) -> FileAccessPublic:
    person = uow.session.get(m.Person, grant.person_id)
    name = f"{person.given_names} {person.family_name}".strip() if person else ""
    return FileAccessPublic.model_validate(grant).model_copy(update={"person_name": name})


# --- what readers see ----------------------------------------------------------------------------


def redact_hits(uow: UnitOfWork, actor: Actor, hits: list[Hit]) -> list[Hit]:
    """Search (and the duplicate check) still finds a restricted person, but shows only the name and
    "restricted": no birth date, SIN, city or match reasons."""
    if not hits:
        return hits
    ids = {h.person.id for h in hits}
    restricted = _restricted_among(uow, ids)
    if not restricted:
        return hits
    out = []
    for hit in hits:
        if hit.person.id in restricted and not _opened(uow, actor, hit.person.id):
            hit = hit.model_copy(update={"person": _bare(hit.person), "reasons": []})
        out.append(hit)
    return out


def _bare(line: PersonSummary) -> PersonSummary:
    return line.model_copy(update={"birth_date": None, "sin": None, "city": None, "restricted": True})


_RESTRICTED = "registry.restrictions.restricted"


def _restricted_among(uow: UnitOfWork, ids: set[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these records are restricted (a restriction in force, or the confidential-address
    flag): one query, as every file access asks it, and only for the records not already asked in
    this unit of work (a write forgets the answers)."""
    unknown = {i for i in ids if (_RESTRICTED, i) not in uow.memo}
    if unknown:
        restricted = select(m.PersonRestriction.person_id).where(
            m.PersonRestriction.person_id.in_(unknown), m.PersonRestriction.lifted_at.is_(None)
        )
        flagged = select(m.SafetyFlag.person_id).where(
            m.SafetyFlag.person_id.in_(unknown),
            m.SafetyFlag.kind == FlagKind.FLEEING_VIOLENCE_ADDRESS_CONFIDENTIAL.value,
            m.SafetyFlag.removed_at.is_(None),
        )
        found = set(uow.session.scalars(union_all(restricted, flagged)))
        for i in unknown:
            uow.memo[(_RESTRICTED, i)] = i in found
    return {i for i in ids if uow.memo[(_RESTRICTED, i)]}


def _opened(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> bool:
    return actor.staff_id is not None and _has_grant(uow, actor.staff_id, _related_ids(uow, person_id))


# --- the guard -----------------------------------------------------------------------------------


def _restricted_guard(
    uow: UnitOfWork, actor: Actor, permission: Permission, subject_type: str, subject_id: uuid.UUID
) -> Refusal | None:
    if permission is Permission.PERSON_RESTRICT:  # managing the flag is not opening the file
        return None
    if subject_type == "person" and uow.session.info.get(_BREAKING) == subject_id:
        return None
    assert actor.staff_id is not None  # file guards run for staff members only
    people = file_people(uow, subject_type, subject_id)
    if not _restricted_among(uow, people):  # the usual case: one query, nothing restricted
        return None
    for person_id in sorted(people):
        related = _related_ids(uow, person_id)
        kinds = _restriction_kinds(uow, related)
        if kinds and not _has_grant(uow, actor.staff_id, related):
            return Refusal(
                FileRestricted(
                    "this file is restricted: give a reason to open it (break-glass); "
                    "your supervisor will see the reason",
                    person_id=person_id,
                ),
                details={"refused": FileRestricted.code, "kinds": sorted(kinds), "person_id": person_id},
            )
    return None


register_file_guard("restricted_file", _restricted_guard)


def file_view(uow: UnitOfWork, actor: Actor, view: PersonPublic) -> PersonPublic:
    """A person's file as this reader may see it: its restrictions, and no confidential address
    unless the reader broke the glass. Works from what the view already holds (its merged records
    and safety flags), so a file read costs one or two more queries, not a dozen."""
    related = {view.id, *view.merged_ids}
    if view.merged_into_id is not None:
        related.add(view.merged_into_id)
    rows = restrictions_of(uow, related)
    update: dict[str, object] = {"restrictions": [RestrictionPublic.model_validate(r) for r in rows]}
    confidential = any(r.kind == RestrictionKind.CONFIDENTIAL_ADDRESS.value for r in rows) or any(
        f.kind == FlagKind.FLEEING_VIOLENCE_ADDRESS_CONFIDENTIAL.value and f.removed_at is None
        for f in view.safety_flags
    )
    if confidential and (actor.staff_id is None or not _has_grant(uow, actor.staff_id, related)):
        update |= {"addresses": [], "address_hidden": True}
    return view.model_copy(update=update)
