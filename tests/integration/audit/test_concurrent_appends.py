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
