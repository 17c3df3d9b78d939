"""``onestop demo load`` timed: people (bulk path) and the working office (through the services).

    .venv/bin/python benchmarks/demo_load.py --people 200
    .venv/bin/python benchmarks/demo_load.py --people 10000
    .venv/bin/python benchmarks/demo_load.py --people 10000 --backend postgresql \
        --url postgresql+psycopg://postgres@127.0.0.1:5432/test

Builds a fresh database (SQLite in a temporary directory; PostgreSQL: drops and re-creates
``onestop_bench_demo``), runs the migrations, loads the demo, then times both verify commands' services.
The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from onestop import access, bootstrap, money
from onestop.access import Actor
from onestop.config import Settings
from onestop.db import make_engine, migrate
from onestop.demo import load_demo


def _postgres(url: str) -> str:
    admin = make_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text('DROP DATABASE IF EXISTS "onestop_bench_demo" WITH (FORCE)'))
        conn.execute(text('CREATE DATABASE "onestop_bench_demo"'))
    admin.dispose()
    return make_engine(url).url.set(database="onestop_bench_demo").render_as_string(hide_password=False)


def main() -> None:
    """Load the demo into a fresh database and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--url", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = _postgres(args.url) if args.backend == "postgresql" else None
        settings = Settings(var_dir=Path(tmp), database_url=url or "")
        container = bootstrap.build(settings)
        started = time.perf_counter()
        migrate.upgrade(container.engine)
        migrated = time.perf_counter() - started
        report = load_demo(container, people=args.people, seed=args.seed)
        system = Actor.system("bench")
        started = time.perf_counter()
        chain = access.verify_audit_chain(container.uow(), actor=system)
        ledger = money.verify_ledger(container.uow(), actor=system)
        verified = time.perf_counter() - started
        container.engine.dispose()
    people_s = report.seconds
    office_s, load_s = report.office_seconds, report.total_seconds
    print(
        f"{args.backend}: {args.people:,} people, migrate {migrated:.1f} s, people {people_s:.1f} s, "
        f"office {office_s:.1f} s, load {load_s:.1f} s, verify {verified:.1f} s"
    )
    print("office: " + ", ".join(f"{k} {v}" for k, v in report.office.items()))
    print(
        json.dumps(
            {
                "benchmark": "demo_load",
                "backend": args.backend,
                "people": args.people,
                "migrate_s": round(migrated, 1),
                "people_s": round(people_s, 1),
                "office_s": round(report.office_seconds, 1),
                "load_s": round(report.total_seconds, 1),
                "verify_s": round(verified, 1),
                "audit_ok": chain.ok,
                "ledger_ok": not ledger.problems,
                "office": report.office,
            }
        )
    )


if __name__ == "__main__":
    main()
