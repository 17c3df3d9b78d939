"""Table-driven: each role holds exactly the case-work permissions it should."""

from __future__ import annotations

import pytest

from onestop.access.permissions import Actor, Permission, Role

P = Permission
OWNED = (
    P.CASE_READ,
    P.CASE_WRITE,
    P.CASE_CONFIGURE,
    P.TASK_ASSIGN,
    P.CASELOAD_REASSIGN,
    P.REFERRAL_WRITE,
    P.PLAN_WRITE,
    P.DOCUMENT_VERIFY,
    P.STATS_READ,
)
CASE_WORK = {P.CASE_READ, P.CASE_WRITE, P.REFERRAL_WRITE, P.PLAN_WRITE, P.DOCUMENT_VERIFY}

ALLOWED: dict[Role, set[Permission]] = {
    Role.OFFICER: CASE_WORK,
    Role.SPECIALIST: CASE_WORK,
    Role.SUPERVISOR: CASE_WORK | {P.TASK_ASSIGN, P.CASELOAD_REASSIGN, P.STATS_READ},
    Role.ADMINISTRATOR: {P.STATS_READ, P.CASE_CONFIGURE},
    Role.FINANCE: set(),  # finance pays people; it does not browse case files
    Role.AUDITOR: set(),
    Role.PRIVACY: set(),  # the privacy office answers requests; it does no case work
    Role.KNOWLEDGE_EDITOR: set(),  # writes the staff knowledge base; no case work
    Role.CLIENT: {P.CASE_READ, P.CASE_WRITE},  # a portal client: only through the clients area's own lookups
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("permission", OWNED)
def test_case_work_permission_matrix(role: Role, permission: Permission) -> None:
    actor = Actor.for_roles(None, "someone", frozenset({role}))
    assert actor.can(permission) is (permission in ALLOWED[role])
