"""Reads append their events in batches (``audit.appender``): every read recorded, one unbroken chain.

On PostgreSQL a read that wrote nothing commits, then its event is appended with the other reads
waiting, under one chain lock; it returns only once the event is committed. On SQLite every read
appends in its own transaction, as before. Both must give the same log.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from onestop import audit
from onestop.access.permissions import Actor, Role
from onestop.audit import AuditEvent, appender, repository
from onestop.bootstrap import Container

READERS = 8
EACH = 6


def _reader(container: Container, n: int, start: threading.Barrier) -> list[str]:
    actor = Actor.for_roles(uuid.uuid4(), f"reader{n}", frozenset({Role.OFFICER}))
    start.wait()
    got = []
    for i in range(EACH):
        uow = container.uow()
        with uow:
            got.append(
                audit.audited_read(
                    uow,
                    f"{n}-{i}",
                    actor=actor,
                    action="person:read",
                    subject_type="person",
                    subject_id=f"{n}-{i}",
                )
            )
    return got


def test_concurrent_reads_each_recorded_in_one_unbroken_sealed_chain(committed_container: Container) -> None:
    start = threading.Barrier(READERS)
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        futures = [pool.submit(_reader, committed_container, n, start) for n in range(READERS)]
        returned = [value for future in futures for value in future.result()]
    with committed_container.uow() as uow:
        subjects = sorted(uow.session.scalars(select(AuditEvent.subject_id)))
        seqs = list(uow.session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
        result = audit.verify(uow.session, key=committed_container.audit_key or None)
    assert sorted(returned) == subjects  # every read returned has its event, and no other event
    assert seqs == list(range(1, READERS * EACH + 1))
    assert result.ok, result


def test_a_read_whose_batch_fails_fails_and_leaves_no_event(
    committed_container: Container, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    if backend != "postgresql":
        pytest.skip("reads are batched on PostgreSQL only")

    def down(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(repository, "append_many", down)
    actor = Actor.for_roles(uuid.uuid4(), "reader", frozenset({Role.OFFICER}))
    uow = committed_container.uow()
    with pytest.raises(OperationalError), uow:
        audit.audited_read(uow, "secret", actor=actor, action="person:read", subject_type="person")
    with committed_container.uow() as uow:
        assert uow.session.scalar(select(AuditEvent.seq)) is None


def test_a_read_after_a_change_appends_in_the_change_transaction(
    committed_container: Container, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The change and the read's event commit together: the batching appender is not used."""
    used = []
    monkeypatch.setattr(appender.ChainAppender, "append", lambda self, values: used.append(values))
    actor = Actor.for_roles(uuid.uuid4(), "officer", frozenset({Role.OFFICER}))
    uow = committed_container.uow()
    with uow:
        audit.record(uow, actor=actor, action="person:update", subject_type="person", subject_id="p1")
        audit.audited_read(
            uow, "p1", actor=actor, action="person:read", subject_type="person", subject_id="p1"
        )
    with committed_container.uow() as uow:
        actions = list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
    assert used == []
    assert actions == ["person:update", "person:read"]
