"""The one composition root: settings, engine, sessions, clock, keys and rule packs wired together."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.orm import Session, sessionmaker

from onestop import jurisdictions, keys, policy
from onestop.common.clock import Clock, SystemClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import UnitOfWork, make_engine, make_session_factory
from onestop.storage import DocumentStorage, FilesystemStorage


@dataclass
class Container:
    """Everything long-lived that services need; built once per process (or per test)."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    clock: Clock
    cipher: FieldCipher
    secret_key: str
    #: Seals the audit chain head (``keys.audit_key``); never stored in the database.
    audit_key: bytes = field(default=b"", repr=False)
    extras: dict[str, Any] = field(default_factory=dict)
    #: Uploaded documents, outside the database; tests may assign another store.
    storage: DocumentStorage = field(init=False)

    def __post_init__(self) -> None:
        self.storage = FilesystemStorage(self.settings.resolved_storage_dir())

    def uow(self) -> UnitOfWork:
        """A new unit of work (one transaction) for one use case."""
        return UnitOfWork(self.session_factory, self.clock, self.cipher, audit_key=self.audit_key)


def build(
    settings: Settings | None = None,
    *,
    clock: Clock | None = None,
    session_factory: sessionmaker[Session] | None = None,
    engine: Engine | None = None,
) -> Container:
    """Build the container from settings; tests pass their own clock and session factory."""
    settings = settings or Settings()
    settings.var_dir.mkdir(parents=True, exist_ok=True)
    engine = engine or make_engine(settings.resolved_database_url(), **settings.engine_options())
    container = Container(
        settings=settings,
        engine=engine,
        session_factory=session_factory or make_session_factory(engine),
        clock=clock or SystemClock(settings.timezone),
        cipher=FieldCipher.from_text(keys.field_key(settings)),
        secret_key=keys.secret_key(settings),
        audit_key=keys.audit_key(settings),
    )
    lay_overlays(container.session_factory)
    return container


def lay_overlays(session_factory: sessionmaker[Session]) -> None:
    """Lay the approved parameter overlays over the packs (none before the table exists)."""
    try:
        with session_factory() as session:
            approved = policy.load_approved(session)
    except (OperationalError, ProgrammingError):  # a database not yet migrated has no overlays
        approved = []
    jurisdictions.use_overlays(approved)
