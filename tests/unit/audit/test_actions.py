"""Every audited action is an ``AuditAction`` whose name follows from its stored value."""

from onestop.access.permissions import Permission
from onestop.audit import AuditAction


def test_names_follow_the_stored_values() -> None:
    for action in AuditAction:
        assert action.name == action.value.upper().replace(":", "_")


def test_every_refused_permission_has_an_action() -> None:
    for permission in Permission:
        assert AuditAction.denied(permission) == permission.value


def test_members_compare_equal_to_the_stored_text() -> None:
    assert AuditAction.PERSON_READ == "person:read"
    assert f"{AuditAction.PLAN_REVISE}" == "plan:revise"
