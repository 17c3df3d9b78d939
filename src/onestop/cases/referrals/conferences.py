"""Case conference use cases: record one that was held, and read a person's conferences."""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.referrals import domain
from onestop.cases.referrals.models import CaseConference, ConferenceParticipant
from onestop.cases.referrals.repository import ReferralRepository
from onestop.cases.referrals.schemas import (
    ConferenceCreate,
    ConferencePublic,
    ParticipantIn,
    ParticipantPublic,
)
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "case_conference"


def record_conference(uow: UnitOfWork, *, actor: Actor, data: ConferenceCreate) -> ConferencePublic:
    """Record a held case conference: participants (staff and external), notes, decisions, date."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        pid = current_record_id(uow, data.person_id)
        repo = ReferralRepository(uow.session)
        if data.referral_id is not None and repo.get(data.referral_id).person_id not in merged_record_ids(
            uow, pid
        ):
            raise InvalidInput("referral_id", "is a referral of another person")
        decisions = [d for d in (clean_text(x) for x in data.decisions) if d]
        row = CaseConference(
            id=new_id(),
            person_id=pid,
            referral_id=data.referral_id,
            held_on=domain.held_on(data.held_on, today=uow.clock.today()),
            title=required_text(data.title, "title", max_len=200),
            notes=clean_text(data.notes) or None,
            decisions=decisions,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        people = [_participant(uow, row.id, p, i) for i, p in enumerate(data.participants)]
        uow.session.add_all(people)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _public(row, people),
            actor=actor,
            action=AuditAction.CONFERENCE_CREATE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after={"person_id": pid, "held_on": row.held_on, "decisions": decisions},
            details={"participants": [p.name for p in people]},
        )


def _participant(
    uow: UnitOfWork, conference_id: uuid.UUID, p: ParticipantIn, i: int
) -> ConferenceParticipant:
    field = f"participants.{i}"
    name = clean_text(p.name)
    if p.staff_id is not None:
        staff = find_active_staff(uow.session, p.staff_id)
        if staff is None:
            raise InvalidInput(f"{field}.staff_id", f"no active staff member with id {p.staff_id}")
        name = name or staff.display_name
    elif not name:
        raise InvalidInput(f"{field}.name", "give a staff id or the participant's name")
    return ConferenceParticipant(
        id=new_id(),
        conference_id=conference_id,
        staff_id=p.staff_id,
        name=name,
        organisation=clean_text(p.organisation) or None,
        role=clean_text(p.role) or None,
    )


def list_conferences(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[ConferencePublic]:
    """A person's case conferences, newest first, with participants."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        repo = ReferralRepository(uow.session)
        rows = repo.conferences_for_people(merged_record_ids(uow, person_id))
        people = repo.participants([r.id for r in rows])
        return audit.audited_read(
            uow,
            [_public(r, people.get(r.id, [])) for r in rows],
            actor=actor,
            action=AuditAction.CONFERENCE_LIST,
            subject_type="person",
            subject_id=person_id,
            details={"results": len(rows)},
        )


def _public(row: CaseConference, people: list[ConferenceParticipant]) -> ConferencePublic:
    view = ConferencePublic.model_validate(row)
    return view.model_copy(update={"participants": [ParticipantPublic.model_validate(p) for p in people]})
