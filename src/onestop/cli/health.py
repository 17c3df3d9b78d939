"""``onestop health``: drug coverage, MCP registration, emergency drug cards, special authorizations,
co-pays and out-of-province claims, from the server's shell (acting as the audited system "cli").

Amounts are decimal dollars ("12.50"), dates ISO (2026-03-02); ids are printed so they can be reused.
"""

from __future__ import annotations

import typer

from onestop import health
from onestop.cli import facilities, travel
from onestop.cli.common import call, dump, handles_errors, input_model, optional_date
from onestop.common.ids import parse_id
from onestop.health import schemas as s

app = typer.Typer(
    help="Drug coverage, MCP, emergency drug cards, authorizations, co-pays, claims.", no_args_is_help=True
)
app.add_typer(facilities.app, name="facilities")
app.add_typer(travel.app, name="travel")


@app.command("show")
@handles_errors
def show(person: str = typer.Argument(..., help="Person id.")) -> None:
    """A person's health file: coverage (current and past), MCP, cards, authorizations, co-pays, claims."""
    dump(call(health.health_file, person_id=parse_id(person, field="person")))


@app.command("from-decision")
@handles_errors
def from_decision(
    decision: str = typer.Argument(..., help="Decision id (NLPDP plan or NL Income Support)."),
    applicant_only: bool = typer.Option(False, "--applicant-only", help="Not the whole household."),
    left_for_work: bool = typer.Option(
        False, "--left-for-work", help="Income Support ends because the client left for work."
    ),
) -> None:
    """Start (eligible) or end (ineligible) the plan's coverage from a decision."""
    data = input_model(
        s.CoverageFromDecision,
        decision_id=decision,
        household=not applicant_only,
        left_for_work=left_for_work,
    )
    dump(call(health.apply_decision, data=data))


@app.command("mcp")
@handles_errors
def mcp(
    person: str = typer.Argument(...),
    status: str = typer.Option(..., help="applied, registered, expired or cancelled."),
    number: str | None = typer.Option(None, help="12-digit MCP number (stored encrypted)."),
    valid_from: str | None = typer.Option(None),
    valid_to: str | None = typer.Option(None),
) -> None:
    """Record MCP registration."""
    data = input_model(
        s.McpRecord,
        person_id=person,
        status=status,
        number=number,
        valid_from=optional_date(valid_from, "valid_from"),
        valid_to=optional_date(valid_to, "valid_to"),
    )
    dump(call(health.record_mcp, data=data))


@app.command("card-issue")
@handles_errors
def card_issue(
    person: str = typer.Argument(...),
    valid_to: str = typer.Option(..., help="Last day the card is valid."),
    reason: str = typer.Option(...),
    note: str | None = typer.Option(None, help="Added to the pharmacy message."),
    value: str | None = typer.Option(None, help="A set value (then --payee, the pharmacy)."),
    payee: str | None = typer.Option(None),
) -> None:
    """Issue an emergency drug card."""
    data = input_model(
        s.CardIssue,
        person_id=person,
        valid_to=optional_date(valid_to, "valid_to"),
        reason=reason,
        note=note,
        value=value,
        payee_id=payee,
    )
    dump(call(health.issue_card, data=data))


@app.command("card-cancel")
@handles_errors
def card_cancel(card: str = typer.Argument(...), reason: str = typer.Option(...)) -> None:
    """Cancel a card."""
    data = input_model(s.CardCancel, reason=reason)
    dump(call(health.cancel_card, card_id=parse_id(card, field="card"), data=data))


@app.command("card-reissue")
@handles_errors
def card_reissue(
    card: str = typer.Argument(...),
    reason: str = typer.Option(...),
    valid_to: str | None = typer.Option(None),
) -> None:
    """Replace a card with a new number."""
    data = input_model(s.CardReissue, reason=reason, valid_to=optional_date(valid_to, "valid_to"))
    dump(call(health.reissue_card, card_id=parse_id(card, field="card"), data=data))


@app.command("authorization-submit")
@handles_errors
def authorization_submit(
    person: str = typer.Argument(...),
    din: str = typer.Option(...),
    drug: str = typer.Option(...),
    prescriber: str = typer.Option(...),
    reason: str = typer.Option(...),
) -> None:
    """Record a special authorization request."""
    data = input_model(
        s.AuthorizationCreate, person_id=person, din=din, drug_name=drug, prescriber=prescriber, reason=reason
    )
    dump(call(health.submit_authorization, data=data))


@app.command("authorization-decide")
@handles_errors
def authorization_decide(
    authorization: str = typer.Argument(...),
    outcome: str = typer.Option(..., help="approved or denied."),
    reason: str = typer.Option(...),
    expires_on: str | None = typer.Option(None),
) -> None:
    """Record the decision on a request (an expiry creates the follow-up task)."""
    data = input_model(
        s.AuthorizationDecide,
        outcome=outcome,
        reason=reason,
        expires_on=optional_date(expires_on, "expires_on"),
    )
    auth_id = parse_id(authorization, field="authorization")
    dump(call(health.decide_authorization, authorization_id=auth_id, data=data))


@app.command("copay")
@handles_errors
def copay(
    person: str = typer.Argument(...),
    din: str = typer.Option(...),
    drug: str = typer.Option(...),
    quantity: str = typer.Option(...),
    unit_price: str = typer.Option(...),
    dispensing_fee: str | None = typer.Option(None),
    net_income: str | None = typer.Option(None),
    paid_to_date: str | None = typer.Option(None),
) -> None:
    """Cost a prescription under the person's coverage, with the explanation."""
    data = input_model(
        s.CopayRequest,
        person_id=person,
        din=din,
        drug_name=drug,
        quantity=quantity,
        unit_price=unit_price,
        dispensing_fee=dispensing_fee,
        net_income=net_income,
        paid_to_date=paid_to_date,
    )
    dump(call(health.cost_prescription, data=data))


@app.command("claim-receive")
@handles_errors
def claim_receive(
    person: str = typer.Argument(...),
    province: str = typer.Option(...),
    provider: str = typer.Option(...),
    service: str = typer.Option(...),
    service_from: str = typer.Option(...),
    amount: str = typer.Option(...),
    service_to: str | None = typer.Option(None),
) -> None:
    """Receive an out-of-province claim."""
    data = input_model(
        s.ClaimCreate,
        person_id=person,
        province=province,
        provider=provider,
        service=service,
        service_from=optional_date(service_from, "service_from"),
        service_to=optional_date(service_to, "service_to"),
        amount=amount,
    )
    dump(call(health.receive_claim, data=data))


@app.command("claim-decide")
@handles_errors
def claim_decide(
    claim: str = typer.Argument(...),
    outcome: str = typer.Option(..., help="approved or denied."),
    reason: str = typer.Option(...),
    approved_amount: str | None = typer.Option(None),
) -> None:
    """Approve or deny a claim (the decision carries the appeal rights)."""
    data = input_model(s.ClaimDecide, outcome=outcome, reason=reason, approved_amount=approved_amount)
    dump(call(health.decide_claim, claim_id=parse_id(claim, field="claim"), data=data))


@app.command("claim-pay")
@handles_errors
def claim_pay(
    claim: str = typer.Argument(...),
    pay_to: str = typer.Option(..., help="person or provider."),
    payee: str = typer.Option(..., help="Money payee id."),
    method: str = typer.Option("cheque"),
) -> None:
    """Pay an approved claim through money."""
    data = input_model(s.ClaimPay, pay_to=pay_to, payee_id=payee, method=method)
    dump(call(health.pay_claim, claim_id=parse_id(claim, field="claim"), data=data))


@app.command("senior-claim")
@handles_errors
def senior_claim(
    person: str = typer.Argument(...),
    landed_immigrant: bool = typer.Option(..., "--landed-immigrant/--not-landed-immigrant"),
    receives_oas: bool = typer.Option(False, "--receives-oas"),
    receives_gis: bool = typer.Option(False, "--receives-gis"),
    note: str | None = typer.Option(None),
) -> None:
    """Receive a landed-immigrant senior's claim for 65Plus coverage."""
    data = input_model(
        s.SeniorClaimCreate,
        person_id=person,
        landed_immigrant=landed_immigrant,
        receives_oas=receives_oas,
        receives_gis=receives_gis,
        note=note,
    )
    dump(call(health.receive_senior_claim, data=data))


@app.command("senior-claim-decide")
@handles_errors
def senior_claim_decide(
    claim: str = typer.Argument(...),
    outcome: str = typer.Option(..., help="approved or denied."),
    reason: str = typer.Option(...),
) -> None:
    """Approve (65Plus coverage starts today) or deny a landed-immigrant senior's claim."""
    data = input_model(s.SeniorClaimDecide, outcome=outcome, reason=reason)
    claim_id = parse_id(claim, field="claim")
    dump(call(health.decide_senior_claim, claim_id=claim_id, data=data))
