"""``onestop partners`` (sponsors and projects, clients' training and attendance, the after-hours on-call
roster and contacts) and ``onestop inquiries`` (elected members' inquiries), acting as the audited
system "cli". Amounts in dollars ("45000.00"); dates as 2026-03-02; times with their UTC offset
(2026-02-28T23:10-03:30).

The "cli" actor is one person for maker-checker: it cannot approve a project it proposed or recommended.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any, TypeVar

import typer
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, ValidationError

from onestop import partners as p
from onestop.cli.common import call, handles_errors
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.ids import parse_id

M = TypeVar("M", bound=BaseModel)

app = typer.Typer(
    help="Sponsors and their labour-market projects, proposal to closing.", no_args_is_help=True
)
inquiries_app = typer.Typer(
    help="Inquiries from MHA and MLA offices about a client's file.", no_args_is_help=True
)


def _dump(value: object) -> None:
    typer.echo(json.dumps(jsonable_encoder(value), indent=2, ensure_ascii=False))


def _model(schema: type[M], /, **values: Any) -> M:
    """Build an input model; a pydantic error becomes InvalidInput naming the field (exit 2)."""
    try:
        return schema(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(x) for x in first.get("loc", ())) or schema.__name__
        raise InvalidInput(field, first.get("msg", "invalid")) from None


def _date(value: str | None, field: str) -> Any:
    return parse_date(value, field=field) if value else None


def _id(value: str, field: str) -> uuid.UUID:
    return parse_id(value, field=field)


@app.command("sponsor-add")
@handles_errors
def sponsor_add(
    name: str = typer.Argument(...),
    kind: str = typer.Option("organization", help="organization or community"),
    address: str | None = typer.Option(None),
    contact: str | None = typer.Option(None, help="a contact person's name"),
    phone: str | None = typer.Option(None, help="the contact's phone"),
) -> None:
    """Record a sponsor (paid as a new vendor payee, which waits for a second person's approval)."""
    contacts = [p.ContactIn(name=contact, phone=phone)] if contact else []
    data = _model(p.SponsorCreate, name=name, kind=kind, address=address, contacts=contacts)
    _dump(call(p.create_sponsor, data=data))


@app.command("sponsors")
@handles_errors
def sponsors() -> None:
    """Every sponsor with its contacts."""
    _dump(call(p.list_sponsors))


@app.command("propose")
@handles_errors
def propose(
    sponsor_id: str = typer.Argument(...),
    title: str = typer.Option(...),
    activities: str = typer.Option(...),
    participants: int = typer.Option(..., help="participants wanted"),
    funding: str = typer.Option(..., help="funding asked, in dollars"),
    starts_on: str = typer.Option(...),
    ends_on: str = typer.Option(...),
    program: str = typer.Option("nl.lmda"),
    office_id: str | None = typer.Option(None),
    hr_asked: str | None = typer.Option(None, help="human resources asked"),
) -> None:
    """Record a sponsor's proposal."""
    data = _model(
        p.ProjectCreate,
        sponsor_id=_id(sponsor_id, "sponsor_id"),
        title=title,
        program=program,
        office_id=_id(office_id, "office_id") if office_id else None,
        activities=activities,
        participants_wanted=participants,
        funding_asked=funding,
        hr_asked=hr_asked,
        starts_on=_date(starts_on, "starts_on"),
        ends_on=_date(ends_on, "ends_on"),
    )
    _dump(call(p.propose_project, data=data))


@app.command("list")
@handles_errors
def list_(
    state: str | None = typer.Option(None, help="proposed, recommended, approved, signed or closed"),
) -> None:
    """Projects, newest start first."""
    _dump(call(p.list_projects, state=state))


@app.command("show")
@handles_errors
def show(project_id: str = typer.Argument(...)) -> None:
    """A project with its revisions, participants, instalments and visits."""
    _dump(call(p.get_project, project_id=_id(project_id, "project_id")))


@app.command("negotiate")
@handles_errors
def negotiate(
    project_id: str = typer.Argument(...),
    note: str = typer.Option(..., help="what was agreed, and why"),
    funding: str | None = typer.Option(None, help="new funding, in dollars"),
    participants: int | None = typer.Option(None, help="new number of participants"),
) -> None:
    """Record new terms (a revision)."""
    data = _model(p.Negotiation, funding=funding, participants=participants, note=note)
    _dump(call(p.negotiate, project_id=_id(project_id, "project_id"), data=data))


@app.command("recommend")
@handles_errors
def recommend(project_id: str = typer.Argument(...), text: str = typer.Option(..., "--text")) -> None:
    """Send the written recommendation for approval."""
    data = _model(p.Recommendation, recommendation=text)
    _dump(call(p.recommend, project_id=_id(project_id, "project_id"), data=data))


@app.command("approve")
@handles_errors
def approve(project_id: str = typer.Argument(...)) -> None:
    """Approve a recommended project (commits its funding)."""
    pid = _id(project_id, "project_id")
    _dump(call(p.approve, project_id=pid, data=p.Approval()))


@app.command("sign")
@handles_errors
def sign(project_id: str = typer.Argument(...), signed_on: str = typer.Option(...)) -> None:
    """Sign the approved agreement (refused before approval)."""
    data = _model(p.Signing, signed_on=_date(signed_on, "signed_on"))
    _dump(call(p.sign, project_id=_id(project_id, "project_id"), data=data))


@app.command("participant")
@handles_errors
def participant(
    project_id: str = typer.Argument(...),
    person_id: str = typer.Option(...),
    placement: str = typer.Option(...),
    starts_on: str = typer.Option(...),
    ends_on: str | None = typer.Option(None),
) -> None:
    """Record a participant agreement with the placement."""
    data = _model(
        p.ParticipantCreate,
        person_id=_id(person_id, "person_id"),
        placement=placement,
        starts_on=_date(starts_on, "starts_on"),
        ends_on=_date(ends_on, "ends_on"),
    )
    pid = _id(project_id, "project_id")
    _dump(call(p.record_participant, project_id=pid, data=data))


@app.command("instalment")
@handles_errors
def instalment(
    project_id: str = typer.Argument(...),
    amount: str = typer.Option(...),
    pay_date: str = typer.Option(..., help="the day money pays it, e.g. 2026-03-02"),
    note: str | None = typer.Option(None),
) -> None:
    """Record an instalment to pay through money (refused beyond the approved funding not yet asked
    for). Another person approves it on the project page or the API; the "cli" is no named person."""
    data = _model(p.InstalmentCreate, amount=amount, pay_date=_date(pay_date, "pay_date"), note=note)
    pid = _id(project_id, "project_id")
    _dump(call(p.pay_instalment, project_id=pid, data=data))


@app.command("visit")
@handles_errors
def visit(
    project_id: str = typer.Argument(...),
    visited_on: str = typer.Option(...),
    findings: str = typer.Option(...),
) -> None:
    """Record a monitoring visit and its findings."""
    data = _model(p.VisitCreate, visited_on=_date(visited_on, "visited_on"), findings=findings)
    _dump(call(p.record_visit, project_id=_id(project_id, "project_id"), data=data))


@app.command("close")
@handles_errors
def close(
    project_id: str = typer.Argument(...),
    closed_on: str = typer.Option(...),
    results: str = typer.Option(...),
) -> None:
    """Close a signed project with its results."""
    data = _model(p.Closing, closed_on=_date(closed_on, "closed_on"), results=results)
    pid = _id(project_id, "project_id")
    _dump(call(p.close_project, project_id=pid, data=data))


@app.command("commitments")
@handles_errors
def commitments(fiscal_year: int = typer.Argument(..., help="the year the fiscal year starts")) -> None:
    """Project funding committed and paid per program and office."""
    _dump(call(p.project_commitments, fiscal_year=fiscal_year))


@inquiries_app.command("open")
@handles_errors
def inquiry_open(
    person_id: str = typer.Argument(...),
    member: str = typer.Option(..., help="the elected member"),
    asked_by: str = typer.Option(..., help="who called or wrote"),
    on_behalf_of: str = typer.Option(...),
    question: str = typer.Option(...),
    received_on: str = typer.Option(...),
    office: str = typer.Option("mha", help="mha or mla"),
    respond_by: str | None = typer.Option(None),
    consent_on: str | None = typer.Option(None),
    consent_note: str | None = typer.Option(None),
) -> None:
    """Record an inquiry in the person's file."""
    data = _model(
        p.InquiryCreate,
        person_id=_id(person_id, "person_id"),
        member_office=office,
        member_name=member,
        asked_by=asked_by,
        on_behalf_of=on_behalf_of,
        question=question,
        received_on=_date(received_on, "received_on"),
        respond_by=_date(respond_by, "respond_by"),
        consent_on=_date(consent_on, "consent_on"),
        consent_note=consent_note,
    )
    _dump(call(p.open_inquiry, data=data))


@inquiries_app.command("queue")
@handles_errors
def inquiry_queue() -> None:
    """Open inquiries, the nearest deadline first."""
    _dump(call(p.inquiry_queue))


@inquiries_app.command("show")
@handles_errors
def inquiry_show(inquiry_id: str = typer.Argument(...)) -> None:
    """One inquiry."""
    _dump(call(p.get_inquiry, inquiry_id=_id(inquiry_id, "inquiry_id")))


@inquiries_app.command("consent")
@handles_errors
def inquiry_consent(
    inquiry_id: str = typer.Argument(...), consent_on: str = typer.Option(...), note: str = typer.Option(...)
) -> None:
    """Record the client's consent to share their file with the member's office."""
    data = _model(p.InquiryConsent, consent_on=_date(consent_on, "consent_on"), consent_note=note)
    iid = _id(inquiry_id, "inquiry_id")
    _dump(call(p.record_consent, inquiry_id=iid, data=data))


@inquiries_app.command("answer")
@handles_errors
def inquiry_answer(
    inquiry_id: str = typer.Argument(...),
    text: str = typer.Option(..., "--text"),
    answered_on: str = typer.Option(...),
    disclose: bool = typer.Option(False, "--disclose", help="the answer shares details (needs consent)"),
) -> None:
    """Record the answer (a disclosure without the client's consent is refused, exit 2)."""
    data = _model(
        p.InquiryAnswer, answer=text, disclose=disclose, answered_on=_date(answered_on, "answered_on")
    )
    iid = _id(inquiry_id, "inquiry_id")
    _dump(call(p.answer_inquiry, inquiry_id=iid, data=data))


def _when(value: str, field: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInput(
            field, "give a date and time with its offset, e.g. 2026-02-28T23:10-03:30"
        ) from None


@app.command("training-add")
@handles_errors
def training_add(
    person_id: str = typer.Argument(...),
    institution: str = typer.Option(...),
    program: str = typer.Option(..., help="the program or course taken"),
    starts_on: str = typer.Option(...),
    ends_on: str = typer.Option(...),
    tuition: str = typer.Option(..., help="tuition approved, e.g. 2900.00"),
    supports: str = typer.Option("0", help="supports approved (books, transport, child care)"),
    supports_note: str | None = typer.Option(None),
    kind: str = typer.Option("post_secondary", help="post_secondary or short_course"),
    office_id: str | None = typer.Option(None, help="the office following the client"),
) -> None:
    """Record a client's training with the tuition and supports approved."""
    data = _model(
        p.TrainingCreate,
        person_id=_id(person_id, "person_id"),
        kind=kind,
        institution=institution,
        program_name=program,
        starts_on=_date(starts_on, "starts_on"),
        ends_on=_date(ends_on, "ends_on"),
        tuition=tuition,
        supports=supports,
        supports_note=supports_note,
        office_id=_id(office_id, "office_id") if office_id else None,
    )
    _dump(call(p.enrol, data=data))


@app.command("training")
@handles_errors
def training(person_id: str = typer.Argument(...)) -> None:
    """A person's training with its attendance."""
    _dump(call(p.person_training, person_id=_id(person_id, "person_id")))


@app.command("attendance")
@handles_errors
def attendance(
    training_id: str = typer.Argument(...),
    term: str = typer.Option(..., help="e.g. Winter 2026"),
    period_start: str = typer.Option(...),
    period_end: str = typer.Option(...),
    scheduled: int = typer.Option(..., help="days scheduled in the term"),
    attended: int = typer.Option(..., help="days attended"),
    received_on: str = typer.Option(...),
    note: str | None = typer.Option(None),
) -> None:
    """Record a term's attendance; missed beyond the rule raises a task for the officer."""
    data = _model(
        p.AttendanceCreate,
        term=term,
        period_start=_date(period_start, "period_start"),
        period_end=_date(period_end, "period_end"),
        scheduled_days=scheduled,
        attended_days=attended,
        received_on=_date(received_on, "received_on"),
        note=note,
    )
    tid = _id(training_id, "training_id")
    _dump(call(p.record_attendance, training_id=tid, data=data))


@app.command("attendance-confirm")
@handles_errors
def attendance_confirm(
    attendance_id: str = typer.Argument(...),
    application_id: str = typer.Option(..., help="the benefit's application: the change is reported on it"),
    note: str = typer.Option(...),
) -> None:
    """Confirm a flagged term's missed attendance (a change in circumstances; reassessed as usual)."""
    data = _model(p.AttendanceConfirm, application_id=_id(application_id, "application_id"), note=note)
    aid = _id(attendance_id, "attendance_id")
    _dump(call(p.confirm_missed, attendance_id=aid, data=data))


@app.command("attendance-excuse")
@handles_errors
def attendance_excuse(attendance_id: str = typer.Argument(...), note: str = typer.Option(...)) -> None:
    """Excuse a flagged term's missed attendance, saying why."""
    data = _model(p.AttendanceExcuse, note=note)
    aid = _id(attendance_id, "attendance_id")
    _dump(call(p.excuse_missed, attendance_id=aid, data=data))


@app.command("flagged")
@handles_errors
def flagged() -> None:
    """Trainings with a term whose missed attendance waits for the officer's finding."""
    _dump(call(p.flagged_terms))


@app.command("oncall-add")
@handles_errors
def oncall_add(
    staff_id: str = typer.Argument(...),
    area: str = typer.Option(...),
    phone: str = typer.Option(...),
    starts_at: str = typer.Option(...),
    ends_at: str = typer.Option(...),
    office_id: str | None = typer.Option(None),
) -> None:
    """Put a staff member on the after-hours roster."""
    data = _model(
        p.ShiftCreate,
        staff_id=_id(staff_id, "staff_id"),
        area=area,
        phone=phone,
        starts_at=_when(starts_at, "starts_at"),
        ends_at=_when(ends_at, "ends_at"),
        office_id=_id(office_id, "office_id") if office_id else None,
    )
    _dump(call(p.add_shift, data=data))


@app.command("roster")
@handles_errors
def oncall_roster(start: str = typer.Option(...), end: str = typer.Option(...)) -> None:
    """The on-call shifts overlapping a period."""
    _dump(call(p.roster, start=_when(start, "start"), end=_when(end, "end")))


@app.command("oncall-call")
@handles_errors
def oncall_call(
    person_id: str = typer.Argument(...),
    received_at: str = typer.Option(...),
    summary: str = typer.Option(...),
    unit_id: str | None = typer.Option(None, help="the benefit unit emergency payments are for"),
    payee_id: str | None = typer.Option(None, help="who is paid (a shelter, a store, a cab company)"),
    authorize: list[str] = typer.Option([], help="kind:amount[:nights], e.g. shelter:180.00:2 or food:60.00"),
    program: str = typer.Option("nl.income_support"),
) -> None:
    """Log a contact taken on call, issue what was authorized through money, and hand it over."""
    items = []
    for i, text in enumerate(authorize):
        kind, _, rest = text.partition(":")
        amount, _, nights = rest.partition(":")
        items.append(
            {
                "kind": kind,
                "amount": amount,
                "payee_id": _id(payee_id or "", f"authorized[{i}].payee_id"),
                "nights": int(nights) if nights.isdigit() else None,
            }
        )
    data = _model(
        p.AfterHoursCreate,
        person_id=_id(person_id, "person_id"),
        unit_id=_id(unit_id, "unit_id") if unit_id else None,
        received_at=_when(received_at, "received_at"),
        summary=summary,
        program=program,
        authorized=items,
    )
    _dump(call(p.record_call, data=data))


@app.command("oncall-calls")
@handles_errors
def oncall_calls() -> None:
    """The latest contacts taken on call, for the morning handover."""
    _dump(call(p.recent_calls))
