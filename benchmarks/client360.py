"""Client 360 benchmark: one person with a ten-year history in a database of N people.

    python benchmarks/client360.py --people 100000 --backend sqlite
    python benchmarks/client360.py --people 1000000 --backend postgresql \
        --url postgresql+psycopg://postgres@127.0.0.1:5432/postgres

Loads N synthetic people with their households (the demo generator's bulk path) into a FRESH
database (SQLite: a temporary file; PostgreSQL: a database named ``onestop_bench_client360`` that it
drops and re-creates through --url), adds background case work for other people (one interaction per
five people, one task and one document per twenty) with bulk inserts, then builds ONE person's
history through the real services while a clock walks through ten years: 500 interactions, tasks
(most done), referrals under consent, outcome plans revised and reviewed, assessments, documents,
case conferences and six successive primary workers. It then times ``client_360`` (each call its own
transaction with its audit event) for that person and for people with no case history, and counts
the SQL statements per call, and times logging a call with the minimal fields. Prints p50/p95; the
last line is JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import secrets
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select, text
from sqlalchemy.engine import make_url

from onestop import registry
from onestop.access import Actor, Role, actor_of, create_office, create_staff
from onestop.bootstrap import Container, build
from onestop.cases import client360, documents, interactions, plans, referrals, tasks
from onestop.cases.documents.models import Document
from onestop.cases.interactions.models import Interaction, InteractionReason
from onestop.cases.tasks.models import Task
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.config import Settings
from onestop.db import Base, all_models, make_engine  # noqa: F401 - all_models fills Base.metadata
from onestop.demo.loader import load_people
from onestop.registry.models import Person
from onestop.registry.schemas import ConsentCreate
from onestop.storage import MemoryStorage

BENCH_DB = "onestop_bench_client360"
NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
START = NOW - dt.timedelta(days=3652)
PDF = b"%PDF-1.4\n%bench\n"
REASONS = ["payment_inquiry", "documents", "report_change", "application_status", "general_information"]


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


def drop_database(url: str) -> None:
    """Drop the PostgreSQL benchmark database (SQLite's goes with its temporary directory)."""
    admin = make_engine(
        make_url(url).set(database="postgres").render_as_string(hide_password=False),
        isolation_level="AUTOCOMMIT",
    )
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)'))
    admin.dispose()


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def background(container: Container, people: list[uuid.UUID], staff_id: uuid.UUID, rng: random.Random) -> int:
    """Case records for other people, bulk-inserted, so the case tables are not trivially small."""
    now, rows = NOW, 0
    chunks: dict[Any, list[dict[str, Any]]] = {Interaction: [], InteractionReason: [], Task: [], Document: []}
    for i, pid in enumerate(people):
        if i % 5 == 0:
            iid = uuid.uuid4()
            at = START + dt.timedelta(minutes=rng.randrange(5_000_000))
            chunks[Interaction].append(
                {
                    "id": iid,
                    "created_at": at,
                    "version": 1,
                    "person_id": pid,
                    "channel": "phone",
                    "direction": "inbound",
                    "occurred_at": at,
                    "duration_seconds": 120,
                    "outcome": "resolved",
                    "staff_id": staff_id,
                    "recorded_by": "bench",
                }
            )
            chunks[InteractionReason].append({"interaction_id": iid, "code": rng.choice(REASONS)})
        if i % 20 == 0:
            chunks[Task].append(
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "version": 1,
                    "kind": "follow_up",
                    "title": "Follow up",
                    "person_id": pid,
                    "due_on": NOW.date(),
                    "priority": "normal",
                    "status": "open",
                    "assignee_id": staff_id,
                    "created_by": "bench",
                }
            )
            key = f"{i:064x}"
            chunks[Document].append(
                {
                    "id": uuid.uuid4(),
                    "created_at": now,
                    "version": 1,
                    "person_id": pid,
                    "doc_type": "identity",
                    "filename": "id.pdf",
                    "content_type": "application/pdf",
                    "size_bytes": 10,
                    "sha256": key,
                    "storage_key": key,
                    "status": "received",
                    "uploaded_by": "bench",
                }
            )
        if len(chunks[Interaction]) >= 5000 or i == len(people) - 1:
            with container.uow() as uow:
                for model in (Interaction, InteractionReason, Task, Document):
                    if chunks[model]:
                        uow.session.execute(insert(model), chunks[model])
                        rows += len(chunks[model])
                        chunks[model] = []
                uow.commit()
    return rows


def workers(container: Container) -> list[Actor]:
    """An office with six officers and a supervisor (the supervisor last)."""
    system = Actor.system("bench")
    office = create_office(container.uow(), actor=system, code="BENCH", name="Benchmark office")
    out = []
    for n, role in enumerate([Role.OFFICER] * 6 + [Role.SUPERVISOR]):
        staff = create_staff(
            container.uow(),
            actor=system,
            username=f"bench{n}",
            display_name=f"Bench {n}",
            password=secrets.token_urlsafe(16) + "-A1",
            roles={role},
            office_id=office.id,
        )
        out.append(actor_of(staff))
    return out


def long_history(
    container: Container, clock: FixedClock, person: uuid.UUID, staff: list[Actor]
) -> dict[str, int]:
    """Ten years of case work for one person, through the services, the clock walking forward."""
    uow = container.uow
    supervisor, counts = (
        staff[-1],
        dict.fromkeys(("interactions", "tasks", "referrals", "plans", "documents"), 0),
    )
    registry.record_consent(
        uow(), actor=staff[0], person_id=person, data=ConsentCreate(recipient="ext.ei", purpose="EI")
    )
    step = (NOW - START) / 500
    plan_ids: list[uuid.UUID] = []
    for i in range(500):
        if i:
            clock.advance(step)
        officer = staff[min(i // 84, 5)]
        if i % 84 == 0:
            tasks.assign_primary_worker(
                uow(),
                actor=supervisor,
                person_id=person,
                data=tasks.CaseloadAssign(staff_id=officer.staff_id),
            )  # type: ignore[arg-type]
        follow = interactions.FollowUpIn(due_on=clock.today() + dt.timedelta(days=7)) if i % 10 == 0 else None
        call = interactions.log_interaction(
            uow(),
            actor=officer,
            data=interactions.InteractionCreate(
                channel=("phone", "walk_in", "email")[i % 3],
                reason_codes=[REASONS[i % 5]],
                person_id=person,
                duration_seconds=60 + i % 600,
                follow_up=follow,
            ),
        )
        counts["interactions"] += 1
        if call.follow_up_task_id and i < 480:
            tasks.complete_task(
                uow(), actor=officer, task_id=call.follow_up_task_id, data=tasks.TaskClose(note="done")
            )
        counts["tasks"] += bool(call.follow_up_task_id)
        if i % 25 == 0:
            referrals.refer(
                uow(),
                actor=officer,
                data=referrals.ReferralCreate(
                    person_id=person,
                    target_id="ext.ei",
                    target_name="EI",
                    reason="support",
                    shared=["income"],
                ),
            )
            counts["referrals"] += 1
            counts["tasks"] += 1
        if i % 100 == 0:
            plan = plans.create_plan(
                uow(),
                actor=officer,
                data=plans.PlanCreate(
                    person_id=person,
                    title=f"Plan {i // 100 + 1}",
                    goals=[plans.GoalIn(text="Stable income")],
                    actions=[plans.ActionIn(text="Apply", owner="client", goal_id="G1")],
                ),
            )
            plan_ids.append(plan.id)
            plans.record_assessment(
                uow(),
                actor=officer,
                data=plans.AssessmentCreate(
                    person_id=person, program_id="ab.income_support", level=str(1 + i % 4), rationale="review"
                ),
            )
            counts["plans"] += 1
        elif i % 10 == 5 and plan_ids:
            current = plans.get_plan(uow(), actor=officer, plan_id=plan_ids[-1])
            if current.status == "active":
                plans.add_plan_review(
                    uow(),
                    actor=officer,
                    plan_id=current.id,
                    data=plans.PlanReviewIn(
                        review_on=clock.today(),
                        period_from=clock.today() - dt.timedelta(days=30),
                        period_to=clock.today(),
                        progress="some_progress",
                        notes="On track.",
                    ),
                )
        if i % 16 == 0:
            documents.upload_document(
                uow(),
                actor=officer,
                storage=container.storage,
                max_bytes=10_000,
                person_id=person,
                doc_type="income_proof",
                filename="stub.pdf",
                data=PDF + str(i).encode(),
            )
            counts["documents"] += 1
        if i % 100 == 50:
            referrals.record_conference(
                uow(),
                actor=officer,
                data=referrals.ConferenceCreate(
                    person_id=person,
                    held_on=clock.today(),
                    participants=[referrals.ParticipantIn(name="Agency")],
                    decisions=["continue"],
                ),
            )
    clock.advance(NOW - clock.now())
    return counts


def timed_calls(
    container: Container, actor: Actor, ids: list[uuid.UUID], calls: int
) -> tuple[list[float], int]:
    """Milliseconds per client_360 call, and the SQL statements of the last call."""
    statements = [0]

    def count(*_: Any) -> None:
        statements[0] += 1

    for pid in ids[:5]:  # warm connections and caches
        client360.client_360(container.uow(), actor=actor, person_id=pid)
    times = []
    for n in range(calls):
        pid = ids[n % len(ids)]
        event.listen(container.engine, "before_cursor_execute", count)
        statements[0] = 0
        started = time.perf_counter()
        client360.client_360(container.uow(), actor=actor, person_id=pid)
        times.append((time.perf_counter() - started) * 1000)
        event.remove(container.engine, "before_cursor_execute", count)
    return times, statements[0]


def timed_logging(container: Container, actor: Actor, ids: list[uuid.UUID], calls: int) -> list[float]:
    """Milliseconds to log a call with the minimal fields (what a contact-centre officer does all day)."""
    times = []
    for n in range(calls):
        data = interactions.InteractionCreate(
            channel="phone", reason_codes=["payment_inquiry"], person_id=ids[n % len(ids)]
        )
        started = time.perf_counter()
        interactions.log_interaction(container.uow(), actor=actor, data=data)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Load, build the history, measure."""
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="onestop-bench-360-") as tmp:
        workdir = Path(tmp)
        url = fresh_database(args.backend, args.url, workdir)
        settings = Settings(
            var_dir=workdir / "var",
            database_url=url,
            field_key=FieldCipher.generate_key_text(),
            secret_key="b" * 48,
        )
        clock = FixedClock(NOW)
        container: Container = build(settings, clock=clock)
        container.storage = MemoryStorage()
        Base.metadata.create_all(container.engine)
        print(f"loading {args.people:,} people into {args.backend} ...", file=sys.stderr)
        report = load_people(container, actor=Actor.system("bench"), people=args.people, seed=args.seed)
        with container.uow() as uow:
            ids = list(uow.session.scalars(select(Person.id).order_by(Person.id)))
        staff = workers(container)
        started = time.perf_counter()
        extra = background(container, ids, staff[0].staff_id, rng)  # type: ignore[arg-type]
        print(f"background: {extra:,} case rows in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        subject = ids[len(ids) // 2]
        started = time.perf_counter()
        container.clock = history_clock = FixedClock(START)
        counts = long_history(container, history_clock, subject, staff)
        print(f"history: {counts} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        with container.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        reader = staff[1]
        long_ms, statements = timed_calls(container, reader, [subject], args.calls)
        others = rng.sample(ids, min(50, len(ids)))
        plain_ms, _ = timed_calls(container, reader, others, args.calls)
        view = client360.client_360(container.uow(), actor=reader, person_id=subject)
        log_ms = timed_logging(container, reader, others, args.calls)
        container.engine.dispose()
        if args.backend == "postgresql":
            drop_database(url)
    return {
        "benchmark": "client360",
        "backend": args.backend,
        "people": report.people,
        "history": counts,
        "background_case_rows": extra,
        "calls": args.calls,
        "long_history_p50_ms": round(percentile(long_ms, 50), 1),
        "long_history_p95_ms": round(percentile(long_ms, 95), 1),
        "no_history_p50_ms": round(percentile(plain_ms, 50), 1),
        "no_history_p95_ms": round(percentile(plain_ms, 95), 1),
        "sql_statements_per_call": statements,
        "log_call_p50_ms": round(percentile(log_ms, 50), 1),
        "log_call_p95_ms": round(percentile(log_ms, 95), 1),
        "returned": {
            "interactions_total": view.interactions["total"],
            "recent": len(view.interactions["recent"]),
            "tasks_open": len(view.tasks),
            "referrals": len(view.referrals),
            "plans": len(view.plans),
            "documents": len(view.documents),
        },
    }


def main(argv: list[str] | None = None, *, report: Callable[[str], None] = print) -> None:
    """Parse arguments, run, print the figures and then one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--url", default=None, help="PostgreSQL server URL (any database on it)")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20260101)
    result = run(parser.parse_args(argv))
    report(
        f"client 360, {result['backend']}, {result['people']:,} people: long history p50 "
        f"{result['long_history_p50_ms']} ms, p95 {result['long_history_p95_ms']} ms; no history p50 "
        f"{result['no_history_p50_ms']} ms, p95 {result['no_history_p95_ms']} ms; "
        f"{result['sql_statements_per_call']} SQL statements per call; logging a call p50 "
        f"{result['log_call_p50_ms']} ms, p95 {result['log_call_p95_ms']} ms"
    )
    report(json.dumps(result))


if __name__ == "__main__":
    main()
