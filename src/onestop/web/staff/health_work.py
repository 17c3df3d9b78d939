"""The officer's health work beyond the counter, one page per record, each reached from the person's
health page: end or renew a coverage period, record MCP registration, decide a special authorization,
receive, decide and pay an out-of-province claim, a landed-immigrant senior's 65Plus claim, and a
travel request (request, decide, vendor invoices, the return).

Each post is one health service call in one transaction; bad input re-renders the form with the error
beside its box and what was typed (422); a stale version answers 409. A page's forms name their boxes
apart (``end_reason``, ``renew_reason``) so that no two boxes of one page share an id.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop import health
from onestop.common.i18n import N_
from onestop.health import schemas as s
from onestop.web.staff.forms import PageForm, Posted, form_date, model, optional_uuid, version
from onestop.web.staff.health_page import PEOPLE, Page, View, record_view

router = APIRouter()

coverage_view = record_view(
    "staff/health/coverage.html", "coverage", lambda f: f.current + f.past, "coverage period"
)
authorization_view = record_view(
    "staff/health/authorization.html", "authorization", lambda f: f.authorizations, "special authorization"
)
_claim_view = record_view("staff/health/claim.html", "claim", lambda f: f.claims, "claim")
_senior_view = record_view(
    "staff/health/senior_claim.html", "claim", lambda f: f.senior_claims, "65Plus claim"
)
_trip_view = record_view("staff/health/trip.html", "trip", lambda f: f.travel, "travel request")
_MCP = View("staff/health/mcp.html")
_NEW_CLAIM = View("staff/health/claim_new.html")
_NEW_SENIOR = View("staff/health/senior_new.html")
_NEW_TRIP = View("staff/health/travel_new.html")


# --- coverage: end, renew ----------------------------------------------------------------------


class CoverageForm(PageForm):
    version: str = ""
    end_on: str = ""
    end_reason: str = ""
    start_on: str = ""
    renew_reason: str = ""


@router.get(PEOPLE + "/coverage/{coverage_id:uuid}")
def coverage_page(page: Page, coverage_id: uuid.UUID) -> HTMLResponse:
    """A coverage period, with the forms to end or renew it while it is active."""
    return page.render(coverage_view(coverage_id))


@router.post(PEOPLE + "/coverage/{coverage_id:uuid}/end")
def end_coverage(page: Page, coverage_id: uuid.UUID, form: Posted[CoverageForm]) -> Response:
    """End the period on a date, with the reason."""

    def act() -> object:
        end_on = form_date(form.end_on, "end_on")
        data = model(s.CoverageEnd, version=version(form.version), end_on=end_on, reason=form.end_reason)
        return health.end_coverage(page.uow, actor=page.actor, coverage_id=coverage_id, data=data)

    done = page.then("#coverage-title", N_("The coverage is ended."))
    return page.submit(coverage_view(coverage_id), form, act, done, {"reason": "end_reason"})


@router.post(PEOPLE + "/coverage/{coverage_id:uuid}/renew")
def renew_coverage(page: Page, coverage_id: uuid.UUID, form: Posted[CoverageForm]) -> Response:
    """Renew at review: the period ends and a new one follows."""

    def act() -> object:
        start_on = form_date(form.start_on, "start_on")
        data = model(
            s.CoverageRenew, version=version(form.version), start_on=start_on, reason=form.renew_reason
        )
        return health.renew_coverage(page.uow, actor=page.actor, coverage_id=coverage_id, data=data)

    done = page.then("#coverage-title", N_("The coverage is renewed."))
    return page.submit(coverage_view(coverage_id), form, act, done, {"reason": "renew_reason"})


# --- MCP ---------------------------------------------------------------------------------------


class McpForm(PageForm):
    status: str = ""
    number: str = ""
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""


@router.get(PEOPLE + "/mcp")
def mcp_page(page: Page) -> HTMLResponse:
    """The form to record MCP registration."""
    return page.render(_MCP)


@router.post(PEOPLE + "/mcp")
def record_mcp(page: Page, form: Posted[McpForm]) -> Response:
    """Record MCP registration (the number is encrypted and shown masked, and never sent back)."""

    def act() -> object:
        data = model(
            s.McpRecord,
            person_id=page.person_id,
            status=form.status,
            number=form.number or None,
            valid_from=form_date(form.valid_from, "valid_from"),
            valid_to=form_date(form.valid_to, "valid_to"),
            note=form.note or None,
        )
        return health.record_mcp(page.uow, actor=page.actor, data=data)

    done = page.then("#coverage-title", N_("MCP registration is recorded."))
    return page.submit(_MCP, form, act, done, {"number.number": "number"}, hide=("number",))


# --- special authorizations --------------------------------------------------------------------


class DecideAuthorizationForm(PageForm):
    version: str = ""
    outcome: str = ""
    decision_reason: str = ""
    decided_on: str = ""
    expires_on: str = ""


class ToldForm(PageForm):
    version: str = ""
    told: str = ""


@router.get(PEOPLE + "/authorizations/{authorization_id:uuid}")
def authorization_page(page: Page, authorization_id: uuid.UUID) -> HTMLResponse:
    """A special authorization request with the decision and what-the-client-was-told forms."""
    return page.render(authorization_view(authorization_id))


@router.post(PEOPLE + "/authorizations/{authorization_id:uuid}/decision")
def decide_authorization(
    page: Page, authorization_id: uuid.UUID, form: Posted[DecideAuthorizationForm]
) -> Response:
    """Record the program's answer (approved with its expiry, or denied), with the reason."""

    def act() -> object:
        data = model(
            s.AuthorizationDecide,
            version=version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            decided_on=form_date(form.decided_on, "decided_on"),
            expires_on=form_date(form.expires_on, "expires_on"),
        )
        return health.decide_authorization(
            page.uow, actor=page.actor, authorization_id=authorization_id, data=data
        )

    done = page.then("#authorizations-title", N_("The decision on the special authorization is recorded."))
    return page.submit(authorization_view(authorization_id), form, act, done, {"reason": "decision_reason"})


@router.post(PEOPLE + "/authorizations/{authorization_id:uuid}/told")
def client_told(page: Page, authorization_id: uuid.UUID, form: Posted[ToldForm]) -> Response:
    """Record what the client was told about the request."""

    def act() -> object:
        data = model(s.AuthorizationTold, version=version(form.version), told=form.told)
        return health.record_client_told(
            page.uow, actor=page.actor, authorization_id=authorization_id, data=data
        )

    done = page.then("#authorizations-title", N_("What the client was told is recorded."))
    return page.submit(authorization_view(authorization_id), form, act, done)


# --- out-of-province claims --------------------------------------------------------------------


class ClaimForm(PageForm):
    province: str = ""
    provider: str = ""
    service: str = ""
    service_from: str = ""
    service_to: str = ""
    amount: str = ""


class ContactForm(PageForm):
    version: str = ""
    contact_name: str = ""
    contact_role: str = ""
    contact_note: str = ""


class DecideClaimForm(PageForm):
    version: str = ""
    outcome: str = ""
    decision_reason: str = ""
    approved_amount: str = ""


class PayClaimForm(PageForm):
    version: str = ""
    pay_to: str = ""
    payee_id: str = ""
    method: str = ""
    pay_date: str = ""


@router.get(PEOPLE + "/claims/new")
def new_claim(page: Page) -> HTMLResponse:
    """The form to receive an out-of-province claim."""
    return page.render(_NEW_CLAIM)


@router.post(PEOPLE + "/claims")
def receive_claim(page: Page, form: Posted[ClaimForm]) -> Response:
    """Receive the claim (refused without MCP registration on the first day of service)."""

    def act() -> s.ClaimPublic:
        data = model(
            s.ClaimCreate,
            person_id=page.person_id,
            province=form.province.upper(),
            provider=form.provider,
            service=form.service,
            service_from=form_date(form.service_from, "service_from"),
            service_to=form_date(form.service_to, "service_to"),
            amount=form.amount,
        )
        return health.receive_claim(page.uow, actor=page.actor, data=data)

    def done(claim: s.ClaimPublic) -> Response:
        return page.to(f"/claims/{claim.id}", N_("The claim is received."))

    return page.submit(_NEW_CLAIM, form, act, done, {"person_id": "service_from"})


@router.get(PEOPLE + "/claims/{claim_id:uuid}")
def claim_page(page: Page, claim_id: uuid.UUID) -> HTMLResponse:
    """A claim with the consultation, decision and payment forms its status allows."""
    return page.render(_claim_view(claim_id))


@router.post(PEOPLE + "/claims/{claim_id:uuid}/contacts")
def claim_contact(page: Page, claim_id: uuid.UUID, form: Posted[ContactForm]) -> Response:
    """Record a consultation with a health professional of the other province."""

    def act() -> object:
        data = model(
            s.ClaimContact,
            version=version(form.version),
            name=form.contact_name,
            role=form.contact_role,
            note=form.contact_note,
        )
        return health.add_contact(page.uow, actor=page.actor, claim_id=claim_id, data=data)

    boxes = {"name": "contact_name", "role": "contact_role", "note": "contact_note"}
    done = page.then(f"/claims/{claim_id}", N_("The consultation is recorded."))
    return page.submit(_claim_view(claim_id), form, act, done, boxes)


@router.post(PEOPLE + "/claims/{claim_id:uuid}/decision")
def decide_claim(page: Page, claim_id: uuid.UUID, form: Posted[DecideClaimForm]) -> Response:
    """Approve all or part, or deny, with the reasons (the appeal rights follow)."""

    def act() -> object:
        data = model(
            s.ClaimDecide,
            version=version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            approved_amount=form.approved_amount or None,
        )
        return health.decide_claim(page.uow, actor=page.actor, claim_id=claim_id, data=data)

    done = page.then(f"/claims/{claim_id}", N_("The decision on the claim is recorded."))
    return page.submit(_claim_view(claim_id), form, act, done, {"reason": "decision_reason"})


@router.post(PEOPLE + "/claims/{claim_id:uuid}/payment")
def pay_claim(page: Page, claim_id: uuid.UUID, form: Posted[PayClaimForm]) -> Response:
    """Pay the approved claim through money, to the person or the provider."""

    def act() -> object:
        data = model(
            s.ClaimPay,
            version=version(form.version),
            pay_to=form.pay_to,
            payee_id=optional_uuid(form.payee_id, "payee_id"),
            method=form.method or "cheque",
            pay_date=form_date(form.pay_date, "pay_date"),
        )
        return health.pay_claim(page.uow, actor=page.actor, claim_id=claim_id, data=data)

    done = page.then(f"/claims/{claim_id}", N_("The claim is paid."))
    return page.submit(_claim_view(claim_id), form, act, done)


# --- 65Plus for landed-immigrant seniors -------------------------------------------------------


class SeniorForm(PageForm):
    landed_immigrant: str = ""
    receives_oas: str = ""
    receives_gis: str = ""
    received_on: str = ""
    note: str = ""


class DecideSeniorForm(PageForm):
    version: str = ""
    outcome: str = ""
    decision_reason: str = ""
    start_on: str = ""


@router.get(PEOPLE + "/senior-claims/new")
def new_senior_claim(page: Page) -> HTMLResponse:
    """The form to receive a landed-immigrant senior's 65Plus claim."""
    return page.render(_NEW_SENIOR)


@router.post(PEOPLE + "/senior-claims")
def receive_senior_claim(page: Page, form: Posted[SeniorForm]) -> Response:
    """Receive the claim: its conditions are checked and the reference's gaps named."""

    def act() -> s.SeniorClaimPublic:
        data = model(
            s.SeniorClaimCreate,
            person_id=page.person_id,
            landed_immigrant=form.landed_immigrant == "yes",
            receives_oas=form.receives_oas == "yes",
            receives_gis=form.receives_gis == "yes",
            received_on=form_date(form.received_on, "received_on"),
            note=form.note or None,
        )
        return health.receive_senior_claim(page.uow, actor=page.actor, data=data)

    def done(claim: s.SeniorClaimPublic) -> Response:
        return page.to(f"/senior-claims/{claim.id}", N_("The 65Plus claim is received."))

    return page.submit(_NEW_SENIOR, form, act, done, {"person_id": "form"})


@router.get(PEOPLE + "/senior-claims/{claim_id:uuid}")
def senior_claim_page(page: Page, claim_id: uuid.UUID) -> HTMLResponse:
    """A 65Plus claim with its conditions, gaps and the decision form."""
    return page.render(_senior_view(claim_id))


@router.post(PEOPLE + "/senior-claims/{claim_id:uuid}/decision")
def decide_senior_claim(page: Page, claim_id: uuid.UUID, form: Posted[DecideSeniorForm]) -> Response:
    """Approve (65Plus coverage starts) or deny, with the reasons."""

    def act() -> object:
        data = model(
            s.SeniorClaimDecide,
            version=version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            start_on=form_date(form.start_on, "start_on"),
        )
        return health.decide_senior_claim(page.uow, actor=page.actor, claim_id=claim_id, data=data)

    done = page.then(f"/senior-claims/{claim_id}", N_("The decision on the 65Plus claim is recorded."))
    return page.submit(_senior_view(claim_id), form, act, done, {"reason": "decision_reason"})


# --- travel ------------------------------------------------------------------------------------

LEGS = 3  # boxes for up to three legs on the request form (out, connection, back)


class TravelForm(PageForm):
    kind: str = ""
    reason: str = ""
    return_on: str = ""
    estimated_cost: str = ""
    leg1_from: str = ""
    leg1_to: str = ""
    leg1_carrier: str = ""
    leg1_date: str = ""
    leg2_from: str = ""
    leg2_to: str = ""
    leg2_carrier: str = ""
    leg2_date: str = ""
    leg3_from: str = ""
    leg3_to: str = ""
    leg3_carrier: str = ""
    leg3_date: str = ""


class DecideTravelForm(PageForm):
    version: str = ""
    outcome: str = ""
    decision_reason: str = ""
    amount: str = ""
    payee_id: str = ""
    method: str = ""


class TravelInvoiceForm(PageForm):
    version: str = ""
    invoice_payee_id: str = ""
    vendor_reference: str = ""
    invoice_amount: str = ""


class ReturnForm(PageForm):
    version: str = ""
    returned_on: str = ""
    return_note: str = ""


def _legs(form: TravelForm) -> list[dict[str, Any]]:
    """The legs typed (a row left empty is skipped; a half-filled one goes to the service to refuse)."""
    values = form.model_dump()
    legs = []
    for n in range(1, LEGS + 1):
        row = {k: values[f"leg{n}_{k}"] for k in ("from", "to", "carrier", "date")}
        if any(row.values()):
            legs.append(
                {
                    "from_place": row["from"],
                    "to_place": row["to"],
                    "carrier": row["carrier"],
                    "depart_on": form_date(row["date"], f"leg{n}_date"),
                }
            )
    return legs


def _leg_box(field: str) -> str:
    """``legs[1].carrier`` (the service) or ``legs.1.carrier`` (the model) -> ``leg2_carrier``."""
    if field.startswith("legs."):
        parts = field.split(".")
        field = f"legs[{parts[1]}]" + (f".{parts[2]}" if len(parts) > 2 else "")
    if field.startswith("legs[") and "]" in field:
        index, _, tail = field[5:].partition("]")
        box = tail.lstrip(".")
        name = {"from_place": "from", "to_place": "to", "depart_on": "date"}.get(box, box)
        if index.isdigit():
            return f"leg{int(index) + 1}_{name}" if name else "leg1_from"
    return "leg1_from" if field == "legs" else field


@router.get(PEOPLE + "/travel/new")
def new_travel(page: Page) -> HTMLResponse:
    """The travel request form."""
    return page.render(_NEW_TRIP)


@router.post(PEOPLE + "/travel")
def request_travel(page: Page, form: Posted[TravelForm]) -> Response:
    """Record the request: why, the itinerary, the return and the estimate."""

    def act() -> s.TravelPublic:
        data = model(
            s.TravelCreate,
            person_id=page.person_id,
            kind=form.kind,
            reason=form.reason,
            legs=_legs(form),
            return_on=form_date(form.return_on, "return_on"),
            estimated_cost=form.estimated_cost,
        )
        return health.request_travel(page.uow, actor=page.actor, data=data)

    def done(trip: s.TravelPublic) -> Response:
        return page.to(f"/travel/{trip.id}", N_("The travel request is recorded."))

    return page.submit(_NEW_TRIP, form, act, done, _leg_box)


@router.get(PEOPLE + "/travel/{travel_id:uuid}")
def trip_page(page: Page, travel_id: uuid.UUID) -> HTMLResponse:
    """A trip with the decision, invoice and return forms its status allows."""
    return page.render(_trip_view(travel_id))


@router.post(PEOPLE + "/travel/{travel_id:uuid}/decision")
def decide_travel(page: Page, travel_id: uuid.UUID, form: Posted[DecideTravelForm]) -> Response:
    """Approve (paid to the carrier or agency within authority) or deny."""

    def act() -> object:
        data = model(
            s.TravelDecide,
            version=version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            amount=form.amount or None,
            payee_id=optional_uuid(form.payee_id, "payee_id"),
            method=form.method or "cheque",
        )
        return health.decide_travel(page.uow, actor=page.actor, travel_id=travel_id, data=data)

    done = page.then(f"/travel/{travel_id}", N_("The decision on the trip is recorded."))
    return page.submit(_trip_view(travel_id), form, act, done, {"reason": "decision_reason"})


@router.post(PEOPLE + "/travel/{travel_id:uuid}/invoices")
def travel_invoice(page: Page, travel_id: uuid.UUID, form: Posted[TravelInvoiceForm]) -> Response:
    """Enter a vendor's invoice for the trip (approved and paid in money)."""

    def act() -> object:
        data = model(
            s.TravelInvoice,
            version=version(form.version),
            payee_id=optional_uuid(form.invoice_payee_id, "payee_id"),
            vendor_reference=form.vendor_reference,
            amount=form.invoice_amount,
        )
        return health.add_travel_invoice(page.uow, actor=page.actor, travel_id=travel_id, data=data)

    boxes = {"payee_id": "invoice_payee_id", "amount": "invoice_amount"}
    done = page.then(f"/travel/{travel_id}", N_("The invoice is entered."))
    return page.submit(_trip_view(travel_id), form, act, done, boxes)


@router.post(PEOPLE + "/travel/{travel_id:uuid}/return")
def travel_return(page: Page, travel_id: uuid.UUID, form: Posted[ReturnForm]) -> Response:
    """The follow-up on return."""

    def act() -> object:
        returned_on = form_date(form.returned_on, "returned_on")
        data = model(
            s.TravelReturn, version=version(form.version), returned_on=returned_on, note=form.return_note
        )
        return health.record_return(page.uow, actor=page.actor, travel_id=travel_id, data=data)

    done = page.then(f"/travel/{travel_id}", N_("The return is recorded."))
    return page.submit(_trip_view(travel_id), form, act, done, {"note": "return_note"})
