"""The table of parameter overlays: new rates recorded between releases, with who recorded and approved."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, JSONDoc


class ParameterOverlayRow(Entity):
    """One value of one parameter from one date: pending until a second administrator decides."""

    __tablename__ = "parameter_overlay"
    __table_args__ = (Index(None, "jurisdiction", "status"),)

    jurisdiction: Mapped[str] = mapped_column(String(12))
    parameter: Mapped[str] = mapped_column(String(160))  # qualified: ab.income_support.core_shelter
    effective: Mapped[dt.date] = mapped_column(Date)
    value: Mapped[Any] = mapped_column(JSONDoc)  # the engine's form: cents, millionths, a table of them
    source_title: Mapped[str] = mapped_column(String(300))
    source_url: Mapped[str | None] = mapped_column(String(500))
    source_section: Mapped[str | None] = mapped_column(String(200))
    confidence: Mapped[str] = mapped_column(String(8))
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))  # pending, approved, refused
    recorded_by: Mapped[str] = mapped_column(String(100))
    recorded_by_id: Mapped[uuid.UUID | None]
    decided_by: Mapped[str | None] = mapped_column(String(100))
    decided_by_id: Mapped[uuid.UUID | None]
    decided_at: Mapped[dt.datetime | None]
    refusal_reason: Mapped[str | None] = mapped_column(Text)
