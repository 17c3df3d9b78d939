"""Validation and normalisation of what an officer records about a person. Pure: no database, no web.

Every function either returns the normalised value or raises ``InvalidInput`` naming the field, so a
bad entry is refused before anything is stored and the officer is told which box to fix.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.ca import sin as stdnum_sin
from stdnum.exceptions import ValidationError as StdnumError

from onestop.common.errors import InvalidInput
from onestop.common.text import clean_text

EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)
NAME_MAX = 200

#: Province and territory codes, with the first letters their postal codes may start with.
POSTAL_FIRST_LETTERS: dict[str, str] = {
    "NL": "A",
    "NS": "B",
    "PE": "C",
    "NB": "E",
    "QC": "GHJ",
    "ON": "KLMNP",
    "MB": "R",
    "SK": "S",
    "AB": "T",
    "BC": "V",
    "NU": "X",
    "NT": "X",
    "YT": "Y",
}
PROVINCES = frozenset(POSTAL_FIRST_LETTERS)

# Canada Post never uses D, F, I, O, Q, U; W and Z never start a code.
_POSTAL = re.compile(r"^([ABCEGHJ-NPRSTVXY])(\d)([ABCEGHJ-NPRSTV-Z]) ?(\d)([ABCEGHJ-NPRSTV-Z])(\d)$")

#: Provincial health numbers: what we know of each format (digits only unless stated).
HEALTH_NUMBER_FORMATS: dict[str, re.Pattern[str]] = {
    "AB": re.compile(r"^\d{9}$"),  # Alberta Personal Health Number
    "NL": re.compile(r"^\d{12}$"),  # Newfoundland and Labrador MCP number
    "ON": re.compile(r"^\d{10}$"),
    "BC": re.compile(r"^9\d{9}$"),
    "QC": re.compile(r"^[A-Z]{4}\d{8}$"),
}
_HEALTH_OTHER = re.compile(r"^[A-Z0-9]{6,12}$")


class Language(enum.StrEnum):
    """Official language of service, or another language (named in free text)."""

    EN = "en"
    FR = "fr"
    OTHER = "other"


class FlagKind(enum.StrEnum):
    """Safety flags an officer must see before meeting or writing to the person."""

    DO_NOT_MEET_ALONE = "do_not_meet_alone"
    AGGRESSIVE_BEHAVIOUR = "aggressive_behaviour"
    FLEEING_VIOLENCE_ADDRESS_CONFIDENTIAL = "fleeing_violence_address_confidential"
    OTHER = "other"


class IdentifierKind(enum.StrEnum):
    """Identifiers stored encrypted with a blind index."""

    SIN = "sin"
    HEALTH_NUMBER = "health_number"


@dataclass(frozen=True)
class LegalName:
    """A person's legal and preferred names; a one-word name is held as the family name."""

    given_names: str
    family_name: str
    preferred_name: str | None


@dataclass(frozen=True)
class Address:
    """A Canadian postal address, normalised."""

    line1: str
    line2: str | None
    city: str
    province: str
    postal_code: str


@dataclass(frozen=True)
class HealthNumber:
    """A provincial health number, normalised (no spaces or dashes, upper case)."""

    province: str
    number: str


def _name_part(value: str | None, field: str) -> str:
    text = clean_text(value)
    if len(text) > NAME_MAX:
        raise InvalidInput(field, f"is longer than {NAME_MAX} characters")
    if any(unicodedata.category(ch).startswith("C") for ch in text):
        raise InvalidInput(field, "contains control characters")
    if text and not any(ch.isalpha() for ch in text):
        raise InvalidInput(field, "must contain at least one letter")
    return text


def legal_name(
    given_names: str | None, family_name: str | None, preferred_name: str | None = None
) -> LegalName:
    """Validate names: any script, apostrophes and hyphens; one-word names go in the family name."""
    given = _name_part(given_names, "given_names")
    family = _name_part(family_name, "family_name")
    preferred = _name_part(preferred_name, "preferred_name") or None
    if not given and not family:
        raise InvalidInput("legal_name", "a legal name is required (a one-word name goes in family_name)")
    if given and not family:
        given, family = "", given  # a single name is held as the family name, the only one searched
    return LegalName(given_names=given, family_name=family, preferred_name=preferred)


MAX_FORMER_NAMES = 5


def former_family_names(values: list[str] | None, *, current: str) -> list[str]:
    """Other surnames used, validated like names; blanks, repeats and the current name dropped."""
    if len(values or []) > MAX_FORMER_NAMES:
        raise InvalidInput("former_family_names", f"has more than {MAX_FORMER_NAMES} names")
    kept: dict[str, str] = {}
    for i, value in enumerate(values or []):
        name = _name_part(value, f"former_family_names[{i}]")
        if name and name.casefold() != current.casefold():
            kept.setdefault(name.casefold(), name)
    return list(kept.values())


def birth_date(value: dt.date | None, *, today: dt.date) -> dt.date | None:
    """A birth date may be unknown, but never in the future nor before 1900."""
    if value is None:
        return None
    if value > today:
        raise InvalidInput("birth_date", f"is in the future ({value.isoformat()})")
    if value < EARLIEST_BIRTH_DATE:
        raise InvalidInput("birth_date", f"is before {EARLIEST_BIRTH_DATE.isoformat()}")
    return value


def language(value: str, other: str | None) -> tuple[Language, str | None]:
    """Language of service: en, fr, or other with the language named."""
    try:
        lang = Language(clean_text(value).lower())
    except ValueError:
        raise InvalidInput("language", f"must be one of en, fr, other (got {value!r})") from None
    other_text = clean_text(other) or None
    if lang is Language.OTHER and not other_text:
        raise InvalidInput("language_other", "name the language when the language is 'other'")
    return lang, other_text if lang is Language.OTHER else None


def phone(value: str, *, field: str = "phone") -> str:
    """Normalise a phone number to E.164 (Canadian numbers may be written without +1)."""
    try:
        parsed = phonenumbers.parse(value, "CA")
    except phonenumbers.NumberParseException:
        raise InvalidInput(field, f"is not a phone number: {value!r}") from None
    if not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(field, f"is not a valid phone number: {value!r}")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def email(value: str, *, field: str = "email") -> str:
    """Check an e-mail address's syntax (no DNS look-up) and normalise its domain."""
    try:
        return validate_email(clean_text(value), check_deliverability=False).normalized
    except EmailNotValidError as err:
        raise InvalidInput(field, f"is not a valid e-mail address: {err}") from None


def province(value: str, *, field: str = "province") -> str:
    """One of the 13 province and territory codes."""
    code = clean_text(value).upper()
    if code not in PROVINCES:
        raise InvalidInput(field, f"is not a Canadian province or territory code: {value!r}")
    return code


def postal_code(value: str, prov: str, *, field: str = "postal_code") -> str:
    """Normalise to 'A1A 1A1' and check the first letter belongs to the province."""
    match = _POSTAL.match(clean_text(value).upper())
    if match is None:
        raise InvalidInput(field, f"is not a postal code like A1A 1A1: {value!r}")
    code = "{}{}{} {}{}{}".format(*match.groups())
    if code[0] not in POSTAL_FIRST_LETTERS[prov]:
        raise InvalidInput(field, f"{code} is not a postal code of {prov}")
    return code


def address(
    line1: str, line2: str | None, city: str, prov: str, postal: str, *, field: str = "address"
) -> Address:
    """Validate a whole address; errors name the sub-field (e.g. 'addresses[0].postal_code')."""
    first = clean_text(line1)
    if not first:
        raise InvalidInput(f"{field}.line1", "is required")
    town = clean_text(city)
    if not town:
        raise InvalidInput(f"{field}.city", "is required")
    code = province(prov, field=f"{field}.province")
    return Address(
        first, clean_text(line2) or None, town, code, postal_code(postal, code, field=f"{field}.postal_code")
    )


def sin(value: str, *, field: str = "sin") -> str:
    """A social insurance number: nine digits with a valid check digit, returned as digits."""
    try:
        return stdnum_sin.validate(value)
    except StdnumError as err:
        raise InvalidInput(field, f"is not a valid social insurance number ({err})") from None


def health_number(prov: str, number: str, *, field: str = "health_number") -> HealthNumber:
    """A provincial health number; AB is 9 digits, NL 12, others checked as far as known."""
    code = province(prov, field=f"{field}.province")
    compact = re.sub(r"[\s-]", "", number or "").upper()
    pattern = HEALTH_NUMBER_FORMATS.get(code, _HEALTH_OTHER)
    if not pattern.match(compact):
        raise InvalidInput(f"{field}.number", f"is not a valid {code} health number")
    return HealthNumber(code, compact)


def flag_kind(value: str) -> FlagKind:
    """A known safety-flag kind."""
    try:
        return FlagKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in FlagKind)
        raise InvalidInput("kind", f"must be one of {allowed}") from None
