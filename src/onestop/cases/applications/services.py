"""Application use cases: create (optionally from a screening interview), read, list, change status.

Each function is one transaction with its audit event. Facts, the assessment and the checklist are in
``facts``; deciding is in ``onestop.cases.decisions``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop import audit, notices
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications import domain, letters
from onestop.cases.applications.casedata import Member
from onestop.cases.applications.domain import ApplicationStatus, Channel, FactSource
from onestop.cases.applications.facts import missing_documents
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.applications.repository import ApplicationRepository
from onestop.cases.applications.schemas import ApplicationCreate, ApplicationPublic, ApplicationStatusChange
from onestop.cases.reading import read_one
from onestop.cases.screenings import answers_of
from onestop.cases.tasks import TaskCreate, create_task
from onestop.cases.vocabulary import program_packs
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "application"
_APPLICATIONS = audit.Subject.of_row(SUBJECT, ApplicationPublic.model_validate)
#: Configuration: days given to bring missing documents before the follow-up task is due.
DOCUMENTS_DUE_DAYS = 14


def create_application(uow: UnitOfWork, *, actor: Actor, data: ApplicationCreate) -> ApplicationPublic:
    """Receive an application for a program by a benefit unit; screening answers become unverified facts."""
    with uow:
        require(uow, actor, Permission.APPLICATION_WRITE, subject_type=SUBJECT)
        pack, program = program_packs.program_of(data.program)
        repo = ApplicationRepository(uow.session)
        today = uow.clock.today()
        received = data.received_on or today
        if received > today:
            raise InvalidInput("received_on", f"must not be in the future (today is {today.isoformat()})")
        if not repo.unit_exists(data.unit_id):
            raise InvalidInput("unit_id", f"no benefit unit with id {data.unit_id}")
        members = repo.members(data.unit_id, today)
        applicant = _applicant(uow, members, data.applicant_id)
        app = Application(
            id=new_id(),
            program=program.id,
            jurisdiction=pack.id,
            unit_id=data.unit_id,
            applicant_id=applicant,
            office_id=actor.office_id,
            received_on=received,
            channel=parse_enum(Channel, data.channel, field="channel").value,
            status=ApplicationStatus.RECEIVED.value,
            status_changed_at=uow.clock.now(),
            screening_session_id=data.screening_session_id,
            created_by=actor.username,
            created_by_id=actor.staff_id,
            created_at=uow.clock.now(),
        )
        repo.add(app)
        uow.flush()
        imported = _import_screening(uow, actor, app, members, data) if data.screening_session_id else []
        return _APPLICATIONS.saved(
            uow,
            actor,
            AuditAction.APPLICATION_CREATE,
            app,
            after=snapshot(app),
            details={"facts_from_screening": imported},
        )


def _applicant(uow: UnitOfWork, members: list[Member], given: uuid.UUID | None) -> uuid.UUID:
    if given is not None:
        pid = current_record_id(uow, given)
        if pid not in {m.person_id for m in members}:
            raise InvalidInput("applicant_id", "is not a current member of the unit")
        return pid
    for member in members:
        if member.role == "applicant":
            return member.person_id
    raise InvalidInput("unit_id", "the unit has no current applicant; add one in the registry first")


def _import_screening(
    uow: UnitOfWork, actor: Actor, app: Application, members: list[Member], data: ApplicationCreate
) -> list[str]:
    """Carry a screening interview's answers over as unverified facts (role and age stay registry's)."""
    assert data.screening_session_id is not None
    answers, roles = answers_of(uow, data.screening_session_id, jurisdiction=app.jurisdiction)
    people = {m.person_id for m in members}
    mapping = dict(data.person_map)
    for sid, role in roles.items():
        if role == "applicant" and sid not in mapping:
            mapping[sid] = app.applicant_id
    pack, imported = program_packs.pack_of(app.jurisdiction), []
    for raw_path, value in sorted(answers.items()):
        path = domain.parse_path(raw_path)
        if path.entity == "person":
            target = mapping.get(path.person_id or "")
            if target is None or target not in people or path.name in ("role", "age", "birth_date"):
                continue
            path = domain.FactPath("person", path.name, person_id=str(target))
        fact = ApplicationFact(
            id=new_id(),
            application_id=app.id,
            path=str(path),
            value=program_packs.normalise(pack, path, value, app.received_on),
            source=FactSource.SCREENING.value,
            recorded_by=actor.username,
            verified=False,
            created_at=uow.clock.now(),
        )
        ApplicationRepository(uow.session).add(fact)
        imported.append(str(path))
    uow.flush()
    return imported


def get_application(uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID) -> ApplicationPublic:
    """One application (audited read)."""
    return read_one(
        uow, actor, _APPLICATIONS, AuditAction.APPLICATION_READ, ApplicationRepository, application_id
    )


def list_applications(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID | None = None, unit_id: uuid.UUID | None = None
) -> list[ApplicationPublic]:
    """A person's (or a unit's) applications, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        repo = ApplicationRepository(uow.session)
        if person_id is not None:
            rows = repo.for_people(merged_record_ids(uow, person_id))
        elif unit_id is not None:
            rows = repo.for_unit(unit_id)
        else:
            raise InvalidInput("person_id", "give a person or a unit")
        return _APPLICATIONS.listed(
            uow,
            actor,
            AuditAction.APPLICATION_LIST,
            rows,
            ("person" if person_id else "benefit_unit", person_id or unit_id),
        )


def request_documents(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: ApplicationStatusChange
) -> ApplicationPublic:
    """Wait for documents: a 'documents due' follow-up task lists what is missing."""
    with uow:
        app, before = _change(uow, actor, application_id, data, ApplicationStatus.PENDING_DOCUMENTS)
        missing = missing_documents(uow, app)
        details = "\n".join(f"- {m}" for m in missing) or "- (nothing missing on the checklist)"
        _task(uow, actor, app, "documents_due", f"Documents due: {app.program}", details, DOCUMENTS_DUE_DAYS)
        notices.queue_notice(
            uow,
            person_id=app.applicant_id,
            kind=notices.Kind.DOCUMENTS_REQUESTED,
            params=letters.common(app.program, app.jurisdiction)
            | {
                "documents": details,
                "why": clean_text(data.reason)
                or "We need them to check what you told us and to work out your benefit.",
                "due_on": notices.date(uow.clock.today() + dt.timedelta(days=DOCUMENTS_DUE_DAYS)),
            },
            subject_type="application",
            subject_id=app.id,
            created_by=actor.username,
        )
        return _finish(uow, actor, app, before, {"missing": missing})


def start_assessment(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: ApplicationStatusChange
) -> ApplicationPublic:
    """Start assessing (the documents are in, or the officer proceeds without them)."""
    with uow:
        app, before = _change(uow, actor, application_id, data, ApplicationStatus.IN_ASSESSMENT, reopen=False)
        return _finish(uow, actor, app, before, {})


def withdraw_application(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: ApplicationStatusChange
) -> ApplicationPublic:
    """The client withdraws before a decision; the reason is required."""
    with uow:
        required_text(data.reason, "reason", max_len=4000)
        app, before = _change(uow, actor, application_id, data, ApplicationStatus.WITHDRAWN)
        return _finish(uow, actor, app, before, {})


def reopen_application(
    uow: UnitOfWork, *, actor: Actor, application_id: uuid.UUID, data: ApplicationStatusChange
) -> ApplicationPublic:
    """Reopen a decided application for a new assessment (review, change, appeal); reason required."""
    with uow:
        required_text(data.reason, "reason", max_len=4000)
        app, before = _change(uow, actor, application_id, data, ApplicationStatus.IN_ASSESSMENT, reopen=True)
        return _finish(uow, actor, app, before, {})


def _change(
    uow: UnitOfWork,
    actor: Actor,
    application_id: uuid.UUID,
    data: ApplicationStatusChange,
    target: ApplicationStatus,
    *,
    reopen: bool | None = None,
) -> tuple[Application, str]:
    require(uow, actor, Permission.APPLICATION_WRITE, subject_type=SUBJECT, subject_id=application_id)
    app = ApplicationRepository(uow.session).get(application_id, for_update=True)
    expect_version(app.version, data.version, what="application")
    domain.check_transition(app.status, target)
    if reopen is not None:
        domain.check_reopen(app.status, reopen=reopen)
    before = app.status
    app.status, app.status_changed_at = target.value, uow.clock.now()
    app.status_reason = clean_text(data.reason) or None
    uow.flush()
    return app, before


def _finish(
    uow: UnitOfWork, actor: Actor, app: Application, before: str, details: dict[str, Any]
) -> ApplicationPublic:
    return _APPLICATIONS.saved(
        uow,
        actor,
        AuditAction.APPLICATION_STATUS,
        app,
        before={"status": before},
        after={"status": app.status, "reason": app.status_reason},
        details=details,
    )


def _task(
    uow: UnitOfWork, actor: Actor, app: Application, kind: str, title: str, details: str, days: int
) -> uuid.UUID | None:
    """A follow-up task for the acting officer (from the system: the application's officer or office)."""
    assignee, office = (None, None) if actor.staff_id else (app.created_by_id, app.office_id)
    if actor.staff_id is None and assignee is None and office is None:
        return None
    due = uow.clock.today() + dt.timedelta(days=days)
    data = TaskCreate(
        kind=kind,
        title=title[:200],
        details=details[:4000],
        person_id=app.applicant_id,
        due_on=due,
        assignee_id=assignee,
        office_id=None if assignee else office,
        source_type=SUBJECT,
        source_id=app.id,
    )
    task = create_task(uow, actor=actor, data=data)
    return task.id


def snapshot(app: Application) -> dict[str, Any]:
    """The audit view of an application."""
    return audit.fields(app, "program", "unit_id", "applicant_id", "received_on", "channel", "status")
