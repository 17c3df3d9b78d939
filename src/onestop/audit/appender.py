"""The events of reads appended in batches: one chain lock and one commit for every read waiting.

A read of personal data writes nothing but its event. Appended in the read's own transaction, each
read took the chain lock and held it to its commit, so under load every request queued behind the
one before (benchmarks/README.md, "The office at peak": at 200 users, most of the database's
connections waited on the chain head while the CPU was busy elsewhere). Here a read commits its own
(read-only) transaction, hands its event to its process's appender and waits: the first waiting
read appends every event waiting in its process, in one transaction under one lock, and releases
the others. More reads at once make bigger batches, not a longer queue (group commit).

What does not change: the read returns its data only once its event is committed in the chain (a
failure to append fails the read: 503), the chain and its seal are exactly those of one append after
the other, and ``verify`` is the same. A change still appends in its own transaction, so the change
and its event commit together; so does a read whose transaction wrote anything (``db.session.wrote``),
or one inside an enclosing use case. PostgreSQL only: on SQLite, the one writer at a time of the
embedded default, a read appends in its transaction as before.
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session, sessionmaker

from onestop.audit.recorder import append_events, pending_events
from onestop.db import wrote

if TYPE_CHECKING:
    from onestop.db import UnitOfWork

#: At most this many events in one append (one statement, one transaction).
MAX_BATCH = 500


@dataclass
class Pending:
    """One event waiting for its place in the chain: everything but its seq and previous hash."""

    values: dict[str, Any]
    done: bool = False
    error: BaseException | None = field(default=None, repr=False)


class ChainAppender:
    """Appends the events of one process's reads; the first waiting read does the work (no thread)."""

    def __init__(self, session_factory: sessionmaker[Session], audit_key: bytes) -> None:
        self._factory = session_factory
        self._audit_key = audit_key
        self._cond = threading.Condition()
        self._queue: list[Pending] = []
        self._busy = False

    def append(self, values: dict[str, Any]) -> None:
        """Append the event and return once it is committed; raise what stopped its batch."""
        mine = Pending(values)
        with self._cond:
            self._queue.append(mine)
        while True:
            with self._cond:
                while not mine.done and self._busy:
                    self._cond.wait()
                if mine.done:
                    break
                self._busy = True  # this read appends for every read waiting (up to MAX_BATCH)
                batch, self._queue = self._queue[:MAX_BATCH], self._queue[MAX_BATCH:]
            error: BaseException | None = None
            try:
                self._write(batch)
            except BaseException as err:  # every read of the batch fails with it (a 503 for most)
                error = err
            with self._cond:
                for pending in batch:
                    pending.done, pending.error = True, error
                self._busy = False
                self._cond.notify_all()
        if mine.error is not None:
            raise mine.error

    def _write(self, batch: list[Pending]) -> None:
        session = self._factory()
        try:
            append_events(session, [pending.values for pending in batch], self._audit_key)
            session.commit()
        finally:
            session.close()


_appenders: weakref.WeakKeyDictionary[sessionmaker[Session], ChainAppender] = weakref.WeakKeyDictionary()
_appenders_lock = threading.Lock()


def appender_for(uow: UnitOfWork) -> ChainAppender | None:
    """The batching appender for this read, or None when it must append in its own transaction."""
    session = uow.session
    if (
        getattr(uow, "_depth", 1) > 1
        or session.get_bind().dialect.name != "postgresql"
        or wrote(session)
        or pending_events(session)  # events of a change: the read's event commits with them, after them
    ):
        return None
    factory = uow.session_factory
    with _appenders_lock:
        found = _appenders.get(factory)
        if found is None:
            found = _appenders[factory] = ChainAppender(factory, uow.audit_key)
        return found
