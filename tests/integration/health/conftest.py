"""The case-work fixtures (an office with its staff, a person) for the health tests."""

from __future__ import annotations

from typing import Any

from onestop import money
from onestop.bootstrap import Container
from tests.integration.cases.conftest import Team, person, team

__all__ = ["person", "team"]


def vendor(container: Container, team: Team, name: str) -> Any:
    """A vendor payee as the office sets one up: entered by the officer, approved by the supervisor."""
    payee = money.create_payee(
        container.uow(), actor=team.officer.actor, data=money.PayeeCreate(kind="vendor", name=name)
    )
    supervisor = team.supervisor.actor
    [request] = [
        r for r in money.list_approvals(container.uow(), actor=supervisor) if r.subject_id == payee.id
    ]
    money.decide_approval(container.uow(), actor=supervisor, approval_id=request.id, approve=True)
    return payee
