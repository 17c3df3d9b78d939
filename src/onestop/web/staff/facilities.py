"""Facility caseloads on staff pages: the facilities (list, add, one facility with its residents and
rates), the officer's caseload by facility, and from the person's health page the stay in, the stay out
and a benefit paid to the facility.

Each post is one health service call; bad input re-renders the form with the error beside its box and
what was typed (422); a stale version answers 409 (someone else changed it).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop import health
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.health import schemas as s
from onestop.web.staff import forms
from onestop.web.staff import health as health_pages
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

FACILITY_KINDS = {
    "shelter": N_("Shelter"),
    "hospital": N_("Hospital"),
    "halfway_house": N_("Halfway house"),
    "residential": N_("Residential facility"),
}
BENEFIT_KINDS = health_pages.BENEFIT_KINDS
MONEY_STATES = health_pages.MONEY_STATES


class FacilityForm(forms.PageForm):
    """Adding a facility."""

    name: str = ""
    kind: str = ""
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    nightly_rate: str = ""
    monthly_rate: str = ""


class FacilityChangeForm(forms.PageForm):
    """New contact details or rates for a facility."""

    version: str = ""
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    nightly_rate: str = ""
    monthly_rate: str = ""


class StayInForm(forms.PageForm):
    """The person comes into a facility (boxes named for this page, which has other forms)."""

    facility_id: str = ""
    in_on: str = ""
    stay_reason: str = ""


class StayOutForm(forms.PageForm):
    """The person leaves."""

    version: str = ""
    out_on: str = ""
    out_reason: str = ""


class BenefitForm(forms.PageForm):
    """A benefit paid to the facility for the resident."""

    version: str = ""
    benefit_kind: str = ""
    amount: str = ""
    nights: str = ""
    pay_date: str = ""
    cheque_number: str = ""
    health_benefits: str = ""
    explanation: str = ""


@router.get("/facilities")
def facilities_page(page: Page) -> HTMLResponse:
    """Every facility with its residents now, and the form to add one."""
    return _list(page, forms.Shown(FacilityForm().model_dump()))


@router.post("/facilities")
def add_facility(page: Page, form: forms.Posted[FacilityForm]) -> Response:
    """Record a facility (its vendor payee in money waits for a second person)."""

    def act() -> s.FacilityPublic:
        data = forms.model(
            s.FacilityCreate,
            name=form.name,
            kind=form.kind,
            address=form.address,
            contact_name=form.contact_name or None,
            phone=form.phone or None,
            email=form.email or None,
            nightly_rate=form.nightly_rate or None,
            monthly_rate=form.monthly_rate or None,
        )
        return health.create_facility(page.uow, actor=page.actor, data=data)

    def done(made: s.FacilityPublic) -> Response:
        return page.to(f"/staff/facilities/{made.id}", N_("%(name)s is recorded."), name=made.name)

    return page.submit(form, act, done, functools.partial(_list, page))


@router.get("/facilities/caseload")
def caseload_page(page: Page) -> HTMLResponse:
    """The officer's residents by facility, now."""
    everyone = page.request.query_params.get("all") == "1"
    loads = health.caseload(page.uow, actor=page.actor, officer="*" if everyone else None)
    context = {"loads": loads, "everyone": everyone, "kinds": FACILITY_KINDS}
    return page.render("staff/facilities/caseload.html", context)


@router.get("/facilities/{facility_id:uuid}")
def facility_page(page: Page, facility_id: uuid.UUID) -> HTMLResponse:
    """A facility: contact, rates, who lives there now, past stays, benefits paid."""
    return _facility(page, facility_id)


@router.post("/facilities/{facility_id:uuid}")
def change_facility(page: Page, facility_id: uuid.UUID, form: forms.Posted[FacilityChangeForm]) -> Response:
    """Save new contact details or rates."""

    def act() -> object:
        data = forms.model(
            s.FacilityUpdate,
            version=forms.version(form.version),
            address=form.address,
            contact_name=form.contact_name,
            phone=form.phone,
            email=form.email,
            nightly_rate=form.nightly_rate or None,
            monthly_rate=form.monthly_rate or None,
        )
        return health.update_facility(page.uow, actor=page.actor, facility_id=facility_id, data=data)

    done = page.then(f"/staff/facilities/{facility_id}", N_("The facility is saved."))
    return page.submit(form, act, done, functools.partial(_facility, page, facility_id))


@router.post("/people/{person_id:uuid}/health/stays")
def stay_in(page: Page, person_id: uuid.UUID, form: forms.Posted[StayInForm]) -> Response:
    """Record that the person came into a facility."""
    try:
        data = forms.model(
            s.StayIn,
            person_id=person_id,
            facility_id=forms.optional_uuid(form.facility_id, "facility_id"),
            in_on=forms.form_date(form.in_on, "in_on"),
            reason=form.stay_reason or None,
        )
        stay = health.record_stay_in(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        field = {"reason": "stay_reason", "person_id": "form"}.get(err.field, err.field)
        return health_pages.page(
            page.request, page.uow, page.actor, person_id, "stay_in", form.model_dump(), err, field=field
        )
    page.flash(N_("The stay at %(name)s is recorded."), "success", name=stay.facility_name)
    return page.redirect(f"/staff/people/{person_id}/health#stays-title")


@router.post("/people/{person_id:uuid}/health/stays/{stay_id:uuid}/out")
def stay_out(
    page: Page, person_id: uuid.UUID, stay_id: uuid.UUID, form: forms.Posted[StayOutForm]
) -> Response:
    """Record the day the person left."""
    try:
        data = forms.model(
            s.StayOut,
            version=forms.version(form.version),
            out_on=forms.form_date(form.out_on, "out_on"),
            reason=form.out_reason or None,
        )
        stay = health.record_stay_out(page.uow, actor=page.actor, stay_id=stay_id, data=data)
    except InvalidInput as err:
        field = "out_reason" if err.field == "reason" else err.field
        return health_pages.page(
            page.request, page.uow, page.actor, person_id, "stay_out", form.model_dump(), err, field=field
        )
    page.flash(N_("The day out is recorded."), "success")
    if stay.recurring_ended:
        page.flash(N_("The monthly payment to the facility ends on the day out."), "success")
    if stay.recurring_to_end:
        page.flash(N_("A monthly payment to the facility is still set up in money: end it there."), "info")
    return page.redirect(f"/staff/people/{person_id}/health#stays-title")


@router.post("/people/{person_id:uuid}/health/stays/{stay_id:uuid}/benefits")
def pay(page: Page, person_id: uuid.UUID, stay_id: uuid.UUID, form: forms.Posted[BenefitForm]) -> Response:
    """Pay the facility for the resident through money."""
    try:
        if form.nights and not form.nights.isdigit():
            raise InvalidInput("nights", "must be a whole number")
        data = forms.model(
            s.BenefitCreate,
            version=forms.version(form.version),
            kind=form.benefit_kind,
            amount=form.amount or None,
            nights=int(form.nights) if form.nights else None,
            pay_date=forms.form_date(form.pay_date, "pay_date"),
            cheque_number=form.cheque_number or None,
            health_benefits=form.health_benefits == "yes",
            explanation=form.explanation,
        )
        paid = health.pay_benefit(page.uow, actor=page.actor, stay_id=stay_id, data=data)
    except InvalidInput as err:
        field = {"kind": "benefit_kind", "person_id": "health_benefits"}.get(err.field, err.field)
        return health_pages.page(
            page.request, page.uow, page.actor, person_id, "benefit", form.model_dump(), err, field=field
        )
    if paid.money_state == "approved":
        page.flash(N_("The payment of $%(amount)s is issued."), "success", amount=paid.amount)
    else:
        page.flash(
            N_("The payment of $%(amount)s waits for a second person's approval."),
            "info",
            amount=paid.amount,
        )
    return page.redirect(f"/staff/people/{person_id}/health#stays-title")


def _list(page: StaffPage, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "facilities": health.list_facilities(page.uow, actor=page.actor),
        "kinds": FACILITY_KINDS,
        "kind_options": page.options(FACILITY_KINDS),
    }
    return page.show("staff/facilities/list.html", context, shown)


def _facility(page: StaffPage, facility_id: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    context = {
        "file": health.facility_file(page.uow, actor=page.actor, facility_id=facility_id),
        "kinds": FACILITY_KINDS,
        "benefit_kinds": BENEFIT_KINDS,
        "money_states": MONEY_STATES,
    }
    return page.show("staff/facilities/facility.html", context, shown)
