"""Sweep use cases: run the sweep, read the queue, dismiss a pair. Deciding needs ``person:merge``.

A run is three steps: read the registry (one read-only transaction), train and score (outside
any transaction: minutes at a million people, and nothing is locked meanwhile), then store the
queue with the run's audit event (one transaction). Merging a suggested pair goes through the
ordinary merge (``merging.merge_people``), which closes the suggestion.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common import text
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.registry import models as m
from onestop.registry import to_public
from onestop.registry.errors import RecordNotFound
from onestop.registry.repository import PeopleRepository
from onestop.registry.sweep import model, reading, repository
from onestop.registry.sweep.schemas import Evidence, Suggestion, SuggestionPage, SweepReport

SUBJECT = "duplicate_suggestion"
MAX_PAGE = 200

Progress = Callable[[str, float], None]


def run_sweep(
    uow: UnitOfWork,
    *,
    actor: Actor,
    tuning: model.Tuning | None = None,
    progress: Progress | None = None,
) -> SweepReport:
    """Search the whole registry for duplicates and refresh the queue; never merges anything."""
    tuning = tuning or model.Tuning()
    if not 0 < tuning.threshold < 1:
        raise InvalidInput("threshold", "must be between 0 and 1")
    seconds: dict[str, float] = {}
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT)
        started = time.perf_counter()

        def read_progress(done: int) -> None:
            if progress is not None:
                progress(f"read {done:,} people", 0.0)

        people = reading.people_table(uow.session, progress=read_progress)
        seconds["read"] = round(time.perf_counter() - started, 2)

    def model_progress(step: str, done: float) -> None:
        if progress is not None:
            progress(step, done)

    started = time.perf_counter()
    result = model.run(people, tuning, progress=model_progress)
    seconds["model"] = round(time.perf_counter() - started, 2)
    seconds |= {f"model_{k}": round(v, 2) for k, v in result.seconds.items()}
    run_id = new_id()
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT)
        started = time.perf_counter()
        counts = repository.store_run(uow.session, result.pairs, run_id=run_id, now=uow.clock.now())
        seconds["store"] = round(time.perf_counter() - started, 2)
        details = {"people": result.people, "suggested": len(result.pairs), "threshold": tuning.threshold}
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_DUPLICATE_SWEEP,
            subject_type=SUBJECT,
            subject_id=run_id,
            details=details | counts,
        )
        uow.commit()
    if progress is not None:
        progress("done", 1.0)
    return SweepReport(
        run_id=run_id, people=result.people, suggested=len(result.pairs), seconds=seconds, **counts
    )


def list_suggestions(
    uow: UnitOfWork, *, actor: Actor, status: str = "open", limit: int = 50, offset: int = 0
) -> SuggestionPage:
    """A page of the queue, most likely first, with both people (masked); the read is audited."""
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT)
        if status not in repository.STATUSES:
            raise InvalidInput("status", "must be open, merged or dismissed")
        if not 1 <= limit <= MAX_PAGE:
            raise InvalidInput("limit", f"must be between 1 and {MAX_PAGE}")
        if offset < 0:
            raise InvalidInput("offset", "must be 0 or more")
        rows, total = repository.page(uow.session, status=status, limit=limit, offset=offset)
        items = _public(uow, rows)
        return audit.audited_read(
            uow,
            SuggestionPage(items=items, total=total, status=status, limit=limit, offset=offset),
            actor=actor,
            action=AuditAction.PERSON_DUPLICATE_QUEUE_READ,
            subject_type=SUBJECT,
            purpose="duplicate review",
            details={"status": status, "offset": offset, "results": len(items)},
        )


def get_suggestion(uow: UnitOfWork, *, actor: Actor, suggestion_id: uuid.UUID) -> Suggestion:
    """One suggestion with both people (for the merge screen); the read is audited."""
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT, subject_id=suggestion_id)
        row = repository.get(uow.session, suggestion_id)
        if row is None:
            raise RecordNotFound("no such suggestion")
        return audit.audited_read(
            uow,
            _public(uow, [row])[0],
            actor=actor,
            action=AuditAction.PERSON_DUPLICATE_QUEUE_READ,
            subject_type=SUBJECT,
            subject_id=row.id,
            purpose="duplicate review",
        )


def dismiss_suggestion(uow: UnitOfWork, *, actor: Actor, suggestion_id: uuid.UUID, reason: str) -> Suggestion:
    """Record that the two records are different people; the pair is not suggested again."""
    with uow:
        require(uow, actor, Permission.PERSON_MERGE, subject_type=SUBJECT, subject_id=suggestion_id)
        why = text.required_text(reason, "reason")
        row = repository.get(uow.session, suggestion_id, for_update=True)
        if row is None:
            raise RecordNotFound("no such suggestion")
        if row.status != "open":
            raise Conflict(f"this suggestion is already {row.status}")
        row.status, row.decided_by, row.decided_at = "dismissed", actor.username, uow.clock.now()
        row.decision_reason = why
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PERSON_DUPLICATE_DISMISS,
            subject_type=SUBJECT,
            subject_id=row.id,
            purpose=why,
            before={"status": "open"},
            after={"status": "dismissed", "person_a_id": row.person_a_id, "person_b_id": row.person_b_id},
        )
        uow.commit()
        return _public(uow, [row])[0]


def _public(uow: UnitOfWork, rows: list[m.DuplicateSuggestion]) -> list[Suggestion]:
    ids = list({pid for r in rows for pid in (r.person_a_id, r.person_b_id)})
    people = to_public.summaries(PeopleRepository(uow.session), ids)
    return [
        Suggestion(
            id=r.id,
            person_a=people[r.person_a_id],
            person_b=people[r.person_b_id],
            probability=r.probability,
            match_weight=r.match_weight,
            evidence=[Evidence(**e) for e in r.evidence],
            status=r.status,
            run_id=r.run_id,
            found_at=r.found_at,
            decided_by=r.decided_by,
            decided_at=r.decided_at,
            decision_reason=r.decision_reason,
        )
        for r in rows
    ]
