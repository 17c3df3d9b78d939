"""Conflicts of interest (issue 10, part 2): a staff member never acts on their own household's file.

An administrator links a staff account to the staff member's own registry record (or a relative's).
From then on ``require`` refuses that staff member every access naming the linked person, anyone
in a benefit unit with them today, or such a unit: reading the file, changing it, paying the unit.
The check is a file guard (``access.files``) registered when the registry is imported, so every
service that names the person or unit it works on is covered without a check of its own.
"""

from __future__ import annotations

import uuid

from sqlalchemy import or_, select

from onestop import audit
from onestop.access import (
    Actor,
    ConflictOfInterest,
    Permission,
    Refusal,
    Staff,
    StaffNotFound,
    register_file_guard,
    require,
)
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput, NotFound
from onestop.db import UnitOfWork
from onestop.registry import models as m
from onestop.registry.repository import PeopleRepository
from onestop.registry.schemas import StaffLinkIn, StaffLinkPublic

SUBJECT = "staff"
RELATIONS = ("self", "relative")


class LinkNotFound(NotFound):
    """No such staff-to-person link."""


def link_staff_person(
    uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID, data: StaffLinkIn
) -> StaffLinkPublic:
    """Tie a staff account to a registry record; refused (409) when that link is already in force."""
    with uow:
        require(uow, actor, Permission.STAFF_WRITE, subject_type=SUBJECT, subject_id=staff_id)
        if data.relation not in RELATIONS:
            raise InvalidInput("relation", "must be self or relative")
        if uow.session.get(Staff, staff_id) is None:
            raise StaffNotFound(f"no staff account with id {staff_id}")
        repo = PeopleRepository(uow.session)
        person = repo.survivor(repo.get(data.person_id))
        if _active_links(uow, staff_id, person_id=person.id):
            raise Conflict("this staff account is already linked to this person")
        link = m.StaffPersonLink(
            created_at=uow.clock.now(),
            staff_id=staff_id,
            person_id=person.id,
            relation=data.relation,
            note=text.clean_text(data.note) or None,
            linked_by=actor.username,
        )
        uow.session.add(link)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _public(uow, link),
            actor=actor,
            action=AuditAction.STAFF_PERSON_LINK,
            subject_type=SUBJECT,
            subject_id=staff_id,
            after={"link_id": link.id, "person_id": person.id, "relation": link.relation},
        )


def unlink_staff_person(
    uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID, link_id: uuid.UUID, reason: str
) -> StaffLinkPublic:
    """End a link (kept, with who ended it and why)."""
    with uow:
        require(uow, actor, Permission.STAFF_WRITE, subject_type=SUBJECT, subject_id=staff_id)
        why = text.required_text(reason, "reason")
        link = uow.session.get(m.StaffPersonLink, link_id)
        if link is None or link.staff_id != staff_id:
            raise LinkNotFound(f"no link {link_id} on this staff account")
        if link.removed_at is not None:
            raise Conflict("this link was already removed")
        link.removed_at, link.removed_by, link.removal_reason = uow.clock.now(), actor.username, why
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _public(uow, link),
            actor=actor,
            action=AuditAction.STAFF_PERSON_UNLINK,
            subject_type=SUBJECT,
            subject_id=staff_id,
            before={"link_id": link.id, "person_id": link.person_id},
            details={"reason": why},
        )


def list_staff_links(
    uow: UnitOfWork, *, actor: Actor, staff_id: uuid.UUID | None = None, include_removed: bool = False
) -> list[StaffLinkPublic]:
    """Links of one staff account (or of all), newest first; the read is audited."""
    with uow:
        require(uow, actor, Permission.STAFF_READ, subject_type=SUBJECT, subject_id=staff_id)
        stmt = select(m.StaffPersonLink).order_by(m.StaffPersonLink.created_at.desc())
        if staff_id is not None:
            stmt = stmt.where(m.StaffPersonLink.staff_id == staff_id)
        if not include_removed:
            stmt = stmt.where(m.StaffPersonLink.removed_at.is_(None))
        rows = [_public(uow, r) for r in uow.session.scalars(stmt)]
        return audit.audited_read(
            uow,
            rows,
            actor=actor,
            action=AuditAction.STAFF_PERSON_LINKS_READ,
            subject_type=SUBJECT,
            subject_id=staff_id,
            details={"results": len(rows)},
        )


def _public(uow: UnitOfWork, link: m.StaffPersonLink) -> StaffLinkPublic:
    person = uow.session.get(m.Person, link.person_id)
    name = f"{person.given_names} {person.family_name}".strip() if person else ""
    return StaffLinkPublic.model_validate(link).model_copy(update={"person_name": name})


def _active_links(
    uow: UnitOfWork, staff_id: uuid.UUID, *, person_id: uuid.UUID | None = None
) -> list[m.StaffPersonLink]:
    stmt = select(m.StaffPersonLink).where(
        m.StaffPersonLink.staff_id == staff_id, m.StaffPersonLink.removed_at.is_(None)
    )
    if person_id is not None:
        stmt = stmt.where(m.StaffPersonLink.person_id == person_id)
    return list(uow.session.scalars(stmt))


_CONFLICTED = "registry.conflicts.conflicted"
_FILE_PEOPLE = "registry.conflicts.file_people"
_CHECKED_PEOPLE = "registry.conflicts.checked_people"


def conflicted_person_ids(uow: UnitOfWork, staff_id: uuid.UUID) -> set[uuid.UUID]:
    """Everyone whose file this staff member may not touch: the linked people (with the records
    merged into them) and everyone in a benefit unit with one of them today.

    Read once per unit of work (every file check of a request asks it; a write forgets it)."""
    key = (_CONFLICTED, staff_id)
    if key not in uow.memo:
        uow.memo[key] = frozenset(_conflicted(uow, staff_id))
    found: frozenset[uuid.UUID] = uow.memo[key]  # type: ignore[assignment]
    return set(found)


def _conflicted(uow: UnitOfWork, staff_id: uuid.UUID) -> set[uuid.UUID]:
    linked = [link.person_id for link in _active_links(uow, staff_id)]
    if not linked:
        return set()
    repo = PeopleRepository(uow.session)
    people: set[uuid.UUID] = set()
    for person_id in linked:
        people.update(repo.merged_record_ids(repo.survivor(repo.get(person_id)).id))
    units = _current_units(uow, people)
    if units:
        people.update(_current_members(uow, units))
    return people


def _current_units(uow: UnitOfWork, person_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    today = uow.clock.today()
    ms = m.UnitMembership
    stmt = select(ms.unit_id).where(
        ms.person_id.in_(person_ids), ms.joined_on <= today, or_(ms.left_on.is_(None), ms.left_on > today)
    )
    return set(uow.session.scalars(stmt))


def _current_members(uow: UnitOfWork, unit_ids: set[uuid.UUID]) -> set[uuid.UUID]:
    today = uow.clock.today()
    ms = m.UnitMembership
    stmt = select(ms.person_id).where(ms.unit_id.in_(unit_ids), or_(ms.left_on.is_(None), ms.left_on > today))
    return set(uow.session.scalars(stmt))


def file_people(uow: UnitOfWork, subject_type: str, subject_id: uuid.UUID) -> set[uuid.UUID]:
    """The people a file access is about: the person (and its survivor), or a unit's members today.

    Read once per file for the unit of work: both guards ask it, for each permission checked."""
    key = (_FILE_PEOPLE, subject_type, subject_id)
    if key not in uow.memo:
        uow.memo[key] = frozenset(_file_people(uow, subject_type, subject_id))
    found: frozenset[uuid.UUID] = uow.memo[key]  # type: ignore[assignment]
    return set(found)


def _file_people(uow: UnitOfWork, subject_type: str, subject_id: uuid.UUID) -> set[uuid.UUID]:
    if subject_type in ("unit", "benefit_unit"):
        return _current_members(uow, {subject_id})
    person = uow.session.get(m.Person, subject_id)
    if person is None:
        return {subject_id}
    # The use case that asked reads this person next (``PeopleRepository.get``): keep the record in the
    # session's identity map (it holds objects weakly) for the rest of the session, not read it twice.
    uow.session.info.setdefault(_CHECKED_PEOPLE, []).append(person)
    return {subject_id, PeopleRepository(uow.session).survivor(person).id}


def _conflict_guard(
    uow: UnitOfWork, actor: Actor, permission: Permission, subject_type: str, subject_id: uuid.UUID
) -> Refusal | None:
    assert actor.staff_id is not None  # file guards run for staff members only
    conflicted = conflicted_person_ids(uow, actor.staff_id)
    if not conflicted or not (file_people(uow, subject_type, subject_id) & conflicted):
        return None
    return Refusal(
        ConflictOfInterest(
            "conflict of interest: your account is linked to this file (your own record or your "
            "household's); another staff member must handle it"
        ),
        details={"refused": ConflictOfInterest.code},
    )


register_file_guard("conflict_of_interest", _conflict_guard)
