"""Make the fixtures of a load run in a demo database: load-test officers, portal clients, applications
ready for a decision, and a sample of real people; write their ids to a JSON file for the locustfile.

    ONESTOP_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/onestop_load \\
    ONESTOP_VAR_DIR=/tmp/onestop-load/var \\
    .venv/bin/python benchmarks/load/prepare.py --officers 500 --clients 300 --ready 1500 \\
        --out /tmp/onestop-load/fixtures.json

Everything goes through the services, as the demo does: each officer account is asked for by the
system and approved by the demo administrator (a privileged role waits for a second administrator);
each portal client signs up, opens the link mailed to them and applies online; each ready application
is screened, applied for, its papers scanned and verified, and put in assessment (what an officer
does before "Decide"). Running it again adds only what is missing (accounts are found by name, and
the applications already made and not yet decided are reused).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
import uuid
from pathlib import Path
from typing import Any, cast

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased

from onestop import bootstrap
from onestop.access import Actor, Role, Staff, create_staff, grants
from onestop.access.errors import UsernameTaken
from onestop.cases.applications.models import Application
from onestop.clients import self_service, services
from onestop.clients.models import ClientAccount, OutboxMessage
from onestop.demo import casework
from onestop.demo.clock import ReplayClock
from onestop.demo.context import Client, Ctx
from onestop.registry.models import Person, PersonAddress, PersonRestriction, UnitMembership

OFFICER_PASSWORD = "Load-officer-2026"  # noqa: S105 (a load-test login, published with the benchmark)
CLIENT_PASSWORD = "Load-client-2026"  # noqa: S105
OFFICER_PREFIX = "load-officer-"
CLIENT_DOMAIN = "load.example.com"


def officer_name(n: int) -> str:
    """The username of load-test officer ``n`` (1-based)."""
    return f"{OFFICER_PREFIX}{n:03d}"


def _administrator(container: bootstrap.Container) -> Actor:
    with container.uow() as uow:
        admin = uow.session.scalars(select(Staff).where(Staff.username == "administrator")).one()
        return Actor.for_roles(admin.id, admin.username, frozenset({Role.ADMINISTRATOR}), admin.office_id)


def make_officers(container: bootstrap.Container, count: int) -> list[str]:
    """``count`` officer accounts in the demo's Edmonton office, approved by the demo administrator."""
    system = Actor.system("load-prepare")
    approver = _administrator(container)
    office_id = approver.office_id
    with container.uow() as uow:
        existing = set(
            uow.session.scalars(select(Staff.username).where(Staff.username.like(f"{OFFICER_PREFIX}%")))
        )
    names = []
    for n in range(1, count + 1):
        username = officer_name(n)
        names.append(username)
        if username in existing:
            continue
        try:
            staff = create_staff(
                container.uow(),
                actor=system,
                username=username,
                display_name=f"Load Officer {n:03d}",
                password=OFFICER_PASSWORD,
                roles={Role.OFFICER},
                office_id=office_id,
            )
        except UsernameTaken:
            continue
        for grant in grants.list_grants(container.uow(), actor=approver, staff_id=staff.id):
            grants.approve_grant(container.uow(), actor=approver, grant_id=grant.id, note="load test")
    return names


def sample_people(
    container: bootstrap.Container, count: int, seed: int, *, alone: bool = False
) -> list[dict[str, Any]]:
    """Real people an officer may open: in a household, in Alberta, not restricted, not merged; with
    ``alone``, applicants aged 25 to 60 who are their household's only member (the rules can decide
    on the facts a ready application carries: nobody else's income to ask for)."""
    with container.uow() as uow:
        restricted = exists().where(
            and_(PersonRestriction.person_id == Person.id, PersonRestriction.lifted_at.is_(None))
        )
        in_alberta = exists().where(
            and_(
                PersonAddress.person_id == Person.id,
                PersonAddress.removed_at.is_(None),
                PersonAddress.province == "AB",
            )
        )
        query = (
            select(
                Person.id, Person.given_names, Person.family_name, Person.birth_date, UnitMembership.unit_id
            )
            .join(UnitMembership, UnitMembership.person_id == Person.id)
            .where(
                UnitMembership.left_on.is_(None),
                UnitMembership.role == "applicant",
                Person.merged_into_id.is_(None),
                Person.birth_date.is_not(None),
                ~restricted,
                in_alberta,
            )
        )
        if alone:
            other = aliased(UnitMembership)
            someone_else = exists().where(
                other.unit_id == UnitMembership.unit_id, other.person_id != Person.id, other.left_on.is_(None)
            )
            today = container.clock.today()
            youngest, oldest = today.replace(year=today.year - 25), today.replace(year=today.year - 60)
            query = query.where(~someone_else, Person.birth_date.between(oldest, youngest))
        rows = uow.session.execute(
            query.order_by(func.md5(func.concat(str(seed), Person.id))).limit(count)
        ).all()
    return [
        {
            "id": str(pid),
            "name": f"{given} {family}".strip(),
            "birth_date": born.isoformat(),
            "unit_id": str(unit),
        }
        for pid, given, family, born, unit in rows
    ]


def _fresh_applicants(container: bootstrap.Container, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sampled people whose household has never applied (a new application is not refused)."""
    with container.uow() as uow:
        applied = set(uow.session.scalars(select(Application.unit_id)).all())
    return [p for p in people if uuid.UUID(p["unit_id"]) not in applied]


def _ready_waiting(container: bootstrap.Container) -> list[str]:
    """Applications a load run made ready and did not decide yet (reused by the next run), for an
    applicant alone in the household (an earlier run's other applications are left aside)."""
    other = aliased(UnitMembership)
    someone_else = exists().where(
        other.unit_id == Application.unit_id,
        other.person_id != Application.applicant_id,
        other.left_on.is_(None),
    )
    with container.uow() as uow:
        ids = uow.session.scalars(
            select(Application.id)
            .where(
                Application.status == "in_assessment",
                Application.created_by.like(f"{OFFICER_PREFIX}%"),
                ~someone_else,
            )
            .order_by(Application.id)
        ).all()
    return [str(i) for i in ids]


def make_ready(
    container: bootstrap.Container,
    people: list[dict[str, Any]],
    count: int,
    seed: int,
    exclude: frozenset[str] = frozenset(),
) -> list[str]:
    """``count`` applications in assessment with their facts verified: what "Decide" needs (none of
    ``exclude``, which another run may be deciding)."""
    ready = [a for a in _ready_waiting(container) if a not in exclude]
    if len(ready) >= count:
        return ready[:count]
    with container.uow() as uow:
        officer = uow.session.scalars(select(Staff).where(Staff.username == officer_name(1))).one()
        actor = Actor.for_roles(officer.id, officer.username, frozenset({Role.OFFICER}), officer.office_id)
    ctx = Ctx(
        container=container,
        clock=cast(ReplayClock, container.clock),  # only today() is read: the server's own clock
        rng=random.Random(seed),
        today=container.clock.today(),
        staff={actor.username: actor},
    )
    started = time.perf_counter()
    for p in _fresh_applicants(container, people)[: count - len(ready)]:
        client = Client(
            unit_id=uuid.UUID(p["unit_id"]),
            person_id=uuid.UUID(p["id"]),
            birth_date=dt.date.fromisoformat(p["birth_date"]),
            name=p["name"],
            joined_on=ctx.today,
        )
        app_id = casework.apply(ctx, actor, client, received_on=ctx.today)
        casework.make_ready(ctx, actor, client, app_id)
        ready.append(str(app_id))
        if len(ready) % 100 == 0:
            print(f"  {len(ready)} ready ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return ready


def client_email(n: int) -> str:
    """The address of load-test portal client ``n`` (1-based)."""
    return f"client{n:04d}@{CLIENT_DOMAIN}"


def make_clients(container: bootstrap.Container, count: int) -> list[dict[str, str]]:
    """``count`` verified portal accounts, each with an online application (its status page, its uploads)."""
    made = []
    for n in range(1, count + 1):
        email = client_email(n)
        with container.uow() as uow:
            account = uow.session.scalars(select(ClientAccount).where(ClientAccount.email == email)).first()
            account_id = account.id if account is not None and account.verified_at is not None else None
        if account_id is None:
            account_id = _sign_up(container, email)
        with container.uow() as uow:
            app_id = uow.session.scalars(
                select(Application.id)
                .join(UnitMembership, UnitMembership.unit_id == Application.unit_id)
                .join(ClientAccount, ClientAccount.person_id == UnitMembership.person_id)
                .where(ClientAccount.id == account_id)
            ).first()
        if app_id is None:
            applied = self_service.apply_online(
                container.uow(),
                account_id=account_id,
                program="ab.income_support",
                jurisdiction="ca-ab",
                answers={
                    "people[p1].role": "applicant",
                    "people[p1].age": 30 + n % 40,
                    "unit.resident_of_province": True,
                    "unit.no_money_for_food_today": False,
                    "unit.no_safe_place_tonight": False,
                },
                given_names="Load",
                family_name=f"Client-{n:04d}",
                birth_date=dt.date(1960 + n % 40, 1 + n % 12, 1 + n % 28),
            )
            app_id = applied.application.id
        made.append({"email": email, "application_id": str(app_id)})
    return made


def _sign_up(container: bootstrap.Container, email: str) -> uuid.UUID:
    services.sign_up(
        container.uow(),
        email=email,
        password=CLIENT_PASSWORD,
        language="en",
        link_base="http://127.0.0.1:8000",
    )
    with container.uow() as uow:
        body = uow.session.scalars(
            select(OutboxMessage.body)
            .where(OutboxMessage.to_address == email)
            .order_by(OutboxMessage.created_at.desc())
        ).first()
    found = re.search(r"token=([A-Za-z0-9_\-]+)", body or "")
    assert found is not None, "the sign-up mail has no verification link"
    return services.verify_email(container.uow(), token=found.group(1)).id


def main() -> None:
    """Prepare the fixtures and write them as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--officers", type=int, default=500)
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--people", type=int, default=5000, help="real people sampled for search and files")
    parser.add_argument("--ready", type=int, default=1000, help="applications ready for a decision")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        help="fixtures of a run still going: not its applications",
    )
    parser.add_argument("--out", type=Path, default=Path("var/load-fixtures.json"))
    args = parser.parse_args()
    container = bootstrap.build()
    started = time.perf_counter()
    officers = make_officers(container, args.officers)
    print(f"officers: {len(officers)} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    people = sample_people(container, args.people, args.seed)
    clients = make_clients(container, args.clients)
    print(f"portal clients: {len(clients)} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    alone = sample_people(container, 3 * args.ready, args.seed, alone=True)
    taken = frozenset(a for f in args.exclude for a in json.loads(f.read_text())["ready_applications"])
    ready = make_ready(container, alone, args.ready, args.seed, taken)
    print(f"ready applications: {len(ready)} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    fixtures = {
        "officers": officers,
        "officer_password": OFFICER_PASSWORD,
        "clients": clients,
        "client_password": CLIENT_PASSWORD,
        "people": people[: args.people],
        "ready_applications": ready,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(fixtures, indent=1))
    container.engine.dispose()
    print(json.dumps({k: len(v) for k, v in fixtures.items() if isinstance(v, list)}))


if __name__ == "__main__":
    main()
