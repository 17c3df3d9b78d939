"""What the notices area asks of areas above it, registered by them when they are imported.

Notices sit below case work and the portal (both queue letters), so they cannot import them:
opening a task for an officer and knowing whether a person has a portal account are functions
those areas register here (``cases.tasks`` and ``clients``), as client 360 sections are.
A confidential-address check (access: restricted files) registers the same way.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy.orm import Session

from onestop.db import UnitOfWork

#: (uow, person_id, title, details, source_id) -> None: a follow-up task for the person's officer.
TaskOpener = Callable[[UnitOfWork, uuid.UUID, str, str, uuid.UUID], None]
#: (session, person_id) -> True when the person has a portal account.
PortalLookup = Callable[[Session, uuid.UUID], bool]
#: (session, person_id, address_id) -> True when that address must never be printed.
ConfidentialCheck = Callable[[Session, uuid.UUID, uuid.UUID], bool]

_task_opener: list[TaskOpener] = []
_portal_lookup: list[PortalLookup] = []
_confidential: list[ConfidentialCheck] = []


def register_task_opener(fn: TaskOpener) -> None:
    """Set how a task is opened (the last registration wins)."""
    _task_opener[:] = [fn]


def register_portal_lookup(fn: PortalLookup) -> None:
    """Set how a portal account is found (the last registration wins)."""
    _portal_lookup[:] = [fn]


def register_confidential_check(fn: ConfidentialCheck) -> None:
    """Add a check that an address is confidential (any one saying so holds the letter)."""
    _confidential.append(fn)


def open_task(uow: UnitOfWork, person_id: uuid.UUID, title: str, details: str, source_id: uuid.UUID) -> bool:
    """Open a task when case work is loaded; False when nobody registered (the queue still shows it)."""
    for fn in _task_opener:
        fn(uow, person_id, title, details, source_id)
        return True
    return False


def has_portal(session: Session, person_id: uuid.UUID) -> bool:
    return any(fn(session, person_id) for fn in _portal_lookup)


def is_confidential(session: Session, person_id: uuid.UUID, address_id: uuid.UUID) -> bool:
    return any(fn(session, person_id, address_id) for fn in _confidential)
