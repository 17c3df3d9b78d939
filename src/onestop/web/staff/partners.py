"""Sponsors and projects on staff pages: the list (add a sponsor, record a proposal) and one project's
page with each step from negotiation to closing; elected members' inquiries: the supervisor's queue,
one inquiry (consent, answer) and a new inquiry from the person's page.

Each post is one partners service call; bad input re-renders the page with the error beside its box
and what was typed (422); a refused step (signing before approval) says why (409).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, HTTPException
from starlette.responses import HTMLResponse, Response

from onestop import money, partners
from onestop.access import Actor, Permission
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.money import SelfApproval
from onestop.web.staff import forms
from onestop.web.staff.page import Page, StaffPage

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


class SponsorForm(forms.PageForm):
    """Adding a sponsor with one contact."""

    name: str = ""
    kind: str = ""
    address: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_phone: str = ""
    contact_email: str = ""


class ProposalForm(forms.PageForm):
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


class StepForm(forms.PageForm):
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


class InquiryForm(forms.PageForm):
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


class InquiryStepForm(forms.PageForm):
    """Consent or the answer on an inquiry's page."""

    version: str = ""
    consent_on: str = ""
    consent_note: str = ""
    answer: str = ""
    disclose: str = ""
    answered_on: str = ""


@router.get("/partners")
def partners_page(page: Page) -> HTMLResponse:
    """Sponsors with their contacts, every project, and the forms to add a sponsor or a proposal."""
    return _list(page)


@router.post("/partners/sponsors")
def add_sponsor(page: Page, form: forms.Posted[SponsorForm]) -> Response:
    """Record a sponsor (its vendor payee in money waits for a second person)."""

    def act() -> partners.SponsorPublic:
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
        data = forms.model(
            partners.SponsorCreate,
            name=form.name,
            kind=form.kind,
            address=form.address or None,
            contacts=contacts,
        )
        return partners.create_sponsor(page.uow, actor=page.actor, data=data)

    def done(made: partners.SponsorPublic) -> Response:
        return page.to("/staff/partners", N_("%(name)s is recorded."), name=made.name)

    def box(field: str) -> str:
        return "contact_name" if field.startswith("contacts") else field

    return page.submit(form, act, done, functools.partial(_list, page), boxes=box)


@router.post("/partners/projects")
def propose(page: Page, form: forms.Posted[ProposalForm]) -> Response:
    """Record a sponsor's proposal."""

    def act() -> partners.ProjectPublic:
        data = forms.model(
            partners.ProjectCreate,
            sponsor_id=forms.optional_uuid(form.sponsor_id, "sponsor_id"),
            title=form.title,
            program=form.program,
            activities=form.activities,
            participants_wanted=forms.form_int(form.participants_wanted, "participants_wanted"),
            funding_asked=form.funding_asked or None,
            hr_asked=form.hr_asked or None,
            starts_on=forms.form_date(form.starts_on, "starts_on"),
            ends_on=forms.form_date(form.ends_on, "ends_on"),
        )
        return partners.propose_project(page.uow, actor=page.actor, data=data)

    def done(made: partners.ProjectPublic) -> Response:
        return page.to(f"/staff/partners/projects/{made.id}", N_("The proposal is recorded."))

    return page.submit(form, act, done, functools.partial(_list, page))


@router.get("/partners/projects/{project_id:uuid}")
def project_page(page: Page, project_id: uuid.UUID) -> HTMLResponse:
    """A project: terms and their revisions, the recommendation and approval, participants,
    instalments against the approved funding and the budget, visits, results."""
    return _project(page, project_id)


#: Service field names to this page's boxes, where they differ.
_STEP_FIELDS = {"starts_on": "placement_starts_on", "ends_on": "placement_ends_on", "approved_by": "form"}


@router.post("/partners/projects/{project_id:uuid}/{step}")
def project_step(page: Page, project_id: uuid.UUID, step: str, form: forms.Posted[StepForm]) -> Response:
    """One step of the project: negotiate, recommend, approve, sign, participant, instalment, visit, close."""
    if step not in _STEPS:
        raise HTTPException(status_code=404)
    return page.submit(
        form,
        lambda: _STEPS[step](page.uow, page.actor, project_id, form),
        page.then(f"/staff/partners/projects/{project_id}", _DONE[step]),
        functools.partial(_project, page, project_id, step=step),
        boxes=_STEP_FIELDS,
        refused={InvalidTransition: 409, SelfApproval: 403},
    )


def _negotiate(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.Negotiation,
        version=forms.form_int(form.version, "version"),
        funding=form.funding or None,
        participants=forms.form_int(form.participants, "participants"),
        note=form.note,
    )
    partners.negotiate(uow, actor=actor, project_id=project_id, data=data)


def _recommend(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.Recommendation,
        version=forms.form_int(form.version, "version"),
        recommendation=form.recommendation,
    )
    partners.recommend(uow, actor=actor, project_id=project_id, data=data)


def _approve(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    partners.approve(
        uow,
        actor=actor,
        project_id=project_id,
        data=partners.Approval(version=forms.form_int(form.version, "version")),
    )


def _sign(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.Signing,
        version=forms.form_int(form.version, "version"),
        signed_on=forms.form_date(form.signed_on, "signed_on"),
    )
    partners.sign(uow, actor=actor, project_id=project_id, data=data)


def _participant(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.ParticipantCreate,
        person_id=forms.optional_uuid(form.person_id, "person_id"),
        placement=form.placement,
        starts_on=forms.form_date(form.placement_starts_on, "starts_on"),
        ends_on=forms.form_date(form.placement_ends_on, "ends_on"),
    )
    partners.record_participant(uow, actor=actor, project_id=project_id, data=data)


def _instalment(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.InstalmentCreate,
        amount=form.amount or None,
        pay_date=forms.form_date(form.pay_date, "pay_date"),
    )
    partners.pay_instalment(uow, actor=actor, project_id=project_id, data=data)


def _approve_instalment(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    number = forms.form_int(form.number, "number")
    if number is None:
        raise InvalidInput("number", "choose the instalment to approve")
    data = partners.InstalmentApproval(version=forms.form_int(form.version, "version"))
    partners.approve_instalment(uow, actor=actor, project_id=project_id, number=number, data=data)


def _visit(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.VisitCreate,
        visited_on=forms.form_date(form.visited_on, "visited_on"),
        findings=form.findings,
    )
    partners.record_visit(uow, actor=actor, project_id=project_id, data=data)


def _close(uow: UnitOfWork, actor: Actor, project_id: uuid.UUID, form: StepForm) -> None:
    data = forms.model(
        partners.Closing,
        version=forms.form_int(form.version, "version"),
        closed_on=forms.form_date(form.closed_on, "closed_on"),
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
def inquiry_queue(page: Page) -> HTMLResponse:
    """Open inquiries from elected members' offices, the nearest deadline first."""
    context = {
        "inquiries": partners.inquiry_queue(page.uow, actor=page.actor),
        "today": page.uow.clock.today(),
        "offices": MEMBER_OFFICES,
    }
    return page.render("staff/partners/inquiries.html", context)


@router.get("/people/{person_id:uuid}/inquiries/new")
def new_inquiry(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The form for an inquiry about this person's file."""
    return _new_inquiry(page, person_id, forms.Shown({"received_on": page.uow.clock.today().isoformat()}))


@router.post("/people/{person_id:uuid}/inquiries")
def open_inquiry(page: Page, person_id: uuid.UUID, form: forms.Posted[InquiryForm]) -> Response:
    """Record the inquiry in the person's file."""

    def act() -> partners.InquiryPublic:
        data = forms.model(
            partners.InquiryCreate,
            person_id=person_id,
            member_office=form.member_office,
            member_name=form.member_name,
            asked_by=form.asked_by,
            on_behalf_of=form.on_behalf_of,
            question=form.question,
            received_on=forms.form_date(form.received_on, "received_on"),
            respond_by=forms.form_date(form.respond_by, "respond_by"),
            consent_on=forms.form_date(form.consent_on, "consent_on"),
            consent_note=form.consent_note or None,
        )
        return partners.open_inquiry(page.uow, actor=page.actor, data=data)

    def done(made: partners.InquiryPublic) -> Response:
        message = N_("The inquiry is recorded; answer by %(date)s.")
        return page.to(f"/staff/inquiries/{made.id}", message, date=made.respond_by.isoformat())

    again = functools.partial(_new_inquiry, page, person_id)
    return page.submit(form, act, done, again)


@router.get("/inquiries/{inquiry_id:uuid}")
def inquiry_page(page: Page, inquiry_id: uuid.UUID) -> HTMLResponse:
    """One inquiry: who asked, for whom, consent, deadline, and the consent and answer forms."""
    return _inquiry(page, inquiry_id, forms.Shown({"answered_on": page.uow.clock.today().isoformat()}))


@router.post("/inquiries/{inquiry_id:uuid}/{step}")
def inquiry_step(
    page: Page, inquiry_id: uuid.UUID, step: str, form: forms.Posted[InquiryStepForm]
) -> Response:
    """Record the client's consent, or the answer."""
    if step not in ("consent", "answer"):
        raise HTTPException(status_code=404)

    def act() -> str:
        version = forms.form_int(form.version, "version")
        if step == "consent":
            consent = forms.model(
                partners.InquiryConsent,
                version=version,
                consent_on=forms.form_date(form.consent_on, "consent_on"),
                consent_note=form.consent_note,
            )
            partners.record_consent(page.uow, actor=page.actor, inquiry_id=inquiry_id, data=consent)
            return N_("The client's consent is recorded.")
        answer = forms.model(
            partners.InquiryAnswer,
            version=version,
            answer=form.answer,
            disclose=form.disclose == "yes",
            answered_on=forms.form_date(form.answered_on, "answered_on"),
        )
        partners.answer_inquiry(page.uow, actor=page.actor, inquiry_id=inquiry_id, data=answer)
        return N_("The answer is recorded.")

    def done(message: str) -> Response:
        return page.to(f"/staff/inquiries/{inquiry_id}", message)

    again = functools.partial(_inquiry, page, inquiry_id)
    return page.submit(form, act, done, again, refused={InvalidTransition: 409})


def _list(page: StaffPage, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    sponsors = partners.list_sponsors(page.uow, actor=page.actor)
    context = {
        "sponsors": sponsors,
        "sponsor_options": [(str(s.id), s.name) for s in sponsors],
        "projects": partners.list_projects(page.uow, actor=page.actor),
        "states": PROJECT_STATES,
        "kinds": SPONSOR_KINDS,
        "kind_options": page.options(SPONSOR_KINDS),
    }
    return page.show("staff/partners/list.html", context, shown)


def _project(
    page: StaffPage, project_id: uuid.UUID, shown: forms.Shown = forms.BLANK, *, step: str = ""
) -> HTMLResponse:
    project = partners.get_project(page.uow, actor=page.actor, project_id=project_id)
    budget = None
    if page.actor.can(Permission.MONEY_BUDGET_READ) and project.office_id is not None:
        lines = money.budget_report(page.uow, actor=page.actor, fiscal_year=project.fiscal_year)
        budget = next(
            (b for b in lines if (b.program, b.office_id) == (project.program, project.office_id)), None
        )
        committed = partners.project_commitments(page.uow, actor=page.actor, fiscal_year=project.fiscal_year)
        budget_projects = next(
            (c for c in committed if (c.program, c.office_id) == (project.program, project.office_id)), None
        )
    else:
        budget_projects = None
    context = {
        "project": project,
        "budget": budget,
        "budget_projects": budget_projects,
        "step": step,
        "states": PROJECT_STATES,
        "instalment_states": INSTALMENT_STATES,
        "today": page.uow.clock.today(),
    }
    return page.show("staff/partners/project.html", context, shown)


def _new_inquiry(page: StaffPage, person_id: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "person_id": person_id,
        "earlier": partners.person_inquiries(page.uow, actor=page.actor, person_id=person_id),
        "office_options": page.options(MEMBER_OFFICES),
    }
    return page.show("staff/partners/inquiry_new.html", context, shown)


def _inquiry(page: StaffPage, inquiry_id: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "inquiry": partners.get_inquiry(page.uow, actor=page.actor, inquiry_id=inquiry_id),
        "offices": MEMBER_OFFICES,
        "states": INQUIRY_STATES,
    }
    return page.show("staff/partners/inquiry.html", context, shown)
