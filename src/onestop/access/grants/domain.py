"""Which roles are privileged, derived from ``ROLE_PERMISSIONS``, and the states of a grant request.

A role is privileged when it reads client files (``person:read``, ``case:read``), moves money (any
``money:*`` permission but the two that only read, ``money:ledger_read`` and ``money:budget_read``) or
gives roles (``staff:write``: an administrator could give themselves anything). Giving one takes a
second administrator. The set follows ``ROLE_PERMISSIONS``: a permission added to a role later makes
the role privileged without a change here.
"""

from __future__ import annotations

import enum

from onestop.access.permissions import ROLE_PERMISSIONS, Permission, Role

#: Money permissions that only look; every other ``money:*`` permission moves or commits money.
_MONEY_READS = frozenset({Permission.MONEY_LEDGER_READ, Permission.MONEY_BUDGET_READ})

#: What makes a role privileged.
SENSITIVE_PERMISSIONS: frozenset[Permission] = frozenset(
    {Permission.PERSON_READ, Permission.CASE_READ, Permission.STAFF_WRITE}
    | {p for p in Permission if p.value.startswith("money:") and p not in _MONEY_READS}
)

#: Staff roles that need a second administrator's approval (officer, supervisor, specialist, finance,
#: administrator today; the auditor, who reads the trail and the ledger, does not).
PRIVILEGED_ROLES: frozenset[Role] = frozenset(
    role
    for role, held in ROLE_PERMISSIONS.items()
    if role is not Role.CLIENT and held & SENSITIVE_PERMISSIONS
)

#: Roles whose holders decide grants (``staff:write``).
APPROVER_ROLES: frozenset[Role] = frozenset(
    role for role, held in ROLE_PERMISSIONS.items() if Permission.STAFF_WRITE in held
)


class GrantState(enum.StrEnum):
    """Where a grant stands. ``granted``: given at once (a role that is not privileged, or the bootstrap
    of an installation that has no administrator yet); ``approved``/``refused``: decided by a second
    administrator."""

    PENDING = "pending"
    APPROVED = "approved"
    REFUSED = "refused"
    GRANTED = "granted"


def is_privileged(role: Role) -> bool:
    """Whether giving ``role`` needs a second administrator."""
    return role in PRIVILEGED_ROLES


def split_roles(roles: frozenset[Role]) -> tuple[frozenset[Role], frozenset[Role]]:
    """(the roles that may be given at once, the roles that wait for a second administrator)."""
    waiting = frozenset(r for r in roles if is_privileged(r))
    return roles - waiting, waiting
