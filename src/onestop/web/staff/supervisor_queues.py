"""What waits for a supervisor, in one block of the team page: approvals, write-offs, overrides.

Kept apart from ``supervisor.py`` (the team's charts) so that other queues can join this block without
touching the charts: each entry is a (label, count or None, link) the template lists as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.requests import Request

from onestop.access import Actor, Permission
from onestop.cases.decisions import list_override_requests
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.money import list_approvals
from onestop.web import pages


@dataclass(frozen=True)
class Queue:
    """One line of the block: what waits, how many (None: not counted here), and where to act on it."""

    label: str
    count: int | None
    href: str


def waiting_for_supervisor(request: Request, uow: UnitOfWork, actor: Actor) -> list[Queue]:
    """The supervisor's queues the actor may act on (a finance officer sees approvals only, and so on)."""
    queues: list[Queue] = []
    if actor.can(Permission.MONEY_APPROVE):
        approvals = list_approvals(uow, actor=actor, limit=500)
        write_offs = sum(1 for a in approvals if a.kind == "write_off")
        queues.append(
            Queue(
                pages.gettext(request, N_("Payments to approve")),
                len(approvals) - write_offs,
                "/staff/approvals",
            )
        )
        queues.append(
            Queue(pages.gettext(request, N_("Write-offs to approve")), write_offs, "/staff/approvals")
        )
    if actor.can(Permission.DECISION_APPROVE):
        overrides = list_override_requests(uow, actor=actor)
        queues.append(
            Queue(pages.gettext(request, N_("Overrides to approve")), len(overrides), "/staff/overrides")
        )
    return queues
