"""Candidate retrieval and ranking for search and duplicate detection.

Every look-up is an indexed equality (name keys, birth date, SIN and health-number blind indexes,
normalised phone), so cost depends on how many people share a key, not on the registry's size.
Candidates are capped, merged records resolve to their survivor, and scoring happens in Python.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from onestop.common import text
from onestop.common.errors import InvalidInput
from onestop.registry import domain, intake, matching, namekeys
from onestop.registry.repository import PeopleRepository

MAX_NAME_CANDIDATES = 2000
CLOSE_NAME = 90  # a narrow-key candidate this close means the broad keys are not needed
MAX_DATE_CANDIDATES = 500


@dataclass(frozen=True)
class Criteria:
    """Normalised search criteria."""

    name: str | None = None
    birth_date: dt.date | None = None
    sin: str | None = None
    phone: str | None = None


def _by_name(
    repo: PeopleRepository, options: list[namekeys.NameParts], *, allow_broad: bool
) -> tuple[dict[uuid.UUID, uuid.UUID], list[matching.Candidate]]:
    """Name candidates: the narrow keys first; the broad keys only if no close name turned up."""
    keys = set().union(*(namekeys.query_keys(p) for p in options))
    mapping, found = repo.candidates_by_name_keys(keys, limit=MAX_NAME_CANDIDATES)
    if not allow_broad or any(matching.name_similarity(options, c) >= CLOSE_NAME for c in found):
        return mapping, found
    broad = set().union(*(namekeys.query_keys(p, broad=True) for p in options))
    more_mapping, more = repo.candidates_by_name_keys(broad, limit=MAX_NAME_CANDIDATES)
    return mapping | more_mapping, list({c.person_id: c for c in found + more}.values())


def _merge(
    first: tuple[dict[uuid.UUID, uuid.UUID], list[matching.Candidate]],
    second: tuple[dict[uuid.UUID, uuid.UUID], list[matching.Candidate]],
) -> tuple[dict[uuid.UUID, uuid.UUID], list[matching.Candidate]]:
    return first[0] | second[0], list({c.person_id: c for c in first[1] + second[1]}.values())


def search(
    repo: PeopleRepository, cipher: intake.Cipher, criteria: Criteria, *, limit: int
) -> list[matching.Scored]:
    """Rank people against the criteria; best first, weak matches dropped."""
    return search_candidates(repo, cipher, criteria, limit=limit)[0]


def search_candidates(
    repo: PeopleRepository, cipher: intake.Cipher, criteria: Criteria, *, limit: int
) -> tuple[list[matching.Scored], dict[uuid.UUID, matching.Candidate]]:
    """``search``, with the records it scored by id (their names and birth dates make the result
    lines without reading the people again)."""
    parts = namekeys.parse_query(criteria.name) if criteria.name else None
    sin_ids = repo.ids_by_identifier("sin", intake.sin_index(cipher, criteria.sin)) if criteria.sin else set()
    phone_ids = repo.ids_by_contact("phone", criteria.phone) if criteria.phone else set()
    resolved, found = repo.candidates(sin_ids | phone_ids)
    if criteria.birth_date is not None:  # everyone born that day, read with what scoring needs
        born = repo.candidates_born(criteria.birth_date, limit=MAX_DATE_CANDIDATES)
        resolved, found = _merge((resolved, found), born)
    if parts:
        resolved, found = _merge((resolved, found), _by_name(repo, parts, allow_broad=True))
    sin_hits = {resolved[i] for i in sin_ids}
    phone_hits = {resolved[i] for i in phone_ids}
    scored = []
    for cand in found:
        evidence = matching.Evidence(
            same_sin=cand.person_id in sin_hits, same_phone=cand.person_id in phone_hits
        )
        hit = matching.score_search(cand, name=parts, birth=criteria.birth_date, evidence=evidence)
        if hit.score >= matching.SEARCH_MINIMUM:
            scored.append(hit)
    scored.sort(key=lambda s: (-s.score, s.person_id))
    return scored[:limit], {c.person_id: c for c in found}


def duplicates(
    repo: PeopleRepository,
    cipher: intake.Cipher,
    valid: intake.ValidPerson,
    *,
    exclude: uuid.UUID | None = None,
) -> list[matching.Scored]:
    """Existing people who may be the one being registered, scored 0-100 with reasons.

    With a birth date, everyone born that day is compared, so a typo'd name is still caught and the
    broad name keys are not needed.
    """
    name = valid.name
    parts = [
        namekeys.NameParts.of(name.given_names, family, name.preferred_name)
        for family in (name.family_name, *valid.former_family_names)
    ]
    ids: set[uuid.UUID] = set()
    if valid.birth_date is not None:
        ids.update(repo.ids_by_birth_date(valid.birth_date, limit=MAX_DATE_CANDIDATES))
    sin_ids = repo.ids_by_identifier("sin", intake.sin_index(cipher, valid.sin)) if valid.sin else set()
    health_ids: set[uuid.UUID] = set()
    for h in valid.health_numbers:
        health_ids |= repo.ids_by_identifier("health_number", intake.health_index(cipher, h))
    phone_ids: set[uuid.UUID] = set()
    for number, _label in valid.phones:
        phone_ids |= repo.ids_by_contact("phone", number)
    by_name = _by_name(repo, parts, allow_broad=valid.birth_date is None)
    resolved, found = _merge(repo.candidates(ids | sin_ids | health_ids | phone_ids), by_name)
    found = [c for c in found if c.person_id != exclude]
    sin_hits, health_hits = {resolved[i] for i in sin_ids}, {resolved[i] for i in health_ids}
    phone_hits = {resolved[i] for i in phone_ids}
    their_sins = repo.sins_of([c.person_id for c in found]) if valid.sin else {}
    own_sin = intake.sin_index(cipher, valid.sin) if valid.sin else None
    new = matching.Candidate(
        uuid.UUID(int=0),
        name.given_names,
        name.family_name,
        name.preferred_name,
        valid.birth_date,
        valid.former_family_names,
    )
    scored = []
    for cand in found:
        pid = cand.person_id
        evidence = matching.Evidence(
            same_sin=pid in sin_hits,
            different_sin=bool(their_sins.get(pid)) and own_sin not in their_sins.get(pid, []),
            same_health_number=pid in health_hits,
            same_phone=pid in phone_hits,
        )
        result = matching.score_duplicate(new, cand, evidence)
        if result.score >= matching.POSSIBLE_DUPLICATE:
            scored.append(result)
    scored.sort(key=lambda s: (-s.score, s.person_id))
    return scored[:20]


def normalise_criteria(
    name: str | None, birth: dt.date | None, sin: str | None, phone: str | None
) -> Criteria:
    """Validate search input (a malformed SIN or phone is an error, not an empty result)."""
    cleaned = text.clean_text(name) or None
    criteria = Criteria(
        name=cleaned,
        birth_date=birth,
        sin=domain.sin(sin) if sin else None,
        phone=domain.phone(phone) if phone else None,
    )
    if not (criteria.name or criteria.birth_date or criteria.sin or criteria.phone):
        raise InvalidInput("query", "give a name, birth date, SIN or phone")
    return criteria
