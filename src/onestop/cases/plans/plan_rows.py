"""Conversions between the API models and the plan domain's content."""

from __future__ import annotations

from collections.abc import Sequence

from onestop.cases.plans.domain import ActionDraft, Drafts, GoalDraft, PlanContent
from onestop.cases.plans.models import OutcomePlan, OutcomePlanRevision
from onestop.cases.plans.schemas import (
    ActionIn,
    ActionPublic,
    GoalIn,
    GoalPublic,
    PlanPublic,
    ReviewPublic,
    RevisionSummary,
)


def drafts(title: str, goals: Sequence[GoalIn], actions: Sequence[ActionIn]) -> Drafts:
    """What the officer entered, as domain drafts."""
    return Drafts(
        title=title,
        goals=tuple(GoalDraft(text=g.text, status=g.status, id=g.id) for g in goals),
        actions=tuple(
            ActionDraft(
                text=a.text,
                owner=a.owner,
                owner_name=a.owner_name,
                due_on=a.due_on,
                status=a.status,
                goal_id=a.goal_id,
                id=a.id,
            )
            for a in actions
        ),
    )


def plan_public(
    plan: OutcomePlan, revision: OutcomePlanRevision, history: Sequence[OutcomePlanRevision]
) -> PlanPublic:
    """A plan at one revision, with the history lines given."""
    content = PlanContent.from_json(revision.content)
    return PlanPublic(
        id=plan.id,
        version=plan.version,
        person_id=plan.person_id,
        unit_id=plan.unit_id,
        status=plan.status,
        current_revision=plan.revision,
        revision=revision.revision,
        title=content.title,
        closing_note=content.closing_note,
        goals=[GoalPublic(id=g.id, text=g.text, status=g.status) for g in content.goals],
        actions=[ActionPublic(**a.__dict__) for a in content.actions],
        reviews=[ReviewPublic(**r.__dict__) for r in content.reviews],
        created_at=plan.created_at,
        created_by=plan.created_by,
        updated_at=plan.updated_at,
        closed_at=plan.closed_at,
        closed_by=plan.closed_by,
        history=[
            RevisionSummary(
                revision=h.revision,
                change=h.change,
                note=h.note,
                changed_by=h.changed_by,
                changed_at=h.changed_at,
            )
            for h in history
        ],
    )
