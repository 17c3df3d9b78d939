"""Preparing and writing a decision: the one place a ``Decision`` row is created.

``prepare_*`` build what the decision will say (pure, from an evaluation or from an earlier
decision); ``record_decision`` writes it inside the caller's transaction: supersedes the previous
decision, sets the application decided, creates or changes the entitlement, schedules the next
review, and audits ``decision:create``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from onestop import audit
from onestop.access import Actor
from onestop.audit import AuditAction
from onestop.cases.applications import Application, LoadedCase
from onestop.cases.applications.domain import ApplicationStatus
from onestop.cases.decisions import benefits, letters, notice
from onestop.cases.decisions.domain import Action, Basis, Outcome, Prepared, Previous, action_for, is_adverse
from onestop.cases.decisions.models import Decision
from onestop.cases.decisions.policy import DecisionPolicy, default_policy
from onestop.cases.decisions.repository import DecisionRepository
from onestop.cases.vocabulary import program_packs
from onestop.common.ids import new_id
from onestop.common.money import format_cents
from onestop.db import UnitOfWork
from onestop.jurisdictions import load_catalogue
from onestop.rules import render_result

#: A step that runs inside the deciding transaction once the decision is written (reviews: cancel the
#: waiting periodic review, schedule the next). Reviews build on decisions, so they plug their step in
#: rather than decisions importing reviews; ``onestop.cases`` does it when case work is first imported.
AfterDecision = Callable[[UnitOfWork, Actor, Application, Decision], object]
_after_recording: list[AfterDecision] = []


def after_recording(step: AfterDecision) -> None:
    """Plug in a step that follows every recorded decision in the same transaction (once each)."""
    if step not in _after_recording:
        _after_recording.append(step)


def prepare_computed(
    app: Application, loaded: LoadedCase, on: dt.date, basis: Basis, **extra: Any
) -> Prepared:
    """A decision that follows the rules' result on the verified case."""
    result = loaded.result
    pack, _program = program_packs.program_of(app.program)
    wire = result.to_dict("en", explain=True)
    explanation = {
        "result": wire,
        "reasons_fr": result.reasons("fr"),
        "label": {"en": result.program.label("en"), "fr": result.program.label("fr")},
        "engine_text": {lang: "\n".join(render_result(result, lang)) for lang in ("en", "fr")},
        "unverified": loaded.data.unverified,
        "ignored": loaded.data.ignored,
        # the approved parameter overlays of this program in force when it was decided (replay uses them)
        "parameter_overlays": [o.id for o in pack.overlays if o.parameter.startswith(app.program + ".")],
    }
    cents = result.monthly_amount
    return Prepared(
        basis=basis,
        effective_from=on,
        outcome=Outcome(result.status),
        monthly_amount_cents=cents,
        computed_status=result.status,
        computed_monthly_cents=cents,
        amounts=wire["amounts"],
        case_data=loaded.data.mapping,
        provenance=loaded.data.provenance,
        explanation=explanation,
        parameters=wire["explanation"]["parameters"],
        rules_version=pack.version,
        program_version=pack.program_version(app.program),
        **extra,
    )


def prepare_copy(
    previous: Decision, basis: Basis, outcome: Outcome, monthly: int | None, on: dt.date, **extra: Any
) -> Prepared:
    """A decision that carries an earlier one's computation forward (suspension, reinstatement, appeal)."""
    return Prepared(
        basis=basis,
        effective_from=on,
        outcome=outcome,
        monthly_amount_cents=monthly,
        computed_status=previous.computed_status,
        computed_monthly_cents=previous.computed_monthly_cents,
        amounts=previous.amounts,
        case_data=previous.case_data,
        provenance=previous.provenance,
        explanation=previous.explanation | {"carried_from": str(previous.id)},
        parameters=previous.parameters,
        rules_version=previous.rules_version,
        program_version=previous.program_version,
        **extra,
    )


def override(
    prepared: Prepared, outcome: Outcome, monthly: int | None, reason: str, approval: bool
) -> Prepared:
    """The same decision with the officer's override applied (the computed result stays beside it)."""
    return dataclasses.replace(
        prepared,
        outcome=outcome,
        monthly_amount_cents=monthly if outcome is Outcome.ELIGIBLE else 0,
        overridden=True,
        override_reason=reason,
        approval_required=approval,
    )


@dataclass(frozen=True)
class Approval:
    """Who approved an override (or which body decided, for an appeal)."""

    by: str
    by_id: uuid.UUID | None
    at: dt.datetime


def record_decision(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    prepared: Prepared,
    *,
    approval: Approval | None = None,
    maker: tuple[str, uuid.UUID | None] | None = None,
    policy: DecisionPolicy | None = None,
) -> Decision:
    """Inside a caller's transaction: write the decision and everything that follows from it.

    ``maker`` names the officer who decided when someone else (the approving supervisor) records it.
    """
    policy = policy or default_policy()
    repo = DecisionRepository(uow.session)
    previous = repo.current(app.id)
    prev = Previous(Outcome(previous.outcome), previous.monthly_amount_cents) if previous else None
    action = action_for(prev, prepared.outcome, prepared.monthly_amount_cents, prepared.basis)
    now, today = uow.clock.now(), uow.clock.today()
    appeal = policy.appeal_rule(app.program, app.jurisdiction).notice(today)
    adverse = is_adverse(action, prev, prepared.monthly_amount_cents)
    catalogue = load_catalogue(app.jurisdiction)
    help_ = (
        notice.alternatives(catalogue, app.program, policy.alternatives_tags, policy.alternatives_max)
        if adverse
        else []
    )
    decision_id = new_id()
    planned = benefits.plan(uow, actor, app, prepared, policy.how_paid(app.program))
    row = Decision(
        id=decision_id,
        application_id=app.id,
        seq=repo.next_seq(app.id),
        program=app.program,
        jurisdiction=app.jurisdiction,
        unit_id=app.unit_id,
        applicant_id=app.applicant_id,
        basis=prepared.basis.value,
        source_type=prepared.source_type,
        source_id=prepared.source_id,
        action=action.value,
        outcome=prepared.outcome.value,
        effective_from=prepared.effective_from,
        monthly_amount_cents=prepared.monthly_amount_cents,
        computed_status=prepared.computed_status,
        computed_monthly_cents=prepared.computed_monthly_cents,
        amounts=prepared.amounts,
        case_data=prepared.case_data,
        provenance=prepared.provenance,
        explanation=prepared.explanation,
        parameters=prepared.parameters,
        text_en="",
        text_fr="",
        rules_version=prepared.rules_version,
        program_version=prepared.program_version,
        overridden=prepared.overridden,
        override_reason=prepared.override_reason,
        approval_required=prepared.approval_required,
        approved_by=approval.by if approval else None,
        approved_by_id=approval.by_id if approval else None,
        approved_at=approval.at if approval else None,
        appeal_deadline=dt.date.fromisoformat(appeal["deadline"]),
        appeal=appeal,
        alternatives=help_,
        entitlement_id=planned.entitlement_id,
        note=prepared.note,
        decided_by=maker[0] if maker else actor.username,
        decided_by_id=maker[1] if maker else actor.staff_id,
        decided_at=now,
        supersedes_id=previous.id if previous else None,
    )
    row.text_en, row.text_fr = (_text(row, lang) for lang in ("en", "fr"))
    _supersede(uow, repo, previous, row, now)
    # The decision is stored first: the money it implies points at it by foreign key.
    benefits.sync(uow, actor, app, prepared, action, decision_id, planned)
    app.status, app.status_changed_at = ApplicationStatus.DECIDED.value, now
    uow.flush()
    for step in _after_recording:
        step(uow, actor, app, row)
    audit.record(
        uow,
        actor=actor,
        action=AuditAction.DECISION_CREATE,
        subject_type="decision",
        subject_id=row.id,
        after=snapshot(row),
        details={"application_id": app.id, "supersedes": row.supersedes_id},
    )
    letters.queue_decision_letter(uow, actor, row, previous)
    return row


def _supersede(
    uow: UnitOfWork, repo: DecisionRepository, previous: Decision | None, row: Decision, now: dt.datetime
) -> None:
    """Mark the old decision superseded (leaving the 'current' index), insert the new one, link them."""
    if previous is not None:
        previous.superseded_at = now
        uow.flush()
    repo.add(row)
    uow.flush()
    if previous is not None:
        previous.superseded_by_id = row.id
        uow.flush()


def _text(row: Decision, lang: str) -> str:
    head = {
        "seq": row.seq,
        "label": row.explanation.get("label", {"en": row.program, "fr": row.program}),
        "outcome": row.outcome,
        "action": row.action,
        "effective_from": row.effective_from.isoformat(),
        "monthly_amount_cents": row.monthly_amount_cents,
        "overridden": row.overridden,
        "computed_status": row.computed_status,
        "computed_monthly_cents": row.computed_monthly_cents,
        "override_reason": row.override_reason,
        "approved_by": row.approved_by,
        "note": row.note,
    }
    engine = row.explanation.get("engine_text", {}).get(lang, "")
    return notice.text(lang, head, engine, row.appeal, row.alternatives)


def snapshot(row: Decision) -> dict[str, Any]:
    """The audit view of a decision."""
    cents = row.monthly_amount_cents
    return {
        "program": row.program,
        "seq": row.seq,
        "basis": row.basis,
        "action": row.action,
        "outcome": row.outcome,
        "monthly_amount": format_cents(cents) if cents is not None else None,
        "effective_from": row.effective_from,
        "computed_status": row.computed_status,
        "overridden": row.overridden,
        "override_reason": row.override_reason,
        "approved_by": row.approved_by,
        "rules_version": row.rules_version,
        "entitlement_id": row.entitlement_id,
    }


__all__ = [
    "Action",
    "AfterDecision",
    "Approval",
    "Prepared",
    "after_recording",
    "override",
    "prepare_computed",
    "prepare_copy",
    "record_decision",
]
