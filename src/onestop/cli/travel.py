"""``onestop health travel``: out-of-province travel for a stranded person or for medical care, from
the request to the return (acting as the audited system "cli"). Amounts in dollars ("900.00"), dates
ISO; a leg is written ``FROM|TO|CARRIER|YYYY-MM-DD``."""

from __future__ import annotations

import typer

from onestop import health
from onestop.cli.common import call, dump, handles_errors, input_model
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.ids import parse_id
from onestop.health import schemas as s

app = typer.Typer(
    help="Out-of-province travel: request, decide, vendor invoices, return.", no_args_is_help=True
)


def _leg(text: str, index: int) -> s.TravelLeg:
    """``FROM|TO|CARRIER|DATE`` as a leg; anything else names the leg (exit 2)."""
    parts = [p.strip() for p in text.split("|")]
    if len(parts) != 4:
        raise InvalidInput(f"legs[{index}]", "write a leg as FROM|TO|CARRIER|YYYY-MM-DD")
    depart = parse_date(parts[3], field=f"legs[{index}].depart_on")
    return input_model(
        s.TravelLeg, from_place=parts[0], to_place=parts[1], carrier=parts[2], depart_on=depart
    )


@app.command("request")
@handles_errors
def request(
    person: str = typer.Argument(..., help="Person id."),
    kind: str = typer.Option(..., help="medical or stranded."),
    reason: str = typer.Option(..., help="The medical reason or why the person is stranded."),
    leg: list[str] = typer.Option(..., "--leg", help="FROM|TO|CARRIER|YYYY-MM-DD (repeat, in order)."),
    estimate: str = typer.Option(..., help="Estimated cost in dollars."),
    return_on: str | None = typer.Option(None, "--return-on", help="Return date."),
    referral: str | None = typer.Option(None, help="Referral document id (a document of the person)."),
) -> None:
    """Record a travel request."""
    data = input_model(
        s.TravelCreate,
        person_id=parse_id(person, field="person_id"),
        kind=kind,
        reason=reason,
        legs=[_leg(text, i) for i, text in enumerate(leg)],
        estimated_cost=estimate,
        return_on=parse_date(return_on, field="return_on") if return_on else None,
        referral_document_id=parse_id(referral, field="referral_document_id") if referral else None,
    )
    dump(call(health.request_travel, data=data))


@app.command("decide")
@handles_errors
def decide(
    travel: str = typer.Argument(..., help="Travel request id."),
    outcome: str = typer.Option(..., help="approved or denied."),
    reason: str = typer.Option(...),
    amount: str | None = typer.Option(None, help="Approved amount (default: the estimate)."),
    payee: str | None = typer.Option(None, help="The carrier or agency (a money payee id)."),
    method: str = typer.Option("third_party", help="How money pays the carrier."),
) -> None:
    """Approve (paid to the carrier within authority) or deny a request."""
    data = input_model(
        s.TravelDecide,
        outcome=outcome,
        reason=reason,
        amount=amount,
        payee_id=parse_id(payee, field="payee_id") if payee else None,
        method=method,
    )
    travel_id = parse_id(travel, field="travel_id")
    dump(call(health.decide_travel, travel_id=travel_id, data=data))


@app.command("invoice")
@handles_errors
def invoice(
    travel: str = typer.Argument(..., help="Travel request id."),
    payee: str = typer.Option(..., help="The vendor (a money payee id)."),
    reference: str = typer.Option(..., help="The vendor's invoice number."),
    amount: str = typer.Option(...),
    received_on: str | None = typer.Option(None, "--received-on"),
) -> None:
    """Enter a vendor's invoice for the trip in money."""
    data = input_model(
        s.TravelInvoice,
        payee_id=parse_id(payee, field="payee_id"),
        vendor_reference=reference,
        amount=amount,
        received_on=parse_date(received_on, field="received_on") if received_on else None,
    )
    travel_id = parse_id(travel, field="travel_id")
    dump(call(health.add_travel_invoice, travel_id=travel_id, data=data))


@app.command("return")
@handles_errors
def returned(
    travel: str = typer.Argument(..., help="Travel request id."),
    returned_on: str = typer.Option(..., "--returned-on"),
    note: str = typer.Option(..., help="The follow-up on return."),
) -> None:
    """Close the trip with the follow-up on return."""
    data = input_model(s.TravelReturn, returned_on=parse_date(returned_on, field="returned_on"), note=note)
    travel_id = parse_id(travel, field="travel_id")
    dump(call(health.record_return, travel_id=travel_id, data=data))
