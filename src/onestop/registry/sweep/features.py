"""The columns the sweep compares, computed from a person's stored details. Pure.

Names are folded the way search folds them (``namekeys``: accents, Mac/Mc, St/Saint), so those
variants are simply equal here; what remains for the model is real disagreement. Nothing secret is
read: a SIN or health number comes only as its blind index (the keyed HMAC registration searches
by), which tells whether two records hold the same number and nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from onestop.registry import givennames, namekeys

COLUMNS = (
    "unique_id",
    "given",
    "given_all",
    "given_key",
    "given_phon",
    "family",
    "family_phon",
    "former",
    "given_all_phon",
    "birth_date",
    "birth_text",
    "sex",
    "postal_code",
    "phone",
    "email",
    "sin",
    "health_number",
)

_SEX = {
    "f": "f",
    "female": "f",
    "femme": "f",
    "woman": "f",
    "girl": "f",
    "fille": "f",
    "feminin": "f",
    "m": "m",
    "male": "m",
    "homme": "m",
    "man": "m",
    "boy": "m",
    "garcon": "m",
    "masculin": "m",
}


@dataclass(frozen=True)
class PersonDetails:
    """What the sweep reads of one person."""

    person_id: str
    given_names: str
    family_name: str
    preferred_name: str | None
    birth_date: dt.date | None
    gender: str | None
    postal_code: str | None
    phone: str | None
    email: str | None
    sin: str | None = None  # blind index, never the number
    health_number: str | None = None  # blind index of the first current one, with its province
    former_family_names: tuple[str, ...] = ()  # other family names used (a name before marriage)


def sex_of(gender: str | None) -> str | None:
    """ "f" or "m" when the free-text gender plainly says so; otherwise unknown (None)."""
    return _SEX.get(namekeys.fold(gender or ""))


def row(person: PersonDetails) -> dict[str, Any]:
    """One input row of the model (see ``COLUMNS``)."""
    given = namekeys.tokens(person.given_names)
    family = namekeys.tokens(person.family_name)
    first = given[0] if given else None
    family_joined = " ".join(family) or None
    born = person.birth_date
    return {
        "unique_id": person.person_id,
        "given": first,
        "given_all": " ".join(given) or None,  # every given name: "marie claude", compared with family
        "given_key": givennames.nickname_key(first) if first else None,
        "given_phon": namekeys.phonetic(first) if first else None,
        "family": family_joined,
        "family_phon": namekeys.phonetic("".join(family)) if family else None,
        "former": _former(person.former_family_names),
        "given_all_phon": namekeys.phonetic("".join(given)) if given else None,
        "birth_date": born,
        "birth_text": born.strftime("%Y%m%d") if born else None,  # digits only: a slip may cross a dash
        "sex": sex_of(person.gender),
        "postal_code": (person.postal_code or "").replace(" ", "").upper() or None,
        "phone": person.phone or None,
        "email": (person.email or "").lower() or None,
        "sin": person.sin or None,
        "health_number": person.health_number or None,
    }


def _former(names: tuple[str, ...]) -> str | None:
    """Folded former family names as "|gagnon|roy|", so SQL finds a family name in it with ``contains``."""
    folded = [" ".join(namekeys.tokens(n)) for n in names]
    kept = [f for f in folded if f]
    return "|" + "|".join(kept) + "|" if kept else None


def schema() -> Any:
    """The Arrow schema of the rows (dates as dates, everything else text)."""
    import pyarrow as pa

    return pa.schema([(name, pa.date32() if name == "birth_date" else pa.string()) for name in COLUMNS])
