"""Outcome-plan use cases: create, revise, review, set an action's status, close, read and print.

Every change writes the plan's next revision (the whole content) and bumps the head row, whose
``version`` is the optimistic lock: two officers editing the same plan cannot both win.
"""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.plans import domain, printing
from onestop.cases.plans.domain import PlanContent
from onestop.cases.plans.models import OutcomePlan, OutcomePlanRevision
from onestop.cases.plans.plan_rows import drafts, plan_public
from onestop.cases.plans.repository import PlanRepository
from onestop.cases.plans.schemas import (
    ActionStatusIn,
    PlanClose,
    PlanCreate,
    PlanPublic,
    PlanReviewIn,
    PlanRevise,
    PrintedPlan,
)
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.db import UnitOfWork, expect_version
from onestop.registry import PeopleRepository, UnitRepository, current_record_id, merged_record_ids

SUBJECT = "outcome_plan"


def create_plan(uow: UnitOfWork, *, actor: Actor, data: PlanCreate) -> PlanPublic:
    """Start an outcome plan for a person (optionally their unit): revision 1."""
    with uow:
        require(uow, actor, Permission.PLAN_WRITE, subject_type="person", subject_id=data.person_id)
        pid = current_record_id(uow, data.person_id)
        if data.unit_id is not None:
            UnitRepository(uow.session).get(data.unit_id)
        content = domain.build(drafts(data.title, data.goals, data.actions), None)
        now = uow.clock.now()
        plan = OutcomePlan(
            id=new_id(),
            person_id=pid,
            unit_id=data.unit_id,
            title=content.title,
            status=content.status,
            revision=1,
            created_by=actor.username,
            created_at=now,
            updated_at=now,
        )
        uow.session.add(plan)
        uow.flush()
        _store_revision(uow, actor, plan, content, "create", None)
        return _PLANS.saved(
            uow,
            actor,
            AuditAction.PLAN_CREATE,
            plan,
            after={"person_id": pid, "title": content.title, "goals": len(content.goals)},
        )


def revise_plan(uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, data: PlanRevise) -> PlanPublic:
    """Replace the plan's goals and actions (and title): a new revision; the old one is kept."""
    with uow:
        plan, current = _open(uow, actor, plan_id, data.version)
        content = domain.build(drafts(data.title or current.title, data.goals, data.actions), current)
        return _change(uow, actor, plan, current, content, AuditAction.PLAN_REVISE, data.note)


def add_plan_review(uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, data: PlanReviewIn) -> PlanPublic:
    """Record a review of progress over a period: a new revision."""
    with uow:
        plan, current = _open(uow, actor, plan_id, data.version)
        content = domain.add_review(
            current,
            review_on=data.review_on,
            period_from=data.period_from,
            period_to=data.period_to,
            progress=data.progress,
            notes=data.notes,
            by=actor.username,
            today=uow.clock.today(),
        )
        return _change(uow, actor, plan, current, content, AuditAction.PLAN_REVIEW, None)


def set_plan_action_status(
    uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, action_id: str, data: ActionStatusIn
) -> PlanPublic:
    """Change one action's status: a new revision."""
    with uow:
        plan, current = _open(uow, actor, plan_id, data.version)
        content = domain.set_action_status(current, action_id, data.status)
        return _change(
            uow, actor, plan, current, content, AuditAction.PLAN_ACTION_STATUS, f"{action_id}: {data.status}"
        )


def close_plan(uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, data: PlanClose) -> PlanPublic:
    """Close the plan (a last revision); closing a closed plan is refused."""
    with uow:
        plan, current = _open(uow, actor, plan_id, data.version)
        content = domain.close(current, data.note)
        plan.closed_at, plan.closed_by = uow.clock.now(), actor.username
        return _change(uow, actor, plan, current, content, AuditAction.PLAN_CLOSE, data.note)


def _open(
    uow: UnitOfWork, actor: Actor, plan_id: uuid.UUID, version: int | None
) -> tuple[OutcomePlan, PlanContent]:
    require(uow, actor, Permission.PLAN_WRITE, subject_type=SUBJECT, subject_id=plan_id)
    repo = PlanRepository(uow.session)
    plan = repo.get(plan_id)
    expect_version(plan.version, version, what="plan")
    current = PlanContent.from_json(repo.revision(plan.id, plan.revision).content)
    domain.ensure_active(current)
    return plan, current


def _change(
    uow: UnitOfWork,
    actor: Actor,
    plan: OutcomePlan,
    before: PlanContent,
    content: PlanContent,
    action: AuditAction,
    note: str | None,
) -> PlanPublic:
    change = action.removeprefix("plan:")  # the revision names the change without the area
    plan.revision += 1
    plan.title, plan.status, plan.updated_at = content.title, content.status, uow.clock.now()
    _store_revision(uow, actor, plan, content, change, note)
    return _PLANS.saved(
        uow,
        actor,
        action,
        plan,
        before={"revision": plan.revision - 1, "status": before.status},
        after={"revision": plan.revision, "status": content.status},
        details={"note": note},
    )


def _store_revision(
    uow: UnitOfWork, actor: Actor, plan: OutcomePlan, content: PlanContent, change: str, note: str | None
) -> None:
    uow.session.add(
        OutcomePlanRevision(
            plan_id=plan.id,
            revision=plan.revision,
            content=content.to_json(),
            change=change,
            note=(note or "").strip() or None,
            changed_by=actor.username,
            changed_at=uow.clock.now(),
        )
    )


def get_plan(uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, revision: int | None = None) -> PlanPublic:
    """A plan as it is now, or as it was at an earlier revision, with its history."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=plan_id)
        plan = PlanRepository(uow.session).get(plan_id)
        view = _view(uow, plan, revision)
        return audit.audited_read(
            uow,
            view,
            actor=actor,
            action=AuditAction.PLAN_READ,
            subject_type=SUBJECT,
            subject_id=plan.id,
            details={"revision": view.revision},
        )


def list_plans(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[PlanPublic]:
    """A person's plans as they are now, newest first (without histories)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = PlanRepository(uow.session).for_people(merged_record_ids(uow, person_id))
        return audit.audited_read(
            uow,
            [plan_public(p, r, []) for p, r in rows],
            actor=actor,
            action=AuditAction.PLAN_LIST,
            subject_type="person",
            subject_id=person_id,
            details={"results": len(rows)},
        )


def print_plan(
    uow: UnitOfWork, *, actor: Actor, plan_id: uuid.UUID, revision: int | None = None, fmt: str = "pdf"
) -> PrintedPlan:
    """The plan (or one revision) as a PDF or plain text, for the client's copy; audited."""
    if fmt not in ("pdf", "text"):
        raise InvalidInput("format", "must be pdf or text")
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=plan_id)
        plan = PlanRepository(uow.session).get(plan_id)
        view = _view(uow, plan, revision)
        person = PeopleRepository(uow.session).get(plan.person_id)
        name = " ".join(n for n in (person.given_names, person.family_name) if n)
        now = uow.clock.now()
        blocks = audit.audited_read(
            uow,
            printing.layout(view, person_name=name, printed_at=now, printed_by=actor.username),
            actor=actor,
            action=AuditAction.PLAN_PRINT,
            subject_type=SUBJECT,
            subject_id=plan.id,
            details={"revision": view.revision, "format": fmt},
        )
    stem = f"outcome-plan-{plan.id.hex[:8]}-v{view.revision}"
    if fmt == "text":
        return PrintedPlan(
            filename=f"{stem}.txt",
            media_type="text/plain; charset=utf-8",
            content=printing.render_text(blocks).encode(),
        )
    return PrintedPlan(
        filename=f"{stem}.pdf",
        media_type="application/pdf",
        content=printing.render_pdf(blocks, created_at=now),
    )


def _view(uow: UnitOfWork, plan: OutcomePlan, revision: int | None) -> PlanPublic:
    repo = PlanRepository(uow.session)
    history = repo.revisions(plan.id)
    number = plan.revision if revision is None else revision
    chosen = next((r for r in history if r.revision == number), None)
    if chosen is None:
        chosen = repo.revision(plan.id, number)  # raises PlanNotFound
    return plan_public(plan, chosen, history)


def _current(uow: UnitOfWork, plan: OutcomePlan) -> PlanPublic:
    return _view(uow, plan, None)


_PLANS = audit.Subject(SUBJECT, _current)
