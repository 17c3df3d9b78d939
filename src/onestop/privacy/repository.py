"""Queries of the privacy area, including the facts the retention rule needs from other areas' tables
(read only: those areas own their rows; the purge changes them through ``destruction``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select

from onestop.cases.applications import Application
from onestop.db import Repository
from onestop.money import Entitlement, Issuance
from onestop.privacy.domain import FINAL, FileState
from onestop.privacy.errors import HoldNotFound, RequestNotFound
from onestop.privacy.models import DestructionCertificate, LegalHold, PrivacyRequest, Redaction
from onestop.registry import Person, UnitMembership

_OPEN_APPLICATIONS = ("received", "pending_documents", "in_assessment")


class PrivacyRepository(Repository[object]):
    """Requests, redactions, holds and certificates."""

    def get(self, request_id: uuid.UUID) -> PrivacyRequest:
        """The request; raises RequestNotFound."""
        return self.fetch(PrivacyRequest, request_id, RequestNotFound, "privacy request")

    def redactions(self, request_id: uuid.UUID) -> list[Redaction]:
        """A request's redactions in the order they were made."""
        stmt = select(Redaction).where(Redaction.request_id == request_id)
        return list(self.session.scalars(stmt.order_by(Redaction.added_at, Redaction.id)))

    def open_requests(self) -> list[PrivacyRequest]:
        """Requests not yet answered, the nearest deadline first."""
        stmt = select(PrivacyRequest).where(PrivacyRequest.status.not_in([s.value for s in FINAL]))
        return list(self.session.scalars(stmt.order_by(PrivacyRequest.due_on, PrivacyRequest.created_at)))

    def recent_closed(self, limit: int) -> list[PrivacyRequest]:
        """Answered requests, the latest first."""
        stmt = select(PrivacyRequest).where(PrivacyRequest.status.in_([s.value for s in FINAL]))
        return list(self.session.scalars(stmt.order_by(PrivacyRequest.created_at.desc()).limit(limit)))

    def for_people(self, person_ids: Sequence[uuid.UUID]) -> list[PrivacyRequest]:
        """These people's requests, newest first."""
        stmt = select(PrivacyRequest).where(PrivacyRequest.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(PrivacyRequest.created_at.desc())))

    def hold(self, hold_id: uuid.UUID) -> LegalHold:
        """The hold; raises HoldNotFound."""
        return self.fetch(LegalHold, hold_id, HoldNotFound, "legal hold")

    def holds(self, *, active_only: bool = True) -> list[LegalHold]:
        """Legal holds, the newest first."""
        stmt = select(LegalHold)
        if active_only:
            stmt = stmt.where(LegalHold.lifted_at.is_(None))
        return list(self.session.scalars(stmt.order_by(LegalHold.created_at.desc())))

    def certificates(self, limit: int = 200) -> list[DestructionCertificate]:
        """Destruction certificates, the latest first."""
        stmt = select(DestructionCertificate).order_by(DestructionCertificate.destroyed_at.desc())
        return list(self.session.scalars(stmt.limit(limit)))

    def destroyed_ids(self) -> set[uuid.UUID]:
        """People whose file was already destroyed."""
        return set(self.session.scalars(select(DestructionCertificate.person_id)))

    def file_states(self, *, today: dt.date) -> list[FileState]:
        """Every live (unmerged, not destroyed) person's file as the retention rule sees it.

        A handful of grouped queries over the whole registry, so a purge costs the same for 10 files
        or 100,000; the last activity is the latest of registration, an application's last change, a
        benefit's end (or start) and a payment date, across the units the person belonged to.
        """
        s = self.session
        people = {
            p: c.date()
            for p, c in s.execute(select(Person.id, Person.created_at).where(Person.merged_into_id.is_(None)))
        }
        for pid in self.destroyed_ids():
            people.pop(pid, None)
        units: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for unit_id, pid in s.execute(select(UnitMembership.unit_id, UnitMembership.person_id)):
            units[unit_id].add(pid)
        last = dict(people)
        open_work: set[uuid.UUID] = set()

        def touch(pids: set[uuid.UUID], day: dt.date | None, *, is_open: bool = False) -> None:
            for pid in pids:
                if pid in last and day is not None:
                    last[pid] = max(last[pid], day)
                if is_open:
                    open_work.add(pid)

        for unit_id, status, changed in s.execute(
            select(Application.unit_id, Application.status, Application.status_changed_at)
        ):
            touch(units[unit_id], changed.date(), is_open=status in _OPEN_APPLICATIONS)
        for unit_id, start, end, active, state in s.execute(
            select(
                Entitlement.unit_id,
                Entitlement.start_date,
                Entitlement.end_date,
                Entitlement.active,
                Entitlement.state,
            )
        ):
            in_force = active and state == "approved" and (end is None or end >= today)
            touch(units[unit_id], end or start, is_open=in_force)
        for paid_unit, paid in s.execute(
            select(Issuance.unit_id, func.max(Issuance.pay_date)).group_by(Issuance.unit_id)
        ):
            if paid_unit is not None:  # none: a sponsor's project instalment, no client's file
                touch(units[paid_unit], paid)
        held = set(s.scalars(select(LegalHold.person_id).where(LegalHold.lifted_at.is_(None))))
        return [
            FileState(person_id=str(pid), open_work=pid in open_work, last_activity=day, on_hold=pid in held)
            for pid, day in sorted(last.items(), key=lambda kv: str(kv[0]))
        ]
