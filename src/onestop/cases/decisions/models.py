"""Tables of decisions (immutable records) and overrides waiting for a supervisor.

A decision is written once. The only change it ever takes is the link to the decision that
supersedes it (``superseded_at`` then ``superseded_by_id``, once). Two guards enforce that: an ORM
check before any UPDATE, and a database trigger (below) for anything that bypasses the ORM. The
trigger is DDL attached to the table; the integrator must copy it into the migration, since Alembic's
autogenerate does not see triggers.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    BigInteger,
    Connection,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from onestop.common.ids import new_id
from onestop.db import Base, Entity, JSONDoc, partial_index

#: The only columns an UPDATE may touch, each once.
SUPERSESSION_COLUMNS = frozenset({"superseded_at", "superseded_by_id"})


class Decision(Base):
    """An eligibility decision: inputs, outcome, amounts, explanation, rules, officer, appeal rights."""

    __tablename__ = "decision"
    __table_args__ = (
        UniqueConstraint("application_id", "seq"),
        partial_index(
            "uq_decision_current_application", "application_id", where="superseded_at IS NULL", unique=True
        ),
        Index(None, "unit_id", "program", "decided_at"),
        Index(None, "applicant_id", "decided_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"))
    seq: Mapped[int] = mapped_column(Integer)
    program: Mapped[str] = mapped_column(String(64))
    jurisdiction: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("benefit_unit.id"))
    applicant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    basis: Mapped[str] = mapped_column(String(20))
    source_type: Mapped[str | None] = mapped_column(String(30))
    source_id: Mapped[uuid.UUID | None]
    action: Mapped[str] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(12))
    effective_from: Mapped[dt.date] = mapped_column(Date)
    monthly_amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    # What the rules computed (kept beside the final result, so an override is visible forever).
    computed_status: Mapped[str | None] = mapped_column(String(12))
    computed_monthly_cents: Mapped[int | None] = mapped_column(BigInteger)
    amounts: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    case_data: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    provenance: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    parameters: Mapped[list[Any]] = mapped_column(JSONDoc)
    text_en: Mapped[str] = mapped_column(Text)
    text_fr: Mapped[str] = mapped_column(Text)
    rules_version: Mapped[str] = mapped_column(String(80))
    program_version: Mapped[str] = mapped_column(String(80))
    overridden: Mapped[bool] = mapped_column(default=False)
    override_reason: Mapped[str | None] = mapped_column(Text)
    approval_required: Mapped[bool] = mapped_column(default=False)
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_by_id: Mapped[uuid.UUID | None]
    approved_at: Mapped[dt.datetime | None]
    appeal_deadline: Mapped[dt.date | None] = mapped_column(Date)
    appeal: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    alternatives: Mapped[list[Any]] = mapped_column(JSONDoc)
    entitlement_id: Mapped[uuid.UUID | None]  # the money area's entitlement version this decision set
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_by_id: Mapped[uuid.UUID | None]
    decided_at: Mapped[dt.datetime]
    supersedes_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    superseded_at: Mapped[dt.datetime | None]
    superseded_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))


class OverrideRequest(Entity):
    """An officer's override of a computed result, waiting for a supervisor (maker-checker)."""

    __tablename__ = "decision_override_request"
    __table_args__ = (
        partial_index(
            "uq_decision_override_request_pending", "application_id", where="status = 'pending'", unique=True
        ),
        Index(None, "status", "office_id"),
    )

    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("application.id"))
    office_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("office.id"))
    status: Mapped[str] = mapped_column(String(12))
    proposed: Mapped[dict[str, Any]] = mapped_column(JSONDoc)  # the decision as it will be recorded
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_by_id: Mapped[uuid.UUID | None]
    task_id: Mapped[uuid.UUID | None]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_by_id: Mapped[uuid.UUID | None]
    decided_at: Mapped[dt.datetime | None]
    refusal_reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))


class DecisionImmutableError(Exception):
    """A programming error: something tried to edit a decision."""


@event.listens_for(Session, "before_flush")
def _guard(session: Session, _context: object, _instances: object) -> None:
    """Refuse, before any SQL, an UPDATE of a decision other than setting its supersession link once."""
    from sqlalchemy import inspect

    for obj in session.dirty:
        if not isinstance(obj, Decision):
            continue
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            history = state.attrs[attr.key].history
            if not history.has_changes():
                continue
            if attr.key not in SUPERSESSION_COLUMNS or history.deleted not in ((), [None], (None,)):
                raise DecisionImmutableError(
                    f"decision {obj.id}: {attr.key} cannot change (decisions are records)"
                )
    for obj in session.deleted:
        if isinstance(obj, Decision):
            raise DecisionImmutableError(f"decision {obj.id} cannot be deleted (decisions are records)")


_SQLITE_TRIGGER = (
    "CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision FOR EACH ROW "
    "WHEN OLD.superseded_by_id IS NOT NULL OR ({changed}) "
    "BEGIN SELECT RAISE(ABORT, 'decisions are immutable: only the supersession link may be set, once'); END"
)
_PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION decision_immutable() RETURNS trigger AS $$ BEGIN "
    "IF OLD.superseded_by_id IS NOT NULL OR "
    "(to_jsonb(NEW) - 'superseded_at' - 'superseded_by_id') IS DISTINCT FROM "
    "(to_jsonb(OLD) - 'superseded_at' - 'superseded_by_id') THEN "
    "RAISE EXCEPTION 'decisions are immutable: only the supersession link may be set, once'; "
    "END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
)
_PG_TRIGGER = (
    "CREATE TRIGGER decision_immutable BEFORE UPDATE ON decision "
    "FOR EACH ROW EXECUTE FUNCTION decision_immutable()"
)


def guard_statements(dialect: str) -> list[str]:
    """The SQL that makes the database itself refuse edits of a decision (for the migration too)."""
    if dialect == "sqlite":
        columns = [c.name for c in Decision.__table__.columns if c.name not in SUPERSESSION_COLUMNS]
        changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
        return [_SQLITE_TRIGGER.replace("{changed}", changed)]
    if dialect == "postgresql":
        return [_PG_FUNCTION, _PG_TRIGGER]
    return []


@event.listens_for(Decision.__table__, "after_create")
def _create_guard(_table: object, connection: Connection, **_kw: object) -> None:
    for statement in guard_statements(connection.dialect.name):
        connection.exec_driver_sql(statement)
