"""What a client does with their own case through the portal: apply online, read their applications and
decisions, send a document.

The portal acts as the client (``client_actor``: a client's few permissions, named ``client:<account
id>`` in the audit trail), never as the system. Each use case first asks the clients repository
whether the record is the client's own; only then does the owning area's service read it (and audit
the read). Anyone else's record is "not found", and nothing about it is read.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from onestop import audit
from onestop.access import Actor, Role
from onestop.audit import AuditAction
from onestop.cases.applications import (
    ApplicationCreate,
    ApplicationPublic,
    Checklist,
    create_application,
    get_application,
    get_checklist,
)
from onestop.cases.decisions import DecisionPublic, get_decision, list_decisions
from onestop.cases.documents import DocumentPublic, upload_document
from onestop.cases.screenings import ScreeningStart, start_screening
from onestop.clients import repository
from onestop.clients.errors import ClientLoginFailed, NotYourRecord
from onestop.clients.models import ClientAccount
from onestop.db import UnitOfWork
from onestop.registry import create_unit, list_person_units, register_person
from onestop.registry.schemas import DuplicateDecision, EmailIn, MemberIn, PersonCreate, UnitCreate
from onestop.storage import DocumentStorage

SUBJECT = "client_account"


def client_actor(account: ClientAccount) -> Actor:
    """Who the portal is when it acts for this client: the client role only, named after the account."""
    return Actor.for_roles(None, f"client:{account.id}", frozenset({Role.CLIENT}))


def record_on_account(uow: UnitOfWork, account: ClientAccount, action: AuditAction, **event: Any) -> None:
    """An event the client causes on their own account (signing up, in or out): they are its actor."""
    audit.record(
        uow, actor=client_actor(account), action=action, subject_type=SUBJECT, subject_id=account.id, **event
    )


@dataclass(frozen=True)
class Applied:
    """What applying online created."""

    application: ApplicationPublic
    person_id: uuid.UUID


def apply_online(
    uow: UnitOfWork,
    *,
    account_id: uuid.UUID,
    program: str,
    jurisdiction: str,
    answers: dict[str, Any],
    given_names: str,
    family_name: str,
    birth_date: dt.date | None,
) -> Applied:
    """One transaction: the client's registry record (the first time), a unit of their own, the screening
    answers as an interview, and the application (channel "online"); officers check for duplicates."""
    with uow:
        account = signed_in_account(uow, account_id)
        actor = client_actor(account)
        person_id = account.person_id or _register(uow, actor, account, given_names, family_name, birth_date)
        account.person_id = person_id
        unit_id = _current_unit(uow, actor, person_id)
        if unit_id is None:
            member = MemberIn(person_id=person_id, role="applicant", joined_on=uow.clock.today())
            unit_id = create_unit(
                uow, actor=actor, data=UnitCreate(label=family_name or None, members=[member])
            ).id
        start = ScreeningStart(jurisdiction=jurisdiction, person_id=person_id, answers=answers)
        session = start_screening(uow, actor=actor, data=start)
        data = ApplicationCreate(
            program=program, unit_id=unit_id, channel="online", screening_session_id=session.id
        )
        application = create_application(uow, actor=actor, data=data)
        return audit.audited_write(
            uow,
            lambda: Applied(application, person_id),
            actor=actor,
            action=AuditAction.CLIENT_APPLY,
            subject_type=SUBJECT,
            subject_id=account.id,
            details={"application_id": application.id, "program": program},
        )


def _current_unit(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> uuid.UUID | None:
    for unit in list_person_units(uow, actor=actor, person_id=person_id):
        if any(m.person_id == person_id and m.left_on is None for m in unit.members):
            return unit.id
    return None


def _register(
    uow: UnitOfWork, actor: Actor, account: ClientAccount, given: str, family: str, born: dt.date | None
) -> uuid.UUID:
    data = PersonCreate(
        given_names=given,
        family_name=family,
        birth_date=born,
        language=account.language,
        emails=[EmailIn(address=account.email)],
    )
    decision = DuplicateDecision(
        decision="new_person", reason="applied online; an officer checks for duplicates"
    )
    return register_person(uow, actor=actor, data=data, duplicate_decision=decision).id


def my_applications(uow: UnitOfWork, *, account_id: uuid.UUID) -> list[ApplicationPublic]:
    """The client's own applications, newest first (none before the first one).

    Listed through the account's own records (see ``repository.own_people``), so a record merged into
    theirs, or theirs merged into someone else's, adds nothing unless an officer checked who they are.
    """
    with uow:
        account = signed_in_account(uow, account_id)
        actor = client_actor(account)
        ids = repository.own_application_ids(uow.session, repository.own_people(uow.session, account))
        found = [get_application(uow, actor=actor, application_id=i) for i in ids]
        uow.commit()
        return found


def my_application(
    uow: UnitOfWork, *, account_id: uuid.UUID, application_id: uuid.UUID
) -> tuple[ApplicationPublic, Checklist, list[DecisionPublic]]:
    """One of the client's applications with its document checklist and decisions (anyone else's: 404)."""
    with uow:
        actor = client_actor(_owner_of(uow, account_id, repository.owns_application, application_id))
        app = get_application(uow, actor=actor, application_id=application_id)
        checklist = get_checklist(uow, actor=actor, application_id=application_id)
        decisions = list_decisions(uow, actor=actor, application_id=application_id)
        uow.commit()
        return app, checklist, decisions


def my_decision(uow: UnitOfWork, *, account_id: uuid.UUID, decision_id: uuid.UUID) -> DecisionPublic:
    """One decision about the client, with its reasons (anyone else's: 404, and nothing read)."""
    with uow:
        actor = client_actor(_owner_of(uow, account_id, repository.owns_decision, decision_id))
        decision = get_decision(uow, actor=actor, decision_id=decision_id)
        uow.commit()
        return decision


def upload_my_document(
    uow: UnitOfWork,
    *,
    account_id: uuid.UUID,
    application_id: uuid.UUID,
    doc_type: str,
    filename: str | None,
    data: bytes,
    storage: DocumentStorage,
    max_bytes: int,
) -> DocumentPublic:
    """A document the client sends for one of their applications (an officer verifies it).

    The upload must be its own (outermost) transaction, so ownership is checked in the one before.
    """
    with uow:
        account = _owner_of(uow, account_id, repository.owns_application, application_id)
        uow.commit()
    assert account.person_id is not None
    return upload_document(
        uow,
        actor=client_actor(account),
        storage=storage,
        max_bytes=max_bytes,
        person_id=account.person_id,
        doc_type=doc_type,
        filename=filename,
        data=data,
        application_id=application_id,
        description="sent through the portal",
    )


Owns = Callable[[Session, list[uuid.UUID], uuid.UUID], bool]


def _owner_of(uow: UnitOfWork, account_id: uuid.UUID, owns: Owns, record_id: uuid.UUID) -> ClientAccount:
    """The signed-in account, once ``owns`` says the record is theirs (else "not found")."""
    account = signed_in_account(uow, account_id)
    if not owns(uow.session, repository.own_people(uow.session, account), record_id):
        raise NotYourRecord("no such record")
    return account


def signed_in_account(uow: UnitOfWork, account_id: uuid.UUID) -> ClientAccount:
    """Inside a caller's transaction: the account, verified (a deleted or unknown one is "not signed in")."""
    account = repository.find_account(uow.session, account_id)
    if account is None or account.verified_at is None:
        raise ClientLoginFailed("sign in again")
    return account
