"""Referral use cases: refer (under consent, with a follow-up task), respond, and read.

Each function is one transaction with its audit event; the follow-up task is created in the same one.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit, notices
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.applications import OFFICE_PHONE
from onestop.cases.reading import read_one
from onestop.cases.referrals import domain
from onestop.cases.referrals.domain import ReferralStatus, TargetKind
from onestop.cases.referrals.models import Referral
from onestop.cases.referrals.repository import ReferralRepository
from onestop.cases.referrals.schemas import ReferralCreate, ReferralPublic, ReferralStatusChange
from onestop.cases.tasks import TaskCreate, create_task
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "referral"
_REFERRALS = audit.Subject.of_row(SUBJECT, ReferralPublic.model_validate)
_ACTIONS = {
    ReferralStatus.ACCEPTED: AuditAction.REFERRAL_ACCEPT,
    ReferralStatus.COMPLETED: AuditAction.REFERRAL_COMPLETE,
    ReferralStatus.DECLINED: AuditAction.REFERRAL_DECLINE,
}


def refer(uow: UnitOfWork, *, actor: Actor, data: ReferralCreate) -> ReferralPublic:
    """Refer a person to a specialist or agency; sharing information needs their current consent."""
    with uow:
        require(uow, actor, Permission.REFERRAL_WRITE, subject_type="person", subject_id=data.person_id)
        kind = domain.target_kind(data.kind)
        target = domain.target_id(data.target_id)
        shared = domain.categories(data.shared)
        pid = current_record_id(uow, data.person_id)
        repo = ReferralRepository(uow.session)
        consent = domain.current_consent(repo.consents(merged_record_ids(uow, pid)), target, uow.clock.now())
        domain.check_consent(shared, consent, target)
        row = Referral(
            id=new_id(),
            person_id=pid,
            kind=kind.value,
            target_id=target,
            target_name=required_text(data.target_name, "target_name", max_len=200),
            specialist_id=_specialist(uow, kind, data.specialist_id),
            reason=required_text(data.reason, "reason", max_len=4000),
            shared_categories=shared,
            consent_id=consent.id if consent and shared else None,
            status=ReferralStatus.SENT.value,
            referred_by=actor.username,
            created_at=uow.clock.now(),
        )
        row.follow_up_task_id = _follow_up(uow, actor, row, data)
        uow.session.add(row)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.REFERRAL_CREATE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after=_snapshot(row),
            details={"shared": shared, "consent_id": row.consent_id},
        )
        notices.queue_notice(
            uow,
            person_id=pid,
            kind=notices.Kind.REFERRAL_MADE,
            params={
                "agency": row.target_name,
                "service": row.reason,
                "agency_phone": "211",
                "office_phone": OFFICE_PHONE,
                "legal_source": {
                    "en": "the consent you gave us",
                    "fr": "le consentement que vous nous avez donné",
                },
            },
            subject_type=SUBJECT,
            subject_id=row.id,
            created_by=actor.username,
        )
        uow.commit()
        return ReferralPublic.model_validate(row)


def _specialist(uow: UnitOfWork, kind: TargetKind, staff_id: uuid.UUID | None) -> uuid.UUID | None:
    if staff_id is None:
        return None
    if kind is not TargetKind.INTERNAL:
        raise InvalidInput("specialist_id", "only an internal referral goes to a named specialist")
    if find_active_staff(uow.session, staff_id) is None:
        raise InvalidInput("specialist_id", f"no active staff member with id {staff_id}")
    return staff_id


def _follow_up(uow: UnitOfWork, actor: Actor, row: Referral, data: ReferralCreate) -> uuid.UUID:
    if data.follow_up_assignee_id is None and actor.staff_id is None and actor.office_id is None:
        raise InvalidInput("follow_up_assignee_id", "give the officer who will follow the referral up")
    task = create_task(
        uow,
        actor=actor,
        data=TaskCreate(
            kind="follow_up",
            title=f"Follow up referral to {row.target_name}"[:200],
            person_id=row.person_id,
            due_on=domain.follow_up_on(data.follow_up_on, today=uow.clock.today()),
            assignee_id=data.follow_up_assignee_id,
            source_type=SUBJECT,
            source_id=row.id,
        ),
    )
    return task.id


def change_referral_status(
    uow: UnitOfWork, *, actor: Actor, referral_id: uuid.UUID, data: ReferralStatusChange
) -> ReferralPublic:
    """Record the recipient's answer (accepted, declined with a reason) or the outcome (completed)."""
    with uow:
        require(uow, actor, Permission.REFERRAL_WRITE, subject_type=SUBJECT, subject_id=referral_id)
        target = domain.status(data.status)
        row = ReferralRepository(uow.session).get(referral_id)
        expect_version(row.version, data.version, what="referral")
        domain.check_transition(row.status, target)
        before = _snapshot(row)
        note = clean_text(data.note) or None
        if target is ReferralStatus.DECLINED:
            note = required_text(data.note, "note", max_len=4000)
        now = uow.clock.now()
        if target in (ReferralStatus.ACCEPTED, ReferralStatus.DECLINED):
            row.responded_at, row.responded_by = now, actor.username
        if target in (ReferralStatus.COMPLETED, ReferralStatus.DECLINED):
            row.closed_at, row.closed_by = now, actor.username
        row.status, row.response_note = target.value, note or row.response_note
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: ReferralPublic.model_validate(row),
            actor=actor,
            action=_ACTIONS[target],
            subject_type=SUBJECT,
            subject_id=row.id,
            before={"status": before["status"]},
            after={"status": row.status},
            details={"note": note},
        )


def list_referrals(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[ReferralPublic]:
    """A person's referrals, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = ReferralRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return _REFERRALS.listed(uow, actor, AuditAction.REFERRAL_LIST, rows, ("person", person_id))


def list_incoming_referrals(
    uow: UnitOfWork, *, actor: Actor, specialist_id: uuid.UUID | None = None
) -> list[ReferralPublic]:
    """Open referrals addressed to a specialist (default: me), oldest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        staff_id = specialist_id or actor.staff_id
        if staff_id is None:
            raise InvalidInput("specialist_id", "give the specialist whose referrals to show")
        rows = ReferralRepository(uow.session).incoming(staff_id)
        return _REFERRALS.listed(uow, actor, AuditAction.REFERRAL_LIST_INCOMING, rows, ("staff", staff_id))


def get_referral(uow: UnitOfWork, *, actor: Actor, referral_id: uuid.UUID) -> ReferralPublic:
    """One referral."""
    return read_one(uow, actor, _REFERRALS, AuditAction.REFERRAL_READ, ReferralRepository, referral_id)


def _snapshot(row: Referral) -> dict[str, Any]:
    return {
        "person_id": row.person_id,
        "kind": row.kind,
        "target_id": row.target_id,
        "target_name": row.target_name,
        "specialist_id": row.specialist_id,
        "status": row.status,
        "shared_categories": list(row.shared_categories),
        "follow_up_task_id": row.follow_up_task_id,
    }
