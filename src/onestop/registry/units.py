"""Benefit-unit use cases: create a unit, add and end memberships, read units.

Rules (one applicant, one partner, one unit headed per person) live in ``households``; here the
rows are locked so two officers cannot break them at the same moment.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.registry import households, to_public
from onestop.registry import models as m
from onestop.registry.repository import PeopleRepository, UnitRepository
from onestop.registry.schemas import MemberIn, UnitCreate, UnitPublic

SUBJECT = "benefit_unit"


def _view(uow: UnitOfWork, unit: m.BenefitUnit) -> UnitPublic:
    return to_public.unit_public(unit, UnitRepository(uow.session).memberships(unit.id))


#: A unit changed, handed back with its memberships as they are now.
_UNITS = audit.Subject(SUBJECT, _view)


def _stint(row: m.UnitMembership) -> households.Stint:
    role = households.MemberRole(row.role)
    return households.Stint(row.unit_id, row.person_id, role, row.joined_on, row.left_on)


def _admit(
    uow: UnitOfWork, unit_id: uuid.UUID, member: MemberIn, existing: list[households.Stint], by: str
) -> m.UnitMembership:
    """Check one new membership against the unit and the person's other units, then add it."""
    people = PeopleRepository(uow.session)
    person = people.get(member.person_id, for_update=True)
    if person.merged_into_id is not None:
        raise InvalidInput(
            "members", f"person {person.id} is merged into {person.merged_into_id}; use that record"
        )
    stint = households.Stint(unit_id, person.id, households.role(member.role), member.joined_on)
    households.check_unit([*existing, stint])
    others = UnitRepository(uow.session).memberships_of([person.id])
    households.check_heads_elsewhere(stint, [_stint(r) for r in others])
    existing.append(stint)
    row = m.UnitMembership(
        id=new_id(),
        unit_id=unit_id,
        person_id=person.id,
        role=stint.role.value,
        joined_on=member.joined_on,
        added_by=by,
        created_at=uow.clock.now(),
    )
    uow.session.add(row)
    return row


def create_unit(uow: UnitOfWork, *, actor: Actor, data: UnitCreate) -> UnitPublic:
    """Create a unit with its members; any broken rule stores nothing."""
    with uow:
        require(uow, actor, Permission.UNIT_WRITE, subject_type=SUBJECT)
        unit = m.BenefitUnit(
            id=new_id(),
            label=text.clean_text(data.label) or None,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(unit)
        uow.flush()
        stints: list[households.Stint] = []
        for member in data.members:
            _admit(uow, unit.id, member, stints, actor.username)
        uow.flush()
        members = UnitRepository(uow.session).memberships(unit.id)
        after = {"members": [audit.fields(r, "person_id", "role") for r in members]}
        return _UNITS.saved(uow, actor, AuditAction.UNIT_CREATE, unit, after=after)


def get_unit(uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID) -> UnitPublic:
    """A unit with its membership history (audited read)."""
    with uow:
        require(uow, actor, Permission.UNIT_READ, subject_type=SUBJECT, subject_id=unit_id)
        units = UnitRepository(uow.session)
        view = to_public.unit_public(units.get(unit_id), units.memberships(unit_id))
        return audit.audited_read(
            uow, view, actor=actor, action=AuditAction.UNIT_READ, subject_type=SUBJECT, subject_id=unit_id
        )


def add_member(uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID, member: MemberIn) -> UnitPublic:
    """Add a person to a unit from a date."""
    with uow:
        require(uow, actor, Permission.UNIT_WRITE, subject_type=SUBJECT, subject_id=unit_id)
        units = UnitRepository(uow.session)
        unit = units.get(unit_id, for_update=True)  # serialises concurrent additions to one unit
        stints = [_stint(r) for r in units.memberships(unit_id)]
        row = _admit(uow, unit_id, member, stints, actor.username)
        uow.flush()
        after = audit.fields(row, "person_id", "role", "joined_on")
        return _UNITS.saved(uow, actor, AuditAction.UNIT_MEMBER_ADD, unit, after=after)


def end_membership(
    uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID, membership_id: uuid.UUID, left_on: dt.date
) -> UnitPublic:
    """End a membership on a date; the history keeps it."""
    with uow:
        require(uow, actor, Permission.UNIT_WRITE, subject_type=SUBJECT, subject_id=unit_id)
        units = UnitRepository(uow.session)
        unit = units.get(unit_id)
        row = units.get_membership(unit_id, membership_id)
        if row.left_on is not None:
            raise Conflict(f"this membership already ended on {row.left_on.isoformat()}")
        households.dates(row.joined_on, left_on)
        row.left_on, row.ended_by = left_on, actor.username
        after = {"person_id": row.person_id, "left_on": left_on}
        return _UNITS.saved(
            uow, actor, AuditAction.UNIT_MEMBER_END, unit, before={"left_on": None}, after=after
        )


def list_person_units(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[UnitPublic]:
    """Every unit the person (or a record merged into them) has belonged to."""
    with uow:
        require(uow, actor, Permission.UNIT_READ, subject_type="person", subject_id=person_id)
        people, units = PeopleRepository(uow.session), UnitRepository(uow.session)
        people.get(person_id)
        unit_ids = dict.fromkeys(r.unit_id for r in units.memberships_of(people.merged_record_ids(person_id)))
        found = [to_public.unit_public(units.get(uid), units.memberships(uid)) for uid in unit_ids]
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.PERSON_READ,
            subject_type="person",
            subject_id=person_id,
            purpose="benefit units",
            details={"units": list(unit_ids)},
        )
