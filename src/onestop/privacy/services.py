"""Access and correction requests: log (with the statutory deadline and a task), extend, assemble,
redact, approve (a second person), release; decide a correction, attach a statement of disagreement.

Each function is one transaction with its audit event.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.tasks import Task, TaskClose, TaskCreate, TaskStatus, complete_task, create_task
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.privacy import domain, package
from onestop.privacy.config import schedules
from onestop.privacy.domain import RedactionReason, RequestKind, RequestStatus
from onestop.privacy.models import PrivacyRequest, Redaction
from onestop.privacy.repository import PrivacyRepository
from onestop.privacy.schemas import (
    CorrectionDecision,
    DisagreementIn,
    ExtensionIn,
    PackagePublic,
    RedactionIn,
    RedactionPublic,
    RequestCreate,
    RequestPublic,
)
from onestop.registry import current_record_id, merged_record_ids
from onestop.storage import DocumentStorage

SUBJECT = "privacy_request"
_TASK_TITLE = {
    RequestKind.ACCESS: "Answer an access request",
    RequestKind.CORRECTION: "Answer a correction request",
}


def log_request(uow: UnitOfWork, *, actor: Actor, data: RequestCreate) -> RequestPublic:
    """Log a request with its statutory deadline, and give the answering officer a task due that day."""
    with uow:
        require(
            uow, actor, Permission.PRIVACY_REQUEST_WRITE, subject_type="person", subject_id=data.person_id
        )
        kind = domain.kind(data.kind)
        rules = domain.rules_for(schedules(), data.jurisdiction)
        today = uow.clock.today()
        due = domain.due_on(data.received_on, rules, today=today)
        representative = clean_text(data.representative) or None
        authority = clean_text(data.representative_authority) or None
        if representative and not authority:
            raise InvalidInput("representative_authority", "say what authority the representative showed")
        row = PrivacyRequest(
            id=new_id(),
            person_id=current_record_id(uow, data.person_id),
            kind=kind.value,
            jurisdiction=data.jurisdiction,
            status=RequestStatus.OPEN.value,
            received_on=data.received_on,
            due_on=due,
            details=required_text(data.details, "details", max_len=4000),
            representative=representative,
            representative_authority=authority,
            logged_by=actor.username,
            created_at=uow.clock.now(),
        )
        row.task_id = _open_task(uow, actor, row, kind, due=max(due, today), assignee_id=data.assignee_id)
        uow.session.add(row)
        return _REQUESTS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_REQUEST_CREATE,
            row,
            after=audit.fields(row, "person_id", "kind", "due_on", "status"),
            details={"representative": representative is not None},
        )


def _open_task(
    uow: UnitOfWork,
    actor: Actor,
    row: PrivacyRequest,
    kind: RequestKind,
    *,
    due: dt.date,
    assignee_id: uuid.UUID | None,
) -> uuid.UUID | None:
    """The answering officer's task, when the request is logged by case-working staff; the privacy
    office (no case work) works from its own list of requests and deadlines instead."""
    if not actor.can(Permission.CASE_WRITE):
        if assignee_id is not None:
            raise InvalidInput("assignee_id", "only case-working staff give the request to an officer")
        return None
    task = create_task(
        uow,
        actor=actor,
        data=TaskCreate(
            kind="follow_up",
            title=_TASK_TITLE[kind],
            person_id=row.person_id,
            due_on=due,
            priority="high",
            assignee_id=assignee_id,
            source_type=SUBJECT,
            source_id=row.id,
        ),
    )
    return task.id


def extend_deadline(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: ExtensionIn
) -> RequestPublic:
    """The statute's one extension, with the reason the person will be told."""
    with uow:
        row = _request(uow, actor, request_id)
        if RequestStatus(row.status) in domain.FINAL:
            raise InvalidTransition(f"the request is already {row.status}")
        reason = required_text(data.reason, "reason", max_len=2000)
        rules = domain.rules_for(schedules(), row.jurisdiction)
        before = row.due_on
        row.due_on = domain.extended(row.due_on, data.days, rules, already=row.extension_reason is not None)
        row.extension_reason = reason
        return _REQUESTS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_REQUEST_EXTEND,
            row,
            before={"due_on": before},
            after={"due_on": row.due_on},
            details={"reason": reason},
        )


def assemble_package(uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID) -> RequestPublic:
    """Gather everything held about the person into the request (again, if already assembled: earlier
    redactions are kept only while their section and item still exist)."""
    with uow:
        row = _request(uow, actor, request_id)
        repo = PrivacyRepository(uow.session)
        _access_only(row)
        domain.check_transition(RequestKind(row.kind), row.status, RequestStatus.ASSEMBLED)
        found = package.assemble(uow, actor=actor, person_id=row.person_id)
        for r in repo.redactions(row.id):
            try:
                domain.check_redaction(found, r.section, r.item_index)
            except InvalidInput:
                uow.session.delete(r)
        row.package, row.assembled_by, row.status = found, actor.username, RequestStatus.ASSEMBLED.value
        return _REQUESTS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_PACKAGE_ASSEMBLE,
            row,
            details={name: len(v) if isinstance(v, list) else 1 for name, v in found.items()},
        )


def add_redaction(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: RedactionIn
) -> RequestPublic:
    """Withhold part of an assembled package, with the reason the person will see."""
    with uow:
        row = _request(uow, actor, request_id)
        _access_only(row)
        if row.status != RequestStatus.ASSEMBLED or row.package is None:
            raise InvalidTransition("redact an assembled package, before its release is approved")
        reason = parse_enum(RedactionReason, data.reason, field="reason")
        domain.check_redaction(row.package, data.section, data.index)
        red = Redaction(
            id=new_id(),
            request_id=row.id,
            section=data.section,
            item_index=data.index,
            reason=reason.value,
            note=required_text(data.note, "note", max_len=2000),
            added_by=actor.username,
            added_at=uow.clock.now(),
        )
        uow.session.add(red)
        return _REQUESTS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_REDACT,
            row,
            details={"section": red.section, "index": red.item_index, "reason": red.reason, "note": red.note},
        )


def approve_release(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, version: int | None = None
) -> RequestPublic:
    """A supervisor's approval of the redacted package; never by whoever assembled or redacted it."""
    with uow:
        row = _request(uow, actor, request_id, Permission.PRIVACY_RELEASE_APPROVE)
        repo = PrivacyRepository(uow.session)
        _access_only(row)
        expect_version(row.version, version, what="privacy request")
        domain.check_transition(RequestKind.ACCESS, row.status, RequestStatus.APPROVED)
        domain.check_checker(row.assembled_by, actor.username)
        for r in repo.redactions(row.id):
            domain.check_checker(r.added_by, actor.username)
        row.status, row.approved_by, row.approved_at = (
            RequestStatus.APPROVED.value,
            actor.username,
            uow.clock.now(),
        )
        return _REQUESTS.saved(
            uow, actor, AuditAction.PRIVACY_RELEASE_APPROVE, row, after={"status": row.status}
        )


def release_package(
    uow: UnitOfWork, *, actor: Actor, storage: DocumentStorage, request_id: uuid.UUID
) -> RequestPublic:
    """Render the approved, redacted package as PDF and JSON, keep both, and close the officer's task."""
    with uow:
        row = _request(uow, actor, request_id)
        repo = PrivacyRepository(uow.session)
        _access_only(row)
        if row.status != RequestStatus.APPROVED:
            raise InvalidTransition("a package is released only after a supervisor approves it")
        today = uow.clock.today()
        redacted = _redacted(repo, row)
        pdf = package.as_pdf(redacted, reference=str(row.id)[:8].upper(), released_on=today)
        doc = package.as_json(redacted, request_id=row.id, released_on=today)
        row.pdf_key, row.json_key = storage.put(pdf), storage.put(doc)
        row.status, row.released_by, row.released_on = RequestStatus.RELEASED.value, actor.username, today
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PRIVACY_RELEASE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after={"status": row.status, "released_on": today},
            details={
                "on_time": domain.on_time(today, row.due_on),
                "redactions": len(redacted["redactions"]),
                "pdf_bytes": len(pdf),
                "json_bytes": len(doc),
            },
        )
        _close_task(uow, actor, row)
        uow.commit()
        return _public(uow, row)


def released_file(
    uow: UnitOfWork, *, actor: Actor, storage: DocumentStorage, request_id: uuid.UUID, fmt: str
) -> bytes:
    """The released PDF or JSON, as sent (reading it is audited)."""
    with uow:
        row = _request(uow, actor, request_id, Permission.PRIVACY_READ)
        key = {"pdf": row.pdf_key, "json": row.json_key}.get(fmt, "")
        if fmt not in ("pdf", "json"):
            raise InvalidInput("format", "must be pdf or json")
        if not key:
            raise InvalidTransition("the package has not been released")
        data = storage.get(key)
        return audit.audited_read(
            uow,
            data,
            actor=actor,
            action=AuditAction.PRIVACY_PACKAGE_READ,
            subject_type=SUBJECT,
            subject_id=row.id,
            details={"format": fmt},
        )


def preview_package(uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID) -> PackagePublic:
    """The package as it would be released now, redactions applied."""
    with uow:
        row = _request(uow, actor, request_id, Permission.PRIVACY_READ)
        repo = PrivacyRepository(uow.session)
        if row.package is None:
            raise InvalidTransition("the package has not been assembled")
        found = PackagePublic(request=_public(uow, row), package=_redacted(repo, row))
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.PRIVACY_PACKAGE_READ,
            subject_type=SUBJECT,
            subject_id=row.id,
        )


def decide_correction(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: CorrectionDecision
) -> RequestPublic:
    """Correct (saying what was changed; the change itself is made through the record's own page) or
    refuse (with the reason, and the person's statement of disagreement when they have given it)."""
    with uow:
        row = _request(uow, actor, request_id)
        if row.kind != RequestKind.CORRECTION:
            raise InvalidInput("request_id", "this is not a correction request")
        target = parse_enum(RequestStatus, data.outcome, field="outcome")
        if target not in (RequestStatus.CORRECTED, RequestStatus.REFUSED):
            raise InvalidInput("outcome", "must be corrected or refused")
        domain.check_transition(RequestKind.CORRECTION, row.status, target)
        row.decision_reason = required_text(data.reason, "reason", max_len=4000)
        if target is RequestStatus.CORRECTED:
            row.correction_made = required_text(data.correction_made, "correction_made", max_len=4000)
        else:
            row.disagreement = clean_text(data.disagreement) or None
        row.status, row.decided_by, row.decided_at = target.value, actor.username, uow.clock.now()
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PRIVACY_REQUEST_CORRECTION_DECIDE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after={"status": row.status},
            details={
                "reason": row.decision_reason,
                "correction_made": row.correction_made,
                "disagreement": row.disagreement is not None,
            },
        )
        _close_task(uow, actor, row)
        uow.commit()
        return _public(uow, row)


def attach_disagreement(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: DisagreementIn
) -> RequestPublic:
    """Attach (or replace) the person's statement of disagreement to a refused correction."""
    with uow:
        row = _request(uow, actor, request_id)
        if row.kind != RequestKind.CORRECTION or row.status != RequestStatus.REFUSED:
            raise InvalidTransition("a statement of disagreement goes with a refused correction")
        before = row.disagreement
        row.disagreement = required_text(data.statement, "statement", max_len=4000)
        return _REQUESTS.saved(
            uow,
            actor,
            AuditAction.PRIVACY_REQUEST_DISAGREEMENT,
            row,
            details={"replaced": before is not None},
        )


def get_request(uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID) -> RequestPublic:
    """One request with its redactions."""
    with uow:
        row = _request(uow, actor, request_id, Permission.PRIVACY_READ)
        return _REQUESTS.read(uow, actor, AuditAction.PRIVACY_REQUEST_READ, row)


def list_requests(
    uow: UnitOfWork, *, actor: Actor, answered: bool = False, limit: int = 200
) -> list[RequestPublic]:
    """Open requests, the nearest deadline first (or the latest answered ones)."""
    with uow:
        require(uow, actor, Permission.PRIVACY_READ, subject_type=SUBJECT)
        repo = PrivacyRepository(uow.session)
        rows = repo.recent_closed(limit) if answered else repo.open_requests()[:limit]
        return _REQUESTS.listed(uow, actor, AuditAction.PRIVACY_REQUEST_LIST, rows, (SUBJECT, None))


def person_requests(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[RequestPublic]:
    """A person's requests, newest first: the person page shows corrections and statements of
    disagreement wherever the record is shown."""
    with uow:
        require(uow, actor, Permission.PERSON_READ, subject_type="person", subject_id=person_id)
        rows = PrivacyRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return _REQUESTS.listed(uow, actor, AuditAction.PRIVACY_REQUEST_LIST, rows, ("person", person_id))


def _request(
    uow: UnitOfWork,
    actor: Actor,
    request_id: uuid.UUID,
    permission: Permission = Permission.PRIVACY_REQUEST_WRITE,
) -> PrivacyRequest:
    """The request, once the actor may act on it."""
    require(uow, actor, permission, subject_type=SUBJECT, subject_id=request_id)
    return PrivacyRepository(uow.session).get(request_id)


def _access_only(row: PrivacyRequest) -> None:
    if row.kind != RequestKind.ACCESS:
        raise InvalidInput("request_id", "this is not an access request")


def _redacted(repo: PrivacyRepository, row: PrivacyRequest) -> dict[str, Any]:
    marks = [(r.section, r.item_index, r.reason) for r in repo.redactions(row.id)]
    return domain.redact(row.package or {}, marks)


def _close_task(uow: UnitOfWork, actor: Actor, row: PrivacyRequest) -> None:
    """Answering the request finishes the officer's task (unless someone already closed it by hand)."""
    task = uow.session.get(Task, row.task_id) if row.task_id else None
    if task is None or task.status != TaskStatus.OPEN or not actor.can(Permission.CASE_WRITE):
        return
    complete_task(uow, actor=actor, task_id=task.id, data=TaskClose(note=f"privacy request {row.status}"))


def _public(uow: UnitOfWork, row: PrivacyRequest) -> RequestPublic:
    today = uow.clock.today()
    reds = [RedactionPublic.model_validate(r) for r in PrivacyRepository(uow.session).redactions(row.id)]
    out = RequestPublic.model_validate(row).model_copy(update={"redactions": reds})
    final = RequestStatus(row.status) in domain.FINAL
    answered_on = row.released_on or (row.decided_at.date() if row.decided_at else None)
    return out.model_copy(
        update={
            "overdue": not final and today > row.due_on,
            "on_time": domain.on_time(answered_on, row.due_on) if final and answered_on else None,
        }
    )


_REQUESTS = audit.Subject(SUBJECT, _public)
