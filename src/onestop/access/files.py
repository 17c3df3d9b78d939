"""Who may open a particular client's file, beyond holding the permission: the file guards.

``require`` asks these guards after the permission check whenever a service names the file it is
about (``subject_type`` "person", "unit" or "benefit_unit" with an id). A guard answers ``None``
(go ahead) or a ``Refusal``; ``require`` then audits a ``denied`` event with the refusal's reason
and raises its error.

Access sits below the registry, so it cannot read households or restriction flags itself: the
registry registers its guards here when it is imported (conflicts of interest, restricted files),
the way the notices area takes hooks from above. The system actor (jobs, the demo loader, the CLI)
and portal clients (who reach only their own records through the clients area) are not staff and
are never refused by a guard.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from onestop.access.permissions import Actor, Permission, Role
from onestop.common.errors import PermissionDenied
from onestop.db import UnitOfWork

#: The subject types whose ids name a client's file.
FILE_SUBJECTS = frozenset({"person", "unit", "benefit_unit"})


class FileRefused(PermissionDenied):
    """The role allows the action, but not on this file (HTTP 403); the refusal is audited."""

    code = "file_refused"


class ConflictOfInterest(FileRefused):
    """The staff member is linked to this file (their own record or their household's)."""

    code = "conflict_of_interest"


class FileRestricted(FileRefused):
    """A restricted file: it opens only after the staff member gives a reason (break-glass)."""

    code = "restricted_file"

    def __init__(self, message: str, person_id: uuid.UUID) -> None:
        super().__init__(message)
        self.person_id = person_id


@dataclass(frozen=True)
class Refusal:
    """Why a guard refused: the error to raise and what the audit event's details add."""

    error: FileRefused
    details: dict[str, object] = field(default_factory=dict)


#: (uow, actor, permission, subject_type, subject_id) -> None, or why not.
FileGuard = Callable[[UnitOfWork, Actor, Permission, str, uuid.UUID], Refusal | None]

_guards: dict[str, FileGuard] = {}


def register_file_guard(name: str, guard: FileGuard) -> None:
    """Add (or replace, by name) a guard; every registered guard must let a file access through."""
    _guards[name] = guard


def registered_guards() -> tuple[str, ...]:
    """The names of the guards in force (the registry registers "conflict" and "restricted")."""
    return tuple(_guards)


def is_staff(actor: Actor) -> bool:
    """Whether file guards apply: a signed-in staff member, not the system or a portal client."""
    return actor.staff_id is not None and Role.CLIENT not in actor.roles


def check_file(
    uow: UnitOfWork, actor: Actor, permission: Permission, subject_type: str | None, subject_id: object | None
) -> Refusal | None:
    """The first refusal of any guard for this access, or ``None``."""
    if subject_type not in FILE_SUBJECTS or not is_staff(actor):
        return None
    file_id = _as_uuid(subject_id)
    if file_id is None or not _guards:
        return None
    try:
        uow.session  # noqa: B018 - only asks whether a transaction is open
    except RuntimeError:  # called outside ``with uow``: the guards read in a block of their own
        with uow:
            return _first_refusal(uow, actor, permission, subject_type, file_id)
    return _first_refusal(uow, actor, permission, subject_type, file_id)


def _first_refusal(
    uow: UnitOfWork, actor: Actor, permission: Permission, subject_type: str, file_id: uuid.UUID
) -> Refusal | None:
    for guard in _guards.values():
        refusal = guard(uow, actor, permission, subject_type, file_id)
        if refusal is not None:
            return refusal
    return None


def _as_uuid(value: object | None) -> uuid.UUID | None:
    if isinstance(value, uuid.UUID):
        return value
    if isinstance(value, str):
        try:
            return uuid.UUID(value)
        except ValueError:
            return None
    return None
