"""After-hours on-call: the roster (who, when, which area, what phone), and the contacts taken on call.

A contact is logged against the person as an ordinary interaction (a phone call, reason "emergency
needs"); what the on-call worker authorized (emergency shelter, food, transport) is issued through
money (``money.issue_payment``) with money's authority limits, so an amount beyond the worker's
authority waits for a second person in money's approval queue: nobody moves money alone. A handover
task goes to the person's primary worker (else the office) for the next business day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from onestop import audit, money
from onestop.access import Actor, Office, Permission, Staff, check_file, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases import interactions, tasks
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.text import required_text
from onestop.db import UnitOfWork
from onestop.money import Issuance
from onestop.partners import domain
from onestop.partners.domain import EMERGENCY_PAYMENT_TYPE, EmergencyKind
from onestop.partners.models import AfterHoursCall, AfterHoursItem, OnCallShift
from onestop.partners.repository import PartnersRepository
from onestop.partners.schemas import (
    AfterHoursCreate,
    AfterHoursPublic,
    EmergencyIn,
    EmergencyPublic,
    ShiftCreate,
    ShiftPublic,
)
from onestop.partners.worktasks import rule_task
from onestop.registry import current_record_id, merged_record_ids

ROSTER = "oncall_roster"
PERSON = "person"


def add_shift(uow: UnitOfWork, *, actor: Actor, data: ShiftCreate) -> ShiftPublic:
    """Put a staff member on the roster; putting someone else on call needs ``task:assign``."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=ROSTER)
        if data.staff_id != actor.staff_id:
            require(uow, actor, Permission.TASK_ASSIGN, subject_type=ROSTER)
        if find_active_staff(uow.session, data.staff_id) is None:
            raise InvalidInput("staff_id", f"no active staff member with id {data.staff_id}")
        if data.office_id is not None and uow.session.get(Office, data.office_id) is None:
            raise InvalidInput("office_id", f"no office with id {data.office_id}")
        _aware(data.starts_at, "starts_at")
        _aware(data.ends_at, "ends_at")
        domain.check_shift(data.starts_at, data.ends_at)
        repo = PartnersRepository(uow.session)
        clash = [
            s
            for s in repo.shifts(ending_after=data.starts_at, starting_before=data.ends_at)
            if s.staff_id == data.staff_id
        ]
        if clash:
            raise InvalidInput("starts_at", "this person is already on call during part of that time")
        row = OnCallShift(
            staff_id=data.staff_id,
            area=required_text(data.area, "area", max_len=100),
            office_id=data.office_id,
            phone=required_text(data.phone, "phone", max_len=40),
            starts_at=data.starts_at,
            ends_at=data.ends_at,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        return _SHIFTS.saved(
            uow,
            actor,
            AuditAction.ONCALL_SHIFT_CREATE,
            row,
            after=audit.fields(row, "staff_id", "area", "phone", "starts_at", "ends_at"),
        )


def roster(uow: UnitOfWork, *, actor: Actor, start: dt.datetime, end: dt.datetime) -> list[ShiftPublic]:
    """The shifts overlapping a period (e.g. the coming week), by start."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=ROSTER)
        _aware(start, "start")
        _aware(end, "end")
        if end <= start:
            raise InvalidInput("end", "must be after the start")
        rows = PartnersRepository(uow.session).shifts(ending_after=start, starting_before=end)
        return _SHIFTS.listed(uow, actor, AuditAction.ONCALL_ROSTER_READ, rows, (ROSTER, None))


def record_call(uow: UnitOfWork, *, actor: Actor, data: AfterHoursCreate) -> AfterHoursPublic:
    """Log a contact taken on call against the person, issue what was authorized through money (within
    the on-call worker's authority, else for a second person's approval), and hand it over to the
    person's worker for the next business day. One transaction: a refusal writes nothing."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=PERSON, subject_id=data.person_id)
        person_id = current_record_id(uow, data.person_id, field="person_id")
        _aware(data.received_at, "received_at")
        if data.received_at > uow.clock.now():
            raise InvalidInput("received_at", "must not be in the future")
        summary = required_text(data.summary, "summary", max_len=8000)
        repo = PartnersRepository(uow.session)
        shift = repo.shift_of(actor.staff_id, data.received_at) if actor.staff_id is not None else None
        if actor.staff_id is not None and shift is None:
            raise InvalidInput(
                "received_at", "you were not on call then: the roster has no shift of yours at that time"
            )
        if data.authorized and data.unit_id is None:
            raise InvalidInput("unit_id", "give the benefit unit the emergency payments are for")
        call_id = uuid.uuid4()
        items = [
            _issue(uow, actor, data, call_id, i, item, summary) for i, item in enumerate(data.authorized)
        ]
        authorized = "; ".join(f"{kind.value} {cents / 100:.2f}" for kind, cents, _n, _iss in items)
        contact = interactions.log_interaction(
            uow,
            actor=actor,
            data=interactions.InteractionCreate(
                channel="phone",
                reason_codes=["emergency_needs", *(["housing_shelter"] if _has(items, "shelter") else [])],
                person_id=person_id,
                occurred_at=data.received_at,
                outcome="follow_up",
                notes=f"After-hours call. {summary}" + (f" Authorized: {authorized}." if authorized else ""),
            ),
        )
        handover = _handover(uow, actor, person_id, data.received_at, summary, authorized, shift, call_id)
        row = AfterHoursCall(
            id=call_id,
            person_id=person_id,
            shift_id=shift.id if shift is not None else None,
            received_at=data.received_at,
            summary=summary,
            interaction_id=contact.id,
            handover_task_id=handover.id,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        for kind, cents, nights, issuance in items:
            uow.session.add(
                AfterHoursItem(
                    call_id=row.id,
                    kind=kind.value,
                    amount_cents=cents,
                    nights=nights,
                    issuance_id=issuance.id,
                    created_at=uow.clock.now(),
                )
            )
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _call_public(repo, row, handover.due_on),
            actor=actor,
            action=AuditAction.ONCALL_CALL_RECORD,
            subject_type=PERSON,
            subject_id=person_id,
            after={
                "received_at": row.received_at,
                "authorized": [
                    {"kind": k.value, "amount_cents": c, "issuance_id": iss.id, "state": iss.state}
                    for k, c, _n, iss in items
                ],
                "handover_task_id": handover.id,
            },
            details={"call_id": row.id, "shift_id": row.shift_id, "interaction_id": contact.id},
        )


def person_calls(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[AfterHoursPublic]:
    """A person's after-hours contacts (over merged records), newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=PERSON, subject_id=person_id)
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.calls(person_ids=merged_record_ids(uow, person_id)),
            lambda c: _call_public(repo, c),
            actor=actor,
            action=AuditAction.ONCALL_CALL_LIST,
            subject_type=PERSON,
            subject_id=person_id,
        )


def recent_calls(uow: UnitOfWork, *, actor: Actor, limit: int = 50) -> list[AfterHoursPublic]:
    """The latest contacts taken on call, for the office's morning handover."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=ROSTER)
        repo = PartnersRepository(uow.session)
        # The file guards (restricted files, conflicts of interest) leave a person's contact out.
        visible = [
            c
            for c in repo.calls(limit=max(1, min(limit, 200)))
            if check_file(uow, actor, Permission.CASE_READ, PERSON, c.person_id) is None
        ]
        return audit.audited_list(
            uow,
            visible,
            lambda c: _call_public(repo, c),
            actor=actor,
            action=AuditAction.ONCALL_CALL_LIST,
            subject_type=ROSTER,
        )


def _issue(
    uow: UnitOfWork,
    actor: Actor,
    data: AfterHoursCreate,
    call_id: uuid.UUID,
    index: int,
    item: EmergencyIn,
    summary: str,
) -> tuple[EmergencyKind, int, int | None, Issuance]:
    kind = parse_enum(EmergencyKind, item.kind, field=f"authorized[{index}].kind")
    method = parse_enum(money.PaymentMethod, item.method, field=f"authorized[{index}].method")
    assert data.unit_id is not None
    issuance = money.issue_payment(
        uow,
        actor=actor,
        data=money.IssuanceCreate(
            payment_type=money.PaymentType(EMERGENCY_PAYMENT_TYPE[kind]),
            program=item.program or data.program,
            unit_id=data.unit_id,
            payee_id=item.payee_id,
            amount=item.amount,
            method=method,
            pay_date=data.received_at.date(),
            explanation=f"After-hours on-call, {kind.value}: {summary}"[:2000],
            nights=item.nights,
            idempotency_key=f"afterhours:{call_id}:{index}",
        ),
    )
    return kind, item.amount, item.nights, issuance


def _has(items: Sequence[tuple[EmergencyKind, int, int | None, object]], kind: str) -> bool:
    return any(k.value == kind for k, *_rest in items)


def _handover(
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    received_at: dt.datetime,
    summary: str,
    authorized: str,
    shift: OnCallShift | None,
    call_id: uuid.UUID,
) -> tasks.TaskPublic:
    """The next business day's task for the person's primary worker, else the office's team."""
    return rule_task(
        uow,
        actor,
        person_id=person_id,
        title="After-hours call: handover",
        details=summary + (f"\nAuthorized on call: {authorized}." if authorized else ""),
        due_on=domain.next_business_day(max(received_at.date(), uow.clock.today())),
        source=("afterhours_call", call_id),
        fallback_staff=None,
        fallback_office=(shift.office_id if shift is not None else None) or actor.office_id,
    )


def _aware(value: dt.datetime, field: str) -> None:
    if value.tzinfo is None:
        raise InvalidInput(field, "give the time with its offset from UTC (e.g. 2026-03-01T22:15-03:30)")


def _shift_public(uow: UnitOfWork, row: OnCallShift) -> ShiftPublic:
    out = ShiftPublic.model_validate(row)
    staff = uow.session.get(Staff, row.staff_id)
    out.staff_name = (staff.display_name or staff.username) if staff is not None else ""
    return out


def _call_public(
    repo: PartnersRepository, row: AfterHoursCall, due: dt.date | None = None
) -> AfterHoursPublic:
    out = AfterHoursPublic.model_validate(row)
    out.person_name = repo.person_name(row.person_id)
    out.handover_due = due
    out.items = [
        EmergencyPublic.model_validate(item).model_copy(update={"state": state})
        for item, state in repo.call_items(row.id)
    ]
    return out


_SHIFTS = audit.Subject(ROSTER, _shift_public)


__all__ = ["add_shift", "person_calls", "recent_calls", "record_call", "roster"]
