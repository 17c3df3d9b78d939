"""Offices and staff accounts on both backends: validation, uniqueness, permissions, audit events."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from onestop import access
from onestop.access.models import Staff
from onestop.access.permissions import Actor, Role
from onestop.audit import AuditEvent, verify
from onestop.bootstrap import Container
from onestop.common.errors import (
    Conflict,
    InvalidInput,
    InvalidTransition,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from tests.integration.access.factories import PASSWORD, SYSTEM, make_staff


def _events(container: Container, action: str) -> list[AuditEvent]:
    with container.uow() as uow:
        events = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        uow.commit()  # keep the loaded rows usable after the block
    return events


def test_create_office_and_staff_are_audited(container: Container) -> None:
    office = access.create_office(container.uow(), actor=SYSTEM, code="edm-01", name="Edmonton North")
    staff = access.create_staff(
        container.uow(),
        actor=SYSTEM,
        username="J.Doe",
        display_name="Jane Doe",
        password=PASSWORD,
        roles=["officer", "supervisor"],
        office_id=office.id,
        email="Jane.Doe@Example.org",
    )
    assert office.code == "EDM-01"
    assert (staff.username, staff.roles, staff.office_id) == (
        "j.doe",
        {Role.OFFICER, Role.SUPERVISOR},
        office.id,
    )
    assert staff.email == "Jane.Doe@example.org"
    assert staff.password_hash.startswith("$argon2id$") and PASSWORD not in staff.password_hash
    [event] = _events(container, "staff:create")
    assert event.subject_id == str(staff.id) and event.actor_username == "test"
    assert event.after["roles"] == ["officer", "supervisor"] and "password_hash" not in event.after
    # an office's name is not a person's: it stays readable (audit.domain.NAMED_THING_SUBJECTS)
    assert _events(container, "office:create")[0].after == {"code": "EDM-01", "name": "Edmonton North"}
    with container.uow() as uow:
        assert verify(uow.session).ok


def test_usernames_are_unique_ignoring_case(container: Container) -> None:
    make_staff(container, "alice")
    with pytest.raises(Conflict, match="already taken"):
        make_staff(container, "ALICE")


def test_office_codes_are_unique(container: Container) -> None:
    access.create_office(container.uow(), actor=SYSTEM, code="EDM-01", name="Edmonton")
    with pytest.raises(Conflict):
        access.create_office(container.uow(), actor=SYSTEM, code="edm-01", name="Edmonton again")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password": "short1A"}, "password"),
        ({"password": "alllowercaseletters"}, "password"),
        ({"username": "has space"}, "username"),
        ({"display_name": "  "}, "display_name"),
        ({"roles": []}, "roles"),
        ({"roles": ["wizard"]}, "roles"),
        ({"email": "not-an-address"}, "email"),
        ({"office_id": uuid.UUID(int=7)}, "office_id"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(
    container: Container, changes: dict[str, object], field: str
) -> None:
    args: dict[str, object] = {
        "username": "bob",
        "display_name": "Bob",
        "password": PASSWORD,
        "roles": ["officer"],
        "office_id": None,
    } | changes
    with pytest.raises(InvalidInput) as err:
        access.create_staff(container.uow(), actor=SYSTEM, **args)  # type: ignore[arg-type]
    assert err.value.field == field
    with container.uow() as uow:
        assert uow.session.scalars(select(Staff)).all() == []
        assert uow.session.scalars(select(AuditEvent)).all() == []


def test_only_staff_writers_create_accounts_and_refusals_are_audited(container: Container) -> None:
    officer = access.actor_of(make_staff(container, "olive", Role.OFFICER))
    with pytest.raises(PermissionDenied):
        access.create_staff(
            container.uow(),
            actor=officer,
            username="x1",
            display_name="X",
            password=PASSWORD,
            roles=["administrator"],
            office_id=None,
        )
    [denied] = _events(container, "staff:write")
    assert (denied.outcome, denied.actor_username, denied.subject_type) == ("denied", "olive", "staff")
    assert denied.actor_staff_id == officer.staff_id


def test_list_get_and_own_record(container: Container) -> None:
    a = make_staff(container, "anna", Role.ADMINISTRATOR)
    o = make_staff(container, "omar", Role.OFFICER)
    admin, officer = access.actor_of(a), access.actor_of(o)
    assert [s.username for s in access.list_staff(container.uow(), actor=admin)] == ["anna", "omar"]
    assert access.get_staff(container.uow(), actor=officer, staff_id=o.id).username == "omar"
    with pytest.raises(PermissionDenied):
        access.get_staff(container.uow(), actor=officer, staff_id=a.id)
    with pytest.raises(NotFound):
        access.get_staff(container.uow(), actor=admin, staff_id=uuid.UUID(int=1))
    assert access.get_staff_by_username(container.uow(), actor=admin, username="OMAR").id == o.id


def test_deactivate_revokes_tokens_and_hides_from_the_default_list(container: Container) -> None:
    admin = access.actor_of(make_staff(container, "anna", Role.ADMINISTRATOR))
    omar = make_staff(container, "omar")
    token = access.issue_token(container.uow(), staff=omar)
    access.deactivate_staff(container.uow(), actor=admin, staff_id=omar.id)
    assert [s.username for s in access.list_staff(container.uow(), actor=admin)] == ["anna"]
    assert len(access.list_staff(container.uow(), actor=admin, include_inactive=True)) == 2
    with pytest.raises(NotAuthenticated):
        access.actor_for_token(container.uow(), token)
    with pytest.raises(InvalidTransition):
        access.deactivate_staff(container.uow(), actor=admin, staff_id=omar.id)
    assert _events(container, "staff:deactivate")[0].details == {"tokens_revoked": 1}


def test_nobody_deactivates_themselves(container: Container) -> None:
    admin = access.actor_of(make_staff(container, "anna", Role.ADMINISTRATOR))
    assert admin.staff_id is not None
    with pytest.raises(InvalidTransition, match="your own"):
        access.deactivate_staff(container.uow(), actor=admin, staff_id=admin.staff_id)


def test_change_own_password_needs_the_current_one(container: Container) -> None:
    omar = make_staff(container, "omar")
    me = access.actor_of(omar)
    with pytest.raises(InvalidInput) as err:
        access.change_password(
            container.uow(),
            actor=me,
            staff_id=omar.id,
            new_password="New-password-99",
            current_password="wrong",
        )
    assert err.value.field == "current_password"
    access.change_password(
        container.uow(), actor=me, staff_id=omar.id, new_password="New-password-99", current_password=PASSWORD
    )
    assert access.authenticate(container.uow(), username="omar", password="New-password-99").id == omar.id
    [event] = _events(container, "staff:change_password")
    assert event.details == {"by_self": True, "tokens_revoked": 0}


def test_an_administrator_resets_a_password_which_must_meet_the_policy(container: Container) -> None:
    admin = access.actor_of(make_staff(container, "anna", Role.ADMINISTRATOR))
    omar = make_staff(container, "omar")
    token = access.issue_token(container.uow(), staff=omar)
    with pytest.raises(InvalidInput, match="password"):
        access.change_password(container.uow(), actor=admin, staff_id=omar.id, new_password="weak")
    access.change_password(container.uow(), actor=admin, staff_id=omar.id, new_password="Reset-by-admin-1")
    with pytest.raises(NotAuthenticated):
        access.actor_for_token(container.uow(), token)
    other = access.actor_of(make_staff(container, "olive"))
    with pytest.raises(PermissionDenied):
        access.change_password(
            container.uow(), actor=other, staff_id=omar.id, new_password="Reset-by-olive-1"
        )


def test_system_actor_can_act_without_a_staff_record(container: Container) -> None:
    actor = Actor.system("demo")
    office = access.create_office(container.uow(), actor=actor, code="NL-1", name="St. John's")
    assert [o.code for o in access.list_offices(container.uow(), actor=actor)] == ["NL-1"]
    assert access.get_office_by_code(container.uow(), actor=actor, code="nl-1").id == office.id
    with pytest.raises(NotFound):
        access.get_office_by_code(container.uow(), actor=actor, code="XX")


def test_a_role_name_no_longer_known_grants_nothing_instead_of_failing(container: Container) -> None:
    staff = make_staff(container, "olive", Role.OFFICER)
    with container.uow() as uow:
        row = uow.session.get(Staff, staff.id)
        assert row is not None
        row.role_names = ["officer", "retired-role"]
        uow.commit()
    token = access.issue_token(container.uow(), staff=staff)
    assert access.actor_for_token(container.uow(), token).roles == {Role.OFFICER}
