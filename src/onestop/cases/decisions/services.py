"""Decision use cases: decide an application (with an optional override), approve or refuse an
override (maker-checker), read decisions.

Each function is one transaction with its audit event. Other sub-areas (reviews, appeals) decide
through ``decide_on_rules`` and ``record_decision`` inside their own transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.applications import (
    Application,
    ApplicationRepository,
    ApplicationStatus,
    explain_missing,
    load_case,
)
from onestop.cases.applications.domain import check_transition
from onestop.cases.decisions import domain, gaps
from onestop.cases.decisions.domain import Basis, Outcome, Prepared, RequestStatus
from onestop.cases.decisions.errors import DecisionUndetermined
from onestop.cases.decisions.models import Decision, OverrideRequest
from onestop.cases.decisions.policy import default_policy
from onestop.cases.decisions.record import Approval, override, prepare_computed, record_decision
from onestop.cases.decisions.repository import DecisionRepository
from onestop.cases.decisions.schemas import (
    DecisionCreate,
    DecisionOutcome,
    DecisionPublic,
    OverrideIn,
    OverridePublic,
    OverrideReview,
)
from onestop.cases.reading import read_one
from onestop.cases.tasks import TaskClose, TaskCreate, complete_task, create_task
from onestop.cases.vocabulary import program_packs
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.money import to_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import merged_record_ids

SUBJECT = "decision"
_DECISIONS = audit.Subject.of_row(SUBJECT, DecisionPublic.of)
_OVERRIDES = audit.Subject.of_row("override_request", OverridePublic.of)


def decide_application(uow: UnitOfWork, *, actor: Actor, data: DecisionCreate) -> DecisionOutcome:
    """Decide on the verified case: record the decision, or queue an override that needs a supervisor."""
    with uow:
        require(
            uow, actor, Permission.DECISION_MAKE, subject_type="application", subject_id=data.application_id
        )
        app = ApplicationRepository(uow.session).get(data.application_id, for_update=True)
        expect_version(app.version, data.version, what="application")
        check_transition(app.status, ApplicationStatus.DECIDED)
        if DecisionRepository(uow.session).pending_request(app.id) is not None:
            raise InvalidTransition("an override of this application is waiting for a supervisor")
        note = clean_text(data.note) or None
        if data.gap_values:
            if data.override is not None:
                raise InvalidInput("override", "decide with the entered values first; override afterwards")
            prepared = prepare_with_gaps(uow, actor, app, data)
            return DecisionOutcome(pending_override=_queue(uow, actor, app, prepared))
        prepared = prepare_on_rules(
            uow, app, data.effective_from, Basis.APPLICATION, note=note, payment_method=data.payment_method
        )
        if data.override is not None:
            require(uow, actor, Permission.DECISION_OVERRIDE, subject_type="application", subject_id=app.id)
            prepared = _overridden(prepared, data.override)
            if prepared.approval_required:
                return DecisionOutcome(pending_override=_queue(uow, actor, app, prepared))
        row = record_decision(uow, actor, app, prepared)
        uow.commit()
        return DecisionOutcome(decision=DecisionPublic.of(row))


def prepare_on_rules(
    uow: UnitOfWork, app: Application, effective_from: dt.date | None, basis: Basis, **extra: object
) -> Prepared:
    """Inside a caller's transaction: evaluate the verified case; an undetermined result is refused."""
    previous = DecisionRepository(uow.session).current(app.id)
    on = effective_from or (uow.clock.today() if previous else app.received_on)
    if previous is not None and on < previous.effective_from:
        raise InvalidInput(
            "effective_from", f"must not be before the decision in force ({previous.effective_from})"
        )
    loaded = load_case(uow, app, on)
    result = loaded.result
    if result.status == "undetermined":
        raise DecisionUndetermined(
            explain_missing(result.missing.inputs, loaded.data.unverified), result.missing.parameters
        )
    return prepare_computed(app, loaded, on, basis, **extra)


def prepare_with_gaps(uow: UnitOfWork, actor: Actor, app: Application, data: DecisionCreate) -> Prepared:
    """The decision with the officer's values for what the published policy lacks; waits for a supervisor."""
    previous = DecisionRepository(uow.session).current(app.id)
    on = data.effective_from or (uow.clock.today() if previous else app.received_on)
    loaded = load_case(uow, app, on)
    missing = loaded.result.missing
    if loaded.result.status != "undetermined" or not missing.parameters:
        raise InvalidInput("gap_values", "the published policy gives every value this decision needs")
    if missing.inputs:
        raise DecisionUndetermined(explain_missing(missing.inputs, loaded.data.unverified), [])
    pack, _program = program_packs.program_of(app.program)
    entered = gaps.entered_overlays(
        pack, app.program, on, data.gap_values, missing.parameters, actor.username
    )
    loaded = gaps.decide_with(loaded, pack, app.program, entered)
    result = loaded.result
    if result.status == "undetermined":
        raise DecisionUndetermined(
            explain_missing(result.missing.inputs, loaded.data.unverified), result.missing.parameters
        )
    note = clean_text(data.note) or None
    prepared = prepare_computed(
        app, loaded, on, Basis.APPLICATION, note=note, payment_method=data.payment_method
    )
    values = gaps.recorded(entered, [g.value for g in data.gap_values], pack, actor.username)
    explanation = dict(prepared.explanation)
    explanation["officer_values"] = values
    explanation["engine_text"] = {
        lang: text.rstrip("\n") + "\n" + gaps.lines(values, lang)
        for lang, text in prepared.explanation["engine_text"].items()
    }
    return dataclasses.replace(
        prepared,
        explanation=explanation,
        approval_required=True,
        override_reason=gaps.lines(values, "en"),
    )


def _overridden(prepared: Prepared, data: OverrideIn) -> Prepared:
    reason = required_text(data.reason, "override.reason", max_len=4000)
    outcome = Outcome(data.outcome)
    cents = to_cents(data.monthly_amount, field="override.monthly_amount") if data.monthly_amount else None
    computed = Outcome(prepared.outcome)
    domain.check_override(computed, prepared.computed_monthly_cents, outcome, cents)
    approval = domain.override_needs_approval(
        default_policy().override, computed, prepared.computed_monthly_cents, outcome, cents
    )
    return override(prepared, outcome, cents, reason, approval)


def _queue(uow: UnitOfWork, actor: Actor, app: Application, prepared: Prepared) -> OverridePublic:
    """Keep the override as proposed, with a task for the supervisors of the officer's office."""
    reason = prepared.override_reason or ""
    office = actor.office_id or app.office_id
    row = OverrideRequest(
        id=new_id(),
        application_id=app.id,
        office_id=office,
        status=RequestStatus.PENDING.value,
        proposed=prepared.to_payload(),
        reason=reason,
        requested_by=actor.username,
        requested_by_id=actor.staff_id,
        created_at=uow.clock.now(),
    )
    DecisionRepository(uow.session).add(row)
    uow.flush()
    if office is not None and (office == actor.office_id or actor.can(Permission.TASK_ASSIGN)):
        data = TaskCreate(
            kind="approval",
            title=f"Approve override: {app.program}",
            details=reason[:4000],
            person_id=app.applicant_id,
            due_on=uow.clock.today(),
            priority="high",
            office_id=row.office_id,
            source_type="override_request",
            source_id=row.id,
        )
        task = create_task(uow, actor=actor, data=data)
        row.task_id = task.id
        uow.flush()
    return audit.audited_write(
        uow,
        lambda: OverridePublic.of(row),
        actor=actor,
        action=AuditAction.DECISION_OVERRIDE_REQUEST,
        subject_type="application",
        subject_id=app.id,
        after={
            "request_id": row.id,
            "outcome": prepared.outcome,
            "monthly_amount_cents": prepared.monthly_amount_cents,
            "computed_status": prepared.computed_status,
            "reason": reason,
        },
    )


def approve_override(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: OverrideReview
) -> DecisionPublic:
    """A supervisor other than the maker approves: the decision is recorded as proposed, approver named."""
    with uow:
        require(
            uow, actor, Permission.DECISION_APPROVE, subject_type="override_request", subject_id=request_id
        )
        row, app = _pending(uow, actor, request_id, data)
        now = uow.clock.now()
        prepared = Prepared.from_payload(row.proposed)
        approval = Approval(actor.username, actor.staff_id, now)
        maker = (row.requested_by, row.requested_by_id)
        decision = record_decision(uow, actor, app, prepared, approval=approval, maker=maker)
        row.status, row.decided_by, row.decided_by_id, row.decided_at = (
            "approved",
            actor.username,
            actor.staff_id,
            now,
        )
        row.decision_id = decision.id
        _close_task(uow, actor, row, clean_text(data.reason) or "override approved")
        return audit.audited_write(
            uow,
            lambda: DecisionPublic.of(decision),
            actor=actor,
            action=AuditAction.DECISION_OVERRIDE_APPROVE,
            subject_type="override_request",
            subject_id=row.id,
            details={"decision_id": decision.id, "maker": row.requested_by},
        )


def refuse_override(
    uow: UnitOfWork, *, actor: Actor, request_id: uuid.UUID, data: OverrideReview
) -> OverridePublic:
    """A supervisor refuses the override (reason required); the application waits for a new decision."""
    with uow:
        require(
            uow, actor, Permission.DECISION_APPROVE, subject_type="override_request", subject_id=request_id
        )
        reason = required_text(data.reason, "reason", max_len=4000)
        row, _app = _pending(uow, actor, request_id, data)
        row.status, row.refusal_reason = "refused", reason
        row.decided_by, row.decided_by_id, row.decided_at = actor.username, actor.staff_id, uow.clock.now()
        uow.flush()
        _close_task(uow, actor, row, f"override refused: {reason}")
        return _OVERRIDES.saved(
            uow,
            actor,
            AuditAction.DECISION_OVERRIDE_REFUSE,
            row,
            details={"reason": reason, "maker": row.requested_by},
        )


def _pending(
    uow: UnitOfWork, actor: Actor, request_id: uuid.UUID, data: OverrideReview
) -> tuple[OverrideRequest, Application]:
    row = DecisionRepository(uow.session).get_request(request_id, for_update=True)
    expect_version(row.version, data.version, what="override request")
    domain.check_pending(row.status)
    domain.check_checker(row.requested_by_id, row.requested_by, actor.staff_id, actor.username)
    app = ApplicationRepository(uow.session).get(row.application_id, for_update=True)
    check_transition(app.status, ApplicationStatus.DECIDED)
    return row, app


def _close_task(uow: UnitOfWork, actor: Actor, row: OverrideRequest, note: str) -> None:
    if row.task_id is not None:
        complete_task(uow, actor=actor, task_id=row.task_id, data=TaskClose(note=note[:4000]))


def list_override_requests(
    uow: UnitOfWork, *, actor: Actor, office_id: uuid.UUID | None = None
) -> list[OverridePublic]:
    """Overrides waiting for a supervisor (an office's, or every office's)."""
    with uow:
        require(uow, actor, Permission.DECISION_APPROVE, subject_type="override_request")
        rows = DecisionRepository(uow.session).pending_requests(office_id)
        return audit.audited_read(
            uow,
            [OverridePublic.of(r) for r in rows],
            actor=actor,
            action=AuditAction.DECISION_OVERRIDE_LIST,
            subject_type="override_request",
            subject_id=None,
            details={"office_id": office_id, "results": len(rows)},
        )


def get_decision(uow: UnitOfWork, *, actor: Actor, decision_id: uuid.UUID) -> DecisionPublic:
    """One decision with its explanation (audited read)."""
    return read_one(uow, actor, _DECISIONS, AuditAction.DECISION_READ, DecisionRepository, decision_id)


def list_decisions(
    uow: UnitOfWork,
    *,
    actor: Actor,
    application_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
) -> list[DecisionPublic]:
    """An application's decisions (newest first), or the decisions in force for a person."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        repo = DecisionRepository(uow.session)
        if application_id is not None:
            rows: list[Decision] = repo.for_application(
                ApplicationRepository(uow.session).get(application_id).id
            )
        elif person_id is not None:
            rows = repo.current_for_people(merged_record_ids(uow, person_id))
        else:
            raise InvalidInput("application_id", "give an application or a person")
        return _DECISIONS.listed(
            uow,
            actor,
            AuditAction.DECISION_LIST,
            rows,
            ("application" if application_id else "person", application_id or person_id),
        )


def current_decision(uow: UnitOfWork, application_id: uuid.UUID) -> Decision | None:
    """Inside a caller's transaction: the decision in force for an application."""
    return DecisionRepository(uow.session).current(application_id)
