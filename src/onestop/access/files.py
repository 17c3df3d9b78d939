"""Who may open a particular client's file, beyond holding the permission: the file guards.

``require`` asks these guards after the permission check whenever a service names the file it is
about: ``subject_type`` "person", "unit" or "benefit_unit" with an id, or a record of the file (an
application, a document, a plan...: see ``file_of``). A guard answers ``None`` (go ahead) or a
``Refusal``; ``require`` then audits a ``denied`` event with the refusal's reason
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

from sqlalchemy import select

from onestop.access.permissions import Actor, Permission, Role
from onestop.common.errors import PermissionDenied
from onestop.db import Base, UnitOfWork, checks_ignore_writes_to

#: The subject types whose ids name a client's file.
FILE_SUBJECTS = frozenset({"person", "unit", "benefit_unit"})
#: Tables with a ``person_id`` that are not part of a client's file (accounts, the trail).
NOT_FILES = frozenset({"client_account", "audit_event", "staff", "office", "api_token"})


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
# No guard reads the audit trail: a use case's audit event (an assessment recorded, a read) does not
# make the next use case of the request check the same file again.
checks_ignore_writes_to("audit_event", "audit_chain_head")
_ALLOWED = "access.files.allowed"
_FILE_OF = "access.files.file_of"


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
    if not is_staff(actor):
        return None
    record_id = _as_uuid(subject_id)
    if subject_type is None or record_id is None or not _guards:
        return None
    # A page calls several use cases on one unit of work (one request), each checking the same file:
    # an access let through is remembered for the unit of work (refusals are checked, and audited, anew).
    key = (_ALLOWED, actor.staff_id, permission, subject_type, record_id)
    if key in uow.memo:
        return None
    try:
        uow.session  # noqa: B018 - only asks whether a transaction is open
    except RuntimeError:  # called outside ``with uow``: the guards read in a block of their own
        with uow:
            refusal = _first_refusal(uow, actor, permission, subject_type, record_id)
    else:
        refusal = _first_refusal(uow, actor, permission, subject_type, record_id)
    if refusal is None:
        uow.memo[key] = True
    return refusal


def _first_refusal(
    uow: UnitOfWork, actor: Actor, permission: Permission, subject_type: str, record_id: uuid.UUID
) -> Refusal | None:
    # Reading must not flush what the caller has not finished writing (a service called by another).
    with uow.session.no_autoflush:
        found = _file_of_memo(uow, subject_type, record_id)
        if found is None:
            return None
        for guard in _guards.values():
            refusal = guard(uow, actor, permission, *found)
            if refusal is not None:
                return refusal
    return None


def _file_of_memo(uow: UnitOfWork, subject_type: str, record_id: uuid.UUID) -> tuple[str, uuid.UUID] | None:
    """``file_of``, once per record for the unit of work: a page's use cases (the application's
    facts, assessment, checklist...) each name the same record, often under another permission."""
    if subject_type in FILE_SUBJECTS:
        return subject_type, record_id
    key = (_FILE_OF, subject_type, record_id)
    if key not in uow.memo:
        uow.memo[key] = file_of(uow, subject_type, record_id)
    return uow.memo[key]  # type: ignore[return-value]


def file_of(uow: UnitOfWork, subject_type: str, record_id: uuid.UUID) -> tuple[str, uuid.UUID] | None:
    """The client file a record belongs to: ("person", id) or ("unit", id), or ``None``.

    A person or a unit is its own file. Any other record (an application, a document, a plan, a
    notice...) belongs to the file its table's ``person_id`` (or else ``unit_id``) names, when the
    subject type is the table's name: so case work reached by its own id is behind the guards too.
    """
    if subject_type in FILE_SUBJECTS:
        return subject_type, record_id
    table = Base.metadata.tables.get(subject_type)
    if table is None or subject_type in NOT_FILES or "id" not in table.c:
        return None
    for column, kind in (("person_id", "person"), ("unit_id", "unit")):
        if column in table.c:
            found = uow.session.execute(select(table.c[column]).where(table.c.id == record_id)).scalar()
            if isinstance(found, uuid.UUID):
                return kind, found
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
