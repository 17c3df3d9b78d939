"""Investigations of alleged misuse, from the person page: open one, add evidence, record interviews
(a cautioned statement is flagged), close with a finding (a founded one may reassess the case and set up
an overpayment).

Who may do this is the jurisdiction's configuration (NL: the officer; AB: a specialist), enforced by the
investigations services; the person page offers the link only to those it allows. Each post is one
service call; bad input re-renders the form beside its box with what was typed (422); a stale version
re-renders the file as it is now, with what was typed (409).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.applications import list_applications
from onestop.cases.documents import list_documents
from onestop.cases.investigations import (
    EvidenceCreate,
    InterviewCreate,
    InvestigationClose,
    InvestigationCreate,
    InvestigationPublic,
    OverpaymentIn,
    add_evidence,
    close_investigation,
    get_investigation,
    list_investigations,
    open_investigation,
    record_interview,
)
from onestop.common.dates import parse_date
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.web.staff import forms
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

SOURCES = {
    "anonymous_tip": N_("An anonymous tip"),
    "named_tip": N_("A tip from someone who gave their name"),
    "data_match": N_("A data match with another agency"),
    "officer": N_("Noticed by an officer"),
    "agency": N_("Another agency"),
    "referral": N_("A referral"),
    "other": N_("Other"),
}
FINDINGS = {
    "founded": N_("Founded: the misuse happened"),
    "unfounded": N_("Unfounded: it did not happen"),
    "inconclusive": N_("Inconclusive: it cannot be shown either way"),
}


class OpenForm(forms.PageForm):
    allegation: str = ""
    source: str = "anonymous_tip"
    source_detail: str = ""
    application_id: str = ""


class EvidenceForm(forms.PageForm):
    document_id: str = ""
    description: str = ""


class InterviewForm(forms.PageForm):
    interviewee_name: str = ""
    held_on: str = ""
    held_time: str = ""
    cautioned: str = ""
    statement: str = ""


class CloseForm(forms.PageForm):
    version: str = ""
    finding: str = ""
    reason: str = ""
    reassess: str = ""
    overpayment_amount: str = ""
    overpayment_reason: str = ""


@router.get("/people/{person_id:uuid}/investigations")
def person_investigations(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's investigations and the form to open one."""
    return _person_page(page, person_id, forms.Shown(OpenForm().model_dump()))


@router.post("/people/{person_id:uuid}/investigations")
def open_one(page: Page, person_id: uuid.UUID, form: forms.Posted[OpenForm]) -> Response:
    """Open an investigation of the allegation (about one of the person's applications, if chosen)."""

    def act() -> InvestigationPublic:
        data = forms.model(
            InvestigationCreate,
            person_id=person_id,
            application_id=forms.optional_uuid(form.application_id, "application_id"),
            allegation=form.allegation,
            source=form.source,
            source_detail=form.source_detail or None,
        )
        return open_investigation(page.uow, actor=page.actor, data=data)

    def done(opened: InvestigationPublic) -> Response:
        return page.to(f"/staff/investigations/{opened.id}", N_("The investigation is open."))

    return page.submit(form, act, done, functools.partial(_person_page, page, person_id))


@router.get("/investigations/{investigation_id:uuid}")
def view(page: Page, investigation_id: uuid.UUID) -> HTMLResponse:
    """The file: allegation, evidence, interviews, finding; the forms while it is open."""
    return _file(page, investigation_id)


@router.post("/investigations/{investigation_id:uuid}/evidence")
def evidence(page: Page, investigation_id: uuid.UUID, form: forms.Posted[EvidenceForm]) -> Response:
    """Put one of the person's documents in the file, saying what it shows."""

    def act() -> object:
        doc = forms.optional_uuid(form.document_id, "document_id")
        data = forms.model(EvidenceCreate, document_id=doc, description=form.description)
        return add_evidence(page.uow, actor=page.actor, investigation_id=investigation_id, data=data)

    done = page.then(f"/staff/investigations/{investigation_id}", N_("The evidence is in the file."))
    again = functools.partial(_file, page, investigation_id)
    return page.submit(form, act, done, again, refused={InvalidTransition: 409})


@router.post("/investigations/{investigation_id:uuid}/interviews")
def interview(page: Page, investigation_id: uuid.UUID, form: forms.Posted[InterviewForm]) -> Response:
    """Record an interview as given; a cautioned statement is flagged."""

    def act() -> object:
        data = forms.model(
            InterviewCreate,
            interviewee_name=form.interviewee_name or None,
            held_at=_moment(page.request, form.held_on, form.held_time),
            cautioned=form.cautioned == "yes",
            statement=form.statement,
        )
        return record_interview(page.uow, actor=page.actor, investigation_id=investigation_id, data=data)

    done = page.then(f"/staff/investigations/{investigation_id}", N_("The interview is recorded."))
    again = functools.partial(_file, page, investigation_id)
    return page.submit(form, act, done, again, boxes={"held_at": "held_on"}, refused={InvalidTransition: 409})


@router.post("/investigations/{investigation_id:uuid}/close")
def close(page: Page, investigation_id: uuid.UUID, form: forms.Posted[CloseForm]) -> Response:
    """Close with a finding; founded, it may reopen the case for reassessment and set up the overpayment."""

    def act() -> InvestigationPublic:
        if not form.version.isdigit():
            raise Conflict("no version given")
        overpayment = None
        if form.overpayment_amount or form.overpayment_reason:
            overpayment = forms.model(
                OverpaymentIn, amount=form.overpayment_amount, reason=form.overpayment_reason
            )
        data = forms.model(
            InvestigationClose,
            version=int(form.version),
            finding=form.finding,
            reason=form.reason,
            reassess=form.reassess == "yes",
            overpayment=overpayment,
        )
        return close_investigation(page.uow, actor=page.actor, investigation_id=investigation_id, data=data)

    def done(closed: InvestigationPublic) -> Response:
        path = (
            f"/staff/reviews/{closed.review_id}"
            if closed.review_id
            else f"/staff/investigations/{investigation_id}"
        )
        return page.to(path, N_("The investigation is closed."))

    def box(field: str) -> str:
        field = field.replace("overpayment.", "overpayment_")
        return "overpayment_amount" if field == "amount_cents" else field

    again = functools.partial(_file, page, investigation_id)
    return page.submit(
        form, act, done, again, boxes=box, refused=forms.CONFLICT, explain=forms.conflict_message
    )


def _moment(request: Request, day: str, time: str) -> dt.datetime | None:
    """The date and time typed, in the office's time zone (None when no date is given)."""
    if not day:
        return None
    date = parse_date(day, field="held_on")
    try:
        clock = dt.time.fromisoformat(time) if time else dt.time(0, 0)
    except ValueError:
        raise InvalidInput("held_time", "is not a time like 14:30") from None
    tz = ZoneInfo(request.app.state.container.settings.timezone)
    return dt.datetime.combine(date, clock, tzinfo=tz)


def _words(request: Request) -> dict[str, Any]:
    return {
        "sources": forms.option_labels(request, SOURCES),
        "findings": forms.option_labels(request, FINDINGS),
    }


def _person_page(page: StaffPage, pid: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    found = list_investigations(page.uow, actor=page.actor, person_id=pid)
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    apps = list_applications(page.uow, actor=page.actor, person_id=pid)
    context = {
        "person": person,
        "investigations": found,
        "applications": [("", "–")] + [(str(a.id), a.program) for a in apps],
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/investigations",
        **_words(page.request),
    }
    return page.show("staff/investigations/person.html", context, shown)


def _file(page: StaffPage, iid: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    found = get_investigation(page.uow, actor=page.actor, investigation_id=iid)
    documents = list_documents(page.uow, actor=page.actor, person_id=found.person_id)
    context = {
        "inv": found,
        "documents": [(str(d.id), f"{d.filename} ({d.doc_type})") for d in documents],
        "document_names": {d.id: d.filename for d in documents},
        "log_person": found.person_id,
        "page_url": f"/staff/investigations/{iid}",
        **_words(page.request),
    }
    return page.show("staff/investigations/view.html", context, shown)
