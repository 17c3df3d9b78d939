"""Assembling the case data of an application: the unit's members from the registry plus the facts.

Pure. The result is a case mapping in the case-format vocabulary (reference/case-format.md) that the
rules engine reads, together with where each value came from and whether it is verified. Deciding
uses only verified values, so an unverified fact leaves the result undetermined and is named.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from onestop.cases.applications.domain import FactPath, FactSource, parse_path

ADULT_ROLES = ("applicant", "partner")


@dataclass(frozen=True)
class Member:
    """A member of the unit on the case date, as the registry knows them."""

    person_id: uuid.UUID
    role: str
    birth_date: dt.date | None
    identity_document_id: uuid.UUID | None = None  # a verified identity document proves the birth date

    @property
    def is_adult(self) -> bool:
        """Applicant or partner (the adults of the unit)."""
        return self.role in ADULT_ROLES


@dataclass(frozen=True)
class Fact:
    """One value of the case, with its provenance."""

    path: str
    value: Any
    source: str
    verified: bool
    document_id: uuid.UUID | None = None


@dataclass
class CaseData:
    """A case mapping plus the provenance of each value used."""

    mapping: dict[str, Any]
    provenance: dict[str, dict[str, Any]] = field(default_factory=dict)
    unverified: list[str] = field(default_factory=list)  # recorded but left out: not verified
    ignored: list[str] = field(default_factory=list)  # about people no longer in the unit


def assemble(
    jurisdiction: str, on: dt.date, members: list[Member], facts: list[Fact], *, verified_only: bool
) -> CaseData:
    """The case on ``on``: members' roles and birth dates, then each (verified) fact."""
    people: dict[str, dict[str, Any]] = {}
    data = CaseData({"jurisdiction": jurisdiction, "date": on.isoformat(), "people": [], "unit": {}})
    for member in members:
        pid = str(member.person_id)
        people[pid] = {"id": pid, "role": member.role}
        _provenance(data, f"people[{pid}].role", member.role, FactSource.REGISTRY, True, None)
        if member.birth_date is not None:
            verified = member.identity_document_id is not None
            path = f"people[{pid}].birth_date"
            if verified or not verified_only:
                people[pid]["birth_date"] = member.birth_date.isoformat()
                _provenance(
                    data, path, member.birth_date, FactSource.REGISTRY, verified, member.identity_document_id
                )
            else:
                data.unverified.append(path)
    for fact in sorted(facts, key=lambda f: f.path):
        _place(data, people, parse_path(fact.path), fact, verified_only=verified_only)
    data.mapping["people"] = list(people.values())
    return data


def _place(
    data: CaseData, people: dict[str, dict[str, Any]], path: FactPath, fact: Fact, *, verified_only: bool
) -> None:
    if path.entity == "person" and path.person_id not in people:
        data.ignored.append(fact.path)
        return
    if path.entity == "person" and path.name == "age" and "birth_date" in people[str(path.person_id)]:
        data.ignored.append(fact.path)  # the registry's date of birth decides the age
        return
    if verified_only and not fact.verified:
        data.unverified.append(fact.path)
        return
    if path.entity == "person":
        assert path.person_id is not None
        people[path.person_id][path.name] = fact.value
    elif path.group:
        data.mapping["unit"].setdefault(path.group, {})[path.name] = fact.value
    else:
        data.mapping["unit"][path.name] = fact.value
    _provenance(data, fact.path, fact.value, fact.source, fact.verified, fact.document_id)


def _provenance(
    data: CaseData, path: str, value: Any, source: str, verified: bool, document_id: uuid.UUID | None
) -> None:
    data.provenance[path] = {
        "value": plain(value),
        "source": str(source),
        "verified": verified,
        "document_id": str(document_id) if document_id else None,
    }


def plain(value: Any) -> Any:
    """A value as JSON can hold it (dates as ISO text, decimals and ids as text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool | int | str) or value is None:
        return value
    return str(value)


def explain_missing(missing: list[str], unverified: list[str]) -> list[dict[str, str]]:
    """Each missing input, and whether it is unknown or only waiting for verification."""
    waiting = set(unverified)
    out = []
    for path in missing:
        problem = "not known"
        if path in waiting:
            problem = "recorded but not verified"
        elif path.endswith(".age") and path.removesuffix(".age") + ".birth_date" in waiting:
            problem = "date of birth not verified (needs a verified identity document)"
        out.append({"path": path, "problem": problem})
    return out
