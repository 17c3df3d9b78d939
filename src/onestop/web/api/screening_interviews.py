"""/api/screenings: screening interviews (append-only steps), resumable, linkable to a person later."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop.cases import screenings
from onestop.cases.screenings import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/screenings", tags=["screenings"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=s.ScreeningPublic)
def start(uow: UowDep, actor: CurrentActor, body: s.ScreeningStart) -> s.ScreeningPublic:
    """Start an interview (anonymous unless ``person_id``)."""
    return screenings.start_screening(uow, actor=actor, data=body)


@router.get("", response_model=list[s.ScreeningPublic])
def listing(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.ScreeningPublic]:
    """A person's interviews, newest first."""
    return screenings.list_screenings(uow, actor=actor, person_id=person_id)


@router.get("/{session_id}", response_model=s.ScreeningPublic)
def resume(uow: UowDep, actor: CurrentActor, session_id: uuid.UUID) -> s.ScreeningPublic:
    """Resume: the case so far, the latest results, the next questions, every step."""
    return screenings.resume_screening(uow, actor=actor, session_id=session_id)


@router.post("/{session_id}/answers", response_model=s.ScreeningPublic)
def answer(
    uow: UowDep, actor: CurrentActor, session_id: uuid.UUID, body: s.ScreeningAnswers
) -> s.ScreeningPublic:
    """Record answers as a new step (``version`` guards against a concurrent answer)."""
    return screenings.answer_screening(uow, actor=actor, session_id=session_id, data=body)


@router.post("/{session_id}/link", response_model=s.ScreeningPublic)
def link(uow: UowDep, actor: CurrentActor, session_id: uuid.UUID, body: s.ScreeningLink) -> s.ScreeningPublic:
    """Link the interview to a registered person."""
    return screenings.link_screening(uow, actor=actor, session_id=session_id, data=body)


@router.post("/{session_id}/complete", response_model=s.ScreeningPublic)
def complete(
    uow: UowDep, actor: CurrentActor, session_id: uuid.UUID, body: s.ScreeningComplete
) -> s.ScreeningPublic:
    """Close the interview."""
    return screenings.complete_screening(uow, actor=actor, session_id=session_id, data=body)
