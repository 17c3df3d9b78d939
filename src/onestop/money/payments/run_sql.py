"""The payment run's bulk statements on PostgreSQL: rows made by the database, set-based, never a
million rows fetched into Python and sent back.

A monthly run at a million payments was dominated by round trips and per-row Python (building dicts,
COPY formatting, ledger line objects) and by statements that scanned the same rows several times.
Here each step is one statement with data-modifying CTEs: generation inserts the issuances, their
issue entries (one per ``part`` issuances) and journal lines; the build moves the approved issuances
to ``batched`` and numbers the items in one pass; the release posts its entries and lines and moves
items and issuances on. The postings mirror ``ledger.domain.issue_lines`` and ``release_lines``
(``tests/integration/money/test_run_sql.py`` compares them line for line with the Python path that
SQLite and the uncommon cases take), and ``ledger verify`` checks the result as for any posting.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from onestop.money.domain import IssuanceState, ItemState, PaymentMethod, PaymentType
from onestop.money.ledger.domain import Account


@dataclass(frozen=True)
class DueDate:
    """A pay date every entitlement of a frequency has in the month (if it runs then)."""

    frequency: str
    pay_date: dt.date
    fiscal_year: int


def _owes(e: str) -> str:
    """SQL: the entitlement ``e``'s unit owes an overpayment in its program (deductions: Python)."""
    return f"""EXISTS (SELECT 1 FROM money_overpayment o WHERE o.unit_id = {e}.unit_id
               AND o.program = {e}.program AND o.state = 'open' AND o.balance_cents > 0)"""  # noqa: S608 - e is ours


def _due_from(dates: Sequence[DueDate], params: dict[str, Any]) -> str:
    """The entitlements due on each of ``dates`` that the database can pay on its own: active and
    approved, running on that date, not a voucher (paid on the spot) and owing nothing back."""
    rows = []
    for n, d in enumerate(dates):
        params[f"f{n}"], params[f"d{n}"], params[f"y{n}"] = d.frequency, d.pay_date, d.fiscal_year
        rows.append(f"(CAST(:f{n} AS varchar), CAST(:d{n} AS date), CAST(:y{n} AS integer))")
    params["voucher"] = PaymentMethod.VOUCHER.value
    return f"""
        FROM money_entitlement e
        JOIN (VALUES {", ".join(rows)}) AS d(frequency, pay_date, fiscal_year) ON e.frequency = d.frequency
        WHERE e.active AND e.state = 'approved' AND e.start_date <= d.pay_date
          AND (e.end_date IS NULL OR e.end_date >= d.pay_date)
          AND e.method <> :voucher AND NOT {_owes("e")}"""


def leftover(dates: Sequence[DueDate]) -> TextClause:
    """Condition on ``money_entitlement``: the entitlements ``generate`` leaves to Python (other
    frequencies, vouchers, units owing an overpayment)."""
    frequencies = sorted({d.frequency for d in dates})
    return text(
        f"(money_entitlement.frequency NOT IN ({', '.join(f':lf{n}' for n in range(len(frequencies)))})"
        f" OR money_entitlement.method = :lvoucher OR {_owes('money_entitlement')})"
        if frequencies
        else "true"
    ).bindparams(lvoucher=PaymentMethod.VOUCHER.value, **{f"lf{n}": f for n, f in enumerate(frequencies)})


def count_due(session: Session, dates: Sequence[DueDate]) -> int:
    """How many payments ``generate`` has to make or finds made (its part of the month)."""
    if not dates:
        return 0
    params: dict[str, Any] = {}
    return int(session.execute(text(f"SELECT count(*) {_due_from(dates, params)}"), params).scalar_one())


@dataclass(frozen=True)
class Generated:
    """What ``generate`` made."""

    created: int
    total_cents: int


def generate(
    session: Session, dates: Sequence[DueDate], *, run: uuid.UUID, part: int, by: str, now: dt.datetime
) -> Generated:
    """Insert the month's plain recurring issuances (approved), one ``issue_run`` entry per ``part``
    of them and their journal lines, in one statement. A key already taken (a run before, or a
    concurrent run: ``ON CONFLICT`` waits for it) is skipped, so running the month again pays nothing."""
    if not dates:
        return Generated(0, 0)
    params: dict[str, Any] = {
        "recurring": PaymentType.RECURRING.value,
        "approved": IssuanceState.APPROVED.value,
        "by": by,
        "now": now,
        "run": f"{run}/",
        "part": part,
        "expense": Account.PROGRAM_EXPENSE.value,
        "payable": Account.CLIENT_PAYABLE.value,
    }
    # Entitlements are read in table order, so the foreign-key checks lock their rows (and the payees'
    # and units', made with them) page after page; sorting by the random key instead dirtied a random
    # page per payment (8 GB of WAL at 1M). The same order in two concurrent runs (no synchronised
    # scan starting midway) makes the second wait at the first shared key rather than deadlock.
    session.execute(text("SET LOCAL synchronize_seqscans = off"))
    row = session.execute(
        text(
            f"""
            WITH made AS (
                INSERT INTO money_issuance (id, idempotency_key, payment_type, program, unit_id,
                    payee_id, entitlement_id, office_id, method, pay_date, period_start, fiscal_year,
                    gross_cents, deduction_cents, net_cents, state, requested_by, approved_by,
                    approved_at, second_check, attempts, created_at, version)
                SELECT gen_random_uuid(),
                       'recurring:' || e.series_id::text || ':' || to_char(d.pay_date, 'YYYY-MM-DD'),
                       :recurring, e.program, e.unit_id, e.payee_id, e.id, e.office_id, e.method,
                       d.pay_date, d.pay_date, d.fiscal_year, e.amount_cents, 0, e.amount_cents,
                       :approved, 'payment-run', :by, :now, false, 0, :now, 1
                {_due_from(dates, params)}
                ON CONFLICT (idempotency_key) DO NOTHING
                RETURNING id, unit_id, program, gross_cents
            ), parted AS (
                SELECT made.*, (row_number() OVER () - 1) / :part AS part FROM made
            ), parts AS (  -- one entry per part; a line finds its entry's id by part number in an
                           -- array made once (a join on the CTE was planned as a nested loop: 1M x 100)
                SELECT part, gen_random_uuid() AS entry_id, sum(gross_cents) AS total
                FROM parted GROUP BY part
            ), entries AS (
                INSERT INTO money_journal_entry (id, kind, ref, memo, total_cents, posted_at, posted_by)
                SELECT entry_id, 'issue_run', :run || part, 'recurring issuances', total, :now, :by
                FROM parts
            ), lines AS (
                INSERT INTO money_journal_line (entry_id, account, unit_id, program, issuance_id,
                                                debit_cents, credit_cents)
                SELECT (SELECT array_agg(entry_id ORDER BY part) FROM parts)[p.part + 1],
                       l.account, l.unit_id, p.program, p.id, l.debit, l.credit
                FROM parted p
                CROSS JOIN LATERAL (VALUES (CAST(:expense AS varchar), CAST(NULL AS uuid), p.gross_cents, 0),
                                           (:payable, p.unit_id, 0, p.gross_cents))
                    AS l(account, unit_id, debit, credit)
            )
            SELECT count(*), coalesce(sum(gross_cents), 0) FROM made
            """  # noqa: S608 - only placeholders are spliced in (_due_from); values are bound
        ),
        params,
    ).one()
    return Generated(int(row[0]), int(row[1]))


def build(
    session: Session,
    *,
    batch_id: uuid.UUID,
    number: str,
    pay_date: dt.date,
    methods: Sequence[str],
    first_cheque: int,
) -> int:
    """Move every approved issuance due by ``pay_date`` to ``batched`` and make its item, in one
    pass: sequence and cheque numbers by ``row_number()`` in ``pay_date, id`` order (the order
    ``batches._add_items`` gives on SQLite). Returns how many items were made."""
    # The two numberings sort every moved issuance; at the default work_mem (4 MB) both sorts went
    # to disk (external merges, ~70 MB each at 1M).
    session.execute(text("SET LOCAL work_mem = '256MB'"))
    made = session.execute(
        text(
            """
            WITH moved AS (
                UPDATE money_issuance
                SET state = :batched, attempts = attempts + 1, version = version + 1
                WHERE state = :approved AND pay_date <= :pay_date AND method = ANY(:methods)
                RETURNING id, attempts, method, net_cents, pay_date
            )
            INSERT INTO money_batch_item (id, batch_id, issuance_id, attempt, seq, method, net_cents,
                                          end_to_end_id, cheque_number, state)
            SELECT gen_random_uuid(), :batch, id, attempts, seq, method, net_cents,
                   :number || '-' || lpad(seq::text, 7, '0'),
                   CASE WHEN method = :cheque THEN (:first_cheque + cheque_seq - 1)::text END,
                   :included
            FROM (
                SELECT id, attempts, method, net_cents,
                       row_number() OVER (ORDER BY pay_date, id) AS seq,
                       row_number() OVER (PARTITION BY method = :cheque ORDER BY pay_date, id) AS cheque_seq
                FROM moved
            ) AS due
            """
        ),
        {
            "batch": batch_id,
            "number": number,
            "cheque": PaymentMethod.CHEQUE.value,
            "first_cheque": first_cheque,
            "included": ItemState.INCLUDED.value,
            "approved": IssuanceState.APPROVED.value,
            "batched": IssuanceState.BATCHED.value,
            "pay_date": pay_date,
            "methods": list(methods),
        },
    )
    return int(getattr(made, "rowcount", -1))


@dataclass(frozen=True)
class Release:
    """A release of a batch's items of some methods: the entry kind, where the money goes, and the
    states the items and their issuances move to."""

    kind: str
    memo: str
    methods: tuple[str, ...]
    to: Account
    item_state: ItemState
    issuance_state: IssuanceState


def release(
    session: Session, batch_id: uuid.UUID, what: Release, *, part: int, by: str, now: dt.datetime
) -> int:
    """Release a batch's items of ``what.methods``: one entry per ``part`` items (ref
    ``<batch id>/<n>``) debiting each client's payable and crediting ``what.to``, and the items and
    their issuances moved on, in one statement. Returns how many items were released."""
    # The issuances are to be updated in table order: hash the batch's ids and scan the table. Left
    # to itself the planner (guessing 200 distinct ids) walks the primary key in file order, and each
    # update dirties a random page (23 GB written at 1M). The hash of a million ids (~80 MB) is to
    # stay in one batch, or each batch sweeps the table again. The rest of the transaction is trivial.
    session.execute(text("SET LOCAL work_mem = '256MB'"))
    session.execute(text("SET LOCAL enable_nestloop = off"))
    session.execute(text("SET LOCAL enable_mergejoin = off"))
    row = session.execute(
        text(
            """
            WITH items AS (
                UPDATE money_batch_item SET state = :item_state
                WHERE batch_id = :batch AND method = ANY(:methods)
                RETURNING issuance_id
            ), moved AS (
                UPDATE money_issuance i SET state = :issuance_state, version = i.version + 1
                WHERE i.id IN (SELECT issuance_id FROM items)
                RETURNING i.id, i.unit_id, i.program, i.net_cents
            ), parted AS (
                SELECT moved.*, (row_number() OVER () - 1) / :part AS part FROM moved
            ), parts AS (
                SELECT part, gen_random_uuid() AS entry_id, sum(net_cents) AS total
                FROM parted GROUP BY part
            ), entries AS (
                INSERT INTO money_journal_entry (id, kind, ref, memo, total_cents, posted_at, posted_by)
                SELECT entry_id, :kind, :ref || '/' || part, :memo, total, :now, :by FROM parts
            ), debits AS (
                INSERT INTO money_journal_line (entry_id, account, unit_id, program, issuance_id,
                                                debit_cents, credit_cents)
                SELECT (SELECT array_agg(entry_id ORDER BY part) FROM parts)[p.part + 1],
                       :payable, p.unit_id, p.program, p.id, p.net_cents, 0
                FROM parted p
                WHERE p.net_cents > 0
            ), credits AS (
                INSERT INTO money_journal_line (entry_id, account, debit_cents, credit_cents)
                SELECT entry_id, :to, 0, total FROM parts WHERE total > 0
            )
            SELECT count(*) FROM moved
            """
        ),
        {
            "batch": batch_id,
            "methods": list(what.methods),
            "item_state": what.item_state.value,
            "issuance_state": what.issuance_state.value,
            "part": part,
            "kind": what.kind,
            "ref": str(batch_id),
            "memo": what.memo,
            "now": now,
            "by": by,
            "payable": Account.CLIENT_PAYABLE.value,
            "to": what.to.value,
        },
    ).one()
    return int(row[0])
