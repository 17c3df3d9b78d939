"""Issue 14 in the demo: the work after a decision, so its staff pages open on something real.

A case conference on a client's file; a landlord set up as a payee and approved by the supervisor, and
that landlord's invoices entered by one officer (last week's approved by a colleague, this week's
waiting for one); a write-off of an overpayment waiting for the supervisor; an NL client under
investigation (in NL the officer investigates) and an AB one (there, a specialist does); a client on
benefits who brought a pay stub (verified, not yet reported: try the change page on it); a change
reported by another client, its review in progress. Each call is one the staff pages make.
"""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

from onestop import money
from onestop.access import Actor
from onestop.cases import applications, investigations, referrals, reviews
from onestop.cases.applications import FactIn
from onestop.demo import casework
from onestop.demo.context import Client, Ctx
from onestop.demo.money import approve_payee

PROGRAM = "ab.income_support"


def decided_application(ctx: Ctx, officer: Actor, client: Client) -> uuid.UUID:
    """The client's decided application (the demo decides one per client)."""
    found = applications.list_applications(ctx.container.uow(), actor=officer, person_id=client.person_id)
    return next(a.id for a in found if a.status == "decided")


def conference(ctx: Ctx, officer: Actor, client: Client) -> None:
    """The officer met the client with the employment counsellor and the supervisor."""
    supervisor = ctx.staff["supervisor"]
    referrals.record_conference(
        ctx.container.uow(),
        actor=officer,
        data=referrals.ConferenceCreate(
            person_id=client.person_id,
            held_on=ctx.clock.today(),
            title="Back-to-work planning",
            participants=[
                referrals.ParticipantIn(staff_id=officer.staff_id, role="case worker"),
                referrals.ParticipantIn(staff_id=supervisor.staff_id, role="supervisor"),
                referrals.ParticipantIn(
                    name="R. Okafor", organisation="Employment and Training Services", role="counsellor"
                ),
            ],
            notes="The client wants evening shifts while her child is in school; childcare is the obstacle.",
            decisions=[
                "Apply for the child care subsidy this month",
                "Meet again in six weeks to review the job search",
            ],
        ),
    )
    ctx.made.add("case_conferences")


def landlord(ctx: Ctx, officer: Actor, client: Client) -> uuid.UUID:
    """The client's landlord, paid the rent directly: entered by the officer, its banking details checked
    and approved by the supervisor (a third party waits for a second person)."""
    rng = ctx.rng
    payee = money.create_payee(
        ctx.container.uow(),
        actor=officer,
        data=money.PayeeCreate(
            kind="landlord",
            name="Riverside Apartments Ltd.",
            person_id=client.person_id,
            institution="003",
            transit=f"{rng.randint(0, 99999):05d}",
            account=f"{rng.randint(0, 9999999):07d}",
        ),
    )
    approve_payee(ctx, payee.id, note="lease and void cheque of the landlord seen")
    ctx.made.add("third_party_payees")
    return payee.id


def invoice(
    ctx: Ctx, officer: Actor, client: Client, payee_id: uuid.UUID, *, approved_by: Actor | None = None
) -> None:
    """The landlord's bill entered by the officer; a colleague approves it for payment (never the
    officer who entered it). Without ``approved_by`` it waits on the invoices page."""
    today = ctx.clock.today()
    entered = money.record_invoice(
        ctx.container.uow(),
        actor=officer,
        data=money.InvoiceCreate(
            payee_id=payee_id,
            vendor_reference=f"RA-{today:%Y%m%d}-{ctx.rng.randint(100, 999)}",
            unit_id=client.unit_id,
            program=PROGRAM,
            amount=32500 if approved_by is None else 18000,
            description="Damage deposit top-up for the client's unit"
            if approved_by is None
            else "Repair of the client's broken door lock",
            received_on=today,
        ),
    )
    if approved_by is None:
        ctx.made.add("invoices_waiting")
        return
    money.approve_invoice(
        ctx.container.uow(), actor=approved_by, invoice_id=entered.id, pay_date=today + dt.timedelta(days=2)
    )
    ctx.made.add("invoices_approved")


def write_off(ctx: Ctx, officer: Actor, client: Client) -> None:
    """An old overpayment the officer asks the supervisor to write off (the client has no income to
    recover it from)."""
    op = money.create_overpayment(
        ctx.container.uow(),
        actor=officer,
        data=money.OverpaymentCreate(
            unit_id=client.unit_id,
            program=PROGRAM,
            amount=18000,
            source="manual",
            reason="a shelter allowance paid twice in one month, found at the year-end check",
        ),
    )
    money.request_write_off(
        ctx.container.uow(),
        actor=officer,
        overpayment_id=op.id,
        data=money.WriteOffRequest(
            reason="the client has a long-term disability and no income to recover it from"
        ),
    )
    ctx.made.add("write_offs_waiting")


def investigation(ctx: Ctx, officer: Actor, client: Client) -> None:
    """A data match says the NL client had earnings they did not report: the officer (who investigates
    in NL) opens the file, puts the bank statement in it and records the client's interview."""
    uow = ctx.container.uow
    opened = _open(
        ctx,
        officer,
        client,
        "Employment earnings in the last quarter that were not reported",
        "data_match",
        "Quarterly wage match with the Canada Revenue Agency",
    )
    statement = casework.document(ctx, officer, client, None, "bank_statement")
    investigations.add_evidence(
        uow(),
        actor=officer,
        investigation_id=opened,
        data=investigations.EvidenceCreate(
            document_id=statement, description="Three deposits from a fish plant in the last quarter"
        ),
    )
    zone = ZoneInfo(ctx.container.settings.timezone)
    held = dt.datetime.combine(ctx.clock.today(), dt.time(11, 0), tzinfo=zone)
    investigations.record_interview(
        uow(),
        actor=officer,
        investigation_id=opened,
        data=investigations.InterviewCreate(
            interviewee_id=client.person_id,
            held_at=min(held, ctx.clock.now()),
            cautioned=True,
            statement="I worked six weeks at the plant in the summer. I thought seasonal work did not count.",
        ),
    )
    ctx.made.add("investigations")


def tip(ctx: Ctx, client: Client) -> None:
    """An anonymous tip about an AB client: in Alberta the specialist (program integrity) investigates."""
    _open(
        ctx,
        ctx.staff["specialist"],
        client,
        "A partner with a full-time job is said to live in the home",
        "anonymous_tip",
        "Phone call to the office; the caller would not give a name",
    )
    ctx.made.add("investigations")


def _open(ctx: Ctx, actor: Actor, client: Client, allegation: str, source: str, detail: str) -> uuid.UUID:
    """Open an investigation about the client's decided application; its id."""
    return investigations.open_investigation(
        ctx.container.uow(),
        actor=actor,
        data=investigations.InvestigationCreate(
            person_id=client.person_id,
            application_id=decided_application(ctx, actor, client),
            allegation=allegation,
            source=source,
            source_detail=detail,
        ),
    ).id


def pay_stub(ctx: Ctx, officer: Actor, client: Client) -> None:
    """The client on benefits brought a pay stub from a new part-time job; the officer scanned and
    verified it (the change is still to be reported: the change page offers the stub)."""
    casework.document(ctx, officer, client, None, "income_proof")
    ctx.made.add("pay_stubs_to_report")


def change_under_review(ctx: Ctx, officer: Actor, client: Client) -> None:
    """The client reported a raise with a pay stub: the change is recorded and its review is under way
    (the officer reassesses from the review page)."""
    app = decided_application(ctx, officer, client)
    stub = casework.document(ctx, officer, client, None, "income_proof")
    reviews.report_change(
        ctx.container.uow(),
        actor=officer,
        data=reviews.ChangeReport(
            application_id=app,
            category="income",
            description="Started part-time work at a grocery store, about 20 hours a week",
            reported_on=ctx.clock.today(),
            facts=[
                FactIn(
                    path=f"people[{client.person_id}].monthly_net_employment_income",
                    value="620.00",
                    document_id=stub,
                )
            ],
        ),
    )
    ctx.made.add("reviews_in_progress")
