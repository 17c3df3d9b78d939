"""Privacy breaches (issue 20, part 5): report a suspected breach (anyone who finds one, or from a letter
that went to the wrong place), assess it with the commissioners' factors, tell the person (a letter
through the notices outbox) and the commissioner (a letter rendered by the notices area and kept in
document storage), follow it up with dated steps, and close it with the outcome.

Each function is one transaction with its audit event. The events name the breach, its kind and the
risk, never what the description says (it may name the people involved).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import case, select

from onestop import audit, notices
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications import OFFICE_PHONE
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition, NotFound
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.notices import Notice, render, render_pdf
from onestop.privacy import domain
from onestop.privacy.config import schedules
from onestop.privacy.domain import BreachFactors, BreachKind, BreachStatus, Containment, Level
from onestop.privacy.models import Breach, BreachAction
from onestop.privacy.schemas import (
    BreachActionDone,
    BreachActionIn,
    BreachActionPublic,
    BreachAssessmentIn,
    BreachCloseIn,
    BreachCreate,
    BreachPublic,
)
from onestop.registry import current_record_id
from onestop.storage import DocumentStorage

SUBJECT = "privacy_breach"

#: What happened, in the person's words (the staff description stays inside: it may name others).
WHAT_HAPPENED = {
    BreachKind.MISDIRECTED_LETTER: {
        "en": "A letter about you went to the wrong person or address.",
        "fr": "Une lettre à votre sujet est allée à la mauvaise personne ou à la mauvaise adresse.",
    },
    BreachKind.UNAUTHORISED_ACCESS: {
        "en": "Someone on our staff opened your file without a reason to.",
        "fr": "Une personne de notre équipe a ouvert votre dossier sans raison.",
    },
    BreachKind.LOST_RECORD: {
        "en": "Papers or a device with your information were lost or stolen.",
        "fr": "Des papiers ou un appareil avec vos renseignements ont été perdus ou volés.",
    },
    BreachKind.OTHER: {
        "en": "Your information was shared by mistake.",
        "fr": "Vos renseignements ont été partagés par erreur.",
    },
}
LEVELS = {
    "low": {"en": "low", "fr": "faible"},
    "medium": {"en": "medium", "fr": "moyen"},
    "high": {"en": "high", "fr": "élevé"},
}
CONTAINED = {
    "contained": {"en": "yes", "fr": "oui"},
    "partial": {"en": "in part", "fr": "en partie"},
    "not_contained": {"en": "no", "fr": "non"},
}


class BreachNotFound(NotFound):
    """No breach (or follow-up step) with this id."""


def report_breach(uow: UnitOfWork, *, actor: Actor, data: BreachCreate) -> BreachPublic:
    """Record a suspected breach. From a letter, the letter's person is the one whose information went."""
    with uow:
        require(uow, actor, Permission.PRIVACY_REQUEST_WRITE, subject_type=SUBJECT)
        kind = parse_enum(BreachKind, data.kind, field="kind")
        domain.commissioner_for(schedules(), data.jurisdiction)
        if data.discovered_on > uow.clock.today():
            raise InvalidInput("discovered_on", "cannot be after today")
        person_id = data.person_id
        if data.notice_id is not None:
            letter = uow.session.get(Notice, data.notice_id)
            if letter is None:
                raise InvalidInput("notice_id", f"no letter with id {data.notice_id}")
            if person_id is not None and _person(uow, person_id) != letter.person_id:
                raise InvalidInput("person_id", "the letter was about someone else")
            person_id = letter.person_id
        row = Breach(
            id=new_id(),
            created_at=uow.clock.now(),
            kind=kind.value,
            jurisdiction=data.jurisdiction,
            status=BreachStatus.REPORTED.value,
            discovered_on=data.discovered_on,
            description=required_text(data.description, "description", max_len=4000),
            person_id=_person(uow, person_id) if person_id is not None else None,
            notice_id=data.notice_id,
            reported_by=actor.username,
        )
        uow.session.add(row)
        return _BREACHES.saved(
            uow,
            actor,
            AuditAction.PRIVACY_BREACH_REPORT,
            row,
            after=audit.fields(row, "kind", "status", "person_id"),
            details={"notice_id": row.notice_id},
        )


def assess_breach(
    uow: UnitOfWork,
    *,
    actor: Actor,
    breach_id: uuid.UUID,
    data: BreachAssessmentIn,
    version: int | None = None,
) -> BreachPublic:
    """Weigh the factors (sensitivity, how many people, likelihood of misuse, containment); the risk of
    harm follows from them. A breach is assessed again as facts come in, until someone is notified."""
    with uow:
        require(uow, actor, Permission.PRIVACY_BREACH, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        expect_version(row.version, version, what="breach")
        factors = BreachFactors(
            sensitivity=parse_enum(Level, data.sensitivity, field="sensitivity"),
            people_affected=data.people_affected,
            likelihood=parse_enum(Level, data.likelihood, field="likelihood"),
            containment=parse_enum(Containment, data.containment, field="containment"),
        )
        risk = domain.risk_of_harm(factors)
        domain.check_breach_transition(row.status, BreachStatus.ASSESSED, risk=risk.value)
        before = audit.fields(row, "status", "risk")
        row.information = required_text(data.information, "information", max_len=2000)
        row.containment_steps = required_text(data.containment_steps, "containment_steps", max_len=2000)
        row.harm = required_text(data.harm, "harm", max_len=2000)
        row.sensitivity, row.likelihood = factors.sensitivity.value, factors.likelihood.value
        row.people_affected, row.containment = factors.people_affected, factors.containment.value
        row.risk, row.status = risk.value, BreachStatus.ASSESSED.value
        row.assessed_by, row.assessed_at = actor.username, uow.clock.now()
        return _BREACHES.saved(
            uow,
            actor,
            AuditAction.PRIVACY_BREACH_ASSESS,
            row,
            before=before,
            after=audit.fields(row, "status", "risk"),
            details=audit.fields(row, "sensitivity", "people_affected", "likelihood", "containment"),
        )


def notify_breach(
    uow: UnitOfWork,
    *,
    actor: Actor,
    storage: DocumentStorage,
    breach_id: uuid.UUID,
    version: int | None = None,
) -> BreachPublic:
    """Tell the person (a letter queued in the notices outbox, in their language, by their usual
    channel) and the commissioner (a report rendered as PDF and kept, to send with the office's mail)."""
    with uow:
        require(uow, actor, Permission.PRIVACY_BREACH, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        expect_version(row.version, version, what="breach")
        domain.check_breach_transition(row.status, BreachStatus.NOTIFIED, risk=row.risk)
        office = domain.commissioner_for(schedules(), row.jurisdiction)
        today = uow.clock.today()
        reference = "B-" + str(row.id)[:8].upper()
        shared: dict[str, Any] = {
            "discovered_on": notices.date(row.discovered_on),
            "what_happened": WHAT_HAPPENED[BreachKind(row.kind)],
            "information": row.information,
            "containment_steps": row.containment_steps,
            "legal_source": office.legal_source,
            "office_phone": OFFICE_PHONE,
        }
        if row.person_id is not None:
            letter = notices.queue_notice(
                uow,
                person_id=row.person_id,
                kind=notices.Kind.BREACH_NOTICE,
                params=shared
                | {"commissioner": office.name, "commissioner_address": ", ".join(office.address)},
                subject_type=SUBJECT,
                subject_id=row.id,
                created_by=actor.username,
            )
            row.person_notice_id = letter.id
        told = (
            {"en": "We are writing to the person today.", "fr": "Nous écrivons à la personne aujourd'hui."}
            if row.person_id is not None
            else {
                "en": "We do not know who the people are yet.",
                "fr": "Nous ne savons pas encore qui sont les personnes.",
            }
        )
        report = render(
            notices.Kind.BREACH_REPORT,
            "en",
            shared
            | {
                "reference": reference,
                "people_affected": row.people_affected,
                "sensitivity": LEVELS[row.sensitivity or "low"],
                "likelihood": LEVELS[row.likelihood or "low"],
                "containment": CONTAINED[row.containment or "not_contained"],
                "risk": LEVELS[row.risk or "low"],
                "person_told": told,
            },
        )
        pdf = render_pdf(report, [office.name, *office.address], reference=reference, dated=today.isoformat())
        row.office_letter_key = storage.put(pdf)
        row.status, row.notified_by, row.notified_on = BreachStatus.NOTIFIED.value, actor.username, today
        return _BREACHES.saved(
            uow,
            actor,
            AuditAction.PRIVACY_BREACH_NOTIFY,
            row,
            after={"status": row.status, "notified_on": today},
            details={"person_notice_id": row.person_notice_id, "commissioner": office.name, "risk": row.risk},
        )


def office_letter(uow: UnitOfWork, *, actor: Actor, storage: DocumentStorage, breach_id: uuid.UUID) -> bytes:
    """The report to the commissioner, as PDF (reading it is audited)."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        if not row.office_letter_key:
            raise InvalidTransition("the commissioner has not been written to yet")
        return audit.audited_read(
            uow,
            storage.get(row.office_letter_key),
            actor=actor,
            action=AuditAction.PRIVACY_BREACH_LETTER_READ,
            subject_type=SUBJECT,
            subject_id=row.id,
        )


def add_action(uow: UnitOfWork, *, actor: Actor, breach_id: uuid.UUID, data: BreachActionIn) -> BreachPublic:
    """A follow-up step (get the letter back, retrain, change a procedure), due by a date."""
    with uow:
        require(uow, actor, Permission.PRIVACY_BREACH, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        if row.status == BreachStatus.CLOSED:
            raise InvalidTransition("the breach is closed")
        if data.due_on < row.discovered_on:
            raise InvalidInput("due_on", "cannot be before the breach was found")
        step = BreachAction(
            id=new_id(),
            breach_id=row.id,
            what=required_text(data.what, "what", max_len=2000),
            due_on=data.due_on,
            added_by=actor.username,
            added_at=uow.clock.now(),
        )
        uow.session.add(step)
        return _BREACHES.saved(
            uow,
            actor,
            AuditAction.PRIVACY_BREACH_ACTION_ADD,
            row,
            details={"action_id": step.id, "due_on": step.due_on},
        )


def complete_action(
    uow: UnitOfWork, *, actor: Actor, action_id: uuid.UUID, data: BreachActionDone
) -> BreachPublic:
    """Mark a follow-up step done, with what was done."""
    with uow:
        step = uow.session.get(BreachAction, action_id)
        require(
            uow,
            actor,
            Permission.PRIVACY_BREACH,
            subject_type=SUBJECT,
            subject_id=step.breach_id if step else None,
        )
        if step is None:
            raise BreachNotFound(f"no follow-up step with id {action_id}")
        if step.done_at is not None:
            raise InvalidTransition("this step is already done")
        step.done_at, step.done_by = uow.clock.now(), actor.username
        step.done_note = clean_text(data.note) or None
        row = _get(uow, step.breach_id)
        return _BREACHES.saved(
            uow, actor, AuditAction.PRIVACY_BREACH_ACTION_DONE, row, details={"action_id": step.id}
        )


def close_breach(
    uow: UnitOfWork, *, actor: Actor, breach_id: uuid.UUID, data: BreachCloseIn, version: int | None = None
) -> BreachPublic:
    """Close with the outcome, once every follow-up step is done (and the people told, when the risk
    calls for it)."""
    with uow:
        require(uow, actor, Permission.PRIVACY_BREACH, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        expect_version(row.version, version, what="breach")
        domain.check_breach_transition(row.status, BreachStatus.CLOSED, risk=row.risk)
        outcome = required_text(data.outcome, "outcome", max_len=4000)
        if any(a.done_at is None for a in _actions(uow, row.id)):
            raise InvalidTransition("finish every follow-up step before closing the breach")
        row.outcome, row.status = outcome, BreachStatus.CLOSED.value
        row.closed_by, row.closed_at = actor.username, uow.clock.now()
        return _BREACHES.saved(
            uow,
            actor,
            AuditAction.PRIVACY_BREACH_CLOSE,
            row,
            after={"status": row.status},
            details={"risk": row.risk},
        )


def get_breach(uow: UnitOfWork, *, actor: Actor, breach_id: uuid.UUID) -> BreachPublic:
    """One breach with its follow-up steps."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type=SUBJECT, subject_id=breach_id)
        row = _get(uow, breach_id)
        return _BREACHES.read(uow, actor, AuditAction.PRIVACY_BREACH_READ, row)


def list_breaches(
    uow: UnitOfWork, *, actor: Actor, closed: bool = False, limit: int = 200
) -> list[BreachPublic]:
    """Open breaches, the ones not yet assessed first, then the oldest (or the latest closed ones)."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type=SUBJECT)
        stmt = select(Breach)
        if closed:
            stmt = stmt.where(Breach.status == BreachStatus.CLOSED.value).order_by(Breach.closed_at.desc())
        else:
            first = case((Breach.status == BreachStatus.REPORTED.value, 0), else_=1)
            stmt = stmt.where(Breach.status != BreachStatus.CLOSED.value).order_by(
                first, Breach.discovered_on, Breach.created_at
            )
        rows = list(uow.session.scalars(stmt.limit(limit)))
        return _BREACHES.listed(uow, actor, AuditAction.PRIVACY_BREACH_LIST, rows, (SUBJECT, None))


def _person(uow: UnitOfWork, person_id: uuid.UUID) -> uuid.UUID:
    """The person's current record; an unknown id is bad input on the report, not a missing page."""
    try:
        return current_record_id(uow, person_id)
    except NotFound:
        raise InvalidInput("person_id", "no person with this file number") from None


def _get(uow: UnitOfWork, breach_id: uuid.UUID) -> Breach:
    found = uow.session.get(Breach, breach_id)
    if found is None:
        raise BreachNotFound(f"no breach with id {breach_id}")
    return found


def _actions(uow: UnitOfWork, breach_id: uuid.UUID) -> list[BreachAction]:
    stmt = select(BreachAction).where(BreachAction.breach_id == breach_id)
    return list(uow.session.scalars(stmt.order_by(BreachAction.due_on, BreachAction.added_at)))


def _public(uow: UnitOfWork, row: Breach) -> BreachPublic:
    today: dt.date = uow.clock.today()
    steps = [
        BreachActionPublic.model_validate(a).model_copy(
            update={"overdue": a.done_at is None and a.due_on < today}
        )
        for a in _actions(uow, row.id)
    ]
    return BreachPublic.model_validate(row).model_copy(
        update={
            "actions": steps,
            "office_letter": row.office_letter_key is not None,
            "must_notify": domain.must_notify(Level(row.risk)) if row.risk else None,
        }
    )


_BREACHES = audit.Subject(SUBJECT, _public)
