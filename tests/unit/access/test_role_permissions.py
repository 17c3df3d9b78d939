"""Table-driven: each role holds exactly the access-area permissions it should (other areas test theirs)."""

from __future__ import annotations

import pytest

from onestop.access.permissions import ROLE_PERMISSIONS, Actor, Permission, Role

P = Permission
#: The permissions this area is responsible for: staff administration, the audit trail, and who may see
#: identifiers and health information in clear.
OWNED = (
    P.STAFF_READ,
    P.STAFF_WRITE,
    P.AUDIT_READ,
    P.AUDIT_VERIFY,
    P.PERSON_REVEAL_IDENTIFIERS,
    P.PERSON_READ_HEALTH,
    P.CLIENT_LINK,
)

ALLOWED: dict[Role, set[Permission]] = {
    Role.OFFICER: {P.PERSON_REVEAL_IDENTIFIERS, P.PERSON_READ_HEALTH, P.CLIENT_LINK},
    Role.SPECIALIST: {P.PERSON_REVEAL_IDENTIFIERS, P.PERSON_READ_HEALTH, P.CLIENT_LINK},
    Role.SUPERVISOR: {P.PERSON_REVEAL_IDENTIFIERS, P.PERSON_READ_HEALTH, P.STAFF_READ, P.CLIENT_LINK},
    Role.FINANCE: set(),
    Role.ADMINISTRATOR: {P.STAFF_READ, P.STAFF_WRITE},
    Role.AUDITOR: {P.AUDIT_READ, P.AUDIT_VERIFY, P.STAFF_READ},
    Role.CLIENT: set(),  # a portal client (clients area)
    Role.PRIVACY: set(),  # the privacy office reads files to answer requests, never identifiers in clear
    Role.KNOWLEDGE_EDITOR: set(),  # writes the staff knowledge base; reads no client file
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", OWNED)
def test_role_permission_matrix(role: Role, permission: Permission) -> None:
    actor = Actor.for_roles(None, "someone", frozenset({role}))
    assert actor.can(permission) is (permission in ALLOWED[role])


def test_identifiers_and_health_information_only_for_front_line_roles() -> None:
    revealers = {r for r, perms in ROLE_PERMISSIONS.items() if P.PERSON_REVEAL_IDENTIFIERS in perms}
    health = {r for r, perms in ROLE_PERMISSIONS.items() if P.PERSON_READ_HEALTH in perms}
    assert revealers == health == {Role.OFFICER, Role.SUPERVISOR, Role.SPECIALIST}


def test_only_administrators_manage_staff_and_only_auditors_read_the_trail() -> None:
    assert {r for r, perms in ROLE_PERMISSIONS.items() if P.STAFF_WRITE in perms} == {Role.ADMINISTRATOR}
    assert {r for r, perms in ROLE_PERMISSIONS.items() if P.AUDIT_READ in perms} == {Role.AUDITOR}


def test_several_roles_give_the_union() -> None:
    actor = Actor.for_roles(None, "x", frozenset({Role.FINANCE, Role.AUDITOR}))
    assert actor.permissions == ROLE_PERMISSIONS[Role.FINANCE] | ROLE_PERMISSIONS[Role.AUDITOR]


def test_the_system_actor_may_do_everything() -> None:
    assert all(Actor.system("demo").can(p) for p in Permission)


def test_a_staff_account_cannot_hold_the_portal_client_role() -> None:
    from onestop.access.domain import parse_roles
    from onestop.common.errors import InvalidInput

    with pytest.raises(InvalidInput, match="portal"):
        parse_roles(["officer", "client"])
