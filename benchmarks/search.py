"""Registry search and duplicate-check benchmark.

    python benchmarks/search.py --people 100000 --backend sqlite
    python benchmarks/search.py --people 1000000 --backend postgresql --url postgresql+psycopg://postgres@127.0.0.1:5432/test

Loads N synthetic people (the demo generator, bulk path) into a FRESH database (SQLite: a file in a
temporary directory; PostgreSQL: a database named ``onestop_bench`` that it drops and re-creates
through the server given by --url), then times ~200 searches (names with typos, exact names with
birth date, birth date alone, SIN, phone) and ~200 duplicate checks through the real services (each
call is its own transaction with its audit event). Prints p50/p95 per kind; the last line is JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import make_url

from onestop.access import Actor
from onestop.bootstrap import Container, build
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, make_engine  # noqa: F401 - all_models fills Base.metadata
from onestop.demo.generator import DemoHousehold, DemoPerson, vary_name
from onestop.demo.loader import load_people
from onestop.registry import find_duplicates, search_people
from onestop.registry.schemas import PersonCreate, PhoneIn, SearchQuery

BENCH_DB = "onestop_bench"
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def fresh_database(backend: str, url: str | None, workdir: Path) -> str:
    """Create an empty database and return its URL."""
    if backend == "sqlite":
        return f"sqlite:///{workdir / 'bench.db'}"
    admin_url = url or "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{BENCH_DB}"'))
    admin.dispose()
    return make_url(admin_url).set(database=BENCH_DB).render_as_string(hide_password=False)


class Sampler:
    """Keeps every k-th generated person (with plaintext SIN) to build queries from."""

    def __init__(self, people: int, wanted: int) -> None:
        self.every = max(1, people // wanted)
        self.seen = 0
        self.kept: list[DemoPerson] = []

    def __call__(self, household: DemoHousehold) -> None:
        for member in household.members:
            self.seen += 1
            if self.seen % self.every == 0 and member.duplicate_of is None:
                self.kept.append(member)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    """Run once; elapsed milliseconds and result."""
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def search_queries(
    sample: list[DemoPerson], rng: random.Random, count: int
) -> list[tuple[str, SearchQuery, Any]]:
    """A mix of the searches officers make, each with the person it should find."""
    out: list[tuple[str, SearchQuery, Any]] = []
    for i in range(count):
        target = sample[i % len(sample)]
        p = target.person
        given, family = p.name.given_names, p.name.family_name
        kind = ("name_typo", "name_birth", "birth_date", "sin", "phone")[i % 5]
        if kind == "sin" and not p.sin:
            kind = "name_birth"
        if kind == "name_typo":
            g, f = vary_name(rng, given, family)
            query = SearchQuery(name=f"{g} {f}")
        elif kind == "name_birth":
            query = SearchQuery(name=f"{given} {family}", birth_date=p.birth_date)
        elif kind == "birth_date":
            query = SearchQuery(birth_date=p.birth_date, limit=100)
        elif kind == "sin":
            query = SearchQuery(sin=p.sin)
        else:
            query = SearchQuery(phone=p.phones[0][0], limit=100)
        out.append((kind, query, target.id))
    return out


def duplicate_candidates(
    sample: list[DemoPerson], rng: random.Random, count: int
) -> list[tuple[PersonCreate, Any]]:
    """Registrations of already-known people, typed slightly differently."""
    out = []
    for i in range(count):
        target = sample[-(i % len(sample)) - 1]
        p = target.person
        given, family = vary_name(rng, p.name.given_names, p.name.family_name)
        data = PersonCreate(
            given_names=given,
            family_name=family,
            birth_date=p.birth_date,
            phones=[PhoneIn(number=p.phones[0][0])] if i % 3 == 0 else [],
            sin=p.sin if i % 4 == 0 else None,
        )
        out.append((data, target.id))
    return out


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Load, query, measure."""
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="onestop-bench-") as tmp:
        workdir = Path(tmp)
        url = fresh_database(args.backend, args.url, workdir)
        key = FieldCipher.generate_key_text()
        settings = Settings(var_dir=workdir / "var", database_url=url, field_key=key, secret_key="b" * 48)
        container: Container = build(settings, clock=FixedClock(NOW))
        Base.metadata.create_all(container.engine)
        actor = Actor.system("bench")
        sampler = Sampler(args.people, args.searches)
        print(f"loading {args.people:,} people into {args.backend} ...", file=sys.stderr)
        report = load_people(
            container,
            actor=actor,
            people=args.people,
            seed=args.seed,
            observe=sampler,
            progress=lambda n: print(f"  {n:,}", file=sys.stderr) if n % 100_000 == 0 else None,
        )
        # What autovacuum would do after a bulk load: planner statistics, and on PostgreSQL the
        # visibility map that lets the name-key look-up be an index-only scan.
        with container.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            if args.backend == "postgresql":
                conn.execute(text("VACUUM ANALYZE"))
            else:
                conn.execute(text("ANALYZE"))
                conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))  # fold the load's WAL into the file
        result: dict[str, Any] = {
            "backend": args.backend,
            "people": report.people,
            "load_seconds": round(report.seconds, 1),
            "load_people_per_second": round(report.people / max(report.seconds, 1e-9)),
        }
        result |= measure_search(container, actor, search_queries(sampler.kept, rng, args.searches))
        result |= measure_duplicates(
            container, actor, duplicate_candidates(sampler.kept, rng, args.duplicates)
        )
        container.engine.dispose()
    return result


def measure_search(
    container: Container, actor: Actor, queries: list[tuple[str, SearchQuery, Any]]
) -> dict[str, Any]:
    """Time each search; report p50/p95 overall and per kind, and how often the target was found."""
    for _kind, query, _target in queries[:5]:  # warm caches and connections
        search_people(container.uow(), actor=actor, query=query)
    times: dict[str, list[float]] = {}
    hits_by_kind: dict[str, list[bool]] = {}
    for kind, query, target in queries:
        ms, hits = timed(lambda q=query: search_people(container.uow(), actor=actor, query=q))
        times.setdefault(kind, []).append(ms)
        hits_by_kind.setdefault(kind, []).append(any(h.person.id == target for h in hits))
    found = sum(sum(v) for v in hits_by_kind.values())
    every = [t for ts in times.values() for t in ts]
    out: dict[str, Any] = {
        "search_count": len(every),
        "search_p50_ms": round(percentile(every, 50), 1),
        "search_p95_ms": round(percentile(every, 95), 1),
        "search_found_rate": round(found / len(every), 3),
    }
    for kind, ts in sorted(times.items()):
        out[f"search_{kind}_p95_ms"] = round(percentile(ts, 95), 1)
        out[f"search_{kind}_found_rate"] = round(sum(hits_by_kind[kind]) / len(ts), 3)
    return out


def measure_duplicates(
    container: Container, actor: Actor, candidates: list[tuple[PersonCreate, Any]]
) -> dict[str, Any]:
    """Time each duplicate check; report p50/p95 and how often the known person was flagged."""
    times, found = [], 0
    for data, target in candidates:
        ms, matches = timed(lambda d=data: find_duplicates(container.uow(), actor=actor, candidate=d))
        times.append(ms)
        found += any(match.person.id == target for match in matches)
    return {
        "duplicate_count": len(times),
        "duplicate_p50_ms": round(percentile(times, 50), 1),
        "duplicate_p95_ms": round(percentile(times, 95), 1),
        "duplicate_found_rate": round(found / len(times), 3),
        "duplicate_mean_ms": round(statistics.fmean(times), 1),
    }


def main() -> None:
    """Parse arguments, run, print."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument(
        "--url", help="PostgreSQL server URL (any database; onestop_bench is created beside it)"
    )
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--duplicates", type=int, default=200)
    parser.add_argument("--json", action="store_true", help="print only the JSON line")
    args = parser.parse_args()
    result = run(args)
    if not args.json:
        print(f"{result['backend']}: {result['people']:,} people loaded in {result['load_seconds']} s")
        print(
            f"search     p50 {result['search_p50_ms']} ms  p95 {result['search_p95_ms']} ms"
            f"  (found {result['search_found_rate']:.0%})"
        )
        print(
            f"duplicates p50 {result['duplicate_p50_ms']} ms  p95 {result['duplicate_p95_ms']} ms"
            f"  (found {result['duplicate_found_rate']:.0%})"
        )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
