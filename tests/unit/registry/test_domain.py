"""Validation of every field a person has, with the bad inputs officers actually type."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop.common.errors import InvalidInput
from onestop.registry import domain
from onestop.registry.intake import validate_person
from onestop.registry.schemas import AddressIn, HealthNumberIn, PersonCreate, PhoneIn

TODAY = dt.date(2026, 3, 2)


def _field(excinfo: pytest.ExceptionInfo[InvalidInput]) -> str:
    return excinfo.value.field


@pytest.mark.parametrize(
    ("given", "family", "expected"),
    [
        ("Hélène", "Côté-Tremblay", ("Hélène", "Côté-Tremblay")),
        ("Seán", "O'Connor", ("Seán", "O'Connor")),
        ("", "Madonna", ("", "Madonna")),
        ("Madonna", "", ("", "Madonna")),  # a single name is held as the family name
        ("  Marie   Ève ", "D'Amours", ("Marie Ève", "D'Amours")),
        ("Юлия", "Иванова", ("Юлия", "Иванова")),
    ],
)
def test_names_accept_any_script_and_one_word(given: str, family: str, expected: tuple[str, str]) -> None:
    name = domain.legal_name(given, family)
    assert (name.given_names, name.family_name) == expected


def test_names_are_nfc_normalised() -> None:
    decomposed = "He\u0301le\u0300ne"
    assert domain.legal_name(decomposed, "X").given_names == "Hélène"


@pytest.mark.parametrize(("given", "family"), [("", ""), ("  ", " "), (None, None)])
def test_empty_legal_name_refused(given: str | None, family: str | None) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        domain.legal_name(given, family)
    assert _field(excinfo) == "legal_name"


def test_name_without_letters_refused() -> None:
    with pytest.raises(InvalidInput) as excinfo:
        domain.legal_name("123", "Smith")
    assert _field(excinfo) == "given_names"


def test_birth_date_in_future_refused() -> None:
    with pytest.raises(InvalidInput, match="future") as excinfo:
        domain.birth_date(TODAY + dt.timedelta(days=1), today=TODAY)
    assert _field(excinfo) == "birth_date"


def test_birth_date_before_1900_refused() -> None:
    with pytest.raises(InvalidInput, match="1900"):
        domain.birth_date(dt.date(1899, 12, 31), today=TODAY)


def test_birth_date_today_and_unknown_accepted() -> None:
    assert domain.birth_date(TODAY, today=TODAY) == TODAY
    assert domain.birth_date(None, today=TODAY) is None


def test_language_other_needs_a_name() -> None:
    assert domain.language("FR", None) == (domain.Language.FR, None)
    assert domain.language("other", "Tigrinya") == (domain.Language.OTHER, "Tigrinya")
    with pytest.raises(InvalidInput) as excinfo:
        domain.language("other", " ")
    assert _field(excinfo) == "language_other"
    with pytest.raises(InvalidInput) as excinfo:
        domain.language("klingon", None)
    assert _field(excinfo) == "language"


@pytest.mark.parametrize("typed", ["(780) 555-0199", "780-555-0199", "+1 780 555 0199", "1-780-555-0199"])
def test_phone_normalised_to_e164(typed: str) -> None:
    assert domain.phone(typed) == "+17805550199"


@pytest.mark.parametrize("typed", ["555", "hello", "(000) 555-0199", ""])
def test_bad_phone_refused(typed: str) -> None:
    with pytest.raises(InvalidInput):
        domain.phone(typed)


def test_email_normalised_and_malformed_refused() -> None:
    assert domain.email("Jo.Smith@Example.COM") == "Jo.Smith@example.com"
    for bad in ["jo@", "no-at-sign", "a@b", "two@@example.com"]:
        with pytest.raises(InvalidInput) as excinfo:
            domain.email(bad, field="emails[0]")
        assert _field(excinfo) == "emails[0]"


def test_province_codes() -> None:
    assert len(domain.PROVINCES) == 13
    assert domain.province("ab") == "AB"
    with pytest.raises(InvalidInput, match="province"):
        domain.province("ZZ")


@pytest.mark.parametrize(
    ("typed", "prov", "expected"),
    [("t5j0n3", "AB", "T5J 0N3"), ("A1C 5M2", "NL", "A1C 5M2"), ("h2x 1y4", "QC", "H2X 1Y4")],
)
def test_postal_code_normalised(typed: str, prov: str, expected: str) -> None:
    assert domain.postal_code(typed, prov) == expected


@pytest.mark.parametrize("typed", ["12345", "T5J-0N3", "D5J 0N3", "T5J 0N", "TT5 0N3", "T5O 0N3"])
def test_malformed_postal_code_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="postal code"):
        domain.postal_code(typed, "AB")


def test_postal_code_must_match_province() -> None:
    with pytest.raises(InvalidInput, match="not a postal code of NL"):
        domain.postal_code("T5J 0N3", "NL")


def test_address_errors_name_the_sub_field() -> None:
    with pytest.raises(InvalidInput) as excinfo:
        domain.address("1 Main St", None, "Edmonton", "XX", "T5J 0N3", field="addresses[0]")
    assert _field(excinfo) == "addresses[0].province"
    with pytest.raises(InvalidInput) as excinfo:
        domain.address("", None, "Edmonton", "AB", "T5J 0N3", field="addresses[0]")
    assert _field(excinfo) == "addresses[0].line1"


def test_sin_checksum() -> None:
    assert domain.sin("130 692 544") == "130692544"
    with pytest.raises(InvalidInput, match="social insurance number") as excinfo:
        domain.sin("130 692 545")  # last digit wrong
    assert _field(excinfo) == "sin"
    with pytest.raises(InvalidInput):
        domain.sin("12345")


def test_health_numbers_by_province() -> None:
    assert domain.health_number("AB", "12345-6789").number == "123456789"
    assert domain.health_number("NL", "123 456 789 012").number == "123456789012"
    with pytest.raises(InvalidInput) as excinfo:
        domain.health_number("AB", "12345678")
    assert _field(excinfo) == "health_number.number"
    with pytest.raises(InvalidInput):
        domain.health_number("NL", "123456789")


def test_flag_kind() -> None:
    assert domain.flag_kind("do_not_meet_alone") is domain.FlagKind.DO_NOT_MEET_ALONE
    with pytest.raises(InvalidInput) as excinfo:
        domain.flag_kind("grumpy")
    assert _field(excinfo) == "kind"


def test_validate_person_names_the_nested_field() -> None:
    data = PersonCreate(
        given_names="Ann",
        family_name="Lee",
        phones=[PhoneIn(number="780 555 0199"), PhoneIn(number="nope")],
    )
    with pytest.raises(InvalidInput) as excinfo:
        validate_person(data, today=TODAY)
    assert _field(excinfo) == "phones[1]"
    data = PersonCreate(
        family_name="Lee",
        addresses=[AddressIn(line1="1 Water St", city="St. John's", province="NL", postal_code="T5J 0N3")],
    )
    with pytest.raises(InvalidInput) as excinfo:
        validate_person(data, today=TODAY)
    assert _field(excinfo) == "addresses[0].postal_code"
    data = PersonCreate(family_name="Lee", health_numbers=[HealthNumberIn(province="AB", number="1")])
    with pytest.raises(InvalidInput) as excinfo:
        validate_person(data, today=TODAY)
    assert _field(excinfo) == "health_numbers[0].number"


def test_validate_person_normalises() -> None:
    valid = validate_person(
        PersonCreate(
            given_names="ann", family_name="Lee", sin="130-692-544", phones=[PhoneIn(number="7805550199")]
        ),
        today=TODAY,
    )
    assert valid.sin == "130692544"
    assert valid.phones == (("+17805550199", None),)
