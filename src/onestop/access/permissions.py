"""Roles and what each may do. Authority is configuration checked in services, never in the web layer."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field


class Role(enum.StrEnum):
    """Staff roles, as in the design's "who uses it" table."""

    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    SPECIALIST = "specialist"
    FINANCE = "finance"
    ADMINISTRATOR = "administrator"
    AUDITOR = "auditor"


class Permission(enum.StrEnum):
    """Fine-grained permissions; services ask for these, never for roles."""

    PERSON_READ = "person:read"
    PERSON_WRITE = "person:write"
    PERSON_MERGE = "person:merge"
    PERSON_REVEAL_IDENTIFIERS = "person:reveal_identifiers"  # see an unmasked SIN / health number
    PERSON_READ_HEALTH = "person:read_health"
    UNIT_READ = "unit:read"
    UNIT_WRITE = "unit:write"
    STAFF_READ = "staff:read"
    STAFF_WRITE = "staff:write"
    AUDIT_READ = "audit:read"
    AUDIT_VERIFY = "audit:verify"
    RULES_EVALUATE = "rules:evaluate"


_P = Permission
_FRONT_LINE = frozenset(
    {
        _P.PERSON_READ,
        _P.PERSON_WRITE,
        _P.PERSON_REVEAL_IDENTIFIERS,
        _P.PERSON_READ_HEALTH,
        _P.UNIT_READ,
        _P.UNIT_WRITE,
        _P.RULES_EVALUATE,
    }
)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OFFICER: _FRONT_LINE,
    Role.SUPERVISOR: _FRONT_LINE | {_P.PERSON_MERGE, _P.STAFF_READ},
    Role.SPECIALIST: _FRONT_LINE,
    # Finance pays people: it needs names and units, not identifiers or health information.
    Role.FINANCE: frozenset({_P.PERSON_READ, _P.UNIT_READ}),
    Role.ADMINISTRATOR: frozenset(
        {_P.STAFF_READ, _P.STAFF_WRITE, _P.PERSON_MERGE, _P.PERSON_READ, _P.UNIT_READ, _P.RULES_EVALUATE}
    ),
    # Auditors read the trail and may verify it; they do not browse client files.
    Role.AUDITOR: frozenset({_P.AUDIT_READ, _P.AUDIT_VERIFY, _P.STAFF_READ}),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in staff member (or the system itself for jobs and the demo loader)."""

    staff_id: uuid.UUID | None
    username: str
    roles: frozenset[Role]
    office_id: uuid.UUID | None = None
    permissions: frozenset[Permission] = field(default=frozenset())

    @classmethod
    def for_roles(
        cls,
        staff_id: uuid.UUID | None,
        username: str,
        roles: frozenset[Role],
        office_id: uuid.UUID | None = None,
    ) -> Actor:
        """An actor with the union of its roles' permissions."""
        perms: frozenset[Permission] = frozenset().union(*(ROLE_PERMISSIONS[r] for r in roles))
        return cls(staff_id=staff_id, username=username, roles=roles, office_id=office_id, permissions=perms)

    @classmethod
    def system(cls, name: str = "system") -> Actor:
        """The platform itself (migrations, demo loader, scheduled jobs): every permission."""
        return cls(staff_id=None, username=name, roles=frozenset(), permissions=frozenset(Permission))

    def can(self, permission: Permission) -> bool:
        """Whether this actor holds ``permission``."""
        return permission in self.permissions
