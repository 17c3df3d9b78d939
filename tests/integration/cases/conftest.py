"""Fixtures for case-work integration tests: an office with an officer, a colleague and a supervisor."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import select

from onestop.access import Office, Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from tests.integration.cases.factories import Worker, make_office, make_person, make_worker


@dataclass(frozen=True)
class Team:
    """One office's staff."""

    office: Office
    officer: Worker
    colleague: Worker
    supervisor: Worker
    finance: Worker


@pytest.fixture
def team(container: Container) -> Team:
    """An office with two officers, a supervisor and a finance clerk."""
    office = make_office(container)
    return Team(
        office=office,
        officer=make_worker(container, Role.OFFICER, office=office),
        colleague=make_worker(container, Role.OFFICER, office=office),
        supervisor=make_worker(container, Role.SUPERVISOR, office=office),
        finance=make_worker(container, Role.FINANCE, office=office),
    )


@pytest.fixture
def person(container: Container) -> uuid.UUID:
    """A registered person."""
    return make_person(container)


def audit_actions(container: Container, subject_id: object | None = None) -> list[tuple[str, str]]:
    """(action, outcome) of the audit events, oldest first, optionally about one subject."""
    uow = container.uow()
    with uow:
        stmt = select(AuditEvent.action, AuditEvent.outcome).order_by(AuditEvent.seq)
        if subject_id is not None:
            stmt = stmt.where(AuditEvent.subject_id == str(subject_id))
        return [(a, o) for a, o in uow.session.execute(stmt)]
