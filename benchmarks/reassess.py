"""Caseload re-assessment of N households, from the database to the stored result set, on Dask.

    python benchmarks/reassess.py --households 100000 --backend postgresql --workers 2 --json

Seeds N Income Support (ab.income_support) households with an eligible decision in force, their
members and verified facts, with bulk inserts (not timed; single adults, single parents, a few
couples whose rates the published tables do not give, one household in a thousand with a garbled
stored amount), then ANALYZEs. Then times ``onestop batch reassess`` as the services run it: read
each partition from the database as Arrow, evaluate it on a local Dask cluster of ``--workers``
processes (one thread each) with the vectorised engine, store its rows and progress. The cluster is
started before the clock starts (``cluster_start_s``). Reports households per second, the rows by
status, the driver's peak RSS and each worker's (VmHWM), CPU of this process, and the load average.
The PostgreSQL database is created for the run and dropped afterwards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text

from onestop import batch
from onestop.access.models import Office
from onestop.access.permissions import Actor
from onestop.batch.cluster import executor, peak_rss_mb
from onestop.bootstrap import build
from onestop.cases.applications.models import Application, ApplicationFact
from onestop.cases.decisions.models import Decision
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, make_engine  # noqa: F401 - all_models fills the metadata
from onestop.jurisdictions import find_program
from onestop.registry.models import BenefitUnit, Person, UnitMembership

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
NOW = dt.datetime(2027, 1, 4, 8, 0, tzinfo=dt.UTC)
ON = dt.date(2027, 1, 1)
RECEIVED = dt.date(2026, 1, 5)
PROGRAM = "ab.income_support"
CHUNK = 10_000
SEED_BLOCK = 50_000  # households seeded per block (bounded memory at 1M)


def _database(
    backend: str, url: str, folder: Path, keep: str | None = None
) -> tuple[Engine, Callable[[], None]]:
    if backend == "sqlite":
        engine = make_engine(f"sqlite:///{folder / 'bench.db'}")
        return engine, engine.dispose
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    if keep:  # a database seeded by an earlier run with --keep-db: reused, never dropped
        with admin.connect() as conn:
            found = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": keep}).first()
            if found is None:
                conn.execute(text(f'CREATE DATABASE "{keep}"'))
        kept = make_engine(admin.url.set(database=keep).render_as_string(hide_password=False))

        def close() -> None:
            kept.dispose()
            admin.dispose()

        return kept, close
    name = f"onestop_bench_reassess_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(admin.url.set(database=name).render_as_string(hide_password=False))

    def drop() -> None:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return engine, drop


def _bulk(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
    """COPY on PostgreSQL (an order of magnitude faster than INSERT), Core inserts in chunks elsewhere."""
    if not rows:
        return
    table = model.__table__
    if conn.dialect.name != "postgresql":
        for start in range(0, len(rows), CHUNK):
            conn.execute(insert(table), rows[start : start + CHUNK])
        return
    from psycopg.types.json import Jsonb

    defaults = {
        c.name: c.default.arg
        for c in table.columns  # COPY skips the models' Python defaults
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    names = [*rows[0], *defaults]
    rows = [{**row, **defaults} for row in rows] if defaults else rows
    json_columns = {
        c.name for c in table.columns if c.type.__class__.__name__ in ("JSON", "JSONB", "Variant")
    }
    json_columns |= {n for n in names if isinstance(rows[0][n], dict | list)}
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([Jsonb(row[n]) if n in json_columns else row[n] for n in names])


def _seed(engine: Engine, n: int) -> None:
    """N households in force; see the module docstring for the mix."""
    pack, program = find_program(PROGRAM)
    rules_version, program_version = pack.version, pack.program_version(program.id)  # hashes: computed once
    offices = [uuid.uuid4() for _ in range(3)]
    base = {"created_at": NOW, "version": 1}
    with engine.begin() as conn:
        _bulk(
            conn,
            Office,
            [{"id": o, "code": f"OFF{k}", "name": f"Office {k}", **base} for k, o in enumerate(offices)],
        )
    for block in range(0, n, SEED_BLOCK):
        people, units, members, apps, facts, decisions = [], [], [], [], [], []
        for i in range(block, min(n, block + SEED_BLOCK)):
            unit, app = uuid.uuid4(), uuid.uuid4()
            adult = uuid.uuid4()
            roles = [(adult, "applicant")]
            if i % 10 == 0:
                roles.append((uuid.uuid4(), "partner"))
            elif i % 3 == 0:
                roles.append((uuid.uuid4(), "dependant"))
            units.append({"id": unit, "label": f"unit {i}", "created_by": "bench", **base})
            for k, (pid, role) in enumerate(roles):
                born = (
                    dt.date(1960 + i % 40, 1 + i % 12, 1 + i % 28)
                    if role != "dependant"
                    else dt.date(2015, 6, 1)
                )
                people.append(
                    {
                        "id": pid,
                        "given_names": "Client",
                        "family_name": f"Number {i}-{k}",
                        "birth_date": born,
                        "created_by": "bench",
                        "language": "en",
                        "interpreter_needed": False,
                        **base,
                    }
                )
                members.append(
                    {
                        "id": uuid.uuid4(),
                        "unit_id": unit,
                        "person_id": pid,
                        "role": role,
                        "joined_on": dt.date(2026, 1, 1),
                        "added_by": "bench",
                        **base,
                    }
                )
            apps.append(
                {
                    "id": app,
                    "program": PROGRAM,
                    "jurisdiction": "ca-ab",
                    "unit_id": unit,
                    "applicant_id": adult,
                    "office_id": offices[i % 3],
                    "received_on": RECEIVED,
                    "channel": "in_person",
                    "status": "decided",
                    "status_changed_at": NOW,
                    "created_by": "bench",
                    **base,
                }
            )
            assets = "12,50$" if i % 1000 == 7 else "0.00"  # an old import garbled one in a thousand
            values = [
                ("unit.client_type", "expected_to_work" if i % 4 else "barriers_to_full_employment"),
                ("unit.housing", "private"),
                ("unit.liquid_assets", assets),
            ]
            for pid, role in roles:
                income = f"{(i % 7) * 100}.00" if role == "applicant" else "0.00"
                values += [
                    (f"people[{pid}].monthly_net_employment_income", income),
                    (f"people[{pid}].monthly_other_income", "0.00"),
                ]
                if role == "dependant":
                    values.append((f"people[{pid}].attending_high_school", False))
            facts += [
                {
                    "id": uuid.uuid4(),
                    "application_id": app,
                    "path": p,
                    "value": v,
                    "source": "officer",
                    "recorded_by": "bench",
                    "verified": True,
                    **base,
                }
                for p, v in values
            ]
            decisions.append(
                {
                    "id": uuid.uuid4(),
                    "application_id": app,
                    "seq": 1,
                    "program": PROGRAM,
                    "jurisdiction": "ca-ab",
                    "unit_id": unit,
                    "applicant_id": adult,
                    "basis": "application",
                    "action": "grant",
                    "outcome": "eligible",
                    "effective_from": RECEIVED,
                    "monthly_amount_cents": 82400,
                    "computed_status": "eligible",
                    "computed_monthly_cents": 82400,
                    "amounts": {},
                    "case_data": {},
                    "provenance": {},
                    "explanation": {},
                    "parameters": [],
                    "text_en": "",
                    "text_fr": "",
                    "rules_version": rules_version,
                    "program_version": program_version,
                    "alternatives": [],
                    "decided_by": "bench",
                    "decided_at": NOW,
                }
            )
        with engine.begin() as conn:
            tables = (
                (Person, people),
                (BenefitUnit, units),
                (UnitMembership, members),
                (Application, apps),
                (ApplicationFact, facts),
                (Decision, decisions),
            )
            for table, rows in tables:
                _bulk(conn, table, rows)
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))  # hint bits and visibility map set, as autovacuum would


def _seeded(engine: Engine) -> int | None:
    """How many households a kept database holds (None: not seeded)."""
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM decision")).scalar() or 0)
    except Exception:  # no tables yet
        return None


def _clear_runs(engine: Engine) -> None:
    """Earlier runs' rows go (TRUNCATE on PostgreSQL: no dead rows left for the next run to step over)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE batch_row, batch_partition, batch_run"))
            return
        conn.execute(text("DELETE FROM batch_row"))
        conn.execute(text("DELETE FROM batch_partition"))
        conn.execute(text("DELETE FROM batch_run"))


def run(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Seed once, then for each worker count: start the cluster, time the run, collect the figures."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        engine, drop = _database(args.backend, args.url, Path(tmp), args.keep_db)
        try:
            start = time.perf_counter()
            if _seeded(engine) != args.households:
                Base.metadata.drop_all(engine)
                Base.metadata.create_all(engine)
                _seed(engine, args.households)
            seed_s = time.perf_counter() - start
            settings = Settings(
                var_dir=Path(tmp) / "var",
                field_key=FieldCipher.generate_key_text(),
                secret_key="bench-" + "x" * 32,
            )
            container = build(settings, clock=FixedClock(NOW), engine=engine)
            for workers in args.workers:
                _clear_runs(engine)  # earlier runs' rows go: every run stores its rows into an empty table
                out.append(_timed(container, args, workers) | {"seed_s": round(seed_s, 1)})
            print(f"seeded or reused in {seed_s:.1f} s", file=sys.stderr)
        finally:
            drop()
    return out


def _timed(container: Any, args: argparse.Namespace, workers: int) -> dict[str, Any]:
    actor = Actor.system("bench")
    start = time.perf_counter()
    with executor(args.scheduler, workers) as ex:
        cluster_s = time.perf_counter() - start
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        start = time.perf_counter()
        data = batch.RunCreate(program=PROGRAM, on=ON, partition_size=args.partition_size)
        made = batch.start_run(container.uow(), actor=actor, kind=batch.RunKind.REASSESS, data=data)
        timings: dict[str, float] = {}
        done = batch.execute_run(
            container.uow(),
            actor=actor,
            run_id=made.id,
            executor=ex,
            read_block=args.read_block,
            timings=timings,
            direct=False if args.driver_io else None,
        )
        wall = time.perf_counter() - start
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        peaks = ex.worker_peak_rss_mb() if hasattr(ex, "worker_peak_rss_mb") else {}
    report = batch.get_run(container.uow(), actor=actor, run_id=done.id)
    return {
        "benchmark": "reassess",
        "households": args.households,
        "backend": args.backend,
        "workers": workers,
        "partition_size": args.partition_size,
        "read_block": args.read_block,
        "io": "driver" if args.driver_io or args.backend != "postgresql" else "workers",
        "status": done.status,
        "partitions": done.partitions_done,
        "cluster_start_s": round(cluster_s, 2),
        "run_s": round(wall, 2),
        "households_per_s": round(args.households / wall),
        "driver_s": {k: round(v, 1) for k, v in timings.items()},
        "driver_cpu_s": round(cpu1.ru_utime + cpu1.ru_stime - cpu0.ru_utime - cpu0.ru_stime, 2),
        "driver_peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": sorted(peaks.values()),
        "rows": report.counts,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    """Parse arguments, run, print the figures (last line: JSON)."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--households", type=int, default=10_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument(
        "--workers", default="2", help="worker processes; '1,2' runs both on one seeded database"
    )
    parser.add_argument("--partition-size", type=int, default=20_000)
    parser.add_argument(
        "--read-block", type=int, default=batch.READ_BLOCK, help="households read with one query per table"
    )
    parser.add_argument(
        "--driver-io",
        action="store_true",
        help="the driver reads blocks and stores rows (the path before workers did their own I/O)",
    )
    parser.add_argument("--scheduler", help="a distributed scheduler's address (default: a local cluster)")
    parser.add_argument("--url", default=os.environ.get("ONESTOP_BENCH_POSTGRES_URL", DEFAULT_PG))
    parser.add_argument(
        "--keep-db",
        help="PostgreSQL: seed this database once and reuse it while it holds --households (never dropped)",
    )
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args(argv)
    args.workers = [int(w) for w in str(args.workers).split(",") if int(w) > 0]  # 0: seed only
    runs = run(args) or [{"benchmark": "reassess", "households": args.households, "seeded": True}]
    for figures in runs:
        if not args.json:
            for key, value in figures.items():
                print(f"{key:>20}: {value}", file=sys.stderr)
        print(json.dumps(figures))
    summary = runs[-1] if len(runs) == 1 else {"benchmark": "reassess", "runs": runs}
    if len(runs) > 1:
        print(json.dumps(summary))
    return summary


if __name__ == "__main__":
    main()
