"""The monthly payment run: generate the month's recurring issuances, then build the batch.

Two transactions; each is idempotent, so a run that died between them is finished by running again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from onestop.access import Actor
from onestop.db import UnitOfWork
from onestop.money import faults
from onestop.money.domain import month_label
from onestop.money.models import PaymentBatch
from onestop.money.payments import batches, generation


@dataclass(frozen=True)
class RunResult:
    """What a run did."""

    generation: generation.GenerationResult
    batch: PaymentBatch


def run_payments(uow: UnitOfWork, *, actor: Actor, pay_date: dt.date) -> RunResult:
    """Generate the recurring issuances of ``pay_date``'s month and build the batch for that date."""
    made = generation.generate_recurring(uow, actor=actor, period=month_label(pay_date))
    faults.point("run:generated")
    batch = batches.build_batch(uow, actor=actor, pay_date=pay_date)
    faults.point("run:built")
    return RunResult(made, batch)
