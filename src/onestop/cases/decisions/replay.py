"""Replay a decision: its recorded case through the rules with the parameter overlays it used.

A rate approved after the decision must not change what the replay says the decision was; a rate
the decision used must still apply even if the pack has been released since without it. So the
replay lays exactly the recorded overlays over the YAML, whatever is approved today.
"""

from __future__ import annotations

import uuid

from pydantic import BaseModel

from onestop import audit, policy
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.decisions import gaps
from onestop.cases.decisions.repository import DecisionRepository
from onestop.cases.vocabulary import program_packs
from onestop.db import UnitOfWork
from onestop.rules import overlays

SUBJECT = "decision"


class Replay(BaseModel):
    """What the rules say now for the recorded case and overlays, beside what was recorded."""

    decision_id: uuid.UUID
    parameter_overlays: list[str]
    recorded_status: str | None
    recorded_monthly_cents: int | None
    status: str
    monthly_cents: int | None
    same: bool


def replay_decision(uow: UnitOfWork, *, actor: Actor, decision_id: uuid.UUID) -> Replay:
    """Evaluate the decision's recorded case again with the overlays it recorded (audited read)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=decision_id)
        row = DecisionRepository(uow.session).get(decision_id)
        used_ids = [str(i) for i in (row.explanation or {}).get("parameter_overlays", [])]
        used = policy.load_by_ids(uow.session, used_ids)
        used += gaps.as_overlays((row.explanation or {}).get("officer_values", []))
        pack, _program = program_packs.program_of(row.program)
        result = overlays.replay(pack, row.program, row.case_data, used)
        found = Replay(
            decision_id=row.id,
            parameter_overlays=used_ids,
            recorded_status=row.computed_status,
            recorded_monthly_cents=row.computed_monthly_cents,
            status=result.status,
            monthly_cents=result.monthly_amount,
            same=(result.status, result.monthly_amount) == (row.computed_status, row.computed_monthly_cents),
        )
        return audit.audited_read(
            uow,
            found,
            actor=actor,
            action=AuditAction.DECISION_READ,
            subject_type="decision",
            subject_id=row.id,
        )
