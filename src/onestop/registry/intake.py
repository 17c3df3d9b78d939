"""Turn what an officer typed into validated, normalised values, and those into table rows.

Validation is pure (``validate_person``). ``person_rows`` adds what needs the cipher (ciphertexts,
blind indexes, masked forms) and the search keys, and is shared by ``register_person`` and the bulk
demo loader, so a million-person load stores exactly what one registration would.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass, field
from typing import Any, Protocol

from onestop.common import text
from onestop.common.crypto import mask
from onestop.registry import domain, namekeys
from onestop.registry.schemas import PersonCreate

SIN_CONTEXT = "person.sin"
HEALTH_CONTEXT = "person.health_number"


class Cipher(Protocol):
    """The part of ``FieldCipher`` intake needs."""

    def encrypt(self, plaintext: str, *, context: str) -> bytes: ...

    def blind_index(self, normalised: str, *, context: str) -> str: ...


@dataclass(frozen=True)
class ValidPerson:
    """A person's details after validation and normalisation."""

    name: domain.LegalName
    birth_date: dt.date | None
    language: domain.Language
    language_other: str | None
    interpreter_needed: bool
    gender: str | None
    phones: tuple[tuple[str, str | None], ...] = ()
    emails: tuple[tuple[str, str | None], ...] = ()
    addresses: tuple[domain.Address, ...] = ()
    sin: str | None = None
    health_numbers: tuple[domain.HealthNumber, ...] = ()
    former_family_names: tuple[str, ...] = ()


def validate_person(data: PersonCreate, *, today: dt.date) -> ValidPerson:
    """Validate every field; the first problem raises InvalidInput naming it."""
    name = domain.legal_name(data.given_names, data.family_name, data.preferred_name)
    lang, other = domain.language(data.language, data.language_other)
    phones = tuple((domain.phone(p.number, field=f"phones[{i}]"), p.label) for i, p in enumerate(data.phones))
    emails = tuple(
        (domain.email(e.address, field=f"emails[{i}]"), e.label) for i, e in enumerate(data.emails)
    )
    addresses = tuple(
        domain.address(a.line1, a.line2, a.city, a.province, a.postal_code, field=f"addresses[{i}]")
        for i, a in enumerate(data.addresses)
    )
    health = tuple(
        domain.health_number(h.province, h.number, field=f"health_numbers[{i}]")
        for i, h in enumerate(data.health_numbers)
    )
    return ValidPerson(
        name=name,
        birth_date=domain.birth_date(data.birth_date, today=today),
        language=lang,
        language_other=other,
        interpreter_needed=data.interpreter_needed,
        gender=text.clean_text(data.gender) or None,
        phones=phones,
        emails=emails,
        addresses=addresses,
        sin=domain.sin(data.sin) if data.sin else None,
        health_numbers=health,
        former_family_names=tuple(
            domain.former_family_names(data.former_family_names, current=name.family_name)
        ),
    )


@functools.lru_cache(maxsize=65536)
def name_keys(name: domain.LegalName, former_family_names: tuple[str, ...] = ()) -> frozenset[str]:
    """The search keys stored for a name; a former family name is found like the family name."""
    keys: set[str] = set()
    for family in (name.family_name, *former_family_names):
        keys |= namekeys.keys_for(namekeys.NameParts.of(name.given_names, family, name.preferred_name))
    return frozenset(keys)


def sin_index(cipher: Cipher, sin: str) -> str:
    """Blind index of a SIN (digits only)."""
    return cipher.blind_index(sin, context=SIN_CONTEXT)


def health_index(cipher: Cipher, health: domain.HealthNumber) -> str:
    """Blind index of a health number, scoped by province."""
    return cipher.blind_index(f"{health.province}:{health.number}", context=HEALTH_CONTEXT)


def sin_row(cipher: Cipher, sin: str) -> dict[str, Any]:
    """Identifier columns for a SIN: ciphertext, blind index and masked form, never the plaintext."""
    shown = f"{sin[:3]} {sin[3:6]} {sin[6:]}"
    return {
        "kind": domain.IdentifierKind.SIN.value,
        "province": None,
        "ciphertext": cipher.encrypt(sin, context=SIN_CONTEXT),
        "blind_index": sin_index(cipher, sin),
        "masked": mask(shown),
    }


def health_row(cipher: Cipher, health: domain.HealthNumber) -> dict[str, Any]:
    """Identifier columns for a health number."""
    return {
        "kind": domain.IdentifierKind.HEALTH_NUMBER.value,
        "province": health.province,
        "ciphertext": cipher.encrypt(health.number, context=HEALTH_CONTEXT),
        "blind_index": health_index(cipher, health),
        "masked": mask(health.number, visible=3),
    }


@dataclass
class PersonRows:
    """Rows for one person in every registry table, ready for ``insert``."""

    person: dict[str, Any]
    name_keys: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    addresses: list[dict[str, Any]] = field(default_factory=list)
    identifiers: list[dict[str, Any]] = field(default_factory=list)


def person_rows(
    valid: ValidPerson, *, person_id: uuid.UUID, now: dt.datetime, by: str, cipher: Cipher, new_id: Any
) -> PersonRows:
    """Every row a registration stores; ``new_id`` makes ids for the attached records."""
    person = {
        "id": person_id,
        "created_at": now,
        "version": 1,
        "created_by": by,
        "given_names": valid.name.given_names,
        "family_name": valid.name.family_name,
        "former_family_names": list(valid.former_family_names),
        "preferred_name": valid.name.preferred_name,
        "birth_date": valid.birth_date,
        "language": valid.language.value,
        "language_other": valid.language_other,
        "interpreter_needed": valid.interpreter_needed,
        "gender": valid.gender,
    }
    common = {"person_id": person_id, "created_at": now, "version": 1, "added_by": by}
    rows = PersonRows(
        person,
        [
            {"key": k, "person_id": person_id}
            for k in sorted(name_keys(valid.name, valid.former_family_names))
        ],
    )
    for kind, items in (("phone", valid.phones), ("email", valid.emails)):
        for value, label in items:
            rows.contacts.append({**common, "id": new_id(), "kind": kind, "label": label, "value": value})
    for a in valid.addresses:
        rows.addresses.append(
            {
                **common,
                "id": new_id(),
                "line1": a.line1,
                "line2": a.line2,
                "city": a.city,
                "province": a.province,
                "postal_code": a.postal_code,
            }
        )
    if valid.sin:
        rows.identifiers.append({**common, "id": new_id(), **sin_row(cipher, valid.sin)})
    for h in valid.health_numbers:
        rows.identifiers.append({**common, "id": new_id(), **health_row(cipher, h)})
    return rows
