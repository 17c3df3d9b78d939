"""Overpayments: set up (reassessment, investigation, by hand), notified, then recovered by deduction
from future benefits (capped), by repayment, or written off with a supervisor's approval.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Sequence
from decimal import Decimal
from importlib import resources

import yaml

from onestop import audit, notices
from onestop.access import Actor, Permission, Role, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.ledger import domain as postings
from onestop.money.ledger import services as ledger
from onestop.money.models import ApprovalRequest, Overpayment, Recovery
from onestop.money.schemas import (
    ApprovalPublic,
    OverpaymentCreate,
    OverpaymentPublic,
    Repayment,
    WriteOffRequest,
)

SOURCES = ("reassessment", "investigation", "manual")

OVERPAYMENT: support.Recorded[Overpayment] = support.Recorded(
    "overpayment", "unit_id", "program", "amount_cents", "balance_cents", "state", "source"
)


@functools.cache
def payment_settings() -> dict[str, object]:
    """``config/payments.yaml``: recovery cap, debtor account, first cheque number."""
    text = resources.files("onestop.money").joinpath("config/payments.yaml").read_text(encoding="utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


def recovery_cap_share() -> Decimal:
    """The configured share of each benefit payment that recovery may withhold."""
    share = Decimal(str(payment_settings()["recovery_cap_share"]))
    if not Decimal(0) <= share <= Decimal(1):
        raise InvalidInput("recovery_cap_share", "must be between 0 and 1")
    return share


def open_overpayment(
    uow: UnitOfWork,
    *,
    actor: Actor,
    unit_id: uuid.UUID,
    program: str,
    amount_cents: int,
    source: str,
    reason: str,
    key: str,
    entitlement_id: uuid.UUID | None = None,
    period_start: dt.date | None = None,
) -> Overpayment:
    """Inside a caller's transaction: record the overpayment, post it and queue the notice."""
    existing = repository.find_overpayment_by_key(uow.session, key)
    if existing is not None:
        return existing
    op = Overpayment(
        idempotency_key=key,
        unit_id=unit_id,
        program=program,
        amount_cents=amount_cents,
        balance_cents=amount_cents,
        source=source,
        reason=reason,
        entitlement_id=entitlement_id,
        period_start=period_start,
        state="open",
        created_by=actor.username,
        created_at=uow.clock.now(),
    )
    uow.session.add(op)
    uow.flush()
    ledger.post(
        uow,
        kind="overpayment",
        ref=op.id,
        memo=reason,
        posted_by=actor.username,
        lines=postings.overpayment_lines(unit_id, program, amount_cents),
    )
    support.add_notice(
        uow,
        kind="overpayment:notice",
        unit_id=unit_id,
        subject_type="overpayment",
        subject_id=op.id,
        payload={"amount_cents": amount_cents, "program": program, "reason": reason},
    )
    notices.queue_for_unit(  # the letter itself (money_notice stays as money's own record)
        uow,
        unit_id=unit_id,
        kind=notices.Kind.OVERPAYMENT,
        params=overpayment_letter(program, amount_cents, reason),
        subject_type="overpayment",
        subject_id=op.id,
        created_by=actor.username,
    )
    return op


def overpayment_letter(program: str, amount_cents: int, reason: str) -> dict[str, object]:
    """What the overpayment letter says: amount, why, how it is recovered (disputing is in the text)."""
    share = recovery_cap_share() * 100
    return {
        "program": program.replace("-", " "),
        "amount": notices.money(amount_cents),
        "reason": reason,
        "recovery": {
            "en": f"We will take a small part of your next payments, at most {share:.0f}% of each one.",
            "fr": f"Nous allons retenir une partie de vos prochains paiements, au plus {share:.0f} % chacun.",
        },
        "legal_source": {
            "en": "the program's rules on overpayments",
            "fr": "les règles du programme sur les trop-payés",
        },
        "office_phone": "1-800-555-0100",
    }


def create_overpayment(
    uow: UnitOfWork,
    *,
    actor: Actor,
    data: OverpaymentCreate,
) -> OverpaymentPublic:
    """Set up an overpayment by hand (after an investigation, say) with its reason; the unit is notified."""
    unit_id, program, amount_cents, source, reason, idempotency_key = (
        data.unit_id,
        data.program,
        data.amount,
        data.source,
        data.reason,
        data.idempotency_key,
    )
    with uow:
        require(uow, actor, Permission.MONEY_OVERPAYMENT_WRITE, subject_type="overpayment")
        domain.positive_cents(amount_cents, field="amount_cents")
        if source not in SOURCES:
            raise InvalidInput("source", f"must be one of {', '.join(SOURCES)}")
        if not reason.strip():
            raise InvalidInput("reason", "is required")
        support.ensure_unit(uow.session, unit_id)
        key = idempotency_key or domain.derived_key(
            "overpayment", unit_id, program, amount_cents, reason.strip(), uow.clock.today()
        )
        op = open_overpayment(
            uow,
            actor=actor,
            unit_id=unit_id,
            program=program.strip(),
            amount_cents=amount_cents,
            source=source,
            reason=reason.strip(),
            key=key,
        )
        return OverpaymentPublic.model_validate(
            OVERPAYMENT.saved(uow, actor, AuditAction.OVERPAYMENT_CREATE, op)
        )


def record_repayment(
    uow: UnitOfWork, *, actor: Actor, overpayment_id: uuid.UUID, data: Repayment
) -> OverpaymentPublic:
    """The client paid back part or all of an overpayment."""
    amount_cents, note = data.amount, data.note
    with uow:
        require(
            uow,
            actor,
            Permission.MONEY_OVERPAYMENT_WRITE,
            subject_type="overpayment",
            subject_id=overpayment_id,
        )
        op = repository.get(uow.session, Overpayment, overpayment_id, kind="overpayment", for_update=True)
        domain.positive_cents(amount_cents, field="amount_cents")
        if op.state != "open":
            raise InvalidTransition(f"an overpayment that is {op.state} takes no repayment")
        if amount_cents > op.balance_cents:
            raise InvalidInput("amount_cents", f"is more than the balance owed ({op.balance_cents} cents)")
        before = OVERPAYMENT.snapshot(op)
        recovery = _recover(uow, op, "repayment", amount_cents, actor.username, note=note)
        ledger.post(
            uow,
            kind="repayment",
            ref=recovery.id,
            memo=note or "repayment",
            posted_by=actor.username,
            lines=postings.repayment_lines(op.unit_id, op.program, amount_cents),
        )
        return OverpaymentPublic.model_validate(
            OVERPAYMENT.saved(uow, actor, AuditAction.OVERPAYMENT_REPAYMENT, op, before=before)
        )


def request_write_off(
    uow: UnitOfWork, *, actor: Actor, overpayment_id: uuid.UUID, data: WriteOffRequest
) -> ApprovalPublic:
    """Ask a supervisor to write off what is left of an overpayment."""
    reason = data.reason
    with uow:
        require(
            uow,
            actor,
            Permission.MONEY_OVERPAYMENT_WRITE,
            subject_type="overpayment",
            subject_id=overpayment_id,
        )
        op = repository.get(uow.session, Overpayment, overpayment_id, kind="overpayment")
        if op.state != "open":
            raise InvalidTransition(f"an overpayment that is {op.state} cannot be written off")
        if not reason.strip():
            raise InvalidInput("reason", "say why it cannot be recovered")
        if repository.approval_for(uow.session, op.id) is not None:
            raise InvalidTransition("a write-off of this overpayment is already waiting for approval")
        request = ApprovalRequest(
            subject_type="overpayment",
            subject_id=op.id,
            kind="write_off",
            needed_role=Role.SUPERVISOR.value,
            program=op.program,
            payment_type="write_off",
            amount_cents=op.balance_cents,
            nights=None,
            reason="write-offs need approval",
            explanation=reason.strip(),
            requested_by=actor.username,
            requested_by_id=actor.staff_id,
            state="pending",
            created_at=uow.clock.now(),
        )
        support.insert_once(uow, request, lambda: None)
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.OVERPAYMENT_WRITE_OFF_REQUEST,
            subject_type="overpayment",
            subject_id=op.id,
            details={"reason": reason.strip(), "balance_cents": op.balance_cents},
        )
        uow.commit()
        return ApprovalPublic.model_validate(request)


def write_off(uow: UnitOfWork, op: Overpayment, *, by: str, note: str) -> None:
    """Inside an approval: write off the remaining balance."""
    if op.state != "open" or op.balance_cents == 0:
        raise InvalidTransition("nothing is left to write off")
    cents = op.balance_cents
    recovery = _recover(uow, op, "write_off", cents, by, note=note)
    op.state = "written_off"
    ledger.post(
        uow,
        kind="write_off",
        ref=recovery.id,
        memo=note or "write-off",
        posted_by=by,
        lines=postings.write_off_lines(op.unit_id, op.program, cents),
    )


def _recover(
    uow: UnitOfWork,
    op: Overpayment,
    method: str,
    cents: int,
    by: str,
    *,
    note: str = "",
    issuance_id: uuid.UUID | None = None,
) -> Recovery:
    op.balance_cents -= cents
    if op.balance_cents == 0 and op.state == "open":
        op.state = "recovered"
    recovery = Recovery(
        id=new_id(),
        overpayment_id=op.id,
        method=method,
        amount_cents=cents,
        issuance_id=issuance_id,
        note=note or None,
        recorded_at=uow.clock.now(),
        recorded_by=by,
    )
    uow.session.add(recovery)
    return recovery


def plan_deductions(
    open_ops: Sequence[Overpayment], gross_cents: int, cap_share: Decimal
) -> list[tuple[Overpayment, int]]:
    """How much of one benefit payment to withhold against each open overpayment (oldest first)."""
    room = domain.recovery_deduction(sum(o.balance_cents for o in open_ops), gross_cents, cap_share)
    plan: list[tuple[Overpayment, int]] = []
    for op in open_ops:
        if room == 0:
            break
        take = min(room, op.balance_cents)
        if take:
            plan.append((op, take))
            room -= take
    return plan


def apply_deduction(
    uow: UnitOfWork, op: Overpayment, cents: int, issuance_id: uuid.UUID, by: str
) -> Recovery:
    """Record a deduction made from an issuance (its ledger lines are part of the issue entry)."""
    return _recover(uow, op, "deduction", cents, by, issuance_id=issuance_id)


def list_overpayments(
    uow: UnitOfWork, *, actor: Actor, unit_id: uuid.UUID | None = None
) -> Sequence[Overpayment]:
    """Overpayments, newest first."""
    with uow:
        require(uow, actor, Permission.MONEY_OVERPAYMENT_WRITE, subject_type="overpayment")
        found = repository.list_overpayments(uow.session, unit_id=unit_id)
        return OVERPAYMENT.listed(uow, actor, AuditAction.OVERPAYMENT_LIST, found, within=("unit", unit_id))
