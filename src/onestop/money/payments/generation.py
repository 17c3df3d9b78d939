"""Recurring issuances for a month, in bulk.

Each payment's idempotency key is ``recurring:<series>:<pay date>``, so running a month twice (or two
runs at once) never pays twice: keys already taken are skipped, and a key taken by a concurrent run
between our read and our insert makes the unique constraint fire, after which we re-read and retry.
On PostgreSQL the plain payments (no deduction, not a voucher: nearly all of a month's run) are made
by the database in one statement (``run_sql.generate``: a million of them without a row in Python);
the rest, and every payment on SQLite, are built here a part at a time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import Conflict
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import bulk, domain, repository, support
from onestop.money.domain import Frequency, IssuanceState, PaymentMethod, PaymentType
from onestop.money.ledger import domain as postings
from onestop.money.ledger import services as ledger
from onestop.money.models import Issuance, Overpayment, table
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import run_sql

_TRIES = 3
#: Issuances per journal entry and per insert batch in a run.
RUN_PART = 10_000

OpenOverpayments = dict[tuple[uuid.UUID, str], list[Overpayment]]


@dataclass(frozen=True)
class GenerationResult:
    """What a run of the month made."""

    period: str
    created: int
    already_issued: int
    total_cents: int
    deducted_cents: int


@dataclass(frozen=True)
class _Due:
    """One payment an entitlement owes in the month (compact until its row is written)."""

    key: str
    ent: Any  # the entitlement's row
    pay_date: dt.date


def generate_recurring(
    uow: UnitOfWork, *, actor: Actor, period: str, cap_share: Decimal | None = None
) -> GenerationResult:
    """Make the month's recurring issuances from the active entitlements; safe to run again."""
    year, month = domain.parse_month(period)
    label = f"{year:04d}-{month:02d}"
    with uow:
        require(uow, actor, Permission.MONEY_BATCH_BUILD, subject_type="issuance")
        cap = overpayments.recovery_cap_share() if cap_share is None else cap_share
        first, last = domain.month_bounds(year, month)
        in_sql = uow.session.get_bind().dialect.name == "postgresql"
        dates = _dates(year, month) if in_sql else []
        in_sql_due = run_sql.count_due(uow.session, dates)
        due = _due(uow, first, last, year, month, uncommon_only=in_sql)
        if due or in_sql_due:
            support.ensure_open(uow.session, [first], field="period")
        made = run_sql.generate(
            uow.session, dates, run=new_id(), part=RUN_PART, by=actor.username, now=uow.clock.now()
        )
        for _ in range(_TRIES):
            taken = repository.existing_keys(uow.session, [d.key for d in due])
            todo = [d for d in due if d.key not in taken]
            try:
                with uow.session.begin_nested():
                    deducted = _create(uow, actor, todo, cap)
                break
            except IntegrityError:
                continue  # a concurrent run took some keys: re-read them and insert the rest
        else:
            raise Conflict(f"another payment run for {label} kept colliding with this one; run it again")
        total = sum(d.ent.amount_cents for d in todo) + made.total_cents
        created = len(todo) + made.created
        result = GenerationResult(label, created, len(due) + in_sql_due - created, total, deducted)
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.ISSUANCE_GENERATE,
            subject_type="period",
            subject_id=label,
            details=result.__dict__,
        )
        uow.commit()
    return result


def _dates(year: int, month: int) -> list[run_sql.DueDate]:
    """The month's pay dates of each recurring frequency (one-time payments go through ``_due``)."""
    return [
        run_sql.DueDate(freq.value, day, domain.fiscal_year(day))
        for freq in Frequency
        if freq is not Frequency.ONE_TIME
        for day in domain.pay_dates_in_month(freq, year, month)
    ]


def _due(
    uow: UnitOfWork, first: dt.date, last: dt.date, year: int, month: int, *, uncommon_only: bool
) -> list[_Due]:
    """What the entitlements owe in the month; with ``uncommon_only``, only what ``run_sql`` leaves."""
    found = []
    rows = repository.entitlements_for_month(
        uow.session, first, last, where=run_sql.leftover(_dates(year, month)) if uncommon_only else None
    )
    for ent in rows:
        freq = Frequency(ent.frequency)
        for pay_date in domain.due_dates(freq, ent.start_date, ent.end_date, year, month):
            key_date = "once" if freq is Frequency.ONE_TIME else pay_date.isoformat()
            found.append(_Due(f"recurring:{ent.series_id}:{key_date}", ent, pay_date))
    return found


def _create(uow: UnitOfWork, actor: Actor, todo: Sequence[_Due], cap: Decimal) -> int:
    """Insert the issuances, their deductions and the run's journal entries, a part at a time."""
    open_ops = _open_overpayments(uow, todo)
    run, now, deducted = new_id(), uow.clock.now(), 0
    for part, start in enumerate(range(0, len(todo), RUN_PART)):
        rows = [_row(d, now, actor) for d in todo[start : start + RUN_PART]]
        deducted += _deduct(uow, actor, rows, open_ops, cap)
        _create_part(uow, actor, rows, f"{run}/{part}")
    uow.session.flush()
    return deducted


def _row(due: _Due, now: dt.datetime, actor: Actor) -> dict[str, Any]:
    ent = due.ent
    paid_now = ent.method == PaymentMethod.VOUCHER.value
    issuance_id = new_id()
    return {
        "id": issuance_id,
        "idempotency_key": due.key,
        "payment_type": PaymentType.RECURRING.value,
        "program": ent.program,
        "unit_id": ent.unit_id,
        "payee_id": ent.payee_id,
        "entitlement_id": ent.id,
        "invoice_id": None,
        "office_id": ent.office_id,
        "method": ent.method,
        "pay_date": due.pay_date,
        "period_start": due.pay_date,
        "fiscal_year": domain.fiscal_year(due.pay_date),
        "gross_cents": ent.amount_cents,
        "deduction_cents": 0,
        "net_cents": ent.amount_cents,
        "nights": None,
        "description": None,
        "state": (IssuanceState.PAID if paid_now else IssuanceState.APPROVED).value,
        "requested_by": "payment-run",
        "requested_by_id": None,
        "approved_by": actor.username,
        "approved_at": now,
        "second_check": False,
        "cheque_number": None,
        "voucher_number": f"V{issuance_id.hex[:12].upper()}" if paid_now else None,
        "attempts": 0,
        "created_at": now,
        "version": 1,
    }


def _create_part(uow: UnitOfWork, actor: Actor, rows: list[dict[str, Any]], ref: str) -> None:
    """One part of the run: its rows and one balanced entry."""
    bulk.insert_rows(uow.session, table(Issuance), rows)
    items = [_amount(r) for r in rows]
    ledger.post(
        uow,
        kind="issue_run",
        ref=ref,
        memo="recurring issuances",
        posted_by=actor.username,
        lines=[ln for item in items for ln in postings.issue_lines(item)],
    )
    vouchers = [i for i, r in zip(items, rows, strict=True) if r["method"] == PaymentMethod.VOUCHER.value]
    if vouchers:
        ledger.post(
            uow,
            kind="voucher_run",
            ref=ref,
            memo="recurring vouchers",
            posted_by=actor.username,
            lines=postings.release_lines(vouchers, to=postings.Account.VOUCHER_CLEARING),
        )


def _open_overpayments(uow: UnitOfWork, todo: Sequence[_Due]) -> OpenOverpayments:
    """Open overpayments of the units and programs being paid, oldest first."""
    keys = {(d.ent.unit_id, d.ent.program) for d in todo}
    by_key: OpenOverpayments = defaultdict(list)
    for op in repository.open_overpayments(uow.session, keys if len(keys) < 1000 else None):
        if (op.unit_id, op.program) in keys:
            by_key[(op.unit_id, op.program)].append(op)
    return by_key


def _deduct(
    uow: UnitOfWork, actor: Actor, rows: list[dict[str, Any]], open_ops: OpenOverpayments, cap: Decimal
) -> int:
    """Withhold up to the cap from each payment for the unit's open overpayments in that program."""
    if not open_ops:
        return 0
    total = 0
    for row in rows:
        ops = [o for o in open_ops.get((row["unit_id"], row["program"]), []) if o.balance_cents > 0]
        for op, cents in overpayments.plan_deductions(ops, row["gross_cents"], cap):
            overpayments.apply_deduction(uow, op, cents, row["id"], actor.username)
            row["deduction_cents"] += cents
            row["net_cents"] -= cents
            total += cents
    return total


def _amount(row: dict[str, Any]) -> postings.IssuedAmount:
    return postings.IssuedAmount(
        row["id"], row["unit_id"], row["program"], row["gross_cents"], row["deduction_cents"]
    )
