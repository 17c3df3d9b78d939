"""The staff use case: screen a case for an officer (permission ``rules:evaluate``).

Screening reads and stores nothing about a person, so it writes no audit event; the permission
check is the same as ``/api/evaluate``'s.
"""

from __future__ import annotations

from onestop.access import Actor, Permission, require
from onestop.db import UnitOfWork
from onestop.screening.engine import Screening, screen


def screen_case(uow: UnitOfWork, *, actor: Actor, data: object, lang: str = "en") -> Screening:
    """Screen a case mapping against every program of its jurisdiction's catalogue."""
    require(uow, actor, Permission.RULES_EVALUATE)
    return screen(data, lang)
