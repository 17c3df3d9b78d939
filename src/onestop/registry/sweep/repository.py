"""Queries of the suggestion queue."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from onestop.common.ids import new_id
from onestop.registry import models as m
from onestop.registry.sweep.model import Pair

S = m.DuplicateSuggestion
STATUSES = ("open", "merged", "dismissed")


def store_run(
    session: Session, pairs: Sequence[Pair], *, run_id: uuid.UUID, now: dt.datetime
) -> dict[str, int]:
    """Write a run's pairs: new pairs open, open ones refreshed, decided ones left alone.

    Open suggestions the run no longer finds are withdrawn (nobody decided them: nothing is lost);
    a pair someone dismissed or merged is never suggested again.
    """
    existing = {(str(s.person_a_id), str(s.person_b_id)): s for s in session.scalars(select(S))}
    found: set[tuple[str, str]] = set()
    counts = {"new": 0, "refreshed": 0, "already_decided": 0, "withdrawn": 0}
    fresh = []
    for pair in pairs:
        key = (pair.a, pair.b)
        found.add(key)
        old = existing.get(key)
        if old is None:
            fresh.append(
                {
                    "id": new_id(),
                    "created_at": now,
                    "version": 1,
                    "person_a_id": uuid.UUID(pair.a),
                    "person_b_id": uuid.UUID(pair.b),
                    "probability": pair.probability,
                    "match_weight": pair.match_weight,
                    "evidence": pair.evidence,
                    "status": "open",
                    "run_id": run_id,
                    "found_at": now,
                }
            )
            counts["new"] += 1
        elif old.status == "open":
            old.probability, old.match_weight, old.evidence = (
                pair.probability,
                pair.match_weight,
                pair.evidence,
            )
            old.run_id, old.found_at = run_id, now
            counts["refreshed"] += 1
        else:
            counts["already_decided"] += 1
    for key, old in existing.items():
        if old.status == "open" and key not in found:
            session.delete(old)
            counts["withdrawn"] += 1
    if fresh:
        session.execute(insert(S), fresh)
    session.flush()
    return counts


def page(
    session: Session, *, status: str, limit: int, offset: int
) -> tuple[list[m.DuplicateSuggestion], int]:
    """One page of the queue, most likely first, and how many there are in all."""
    rows = session.scalars(
        select(S)
        .where(S.status == status)
        .order_by(S.probability.desc(), S.person_a_id, S.person_b_id)
        .limit(limit)
        .offset(offset)
    ).all()
    total = session.scalar(select(func.count()).select_from(S).where(S.status == status)) or 0
    return list(rows), total


def get(
    session: Session, suggestion_id: uuid.UUID, *, for_update: bool = False
) -> m.DuplicateSuggestion | None:
    query = select(S).where(S.id == suggestion_id)
    return session.scalars(query.with_for_update() if for_update else query).first()


def close_on_merge(
    session: Session, a: uuid.UUID, b: uuid.UUID, *, by: str, at: dt.datetime, reason: str
) -> int:
    """Mark the open suggestion of this pair, if any, as merged; how many rows changed (0 or 1)."""
    first, second = sorted((a, b), key=str)
    rows = session.scalars(
        select(S).where(
            S.status == "open",
            or_(
                (S.person_a_id == first) & (S.person_b_id == second),
                (S.person_a_id == second) & (S.person_b_id == first),
            ),
        )
    ).all()
    for row in rows:
        row.status, row.decided_by, row.decided_at, row.decision_reason = "merged", by, at, reason
    return len(rows)
