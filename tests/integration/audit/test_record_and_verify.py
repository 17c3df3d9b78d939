"""The audit chain in a real database: appends, redaction, tampering by raw SQL, and the verifying CLI."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select, text
from typer.testing import CliRunner

from onestop import access, audit
from onestop.access.permissions import Actor, Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.common.clock import FixedClock
from onestop.common.errors import InvalidInput, PermissionDenied
from tests.dbadmin import audit_triggers_off

OFFICER = Actor.for_roles(uuid.UUID(int=11), "olive", frozenset({Role.OFFICER}))
AUDITOR = Actor.for_roles(uuid.UUID(int=12), "audrey", frozenset({Role.AUDITOR}))
PERSON = uuid.UUID(int=99)


def _append(container: Container, n: int, clock: FixedClock | None = None) -> None:
    for i in range(n):
        with container.uow() as uow:
            audit.record(
                uow,
                actor=OFFICER,
                action="person:read",
                subject_type="person",
                subject_id=PERSON,
                purpose="intake",
                after={"visit": i, "when": dt.date(2026, 3, 2)},
            )
            uow.commit()
        if clock is not None:
            clock.advance(dt.timedelta(seconds=1))


def _verify(container: Container) -> audit.VerifyResult:
    with container.uow() as uow:
        return audit.verify(uow.session)


def _sql(container: Container, statement: str, **params: object) -> None:
    """Tamper as a database administrator would: with the append-only triggers switched off."""
    with container.uow() as uow, audit_triggers_off(uow.session.connection()):
        uow.session.execute(text(statement), params)
        uow.commit()


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    """A CLI runner whose commands use the test container."""
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_events_are_chained_in_order_with_what_was_given(container: Container, clock: FixedClock) -> None:
    _append(container, 3, clock)
    with container.uow() as uow:
        events = list(uow.session.scalars(select(AuditEvent).order_by(AuditEvent.seq)))
        uow.commit()
    assert [e.seq for e in events] == [1, 2, 3]
    assert events[0].prev_hash == audit.GENESIS_HASH
    assert [e.prev_hash for e in events[1:]] == [e.hash for e in events[:-1]]
    first = events[0]
    assert first.occurred_at == clock.now() - dt.timedelta(seconds=3)
    assert (first.actor_staff_id, first.actor_username) == (OFFICER.staff_id, "olive")
    assert (first.action, first.subject_type, first.subject_id, first.purpose, first.outcome) == (
        "person:read",
        "person",
        str(PERSON),
        "intake",
        "ok",
    )
    assert first.after == {"visit": 0, "when": "2026-03-02"}
    assert _verify(container) == audit.VerifyResult(ok=True, checked=3, first_broken_seq=None, reason="ok")


def test_an_empty_log_verifies(container: Container) -> None:
    assert _verify(container) == audit.VerifyResult(ok=True, checked=0, first_broken_seq=None, reason="ok")


def test_identifiers_never_reach_the_log_in_clear(container: Container) -> None:
    with container.uow() as uow:
        audit.record(
            uow,
            actor=OFFICER,
            action="person:update",
            subject_type="person",
            subject_id=PERSON,
            before={"sin": "046 454 286", "name": "Jo"},
            after={"sin": "130 692 544", "name": "Jo"},
            details={"identifiers": [{"health_number": "9876543210"}]},
        )
        uow.commit()
    with container.uow() as uow:
        raw = uow.session.execute(text("SELECT before, after, details FROM audit_event")).one()
    stored = " ".join(str(value) for value in raw)
    assert "046 454 286" not in stored and "130 692 544" not in stored and "9876543210" not in stored
    assert "[redacted]" in stored
    assert _verify(container).ok


def test_numbers_survive_the_database_so_the_hash_still_verifies(container: Container) -> None:
    numbers = {"big": 1e16, "huge": 2.5e20, "tiny": 1e-7, "ratio": 0.93, "one": 1.0, "count": 3, "neg": -0.5}
    with container.uow() as uow:
        audit.record(
            uow, actor=OFFICER, action="x:numbers", subject_type=None, subject_id=None, details=numbers
        )
        uow.commit()
    result = _verify(container)
    assert result.ok, result.reason


def test_an_unknown_outcome_is_a_programming_error(container: Container) -> None:
    with pytest.raises(ValueError, match="outcome"), container.uow() as uow:
        audit.record(uow, actor=OFFICER, action="x:y", subject_type=None, subject_id=None, outcome="maybe")


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("action", "person:create"),
        ("actor_username", "mallory"),
        ("purpose", "none of your business"),
        ("subject_id", "someone-else"),
        ("outcome", "denied"),
    ],
)
def test_a_field_changed_by_raw_sql_is_named(
    container: Container, cli: CliRunner, column: str, value: str
) -> None:
    _append(container, 5)
    _sql(container, f"UPDATE audit_event SET {column} = :value WHERE seq = 3", value=value)  # noqa: S608
    result = _verify(container)
    assert (result.ok, result.checked, result.first_broken_seq) == (False, 2, 3)
    assert "altered" in result.reason
    run = cli.invoke(app, ["audit", "verify"])
    assert run.exit_code == 1
    assert run.output.startswith("audit chain BROKEN at event seq 3: ")


def test_a_changed_json_value_is_named(container: Container) -> None:
    _append(container, 3)
    with container.uow() as uow, audit_triggers_off(uow.session.connection()):
        event = uow.session.get(AuditEvent, 2)
        assert event is not None
        uow.session.execute(
            AuditEvent.__table__.update()
            .where(AuditEvent.seq == 2)
            .values(after={"visit": 7, "when": "2026-03-02"})
        )
        uow.commit()
    assert _verify(container).first_broken_seq == 2


def test_a_deleted_event_is_reported_as_a_gap(container: Container, cli: CliRunner) -> None:
    _append(container, 5)
    _sql(container, "DELETE FROM audit_event WHERE seq = 3")
    result = _verify(container)
    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert "missing" in result.reason
    run = cli.invoke(app, ["audit", "verify"])
    assert (run.exit_code, run.output.splitlines()[0]) == (
        1,
        f"audit chain BROKEN at event seq 3: {result.reason}",
    )


def test_deleting_the_newest_events_is_caught_by_the_head(container: Container) -> None:
    _append(container, 5)
    _sql(container, "DELETE FROM audit_event WHERE seq >= 4")
    result = _verify(container)
    assert (result.ok, result.checked, result.first_broken_seq) == (False, 3, 4)


def test_swapped_events_are_reported(container: Container) -> None:
    _append(container, 4)
    _sql(container, "UPDATE audit_event SET seq = -2 WHERE seq = 2")
    _sql(container, "UPDATE audit_event SET seq = 2 WHERE seq = 3")
    _sql(container, "UPDATE audit_event SET seq = 3 WHERE seq = -2")
    result = _verify(container)
    assert (result.ok, result.first_broken_seq) == (False, 2)


def test_a_missing_chain_head_is_reported(container: Container) -> None:
    _append(container, 2)
    _sql(container, "DELETE FROM audit_chain_head")
    result = _verify(container)
    assert (result.ok, result.first_broken_seq, result.reason) == (
        False,
        1,
        "the chain head record is missing",
    )


def test_cli_verify_says_ok_and_is_itself_audited(container: Container, cli: CliRunner) -> None:
    _append(container, 4)
    run = cli.invoke(app, ["audit", "verify"])
    assert (run.exit_code, run.output.splitlines()[0]) == (0, "audit chain OK: 4 events")
    run = cli.invoke(app, ["audit", "verify"])
    assert run.output.splitlines()[0] == "audit chain OK: 5 events"  # the first verification is in the chain


def test_cli_list_says_when_there_is_nothing(container: Container, cli: CliRunner) -> None:
    run = cli.invoke(app, ["audit", "list", "--subject-id", "nobody"])
    assert (run.exit_code, run.output.strip()) == (0, "no audit events")


def test_cli_list_shows_newest_first_and_filters(container: Container, cli: CliRunner) -> None:
    _append(container, 3)
    with container.uow() as uow:
        audit.record(uow, actor=OFFICER, action="unit:read", subject_type="unit", subject_id="u-1")
        uow.commit()
    run = cli.invoke(app, ["audit", "list", "--subject-id", str(PERSON), "--limit", "2"])
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    assert len(lines) == 2 and lines[0].split()[0] == "3" and lines[1].split()[0] == "2"
    assert all("person:read" in line and "purpose: intake" in line for line in lines)
    bad = cli.invoke(app, ["audit", "list", "--limit", "0"])
    assert bad.exit_code == 2


def test_list_events_needs_audit_read_and_is_audited(container: Container) -> None:
    _append(container, 2)
    with pytest.raises(PermissionDenied):
        access.list_audit_events(container.uow(), actor=OFFICER)  # seq 3: the refusal
    events = access.list_audit_events(
        container.uow(), actor=AUDITOR, subject_type="person", subject_id=PERSON
    )
    assert [e.seq for e in events] == [2, 1]  # seq 4: this read
    newest = access.list_audit_events(container.uow(), actor=AUDITOR, limit=2)
    assert [(e.seq, e.action, e.outcome, e.actor_username) for e in newest] == [
        (4, "audit:read", "ok", "audrey"),
        (3, "audit:read", "denied", "olive"),
    ]
    assert (newest[0].subject_type, newest[0].subject_id) == ("person", str(PERSON))
    assert newest[0].details == {"limit": 100, "returned": 2}
    with pytest.raises(InvalidInput) as err:
        access.list_audit_events(container.uow(), actor=AUDITOR, limit=5000)
    assert err.value.field == "limit"


def test_verify_chain_needs_audit_verify(container: Container) -> None:
    with pytest.raises(PermissionDenied):
        access.verify_audit_chain(container.uow(), actor=OFFICER)
    assert access.verify_audit_chain(container.uow(), actor=AUDITOR).ok
