"""The sections case work provides: each one or two indexed queries through its area's repository."""

from __future__ import annotations

from typing import Any

from onestop.cases.client360 import repository
from onestop.cases.client360.sections import Context, placeholder, register_section
from onestop.cases.documents import DocumentRepository
from onestop.cases.documents.schemas import DocumentPublic
from onestop.cases.interactions import InteractionRepository
from onestop.cases.interactions.schemas import InteractionPublic
from onestop.cases.plans import PlanRepository, plan_public
from onestop.cases.plans.schemas import AssessmentPublic
from onestop.cases.referrals import ReferralRepository
from onestop.cases.referrals.schemas import ConferencePublic, ParticipantPublic, ReferralPublic
from onestop.cases.tasks import CaseloadRepository, TaskRepository
from onestop.cases.tasks.domain import TaskView, bucket
from onestop.cases.tasks.schemas import AssignmentPublic, TaskPublic
from onestop.money import UnitMoney, unit_money
from onestop.registry import UnitMembership, UnitRepository
from onestop.registry.schemas import MemberPublic, UnitPublic


def memberships_of(ctx: Context) -> list[UnitMembership]:
    """The person's unit memberships (all records), read once for the sections that need them."""
    if "memberships" not in ctx.shared:
        ctx.shared["memberships"] = UnitRepository(ctx.session).memberships_of(list(ctx.person_ids))
    found: list[UnitMembership] = ctx.shared["memberships"]
    return found


def units(ctx: Context) -> list[UnitPublic]:
    """The benefit units the person belongs or belonged to, with their memberships."""
    memberships = memberships_of(ctx)
    found = repository.units_by_id(ctx.session, [m.unit_id for m in memberships])
    return [
        UnitPublic.model_validate(unit).model_copy(
            update={"members": [MemberPublic.model_validate(m) for m in memberships if m.unit_id == unit.id]}
        )
        for unit in found.values()
    ]


def benefits(ctx: Context) -> list[UnitMoney]:
    """Each unit's entitlements, payments (with batch, cheque and bank return), overpayments and balance."""
    memberships = memberships_of(ctx)
    unit_ids = list(dict.fromkeys(m.unit_id for m in memberships))
    return unit_money(ctx.session, unit_ids, today=ctx.today)


def assessments(ctx: Context) -> list[AssessmentPublic]:
    """Service-level assessments, newest first."""
    rows = PlanRepository(ctx.session).assessments_for_people(ctx.person_ids)
    return [AssessmentPublic.model_validate(a) for a in rows]


def plans(ctx: Context) -> list[Any]:
    """Outcome plans as they are now."""
    return [plan_public(p, r, []) for p, r in PlanRepository(ctx.session).for_people(ctx.person_ids)]


def referrals(ctx: Context) -> list[ReferralPublic]:
    """Referrals, newest first."""
    return [
        ReferralPublic.model_validate(r) for r in ReferralRepository(ctx.session).for_people(ctx.person_ids)
    ]


def conferences(ctx: Context) -> list[ConferencePublic]:
    """Case conferences with participants."""
    repo = ReferralRepository(ctx.session)
    rows = repo.conferences_for_people(ctx.person_ids)
    people = repo.participants([c.id for c in rows])
    return [
        ConferencePublic.model_validate(c).model_copy(
            update={"participants": [ParticipantPublic.model_validate(p) for p in people.get(c.id, [])]}
        )
        for c in rows
    ]


def tasks(ctx: Context) -> list[TaskPublic]:
    """Open tasks about the person, in working order."""
    rows = TaskRepository(ctx.session).listing(view=TaskView.OPEN, today=ctx.today, person_ids=ctx.person_ids)
    return [
        TaskPublic.model_validate(t).model_copy(
            update={"bucket": bucket(t.due_on, t.status, today=ctx.today)}
        )
        for t in rows
    ]


def interactions(ctx: Context) -> dict[str, Any]:
    """The most recent interactions, and how many there are in all."""
    repo = InteractionRepository(ctx.session)
    total, rows = repo.recent_for_people(ctx.person_ids, limit=ctx.recent)
    reasons = repo.reasons_of([r.id for r in rows])
    recent = [
        InteractionPublic.model_validate(r).model_copy(update={"reason_codes": reasons.get(r.id, [])})
        for r in rows
    ]
    return {"total": total, "recent": recent}


def documents(ctx: Context) -> list[DocumentPublic]:
    """Documents and the state of their verification, newest first."""
    return [
        DocumentPublic.model_validate(d) for d in DocumentRepository(ctx.session).for_people(ctx.person_ids)
    ]


def flags(ctx: Context) -> list[Any]:
    """Safety flags (current and removed), from the registry's masked view."""
    return list(ctx.person.safety_flags)


def consents(ctx: Context) -> list[Any]:
    """Consents to share, from the registry."""
    return list(ctx.person.consents)


def assigned_worker(ctx: Context) -> dict[str, Any]:
    """The current primary worker and every earlier one."""
    rows = CaseloadRepository(ctx.session).history_with_usernames(ctx.person_ids)
    history = [AssignmentPublic.model_validate(a).model_copy(update={"worker_username": n}) for a, n in rows]
    current = next((h for h in history if h.ended_on is None), None)
    return {"current": current, "history": history}


def install() -> None:
    """Register case work's sections and the placeholders of areas still to come, in display order."""
    register_section("units", units, replace=True)
    for name in ("applications", "decisions"):
        placeholder(name)
    register_section("benefits", benefits, replace=True)
    for name, provider in [
        ("assessments", assessments),
        ("plans", plans),
        ("referrals", referrals),
        ("conferences", conferences),
        ("tasks", tasks),
        ("interactions", interactions),
        ("documents", documents),
        ("flags", flags),
        ("consents", consents),
        ("assigned_worker", assigned_worker),
    ]:
        register_section(name, provider, replace=True)
