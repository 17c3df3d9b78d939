"""Appeal use cases: file, schedule the hearing, record the outcome, withdraw, read.

A varied or overturned appeal records a new decision (basis ``appeal``) that supersedes the one in
force; it carries the appealed decision's computation forward and names the panel as the body that
set the result. One transaction each, with its audit event.
"""

from __future__ import annotations

import uuid

from onestop import audit, notices
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.appeals import domain
from onestop.cases.appeals.domain import AppealOutcome, AppealStatus
from onestop.cases.appeals.models import Appeal
from onestop.cases.appeals.repository import AppealRepository
from onestop.cases.appeals.schemas import (
    AppealCreate,
    AppealDecide,
    AppealOutcomePublic,
    AppealPublic,
    AppealWithdraw,
    HearingSchedule,
)
from onestop.cases.applications import ApplicationRepository, ApplicationStatus, letters
from onestop.cases.decisions import (
    Approval,
    Basis,
    Decision,
    DecisionRepository,
    Outcome,
    prepare_copy,
    record_decision,
)
from onestop.cases.decisions.schemas import DecisionPublic
from onestop.cases.reading import read_one
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.money import to_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import merged_record_ids

SUBJECT = "appeal"
_APPEALS = audit.Subject.of_row(SUBJECT, AppealPublic.model_validate)


def file_appeal(uow: UnitOfWork, *, actor: Actor, data: AppealCreate) -> AppealPublic:
    """File an appeal of the decision in force; a late filing needs its reason."""
    with uow:
        require(uow, actor, Permission.APPEAL_WRITE, subject_type="decision", subject_id=data.decision_id)
        decision = DecisionRepository(uow.session).get(data.decision_id)
        if decision.superseded_at is not None:
            raise InvalidTransition("this decision has been superseded; appeal the decision in force")
        today = uow.clock.today()
        filed = data.filed_on or today
        # decided_at is UTC: west of UTC its date is tomorrow in the office's evening (never after today)
        if filed > today or filed < min(decision.decided_at.date(), today):
            raise InvalidInput("filed_on", "must be between the decision date and today")
        late_reason = clean_text(data.late_reason) or None
        late = domain.lateness(filed, decision.appeal_deadline, late_reason)
        repo = AppealRepository(uow.session)
        if repo.open_for_decision(decision.id) is not None:
            raise InvalidTransition("an appeal of this decision is already in progress")
        row = Appeal(
            id=new_id(),
            decision_id=decision.id,
            application_id=decision.application_id,
            person_id=decision.applicant_id,
            filed_on=filed,
            deadline=decision.appeal_deadline,
            late=late,
            late_reason=late_reason,
            grounds=required_text(data.grounds, "grounds", max_len=8000),
            status=AppealStatus.FILED.value,
            filed_by=actor.username,
            created_at=uow.clock.now(),
        )
        repo.add(row)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.APPEAL_FILE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after={"decision_id": decision.id, "filed_on": filed, "late": late, "late_reason": late_reason},
        )
        notices.queue_notice(
            uow,
            person_id=decision.applicant_id,
            kind=notices.Kind.APPEAL_RECEIVED,
            params=letters.common(decision.program, decision.jurisdiction)
            | {
                "received_on": notices.date(filed),
                "appeal_body": (decision.appeal or {}).get("body") or "-",
                "legal_source": ((decision.appeal or {}).get("source") or {}).get("section")
                or {"en": "the program's rules", "fr": "les règles du programme"},
            },
            subject_type=SUBJECT,
            subject_id=row.id,
            created_by=actor.username,
        )
        uow.commit()
        return AppealPublic.model_validate(row)


def schedule_hearing(
    uow: UnitOfWork, *, actor: Actor, appeal_id: uuid.UUID, data: HearingSchedule
) -> AppealPublic:
    """Set (or move) the hearing date and the panel."""
    with uow:
        row = _get(uow, actor, appeal_id, data.version, AppealStatus.HEARING_SCHEDULED)
        if data.hearing_on < row.filed_on:
            raise InvalidInput("hearing_on", "must not be before the appeal was filed")
        panel = [required_text(p, "panel", max_len=200) for p in data.panel]
        before = audit.fields(row, "hearing_on", "panel")
        row.status, row.hearing_on, row.panel = AppealStatus.HEARING_SCHEDULED.value, data.hearing_on, panel
        row.hearing_location = clean_text(data.location) or None
        return _APPEALS.saved(
            uow,
            actor,
            AuditAction.APPEAL_HEARING,
            row,
            before=before,
            after={"hearing_on": row.hearing_on, "panel": panel, "location": row.hearing_location},
        )


def record_outcome(
    uow: UnitOfWork, *, actor: Actor, appeal_id: uuid.UUID, data: AppealDecide
) -> AppealOutcomePublic:
    """Record the panel's outcome; varied or overturned makes a new decision superseding the one in force."""
    with uow:
        row = _get(uow, actor, appeal_id, data.version, AppealStatus.DECIDED)
        outcome = parse_enum(AppealOutcome, data.outcome, field="outcome")
        reason = required_text(data.reason, "reason", max_len=8000)
        decided_on = data.decided_on or uow.clock.today()
        if row.hearing_on is not None and decided_on < row.hearing_on:
            raise InvalidInput("decided_on", "must not be before the hearing")
        appealed = DecisionRepository(uow.session).get(row.decision_id)
        result = data.result
        resulting = domain.resulting_outcome(outcome, appealed.outcome, result.outcome if result else None)
        decision = _follow(uow, actor, row, appealed, outcome, reason, resulting, data) if resulting else None
        row.status, row.outcome, row.outcome_reason = AppealStatus.DECIDED.value, outcome.value, reason
        row.decided_on, row.recorded_by = decided_on, actor.username
        row.resulting_decision_id = decision.id if decision else None
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.APPEAL_DECIDE,
            subject_type=SUBJECT,
            subject_id=row.id,
            after={"outcome": outcome.value, "resulting_decision_id": row.resulting_decision_id},
        )
        uow.commit()
        return AppealOutcomePublic(
            appeal=AppealPublic.model_validate(row),
            decision=DecisionPublic.of(decision) if decision else None,
        )


def _follow(
    uow: UnitOfWork,
    actor: Actor,
    row: Appeal,
    appealed: Decision,
    outcome: AppealOutcome,
    reason: str,
    resulting: str,
    data: AppealDecide,
) -> Decision:
    """The decision the panel set: the appealed computation carried forward, the panel's result applied."""
    app = ApplicationRepository(uow.session).get(row.application_id, for_update=True)
    if app.status == ApplicationStatus.WITHDRAWN:
        raise InvalidTransition("the application was withdrawn")
    final = Outcome(resulting)
    given = data.result.monthly_amount if data.result else None
    cents = to_cents(given, field="result.monthly_amount") if given else None
    if final is Outcome.ELIGIBLE and cents is None:
        cents = appealed.computed_monthly_cents or None
        if cents is None:
            raise InvalidInput(
                "result.monthly_amount", "is required: the rules computed no amount to restore"
            )
    on = (data.result.effective_from if data.result else None) or appealed.effective_from
    prepared = prepare_copy(
        appealed,
        Basis.APPEAL,
        final,
        cents if final is Outcome.ELIGIBLE else 0,
        on,
        overridden=True,
        override_reason=f"appeal {outcome.value}: {reason}",
        source_type=SUBJECT,
        source_id=row.id,
    )
    panel = ", ".join(str(p) for p in row.panel or []) or "panel"
    approval = Approval(f"appeal panel ({panel})", None, uow.clock.now())
    return record_decision(uow, actor, app, prepared, approval=approval)


def withdraw_appeal(
    uow: UnitOfWork, *, actor: Actor, appeal_id: uuid.UUID, data: AppealWithdraw
) -> AppealPublic:
    """The appellant withdraws before the outcome."""
    with uow:
        reason = required_text(data.reason, "reason", max_len=4000)
        row = _get(uow, actor, appeal_id, data.version, AppealStatus.WITHDRAWN)
        row.status, row.withdrawn_reason = AppealStatus.WITHDRAWN.value, reason
        return _APPEALS.saved(uow, actor, AuditAction.APPEAL_WITHDRAW, row, details={"reason": reason})


def _get(
    uow: UnitOfWork, actor: Actor, appeal_id: uuid.UUID, version: int | None, target: AppealStatus
) -> Appeal:
    require(uow, actor, Permission.APPEAL_WRITE, subject_type=SUBJECT, subject_id=appeal_id)
    row = AppealRepository(uow.session).get(appeal_id, for_update=True)
    expect_version(row.version, version, what="appeal")
    domain.check_transition(row.status, target)
    return row


def get_appeal(uow: UnitOfWork, *, actor: Actor, appeal_id: uuid.UUID) -> AppealPublic:
    """One appeal."""
    return read_one(uow, actor, _APPEALS, AuditAction.APPEAL_READ, AppealRepository, appeal_id)


def list_appeals(
    uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID, open_only: bool = False
) -> list[AppealPublic]:
    """A person's appeals, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = AppealRepository(uow.session).for_people(
            merged_record_ids(uow, person_id), open_only=open_only
        )
        return _APPEALS.listed(uow, actor, AuditAction.APPEAL_LIST, rows, ("person", person_id))
