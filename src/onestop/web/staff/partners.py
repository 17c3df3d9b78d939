"""Sponsors and projects on staff pages: the list (add a sponsor, record a proposal) and one project's
page with each step from negotiation to closing; elected members' inquiries: the supervisor's queue,
one inquiry (consent, answer) and a new inquiry from the person's page.

Each post is one partners service call; bad input re-renders the page with the error beside its box
and what was typed (422); a refused step (signing before approval) says why (409).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, HTTPException, Request
from starlette.responses import HTMLResponse, Response

from onestop import money, partners
from onestop.access import Actor, Permission
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.money import SelfApproval
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model, optional_uuid

router = APIRouter()

PROJECT_STATES = {
    "proposed": N_("Proposed"),
    "recommended": N_("Recommended"),
    "approved": N_("Approved"),
    "signed": N_("Signed"),
    "closed": N_("Closed"),
}
INSTALMENT_STATES = {
    "recorded": N_("Waiting for a second person's approval"),
    "pending_approval": N_("Waiting for an approver beyond the limit"),
    "approved": N_("Approved, in the next payment batch"),
    "batched": N_("In a payment batch"),
    "exported": N_("Sent to the bank"),
    "paid": N_("Paid"),
    "rejected": N_("Rejected"),
}
SPONSOR_KINDS = {"organization": N_("Organization"), "community": N_("Community")}
MEMBER_OFFICES = {"mha": N_("MHA (Newfoundland and Labrador)"), "mla": N_("MLA (Alberta)")}
INQUIRY_STATES = {"open": N_("Open"), "answered": N_("Answered")}


class SponsorForm(PageForm):
    """Adding a sponsor with one contact."""

    name: str = ""
    kind: str = ""
    address: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_phone: str = ""
    contact_email: str = ""


class ProposalForm(PageForm):
    """Recording a sponsor's proposal."""

    sponsor_id: str = ""
    title: str = ""
    program: str = "nl.lmda"
    activities: str = ""
    participants_wanted: str = ""
    funding_asked: str = ""
    hr_asked: str = ""
    starts_on: str = ""
    ends_on: str = ""


class StepForm(PageForm):
    """Any step of a project's page (each form posts only its own boxes)."""

    version: str = ""
    funding: str = ""
    participants: str = ""
    note: str = ""
    recommendation: str = ""
    signed_on: str = ""
    person_id: str = ""
    placement: str = ""
    placement_starts_on: str = ""
    placement_ends_on: str = ""
    amount: str = ""
    pay_date: str = ""
    number: str = ""
    visited_on: str = ""
    findings: str = ""
    closed_on: str = ""
    results: str = ""


class InquiryForm(PageForm):
    """A new inquiry from an elected member's office."""

    member_office: str = "mha"
    member_name: str = ""
    asked_by: str = ""
    on_behalf_of: str = ""
    question: str = ""
    received_on: str = ""
    respond_by: str = ""
    consent_on: str = ""
    consent_note: str = ""


class InquiryStepForm(PageForm):
    """Consent or the answer on an inquiry's page."""

    version: str = ""
    consent_on: str = ""
    consent_note: str = ""
    answer: str = ""
    disclose: str = ""
    answered_on: str = ""


def form_int(raw: str, field: str) -> int | None:
    if not raw:
        return None
    if not raw.isdigit():
        raise InvalidInput(field, "must be a whole number")
    return int(raw)


def form_date(raw: str, field: str) -> dt.date | None:
    return parse_date(raw, field=field) if raw else None


def option_labels(request: Request, labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(k, pages.gettext(request, v)) for k, v in labels.items()]


@router.get("/partners")
def partners_page(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Sponsors with their contacts, every project, and the forms to add a sponsor or a proposal."""
    return _list(request, uow, actor, {})


@router.post("/partners/sponsors")
def add_sponsor(
    request: Request, uow: UowDep, actor: StaffActor, form: Annotated[SponsorForm, Form()]
) -> Response:
    """Record a sponsor (its vendor payee in money waits for a second person)."""
    try:
        contacts = []
        if form.contact_name:
            contacts.append(
                partners.ContactIn(
                    name=form.contact_name,
                    role=form.contact_role or None,
                    phone=form.contact_phone or None,
                    email=form.contact_email or None,
                )
            )
        data = model(
            partners.SponsorCreate,
            name=form.name,
            kind=form.kind,
            address=form.address or None,
            contacts=contacts,
        )
        made = partners.create_sponsor(uow, actor=actor, data=data)
    except InvalidInput as err:
        field = "contact_name" if err.field.startswith("contacts") else err.field
        errors = form_errors(request, InvalidInput(field, err.problem), set(SponsorForm.model_fields))
        return _list(request, uow, actor, form.model_dump(), errors, status_code=422)
    pages.flash(request, N_("%(name)s is recorded."), "success", name=made.name)
    return pages.redirect(request, "/staff/partners")


@router.post("/partners/projects")
def propose(
    request: Request, uow: UowDep, actor: StaffActor, form: Annotated[ProposalForm, Form()]
) -> Response:
    """Record a sponsor's proposal."""
    try:
        data = model(
            partners.ProjectCreate,
            sponsor_id=optional_uuid(form.sponsor_id, "sponsor_id"),
            title=form.title,
            program=form.program,
            activities=form.activities,
            participants_wanted=form_int(form.participants_wanted, "participants_wanted"),
            funding_asked=form.funding_asked or None,
            hr_asked=form.hr_asked or None,
            starts_on=form_date(form.starts_on, "starts_on"),
            ends_on=form_date(form.ends_on, "ends_on"),
        )
        made = partners.propose_project(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(ProposalForm.model_fields))
        return _list(request, uow, actor, form.model_dump(), errors, status_code=422)
    pages.flash(request, N_("The proposal is recorded."), "success")
    return pages.redirect(request, f"/staff/partners/projects/{made.id}")


@router.get("/partners/projects/{project_id:uuid}")
def project_page(request: Request, uow: UowDep, actor: StaffActor, project_id: uuid.UUID) -> HTMLResponse:
    """A project: terms and their revisions, the recommendation and approval, participants,
    instalments against the approved funding and the budget, visits, results."""
    return _project(request, uow, actor, project_id)


#: Service field names to this page's boxes, where they differ.
_STEP_FIELDS = {"starts_on": "placement_starts_on", "ends_on": "placement_ends_on", "approved_by": "form"}


@router.post("/partners/projects/{project_id:uuid}/{step}")
def project_step(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    project_id: uuid.UUID,
    step: str,
    form: Annotated[StepForm, Form()],
) -> Response:
    """One step of the project: negotiate, recommend, approve, sign, participant, instalment, visit, close."""
    if step not in _STEPS:
        raise HTTPException(status_code=404)
    try:
        _STEPS[step](uow, actor, project_id, form)
    except (InvalidInput, InvalidTransition, SelfApproval) as err:
        if isinstance(err, InvalidTransition | SelfApproval):
            errors = {"form": pages.gettext(request, str(err))}
            status = 403 if isinstance(err, SelfApproval) else 409
        else:
            field = _STEP_FIELDS.get(err.field, err.field)
            errors = form_errors(request, InvalidInput(field, err.problem), set(StepForm.model_fields))
            status = 422
        return _project(
            request, uow, actor, project_id, form.model_dump(), errors, step=step, status_code=status
        )
    pages.flash(request, _DONE[step], "success")
    return pages.redirect(request, f"/staff/partners/projects/{project_id}")


def _negotiate(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.Negotiation,
        version=form_int(form.version, "version"),
        funding=form.funding or None,
        participants=form_int(form.participants, "participants"),
        note=form.note,
    )
    partners.negotiate(uow, actor=actor, project_id=project_id, data=data)


def _recommend(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.Recommendation, version=form_int(form.version, "version"), recommendation=form.recommendation
    )
    partners.recommend(uow, actor=actor, project_id=project_id, data=data)


def _approve(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    partners.approve(
        uow,
        actor=actor,
        project_id=project_id,
        data=partners.Approval(version=form_int(form.version, "version")),
    )


def _sign(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.Signing,
        version=form_int(form.version, "version"),
        signed_on=form_date(form.signed_on, "signed_on"),
    )
    partners.sign(uow, actor=actor, project_id=project_id, data=data)


def _participant(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.ParticipantCreate,
        person_id=optional_uuid(form.person_id, "person_id"),
        placement=form.placement,
        starts_on=form_date(form.placement_starts_on, "starts_on"),
        ends_on=form_date(form.placement_ends_on, "ends_on"),
    )
    partners.record_participant(uow, actor=actor, project_id=project_id, data=data)


def _instalment(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.InstalmentCreate, amount=form.amount or None, pay_date=form_date(form.pay_date, "pay_date")
    )
    partners.pay_instalment(uow, actor=actor, project_id=project_id, data=data)


def _approve_instalment(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    number = form_int(form.number, "number")
    if number is None:
        raise InvalidInput("number", "choose the instalment to approve")
    data = partners.InstalmentApproval(version=form_int(form.version, "version"))
    partners.approve_instalment(uow, actor=actor, project_id=project_id, number=number, data=data)


def _visit(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.VisitCreate, visited_on=form_date(form.visited_on, "visited_on"), findings=form.findings
    )
    partners.record_visit(uow, actor=actor, project_id=project_id, data=data)


def _close(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = model(
        partners.Closing,
        version=form_int(form.version, "version"),
        closed_on=form_date(form.closed_on, "closed_on"),
        results=form.results,
    )
    partners.close_project(uow, actor=actor, project_id=project_id, data=data)


_STEPS = {
    "negotiate": _negotiate,
    "recommend": _recommend,
    "approve": _approve,
    "sign": _sign,
    "participant": _participant,
    "instalment": _instalment,
    "approve-instalment": _approve_instalment,
    "visit": _visit,
    "close": _close,
}
_DONE = {
    "negotiate": N_("The new terms are recorded."),
    "recommend": N_("The recommendation is sent for approval."),
    "approve": N_("The project is approved; its funding is committed."),
    "sign": N_("The agreement is signed."),
    "participant": N_("The participant agreement is recorded."),
    "instalment": N_("The instalment is recorded; another person approves its payment."),
    "approve-instalment": N_(
        "The instalment is approved for payment (or sent to an approver beyond your limit)."
    ),
    "visit": N_("The monitoring visit is recorded."),
    "close": N_("The project is closed."),
}


@router.get("/inquiries")
def inquiry_queue(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Open inquiries from elected members' offices, the nearest deadline first."""
    context = {
        "inquiries": partners.inquiry_queue(uow, actor=actor),
        "today": uow.clock.today(),
        "offices": MEMBER_OFFICES,
    }
    return pages.render(request, "staff/partners/inquiries.html", context)


@router.get("/people/{person_id:uuid}/inquiries/new")
def new_inquiry(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The form for an inquiry about this person's file."""
    return _new_inquiry(request, uow, actor, person_id, {"received_on": uow.clock.today().isoformat()})


@router.post("/people/{person_id:uuid}/inquiries")
def open_inquiry(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    form: Annotated[InquiryForm, Form()],
) -> Response:
    """Record the inquiry in the person's file."""
    try:
        data = model(
            partners.InquiryCreate,
            person_id=person_id,
            member_office=form.member_office,
            member_name=form.member_name,
            asked_by=form.asked_by,
            on_behalf_of=form.on_behalf_of,
            question=form.question,
            received_on=form_date(form.received_on, "received_on"),
            respond_by=form_date(form.respond_by, "respond_by"),
            consent_on=form_date(form.consent_on, "consent_on"),
            consent_note=form.consent_note or None,
        )
        made = partners.open_inquiry(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(InquiryForm.model_fields))
        return _new_inquiry(request, uow, actor, person_id, form.model_dump(), errors, status_code=422)
    pages.flash(
        request,
        N_("The inquiry is recorded; answer by %(date)s."),
        "success",
        date=made.respond_by.isoformat(),
    )
    return pages.redirect(request, f"/staff/inquiries/{made.id}")


@router.get("/inquiries/{inquiry_id:uuid}")
def inquiry_page(request: Request, uow: UowDep, actor: StaffActor, inquiry_id: uuid.UUID) -> HTMLResponse:
    """One inquiry: who asked, for whom, consent, deadline, and the consent and answer forms."""
    return _inquiry(request, uow, actor, inquiry_id, {"answered_on": uow.clock.today().isoformat()})


@router.post("/inquiries/{inquiry_id:uuid}/{step}")
def inquiry_step(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    inquiry_id: uuid.UUID,
    step: str,
    form: Annotated[InquiryStepForm, Form()],
) -> Response:
    """Record the client's consent, or the answer."""
    if step not in ("consent", "answer"):
        raise HTTPException(status_code=404)
    try:
        version = form_int(form.version, "version")
        if step == "consent":
            consent = model(
                partners.InquiryConsent,
                version=version,
                consent_on=form_date(form.consent_on, "consent_on"),
                consent_note=form.consent_note,
            )
            partners.record_consent(uow, actor=actor, inquiry_id=inquiry_id, data=consent)
            message = N_("The client's consent is recorded.")
        else:
            answer = model(
                partners.InquiryAnswer,
                version=version,
                answer=form.answer,
                disclose=form.disclose == "yes",
                answered_on=form_date(form.answered_on, "answered_on"),
            )
            partners.answer_inquiry(uow, actor=actor, inquiry_id=inquiry_id, data=answer)
            message = N_("The answer is recorded.")
    except InvalidInput as err:
        errors = form_errors(request, err, set(InquiryStepForm.model_fields))
        return _inquiry(request, uow, actor, inquiry_id, form.model_dump(), errors, status_code=422)
    except InvalidTransition as err:
        errors = {"form": pages.gettext(request, str(err))}
        return _inquiry(request, uow, actor, inquiry_id, form.model_dump(), errors, status_code=409)
    pages.flash(request, message, "success")
    return pages.redirect(request, f"/staff/inquiries/{inquiry_id}")


def _list(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    sponsors = partners.list_sponsors(uow, actor=actor)
    context = {
        "sponsors": sponsors,
        "sponsor_options": [(str(s.id), s.name) for s in sponsors],
        "projects": partners.list_projects(uow, actor=actor),
        "values": values,
        "errors": errors or {},
        "states": PROJECT_STATES,
        "kinds": SPONSOR_KINDS,
        "kind_options": option_labels(request, SPONSOR_KINDS),
    }
    return pages.render(request, "staff/partners/list.html", context, status_code=status_code)


def _project(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    project_id: uuid.UUID,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    step: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    project = partners.get_project(uow, actor=actor, project_id=project_id)
    budget = None
    if actor.can(Permission.MONEY_BUDGET_READ) and project.office_id is not None:
        lines = money.budget_report(uow, actor=actor, fiscal_year=project.fiscal_year)
        budget = next(
            (b for b in lines if (b.program, b.office_id) == (project.program, project.office_id)), None
        )
        committed = partners.project_commitments(uow, actor=actor, fiscal_year=project.fiscal_year)
        budget_projects = next(
            (c for c in committed if (c.program, c.office_id) == (project.program, project.office_id)), None
        )
    else:
        budget_projects = None
    context = {
        "project": project,
        "budget": budget,
        "budget_projects": budget_projects,
        "values": values or {},
        "errors": errors or {},
        "step": step,
        "states": PROJECT_STATES,
        "instalment_states": INSTALMENT_STATES,
        "today": uow.clock.today(),
    }
    return pages.render(request, "staff/partners/project.html", context, status_code=status_code)


def _new_inquiry(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "person_id": person_id,
        "earlier": partners.person_inquiries(uow, actor=actor, person_id=person_id),
        "values": values,
        "errors": errors or {},
        "office_options": option_labels(request, MEMBER_OFFICES),
    }
    return pages.render(request, "staff/partners/inquiry_new.html", context, status_code=status_code)


def _inquiry(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    inquiry_id: uuid.UUID,
    values: dict[str, Any],
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "inquiry": partners.get_inquiry(uow, actor=actor, inquiry_id=inquiry_id),
        "values": values,
        "errors": errors or {},
        "offices": MEMBER_OFFICES,
        "states": INQUIRY_STATES,
    }
    return pages.render(request, "staff/partners/inquiry.html", context, status_code=status_code)
