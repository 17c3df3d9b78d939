"""Registering, reading, updating and revealing: on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from onestop.access.permissions import Actor, Role
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.common.errors import Conflict, InvalidInput, PermissionDenied
from onestop.registry import (
    LikelyDuplicates,
    get_person,
    register_person,
    reveal_identifier,
    search_people,
    update_person,
)
from onestop.registry import models as m
from onestop.registry.schemas import (
    AddressIn,
    DuplicateDecision,
    EmailIn,
    HealthNumberIn,
    PersonCreate,
    PersonUpdate,
    PhoneIn,
    SearchQuery,
)
from tests.integration.registry.conftest import PersonFactory

SIN = "130 692 544"


def _count(container: Container, model: type) -> int:
    with container.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(model)) or 0


def _events(container: Container, action: str) -> list[AuditEvent]:
    with container.uow() as uow:
        found = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        uow.session.expunge_all()  # keep them readable after the block closes
        return found


def _full() -> PersonCreate:
    return PersonCreate(
        given_names="Hélène",
        family_name="Côté-Tremblay",
        preferred_name="Lena",
        birth_date=dt.date(1985, 2, 3),
        language="fr",
        interpreter_needed=False,
        phones=[PhoneIn(number="(780) 555-0199", label="mobile")],
        emails=[EmailIn(address="helene@Example.CA")],
        addresses=[AddressIn(line1="10 Jasper Ave", city="Edmonton", province="ab", postal_code="t5j0n3")],
        sin=SIN,
        health_numbers=[HealthNumberIn(province="AB", number="12345-6789")],
    )


def test_register_stores_normalised_and_masked(container: Container, officer: Actor) -> None:
    person = register_person(container.uow(), actor=officer, data=_full())
    assert person.family_name == "Côté-Tremblay"
    assert sorted(c.value for c in person.contacts) == ["+17805550199", "helene@example.ca"]
    assert person.addresses[0].postal_code == "T5J 0N3"
    masked = {i.kind: i.masked for i in person.identifiers}
    assert masked == {"sin": "*** *** 544", "health_number": "******789"}
    assert "130692544" not in person.model_dump_json()
    with container.uow() as uow:
        stored = uow.session.scalars(select(m.PersonIdentifier)).all()
        assert all(b"130692544" not in row.ciphertext for row in stored)
        assert all("130692544" not in row.blind_index for row in stored)
    (event,) = _events(container, "person:create")
    assert "130692544" not in str(event.after) + str(event.details)


def test_bad_input_stores_nothing(container: Container, officer: Actor) -> None:
    bad = _full().model_copy(update={"sin": "130 692 545"})
    with pytest.raises(InvalidInput) as excinfo:
        register_person(container.uow(), actor=officer, data=bad)
    assert excinfo.value.field == "sin"
    future = _full().model_copy(update={"birth_date": dt.date(2026, 3, 3)})
    with pytest.raises(InvalidInput, match="future"):
        register_person(container.uow(), actor=officer, data=future)
    for model in (m.Person, m.PersonNameKey, m.PersonContact, m.PersonIdentifier, m.PersonAddress):
        assert _count(container, model) == 0


def test_read_is_audited_with_purpose(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    person = make_person()
    seen = get_person(container.uow(), actor=officer, person_id=person.id, purpose="intake interview")
    assert seen.id == person.id
    (event,) = _events(container, "person:read")
    assert (event.purpose, event.subject_id) == ("intake interview", str(person.id))


def test_auditor_may_not_read_files(container: Container, make_person: PersonFactory) -> None:
    auditor = Actor.for_roles(None, "aud", frozenset({Role.AUDITOR}))
    with pytest.raises(PermissionDenied):
        get_person(container.uow(), actor=auditor, person_id=make_person().id)


def test_likely_duplicate_stops_registration_until_decided(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    first = make_person("John", "Smith", sin=SIN)
    again = PersonCreate(given_names="Jon", family_name="Smtih", birth_date=dt.date(1980, 5, 17))
    with pytest.raises(LikelyDuplicates) as excinfo:
        register_person(container.uow(), actor=officer, data=again)
    (match,) = excinfo.value.matches
    assert match.person.id == first.id
    assert match.person.sin == "*** *** 544"
    assert match.reasons[0].startswith("same birth date and similar name")
    assert _count(container, m.Person) == 1
    decision = DuplicateDecision(decision="new_person", reason="different mother's maiden name, checked ID")
    second = register_person(container.uow(), actor=officer, data=again, duplicate_decision=decision)
    assert (second.duplicate_decision, second.duplicate_decided_by) == ("new_person", "officer1")
    linked = register_person(
        container.uow(),
        actor=officer,
        data=again,
        duplicate_decision=DuplicateDecision(decision="link", reason="same person", existing_id=first.id),
    )
    assert linked.duplicate_of_id == first.id


def test_same_sin_is_a_duplicate_whatever_the_name(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    make_person("John", "Smith", sin=SIN)
    with pytest.raises(LikelyDuplicates) as excinfo:
        register_person(container.uow(), actor=officer, data=PersonCreate(family_name="Cher", sin=SIN))
    assert excinfo.value.matches[0].score == 100
    assert excinfo.value.matches[0].reasons[0] == "same SIN"


def test_update_with_optimistic_lock(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    person = make_person()
    changed = update_person(
        container.uow(),
        actor=officer,
        person_id=person.id,
        changes=PersonUpdate(version=person.version, family_name="Smythe"),
    )
    assert changed.family_name == "Smythe"
    assert changed.version == person.version + 1
    with pytest.raises(Conflict):
        update_person(
            container.uow(),
            actor=officer,
            person_id=person.id,
            changes=PersonUpdate(version=person.version, gender="x"),
        )
    (event,) = _events(container, "person:update")
    # names are masked in the audit trail (issue 10): the change is recorded, the name is not
    assert event.before == {"family_name": "S****"}
    assert event.after == {"family_name": "S*****"}
    with container.uow() as uow:
        keys = set(
            uow.session.scalars(select(m.PersonNameKey.key).where(m.PersonNameKey.person_id == person.id))
        )
    assert "esmythe:j" in keys and "esmith:j" not in keys


def test_update_refuses_bad_input(container: Container, officer: Actor, make_person: PersonFactory) -> None:
    person = make_person()
    with pytest.raises(InvalidInput) as excinfo:
        update_person(
            container.uow(),
            actor=officer,
            person_id=person.id,
            changes=PersonUpdate(version=person.version, given_names="", family_name=""),
        )
    assert excinfo.value.field == "legal_name"
    assert get_person(container.uow(), actor=officer, person_id=person.id).family_name == "Smith"


def test_reveal_requires_reason_and_permission_and_is_audited(
    container: Container, officer: Actor, finance: Actor, make_person: PersonFactory
) -> None:
    person = make_person(sin=SIN, health_numbers=[HealthNumberIn(province="NL", number="123456789012")])
    with pytest.raises(InvalidInput) as excinfo:
        reveal_identifier(container.uow(), actor=officer, person_id=person.id, kind="sin", reason="  ")
    assert excinfo.value.field == "reason"
    with pytest.raises(PermissionDenied):
        reveal_identifier(container.uow(), actor=finance, person_id=person.id, kind="sin", reason="payment")
    shown = reveal_identifier(
        container.uow(), actor=officer, person_id=person.id, kind="sin", reason="CRA income verification"
    )
    assert shown.value == "130 692 544"
    health = reveal_identifier(
        container.uow(), actor=officer, person_id=person.id, kind="health_number", reason="x"
    )
    assert (health.province, health.value) == ("NL", "123456789012")
    (event,) = _events(container, "person:reveal_sin")
    assert event.purpose == "CRA income verification"
    assert "130692544" not in str(event.details)


def test_former_family_name_is_stored_audited_masked_and_matched(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    """A married woman registered again under her new name is caught by her name before marriage."""
    first = make_person("Julie", "Gagnon", born=dt.date(1985, 3, 9))
    married = PersonCreate(
        given_names="Julie",
        family_name="Bouchard",
        former_family_names=["Gagnon", " ", "bouchard"],
        birth_date=dt.date(1985, 3, 9),
    )
    with pytest.raises(LikelyDuplicates) as excinfo:
        register_person(container.uow(), actor=officer, data=married)
    (match,) = excinfo.value.matches
    assert match.person.id == first.id
    assert match.score >= 70
    assert "a family name matches a former family name of the other" in match.reasons
    decision = DuplicateDecision(decision="new_person", reason="checked: two people")
    second = register_person(container.uow(), actor=officer, data=married, duplicate_decision=decision)
    assert second.former_family_names == ["Gagnon"]  # blanks and the current name dropped
    changed = update_person(
        container.uow(),
        actor=officer,
        person_id=second.id,
        changes=PersonUpdate(version=second.version, former_family_names=["Gagnon", "Roy"]),
    )
    assert changed.former_family_names == ["Gagnon", "Roy"]
    (event,) = _events(container, "person:update")
    assert event.before == {"former_family_names": ["G*****"]}
    assert event.after == {"former_family_names": ["G*****", "R**"]}
    with container.uow() as uow:
        keys = set(
            uow.session.scalars(select(m.PersonNameKey.key).where(m.PersonNameKey.person_id == second.id))
        )
    assert {"ebouchard:j", "egagnon:j", "eroy:j"} <= keys
    with pytest.raises(InvalidInput) as bad:
        update_person(
            container.uow(),
            actor=officer,
            person_id=second.id,
            changes=PersonUpdate(version=changed.version, former_family_names=["1234"]),
        )
    assert bad.value.field == "former_family_names[0]"


def test_former_family_name_is_found_by_search(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    person = make_person("Julie", "Bouchard", former_family_names=["Gagnon"])
    hits = search_people(container.uow(), actor=officer, query=SearchQuery(name="Julie Gagnon"))
    assert [h.person.id for h in hits][:1] == [person.id]
    assert hits[0].reasons[0].startswith("similar to a former family name")
