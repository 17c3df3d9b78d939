"""Queries of the registry area (the only module that builds SQL for people and units)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, delete, insert, select

from onestop.db import Repository
from onestop.registry import models as m
from onestop.registry.errors import PersonNotFound, RecordNotFound, UnitNotFound
from onestop.registry.matching import Candidate

T = TypeVar("T", m.PersonContact, m.PersonAddress, m.PersonIdentifier, m.SafetyFlag, m.Consent)
MAX_MERGE_DEPTH = 20


class PeopleRepository(Repository[object]):
    """Look-ups and writes for people and their attached records."""

    def get(self, person_id: uuid.UUID, *, for_update: bool = False) -> m.Person:
        """The person row (merged or not); raises PersonNotFound.

        Without ``for_update``, a record already in the session (the file check just read it) is not
        read again."""
        if for_update:
            stmt = select(m.Person).where(m.Person.id == person_id).with_for_update()
            person = self.session.scalars(stmt).first()
        else:
            person = self.session.get(m.Person, person_id)
        if person is None:
            raise PersonNotFound(f"no person with id {person_id}")
        return person

    def survivor(self, person: m.Person) -> m.Person:
        """Follow ``merged_into_id`` to the record that now stands for this person."""
        seen = 0
        while person.merged_into_id is not None and seen < MAX_MERGE_DEPTH:
            person = self.get(person.merged_into_id)
            seen += 1
        return person

    def merged_record_ids(self, survivor_id: uuid.UUID) -> list[uuid.UUID]:
        """The survivor and every record merged into it, directly or through another merged record."""
        ids = [survivor_id]
        frontier = [survivor_id]
        while frontier and len(ids) < 1000:
            found = list(
                self.session.scalars(select(m.Person.id).where(m.Person.merged_into_id.in_(frontier)))
            )
            ids.extend(found)
            frontier = found
        return ids

    def merged_into(self, person_id: uuid.UUID) -> list[uuid.UUID]:
        """Ids of records merged directly into this one."""
        return list(self.session.scalars(select(m.Person.id).where(m.Person.merged_into_id == person_id)))

    def attached(self, model: type[T], person_ids: Sequence[uuid.UUID]) -> list[T]:
        """Records of one kind attached to any of these people, oldest first."""
        stmt = select(model).where(model.person_id.in_(person_ids)).order_by(model.created_at, model.id)
        return list(self.session.scalars(stmt))

    def get_attached(self, model: type[T], record_id: uuid.UUID, person_ids: Sequence[uuid.UUID]) -> T:
        """One attached record, checked to belong to these people; raises RecordNotFound."""
        record = self.session.get(model, record_id)
        if record is None or record.person_id not in person_ids:
            raise RecordNotFound(f"no such record {record_id} on this person")
        return record

    def replace_name_keys(self, person_id: uuid.UUID, keys: Iterable[str]) -> None:
        """Store a person's search keys, replacing the old ones."""
        self.session.execute(delete(m.PersonNameKey).where(m.PersonNameKey.person_id == person_id))
        rows = [{"key": k, "person_id": person_id} for k in sorted(set(keys))]
        if rows:
            self.session.execute(insert(m.PersonNameKey), rows)

    def candidates(self, ids: Iterable[uuid.UUID]) -> tuple[dict[uuid.UUID, uuid.UUID], list[Candidate]]:
        """Scoring records for these ids, merged ones replaced by their survivor; also the id mapping."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return {}, []
        return self._resolve(
            list(self.session.execute(_candidate_select().where(m.Person.id.in_(wanted))).all())
        )

    def candidates_by_name_keys(
        self, keys: Iterable[str], *, limit: int
    ) -> tuple[dict[uuid.UUID, uuid.UUID], list[Candidate]]:
        """People having any of these name keys, in one indexed join (no table scan)."""
        wanted = sorted(set(keys))
        if not wanted:
            return {}, []
        # No DISTINCT in SQL: with DISTINCT + LIMIT PostgreSQL may prefer walking another index and
        # filtering; the (key, person_id) primary key then the person primary key answer this alone.
        stmt = (
            _candidate_select()
            .join(m.PersonNameKey, m.PersonNameKey.person_id == m.Person.id)
            .where(m.PersonNameKey.key.in_(wanted))
            .limit(limit)
        )
        rows = list({row.id: row for row in self.session.execute(stmt)}.values())
        return self._resolve(rows)

    def _resolve(self, rows: list[Any]) -> tuple[dict[uuid.UUID, uuid.UUID], list[Candidate]]:
        mapping = {row.id: row.id for row in rows if row.merged_into_id is None}
        for row in rows:
            if row.merged_into_id is not None:  # rare: resolved one by one
                mapping[row.id] = self.survivor(self.get(row.id)).id
        missing = set(mapping.values()) - {row.id for row in rows}
        if missing:
            rows += self.session.execute(_candidate_select().where(m.Person.id.in_(missing))).all()
        live = {row.id: row for row in rows if row.merged_into_id is None}
        found = [
            Candidate(
                r.id,
                r.given_names,
                r.family_name,
                r.preferred_name,
                r.birth_date,
                tuple(r.former_family_names or ()),
            )
            for r in live.values()
        ]
        return mapping, found

    def ids_by_birth_date(self, day: dt.date, *, limit: int) -> list[uuid.UUID]:
        """People born on that day."""
        stmt = select(m.Person.id).where(m.Person.birth_date == day).limit(limit)
        return list(self.session.scalars(stmt))

    def candidates_born(
        self, day: dt.date, *, limit: int
    ) -> tuple[dict[uuid.UUID, uuid.UUID], list[Candidate]]:
        """``candidates`` of the people born on that day (at most ``limit`` records), in one query."""
        stmt = _candidate_select().where(m.Person.birth_date == day).limit(limit)
        return self._resolve(list(self.session.execute(stmt).all()))

    def ids_by_identifier(self, kind: str, blind_index: str) -> set[uuid.UUID]:
        """People holding an identifier with that blind index (current or removed)."""
        stmt = select(m.PersonIdentifier.person_id).where(
            m.PersonIdentifier.kind == kind, m.PersonIdentifier.blind_index == blind_index
        )
        return set(self.session.scalars(stmt))

    def ids_by_contact(self, kind: str, value: str) -> set[uuid.UUID]:
        """People with that normalised phone or e-mail."""
        stmt = select(m.PersonContact.person_id).where(
            m.PersonContact.kind == kind, m.PersonContact.value == value
        )
        return set(self.session.scalars(stmt))

    def _current_sins(self, person_ids: Sequence[uuid.UUID]) -> list[tuple[uuid.UUID, str, str]]:
        """(person_id, blind index, masked) of current SINs. Filtered on kind in Python: with ``kind``
        in the WHERE clause SQLite without statistics picks the (kind, blind_index) index and scans
        every SIN in the registry instead of probing person_id."""
        stmt = select(
            m.PersonIdentifier.person_id,
            m.PersonIdentifier.kind,
            m.PersonIdentifier.blind_index,
            m.PersonIdentifier.masked,
        ).where(m.PersonIdentifier.person_id.in_(person_ids), m.PersonIdentifier.removed_at.is_(None))
        return [
            (pid, index, masked) for pid, kind, index, masked in self.session.execute(stmt) if kind == "sin"
        ]

    def sins_of(self, person_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
        """Current SIN blind indexes by person (to tell 'different SIN' apart from 'no SIN')."""
        out: dict[uuid.UUID, list[str]] = {}
        for pid, index, _masked in self._current_sins(person_ids):
            out.setdefault(pid, []).append(index)
        return out

    def summaries_extra(
        self, person_ids: Sequence[uuid.UUID]
    ) -> tuple[dict[uuid.UUID, str], dict[uuid.UUID, str]]:
        """Masked current SIN and current city by person, for result lines."""
        sins = {pid: masked for pid, _index, masked in self._current_sins(person_ids)}
        cities = dict(
            self.session.execute(
                select(m.PersonAddress.person_id, m.PersonAddress.city).where(
                    m.PersonAddress.person_id.in_(person_ids), m.PersonAddress.removed_at.is_(None)
                )
            ).all()
        )
        return sins, cities


def _candidate_select() -> Select[
    uuid.UUID, str, str, str | None, dt.date | None, uuid.UUID | None, list[str]
]:
    p = m.Person
    return select(
        p.id,
        p.given_names,
        p.family_name,
        p.preferred_name,
        p.birth_date,
        p.merged_into_id,
        p.former_family_names,
    )


class UnitRepository(Repository[object]):
    """Look-ups for benefit units and memberships."""

    def get(self, unit_id: uuid.UUID, *, for_update: bool = False) -> m.BenefitUnit:
        """The unit; raises UnitNotFound."""
        unit = self.session.get(m.BenefitUnit, unit_id, with_for_update=for_update)
        if unit is None:
            raise UnitNotFound(f"no benefit unit with id {unit_id}")
        return unit

    def memberships(self, unit_id: uuid.UUID) -> list[m.UnitMembership]:
        """A unit's whole membership history."""
        stmt = (
            select(m.UnitMembership)
            .where(m.UnitMembership.unit_id == unit_id)
            .order_by(m.UnitMembership.joined_on, m.UnitMembership.created_at)
        )
        return list(self.session.scalars(stmt))

    def memberships_of(self, person_ids: Sequence[uuid.UUID]) -> list[m.UnitMembership]:
        """Every membership of these people, in any unit."""
        stmt = select(m.UnitMembership).where(m.UnitMembership.person_id.in_(person_ids))
        return list(self.session.scalars(stmt.order_by(m.UnitMembership.joined_on)))

    def get_membership(self, unit_id: uuid.UUID, membership_id: uuid.UUID) -> m.UnitMembership:
        """One membership of this unit; raises RecordNotFound."""
        found = self.session.get(m.UnitMembership, membership_id)
        if found is None or found.unit_id != unit_id:
            raise RecordNotFound(f"no membership {membership_id} in unit {unit_id}")
        return found
