"""/api/applications: applications, the facts of their case, the assessment and the document checklist."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, status

from onestop.cases import applications as apps
from onestop.cases.applications import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/applications", tags=["applications"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.ApplicationPublic)
def create(uow: UowDep, actor: CurrentActor, body: s.ApplicationCreate) -> s.ApplicationPublic:
    """Receive an application (from a screening interview, its answers become unverified facts)."""
    return apps.create_application(uow, actor=actor, data=body)


@router.get("", response_model=list[s.ApplicationPublic])
def listing(
    uow: UowDep, actor: CurrentActor, person_id: uuid.UUID | None = None, unit_id: uuid.UUID | None = None
) -> list[s.ApplicationPublic]:
    """A person's or a unit's applications, newest first."""
    return apps.list_applications(uow, actor=actor, person_id=person_id, unit_id=unit_id)


@router.get("/{application_id}", response_model=s.ApplicationPublic)
def read(uow: UowDep, actor: CurrentActor, application_id: uuid.UUID) -> s.ApplicationPublic:
    """One application."""
    return apps.get_application(uow, actor=actor, application_id=application_id)


@router.get("/{application_id}/facts", response_model=list[s.FactPublic])
def facts(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, history: bool = False
) -> list[s.FactPublic]:
    """The current facts of the case (``history=true``: every value ever recorded)."""
    return apps.list_facts(uow, actor=actor, application_id=application_id, history=history)


@router.post("/{application_id}/facts", status_code=status.HTTP_201_CREATED, response_model=s.FactPublic)
def record_fact(uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.FactIn) -> s.FactPublic:
    """Record a value (verified when a proving, verified document is given); ``version`` guards a change."""
    return apps.record_fact(uow, actor=actor, application_id=application_id, data=body)


@router.post("/{application_id}/facts/verify", response_model=s.FactPublic)
def verify_fact(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.FactVerify
) -> s.FactPublic:
    """Verify the current value at a path with a verified document."""
    return apps.verify_fact(uow, actor=actor, application_id=application_id, data=body)


@router.get("/{application_id}/assessment", response_model=s.Assessment)
def assessment(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, on: dt.date | None = None
) -> s.Assessment:
    """What the program's rules say on the verified case data (and what is still missing)."""
    return apps.assess_application(uow, actor=actor, application_id=application_id, on=on)


@router.get("/{application_id}/checklist", response_model=s.Checklist)
def checklist(uow: UowDep, actor: CurrentActor, application_id: uuid.UUID) -> s.Checklist:
    """The documents needed, their status, and how to obtain the missing ones (EN/FR)."""
    return apps.get_checklist(uow, actor=actor, application_id=application_id)


@router.post("/{application_id}/request-documents", response_model=s.ApplicationPublic)
def request_documents(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.ApplicationStatusChange
) -> s.ApplicationPublic:
    """Wait for documents (a follow-up task lists the missing ones)."""
    return apps.request_documents(uow, actor=actor, application_id=application_id, data=body)


@router.post("/{application_id}/assess", response_model=s.ApplicationPublic)
def start_assessment(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.ApplicationStatusChange
) -> s.ApplicationPublic:
    """Start the assessment."""
    return apps.start_assessment(uow, actor=actor, application_id=application_id, data=body)


@router.post("/{application_id}/withdraw", response_model=s.ApplicationPublic)
def withdraw(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.ApplicationStatusChange
) -> s.ApplicationPublic:
    """The client withdraws (reason required)."""
    return apps.withdraw_application(uow, actor=actor, application_id=application_id, data=body)


@router.post("/{application_id}/reopen", response_model=s.ApplicationPublic)
def reopen(
    uow: UowDep, actor: CurrentActor, application_id: uuid.UUID, body: s.ApplicationStatusChange
) -> s.ApplicationPublic:
    """Reopen a decided application for a new assessment (reason required)."""
    return apps.reopen_application(uow, actor=actor, application_id=application_id, data=body)
