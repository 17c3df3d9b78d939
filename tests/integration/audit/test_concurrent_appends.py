"""Appends from many concurrent transactions never fork the chain (real, separately committed connections)."""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from onestop import audit
from onestop.access.permissions import Actor, Role
from onestop.audit import AuditEvent
from onestop.bootstrap import Container

WRITERS = 8
EACH = 5


def _writer(container: Container, n: int, start: threading.Barrier) -> None:
    actor = Actor.for_roles(uuid.uuid4(), f"writer{n}", frozenset({Role.OFFICER}))
    start.wait()
    for i in range(EACH):
        with container.uow() as uow:
            audit.record(uow, actor=actor, action="person:read", subject_type="person", subject_id=f"{n}-{i}")
            uow.commit()


def test_concurrent_appends_give_one_unbroken_chain(committed_container: Container) -> None:
    start = threading.Barrier(WRITERS)
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        for future in [pool.submit(_writer, committed_container, n, start) for n in range(WRITERS)]:
            future.result()
    with committed_container.uow() as uow:
        seqs = list(uow.session.scalars(select(AuditEvent.seq).order_by(AuditEvent.seq)))
        result = audit.verify(uow.session)
        uow.commit()
    assert seqs == list(range(1, WRITERS * EACH + 1))
    assert result == audit.VerifyResult(ok=True, checked=WRITERS * EACH, first_broken_seq=None, reason="ok")


def test_a_rolled_back_append_leaves_no_hole(committed_container: Container) -> None:
    actor = Actor.system("test")
    with committed_container.uow() as uow:
        audit.record(uow, actor=actor, action="x:one", subject_type=None, subject_id=None)
        uow.commit()
    with committed_container.uow() as uow:  # no commit: rolled back, taking its seq with it
        audit.record(uow, actor=actor, action="x:lost", subject_type=None, subject_id=None)
    with committed_container.uow() as uow:
        audit.record(uow, actor=actor, action="x:two", subject_type=None, subject_id=None)
        uow.commit()
    with committed_container.uow() as uow:
        rows = uow.session.execute(select(AuditEvent.seq, AuditEvent.action).order_by(AuditEvent.seq)).all()
        assert audit.verify(uow.session).ok
    assert [tuple(r) for r in rows] == [(1, "x:one"), (2, "x:two")]


def test_an_open_transaction_that_recorded_does_not_hold_up_others(committed_container: Container) -> None:
    """The chain is locked only for the commit: a use case still working after ``record`` (here,
    left open while another one records and commits) keeps no one waiting, and the chain takes
    each event in the order of the commits."""
    actor = Actor.system("test")
    slow = committed_container.uow()
    with slow:
        audit.record(slow, actor=actor, action="x:slow", subject_type=None, subject_id=None)
        with ThreadPoolExecutor(max_workers=1) as pool:  # another connection, while ``slow`` is open

            def quick() -> None:
                with committed_container.uow() as uow:
                    audit.record(uow, actor=actor, action="x:quick", subject_type=None, subject_id=None)
                    uow.commit()

            pool.submit(quick).result(timeout=20)  # waited for the chain lock before: timed out
        slow.commit()
    with committed_container.uow() as uow:
        rows = uow.session.execute(select(AuditEvent.seq, AuditEvent.action).order_by(AuditEvent.seq)).all()
        assert audit.verify(uow.session).ok
    assert [tuple(r) for r in rows] == [(1, "x:quick"), (2, "x:slow")]


def test_a_rolled_back_savepoint_takes_the_events_recorded_in_it(committed_container: Container) -> None:
    actor = Actor.system("test")
    with committed_container.uow() as uow:
        audit.record(uow, actor=actor, action="x:before", subject_type=None, subject_id=None)
        savepoint = uow.session.begin_nested()
        audit.record(uow, actor=actor, action="x:undone", subject_type=None, subject_id=None)
        inner = uow.session.begin_nested()
        audit.record(uow, actor=actor, action="x:undone-inner", subject_type=None, subject_id=None)
        inner.commit()
        savepoint.rollback()
        kept = uow.session.begin_nested()
        audit.record(uow, actor=actor, action="x:kept", subject_type=None, subject_id=None)
        kept.commit()  # a savepoint's release is not the commit: nothing is in the chain yet
        assert uow.session.scalar(select(AuditEvent.seq)) is None
        audit.record(uow, actor=actor, action="x:after", subject_type=None, subject_id=None)
        uow.commit()
    with committed_container.uow() as uow:
        actions = list(uow.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
        assert audit.verify(uow.session).ok
    assert actions == ["x:before", "x:kept", "x:after"]
