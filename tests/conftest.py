"""Test fixtures shared by every suite.

Database tests run once per backend: SQLite (always) and PostgreSQL (when reachable). Each test runs
inside an outer transaction that is rolled back afterwards; services' own commits become savepoints
(SQLAlchemy's "join into an external transaction" recipe), so tests are isolated and fast.
Tests that need real concurrent connections use ``committed_container`` instead, which truncates.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import sessionmaker

from onestop import money
from onestop.bootstrap import Container, build
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, make_engine, migrate  # noqa: F401
from tests.dbadmin import audit_triggers_off

POSTGRES_URL = os.environ.get(
    "ONESTOP_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
REQUIRE_POSTGRES = os.environ.get("ONESTOP_REQUIRE_POSTGRES") == "1"
TEST_FIELD_KEY = FieldCipher.generate_key_text()
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)  # a Monday morning; nothing reads the real clock

_postgres_problem: str | None = None


@pytest.fixture(autouse=True)
def _no_random_second_check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Money samples 20% of a new officer's issuances for a second check by a hash of their random
    id; a test's expected states must not depend on that draw. Tests of the sampling itself are
    marked ``second_check_sampling`` and keep it."""
    if request.node.get_closest_marker("second_check_sampling") is None:
        monkeypatch.setattr(money.domain, "sampled_for_second_check", lambda issuance_id, share: False)


def _worker() -> str:
    """Unique per test run and xdist worker, so parallel runs never share (or drop) a database."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID", str(os.getpid()))[:8]
    return f"{run}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"


def _drop_database(name: str) -> None:
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _postgres_engine() -> Engine:
    """A fresh database for this xdist worker, created through the admin database."""
    global _postgres_problem
    admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"onestop_test_{_worker()}"
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as err:  # any failure to reach the server means "not available"
        _postgres_problem = f"PostgreSQL not reachable at {POSTGRES_URL}: {type(err).__name__}"
        raise
    finally:
        admin.dispose()
    url = make_engine(POSTGRES_URL).url.set(database=name)
    return make_engine(url.render_as_string(hide_password=False))


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A migrated, empty database on one backend, for the whole session (per xdist worker)."""
    if request.param == "sqlite":
        path = tmp_path_factory.mktemp("db") / "onestop.db"
        eng = make_engine(f"sqlite:///{path}")
    else:
        if _postgres_problem:
            _skip_or_fail(_postgres_problem)
        try:
            eng = _postgres_engine()
        except Exception:
            _skip_or_fail(_postgres_problem or "PostgreSQL not available")
    migrate.upgrade(eng)  # the schema comes from the migrations, as in production
    yield eng
    eng.dispose()
    if eng.dialect.name == "postgresql":
        _drop_database(str(eng.url.database))


def _skip_or_fail(reason: str) -> None:
    if REQUIRE_POSTGRES:
        pytest.fail(f"{reason} (ONESTOP_REQUIRE_POSTGRES=1)")
    pytest.skip(reason)


def _settings(tmp_path: Path) -> Settings:
    return Settings(var_dir=tmp_path / "var", field_key=TEST_FIELD_KEY, secret_key="test-secret-" + "x" * 32)


@pytest.fixture
def clock() -> FixedClock:
    """A clock fixed at ``NOW``; tests advance it explicitly."""
    return FixedClock(NOW)


@pytest.fixture
def container(engine: Engine, clock: FixedClock, tmp_path: Path) -> Iterator[Container]:
    """A container whose every transaction is rolled back at the end of the test."""
    connection = engine.connect()
    outer = connection.begin()
    factory = sessionmaker(bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint")
    yield build(_settings(tmp_path), clock=clock, session_factory=factory, engine=engine)
    outer.rollback()
    connection.close()


@pytest.fixture
def committed_container(engine: Engine, clock: FixedClock, tmp_path: Path) -> Iterator[Container]:
    """A container with real, separately committed transactions (for concurrency tests); emptied after."""
    yield build(_settings(tmp_path), clock=clock, engine=engine)
    with engine.begin() as conn, audit_triggers_off(conn):  # the audit log refuses DELETE otherwise
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def backend(engine: Engine) -> str:
    """Name of the backend under test ('sqlite' or 'postgresql')."""
    return engine.dialect.name


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly when the PostgreSQL half or the browser tests did not run, and how to run them."""
    skipped = [str(getattr(r, "longrepr", "")) for r in terminalreporter.stats.get("skipped", [])]
    # Only the no-server skips; "...on PostgreSQL only" skips of the SQLite half are expected.
    if any("PostgreSQL not" in reason for reason in skipped):
        terminalreporter.write_line(
            "NOTE: the PostgreSQL half of the suite was SKIPPED (no server). "
            "Set ONESTOP_REQUIRE_POSTGRES=1 to make that a failure.",
            yellow=True,
            bold=True,
        )
    browser_skips = sum("Chromium not found" in reason for reason in skipped)
    if browser_skips:
        terminalreporter.write_line(
            f"NOTE: {browser_skips} browser tests were SKIPPED (no Chromium at /usr/bin/chromium or "
            "ONESTOP_BROWSER_PATH). Run `apt-get install chromium` to run them; "
            "set ONESTOP_REQUIRE_BROWSER=1 to make a missing browser a failure.",
            yellow=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def migrated_engine(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A second, empty database on the same backend, built by the migrations alone."""
    if engine.dialect.name == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path_factory.mktemp('mig') / 'migrated.db'}")
    else:
        admin = make_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
        name = f"onestop_migrated_{_worker()}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        eng = make_engine(engine.url.set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(eng)
    yield eng
    eng.dispose()
    if eng.dialect.name == "postgresql":
        _drop_database(str(eng.url.database))
