"""The review schedule (``config/schedule.yaml``) and what a decision does to it.

Called by the decisions sub-area inside its transaction: an eligible decision schedules the next
periodic review (replacing one still waiting); a refusal, closure or suspension cancels it.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import yaml

from onestop.access import Actor
from onestop.cases.applications import Application
from onestop.cases.decisions import Decision
from onestop.cases.reviews.domain import ReviewKind, ReviewStatus, Schedule
from onestop.cases.reviews.models import Review
from onestop.cases.reviews.repository import ReviewRepository
from onestop.common.ids import new_id
from onestop.db import UnitOfWork


def parse_schedule(data: dict[str, Any]) -> Schedule:
    """Build a schedule from the YAML document."""
    return Schedule(
        default_months=int(data.get("default_months", 12)),
        programs={str(k): int(v) for k, v in (data.get("programs") or {}).items()},
        change_due_days=int(data.get("change_due_days", 5)),
        task_lead_days=int(data.get("task_lead_days", 0)),
    )


@functools.cache
def default_schedule() -> Schedule:
    """The packaged configuration, read once."""
    text = resources.files("onestop.cases.reviews").joinpath("config/schedule.yaml").read_text("utf-8")
    return parse_schedule(yaml.safe_load(text))


def after_decision(uow: UnitOfWork, actor: Actor, app: Application, decision: Decision) -> Review | None:
    """Inside the deciding transaction: cancel the waiting periodic review; schedule the next if eligible."""
    repo = ReviewRepository(uow.session)
    for waiting in repo.waiting_periodic(app.id):
        waiting.status = ReviewStatus.CANCELLED.value
        waiting.cancel_reason = f"replaced by decision {decision.seq} ({decision.action})"
    uow.flush()
    if decision.outcome != "eligible":
        return None
    review = Review(
        id=new_id(),
        application_id=app.id,
        program=app.program,
        person_id=app.applicant_id,
        kind=ReviewKind.PERIODIC.value,
        status=ReviewStatus.SCHEDULED.value,
        due_on=default_schedule().next_review(app.program, uow.clock.today()),
        source_type="decision",
        source_id=decision.id,
        created_by=actor.username,
        created_at=uow.clock.now(),
    )
    repo.add(review)
    uow.flush()
    return review
