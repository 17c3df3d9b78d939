"""The synthetic population: reproducible, valid by the registry's own rules, with near-duplicates."""

from __future__ import annotations

import datetime as dt
import itertools

from stdnum.ca import sin as stdnum_sin

from onestop.demo import generate
from onestop.demo.generator import DemoPerson, luhn_complete
from onestop.registry.intake import ValidPerson, validate_person
from onestop.registry.schemas import AddressIn, EmailIn, HealthNumberIn, PersonCreate, PhoneIn


def _people(n: int, seed: int) -> list[DemoPerson]:
    return [p for h in generate(n, seed) for p in h.members]


def as_input(valid: ValidPerson) -> PersonCreate:
    """What an officer would have typed to register this person."""
    return PersonCreate(
        given_names=valid.name.given_names,
        family_name=valid.name.family_name,
        former_family_names=list(valid.former_family_names),
        birth_date=valid.birth_date,
        language=valid.language.value,
        language_other=valid.language_other,
        interpreter_needed=valid.interpreter_needed,
        gender=valid.gender,
        phones=[PhoneIn(number=n, label=label) for n, label in valid.phones],
        emails=[EmailIn(address=e) for e, _ in valid.emails],
        addresses=[
            AddressIn(
                line1=a.line1, line2=a.line2, city=a.city, province=a.province, postal_code=a.postal_code
            )
            for a in valid.addresses
        ],
        sin=valid.sin,
        health_numbers=[HealthNumberIn(province=h.province, number=h.number) for h in valid.health_numbers],
    )


def test_same_seed_same_people() -> None:
    first, again, other = _people(300, 7), _people(300, 7), _people(300, 8)
    assert len(first) == 300
    assert [(p.id, p.person) for p in first] == [(p.id, p.person) for p in again]
    assert [p.person.name for p in first] != [p.person.name for p in other]


def test_every_person_passes_registry_validation() -> None:
    for demo in _people(600, 3):
        assert validate_person(as_input(demo.person), today=dt.date(2026, 3, 2)) == demo.person


def test_sins_valid_and_unique_except_deliberate_duplicates() -> None:
    people = _people(5000, 11)
    sins = [p.person.sin for p in people if p.person.sin and p.duplicate_of is None]
    assert all(stdnum_sin.is_valid(s) for s in sins)
    assert len(sins) == len(set(sins))
    assert luhn_complete("13069254") == "130692544"


def test_population_has_the_hard_cases() -> None:
    people = _people(3000, 5)
    names = [f"{p.person.name.given_names} {p.person.name.family_name}" for p in people]
    assert any(ch in "".join(names) for ch in "éèç")
    assert any("'" in n for n in names)
    assert any("-" in n for n in names)
    duplicates = [p for p in people if p.duplicate_of is not None]
    assert 20 <= len(duplicates) <= 150
    assert any(p.person.sin is None for p in duplicates)
    provinces = {p.person.addresses[0].province for p in people}
    assert provinces == {"AB", "NL"}


def test_households_have_partners_and_children() -> None:
    households = list(itertools.islice(generate(2000, 2), 400))
    roles = [tuple(m.role for m in h.members) for h in households if h.unit_id is not None]
    assert any(len(r) >= 3 for r in roles)
    assert all(r[0] == "applicant" for r in roles)


def test_some_wives_keep_their_name_before_marriage() -> None:
    """A few demo people have a former family name, so the file and the duplicate check show it."""
    people = _people(300, 7)
    née = [p for p in people if p.person.former_family_names]
    assert née and len(née) < len(people) // 5
    assert all(p.person.former_family_names[0] != p.person.name.family_name for p in née)
