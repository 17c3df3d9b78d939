"""Tables of caseload runs: the run (what, with which rules, where it stands), its partitions (for
progress and resumption) and its result rows (one per household).

A run's rows are its own result set: nothing here is a case record. A re-assessment's changed rows
are a queue that officers review; each becomes a task through the tasks service.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Base, Entity, JSONDoc


class BatchRun(Entity):
    """One re-assessment or simulation: program, date, overlays, rules version, progress."""

    __tablename__ = "batch_run"
    __table_args__ = (Index(None, "kind", "created_at"),)

    kind: Mapped[str] = mapped_column(String(12))
    program: Mapped[str] = mapped_column(String(64))
    on_date: Mapped[dt.date] = mapped_column(Date)
    overlays: Mapped[list[Any]] = mapped_column(JSONDoc)  # ["ab.income_support.core_shelter=+5%"]
    parameters: Mapped[list[Any]] = mapped_column(JSONDoc)  # the parameter versions used (name, effective)
    rules_version: Mapped[str] = mapped_column(String(80))  # the pack's content hash
    program_version: Mapped[str] = mapped_column(String(80))
    partition_size: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))
    households_total: Mapped[int] = mapped_column(BigInteger)  # counted when the run started
    households_done: Mapped[int] = mapped_column(BigInteger, default=0)
    partitions_done: Mapped[int] = mapped_column(Integer, default=0)
    last_key: Mapped[str | None] = mapped_column(String(40))  # the last application id read
    scheduler: Mapped[str | None] = mapped_column(String(200))
    error: Mapped[str | None] = mapped_column(Text)
    started_by: Mapped[str] = mapped_column(String(100))
    finished_at: Mapped[dt.datetime | None]


class BatchPartition(Base):
    """One partition of a run: its key range (application ids after ``after_key`` up to ``last_key``)."""

    __tablename__ = "batch_partition"

    run_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("batch_run.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    after_key: Mapped[str | None] = mapped_column(String(40))
    last_key: Mapped[str] = mapped_column(String(40))
    households: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(12))  # read (evaluating) or done
    seconds: Mapped[int | None] = mapped_column(Integer)  # milliseconds would be noise; whole seconds
    finished_at: Mapped[dt.datetime | None]


class BatchRow(Base):
    """One household's result in a run, and (re-assessment) what an officer did with it."""

    __tablename__ = "batch_row"
    __table_args__ = (
        Index(None, "run_id", "status"),
        Index(None, "run_id", "office"),
    )

    run_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("batch_run.id"), primary_key=True)
    application_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    partition_seq: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[uuid.UUID]
    office: Mapped[str | None] = mapped_column(String(40))  # office code, for grouping and queues
    family_type: Mapped[str] = mapped_column(String(24))
    before_cents: Mapped[int | None] = mapped_column(BigInteger)
    after_cents: Mapped[int | None] = mapped_column(BigInteger)
    change_cents: Mapped[int | None] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))
    missing: Mapped[list[Any] | None] = mapped_column(JSONDoc)
    review: Mapped[str | None] = mapped_column(String(12))  # pending, tasked, dismissed (changed rows)
    task_id: Mapped[uuid.UUID | None]
    reviewed_by: Mapped[str | None] = mapped_column(String(100))
    reviewed_at: Mapped[dt.datetime | None]
    review_note: Mapped[str | None] = mapped_column(Text)
