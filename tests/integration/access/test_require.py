"""``require``: refusals raise, and are kept in the audit log although the caller's transaction rolls back."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from onestop import access, audit
from onestop.access import require
from onestop.access.models import Office
from onestop.access.permissions import Actor, Permission, Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from onestop.common.errors import PermissionDenied

FINANCE = Actor.for_roles(uuid.UUID(int=5), "fiona", frozenset({Role.FINANCE}))


def _all_events(container: Container) -> list[AuditEvent]:
    with container.uow() as uow:
        events = list(uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        uow.commit()  # keep the loaded rows usable after the block
    return events


def test_allowed_does_nothing(container: Container) -> None:
    with container.uow() as uow:
        require(uow, FINANCE, Permission.PERSON_READ)
    assert _all_events(container) == []


def test_denial_is_kept_while_the_callers_work_is_rolled_back(container: Container) -> None:
    subject = uuid.uuid4()
    with pytest.raises(PermissionDenied, match="person:reveal_identifiers"), container.uow() as uow:
        uow.session.add(Office(code="GONE", name="never stored", created_at=uow.clock.now()))
        audit.record(uow, actor=FINANCE, action="person:read", subject_type="person", subject_id=subject)
        require(uow, FINANCE, Permission.PERSON_REVEAL_IDENTIFIERS, subject_type="person", subject_id=subject)
        uow.commit()
    [event] = _all_events(container)
    assert (event.seq, event.action, event.outcome) == (1, "person:reveal_identifiers", "denied")
    assert (event.subject_type, event.subject_id) == ("person", str(subject))
    assert (event.actor_staff_id, event.actor_username) == (FINANCE.staff_id, "fiona")
    assert event.details == {"permission": "person:reveal_identifiers", "roles": ["finance"]}
    with container.uow() as uow:
        assert uow.session.scalars(select(Office)).all() == []
        assert audit.verify(uow.session).ok


def test_several_denials_in_one_transaction_are_all_kept(container: Container) -> None:
    with container.uow() as uow:
        for permission in (Permission.STAFF_WRITE, Permission.AUDIT_READ):
            with pytest.raises(PermissionDenied):
                require(uow, FINANCE, permission)
    assert [e.action for e in _all_events(container)] == ["staff:write", "audit:read"]


def test_a_denial_outside_a_transaction_is_written_at_once(container: Container) -> None:
    with pytest.raises(PermissionDenied):
        require(container.uow(), FINANCE, Permission.AUDIT_VERIFY)
    assert [e.outcome for e in _all_events(container)] == ["denied"]


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reaches_only_its_staff_and_audit_services(container: Container, role: Role) -> None:

    actor = Actor.for_roles(uuid.uuid4(), f"r-{role.value}", frozenset({role}))
    outcomes = {}
    calls = {
        "list_staff": lambda: access.list_staff(container.uow(), actor=actor),
        "list_offices": lambda: access.list_offices(container.uow(), actor=actor),
        "create_office": lambda: access.create_office(
            container.uow(), actor=actor, code=f"O{role.value}", name="O"
        ),
        "list_events": lambda: access.list_audit_events(container.uow(), actor=actor),
        "verify_chain": lambda: access.verify_audit_chain(container.uow(), actor=actor),
    }
    for name, call in calls.items():
        try:
            call()
            outcomes[name] = True
        except PermissionDenied:
            outcomes[name] = False
    expected = {
        Role.OFFICER: set(),
        Role.SPECIALIST: set(),
        Role.FINANCE: set(),
        Role.SUPERVISOR: {"list_staff", "list_offices"},
        Role.ADMINISTRATOR: {"list_staff", "list_offices", "create_office"},
        Role.AUDITOR: {"list_staff", "list_offices", "list_events", "verify_chain"},
        Role.PRIVACY: set(),  # the privacy office reads files for requests, not staff or the trail
        Role.KNOWLEDGE_EDITOR: set(),  # writes staff articles; no staff administration or trail
        Role.CLIENT: set(),
    }[role]
    assert {name for name, ok in outcomes.items() if ok} == expected
    denied = [e for e in _all_events(container) if e.outcome == "denied"]
    assert len(denied) == len(calls) - len(expected)
