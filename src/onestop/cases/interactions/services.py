"""Interaction use cases: log a contact (with an optional follow-up task), receive and attach e-mails, read.

Logging is one short transaction (a handful of inserts and the audit event) so a contact-centre officer
can log each call as it ends.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit, notices
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.interactions import domain
from onestop.cases.interactions.domain import Channel, Outcome
from onestop.cases.interactions.models import Interaction
from onestop.cases.interactions.repository import InteractionRepository, ReasonRepository
from onestop.cases.interactions.schemas import (
    EmailReceived,
    EmailReply,
    FollowUpIn,
    InteractionAttach,
    InteractionCreate,
    InteractionPage,
    InteractionPublic,
    RecentContact,
    ReplyPublic,
    ReplyTemplatePublic,
)
from onestop.cases.reading import read_one
from onestop.cases.tasks import TaskCreate, create_task
from onestop.common.ids import new_id
from onestop.common.text import clean_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import Person, current_record_id, merged_record_ids
from onestop.registry.domain import email

SUBJECT = "interaction"
RECENT = 50


def log_interaction(uow: UnitOfWork, *, actor: Actor, data: InteractionCreate) -> InteractionPublic:
    """Log a contact; a follow-up given with it becomes a task in the same transaction."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
        codes = domain.check_reasons(data.reason_codes, _reasons(uow))
        chosen = data.outcome or (Outcome.FOLLOW_UP if data.follow_up else Outcome.RESOLVED)
        row = Interaction(
            id=new_id(),
            person_id=current_record_id(uow, data.person_id) if data.person_id else None,
            channel=domain.channel(data.channel).value,
            direction=domain.direction(data.direction).value,
            occurred_at=domain.occurred_at(data.occurred_at, now=uow.clock.now()),
            duration_seconds=domain.duration(data.duration_seconds),
            outcome=domain.outcome(chosen).value,
            notes=clean_text(data.notes) or None,
            staff_id=actor.staff_id,
            office_id=actor.office_id,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        if data.follow_up is not None:  # the task first, so the interaction is inserted complete
            row.follow_up_task_id = _follow_up(uow, actor, row, codes, data.follow_up)
        InteractionRepository(uow.session).add_with_reasons(row, codes)
        return audit.audited_write(
            uow,
            lambda: _public(row, codes),
            actor=actor,
            action=AuditAction.INTERACTION_CREATE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after=_snapshot(row) | {"reason_codes": codes},
        )


def _follow_up(
    uow: UnitOfWork, actor: Actor, row: Interaction, codes: list[str], follow: FollowUpIn
) -> uuid.UUID:
    title = clean_text(follow.title) or f"Follow up on {row.channel.replace('_', ' ')} contact ({codes[0]})"
    data = TaskCreate(
        kind=follow.kind,
        title=title,
        person_id=row.person_id,
        due_on=follow.due_on,
        priority=follow.priority,
        assignee_id=follow.assignee_id,
        office_id=follow.office_id,
        source_type=SUBJECT,
        source_id=row.id,
    )
    task = create_task(uow, actor=actor, data=data)
    return task.id


def receive_email(uow: UnitOfWork, *, actor: Actor, data: EmailReceived) -> InteractionPublic:
    """Store an inbound e-mail request as an unattached interaction, waiting for an officer."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
        row = Interaction(
            id=new_id(),
            channel=Channel.EMAIL.value,
            direction=domain.Direction.INBOUND.value,
            occurred_at=domain.occurred_at(data.received_at, now=uow.clock.now()),
            outcome=Outcome.PENDING.value,
            recorded_by=actor.username,
            email_from=email(data.sender, field="sender"),
            email_subject=clean_text(data.subject) or None,
            email_body=data.body or None,
            created_at=uow.clock.now(),
        )
        InteractionRepository(uow.session).add_with_reasons(row, [])
        return audit.audited_write(
            uow,
            lambda: _public(row, []),
            actor=actor,
            action=AuditAction.INTERACTION_EMAIL_RECEIVED,
            subject_type=SUBJECT,
            subject_id=row.id,
            details={"sender": row.email_from, "subject": row.email_subject},
        )


def attach_interaction(
    uow: UnitOfWork, *, actor: Actor, interaction_id: uuid.UUID, data: InteractionAttach
) -> InteractionPublic:
    """Attach an unattached interaction (an inbound e-mail) to a person; the handling officer is recorded."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=interaction_id)
        repo = InteractionRepository(uow.session)
        row = repo.get(interaction_id)
        expect_version(row.version, data.version, what="interaction")
        domain.check_attachable(row.person_id)
        codes = domain.check_reasons(data.reason_codes or ["general_information"], _reasons(uow))
        existing = repo.reasons_of([row.id]).get(row.id, [])
        row.person_id = current_record_id(uow, data.person_id)
        row.attached_at, row.attached_by = uow.clock.now(), actor.username
        row.staff_id, row.office_id = actor.staff_id, actor.office_id
        row.outcome = domain.outcome(data.outcome or Outcome.INFORMATION_GIVEN).value
        row.notes = clean_text(data.notes) or row.notes
        uow.flush()
        repo.add_reasons(row.id, [c for c in codes if c not in existing])
        return audit.audited_write(
            uow,
            lambda: _public(row, sorted(set(existing) | set(codes))),
            actor=actor,
            action=AuditAction.INTERACTION_ATTACH,
            subject_type=SUBJECT,
            subject_id=row.id,
            before={"person_id": None},
            after={"person_id": row.person_id, "reason_codes": codes},
        )


def reply_to_email(
    uow: UnitOfWork, *, actor: Actor, interaction_id: uuid.UUID, data: EmailReply
) -> ReplyPublic:
    """Answer an attached e-mail: the reply is queued as a notice (the notices outbox delivers it once,
    by e-mail to the address on file when there is one) and logged as an outbound e-mail interaction on
    the person, in one transaction; the e-mail answered is marked resolved."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=interaction_id)
        repo = InteractionRepository(uow.session)
        original = repo.get(interaction_id)
        expect_version(original.version, data.version, what="interaction")
        domain.check_repliable(original.channel, original.direction, original.person_id)
        assert original.person_id is not None
        domain.reply_template(data.template)
        body = domain.reply_body(data.body)
        person = uow.session.get(Person, original.person_id)
        language = person.language if person is not None and person.language in ("en", "fr") else "en"
        subject = clean_text(data.subject or "") or domain.reply_subject(original.email_subject, language)
        codes = repo.reasons_of([original.id]).get(original.id, []) or ["general_information"]
        now = uow.clock.now()
        row = Interaction(
            id=new_id(),
            person_id=original.person_id,
            channel=Channel.EMAIL.value,
            direction=domain.Direction.OUTBOUND.value,
            occurred_at=now,
            outcome=Outcome.INFORMATION_GIVEN.value,
            notes=body,
            staff_id=actor.staff_id,
            office_id=actor.office_id,
            recorded_by=actor.username,
            email_subject=subject,
            created_at=now,
        )
        repo.add_with_reasons(row, codes)
        notice = notices.queue_notice(
            uow,
            person_id=original.person_id,
            kind=notices.Kind.REPLY,
            params={"subject": subject, "body": body, "_channel": notices.Channel.EMAIL.value},
            subject_type=SUBJECT,
            subject_id=row.id,
            created_by=actor.username,
        )
        original.outcome = Outcome.RESOLVED.value
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.INTERACTION_REPLY,
            subject_type=SUBJECT,
            subject_id=row.id,
            after=_snapshot(row) | {"reason_codes": codes},
            details={"in_reply_to": original.id, "notice_id": notice.id, "template": data.template},
        )
        uow.commit()
        return ReplyPublic(
            interaction=_public(row, codes), in_reply_to=original.id, notice_id=notice.id, subject=subject
        )


def reply_templates(uow: UnitOfWork, *, actor: Actor) -> list[ReplyTemplatePublic]:
    """The reply templates an officer starts from (fixed text, no personal data: no audit)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        return [
            ReplyTemplatePublic(
                code=t.code, label_en=t.label_en, label_fr=t.label_fr, body_en=t.body_en, body_fr=t.body_fr
            )
            for t in domain.REPLY_TEMPLATES
        ]


def list_unattached_emails(uow: UnitOfWork, *, actor: Actor, limit: int = 100) -> list[InteractionPublic]:
    """Inbound e-mails waiting to be attached, oldest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        rows = InteractionRepository(uow.session).unattached_emails(limit=min(max(limit, 1), 500))
        return audit.audited_read(
            uow,
            [_public(r, []) for r in rows],
            actor=actor,
            action=AuditAction.INTERACTION_LIST_UNATTACHED,
            subject_type=SUBJECT,
            subject_id=None,
            details={"results": len(rows)},
        )


def list_interactions(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, limit: int = RECENT, offset: int = 0
) -> InteractionPage:
    """A person's interactions, newest first, a page at a time, with the total count."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        repo = InteractionRepository(uow.session)
        total, rows = repo.recent_for_people(
            merged_record_ids(uow, person_id), limit=min(max(limit, 1), 500), offset=max(offset, 0)
        )
        reasons = repo.reasons_of([r.id for r in rows])
        return audit.audited_read(
            uow,
            InteractionPage(
                person_id=person_id, total=total, items=[_public(r, reasons.get(r.id, [])) for r in rows]
            ),
            actor=actor,
            action=AuditAction.INTERACTION_LIST,
            subject_type="person",
            subject_id=person_id,
            details={"results": len(rows), "offset": offset},
        )


def my_recent_contacts(uow: UnitOfWork, *, actor: Actor, limit: int = 10) -> list[RecentContact]:
    """The signed-in officer's latest contacts, newest first: "who did I just speak to?" on the home page."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        if actor.staff_id is None:
            return []
        repo = InteractionRepository(uow.session)
        rows = repo.recent_by_officer(actor.staff_id, limit=min(max(limit, 1), 100))
        reasons = repo.reasons_of([r.id for r, _name in rows])
        return audit.audited_read(
            uow,
            [RecentContact(interaction=_public(r, reasons.get(r.id, [])), person_name=n) for r, n in rows],
            actor=actor,
            action=AuditAction.INTERACTION_LIST,
            subject_type="staff",
            subject_id=actor.staff_id,
            details={"results": len(rows), "view": "mine"},
        )


def get_interaction(uow: UnitOfWork, *, actor: Actor, interaction_id: uuid.UUID) -> InteractionPublic:
    """One interaction with its reason codes."""
    return read_one(
        uow, actor, _INTERACTIONS, AuditAction.INTERACTION_READ, InteractionRepository, interaction_id
    )


def _reasons(uow: UnitOfWork) -> dict[str, domain.ReasonCode]:
    return domain.effective_reasons(ReasonRepository(uow.session).overrides())


def _snapshot(row: Interaction) -> dict[str, Any]:
    return audit.fields(
        row,
        "person_id",
        "channel",
        "direction",
        "occurred_at",
        "duration_seconds",
        "outcome",
        "follow_up_task_id",
    )


def _public(row: Interaction, codes: list[str]) -> InteractionPublic:
    return InteractionPublic.model_validate(row).model_copy(update={"reason_codes": list(codes)})


def _with_reasons(uow: UnitOfWork, row: Interaction) -> InteractionPublic:
    return _public(row, InteractionRepository(uow.session).reasons_of([row.id]).get(row.id, []))


_INTERACTIONS = audit.Subject(SUBJECT, _with_reasons)
