"""Who investigates is configuration per jurisdiction (issue 14, part 3): in Newfoundland and Labrador
the officer opens and conducts investigations; in Alberta the officer is refused (audited) and a
specialist does it. The case's jurisdiction is its application's, else the person's address."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.access import Actor, Permission, Role
from onestop.bootstrap import Container
from onestop.cases import investigations
from onestop.cases.investigations import InvestigationCreate
from onestop.cases.investigations.roles import as_investigator, default_config, may_investigate, parse_config
from onestop.common.errors import PermissionDenied
from onestop.registry import register_person
from onestop.registry.schemas import AddressIn, DuplicateDecision, PersonCreate
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_worker

SYSTEM = Actor.system("tests")


def _living_in(container: Container, province: str, city: str, postal: str) -> uuid.UUID:
    data = PersonCreate(
        given_names="Rose",
        family_name="Walsh",
        birth_date=dt.date(1979, 5, 4),
        addresses=[AddressIn(line1="12 Water St", city=city, province=province, postal_code=postal)],
    )
    decision = DuplicateDecision(decision="new_person", reason="test seed")
    return register_person(container.uow(), actor=SYSTEM, data=data, duplicate_decision=decision).id


def _open(container: Container, actor: Actor, person: uuid.UUID) -> investigations.InvestigationPublic:
    data = InvestigationCreate(person_id=person, allegation="unreported income", source="officer")
    return investigations.open_investigation(container.uow(), actor=actor, data=data)


def test_a_newfoundland_officer_investigates(container: Container, team: Team) -> None:
    rose = _living_in(container, "NL", "St. John's", "A1C 1A1")
    opened = _open(container, team.officer.actor, rose)
    found = investigations.get_investigation(
        container.uow(), actor=team.officer.actor, investigation_id=opened.id
    )
    assert found.allegation == "unreported income"
    assert [
        i.id
        for i in investigations.list_investigations(container.uow(), actor=team.officer.actor, person_id=rose)
    ] == [opened.id]


def test_an_alberta_officer_is_refused_and_a_specialist_investigates(
    container: Container, team: Team
) -> None:
    ada = _living_in(container, "AB", "Edmonton", "T5J 0N3")
    with pytest.raises(PermissionDenied):
        _open(container, team.officer.actor, ada)
    assert ("investigation:write", "denied") in audit_actions(container)
    specialist = make_worker(container, Role.SPECIALIST, office=team.office)
    opened = _open(container, specialist.actor, ada)
    with pytest.raises(PermissionDenied):  # nor may the officer read the Alberta file
        investigations.get_investigation(
            container.uow(), actor=team.officer.actor, investigation_id=opened.id
        )


def test_the_configuration_decides_not_the_role_table() -> None:
    officer = Actor.for_roles(uuid.uuid4(), "o", frozenset({Role.OFFICER}))
    specialist = Actor.for_roles(uuid.uuid4(), "s", frozenset({Role.SPECIALIST}))
    assert may_investigate(officer, "ca-nl") and not may_investigate(officer, "ca-ab")
    assert may_investigate(specialist, "ca-ab")
    only_officers = parse_config({"investigators": {"ca-nl": ["officer"]}})
    assert not as_investigator(specialist, "ca-nl", only_officers).can(Permission.INVESTIGATION_WRITE)
    assert as_investigator(SYSTEM, "ca-ab") is SYSTEM  # jobs keep every permission
    assert default_config().jurisdiction(None, ["NL"]) == "ca-nl"
    assert default_config().jurisdiction("ca-ab", ["NL"]) == "ca-ab"  # the application's comes first
    assert default_config().jurisdiction(None, ["ON"]) == "ca-ab"
    configured = {r for roles in default_config().investigators.values() for r in roles}
    assert configured <= {r.value for r in Role}  # no typo in the YAML
