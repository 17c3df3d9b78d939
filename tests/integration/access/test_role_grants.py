"""Role grants on both backends (issue 10, part 8): a privileged role needs a second administrator;
nobody approves their own request or their own account; the system approves nothing; the bootstrap."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from onestop import access
from onestop.access import grants
from onestop.access.grants import GrantConflict, GrantNotFound, OwnGrant, RoleGrant
from onestop.access.models import Staff
from onestop.access.permissions import Actor, Role
from onestop.audit import AuditEvent, verify
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, PermissionDenied
from tests.integration.access.factories import PASSWORD, SYSTEM, make_staff


def _events(container: Container, action: str) -> list[AuditEvent]:
    with container.uow() as uow:
        events = list(uow.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))
        uow.commit()
    return events


def _roles(container: Container, staff_id: uuid.UUID) -> list[str]:
    with container.uow() as uow:
        staff = uow.session.get(Staff, staff_id)
        assert staff is not None
        return list(staff.role_names)


def _two_admins(container: Container) -> tuple[Actor, Actor]:
    """The first administrator by bootstrap; the second asked for by the operator, approved by the first."""
    anna = access.actor_of(make_staff(container, "anna", Role.ADMINISTRATOR))
    ben = make_staff(container, "ben", Role.ADMINISTRATOR)
    [pending] = grants.list_grants(container.uow(), actor=anna, staff_id=ben.id)
    grants.approve_grant(container.uow(), actor=anna, grant_id=pending.id)
    return anna, access.actor_of(access.get_staff(container.uow(), actor=SYSTEM, staff_id=ben.id))


def _new_account(container: Container, admin: Actor, role: str = "supervisor") -> Staff:
    return access.create_staff(
        container.uow(),
        actor=admin,
        username="carl",
        display_name="Carl",
        password=PASSWORD,
        roles=[role],
        office_id=None,
    )


def test_the_privileged_roles_follow_role_permissions() -> None:
    assert {
        Role.OFFICER,
        Role.SUPERVISOR,
        Role.SPECIALIST,
        Role.FINANCE,
        Role.ADMINISTRATOR,
        Role.PRIVACY,  # it reads whole client files to answer access requests
    } == grants.PRIVILEGED_ROLES
    assert "money:issue" in grants.SENSITIVE_PERMISSIONS
    assert "money:ledger_read" not in grants.SENSITIVE_PERMISSIONS
    assert not grants.is_privileged(Role.AUDITOR)
    assert not grants.is_privileged(Role.KNOWLEDGE_EDITOR)  # writes staff articles, reads no client file


def test_the_first_administrator_is_the_bootstrap_then_the_system_only_asks(container: Container) -> None:
    anna = make_staff(container, "anna", Role.ADMINISTRATOR)
    assert anna.role_names == ["administrator"]
    [created] = _events(container, "staff:create")
    assert created.details == {"pending_roles": [], "bootstrap": True}
    officer = make_staff(container, "olive", Role.OFFICER)  # the operator, once an administrator exists
    assert officer.role_names == []
    [grant] = grants.list_grants(container.uow(), actor=SYSTEM)
    assert (grant.role, grant.state, grant.requested_by, grant.requested_by_id) == (
        "officer",
        "pending",
        "test",
        None,
    )
    with pytest.raises(OwnGrant, match="system approves no grant"):
        grants.approve_grant(container.uow(), actor=SYSTEM, grant_id=grant.id)
    assert _roles(container, officer.id) == []


def test_a_grant_asked_by_one_administrator_is_approved_by_another(container: Container) -> None:
    anna, ben = _two_admins(container)
    carl = _new_account(container, anna)
    assert carl.role_names == []
    assert grants.pending_roles(container.uow(), actor=ben, staff_id=carl.id) == ["supervisor"]
    [grant] = grants.list_grants(container.uow(), actor=ben, staff_id=carl.id)
    assert (grant.requested_by, grant.reason) == ("anna", grants.services.ASKED_AT_CREATION)
    with pytest.raises(OwnGrant, match="you asked for this grant"):
        grants.approve_grant(container.uow(), actor=anna, grant_id=grant.id)
    assert _roles(container, carl.id) == []
    done = grants.approve_grant(container.uow(), actor=ben, grant_id=grant.id, note="checked with HR")
    assert (done.state, done.decided_by, done.decision_note) == ("approved", "ben", "checked with HR")
    assert _roles(container, carl.id) == ["supervisor"]
    approved = [e for e in _events(container, "staff:grant_approve") if e.outcome == "ok"]
    assert approved[-1].before == {"roles": []} and approved[-1].after == {"roles": ["supervisor"]}
    assert approved[-1].actor_username == "ben"
    denied = [e for e in _events(container, "staff:grant_approve") if e.outcome == "denied"]
    assert [(e.actor_username, e.details["reason"][:20]) for e in denied] == [
        ("anna", "you asked for this g")
    ]
    with pytest.raises(GrantConflict, match="already decided"):
        grants.approve_grant(container.uow(), actor=ben, grant_id=grant.id)
    with container.uow() as uow:
        assert verify(uow.session).ok


def test_nobody_approves_a_role_for_their_own_account(container: Container) -> None:
    anna, ben = _two_admins(container)
    asked = grants.request_grant(
        container.uow(), actor=anna, staff_id=ben.staff_id, role="Finance", reason="Covers the payment run"
    )
    assert asked.state == "pending"
    with pytest.raises(OwnGrant, match="their own account"):
        grants.approve_grant(container.uow(), actor=ben, grant_id=asked.id)
    assert _roles(container, asked.staff_id) == ["administrator"]


def test_a_role_that_neither_reads_files_nor_moves_money_is_given_at_once(container: Container) -> None:
    anna, ben = _two_admins(container)
    carl = _new_account(container, anna, role="auditor")
    assert carl.role_names == ["auditor"]
    assert grants.list_grants(container.uow(), actor=anna, staff_id=carl.id) == []
    given = grants.request_grant(
        container.uow(), actor=anna, staff_id=ben.staff_id, role="auditor", reason="Year-end audit"
    )
    assert (given.state, given.decided_by) == ("granted", "anna")
    assert _roles(container, given.staff_id) == ["administrator", "auditor"]
    [event] = _events(container, "staff:grant")
    assert event.details["role"] == "auditor" and event.details["bootstrap"] is False


def test_refusing_changes_nothing_but_the_request(container: Container) -> None:
    anna, ben = _two_admins(container)
    carl = _new_account(container, anna, role="finance")
    [grant] = grants.list_grants(container.uow(), actor=ben, staff_id=carl.id)
    with pytest.raises(InvalidInput) as err:
        grants.refuse_grant(container.uow(), actor=ben, grant_id=grant.id, reason="  ")
    assert err.value.field == "reason"
    done = grants.refuse_grant(container.uow(), actor=ben, grant_id=grant.id, reason="Not in finance")
    assert (done.state, done.decision_note) == ("refused", "Not in finance")
    assert _roles(container, carl.id) == []
    with pytest.raises(GrantConflict, match="already decided"):
        grants.approve_grant(container.uow(), actor=anna, grant_id=grant.id)
    [refused] = _events(container, "staff:grant_refuse")
    assert refused.outcome == "ok" and refused.details["reason"] == "Not in finance"


def test_requests_that_clash_are_409_audited_and_write_nothing(container: Container) -> None:
    anna, ben = _two_admins(container)
    carl = _new_account(container, anna)
    with pytest.raises(GrantConflict, match="already waiting"):
        grants.request_grant(container.uow(), actor=ben, staff_id=carl.id, role="supervisor", reason="again")
    with pytest.raises(GrantConflict, match="already holds"):
        grants.request_grant(
            container.uow(), actor=anna, staff_id=ben.staff_id, role="administrator", reason="r"
        )
    access.deactivate_staff(container.uow(), actor=anna, staff_id=carl.id)
    [grant] = grants.list_grants(container.uow(), actor=ben, staff_id=carl.id)
    with pytest.raises(GrantConflict, match="deactivated"):
        grants.approve_grant(container.uow(), actor=ben, grant_id=grant.id)
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(RoleGrant)) == 2  # ben's, carl's
    denied = [e for e in _events(container, "staff:grant_request") if e.outcome == "denied"]
    assert len(denied) == 2


@pytest.mark.parametrize(
    ("role", "reason", "field"),
    [("", "why", "role"), ("wizard", "why", "role"), ("client", "why", "role"), ("officer", " ", "reason")],
)
def test_bad_requests_name_the_field(container: Container, role: str, reason: str, field: str) -> None:
    anna, _ben = _two_admins(container)
    olive = make_staff(container, "olive", Role.AUDITOR)
    with pytest.raises(InvalidInput) as err:
        grants.request_grant(container.uow(), actor=anna, staff_id=olive.id, role=role, reason=reason)
    assert err.value.field == field


def test_only_administrators_ask_or_decide(container: Container) -> None:
    anna, _ben = _two_admins(container)
    carl = _new_account(container, anna)
    [grant] = grants.list_grants(container.uow(), actor=anna, staff_id=carl.id)
    supervisor = Actor.for_roles(uuid.uuid4(), "sue", frozenset({Role.SUPERVISOR}))
    with pytest.raises(PermissionDenied, match="staff:write"):
        grants.approve_grant(container.uow(), actor=supervisor, grant_id=grant.id)
    with pytest.raises(PermissionDenied, match="staff:write"):
        grants.request_grant(container.uow(), actor=supervisor, staff_id=carl.id, role="officer", reason="r")
    with pytest.raises(GrantNotFound):
        grants.approve_grant(container.uow(), actor=anna, grant_id=uuid.uuid4())
    with pytest.raises(InvalidInput) as err:
        grants.list_grants(container.uow(), actor=anna, state="maybe")
    assert err.value.field == "state"


def test_a_grant_for_a_role_that_no_longer_exists_is_409_not_a_crash(container: Container) -> None:
    anna, ben = _two_admins(container)
    carl = _new_account(container, anna)
    [grant] = grants.list_grants(container.uow(), actor=ben, staff_id=carl.id)
    with container.uow() as uow:
        stored = uow.session.get(RoleGrant, grant.id)
        assert stored is not None
        stored.role = "caseworker"  # a role renamed since the request
        uow.commit()
    with pytest.raises(GrantConflict, match="no longer exists"):
        grants.approve_grant(container.uow(), actor=ben, grant_id=grant.id)
    assert (
        grants.refuse_grant(container.uow(), actor=ben, grant_id=grant.id, reason="renamed").state
        == "refused"
    )
