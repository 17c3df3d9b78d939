"""/api/investigations: alleged misuse, evidence, interviews (cautioned statements), findings."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.cases import investigations as inv
from onestop.cases.investigations import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/investigations", tags=["investigations"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.InvestigationPublic)
def open_(uow: UowDep, actor: CurrentActor, body: s.InvestigationCreate) -> s.InvestigationPublic:
    """Open an investigation of an allegation."""
    return inv.open_investigation(uow, actor=actor, data=body)


@router.get("", response_model=list[s.InvestigationPublic])
def listing(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.InvestigationPublic]:
    """Investigations about a person."""
    return inv.list_investigations(uow, actor=actor, person_id=person_id)


@router.get("/{investigation_id}", response_model=s.InvestigationPublic)
def read(uow: UowDep, actor: CurrentActor, investigation_id: uuid.UUID) -> s.InvestigationPublic:
    """One investigation with its file."""
    return inv.get_investigation(uow, actor=actor, investigation_id=investigation_id)


@router.post(
    "/{investigation_id}/evidence", status_code=status.HTTP_201_CREATED, response_model=s.InvestigationPublic
)
def evidence(
    uow: UowDep, actor: CurrentActor, investigation_id: uuid.UUID, body: s.EvidenceCreate
) -> s.InvestigationPublic:
    """Add a document to the file."""
    return inv.add_evidence(uow, actor=actor, investigation_id=investigation_id, data=body)


@router.post(
    "/{investigation_id}/interviews",
    status_code=status.HTTP_201_CREATED,
    response_model=s.InvestigationPublic,
)
def interview(
    uow: UowDep, actor: CurrentActor, investigation_id: uuid.UUID, body: s.InterviewCreate
) -> s.InvestigationPublic:
    """Record an interview (``cautioned`` flags a cautioned statement)."""
    return inv.record_interview(uow, actor=actor, investigation_id=investigation_id, data=body)


@router.post("/{investigation_id}/close", response_model=s.InvestigationPublic)
def close(
    uow: UowDep, actor: CurrentActor, investigation_id: uuid.UUID, body: s.InvestigationClose
) -> s.InvestigationPublic:
    """Close with a finding (once); a founded one may trigger a reassessment and an overpayment."""
    return inv.close_investigation(uow, actor=actor, investigation_id=investigation_id, data=body)
