"""Engine, sessions and the unit of work: one use case, one transaction."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from onestop.common.clock import Clock
from onestop.common.crypto import FieldCipher
from onestop.common.errors import Conflict


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; on SQLite turn on foreign keys and WAL so it behaves like a real server."""
    if url.startswith("sqlite"):
        kwargs.setdefault("connect_args", {"check_same_thread": False, "timeout": 30})
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            if ":memory:" not in url:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
            # pysqlite defers BEGIN to the first write, so a SAVEPOINT then opened its own transaction
            # and RELEASE committed it: tests' "rolled back" data stayed. Let SQLAlchemy emit BEGIN.
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: Any) -> None:
            if conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT":
                conn.exec_driver_sql("BEGIN")

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


#: ``session.info`` key: this transaction wrote something (a flush, or an INSERT, UPDATE or DELETE).
WROTE = "onestop.db.wrote"


#: ``session.info`` key: the memo of the unit of work the session serves (``UnitOfWork.memo``),
#: emptied by a write to any table but those ``checks_ignore_writes_to`` names.
MEMO = "onestop.db.memo"
_IGNORED_BY_CHECKS: set[str] = set()


def checks_ignore_writes_to(*tables: str) -> None:
    """Declare tables that no check remembered in ``UnitOfWork.memo`` reads (the audit trail), so that
    a request's audit events do not make it check the same file again."""
    _IGNORED_BY_CHECKS.update(tables)


@event.listens_for(Session, "after_flush")
def _flushed(session: Session, _context: object) -> None:
    session.info[WROTE] = True
    if _pending_checked(session):  # after_flush still sees what was flushed in new/dirty/deleted
        _forget_checks(session)


def _pending_checked(session: Session) -> bool:
    pending = (*session.new, *session.dirty, *session.deleted)
    return any(getattr(type(o), "__tablename__", None) not in _IGNORED_BY_CHECKS for o in pending)


@event.listens_for(Session, "do_orm_execute")
def _executed(state: ORMExecuteState) -> None:
    if not state.is_select:
        state.session.info[WROTE] = True
        table = getattr(getattr(state.statement, "table", None), "name", None)
        if table not in _IGNORED_BY_CHECKS:
            _forget_checks(state.session)


def _forget_checks(session: Session) -> None:
    """A check remembered before a write may no longer hold after it (a member added to the unit, a
    restriction set): forget them as soon as a write reaches the database."""
    memo = session.info.get(MEMO)
    if memo is not None:
        memo.clear()


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _ended(session: Session) -> None:
    session.info.pop(WROTE, None)


def wrote(session: Session) -> bool:
    """Whether the session's transaction changed anything so far, through the session (pending
    changes included; a write through the raw driver connection is not seen)."""
    return bool(session.info.get(WROTE) or session.new or session.dirty or session.deleted)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions that keep loaded objects usable after commit (services return them)."""
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


class UnitOfWork:
    """A transaction plus what every service needs in it: the clock and the field cipher.

    Use as ``with uow: ...; uow.commit()``. Leaving the block without ``commit`` rolls back, so a
    failure half-way never leaves half-written records. Callbacks registered with ``after_commit``
    (letters, e-mails, files) run only once the data is safely stored.
    """

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        clock: Clock,
        cipher: FieldCipher,
        *,
        audit_key: bytes = b"",
    ) -> None:
        self._factory = session_factory
        self.clock = clock
        self.cipher = cipher
        #: Seals the audit chain head as events are recorded; empty means "leave the head unsealed".
        self.audit_key = audit_key
        self._session: Session | None = None
        self._after_commit: list[Callable[[], None]] = []
        self._depth = 0
        #: What checks made in this unit of work found, for its later transactions (a web request
        #: makes one unit of work: a page of several use cases checks the same file once).
        self.memo: dict[object, object] = {}

    @property
    def session(self) -> Session:
        """The open session; only valid inside ``with uow``."""
        if self._session is None:
            raise RuntimeError("UnitOfWork used outside its 'with' block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        # Re-entrant: a service called by another service joins the outer transaction.
        if self._depth == 0:
            self._session = self._factory()
            self._after_commit = []
            self._session.info[MEMO] = self.memo  # emptied by a write (``_forget_checks``)
        self._depth += 1
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._depth -= 1
        if self._depth > 0:
            return
        session, self._session = self._session, None
        assert session is not None
        try:
            session.rollback()  # no-op after a commit
        finally:
            session.close()

    def flush(self) -> None:
        """Send pending changes now (to get ids or hit constraints early)."""
        try:
            self.session.flush()
        except StaleDataError as err:
            raise Conflict("the record was changed by someone else; reload it and try again") from err

    def commit(self) -> None:
        """Commit if this is the outermost block, then run after-commit callbacks."""
        if self._depth > 1:
            return
        try:
            self.session.commit()
        except StaleDataError as err:
            self.session.rollback()
            raise Conflict("the record was changed by someone else; reload it and try again") from err
        except IntegrityError:
            self.session.rollback()
            raise
        callbacks, self._after_commit = self._after_commit, []
        for callback in callbacks:
            callback()

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """Where this unit of work's sessions come from (the same database and connection pool)."""
        return self._factory

    def independent(self) -> UnitOfWork:
        """A separate unit of work (its own transaction) on the same database, clock, cipher and keys."""
        return UnitOfWork(self._factory, self.clock, self.cipher, audit_key=self.audit_key)

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once the transaction commits (never if it rolls back)."""
        self._after_commit.append(callback)
