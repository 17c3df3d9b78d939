"""``onestop health facilities``: facilities, residents' stays, caseloads by facility and the benefits
paid to a facility for a resident (acting as the audited system "cli"). Amounts in dollars ("45.00")."""

from __future__ import annotations

import typer

from onestop import health
from onestop.cli.common import call, dump, handles_errors, input_model, optional_date
from onestop.common.ids import parse_id
from onestop.health import schemas as s

app = typer.Typer(
    help="Facilities, residents' stays, caseloads and benefits paid to a facility.", no_args_is_help=True
)


@app.command("list")
@handles_errors
def list_(
    kind: str | None = typer.Option(None, help="shelter, hospital, halfway_house or residential."),
    active_only: bool = typer.Option(False, "--active-only"),
) -> None:
    """Facilities by name, with how many residents each has now."""
    dump(call(health.list_facilities, kind=kind, active_only=active_only))


@app.command("add")
@handles_errors
def add(
    name: str = typer.Argument(...),
    kind: str = typer.Option(..., help="shelter, hospital, halfway_house or residential."),
    address: str = typer.Option(...),
    contact: str | None = typer.Option(None, help="Whom to call."),
    phone: str | None = typer.Option(None),
    email: str | None = typer.Option(None),
    nightly_rate: str | None = typer.Option(None, help="Dollars per night."),
    monthly_rate: str | None = typer.Option(None, help="Dollars per month."),
    payee: str | None = typer.Option(None, help="An existing vendor payee id (else one is set up)."),
) -> None:
    """Record a facility (and its vendor payee in money, waiting for a second person's approval)."""
    data = input_model(
        s.FacilityCreate,
        name=name,
        kind=kind,
        address=address,
        contact_name=contact,
        phone=phone,
        email=email,
        nightly_rate=nightly_rate,
        monthly_rate=monthly_rate,
        payee_id=payee,
    )
    dump(call(health.create_facility, data=data))


@app.command("show")
@handles_errors
def show(facility: str = typer.Argument(..., help="Facility id.")) -> None:
    """A facility with its residents now, past stays and benefits paid."""
    fid = parse_id(facility, field="facility")
    dump(call(health.facility_file, facility_id=fid))


@app.command("caseload")
@handles_errors
def caseload(officer: str = typer.Option("*", help="An officer's username; * for everyone's.")) -> None:
    """Residents by facility, now."""
    dump(call(health.caseload, officer=officer))


@app.command("stay-in")
@handles_errors
def stay_in(
    person: str = typer.Argument(...),
    facility: str = typer.Option(..., help="Facility id."),
    officer: str = typer.Option(..., help="The officer whose caseload the resident is on."),
    in_on: str = typer.Option(..., "--in-on", help="The day in (ISO)."),
    reason: str | None = typer.Option(None),
) -> None:
    """A person comes into a facility."""
    data = input_model(
        s.StayIn,
        person_id=person,
        facility_id=facility,
        officer=officer,
        in_on=optional_date(in_on, "in_on"),
        reason=reason,
    )
    dump(call(health.record_stay_in, data=data))


@app.command("stay-out")
@handles_errors
def stay_out(
    stay: str = typer.Argument(..., help="Stay id."),
    out_on: str = typer.Option(..., "--out-on", help="The day out (ISO)."),
    reason: str | None = typer.Option(None),
) -> None:
    """The person leaves the facility."""
    data = input_model(s.StayOut, out_on=optional_date(out_on, "out_on"), reason=reason)
    sid = parse_id(stay, field="stay")
    dump(call(health.record_stay_out, stay_id=sid, data=data))


@app.command("pay")
@handles_errors
def pay(
    stay: str = typer.Argument(..., help="Stay id."),
    kind: str = typer.Option(..., help="recurring, one_time or cheque."),
    amount: str | None = typer.Option(None, help="Dollars; default the facility's rate."),
    nights: int | None = typer.Option(None, help="A shelter paid once: the nights."),
    pay_date: str | None = typer.Option(None),
    method: str | None = typer.Option(None, help="cheque or third_party."),
    cheque_number: str | None = typer.Option(None),
    health_benefits: bool = typer.Option(False, "--health-benefits", help="Authorize health benefits."),
    explanation: str | None = typer.Option(None),
) -> None:
    """Pay the facility for the resident through money."""
    data = input_model(
        s.BenefitCreate,
        kind=kind,
        amount=amount,
        nights=nights,
        pay_date=optional_date(pay_date, "pay_date"),
        method=method,
        cheque_number=cheque_number,
        health_benefits=health_benefits,
        explanation=explanation,
    )
    sid = parse_id(stay, field="stay")
    dump(call(health.pay_benefit, stay_id=sid, data=data))


@app.command("stays")
@handles_errors
def stays(person: str = typer.Argument(..., help="Person id.")) -> None:
    """A person's stays and the benefits paid for them."""
    pid = parse_id(person, field="person")
    dump(call(health.person_stays, person_id=pid))
