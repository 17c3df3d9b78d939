"""A monthly payment run of N recurring issuances, from generation to a schema-valid pain.001 file.

    python benchmarks/payment_run.py --issuances 100000 --backend postgresql --json

Seeds N benefit units, client payees (account numbers encrypted) and monthly direct-deposit
entitlements with bulk inserts (not timed), then times the run as finance does it: generate the
month's issuances (with their ledger entry), build the batch, approve it (another clerk), export
it (stream the XML, validate the whole file with libxml2 in one streaming pass, post the release),
and verify the ledger. Reports wall-clock and CPU seconds per step (CPU of this process and its
children, not of the database server: on a shared machine the wall clock mostly measures waiting
for a core, so both are given with the load average), the file size and the peak memory (RSS).
The PostgreSQL database is created for the run and dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from onestop import money
from onestop.access.models import Office, Staff
from onestop.access.permissions import Actor, Role
from onestop.bootstrap import build
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, make_engine  # noqa: F401 - all_models fills the metadata
from onestop.money import bulk
from onestop.money.domain import ACCOUNT_CONTEXT
from onestop.money.models import Entitlement, Payee
from onestop.registry.models import BenefitUnit, Person

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = dt.datetime(2026, 4, 1, 8, 0, tzinfo=dt.UTC)
PAY_DATE = dt.date(2026, 4, 1)
CHUNK = 10_000


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the validation workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _explain_into(engine: Engine, path: Path, slower_than_ms: int) -> None:
    """Have PostgreSQL send the plan of every statement slower than ``slower_than_ms`` (with actual
    rows, buffers and trigger times: the foreign-key checks) to ``path`` (auto_explain, per session)."""
    out = path.open("a", encoding="utf-8")

    @event.listens_for(engine, "connect")
    def _load(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.add_notice_handler(lambda diag: out.write(f"{diag.message_primary}\n\n"))
        with dbapi_connection.cursor() as cursor:
            cursor.execute("LOAD 'auto_explain'")
            for setting, value in (
                ("log_min_duration", f"{slower_than_ms}ms"),
                ("log_analyze", "on"),
                ("log_buffers", "on"),
                ("log_triggers", "on"),
                ("log_level", "notice"),
            ):
                cursor.execute(f"SET auto_explain.{setting} = '{value}'")
        dbapi_connection.commit()


def _peak_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


class _ServerCpu:
    """CPU seconds of the PostgreSQL backends serving this process (read from /proc: the server runs
    on this machine), so the database's own work is measured apart from waiting for a core."""

    def __init__(self, engine: Engine) -> None:
        self.pids: set[int] = set()
        if engine.dialect.name != "postgresql" or engine.url.host not in ("127.0.0.1", "localhost"):
            return

        @event.listens_for(engine, "connect")
        def _remember(dbapi_connection: Any, _record: Any) -> None:
            with dbapi_connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                self.pids.add(int(cursor.fetchone()[0]))

    def seconds(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in self.pids:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # a connection closed (its time is lost; the pool keeps them open)
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks

    def written_mb(self) -> float:
        """Bytes the backends wrote (WAL and evicted pages), where /proc lets us read it."""
        total = 0
        for pid in self.pids:
            try:
                lines = Path(f"/proc/{pid}/io").read_text().splitlines()
            except OSError:
                continue
            total += sum(int(ln.split()[1]) for ln in lines if ln.startswith("write_bytes"))
        return total / 1e6


def _database(
    backend: str, url: str, folder: Path, template: str | None = None
) -> tuple[Engine, Callable[[], None]]:
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
        return engine, engine.dispose
    name = f"onestop_bench_{os.getpid()}"
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if template:  # a copy of the seeded database (file copy: seconds, where seeding 1M takes minutes)
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        else:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(admin.url.set(database=name).render_as_string(hide_password=False))

    def drop() -> None:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return engine, drop


def _bulk(engine: Engine, table: Any, rows: list[dict[str, Any]]) -> None:
    """COPY on PostgreSQL, multi-row INSERTs on SQLite (``money.bulk``, as the run itself writes)."""
    with Session(engine) as session:
        bulk.insert_rows(session, table.__table__, rows)
        session.commit()


def _seed(engine: Engine, cipher: FieldCipher, n: int) -> tuple[Actor, Actor]:
    """N units with one client payee and one monthly entitlement each; two finance clerks."""
    office = uuid.uuid4()
    _bulk(engine, Office, [{"id": office, "code": "BENCH", "name": "Bench", "created_at": NOW, "version": 1}])
    clerks = []
    for name in ("fay", "finn"):
        staff_id = uuid.uuid4()
        _bulk(
            engine,
            Staff,
            [
                {
                    "id": staff_id,
                    "username": name,
                    "display_name": name,
                    "password_hash": "x",
                    "roles": ["finance"],
                    "office_id": office,
                    "active": True,
                    "failed_logins": 0,
                    "created_at": NOW - dt.timedelta(days=400),
                    "version": 1,
                }
            ],
        )
        clerks.append(Actor.for_roles(staff_id, name, frozenset({Role.FINANCE}), office))
    base = {"created_at": NOW, "version": 1}
    people = [
        {
            "id": uuid.uuid4(),
            "given_names": "Client",
            "family_name": f"Number {i}",
            "former_family_names": [],
            "created_by": "bench",
            "language": "en",
            "interpreter_needed": False,
            **base,
        }
        for i in range(n)
    ]
    units = [{"id": uuid.uuid4(), "label": f"unit {i}", "created_by": "bench", **base} for i in range(n)]
    payees = [
        {
            "id": uuid.uuid4(),
            "kind": "client",
            "person_id": p["id"],
            "name": f"Client Number {i}",
            "institution": "002",
            "transit": f"{10000 + i % 90000:05d}",
            "account_ciphertext": cipher.encrypt(f"{1000000 + i:07d}", context=ACCOUNT_CONTEXT),
            "account_masked": "****",
            "created_by": "bench",
            **base,
        }
        for i, p in enumerate(people)
    ]
    ents = [
        {
            "id": uuid.uuid4(),
            "series_id": uuid.uuid4(),
            "program": "nl-income-support",
            "unit_id": u["id"],
            "payee_id": p["id"],
            "office_id": office,
            "amount_cents": 50_000 + (i % 7_919),
            "frequency": "monthly",
            "method": "direct_deposit",
            "start_date": dt.date(2026, 1, 1),
            "active": True,
            "created_by": "bench",
            **base,
        }
        for i, (u, p) in enumerate(zip(units, payees, strict=True))
    ]
    for table, rows in ((Person, people), (BenefitUnit, units), (Payee, payees), (Entitlement, ents)):
        _bulk(engine, table, rows)
    return clerks[0], clerks[1]


def _seed_process(url: str, key: str, n: int) -> None:
    """Seed in a child process, so the peak memory reported is the run's, not the seeding's."""
    engine = make_engine(url)
    Base.metadata.create_all(engine)
    _seed(engine, FieldCipher.from_text(key), n)
    engine.dispose()


def _clerks(engine: Engine) -> tuple[Actor, Actor]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, username, office_id FROM staff ORDER BY username")).all()
    found = [
        Actor.for_roles(
            uuid.UUID(str(r.id)), r.username, frozenset({Role.FINANCE}), uuid.UUID(str(r.office_id))
        )
        for r in rows
    ]
    return found[0], found[1]


def _template(url: str, name: str, n: int) -> str:
    """The field key of a seeded template database of N issuances (seeded now if it is not there)."""
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        found = conn.execute(
            text("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = :n"),
            {"n": name},
        ).first()
        if found is not None and found[0] and found[0].startswith(f"{n} "):
            admin.dispose()
            return str(found[0].split(" ", 1)[1])
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    key = FieldCipher.generate_key_text()
    _seed_child(admin.url.set(database=name).render_as_string(hide_password=False), key, n)
    with admin.connect() as conn:  # the key travels with the template: its account numbers need it
        conn.execute(text(f"COMMENT ON DATABASE \"{name}\" IS '{n} {key}'"))
    admin.dispose()
    return key


def _seed_child(url: str, key: str, n: int) -> None:
    child = multiprocessing.get_context("spawn").Process(target=_seed_process, args=(url, key, n))
    child.start()
    child.join()
    assert child.exitcode == 0, "seeding failed"


def run(
    n: int, backend: str, url: str, template: str | None = None, explain: Path | None = None
) -> dict[str, Any]:
    """Seed (or copy the seeded template), run and measure; returns the figures."""
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        started = time.perf_counter()
        key = _template(url, template, n) if template and backend == "postgresql" else None
        engine, drop = _database(backend, url, folder, template if key else None)
        server = _ServerCpu(engine)
        if explain is not None and engine.dialect.name == "postgresql":
            _explain_into(engine, explain, 300)
        try:
            if key is None:
                key = FieldCipher.generate_key_text()
                _seed_child(engine.url.render_as_string(hide_password=False), key, n)
            settings = Settings(var_dir=folder / "var", field_key=key, secret_key="bench-" + "x" * 40)
            times: dict[str, float] = {"seed (not in total)": time.perf_counter() - started}
            container = build(settings, clock=FixedClock(NOW), engine=engine)
            maker, checker = _clerks(engine)
            result: dict[str, Any] = {}

            peaks: dict[str, float] = {"before the run": _peak_mb(resource.RUSAGE_SELF)}

            cpu: dict[str, float] = {}
            db_cpu: dict[str, float] = {}
            db_written: dict[str, float] = {}
            loads: dict[str, list[float]] = {}

            def step(name: str, call: Callable[[], Any]) -> Any:
                t, c, d, before = time.perf_counter(), _cpu_seconds(), server.seconds(), os.getloadavg()[0]
                w = server.written_mb()
                value = call()
                times[name] = time.perf_counter() - t
                cpu[name] = round(_cpu_seconds() - c, 2)
                db_cpu[name] = round(server.seconds() - d, 2)
                db_written[name] = round(server.written_mb() - w)
                loads[name] = [round(before, 1), round(os.getloadavg()[0], 1)]
                peaks[name] = _peak_mb(resource.RUSAGE_SELF)
                return value

            made = step(
                "generate", lambda: money.generate_recurring(container.uow(), actor=maker, period="2026-04")
            )
            batch = step("build", lambda: money.build_batch(container.uow(), actor=maker, pay_date=PAY_DATE))
            step("approve", lambda: money.approve_batch(container.uow(), actor=checker, batch_id=batch.id))
            out = folder / "out"
            exported = step(
                "export (write + validate + post)",
                lambda: money.export_batch(container.uow(), actor=maker, batch_id=batch.id, out_dir=out),
            )
            check = step("ledger verify", lambda: money.verify_ledger(container.uow(), actor=checker))
            assert made.created == n and exported.batch.item_count == n and check.ok, check.problems[:3]
            assert exported.payment_file is not None
            result.update(
                issuances=n,
                backend=engine.dialect.name,
                total_cents=exported.batch.total_cents,
                file_bytes=exported.payment_file.stat().st_size,
                seconds={k: round(v, 2) for k, v in times.items()},
                run_seconds=round(
                    sum(v for k, v in times.items() if not k.startswith(("seed", "ledger"))), 2
                ),
                cpu_seconds=cpu,
                run_cpu_seconds=round(sum(v for k, v in cpu.items() if not k.startswith("ledger")), 2),
                db_cpu_seconds=db_cpu,
                db_written_mb=db_written,
                run_db_cpu_seconds=round(sum(v for k, v in db_cpu.items() if not k.startswith("ledger")), 2),
                load_average_per_step=loads,
                peak_rss_mb=_peak_mb(resource.RUSAGE_SELF),
                peak_rss_mb_after_step=peaks,
                load_average=round(os.getloadavg()[0], 1),
                cpus=os.cpu_count(),
            )
            result["validate_seconds"] = _validate_alone(exported.payment_file)
            result["peak_rss_children_mb_incl_seeding"] = _peak_mb(resource.RUSAGE_CHILDREN)
            return result
        finally:
            drop()


def _validate_alone(path: Path) -> dict[str, float]:
    """Time the schema validation of the finished file on its own (one streaming pass)."""
    from onestop.money.payments import pain001

    t, c = time.perf_counter(), _cpu_seconds()
    pain001.validate(path)
    return {"wall": round(time.perf_counter() - t, 2), "cpu": round(_cpu_seconds() - c, 2)}


def main() -> None:
    """Parse arguments, run, print the figures (the last line is JSON with --json)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issuances", type=int, default=10_000)
    parser.add_argument("--backend", choices=["postgresql", "sqlite"], default="sqlite")
    parser.add_argument("--url", default=os.environ.get("ONESTOP_BENCH_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument(
        "--template",
        help="PostgreSQL: seed this database once (kept) and copy it for each run",
    )
    parser.add_argument(
        "--explain",
        type=Path,
        help="PostgreSQL: append the plans (EXPLAIN ANALYZE, BUFFERS) of statements over 300 ms to this file",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args()
    figures = run(args.issuances, args.backend, args.url, args.template, args.explain)
    if args.json:
        print(json.dumps({"benchmark": "payment_run", **figures}))
        return
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps({"benchmark": "payment_run", **figures}), file=sys.stderr)


if __name__ == "__main__":
    main()
