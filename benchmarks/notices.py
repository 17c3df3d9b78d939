"""Notices benchmark: N decision letters rendered to PDF and e-mailed to a loopback SMTP server.

    python benchmarks/notices.py --letters 10000

Registers N people with an e-mail address (bulk insert), queues one decision letter each through
``notices.queue_notice`` (as ``record_decision`` does), then runs the worker (``send_due``) until the
outbox is empty. Each e-mail carries the letter as text and as a PDF attachment. Fault injection:
the SMTP server goes down after a third of the letters and comes back two worker passes later
(the clock moves past the backoff between passes), so a share of the letters fail, wait and are
retried. Reports letters per second (from the first pass to the empty outbox, outage included;
on a shared machine read it beside letters per CPU second of this process),
peak memory (peak RSS of the process, and its growth while sending) and whether each letter
arrived exactly once: every person's address got one Message-ID (nothing lost, no second letter),
and a Message-ID the server saw twice (a resend after a crash) is counted apart, since the server
drops it. The last line is JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import socket
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import func, insert, select

from onestop import notices
from onestop.access import Actor
from onestop.bootstrap import build
from onestop.common.clock import FixedClock
from onestop.common.crypto import FieldCipher
from onestop.common.ids import new_id
from onestop.config import Settings
from onestop.db import (
    Base,
    all_models,  # noqa: F401
)
from onestop.notices.models import Notice
from onestop.registry.models import Person, PersonContact

NOW = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
ACTOR = Actor.system("bench")
PARAMS: dict[str, Any] = {
    "program": {"en": "Income Support", "fr": "Soutien du revenu"},
    "amount": notices.money(82400),
    "effective_from": notices.date(NOW.date()),
    "computation": {
        "en": "- Core essential: $459.00\n- Core shelter: $365.00",
        "fr": "- Besoins essentiels : 459,00 $\n- Logement : 365,00 $",
    },
    "appeal_body": {"en": "the Citizens' Appeal Panel", "fr": "le Citizens' Appeal Panel"},
    "appeal_deadline": notices.date(NOW.date() + dt.timedelta(days=30)),
    "appeal_how": {"en": "Ask us for the form.", "fr": "Demandez-nous le formulaire."},
    "legal_source": "Income and Employment Supports Act ss.43-48",
    "office_phone": "1-800-555-0100",
}


class Box:
    """The server side: counts each Message-ID; the first copy is the delivery."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()
        self.ids_by_address: dict[str, set[str]] = {}
        self.lock = threading.Lock()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        content = envelope.content
        start = content.find(b"Message-ID: ") + 12
        mid = content[start : content.find(b"\r\n", start)].decode()
        with self.lock:
            self.seen[mid] += 1
            for address in envelope.rcpt_tos:
                self.ids_by_address.setdefault(address, set()).add(mid)
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(container: Any, n: int) -> None:
    """N people with an e-mail address, then one queued decision letter each (one transaction per 500)."""
    people = [
        {
            "id": new_id(),
            "given_names": f"P{i}",
            "family_name": "Bench",
            "language": "fr" if i % 4 == 0 else "en",
            "created_by": "bench",
            "created_at": NOW,
            "version": 1,
            "interpreter_needed": False,
        }
        for i in range(n)
    ]
    with container.uow() as uow:
        uow.session.execute(insert(Person), people)
        uow.session.execute(
            insert(PersonContact),
            [
                {
                    "id": new_id(),
                    "person_id": p["id"],
                    "kind": "email",
                    "value": f"p{i}@example.org",
                    "added_by": "bench",
                    "created_at": NOW,
                    "version": 1,
                }
                for i, p in enumerate(people)
            ],
        )
        uow.commit()
    for start in range(0, n, 500):
        with container.uow() as uow:
            for p in people[start : start + 500]:
                notices.queue_notice(
                    uow,
                    person_id=p["id"],
                    kind=notices.Kind.DECISION_ELIGIBLE,
                    params=PARAMS,
                    subject_type="decision",
                    subject_id=None,
                    created_by="bench",
                )
            uow.commit()


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="onestop-bench-notices-") as tmp:
        folder = Path(tmp)
        settings = Settings(
            var_dir=folder / "var",
            database_url=f"sqlite:///{folder / 'bench.db'}",
            field_key=FieldCipher.generate_key_text(),
            secret_key="b" * 48,
        )
        clock = FixedClock(NOW)
        container = build(settings, clock=clock)
        Base.metadata.create_all(container.engine)
        seed(container, args.letters)
        box, port = Box(), free_port()
        url = f"smtp://127.0.0.1:{port}"
        server: Controller | None = Controller(box, hostname="127.0.0.1", port=port)
        server.start()
        down_at, down_passes, passes, outage = args.letters // 3, 0, 0, False
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        started, cpu_started = time.perf_counter(), time.process_time()
        failures = 0
        while True:
            report = notices.send_due(container.uow(), actor=ACTOR, smtp_url=url, limit=args.batch)
            failures += report.by_status["failed"]
            passes += 1
            delivered = len(box.seen)
            if server is not None and not outage and delivered >= down_at:
                server.stop()
                server, outage = None, True
                print(f"SMTP down after {delivered} letters", file=sys.stderr)
            elif server is None:
                down_passes += 1
                if down_passes >= 2:
                    server = Controller(box, hostname="127.0.0.1", port=port)
                    server.start()
                    print("SMTP back", file=sys.stderr)
            clock.advance(dt.timedelta(minutes=5))  # past the backoff of what failed
            if report.total == 0 and server is not None:
                with container.uow() as uow:
                    left = uow.session.scalar(select(func.count()).where(Notice.status != "sent"))
                if not left:
                    break
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        if server is not None:
            server.stop()
        repeats = sum(c - 1 for c in box.seen.values())
        letters_per_person = Counter(len(ids) for ids in box.ids_by_address.values())
        return {
            "letters": args.letters,
            "seconds": round(elapsed, 1),
            "letters_per_second": round(args.letters / elapsed, 1),
            "cpu_seconds": round(cpu, 1),  # this process (worker and loopback server): load-independent
            "letters_per_cpu_second": round(args.letters / cpu, 1),
            "peak_rss_mb": round(peak / 2**20, 1),
            "rss_growth_while_sending_mb": round((peak - rss_before) / 2**20, 1),
            "arrived": len(box.seen),
            "people_with_exactly_one_letter": letters_per_person[1],
            "people_with_two_or_more_letters": sum(n for k, n in letters_per_person.items() if k > 1),
            "lost": args.letters - len(box.ids_by_address),
            "repeats_dropped_by_server": repeats,
            "failed_attempts_during_outage": failures,
            "worker_passes": passes,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=250, help="notices a worker pass claims")
    result = run(parser.parse_args())
    for key, value in result.items():
        print(f"{key:>32}: {value}")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
