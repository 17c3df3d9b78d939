"""Coverage use cases: coverage periods from decisions, ending, renewing, restrictions; MCP registration;
a person's whole health file. One transaction each, with its audit event.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.decisions import DecisionRepository
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.health import domain, terms
from onestop.health.changes import to_change
from onestop.health.domain import CoverageStatus, McpStatus, Plan, RestrictionKind
from onestop.health.errors import NoCoverage
from onestop.health.models import (
    CopayCosting,
    Coverage,
    DrugCard,
    HealthClaim,
    McpRegistration,
    SeniorClaim,
    SpecialAuthorization,
    Travel,
)
from onestop.health.repository import HealthRepository
from onestop.health.schemas import (
    AuthorizationPublic,
    CardPublic,
    ClaimPublic,
    CopayPublic,
    CoverageChange,
    CoverageEnd,
    CoverageFromDecision,
    CoveragePublic,
    CoverageRenew,
    HealthFile,
    McpPublic,
    McpRecord,
    RestrictionAdd,
    RestrictionRemove,
    SeniorClaimPublic,
    TravelPublic,
)
from onestop.registry import domain as registry_domain
from onestop.registry import intake, merged_record_ids

SUBJECT = "health_coverage"
_COVERAGES = audit.Subject.of_row(SUBJECT, CoveragePublic.model_validate)


def apply_decision(uow: UnitOfWork, *, actor: Actor, data: CoverageFromDecision) -> CoverageChange:
    """An eligible decision starts the plan's coverage (ending any earlier period of that plan the day
    before); an ineligible one ends it the day before the decision takes effect."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="decision", subject_id=data.decision_id)
        decision = DecisionRepository(uow.session).get(data.decision_id)
        if decision.superseded_at is not None:
            raise InvalidTransition("this decision has been superseded; use the decision in force")
        plan = terms.plan_for_program(decision.program)
        after_work = _after_work_months(decision.program, decision.outcome) if data.left_for_work else None
        repo = HealthRepository(uow.session)
        start = decision.effective_from
        people = [decision.applicant_id]
        if data.household:
            people = repo.unit_members(decision.unit_id, start) or people
        started, ended = [], []
        for person_id in people:
            for row in repo.active_coverage([person_id], plan.value):
                if row.decision_id == decision.id:
                    raise InvalidTransition("coverage from this decision is already recorded")
                last = max(row.start_on, start - dt.timedelta(days=1))
                if row.end_on is None or row.end_on > last:
                    row.end_on = last
                row.status, row.ended_by = CoverageStatus.ENDED.value, actor.username
                row.end_reason = f"followed by decision {decision.id} ({decision.outcome})"
                ended.append(row)
                if after_work is not None:
                    row.end_reason += f"; left for work: coverage continues {after_work} months"
                    uow.flush()  # the partial unique index: one active period per person and plan
                    last_day = domain.add_months(start, after_work) - dt.timedelta(days=1)
                    started.append(
                        new_period(
                            uow, actor, person_id, plan, decision.program, decision.id, start, row, last_day
                        )
                    )
            if decision.outcome == "eligible":
                started.append(
                    new_period(uow, actor, person_id, plan, decision.program, decision.id, start, None)
                )
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.COVERAGE_FROM_DECISION,
            subject_type="decision",
            subject_id=decision.id,
            after={
                "plan": plan.value,
                "started": [r.id for r in started],
                "ended": [r.id for r in ended],
                "left_for_work_months": after_work,
            },
        )
        uow.commit()
        return CoverageChange(
            started=[CoveragePublic.model_validate(r) for r in started],
            ended=[CoveragePublic.model_validate(r) for r in ended],
        )


def _after_work_months(program: str, outcome: str) -> int:
    """How long coverage goes on after leaving ``program`` for work; refused when it does not apply."""
    months = terms.after_work_months(program)
    if months is None:
        raise InvalidInput("left_for_work", f"coverage does not continue after leaving {program} for work")
    if outcome != "ineligible":
        raise InvalidInput(
            "left_for_work", f"applies to a decision that ends the benefit, not one that is {outcome}"
        )
    return months


def new_period(
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    plan: Plan,
    program: str,
    decision_id: uuid.UUID | None,
    start: dt.date,
    renews: Coverage | None,
    end_on: dt.date | None = None,
) -> Coverage:
    """A new active period; it ends ``end_on`` when given, else by the plan's reassessment months."""
    row = Coverage(
        id=new_id(),
        person_id=person_id,
        plan=plan.value,
        program=program,
        decision_id=decision_id,
        start_on=start,
        end_on=end_on or domain.period_end(start, terms.reassessment_months(plan)),
        status=CoverageStatus.ACTIVE.value,
        copay_terms=terms.terms_summary(plan, start),
        restrictions=list(renews.restrictions) if renews else [],
        renews_id=renews.id if renews else None,
        created_by=actor.username,
        created_at=uow.clock.now(),
    )
    HealthRepository(uow.session).add(row)
    return row


def end_coverage(
    uow: UnitOfWork, *, actor: Actor, coverage_id: uuid.UUID, data: CoverageEnd
) -> CoveragePublic:
    """End an active period on a date (a change of circumstance, a move out of province...)."""
    with uow:
        reason = required_text(data.reason, "reason")
        row = _active(uow, actor, coverage_id, data.version)
        if data.end_on < row.start_on:
            raise InvalidInput("end_on", f"must not be before the period starts ({row.start_on.isoformat()})")
        before = audit.fields(row, "end_on", "status")
        row.end_on, row.status, row.end_reason, row.ended_by = (
            data.end_on,
            CoverageStatus.ENDED.value,
            reason,
            actor.username,
        )
        return _COVERAGES.saved(
            uow,
            actor,
            AuditAction.COVERAGE_END,
            row,
            before=before,
            after={"end_on": row.end_on, "reason": reason},
        )


def renew_coverage(
    uow: UnitOfWork, *, actor: Actor, coverage_id: uuid.UUID, data: CoverageRenew
) -> CoveragePublic:
    """Renew at review: this period ends, a new one of the same plan follows with its restrictions."""
    with uow:
        reason = required_text(data.reason, "reason")
        row = _active(uow, actor, coverage_id, data.version)
        start = data.start_on or ((row.end_on + dt.timedelta(days=1)) if row.end_on else uow.clock.today())
        if start <= row.start_on:
            raise InvalidInput(
                "start_on", f"must be after the current period starts ({row.start_on.isoformat()})"
            )
        row.end_on = start - dt.timedelta(days=1)
        row.status, row.end_reason, row.ended_by = (
            CoverageStatus.ENDED.value,
            f"renewed: {reason}",
            actor.username,
        )
        uow.flush()
        new = new_period(uow, actor, row.person_id, Plan(row.plan), row.program, row.decision_id, start, row)
        return _COVERAGES.saved(
            uow,
            actor,
            AuditAction.COVERAGE_RENEW,
            new,
            after={"renews_id": row.id, "start_on": new.start_on, "end_on": new.end_on, "reason": reason},
        )


def add_restriction(
    uow: UnitOfWork, *, actor: Actor, coverage_id: uuid.UUID, data: RestrictionAdd
) -> CoveragePublic:
    """Restrict coverage to protect proper use of drugs; what the client was told is kept with it."""
    with uow:
        kind = parse_enum(RestrictionKind, data.kind, field="kind")
        value = required_text(data.value, "value", max_len=200)
        told = required_text(data.explained_to_client, "explained_to_client")
        row = _active(uow, actor, coverage_id, data.version)
        item = {
            "id": str(new_id()),
            "kind": kind.value,
            "value": value,
            "explained_to_client": told,
            "added_on": uow.clock.today().isoformat(),
            "added_by": actor.username,
        }
        row.restrictions = [*row.restrictions, item]
        return _COVERAGES.saved(
            uow,
            actor,
            AuditAction.COVERAGE_RESTRICT,
            row,
            after={"restriction": {"kind": kind.value, "id": item["id"]}},
        )


def remove_restriction(
    uow: UnitOfWork, *, actor: Actor, coverage_id: uuid.UUID, data: RestrictionRemove
) -> CoveragePublic:
    """Lift a restriction; it stays on the record with when, who and why."""
    with uow:
        reason = required_text(data.reason, "reason")
        row = _active(uow, actor, coverage_id, data.version)
        items: list[Any] = []
        found = False
        for item in row.restrictions:
            if item["id"] == data.restriction_id and not item.get("removed_on"):
                item = {
                    **item,
                    "removed_on": uow.clock.today().isoformat(),
                    "removed_by": actor.username,
                    "removed_reason": reason,
                }
                found = True
            items.append(item)
        if not found:
            raise InvalidInput("restriction_id", "no restriction in force with that id on this coverage")
        row.restrictions = items
        return _COVERAGES.saved(
            uow,
            actor,
            AuditAction.COVERAGE_UNRESTRICT,
            row,
            after={"restriction_id": data.restriction_id, "reason": reason},
        )


def _active(uow: UnitOfWork, actor: Actor, coverage_id: uuid.UUID, version: int | None) -> Coverage:
    row = to_change(uow, actor, Coverage, coverage_id, version, SUBJECT)
    if row.status != CoverageStatus.ACTIVE:
        raise InvalidTransition("this coverage period has ended")
    return row


def record_mcp(uow: UnitOfWork, *, actor: Actor, data: McpRecord) -> McpPublic:
    """Record MCP registration: a status and, when known, the 12-digit number (encrypted, shown masked)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        status = parse_enum(McpStatus, data.status, field="status")
        ids = merged_record_ids(uow, data.person_id)
        cols: dict[str, Any] = {}
        if data.number:
            number = registry_domain.health_number("NL", data.number, field="number")
            row_cols = intake.health_row(uow.cipher, number)
            cols = {k: row_cols[k] for k in ("ciphertext", "blind_index", "masked")}
        elif status is McpStatus.REGISTERED:
            raise InvalidInput("number", "is required for a registered person (the 12-digit MCP number)")
        if data.valid_from and data.valid_to and data.valid_to < data.valid_from:
            raise InvalidInput("valid_to", "must not be before valid_from")
        row = McpRegistration(
            id=new_id(),
            person_id=ids[0],
            status=status.value,
            valid_from=data.valid_from,
            valid_to=data.valid_to,
            note=clean_text(data.note) or None,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
            **cols,
        )
        HealthRepository(uow.session).add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: McpPublic.model_validate(row),
            actor=actor,
            action=AuditAction.MCP_RECORD,
            subject_type="person",
            subject_id=ids[0],
            after={"status": status.value, "masked": row.masked, "valid_to": row.valid_to},
        )


def health_file(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> HealthFile:
    """A person's coverage (current and past), MCP, cards, authorizations, co-pays and claims."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type="person", subject_id=person_id)
        ids = merged_record_ids(uow, person_id)
        out = build_file(HealthRepository(uow.session), ids, uow.clock.today())
        return audit.audited_read(
            uow,
            out,
            actor=actor,
            action=AuditAction.HEALTH_READ,
            subject_type="person",
            subject_id=person_id,
            details={"coverage": len(out.current) + len(out.past)},
        )


def build_file(repo: HealthRepository, ids: list[uuid.UUID], today: dt.date) -> HealthFile:
    """The file without access checks (callers check and audit)."""
    periods = repo.for_people(Coverage, ids)
    current = [p for p in periods if p.end_on is None or p.end_on >= today]  # ended from a later day too
    past = [p for p in periods if p not in current]
    return HealthFile(
        current=[CoveragePublic.model_validate(p) for p in sorted(current, key=lambda p: p.start_on)],
        past=[CoveragePublic.model_validate(p) for p in sorted(past, key=lambda p: p.start_on, reverse=True)],
        mcp=[McpPublic.model_validate(r) for r in repo.for_people(McpRegistration, ids)],
        cards=[CardPublic.of(r) for r in repo.for_people(DrugCard, ids)],
        authorizations=[
            AuthorizationPublic.model_validate(r) for r in repo.for_people(SpecialAuthorization, ids)
        ],
        copays=[CopayPublic.of(r) for r in repo.for_people(CopayCosting, ids)],
        claims=[ClaimPublic.of(r) for r in repo.for_people(HealthClaim, ids)],
        senior_claims=[SeniorClaimPublic.model_validate(r) for r in repo.for_people(SeniorClaim, ids)],
        travel=[TravelPublic.of(r) for r in repo.for_people(Travel, ids)],
    )


def covering(
    uow: UnitOfWork, person_id: uuid.UUID, on: dt.date, *, what: str
) -> tuple[list[uuid.UUID], Coverage]:
    """The person's ids and the coverage in force on ``on``; refused (422) naming what needed it."""
    ids = merged_record_ids(uow, person_id)
    row = HealthRepository(uow.session).coverage_on(ids, on)
    if row is None:
        raise NoCoverage(f"has no drug coverage in force on {on.isoformat()}; {what} needs it")
    return ids, row
