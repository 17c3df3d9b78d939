"""Posting to the double-entry journal, and proving it balanced and in step with the issuances."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import insert
from sqlalchemy.orm import Session

from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.money import bulk
from onestop.money.ledger import repository as q
from onestop.money.ledger.domain import Line, check_balanced, reversal
from onestop.money.models import JournalEntry, JournalLine, table

#: Lines are inserted in chunks so a 100,000-line entry never builds one giant statement.


def post(
    uow: UnitOfWork,
    *,
    kind: str,
    ref: object,
    memo: str,
    lines: Sequence[Line],
    posted_by: str,
    reverses_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Post one balanced entry (refused if unbalanced); ``(kind, ref)`` can be posted only once."""
    total = check_balanced(lines)
    entry_id = new_id()
    session = uow.session
    session.execute(
        insert(table(JournalEntry)),
        [
            {
                "id": entry_id,
                "kind": kind,
                "ref": str(ref),
                "memo": memo,
                "total_cents": total,
                "reverses_id": reverses_id,
                "posted_at": uow.clock.now(),
                "posted_by": posted_by,
            }
        ],
    )
    rows = [_row(entry_id, ln) for ln in lines]
    bulk.insert_rows(session, table(JournalLine), rows)
    return entry_id


def _row(entry_id: uuid.UUID, ln: Line) -> dict[str, object]:
    return {
        "entry_id": entry_id,
        "account": ln.account.value,
        "unit_id": ln.unit_id,
        "program": ln.program,
        "issuance_id": ln.issuance_id,
        "debit_cents": ln.debit_cents,
        "credit_cents": ln.credit_cents,
    }


def reverse(uow: UnitOfWork, *, entry_id: uuid.UUID, memo: str, posted_by: str) -> uuid.UUID:
    """Undo an entry by posting its mirror image; the original stays as it was."""
    lines = q.entry_lines(uow.session, entry_id)
    return post(
        uow,
        kind="reversal",
        ref=entry_id,
        memo=memo,
        lines=reversal(lines),
        posted_by=posted_by,
        reverses_id=entry_id,
    )


@dataclass
class LedgerCheck:
    """The outcome of ``verify``: balanced and matching, or the problems found (first one first)."""

    entries: int = 0
    lines: int = 0
    debits_cents: int = 0
    credits_cents: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems


def check(session: Session, *, limit: int = 20) -> LedgerCheck:
    """Every entry balanced, totals right, and every issuance's postings matching its state."""
    result = LedgerCheck()
    result.entries, result.lines, result.debits_cents, result.credits_cents = q.totals(session)
    for entry_id, debits, credits, total in q.unbalanced_entries(session, limit=limit):
        result.problems.append(f"entry {entry_id}: debits {debits}, credits {credits}, stated total {total}")
    if result.debits_cents != result.credits_cents:
        result.problems.append(f"journal debits {result.debits_cents} != credits {result.credits_cents}")
    result.problems += q.issuance_mismatches(session, limit=limit)
    result.problems += q.overpayment_mismatches(session, limit=limit)
    return result
