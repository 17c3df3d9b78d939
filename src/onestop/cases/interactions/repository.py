"""Queries for interactions (the only SQL of this sub-area)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, insert, select

from onestop.cases.interactions.domain import Channel, ReasonCode, StatRecord
from onestop.cases.interactions.errors import InteractionNotFound
from onestop.cases.interactions.models import Interaction, InteractionReason, ReasonCodeSetting
from onestop.db import Repository
from onestop.registry import Person


class InteractionRepository(Repository[Interaction]):
    """Interactions by id, by person, unattached e-mails, reasons and statistics rows."""

    def add_with_reasons(self, interaction: Interaction, codes: Sequence[str]) -> None:
        """Insert an interaction with its reason codes."""
        self.session.add(interaction)
        self.session.flush()
        self.add_reasons(interaction.id, codes)

    def add_reasons(self, interaction_id: uuid.UUID, codes: Sequence[str]) -> None:
        """Attach reason codes (an e-mail gets its reasons when an officer handles it)."""
        if codes:
            rows = [{"interaction_id": interaction_id, "code": c} for c in codes]
            self.session.execute(insert(InteractionReason), rows)

    def get(self, interaction_id: uuid.UUID) -> Interaction:
        """The interaction; raises InteractionNotFound."""
        return self.fetch(Interaction, interaction_id, InteractionNotFound, "interaction")

    def reasons_of(self, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        """Reason codes by interaction."""
        out: dict[uuid.UUID, list[str]] = defaultdict(list)
        if ids:
            stmt = select(InteractionReason.interaction_id, InteractionReason.code).where(
                InteractionReason.interaction_id.in_(ids)
            )
            for iid, code in self.session.execute(stmt.order_by(InteractionReason.code)):
                out[iid].append(code)
        return out

    def recent_for_people(
        self, person_ids: Sequence[uuid.UUID], *, limit: int, offset: int = 0
    ) -> tuple[int, list[Interaction]]:
        """Total count and the most recent interactions of these people, newest first (one query)."""
        where = Interaction.person_id.in_(person_ids)
        stmt = (
            select(Interaction, func.count().over().label("total"))
            .where(where)
            .order_by(Interaction.occurred_at.desc(), Interaction.id)
            .limit(limit)
            .offset(offset)
        )
        rows = self.session.execute(stmt).all()
        if rows:
            return int(rows[0][1]), [row[0] for row in rows]
        total = self.session.scalar(select(func.count()).select_from(Interaction).where(where)) or 0
        return int(total), []

    def recent_by_officer(self, staff_id: uuid.UUID, *, limit: int) -> list[tuple[Interaction, str | None]]:
        """The officer's own latest contacts, newest first, with the person's name (None: anonymous)."""
        name = Person.family_name + ", " + Person.given_names
        stmt = (
            select(Interaction, name)
            .outerjoin(Person, Person.id == Interaction.person_id)
            .where(Interaction.staff_id == staff_id)
            .order_by(Interaction.occurred_at.desc(), Interaction.id)
            .limit(limit)
        )
        return [(row[0], row[1]) for row in self.session.execute(stmt)]

    def unattached_emails(self, *, limit: int) -> list[Interaction]:
        """Inbound e-mails waiting for an officer, oldest first."""
        stmt = (
            select(Interaction)
            .where(Interaction.channel == Channel.EMAIL, Interaction.person_id.is_(None))
            .where(Interaction.email_from.is_not(None))
            .order_by(Interaction.occurred_at, Interaction.id)
            .limit(limit)
        )
        return list(self.session.scalars(stmt))

    def stat_records(
        self, start: dt.datetime, end: dt.datetime, *, office_id: uuid.UUID | None
    ) -> list[StatRecord]:
        """What statistics need of every interaction in ``[start, end)`` (two indexed queries)."""
        i = Interaction
        window = (i.occurred_at >= start) & (i.occurred_at < end)
        if office_id is not None:
            window = window & (i.office_id == office_id)
        reasons: dict[uuid.UUID, list[str]] = defaultdict(list)
        stmt = select(InteractionReason.interaction_id, InteractionReason.code).join(i).where(window)
        for iid, code in self.session.execute(stmt):
            reasons[iid].append(code)
        cols = select(
            i.id,
            i.occurred_at,
            i.staff_id,
            i.recorded_by,
            i.office_id,
            i.channel,
            i.outcome,
            i.duration_seconds,
        ).where(window)
        return [
            StatRecord(at, staff, who, office, channel, outcome, secs, tuple(reasons.get(iid, ())))
            for iid, at, staff, who, office, channel, outcome, secs in self.session.execute(cols)
        ]


class ReasonRepository(Repository[object]):
    """The administrators' reason-code settings."""

    def overrides(self) -> list[ReasonCode]:
        """Every configured code."""
        rows = self.session.scalars(select(ReasonCodeSetting).order_by(ReasonCodeSetting.code))
        return [ReasonCode(r.code, r.label_en, r.label_fr, r.active) for r in rows]

    def find(self, code: str) -> ReasonCodeSetting | None:
        """The setting row for a code, if any."""
        stmt = select(ReasonCodeSetting).where(ReasonCodeSetting.code == code)
        return self.session.scalars(stmt).one_or_none()
