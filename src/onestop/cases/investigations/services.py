"""Investigation use cases: open, add evidence, record an interview, close with a finding, read.

A founded finding can reopen the case for reassessment (a review of kind ``investigation``) and set
up an overpayment through the money area. Every function needs INVESTIGATION_WRITE, reads included,
as the case's jurisdiction configures it (``roles.py``: NL officers investigate, AB specialists do).
One transaction each, with its audit event.
"""

from __future__ import annotations

import uuid

from onestop import audit, money
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.applications import ApplicationRepository
from onestop.cases.investigations import domain, roles
from onestop.cases.investigations.domain import AllegationSource, Finding, InvestigationStatus
from onestop.cases.investigations.models import Investigation, InvestigationEvidence, InvestigationInterview
from onestop.cases.investigations.repository import InvestigationRepository
from onestop.cases.investigations.schemas import (
    EvidenceCreate,
    EvidencePublic,
    InterviewCreate,
    InterviewPublic,
    InvestigationClose,
    InvestigationCreate,
    InvestigationPublic,
)
from onestop.cases.reviews import ReviewKind, open_reassessment
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.money import to_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "investigation"


def open_investigation(uow: UnitOfWork, *, actor: Actor, data: InvestigationCreate) -> InvestigationPublic:
    """Open an investigation of an allegation of misuse."""
    with uow:
        _require_somewhere(uow, actor, SUBJECT, None)
        person = current_record_id(uow, data.person_id)
        _require_there(uow, actor, person, data.application_id, SUBJECT, None)
        if data.application_id is not None:
            app = ApplicationRepository(uow.session).get(data.application_id)
            if person not in merged_record_ids(uow, app.applicant_id):
                raise InvalidInput("application_id", "is not an application of this person")
        if data.assigned_to_id is not None and find_active_staff(uow.session, data.assigned_to_id) is None:
            raise InvalidInput("assigned_to_id", f"no active staff member with id {data.assigned_to_id}")
        row = Investigation(
            id=new_id(),
            person_id=person,
            application_id=data.application_id,
            allegation=required_text(data.allegation, "allegation", max_len=8000),
            source=parse_enum(AllegationSource, data.source, field="source").value,
            source_detail=clean_text(data.source_detail) or None,
            referral_id=data.referral_id,
            status=InvestigationStatus.OPEN.value,
            assigned_to_id=data.assigned_to_id or actor.staff_id,
            opened_by=actor.username,
            created_at=uow.clock.now(),
        )
        InvestigationRepository(uow.session).add(row)
        return _INVESTIGATIONS.saved(
            uow,
            actor,
            AuditAction.INVESTIGATION_OPEN,
            row,
            after={"person_id": person, "application_id": row.application_id, "source": row.source},
        )


def add_evidence(
    uow: UnitOfWork, *, actor: Actor, investigation_id: uuid.UUID, data: EvidenceCreate
) -> InvestigationPublic:
    """Put an uploaded document in the investigation's file."""
    with uow:
        row = _open_row(uow, actor, investigation_id, "take more evidence")
        repo = InvestigationRepository(uow.session)
        if repo.document(data.document_id) is None:
            raise InvalidInput("document_id", f"no document with id {data.document_id}")
        evidence = InvestigationEvidence(
            id=new_id(),
            investigation_id=row.id,
            document_id=data.document_id,
            description=required_text(data.description, "description", max_len=4000),
            added_by=actor.username,
            added_at=uow.clock.now(),
        )
        repo.add(evidence)
        return _INVESTIGATIONS.saved(
            uow, actor, AuditAction.INVESTIGATION_EVIDENCE_ADD, row, details={"document_id": data.document_id}
        )


def record_interview(
    uow: UnitOfWork, *, actor: Actor, investigation_id: uuid.UUID, data: InterviewCreate
) -> InvestigationPublic:
    """Record an interview (a cautioned statement is flagged); the statement is kept as given."""
    with uow:
        row = _open_row(uow, actor, investigation_id, "record more interviews")
        if data.interviewee_id is None and not clean_text(data.interviewee_name):
            raise InvalidInput("interviewee_name", "name the person interviewed (or give interviewee_id)")
        if data.held_at > uow.clock.now():
            raise InvalidInput("held_at", "must not be in the future")
        interview = InvestigationInterview(
            id=new_id(),
            investigation_id=row.id,
            interviewee_id=current_record_id(uow, data.interviewee_id) if data.interviewee_id else None,
            interviewee_name=clean_text(data.interviewee_name) or None,
            held_at=data.held_at,
            cautioned=data.cautioned,
            statement=required_text(data.statement, "statement", max_len=20000),
            interviewer=actor.username,
            recorded_at=uow.clock.now(),
        )
        InvestigationRepository(uow.session).add(interview)
        return _INVESTIGATIONS.saved(
            uow,
            actor,
            AuditAction.INVESTIGATION_INTERVIEW_ADD,
            row,
            details={"interview_id": interview.id, "cautioned": interview.cautioned},
        )


def close_investigation(
    uow: UnitOfWork, *, actor: Actor, investigation_id: uuid.UUID, data: InvestigationClose
) -> InvestigationPublic:
    """Close with a finding; a founded one may reopen the case and set up an overpayment."""
    with uow:
        row = _open_row(uow, actor, investigation_id, "be closed again", version=data.version)
        finding = parse_enum(Finding, data.finding, field="finding")
        reason = required_text(data.reason, "reason", max_len=8000)
        domain.check_consequences(finding, reassess=data.reassess, overpayment=data.overpayment is not None)
        app = ApplicationRepository(uow.session).get(row.application_id) if row.application_id else None
        if (data.reassess or data.overpayment) and app is None:
            raise InvalidInput("reassess", "the investigation is not about an application")
        row.status, row.finding, row.finding_reason = InvestigationStatus.CLOSED.value, finding.value, reason
        row.closed_by, row.closed_at = actor.username, uow.clock.now()
        uow.flush()
        if data.reassess and app is not None:
            review = open_reassessment(
                uow,
                actor,
                app,
                ReviewKind.INVESTIGATION,
                f"founded: {reason}"[:4000],
                source=(SUBJECT, row.id),
            )
            row.review_id = review.id
        if data.overpayment is not None and app is not None:
            row.overpayment_id = _overpayment(
                uow, actor, row, app.unit_id, data.overpayment.program or app.program, data
            )
        return _INVESTIGATIONS.saved(
            uow,
            actor,
            AuditAction.INVESTIGATION_CLOSE,
            row,
            after={
                "finding": finding.value,
                "review_id": row.review_id,
                "overpayment_id": row.overpayment_id,
            },
        )


def _overpayment(
    uow: UnitOfWork,
    actor: Actor,
    row: Investigation,
    unit_id: uuid.UUID,
    program: str,
    data: InvestigationClose,
) -> uuid.UUID:
    assert data.overpayment is not None
    cents = to_cents(data.overpayment.amount, field="overpayment.amount")
    reason = required_text(data.overpayment.reason, "overpayment.reason", max_len=4000)
    setup = money.OverpaymentCreate(
        unit_id=unit_id,
        program=program,
        amount=cents,
        source="investigation",
        reason=f"investigation {row.id}: {reason}",
        idempotency_key=f"investigation:{row.id}",
    )
    op = money.create_overpayment(uow, actor=actor, data=setup)
    return op.id


def _open_row(
    uow: UnitOfWork, actor: Actor, investigation_id: uuid.UUID, doing: str, *, version: int | None = None
) -> Investigation:
    _require_somewhere(uow, actor, SUBJECT, investigation_id)
    row = InvestigationRepository(uow.session).get(investigation_id, for_update=True)
    _require_there(uow, actor, row.person_id, row.application_id, SUBJECT, investigation_id)
    expect_version(row.version, version, what="investigation")
    domain.check_open(row.status, doing=doing)
    return row


def get_investigation(uow: UnitOfWork, *, actor: Actor, investigation_id: uuid.UUID) -> InvestigationPublic:
    """An investigation with its evidence and interviews (audited read)."""
    with uow:
        _require_somewhere(uow, actor, SUBJECT, investigation_id)
        row = InvestigationRepository(uow.session).get(investigation_id)
        _require_there(uow, actor, row.person_id, row.application_id, SUBJECT, investigation_id)
        return _INVESTIGATIONS.read(uow, actor, AuditAction.INVESTIGATION_READ, row)


def list_investigations(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[InvestigationPublic]:
    """Investigations about a person, newest first."""
    with uow:
        _require_somewhere(uow, actor, "person", person_id)
        _require_there(uow, actor, current_record_id(uow, person_id), None, "person", person_id)
        rows = InvestigationRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return _INVESTIGATIONS.listed(uow, actor, AuditAction.INVESTIGATION_LIST, rows, ("person", person_id))


def _require_somewhere(uow: UnitOfWork, actor: Actor, subject_type: str, subject_id: object) -> None:
    """Refused (and audited) at once when no jurisdiction lets the actor's roles investigate."""
    config = roles.default_config()
    anywhere = any(roles.may_investigate(actor, j) for j in config.investigators) or actor.can(
        Permission.INVESTIGATION_WRITE
    )
    if not anywhere:
        require(uow, actor, Permission.INVESTIGATION_WRITE, subject_type=subject_type, subject_id=subject_id)


def _require_there(
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    application_id: uuid.UUID | None,
    subject_type: str,
    subject_id: object,
) -> None:
    """The permission as the case's jurisdiction configures it (``config/roles.yaml``)."""
    application_jurisdiction, provinces = InvestigationRepository(uow.session).where(
        person_id, application_id
    )
    jurisdiction = roles.default_config().jurisdiction(application_jurisdiction, provinces)
    investigator = roles.as_investigator(actor, jurisdiction)
    require(
        uow, investigator, Permission.INVESTIGATION_WRITE, subject_type=subject_type, subject_id=subject_id
    )


def _public(uow: UnitOfWork, row: Investigation) -> InvestigationPublic:
    repo = InvestigationRepository(uow.session)
    view = InvestigationPublic.model_validate(row)
    view.evidence = [EvidencePublic.model_validate(e) for e in repo.evidence(row.id)]
    view.interviews = [InterviewPublic.model_validate(i) for i in repo.interviews(row.id)]
    return view


_INVESTIGATIONS = audit.Subject(SUBJECT, _public)
