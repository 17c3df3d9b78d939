"""Client 360 sections of the second half of case work: open applications, decisions in force,
reviews coming up, appeals in progress. Registered when this package is imported (it is the one
that depends on all the others, so every table is known by then).
"""

from __future__ import annotations

from typing import Any

from onestop.cases.appeals.domain import OPEN
from onestop.cases.appeals.repository import AppealRepository
from onestop.cases.appeals.schemas import AppealPublic
from onestop.cases.applications import ApplicationRepository
from onestop.cases.applications.domain import OPEN_FOR_FACTS
from onestop.cases.applications.schemas import ApplicationPublic
from onestop.cases.client360 import Context, register_section
from onestop.cases.decisions import DecisionRepository
from onestop.cases.reviews import ReviewRepository
from onestop.cases.reviews.domain import ReviewStatus
from onestop.cases.reviews.schemas import ReviewPublic
from onestop.common.money import format_cents

_COMING = [ReviewStatus.SCHEDULED.value, ReviewStatus.DUE.value, ReviewStatus.IN_PROGRESS.value]


def applications(ctx: Context) -> list[ApplicationPublic]:
    """Applications not yet decided (received, waiting for documents, in assessment)."""
    rows = ApplicationRepository(ctx.session).for_people(ctx.person_ids)
    return [ApplicationPublic.model_validate(a) for a in rows if a.status in OPEN_FOR_FACTS]


def decisions(ctx: Context) -> list[dict[str, Any]]:
    """The decision in force for each of the person's applications (a summary; the API has the rest)."""
    out = []
    for d in DecisionRepository(ctx.session).current_for_people(ctx.person_ids):
        cents = d.monthly_amount_cents
        out.append(
            {
                "id": d.id,
                "application_id": d.application_id,
                "seq": d.seq,
                "program": d.program,
                "outcome": d.outcome,
                "action": d.action,
                "basis": d.basis,
                "effective_from": d.effective_from,
                "monthly_amount": format_cents(cents) if cents is not None else None,
                "overridden": d.overridden,
                "approved_by": d.approved_by,
                "appeal_deadline": d.appeal_deadline,
                "decided_by": d.decided_by,
                "decided_at": d.decided_at,
            }
        )
    return out


def reviews_due(ctx: Context) -> list[ReviewPublic]:
    """Reviews scheduled, due or under way, soonest first."""
    rows = ReviewRepository(ctx.session).listing(person_ids=ctx.person_ids, statuses=_COMING)
    return [ReviewPublic.model_validate(r) for r in rows]


def appeals(ctx: Context) -> list[AppealPublic]:
    """Appeals filed or waiting for their hearing."""
    rows = AppealRepository(ctx.session).for_people(ctx.person_ids, open_only=True)
    return [AppealPublic.model_validate(a) for a in rows if a.status in OPEN]


def install() -> None:
    """Take over the placeholders of applications and decisions; add reviews due and appeals."""
    register_section("applications", applications, replace=True)
    register_section("decisions", decisions, replace=True)
    register_section("reviews_due", reviews_due, replace=True)
    register_section("appeals", appeals, replace=True)
