"""Health work of the demo office (NL): Income Support decisions that bring Foundation drug coverage,
MCP registrations, emergency drug cards, special authorizations (one approved and told, one waiting),
a restriction, co-pays, out-of-province claims (one paid, one waiting for a decision) and a medical
trip approved within the officer's travel authority.

Every call goes through ``onestop.health`` (and ``cases`` for the decisions it rests on), as an officer
does it from the person's health page, so coverage, cards and claims carry their audit events and the
money they move is in the ledger.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import health, money
from onestop.access import Actor
from onestop.cases import applications, decisions
from onestop.cases.applications import ApplicationCreate, ApplicationStatusChange, FactIn
from onestop.cases.decisions import DecisionCreate
from onestop.demo import casework
from onestop.demo.context import Client, Ctx
from onestop.demo.money import approve_payee
from onestop.health.schemas import (
    AuthorizationCreate,
    AuthorizationDecide,
    AuthorizationTold,
    CardIssue,
    ClaimContact,
    ClaimCreate,
    ClaimDecide,
    ClaimPay,
    CopayRequest,
    CoverageFromDecision,
    McpRecord,
    RestrictionAdd,
    TravelCreate,
    TravelDecide,
    TravelLeg,
)

PROGRAM = "nl.income_support"
#: Real DINs of common drugs (the co-pay and authorization forms check the 8-digit form only).
METFORMIN, ADALIMUMAB, HYDROMORPHONE = "02242903", "02258595", "02145928"


def income_support(ctx: Ctx, officer: Actor, client: Client) -> uuid.UUID:
    """An NL Income Support application with every fact proved, decided eligible, and the Foundation
    drug coverage it brings recorded; the decision's id."""
    uow, person = ctx.container.uow, client.person_id
    app = applications.create_application(
        uow(),
        actor=officer,
        data=ApplicationCreate(
            program=PROGRAM,
            unit_id=client.unit_id,
            channel="in_person",
            received_on=ctx.clock.today() - dt.timedelta(days=2),
        ),
    ).id
    ctx.made.add("applications")
    docs = {t: casework.document(ctx, officer, client, app, t) for t in casework.DOCS}
    for path, value, doc in (
        ("unit.monthly_shelter_cost", f"{ctx.rng.choice((550, 600, 675, 720))}.00", "lease_rent_receipt"),
        ("unit.liquid_assets", "0.00", "bank_statement"),
        (f"people[{person}].monthly_net_employment_income", "0.00", "income_proof"),
        (f"people[{person}].monthly_other_income", "0.00", "income_proof"),
    ):
        applications.record_fact(
            uow(),
            actor=officer,
            application_id=app,
            data=FactIn(path=path, value=value, document_id=docs[doc]),
        )
    applications.start_assessment(uow(), actor=officer, application_id=app, data=ApplicationStatusChange())
    decision = decisions.decide_application(
        uow(), actor=officer, data=DecisionCreate(application_id=app)
    ).decision
    assert decision is not None and decision.outcome == "eligible", decision
    ctx.made.add("decisions_eligible")
    health.apply_decision(uow(), actor=officer, data=CoverageFromDecision(decision_id=decision.id))
    ctx.made.add("health_coverage")
    return decision.id


def mcp(ctx: Ctx, officer: Actor, client: Client, n: int) -> None:
    """The client's MCP card, seen at the counter: registered since they came to the province."""
    health.record_mcp(
        ctx.container.uow(),
        actor=officer,
        data=McpRecord(
            person_id=client.person_id,
            status="registered",
            number=f"{(client.person_id.int + n) % 10**12:012d}",
            valid_from=client.joined_on,
            valid_to=ctx.today + dt.timedelta(days=365 * 3),
        ),
    )
    ctx.made.add("health_mcp")


def drug_card(ctx: Ctx, officer: Actor, client: Client, reason: str) -> None:
    """An emergency drug card for the month, until the plan card arrives."""
    health.issue_card(
        ctx.container.uow(),
        actor=officer,
        data=CardIssue(
            person_id=client.person_id,
            valid_to=ctx.clock.today() + dt.timedelta(days=30),
            reason=reason,
        ),
    )
    ctx.made.add("health_drug_cards")


def restrict(ctx: Ctx, officer: Actor, client: Client) -> None:
    """One pharmacy only, as explained to the client (it goes on every card's pharmacy message)."""
    file = health.health_file(ctx.container.uow(), actor=officer, person_id=client.person_id)
    coverage = file.current[0]
    health.add_restriction(
        ctx.container.uow(),
        actor=officer,
        coverage_id=coverage.id,
        data=RestrictionAdd(
            version=coverage.version,
            kind="single_pharmacy",
            value="Lawtons Drugs, Topsail Road",
            explained_to_client="All prescriptions are filled at one pharmacy while the review is open.",
        ),
    )
    ctx.made.add("health_restrictions")


def authorization(ctx: Ctx, officer: Actor, client: Client, *, decide: bool) -> None:
    """A special authorization request from the client's doctor; decided and the client told, or
    still waiting for the plan's answer."""
    uow = ctx.container.uow
    din, drug, why = (
        (ADALIMUMAB, "Adalimumab 40 mg", "rheumatoid arthritis; first-line therapy did not work")
        if decide
        else (HYDROMORPHONE, "Hydromorphone 2 mg", "pain after surgery; the covered drug is not tolerated")
    )
    sa = health.submit_authorization(
        uow(),
        actor=officer,
        data=AuthorizationCreate(
            person_id=client.person_id, din=din, drug_name=drug, prescriber="Dr. K. Walsh", reason=why
        ),
    )
    ctx.made.add("health_authorizations")
    if not decide:
        return
    sa = health.decide_authorization(
        uow(),
        actor=officer,
        authorization_id=sa.id,
        data=AuthorizationDecide(
            version=sa.version,
            outcome="approved",
            reason="criteria met: two first-line drugs tried",
            expires_on=ctx.clock.today() + dt.timedelta(days=365),
        ),
    )
    health.record_client_told(
        uow(),
        actor=officer,
        authorization_id=sa.id,
        data=AuthorizationTold(
            version=sa.version, told="Approved for one year; the pharmacy was told by phone."
        ),
    )


def copay(ctx: Ctx, officer: Actor, client: Client) -> None:
    """A prescription costed at the counter: Foundation pays all of it."""
    health.cost_prescription(
        ctx.container.uow(),
        actor=officer,
        data=CopayRequest(
            person_id=client.person_id,
            din=METFORMIN,
            drug_name="Metformin 500 mg",
            quantity=str(ctx.rng.choice((30, 60, 90))),
            unit_price="0.4567",
            dispensing_fee="11.99",
        ),
    )
    ctx.made.add("health_copays")


def claim(ctx: Ctx, officer: Actor, client: Client, *, pay: bool) -> None:
    """An out-of-province claim with the bill: consulted on, approved and paid to the client; or just in."""
    uow = ctx.container.uow
    bill = casework.document(ctx, officer, client, None, "medical")
    province, provider, amount = (
        ("NS", "QEII Health Sciences Centre, Halifax", "845.30")
        if pay
        else ("ON", "Sunnybrook Health Sciences Centre, Toronto", "312.00")
    )
    received = health.receive_claim(
        uow(),
        actor=officer,
        data=ClaimCreate(
            person_id=client.person_id,
            province=province,
            provider=provider,
            service="emergency room visit while travelling",
            service_from=ctx.clock.today() - dt.timedelta(days=ctx.rng.randint(15, 40)),
            amount=amount,
            document_ids=[bill],
        ),
    )
    ctx.made.add("health_claims")
    if not pay:
        return
    received = health.add_contact(
        uow(),
        actor=officer,
        claim_id=received.id,
        data=ClaimContact(
            version=received.version,
            name="Dr. Leblanc",
            role="attending physician",
            note="confirmed the visit was urgent",
        ),
    )
    decided = health.decide_claim(
        uow(),
        actor=officer,
        claim_id=received.id,
        data=ClaimDecide(version=received.version, outcome="approved", reason="insured service"),
    )
    [payee, *_] = money.list_payees(uow(), actor=officer, person_id=client.person_id)
    health.pay_claim(
        uow(),
        actor=officer,
        claim_id=decided.id,
        data=ClaimPay(version=decided.version, pay_to="person", payee_id=payee.id),
    )


def carrier(ctx: Ctx, officer: Actor) -> uuid.UUID:
    """The airline as a vendor payee: entered by the officer, approved by the supervisor."""
    payee = money.create_payee(
        ctx.container.uow(), actor=officer, data=money.PayeeCreate(kind="vendor", name="PAL Airlines")
    )
    approve_payee(ctx, payee.id, note="checked")
    return payee.id


def travel(ctx: Ctx, officer: Actor, client: Client) -> None:
    """A medical trip to Halifax with the specialist's referral, approved within the officer's
    authority and paid to the airline; a follow-up task waits for the return date."""
    uow = ctx.container.uow
    referral = casework.document(ctx, officer, client, None, "medical")
    today = ctx.clock.today()
    out, back = today + dt.timedelta(days=9), today + dt.timedelta(days=14)
    trip = health.request_travel(
        uow(),
        actor=officer,
        data=TravelCreate(
            person_id=client.person_id,
            kind="medical",
            reason="cardiac assessment not available in the province",
            referral_document_id=referral,
            legs=[
                TravelLeg(from_place="St. John's", to_place="Halifax", carrier="PAL Airlines", depart_on=out),
                TravelLeg(
                    from_place="Halifax", to_place="St. John's", carrier="PAL Airlines", depart_on=back
                ),
            ],
            return_on=back,
            estimated_cost="1240.00",
        ),
    )
    health.decide_travel(
        uow(),
        actor=officer,
        travel_id=trip.id,
        data=TravelDecide(
            version=trip.version,
            outcome="approved",
            reason="referral from the cardiologist",
            payee_id=carrier(ctx, officer),
            method="cheque",
        ),
    )
    ctx.made.add("health_travel")
