"""Load the demo: two offices, one staff member per role, and a synthetic population in bulk.

People are written with multi-row inserts of precomputed rows (the same rows ``register_person``
stores: ciphertexts, blind indexes, masked forms, name keys), one transaction per chunk, and ONE
audit event for the whole load, so a million people take minutes rather than hours.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select

from onestop import audit
from onestop.access import Actor, Office, Permission, Role, create_office, create_staff, grants, require
from onestop.audit import AuditAction
from onestop.bootstrap import Container
from onestop.common.errors import Conflict
from onestop.db import UnitOfWork
from onestop.demo import notices as demo_notices
from onestop.demo.clock import ReplayClock
from onestop.demo.context import Client
from onestop.demo.generator import REFERENCE_DAY, DemoHousehold, DemoPerson, generate
from onestop.demo.office import HISTORY, build_office, new_ctx
from onestop.registry import intake
from onestop.registry import models as m

OFFICES = (("EDM", "Edmonton"), ("SJN", "St. John's"))

#: username, role, office code, password. DEMO ONLY: these are printed and published.
DEMO_STAFF = (
    ("officer", Role.OFFICER, "EDM", "demo-officer-1"),
    ("officer2", Role.OFFICER, "EDM", "demo-officer-2"),
    ("supervisor", Role.SUPERVISOR, "EDM", "demo-supervisor-1"),
    ("specialist", Role.SPECIALIST, "SJN", "demo-specialist-1"),
    ("finance", Role.FINANCE, "EDM", "demo-finance-1"),
    ("finance2", Role.FINANCE, "EDM", "demo-finance-2"),
    ("administrator", Role.ADMINISTRATOR, "EDM", "demo-administrator-1"),
    ("auditor", Role.AUDITOR, "SJN", "demo-auditor-1"),
    ("editor", Role.KNOWLEDGE_EDITOR, "SJN", "demo-editor-1"),
)
CHUNK = 5000


class AlreadyLoaded(Conflict):
    """The demo offices exist already: the demo was loaded into this database."""


@dataclass
class LoadReport:
    """What a load did."""

    people: int = 0
    units: int = 0
    memberships: int = 0
    near_duplicates: int = 0
    seconds: float = 0.0
    staff: list[tuple[str, str, str]] = field(default_factory=list)
    #: What the office steps built (empty when the population is too small for an office).
    office: dict[str, int] = field(default_factory=dict)
    office_seconds: float = 0.0
    #: The whole load: offices and staff (password hashing), people, the office.
    total_seconds: float = 0.0
    portal_login: tuple[str, str] | None = None


@dataclass
class _Batch:
    tables: dict[type, list[dict[str, Any]]] = field(default_factory=dict)

    def add(self, model: type, rows: Iterable[dict[str, Any]]) -> None:
        self.tables.setdefault(model, []).extend(rows)


ORDER = (
    m.Person,
    m.PersonNameKey,
    m.PersonContact,
    m.PersonAddress,
    m.PersonIdentifier,
    m.BenefitUnit,
    m.UnitMembership,
)


def _rows(uow: UnitOfWork, household: DemoHousehold, by: str, batch: _Batch, report: LoadReport) -> None:
    now = uow.clock.now()
    for member in household.members:
        rows = intake.person_rows(
            member.person, person_id=member.id, now=now, by=by, cipher=uow.cipher, new_id=_ids(member)
        )
        if member.duplicate_of is not None:
            report.near_duplicates += 1
        batch.add(m.Person, [rows.person])
        batch.add(m.PersonNameKey, rows.name_keys)
        batch.add(m.PersonContact, rows.contacts)
        batch.add(m.PersonAddress, rows.addresses)
        batch.add(m.PersonIdentifier, rows.identifiers)
    report.people += len(household.members)
    if household.unit_id is None:
        return
    batch.add(
        m.BenefitUnit,
        [{"id": household.unit_id, "created_at": now, "version": 1, "label": None, "created_by": by}],
    )
    for i, member in enumerate(household.members):
        assert member.role is not None
        row = {"id": _derived(household.unit_id, i), "created_at": now, "version": 1, "added_by": by}
        row |= {"unit_id": household.unit_id, "person_id": member.id, "role": member.role.value}
        batch.add(m.UnitMembership, [row | {"joined_on": household.joined_on, "left_on": None}])
    report.units += 1
    report.memberships += len(household.members)


def _derived(base: uuid.UUID, n: int) -> uuid.UUID:
    """Ids of attached rows derived from their owner's, so a seed reproduces every id."""
    return uuid.UUID(int=(base.int + n + 1) % (1 << 128))


def _ids(member: DemoPerson) -> Callable[[], uuid.UUID]:
    counter = iter(range(1, 1000))
    return lambda: _derived(member.id, 1000 * next(counter))


def _flush(uow: UnitOfWork, batch: _Batch) -> None:
    postgres = uow.session.get_bind().dialect.name == "postgresql"
    for model in ORDER:
        rows = batch.tables.get(model)
        if rows and postgres:
            _copy(uow, model, rows)
        elif rows:
            uow.session.execute(insert(model), rows)
    batch.tables.clear()


def _copy(uow: UnitOfWork, model: type, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL's COPY: several times faster than multi-row INSERT for a million-person load."""
    table = model.__table__  # type: ignore[attr-defined]
    columns = list(rows[0])
    cursor = uow.session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    names = ", ".join(f'"{c}"' for c in columns)
    with cursor.copy(f'COPY "{table.name}" ({names}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([_copied(row.get(c)) for c in columns])


def _copied(value: Any) -> Any:
    """A JSON column's list (former family names) as JSONB: COPY would take a Python list for an array."""
    from psycopg.types.json import Jsonb

    return Jsonb(value) if isinstance(value, list | dict) else value


def load_people(
    container: Container,
    *,
    actor: Actor,
    people: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
    observe: Callable[[DemoHousehold], None] | None = None,
) -> LoadReport:
    """Bulk-load ``people`` synthetic people with their households; one audit event at the end.

    ``observe`` sees every household as generated (the benchmark samples its queries from them).
    """
    report, started = LoadReport(), time.perf_counter()
    batch = _Batch()
    households = generate(people, seed)
    with container.uow() as uow:
        require(uow, actor, Permission.PERSON_WRITE, subject_type="person")
    done = False
    while not done:
        with container.uow() as uow:
            target = report.people + CHUNK
            for household in households:
                if observe is not None:
                    observe(household)
                _rows(uow, household, actor.username, batch, report)
                if report.people >= target:
                    break
            else:
                done = True
            _flush(uow, batch)
            if done:
                audit.record(
                    uow,
                    actor=actor,
                    action=AuditAction.DEMO_LOAD,
                    subject_type="person",
                    subject_id=None,
                    details={
                        "people": report.people,
                        "units": report.units,
                        "seed": seed,
                        "near_duplicates": report.near_duplicates,
                    },
                )
            uow.commit()
        if progress is not None:
            progress(report.people)
    report.seconds = time.perf_counter() - started
    return report


def _offices_and_staff(container: Container, actor: Actor, report: LoadReport) -> dict[str, Actor]:
    """The offices and one account per role. The administrator comes first (the bootstrap: nobody could
    approve yet); every other privileged role is then asked for by the loader and approved by that
    administrator, through the same grant services as in production."""
    offices: dict[str, Office] = {}
    for code, name in OFFICES:
        offices[code] = create_office(container.uow(), actor=actor, code=code, name=name)
    actors: dict[str, Actor] = {}
    ordered = sorted(DEMO_STAFF, key=lambda row: row[1] is not Role.ADMINISTRATOR)
    approver: Actor | None = None
    for username, role, office, password in ordered:
        staff = create_staff(
            container.uow(),
            actor=actor,
            username=username,
            display_name=_display(username),
            password=password,
            roles={role},
            office_id=offices[office].id,
        )
        if approver is not None:
            for grant in grants.list_grants(container.uow(), actor=approver, staff_id=staff.id):
                grants.approve_grant(container.uow(), actor=approver, grant_id=grant.id, note="demo staff")
        elif role is Role.ADMINISTRATOR:
            if role not in staff.roles:
                raise AlreadyLoaded(
                    "this database has an administrator already: load the demo into an empty one"
                )
            approver = Actor.for_roles(staff.id, username, frozenset({role}), staff.office_id)
        actors[username] = Actor.for_roles(staff.id, username, frozenset({role}), staff.office_id)
        report.staff.append((username, role.value, password))
    listed = [row[0] for row in DEMO_STAFF]
    report.staff.sort(key=lambda row: listed.index(row[0]))  # as DEMO_STAFF lists them
    return actors


def _display(username: str) -> str:
    """A display name: "Demo officer 2" for officer2."""
    base = username.rstrip("0123456789")
    return f"Demo {base} {username[len(base) :]}".rstrip()


def already_loaded(container: Container) -> bool:
    """Whether the demo offices exist (the demo was loaded into this database)."""
    with container.uow() as uow:
        return uow.session.scalar(select(Office.id).where(Office.code == OFFICES[0][0])) is not None


def load_demo(
    container: Container,
    *,
    people: int,
    seed: int,
    progress: Callable[[int], None] | None = None,
    office: bool = True,
) -> LoadReport:
    """Offices, demo staff, ``people`` people and (with ``office``) a working office; refuses with
    AlreadyLoaded the second time.

    Everything runs on a replay clock that starts a year before the business date and ends at the real
    ``now`` (see ``demo.clock``), so the audit chain stays in time order.
    """
    if already_loaded(container):
        raise AlreadyLoaded("the demo data is already loaded in this database; nothing was changed")
    started = time.perf_counter()
    real_now, today = container.clock.now(), container.clock.today()
    clock = ReplayClock.starting(
        today + dt.timedelta(days=HISTORY), container.settings.timezone, until=real_now
    )
    replay = dataclasses.replace(container, clock=clock)
    replay.storage = container.storage
    actor = Actor.system("demo")
    report = LoadReport()
    staff = _offices_and_staff(replay, actor, report)
    singles: list[Client] = []
    families: list[Client] = []
    loaded = load_people(
        replay,
        actor=actor,
        people=people,
        seed=seed,
        progress=progress,
        observe=lambda h: _client(h, singles, families),
    )
    loaded.staff = report.staff
    if office:
        office_started = time.perf_counter()
        ctx = new_ctx(replay, clock, seed, today, staff)
        if build_office(ctx, singles, families, people):
            demo_notices.letters(ctx)  # issue 15: the office's letters delivered, held, returned
            loaded.office = dict(sorted(ctx.made.counts.items()))
            loaded.portal_login = ctx.made.portal_login
        loaded.office_seconds = time.perf_counter() - office_started
    loaded.total_seconds = time.perf_counter() - started
    return loaded


def _client(household: DemoHousehold, singles: list[Client], families: list[Client]) -> None:
    """Keep a household with a unit as a possible client: single adults apart (they apply)."""
    if household.unit_id is None:
        return
    head = household.members[0]
    name = f"{head.person.name.given_names} {head.person.name.family_name}"
    born = head.person.birth_date or REFERENCE_DAY
    province = head.person.addresses[0].province if head.person.addresses else "AB"
    client = Client(household.unit_id, head.id, born, name, household.joined_on, province)
    (singles if len(household.members) == 1 else families).append(client)
