"""Fuzzy search on both backends: the cases officers type."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from onestop.access.permissions import Actor
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput
from onestop.registry import find_duplicates, search_people
from onestop.registry.schemas import PersonCreate, PersonSummary, PhoneIn, SearchQuery
from tests.integration.registry.conftest import PersonFactory

SIN = "130 692 544"


@pytest.fixture
def people(make_person: PersonFactory) -> dict[str, PersonSummary]:
    """A small registry with the names the fuzzy cases need."""
    made = {
        "john": make_person(
            "John", "Smith", dt.date(1980, 5, 17), sin=SIN, phones=[PhoneIn(number="780 555 0199")]
        ),
        "angus": make_person("Angus", "MacDonald", dt.date(1975, 1, 2)),
        "helene": make_person("Hélène", "Côté", dt.date(1990, 7, 8)),
        "mary": make_person("Mary", "Nguyen", dt.date(1980, 5, 17)),
        "cher": make_person("", "Cher", None),
    }
    return {k: PersonSummary.model_validate(v.model_dump()) for k, v in made.items()}


def _search(container: Container, actor: Actor, **terms: object) -> list[tuple[str, int]]:
    hits = search_people(container.uow(), actor=actor, query=SearchQuery.model_validate(terms))
    return [(f"{h.person.given_names} {h.person.family_name}".strip(), h.score) for h in hits]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Jon Smith", "John Smith"),
        ("John Smtih", "John Smith"),
        ("smith, john", "John Smith"),
        ("Angus McDonald", "Angus MacDonald"),
        ("Helene Cote", "Hélène Côté"),
        ("HÉLÈNE CÔTÉ", "Hélène Côté"),
        ("Cher", "Cher"),
    ],
)
def test_fuzzy_name_search(
    container: Container, officer: Actor, people: dict[str, PersonSummary], typed: str, expected: str
) -> None:
    found = _search(container, officer, name=typed)
    assert found, typed
    assert found[0][0] == expected
    assert found[0][1] >= 85


def test_unrelated_name_finds_nothing(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    assert _search(container, officer, name="Xavier Wojciechowski") == []


def test_birth_date_alone_and_with_name(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    born = {n for n, _ in _search(container, officer, birth_date="1980-05-17")}
    assert born == {"John Smith", "Mary Nguyen"}
    ranked = _search(container, officer, name="Mary Nguyen", birth_date="1980-05-17")
    assert ranked[0] == ("Mary Nguyen", 100)


def test_sin_exact_search_shows_masked(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    hits = search_people(container.uow(), actor=officer, query=SearchQuery(sin="130-692-544"))
    assert [(h.person.id, h.person.sin, h.reasons) for h in hits] == [
        (people["john"].id, "*** *** 544", ["same SIN"])
    ]
    assert search_people(container.uow(), actor=officer, query=SearchQuery(sin="193 456 787")) == []


def test_phone_search_normalises(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    assert _search(container, officer, phone="+1 (780) 555-0199") == [("John Smith", 100)]


def test_search_is_audited_once_without_sins(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    search_people(container.uow(), actor=officer, query=SearchQuery(name="John Smith", sin=SIN))
    with container.uow() as uow:
        events = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "person:search")))
        assert len(events) == 1
        assert events[0].details["name"] == "J*********"  # masked (issue 10)
        assert "130692544" not in str(events[0].details)


def test_search_needs_a_criterion_and_valid_sin(container: Container, officer: Actor) -> None:
    with pytest.raises(InvalidInput) as excinfo:
        search_people(container.uow(), actor=officer, query=SearchQuery())
    assert excinfo.value.field == "query"
    with pytest.raises(InvalidInput) as excinfo:
        search_people(container.uow(), actor=officer, query=SearchQuery(sin="123"))
    assert excinfo.value.field == "sin"


def test_find_duplicates_by_phone_and_name(
    container: Container, officer: Actor, people: dict[str, PersonSummary]
) -> None:
    candidate = PersonCreate(given_names="Johnny", family_name="Smith", phones=[PhoneIn(number="7805550199")])
    (match,) = find_duplicates(container.uow(), actor=officer, candidate=candidate)
    assert match.person.id == people["john"].id
    assert match.reasons[0].startswith("same phone")
