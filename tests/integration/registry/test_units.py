"""Benefit units: dated memberships, one applicant, one head role per person."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from onestop.access.permissions import Actor
from onestop.bootstrap import Container
from onestop.common.errors import Conflict, InvalidInput
from onestop.registry import add_member, create_unit, end_membership, get_unit, list_person_units
from onestop.registry import models as m
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.integration.registry.conftest import PersonFactory

JAN = dt.date(2026, 1, 1)


def test_household_with_history(container: Container, officer: Actor, make_person: PersonFactory) -> None:
    mum, dad, kid = (
        make_person("Ann", "Lee"),
        make_person("Bo", "Lee"),
        make_person("Cy", "Lee", dt.date(2015, 1, 1)),
    )
    unit = create_unit(
        container.uow(),
        actor=officer,
        data=UnitCreate(
            label="Lee household",
            members=[
                MemberIn(person_id=mum.id, role="applicant", joined_on=JAN),
                MemberIn(person_id=dad.id, role="partner", joined_on=JAN),
            ],
        ),
    )
    unit = add_member(
        container.uow(),
        actor=officer,
        unit_id=unit.id,
        member=MemberIn(person_id=kid.id, role="dependant", joined_on=JAN),
    )
    dad_row = next(x for x in unit.members if x.person_id == dad.id)
    unit = end_membership(
        container.uow(), actor=officer, unit_id=unit.id, membership_id=dad_row.id, left_on=dt.date(2026, 2, 1)
    )
    assert len(unit.members) == 3
    assert next(x for x in unit.members if x.person_id == dad.id).left_on == dt.date(2026, 2, 1)
    with pytest.raises(Conflict):
        end_membership(
            container.uow(),
            actor=officer,
            unit_id=unit.id,
            membership_id=dad_row.id,
            left_on=dt.date(2026, 3, 1),
        )
    # Dad may now apply in his own unit, and be partner again later in a new stint elsewhere.
    own = create_unit(
        container.uow(),
        actor=officer,
        data=UnitCreate(
            members=[MemberIn(person_id=dad.id, role="applicant", joined_on=dt.date(2026, 2, 1))]
        ),
    )
    assert {u.id for u in list_person_units(container.uow(), actor=officer, person_id=dad.id)} == {
        unit.id,
        own.id,
    }
    assert get_unit(container.uow(), actor=officer, unit_id=unit.id).label == "Lee household"


def test_two_applicants_refused_and_nothing_stored(
    container: Container, officer: Actor, make_person: PersonFactory
) -> None:
    a, b = make_person("Ann", "Lee"), make_person("Bo", "Lee")
    data = UnitCreate(
        members=[
            MemberIn(person_id=a.id, role="applicant", joined_on=JAN),
            MemberIn(person_id=b.id, role="applicant", joined_on=JAN),
        ]
    )
    with pytest.raises(InvalidInput) as excinfo:
        create_unit(container.uow(), actor=officer, data=data)
    assert excinfo.value.field == "members"
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(m.BenefitUnit)) == 0
        assert uow.session.scalar(select(func.count()).select_from(m.UnitMembership)) == 0


def test_person_heads_only_one_unit(container: Container, officer: Actor, make_person: PersonFactory) -> None:
    a = make_person("Ann", "Lee")
    create_unit(
        container.uow(),
        actor=officer,
        data=UnitCreate(members=[MemberIn(person_id=a.id, role="applicant", joined_on=JAN)]),
    )
    with pytest.raises(InvalidInput, match="another unit"):
        create_unit(
            container.uow(),
            actor=officer,
            data=UnitCreate(members=[MemberIn(person_id=a.id, role="partner", joined_on=JAN)]),
        )
    second = create_unit(
        container.uow(),
        actor=officer,
        data=UnitCreate(members=[MemberIn(person_id=a.id, role="dependant", joined_on=JAN)]),
    )
    assert second.members[0].role == "dependant"


def test_unknown_role_refused(container: Container, officer: Actor, make_person: PersonFactory) -> None:
    a = make_person()
    with pytest.raises(InvalidInput, match="applicant, partner or dependant"):
        create_unit(
            container.uow(),
            actor=officer,
            data=UnitCreate(members=[MemberIn(person_id=a.id, role="lodger", joined_on=JAN)]),
        )
