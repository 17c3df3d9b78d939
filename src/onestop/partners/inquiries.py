"""Elected members' inquiries: an MHA's or MLA's office asks about a client's file.

The inquiry is kept in the person's file with who asked, for whom, the client's consent (if given)
and the deadline; the answer shares details of the file only with that consent, else it is limited to
what may be said without it. Every step is audited against the person; supervisors see the open
ones by deadline.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.partners import domain
from onestop.partners.domain import InquiryState, MemberOffice
from onestop.partners.models import Inquiry
from onestop.partners.repository import PartnersRepository
from onestop.partners.schemas import InquiryAnswer, InquiryConsent, InquiryCreate, InquiryPublic
from onestop.registry import current_record_id, merged_record_ids

INQUIRY = "inquiry"


def open_inquiry(uow: UnitOfWork, *, actor: Actor, data: InquiryCreate) -> InquiryPublic:
    """Record an inquiry from an elected member's office in the person's file."""
    with uow:
        require(uow, actor, Permission.INQUIRY_WRITE, subject_type="person", subject_id=data.person_id)
        office = parse_enum(MemberOffice, data.member_office, field="member_office")
        person_id = current_record_id(uow, data.person_id, field="person_id")
        if data.received_on > uow.clock.today():
            raise InvalidInput("received_on", "must not be in the future")
        consent_note = clean_text(data.consent_note) or None
        if data.consent_on is not None:
            _check_consent_day(uow, data.consent_on)
            consent_note = required_text(data.consent_note, "consent_note", max_len=2000)
        row = Inquiry(
            person_id=person_id,
            member_office=office.value,
            member_name=required_text(data.member_name, "member_name", max_len=200),
            asked_by=required_text(data.asked_by, "asked_by", max_len=200),
            on_behalf_of=required_text(data.on_behalf_of, "on_behalf_of", max_len=200),
            question=required_text(data.question, "question", max_len=20_000),
            received_on=data.received_on,
            respond_by=domain.respond_by(data.received_on, data.respond_by),
            consent_on=data.consent_on,
            consent_note=consent_note if data.consent_on is not None else None,
            state=InquiryState.OPEN.value,
            opened_by=actor.username,
            disclosed=False,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        return _recorded(uow, actor, row, AuditAction.INQUIRY_CREATE, after=_snapshot(row))


def record_consent(
    uow: UnitOfWork, *, actor: Actor, inquiry_id: uuid.UUID, data: InquiryConsent
) -> InquiryPublic:
    """Record the client's consent to share their file with the member's office."""
    with uow:
        row = _inquiry_for(uow, actor, inquiry_id)
        expect_version(row.version, data.version, what="inquiry")
        _check_open(row)
        _check_consent_day(uow, data.consent_on)
        row.consent_on = data.consent_on
        row.consent_note = required_text(data.consent_note, "consent_note", max_len=2000)
        uow.flush()
        return _recorded(uow, actor, row, AuditAction.INQUIRY_CONSENT, after={"consent_on": row.consent_on})


def answer_inquiry(
    uow: UnitOfWork, *, actor: Actor, inquiry_id: uuid.UUID, data: InquiryAnswer
) -> InquiryPublic:
    """Record the answer; one that discloses the file needs the client's consent (refused with why)."""
    with uow:
        row = _inquiry_for(uow, actor, inquiry_id)
        expect_version(row.version, data.version, what="inquiry")
        _check_open(row)
        domain.check_disclosure(data.disclose, row.consent_on)
        if data.answered_on < row.received_on or data.answered_on > uow.clock.today():
            raise InvalidInput("answered_on", "must be between the day the inquiry came in and today")
        row.answer = required_text(data.answer, "answer", max_len=20_000)
        row.disclosed = data.disclose
        row.answered_by, row.answered_on = actor.username, data.answered_on
        row.state = InquiryState.ANSWERED.value
        uow.flush()
        late = row.answered_on > row.respond_by
        return _recorded(
            uow,
            actor,
            row,
            AuditAction.INQUIRY_ANSWER,
            after=_snapshot(row),
            disclosed=row.disclosed,
            late=late,
        )


def get_inquiry(uow: UnitOfWork, *, actor: Actor, inquiry_id: uuid.UUID) -> InquiryPublic:
    """One inquiry (its read is audited against the person)."""
    with uow:
        row = _inquiry_for(uow, actor, inquiry_id)
        return audit.audited_read(
            uow,
            _public(PartnersRepository(uow.session), row),
            actor=actor,
            action=AuditAction.INQUIRY_READ,
            subject_type="person",
            subject_id=row.person_id,
            details={"inquiry_id": row.id},
        )


def person_inquiries(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[InquiryPublic]:
    """A person's inquiries (over merged records), newest first."""
    with uow:
        require(uow, actor, Permission.INQUIRY_WRITE, subject_type="person", subject_id=person_id)
        repo = PartnersRepository(uow.session)
        rows = repo.inquiries_of(merged_record_ids(uow, person_id))
        return audit.audited_list(
            uow,
            rows,
            lambda r: _public(repo, r),
            actor=actor,
            action=AuditAction.INQUIRY_LIST,
            subject_type="person",
            subject_id=person_id,
        )


def inquiry_queue(uow: UnitOfWork, *, actor: Actor) -> list[InquiryPublic]:
    """The supervisor's queue: every open inquiry, the nearest deadline first."""
    with uow:
        require(uow, actor, Permission.INQUIRY_WRITE, subject_type=INQUIRY)
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.open_inquiries(),
            lambda r: _public(repo, r),
            actor=actor,
            action=AuditAction.INQUIRY_QUEUE,
            subject_type=INQUIRY,
        )


def _inquiry_for(uow: UnitOfWork, actor: Actor, inquiry_id: uuid.UUID) -> Inquiry:
    """The inquiry, once the actor may work on it and on the file of the person it asks about."""
    require(uow, actor, Permission.INQUIRY_WRITE, subject_type=INQUIRY, subject_id=inquiry_id)
    row = PartnersRepository(uow.session).inquiry(inquiry_id)
    # The file guards (restricted files, conflicts of interest) look at the person asked about.
    require(uow, actor, Permission.INQUIRY_WRITE, subject_type="person", subject_id=row.person_id)
    return row


def _recorded(
    uow: UnitOfWork, actor: Actor, row: Inquiry, action: AuditAction, *, after: dict[str, Any], **details: Any
) -> InquiryPublic:
    """The inquiry as a step left it, once the step's event is recorded (against the person) and committed."""
    return audit.audited_write(
        uow,
        lambda: _public(PartnersRepository(uow.session), row),
        actor=actor,
        action=action,
        subject_type="person",
        subject_id=row.person_id,
        after=after,
        details={"inquiry_id": row.id, **details},
    )


def _check_open(row: Inquiry) -> None:
    if row.state != InquiryState.OPEN.value:
        raise InvalidTransition("the inquiry is already answered")


def _check_consent_day(uow: UnitOfWork, day: Any) -> None:
    if day > uow.clock.today():
        raise InvalidInput("consent_on", "must not be in the future")


def _snapshot(row: Inquiry) -> dict[str, Any]:
    return audit.fields(
        row, "member_office", "member_name", "on_behalf_of", "respond_by", "consent_on", "state"
    )


def _public(repo: PartnersRepository, row: Inquiry) -> InquiryPublic:
    out = InquiryPublic.model_validate(row)
    out.person_name = repo.person_name(row.person_id)
    return out
