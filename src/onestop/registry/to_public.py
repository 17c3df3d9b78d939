"""Build what services return from table rows: masked, with merged records' data gathered in.

Identifiers appear only in their stored masked form; the ciphertext never leaves the repository
except through ``reveal_identifier``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select

from onestop.registry import models as m
from onestop.registry import schemas
from onestop.registry.matching import Candidate, Scored
from onestop.registry.repository import PeopleRepository


def person_public(repo: PeopleRepository, person: m.Person) -> schemas.PersonPublic:
    """A person's file; for a survivor, includes the records of everyone merged into it."""
    ids = repo.merged_record_ids(person.id) if person.merged_into_id is None else [person.id]
    base = schemas.PersonPublic.model_validate(person)
    return base.model_copy(
        update={
            "merged_ids": ids[1:],
            "contacts": [
                schemas.ContactPublic.model_validate(r) for r in repo.attached(m.PersonContact, ids)
            ],
            "addresses": [
                schemas.AddressPublic.model_validate(r) for r in repo.attached(m.PersonAddress, ids)
            ],
            "identifiers": [
                schemas.IdentifierPublic.model_validate(r) for r in repo.attached(m.PersonIdentifier, ids)
            ],
            "safety_flags": [schemas.FlagPublic.model_validate(r) for r in repo.attached(m.SafetyFlag, ids)],
            "consents": [schemas.ConsentPublic.model_validate(r) for r in repo.attached(m.Consent, ids)],
        }
    )


def summaries(
    repo: PeopleRepository, ids: Sequence[uuid.UUID], known: Mapping[uuid.UUID, Candidate] | None = None
) -> dict[uuid.UUID, schemas.PersonSummary]:
    """One-line summaries (masked SIN, current city) for result lists; the people in ``known`` (as a
    search just read them) are not read again."""
    if not ids:
        return {}
    sins, cities = repo.summaries_extra(ids)
    known = known or {}
    rows: list[Any] = [known[i] for i in ids if i in known]
    unknown = [i for i in ids if i not in known]
    if unknown:
        rows += repo.session.execute(_summary_select(unknown)).all()
    out = {}
    for row in rows:
        row_id = row.person_id if isinstance(row, Candidate) else row.id
        out[row_id] = schemas.PersonSummary(
            id=row_id,
            given_names=row.given_names,
            family_name=row.family_name,
            preferred_name=row.preferred_name,
            birth_date=row.birth_date,
            sin=sins.get(row_id),
            city=cities.get(row_id),
        )
    return out


def _summary_select(ids: Sequence[uuid.UUID]) -> Any:
    p = m.Person
    return select(p.id, p.given_names, p.family_name, p.preferred_name, p.birth_date).where(p.id.in_(ids))


def hits(
    repo: PeopleRepository, scored: list[Scored], known: Mapping[uuid.UUID, Candidate] | None = None
) -> list[schemas.SearchHit]:
    """Search results in score order (``known``: the records the search scored)."""
    lines = summaries(repo, [s.person_id for s in scored], known)
    return [
        schemas.SearchHit(person=lines[s.person_id], score=s.score, reasons=list(s.reasons)) for s in scored
    ]


def matches(repo: PeopleRepository, scored: list[Scored]) -> list[schemas.DuplicateMatch]:
    """Possible duplicates in score order."""
    lines = summaries(repo, [s.person_id for s in scored])
    return [
        schemas.DuplicateMatch(person=lines[s.person_id], score=s.score, reasons=list(s.reasons))
        for s in scored
    ]


def audit_snapshot(person: m.Person) -> dict[str, Any]:
    """The core fields for audit before/after (never identifiers)."""
    return {
        "given_names": person.given_names,
        "family_name": person.family_name,
        "former_family_names": list(person.former_family_names or []),
        "preferred_name": person.preferred_name,
        "birth_date": person.birth_date,
        "language": person.language,
        "language_other": person.language_other,
        "interpreter_needed": person.interpreter_needed,
        "gender": person.gender,
        "merged_into_id": person.merged_into_id,
    }


def unit_public(unit: m.BenefitUnit, members: list[m.UnitMembership]) -> schemas.UnitPublic:
    """A unit with its membership history."""
    base = schemas.UnitPublic.model_validate(unit)
    return base.model_copy(update={"members": [schemas.MemberPublic.model_validate(x) for x in members]})
