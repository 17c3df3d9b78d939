"""Screening interview use cases: start, answer, resume, link to a person, complete.

Each answer appends a step with the screener's result at that moment; nothing is edited. Each
function is one transaction with its audit event.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.screenings import domain, step_screening
from onestop.cases.screenings.domain import SessionStatus
from onestop.cases.screenings.models import ScreeningSession, ScreeningStep
from onestop.cases.screenings.repository import ScreeningRepository
from onestop.cases.screenings.schemas import (
    Question,
    ScreeningAnswers,
    ScreeningComplete,
    ScreeningLink,
    ScreeningPublic,
    ScreeningStart,
    StepPublic,
)
from onestop.cases.vocabulary import paths, program_packs
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text
from onestop.db import UnitOfWork, expect_version
from onestop.jurisdictions import load_catalogue
from onestop.registry import current_record_id, merged_record_ids

SUBJECT = "screening_session"


def start_screening(uow: UnitOfWork, *, actor: Actor, data: ScreeningStart) -> ScreeningPublic:
    """Open an interview; the first step records the first answers (if any) and the first questions."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT)
        pack = program_packs.pack_of(data.jurisdiction)
        catalogue = load_catalogue(pack.id)
        unknown = [p for p in data.programs or [] if p not in catalogue]
        if unknown:
            raise InvalidInput("programs", f"not in the {pack.id} catalogue: {', '.join(unknown)}")
        row = ScreeningSession(
            id=new_id(),
            jurisdiction=pack.id,
            programs=data.programs or None,
            person_id=current_record_id(uow, data.person_id) if data.person_id else None,
            status=SessionStatus.OPEN.value,
            steps=0,
            created_by=actor.username,
            created_by_id=actor.staff_id,
            created_at=uow.clock.now(),
        )
        repo = ScreeningRepository(uow.session)
        repo.add(row)
        uow.flush()
        _append(uow, actor, row, [], data.answers, data.note, earlier=[])  # a new interview: no steps yet
        return _SESSIONS.saved(
            uow,
            actor,
            AuditAction.SCREENING_START,
            row,
            details={
                "jurisdiction": row.jurisdiction,
                "person_id": row.person_id,
                "answers": len(data.answers),
            },
        )


def answer_screening(
    uow: UnitOfWork, *, actor: Actor, session_id: uuid.UUID, data: ScreeningAnswers
) -> ScreeningPublic:
    """Record answers as a new step and run the screener again."""
    with uow:
        row = _session(uow, actor, session_id, data.version)
        repo = ScreeningRepository(uow.session)
        domain.check_open(row.status)
        steps = repo.steps(row.id)
        asked = list(steps[-1].result.get("next_questions", [])) if steps else []
        step = _append(uow, actor, row, asked, data.answers, data.note, earlier=steps)
        return _SESSIONS.saved(
            uow,
            actor,
            AuditAction.SCREENING_ANSWER,
            row,
            details={"seq": step.seq, "paths": sorted(step.answers)},
        )


def _append(
    uow: UnitOfWork,
    actor: Actor,
    row: ScreeningSession,
    asked: list[str],
    answers: dict[str, Any],
    note: str | None,
    *,
    earlier: list[ScreeningStep],
) -> ScreeningStep:
    """Validate the answers against the pack, screen the folded case (``earlier``: the session's steps
    so far, as the caller read them), append the step."""
    clean = _validated(row.jurisdiction, answers, uow)
    repo = ScreeningRepository(uow.session)
    folded = domain.fold([s.answers for s in earlier] + [clean])
    today = uow.clock.today().isoformat()
    step = ScreeningStep(
        id=new_id(),
        session_id=row.id,
        seq=row.steps,
        asked=asked,
        answers=clean,
        result=step_screening.screen(row.jurisdiction, today, folded, row.programs),
        rules_version=program_packs.pack_of(row.jurisdiction).version,
        note=clean_text(note) or None,
        recorded_by=actor.username,
        recorded_at=uow.clock.now(),
    )
    row.steps += 1  # bumps the version: a concurrent answer to the same interview gets a 409
    repo.add(step)
    uow.flush()
    return step


def _validated(jurisdiction: str, answers: dict[str, Any], uow: UnitOfWork) -> dict[str, Any]:
    pack = program_packs.pack_of(jurisdiction)
    clean: dict[str, Any] = {}
    for raw, value in answers.items():
        path = paths.parse_path(raw, field="answers")
        try:
            clean[str(path)] = program_packs.normalise(pack, path, value, uow.clock.today())
        except InvalidInput as err:
            raise InvalidInput(f"answers[{raw}]", err.problem) from None
    return clean


def resume_screening(uow: UnitOfWork, *, actor: Actor, session_id: uuid.UUID) -> ScreeningPublic:
    """The interview as it stands: case so far, latest results, next questions and every step."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=session_id)
        row = ScreeningRepository(uow.session).get(session_id)
        return audit.audited_read(
            uow,
            _public(uow, row),
            actor=actor,
            action=AuditAction.SCREENING_READ,
            subject_type=SUBJECT,
            subject_id=row.id,
            details={"person_id": row.person_id},
        )


def link_screening(
    uow: UnitOfWork, *, actor: Actor, session_id: uuid.UUID, data: ScreeningLink
) -> ScreeningPublic:
    """Link an anonymous interview to the person once registered."""
    with uow:
        row = _session(uow, actor, session_id, data.version)
        person_id = current_record_id(uow, data.person_id)
        domain.check_link(row.person_id, person_id)
        if row.person_id is None:
            row.person_id, row.linked_by, row.linked_at = person_id, actor.username, uow.clock.now()
            uow.flush()
            audit.record(
                uow,
                actor=actor,
                action=AuditAction.SCREENING_LINK,
                subject_type=SUBJECT,
                subject_id=row.id,
                before={"person_id": None},
                after={"person_id": person_id},
            )
        uow.commit()
        return _public(uow, row)


def complete_screening(
    uow: UnitOfWork, *, actor: Actor, session_id: uuid.UUID, data: ScreeningComplete
) -> ScreeningPublic:
    """Close the interview; its steps stay as they are."""
    with uow:
        row = _session(uow, actor, session_id, data.version)
        domain.check_open(row.status)
        row.status = SessionStatus.COMPLETED.value
        row.completed_by, row.completed_at = actor.username, uow.clock.now()
        return _SESSIONS.saved(
            uow,
            actor,
            AuditAction.SCREENING_COMPLETE,
            row,
            details={"note": clean_text(data.note) or None, "steps": row.steps},
        )


def list_screenings(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[ScreeningPublic]:
    """A person's interviews, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = ScreeningRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return _SESSIONS.listed(uow, actor, AuditAction.SCREENING_LIST, rows, ("person", person_id))


def answers_of(
    uow: UnitOfWork, session_id: uuid.UUID, *, jurisdiction: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Inside a caller's transaction: an interview's folded answers and its people's roles."""
    row = ScreeningRepository(uow.session).get(session_id)
    if row.jurisdiction != jurisdiction:
        raise InvalidInput(
            "screening_session_id", f"the interview is for {row.jurisdiction}, not {jurisdiction}"
        )
    answers = domain.fold([s.answers for s in ScreeningRepository(uow.session).steps(row.id)])
    return answers, domain.roles(answers)


def _session(uow: UnitOfWork, actor: Actor, session_id: uuid.UUID, version: int | None) -> ScreeningSession:
    """The interview a step changes, once the actor may, at the version they read."""
    require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=session_id)
    row = ScreeningRepository(uow.session).get(session_id)
    expect_version(row.version, version, what="screening interview")
    return row


def _public(uow: UnitOfWork, row: ScreeningSession) -> ScreeningPublic:
    steps = ScreeningRepository(uow.session).steps(row.id)
    answers = domain.fold([s.answers for s in steps])
    latest: dict[str, Any] = steps[-1].result if steps else {"programs": [], "next_questions": []}
    on = str(latest.get("date") or uow.clock.today().isoformat())
    questions = step_screening.questions(row.jurisdiction, list(latest.get("next_questions", [])))
    return ScreeningPublic(
        id=row.id,
        version=row.version,
        jurisdiction=row.jurisdiction,
        programs=row.programs,
        person_id=row.person_id,
        status=row.status,
        created_at=row.created_at,
        created_by=row.created_by,
        case=domain.case_mapping(row.jurisdiction, on, answers),
        answers=answers,
        results=list(latest.get("programs", [])),
        next_questions=[Question(**q) for q in questions],
        steps=[StepPublic.model_validate(s) for s in steps],
    )


_SESSIONS = audit.Subject(SUBJECT, _public)
