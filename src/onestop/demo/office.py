"""A working office: the demo's last year played forward, through the real services, to today.

The steps are scheduled on a timeline of (day offset, time of day) relative to the business date and
then run in time order on the replay clock, so every record and audit event carries a plausible date
and the office looks alive on whatever day the demo is loaded. The numbers of clients, applications
and contacts grow with the population.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.demo import after_decision, casework, contacts, duplicates, facilities, guide, portal, trust
from onestop.demo import batch as demo_batch
from onestop.demo import health as demo_health
from onestop.demo import knowledge as demo_knowledge
from onestop.demo import money as demo_money
from onestop.demo import partners as demo_partners
from onestop.demo import privacy as demo_privacy
from onestop.demo.clock import ReplayClock
from onestop.demo.context import Client, Ctx

HISTORY = -372  # the replay starts a year back: the clients whose periodic reviews fall due now
START = -56  # the office's recent weeks: caseloads, applications, decisions, contacts
Work = tuple[Actor, Client]  # a single adult and the officer who works the case
CHANGED = 4  # the eligible decision whose client reports work later (eligible[0:3] are the money steps)


@dataclass(frozen=True)
class Scale:
    """How much happens in an office serving ``people`` people."""

    caseload: int
    eligible: int
    refused: int
    per_stage: int
    contacts_per_day: int
    tasks: int

    @classmethod
    def of(cls, people: int) -> Scale:
        """Activity grows with the population (sub-linearly past a few thousand people)."""
        return cls(
            caseload=min(300, 10 + people // 50),
            eligible=min(150, 6 + people // 100),
            refused=min(50, 3 + people // 400),
            per_stage=min(20, 2 + people // 1000),
            contacts_per_day=min(150, 8 + people // 100),
            tasks=min(30, 3 + people // 1000),
        )


@dataclass
class Timeline:
    """Steps keyed by when they happen; ``run`` plays them in time order (a step may schedule a later one)."""

    steps: list[tuple[int, int, int, int, Callable[[], object]]] = field(default_factory=list)
    _added: int = 0

    def at(self, offset: int, hour: int, minute: int, step: Callable[[], object]) -> None:
        heapq.heappush(self.steps, (offset, hour, minute, self._added, step))
        self._added += 1

    def run(self, ctx: Ctx) -> None:
        while self.steps:
            offset, hour, minute, _n, step = heapq.heappop(self.steps)
            ctx.day(offset, hour, minute)
            step()


def weekday(ctx: Ctx, offset: int) -> int:
    """The nearest working day at or before ``today + offset`` (as an offset)."""
    while (ctx.today + dt.timedelta(days=offset)).weekday() >= 5:
        offset -= 1
    return offset


def fixed_need(scale: Scale) -> int:
    """Single-adult households the casework needs besides the eligible decisions (reviews, refusals,
    open stages, the override) plus three eligible ones for the money steps."""
    return 4 + scale.refused + 3 * scale.per_stage + 1 + 3


def health_need(people: int) -> int:
    """NL single adults for the health work: three with the counter's cases, more in a bigger office."""
    return 3 + min(9, people // 1000)


def build_office(ctx: Ctx, singles: list[Client], families: list[Client], people: int) -> bool:
    """Schedule and play the office's weeks, then write the demo marker; False when too few people.

    Applications are made for single adults (one person to screen and verify); families fill the
    caseloads and the contact log.
    """
    scale = Scale.of(people)
    settled = ctx.today + dt.timedelta(days=HISTORY - 7)  # applicants a year back were in their units
    families = [c for c in singles if c.joined_on > settled] + list(families)
    singles = [c for c in singles if c.joined_on <= settled]
    nl = [c for c in singles if c.province == "NL" and (ctx.today - c.birth_date).days < 64 * 365]
    health = nl[: min(health_need(people), max(0, len(singles) - fixed_need(scale)))]
    singles = [c for c in singles if c not in health]
    spare = len(singles) - fixed_need(scale)
    if spare < 0:
        return False
    scale = replace(scale, eligible=min(scale.eligible, spare + 3))
    ctx.rng.shuffle(singles)
    ctx.rng.shuffle(families)
    officers, supervisor = ctx.officers, ctx.staff["supervisor"]
    needed = fixed_need(scale) - 3 + scale.eligible
    families += singles[needed:]  # single adults beyond the casework fill caseloads like families
    work = [(officers[i % len(officers)], c) for i, c in enumerate(singles[:needed])]
    loads: dict[str, list[Client]] = {o.username: [c for w, c in work if w is o] for o in officers}
    loads[officers[0].username] += health  # the demo officer's own NL clients
    per_officer = max(0, scale.caseload - max(len(v) for v in loads.values()))
    for n, officer in enumerate(officers):
        loads[officer.username] += families[n * per_officer : (n + 1) * per_officer]
    rest = families[len(officers) * per_officer :]

    line = Timeline()
    line.at(START, 8, 0, partial(demo_money.budgets, ctx, people))
    for officer in officers:
        line.at(START, 8, 30, partial(casework.take_caseload, ctx, officer, loads[officer.username]))
    for offset in range(-10, 1):
        line.at(offset, 6, 0, partial(casework.open_due_reviews, ctx))  # the nightly job, lately
    it = iter(work)
    reviewed = [next(it) for _ in range(4)]
    _reviews(ctx, line, reviewed)
    eligible = _decided(ctx, line, it, scale)
    _money(ctx, line, supervisor, eligible)
    _after_decision(ctx, line, eligible, reviewed, health)
    _stages(ctx, line, it, scale)
    _tasks(ctx, line, officers, loads, scale)
    _health(ctx, line, officers[0], health)
    line.at(weekday(ctx, -1), 17, 30, lambda: demo_batch.reassess(ctx, supervisor, officers[0]))
    line.at(weekday(ctx, -1), 17, 45, lambda: demo_batch.simulate(ctx, supervisor))
    everyone = [c for o in officers for c in loads[o.username]] + rest[: scale.caseload]
    _contacts(ctx, line, officers, everyone, scale)
    inbox = partial(contacts.email_inbox, ctx, officers[0], loads[officers[0].username][0])
    line.at(weekday(ctx, -1), 10, 30, inbox)  # the e-mail inbox: one answered, the rest waiting
    line.at(0, 0, 30, lambda: portal.portal_client(ctx))
    line.at(0, 0, 45, lambda: trust.linked_portal_account(ctx))
    line.at(0, 1, 0, partial(facilities.load_facilities, ctx))
    line.at(0, 1, 15, lambda: demo_partners.load_partners(ctx))
    line.at(0, 1, 30, lambda: demo_knowledge.load_articles(ctx))
    line.at(weekday(ctx, -2), 11, 0, lambda: demo_privacy.access_request_in_progress(ctx))
    line.at(weekday(ctx, -1), 14, 20, lambda: demo_privacy.breach_being_assessed(ctx))
    line.at(weekday(ctx, -1), 10, 15, lambda: trust.restricted_file(ctx))
    line.at(weekday(ctx, -2), 16, 40, lambda: trust.pending_grant(ctx))
    line.run(ctx)
    duplicates.sweep_registry(ctx)
    guide.mark(ctx)
    return True


def _health(ctx: Ctx, line: Timeline, officer: Actor, clients: list[Client]) -> None:
    """NL clients on Income Support with Foundation drug coverage: the first has an approved special
    authorization, a paid out-of-province claim, a pharmacy restriction and a card; the second a card,
    an authorization and a claim waiting; the third a medical trip; the others a costed prescription."""
    h = demo_health

    def decided(c: Client, n: int) -> None:
        h.income_support(ctx, officer, c)
        h.mcp(ctx, officer, c, n)

    for n, c in enumerate(clients):
        line.at(weekday(ctx, (-24, -15, -10)[n] if n < 3 else -30 + n), 10, 40, partial(decided, c, n))
    if len(clients) > 0:
        first = clients[0]

        def counter() -> None:
            h.authorization(ctx, officer, first, decide=True)
            h.claim(ctx, officer, first, pay=True)

        line.at(weekday(ctx, -20), 11, 15, counter)
        line.at(weekday(ctx, -20), 11, 40, partial(portal.health_client, ctx, first))
        line.at(weekday(ctx, -6), 14, 5, partial(h.copay, ctx, officer, first))
        line.at(weekday(ctx, -6), 14, 20, partial(h.restrict, ctx, officer, first))
        line.at(
            weekday(ctx, -2), 9, 50, partial(h.drug_card, ctx, officer, first, "plan card not yet received")
        )
    if len(clients) > 1:
        second = clients[1]
        line.at(weekday(ctx, -14), 15, 0, partial(h.drug_card, ctx, officer, second, "plan card lost"))

        def waiting() -> None:
            h.authorization(ctx, officer, second, decide=False)
            h.claim(ctx, officer, second, pay=False)

        line.at(weekday(ctx, -1), 10, 20, waiting)
    if len(clients) > 2:
        line.at(weekday(ctx, -4), 11, 0, partial(h.travel, ctx, officer, clients[2]))
    for n, c in enumerate(clients[3:], start=3):
        line.at(weekday(ctx, -28 + n), 15, 30, partial(h.copay, ctx, officer, c))


def _flow(ctx: Ctx, officer: Actor, client: Client, received: int, assets: str = "0") -> uuid.UUID:
    app = casework.apply(ctx, officer, client, ctx.today + dt.timedelta(days=received), assets)
    casework.make_ready(ctx, officer, client, app)
    return app


def _reviews(ctx: Ctx, line: Timeline, clients: list[Work]) -> None:
    """Clients decided a year ago: their periodic reviews fall due this week, one is already overdue."""
    for (officer, client), due in zip(clients, (-4, 0, 2, 4), strict=True):

        def step(officer: Actor = officer, c: Client = client, due: int = due) -> None:
            app = _flow(ctx, officer, c, due - 365 - 2)
            demo_money.bank_payee(ctx, officer, c)
            casework.decide(ctx, officer, app)
            if due < 0:
                ctx.made.guide["overdue_review_person"] = str(c.person_id)

        line.at(due - 365, 10, 0, step)
    ctx.made.add("reviews_scheduled", len(clients))


def _decided(ctx: Ctx, line: Timeline, it: Iterator[Work], scale: Scale) -> list[Work]:
    """Applications decided over the weeks: most eligible (some with a plan and a referral), some refused;
    one refusal is appealed and its hearing set."""
    eligible: list[Work] = []
    span = range(START + 4, -8)
    for i in range(scale.eligible):
        officer, client = next(it)
        offset = weekday(ctx, span[(i * 7) % len(span)])
        eligible.append((officer, client))

        def step(o: Actor = officer, c: Client = client, offset: int = offset, i: int = i) -> None:
            app = _flow(ctx, o, c, offset - ctx.rng.randint(0, 3))
            if i % 4 != 3:
                demo_money.bank_payee(ctx, o, c)
            casework.decide(ctx, o, app)
            if i % 2 == 0:
                casework.plan_and_refer(ctx, o, c)
            if i == CHANGED:
                line.at(weekday(ctx, -5), 10, 0, partial(casework.report_income, ctx, o, c, app, "450.00"))

        line.at(offset, 10 + i % 6, (i * 13) % 60, step)
    for i in range(scale.refused):
        officer, client = next(it)
        offset = weekday(ctx, span[(i * 11 + 3) % len(span)])

        def refuse(
            o: Actor = officer, c: Client = client, offset: int = offset, first: bool = i == 0
        ) -> None:
            app = _flow(ctx, o, c, offset - 2, assets=casework.RICH)
            decision = casework.decide(ctx, o, app)
            if first:
                casework.appeal(ctx, o, decision.id, ctx.today + dt.timedelta(days=12))

        line.at(offset, 11, 30, refuse)
    return eligible


def _money(ctx: Ctx, line: Timeline, supervisor: Actor, eligible: list[Work]) -> None:
    """A food voucher, an overpayment being recovered, the month's run, an emergency payment waiting."""
    finance, checker = ctx.staff["finance"], ctx.staff["finance2"]
    out = ctx.container.settings.var_dir / "payments"
    voucher, over, urgent = eligible[0], eligible[1], eligible[2]
    line.at(weekday(ctx, -12), 14, 0, lambda: demo_money.small_emergency(ctx, *voucher))
    line.at(weekday(ctx, -9), 11, 0, lambda: demo_money.overpayment(ctx, *over, 60000, 10000))
    run_day = weekday(ctx, -3)
    line.at(run_day, 8, 0, lambda: demo_money.payment_run(ctx, finance, checker, ctx.today, out))

    def emergency() -> None:
        issued = demo_money.emergency_payment(ctx, *urgent, 150000)
        approval = demo_money.pending_approval_id(ctx, supervisor, issued)
        ctx.made.guide["emergency_approval"] = str(approval or "")

    line.at(weekday(ctx, -1), 15, 30, emergency)


def _after_decision(
    ctx: Ctx, line: Timeline, eligible: list[Work], reviewed: list[Work], health: list[Client]
) -> None:
    """Issue 14's pages: a change under review, a case conference, a write-off waiting, a landlord
    approved with invoices (one paid, one waiting for a colleague), a pay stub still to report, an NL and
    an AB investigation; and an emergency payment beyond the supervisor's limit. The conference, the
    write-off, the AB investigation and that payment go to clients decided a year ago (the demo always has
    four); the change to an eligible client the money steps and the reported work leave alone (a small
    office may have none), after the evening's re-assessment run (which would otherwise count it)."""
    free = [w for i, w in enumerate(eligible) if i not in (0, 1, 2, CHANGED)]
    ad = after_decision
    if free:
        line.at(weekday(ctx, -1), 18, 0, partial(ad.change_under_review, ctx, *free[0]))
    line.at(weekday(ctx, -6), 14, 0, partial(ad.conference, ctx, *reviewed[3]))
    line.at(weekday(ctx, -2), 15, 10, partial(ad.write_off, ctx, *reviewed[3]))  # after the run
    line.at(weekday(ctx, -1), 16, 10, partial(_beyond_supervisor, ctx, reviewed[2][1]))
    line.at(weekday(ctx, -3), 9, 20, partial(ad.tip, ctx, reviewed[1][1]))  # AB: a specialist investigates
    officer, client = eligible[0]  # the food voucher's client: the landlord is paid directly
    colleague = next(o for o in ctx.officers if o is not officer)
    landlord: list[uuid.UUID] = []

    def last_month() -> None:
        landlord.append(ad.landlord(ctx, officer, client))
        ad.invoice(ctx, officer, client, landlord[0], approved_by=colleague)

    line.at(weekday(ctx, -9), 11, 30, last_month)
    line.at(weekday(ctx, -2), 11, 30, lambda: ad.invoice(ctx, officer, client, landlord[0]))
    line.at(weekday(ctx, -1), 9, 40, partial(ad.pay_stub, ctx, *eligible[1]))  # the overpayment's client
    if len(health) > 2:
        line.at(weekday(ctx, -3), 10, 30, partial(ad.investigation, ctx, ctx.officers[0], health[2]))


def _beyond_supervisor(ctx: Ctx, client: Client) -> None:
    """The supervisor issues emergency funds beyond a supervisor's own limit: the administrator's
    approvals page has it waiting."""
    supervisor = ctx.staff["supervisor"]
    why = "house fire; the family needs a damage deposit and furniture; Red Cross letter attached"
    demo_money.emergency_payment(ctx, supervisor, client, 620000, why)


def _stages(ctx: Ctx, line: Timeline, it: Iterator[Work], scale: Scale) -> None:
    """Applications still open: screened, documents missing, ready to decide, an override waiting."""
    for i in range(scale.per_stage):
        o, c = next(it)
        line.at(weekday(ctx, -1 - i % 3), 13, 10 + i % 40, partial(_screened, ctx, o, c))
        o, c = next(it)
        line.at(weekday(ctx, -4 - i % 4), 13, 20, partial(_missing, ctx, o, c))
        o, c = next(it)
        line.at(weekday(ctx, -2 - i % 3), 14, i % 50, partial(_ready, ctx, o, c, first=i == 0))
    o, c = next(it)
    line.at(weekday(ctx, -2), 16, 0, lambda: casework.ask_override(ctx, o, _flow(ctx, o, c, -4), "990.00"))


def _screened(ctx: Ctx, officer: Actor, client: Client) -> None:
    casework.apply(ctx, officer, client, ctx.clock.today())
    ctx.made.add("stage_screened")


def _missing(ctx: Ctx, officer: Actor, client: Client) -> None:
    app = casework.apply(ctx, officer, client, ctx.clock.today())
    casework.ask_for_documents(ctx, officer, app)
    ctx.made.add("stage_documents_missing")


def _ready(ctx: Ctx, officer: Actor, client: Client, *, first: bool) -> None:
    app = _flow(ctx, officer, client, (ctx.clock.today() - ctx.today).days)
    ctx.made.add("stage_ready")
    if first:
        ctx.made.guide["ready_application"] = str(app)


def _tasks(
    ctx: Ctx, line: Timeline, officers: list[Actor], loads: dict[str, list[Client]], scale: Scale
) -> None:
    """Each officer's own tasks: some overdue, some due today, some later this week or next; the
    supervisor and the specialist have one overdue and one due today (their homes show them)."""
    for officer in officers:
        mine = loads[officer.username]
        for i in range(scale.tasks * 3):
            client = mine[i % len(mine)]
            made_on, due = [(-6, -2), (-3, 0), (-2, 5)][i % 3]
            due = max(due, made_on)
            when = ctx.today + dt.timedelta(days=due)
            line.at(
                weekday(ctx, made_on),
                9,
                15 + i % 40,
                partial(casework.add_task, ctx, officer, client, when, i),
            )
    for lead in ("supervisor", "specialist"):
        for i, (made_on, due) in enumerate(((-6, -2), (-3, 0))):
            client = loads[officers[0].username][i]
            when = ctx.today + dt.timedelta(days=due)
            task = partial(casework.add_task, ctx, ctx.staff[lead], client, when, i, lead)
            line.at(weekday(ctx, made_on), 9, 5, task)


def _contacts(ctx: Ctx, line: Timeline, officers: list[Actor], clients: list[Client], scale: Scale) -> None:
    """Six weeks of working days, and today's so far (the team page opens on today)."""
    last = ctx.clock.last
    for offset in range(-7 * contacts.WEEKS, 1):
        day = ctx.today + dt.timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        n = max(
            1,
            round(scale.contacts_per_day * contacts.WEEKDAY_LOAD[day.weekday()] * ctx.rng.uniform(0.8, 1.2)),
        )
        for _ in range(n):
            hour, minute = ctx.rng.choice(contacts.HOURS), ctx.rng.randint(0, 59)
            officer = ctx.rng.choice(officers)
            client = ctx.rng.choice(clients) if ctx.rng.random() < 0.85 else None
            if offset == 0 and (day != last.date() or (hour, minute) >= (last.hour, last.minute)):
                continue  # later today than the real time
            line.at(offset, hour, minute, partial(contacts.log_one, ctx, officer, client))


def new_ctx(
    container: Container, clock: ReplayClock, seed: int, today: dt.date, staff: dict[str, Actor]
) -> Ctx:
    """The office context; its own random source, so the population does not shift with the office."""
    return Ctx(container, clock, random.Random(seed ^ 0x0FF1CE), today, staff)
