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
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import health, money
from onestop.access.permissions import Actor, Permission
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.health import schemas as s
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model, optional_uuid
from onestop.web.staff.health import PLANS, STATUSES

router = APIRouter()

OUTCOMES = {"approved": N_("Approve"), "denied": N_("Deny")}
MCP_STATUSES = {
    "registered": N_("Registered"),
    "applied": N_("Applied"),
    "expired": N_("Expired"),
    "cancelled": N_("Cancelled"),
}
TRAVEL_KINDS = {
    "medical": N_("Medical care not available in the province"),
    "stranded": N_("Stranded person"),
}
TRAVEL_STATUSES = {"requested": N_("Requested"), "returned": N_("Returned")}
PAY_TO = {"person": N_("The person (they paid the bill)"), "provider": N_("The provider")}
METHODS = {"cheque": N_("Cheque"), "third_party": N_("Direct deposit to the payee")}
RESTRICTION_KINDS = {
    "drug": N_("One drug"),
    "drug_class": N_("A class of drugs"),
    "single_pharmacy": N_("One pharmacy only"),
}

_PEOPLE = "/people/{person_id:uuid}/health"


def _version(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


def _date(raw: str, field: str) -> Any:
    return parse_date(raw, field=field) if raw else None


def _options(request: Request, labels: dict[str, str]) -> list[tuple[str, str]]:
    return [(k, pages.gettext(request, v)) for k, v in labels.items()]


def _errors(
    request: Request, err: InvalidInput, boxes: dict[str, str], form: type[PageForm]
) -> dict[str, str]:
    """The error beside its box: ``boxes`` maps a service field to the form's box of another name."""
    field = boxes.get(err.field, err.field)
    return form_errors(request, InvalidInput(field, err.problem), set(form.model_fields))


def _find(items: Sequence[Any], item_id: uuid.UUID, what: str) -> Any:
    for item in items:
        if item.id == item_id:
            return item
    raise health.HealthRecordNotFound(f"no {what} with id {item_id} for this person")


def _render(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    template: str,
    pick: Callable[[s.HealthFile], dict[str, Any]],
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    """A page about one of the person's health records (``pick`` finds it in their health file)."""
    person = get_person(uow, actor=actor, person_id=person_id, purpose="health and drug coverage")
    file = health.health_file(uow, actor=actor, person_id=person_id)
    payees: list[tuple[str, str]] = []
    if actor.can(Permission.MONEY_ISSUE):
        payees = [(str(p.id), p.name) for p in money.list_payees(uow, actor=actor) if p.state == "approved"]
    context = {
        "person": person,
        "values": values or {},
        "errors": errors or {},
        "plan_labels": PLANS,
        "status_labels": STATUSES,
        "outcomes": _options(request, OUTCOMES),
        "mcp_statuses": _options(request, MCP_STATUSES),
        "travel_kinds": _options(request, TRAVEL_KINDS),
        "pay_to": _options(request, PAY_TO),
        "methods": _options(request, METHODS),
        "restriction_kinds": _options(request, RESTRICTION_KINDS),
        "payees": [("", "–"), *payees],
        "log_person": person_id,
        **pick(file),
    }
    return pages.render(request, template, context, status_code=status_code)


def _back(request: Request, person_id: uuid.UUID, anchor: str, message: str) -> Response:
    """Back to the person's health page at the section, with the (untranslated) message."""
    pages.flash(request, message, "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health#{anchor}")


# --- coverage: end, renew ----------------------------------------------------------------------


class CoverageForm(PageForm):
    version: str = ""
    end_on: str = ""
    end_reason: str = ""
    start_on: str = ""
    renew_reason: str = ""


def _coverage(cid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"coverage": _find(f.current + f.past, cid, "coverage period")}


@router.get(_PEOPLE + "/coverage/{coverage_id:uuid}")
def coverage_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, coverage_id: uuid.UUID
) -> HTMLResponse:
    """A coverage period, with the forms to end or renew it while it is active."""
    return _render(request, uow, actor, person_id, "staff/health/coverage.html", _coverage(coverage_id))


@router.post(_PEOPLE + "/coverage/{coverage_id:uuid}/end")
def end_coverage(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    coverage_id: uuid.UUID,
    form: Annotated[CoverageForm, Form()],
) -> Response:
    """End the period on a date, with the reason."""
    try:
        data = model(
            s.CoverageEnd,
            version=_version(form.version),
            end_on=_date(form.end_on, "end_on"),
            reason=form.end_reason,
        )
        health.end_coverage(uow, actor=actor, coverage_id=coverage_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "end_reason"}, CoverageForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            "staff/health/coverage.html",
            _coverage(coverage_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    return _back(request, person_id, "coverage-title", N_("The coverage is ended."))


@router.post(_PEOPLE + "/coverage/{coverage_id:uuid}/renew")
def renew_coverage(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    coverage_id: uuid.UUID,
    form: Annotated[CoverageForm, Form()],
) -> Response:
    """Renew at review: the period ends and a new one follows."""
    try:
        data = model(
            s.CoverageRenew,
            version=_version(form.version),
            start_on=_date(form.start_on, "start_on"),
            reason=form.renew_reason,
        )
        health.renew_coverage(uow, actor=actor, coverage_id=coverage_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "renew_reason"}, CoverageForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            "staff/health/coverage.html",
            _coverage(coverage_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    return _back(request, person_id, "coverage-title", N_("The coverage is renewed."))


# --- MCP ---------------------------------------------------------------------------------------


class McpForm(PageForm):
    status: str = ""
    number: str = ""
    valid_from: str = ""
    valid_to: str = ""
    note: str = ""


def _nothing(_: s.HealthFile) -> dict[str, Any]:
    return {}


@router.get(_PEOPLE + "/mcp")
def mcp_page(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The form to record MCP registration."""
    return _render(request, uow, actor, person_id, "staff/health/mcp.html", _nothing)


@router.post(_PEOPLE + "/mcp")
def record_mcp(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, form: Annotated[McpForm, Form()]
) -> Response:
    """Record MCP registration (the number is encrypted and shown masked)."""
    try:
        data = model(
            s.McpRecord,
            person_id=person_id,
            status=form.status,
            number=form.number or None,
            valid_from=_date(form.valid_from, "valid_from"),
            valid_to=_date(form.valid_to, "valid_to"),
            note=form.note or None,
        )
        health.record_mcp(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"number.number": "number"}, McpForm)
        values = form.model_dump() | {"number": ""}  # the number is never sent back
        return _render(
            request, uow, actor, person_id, "staff/health/mcp.html", _nothing, values, errors, status_code=422
        )
    return _back(request, person_id, "coverage-title", N_("MCP registration is recorded."))


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


def _authorization(aid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"authorization": _find(f.authorizations, aid, "special authorization")}


_AUTH = "staff/health/authorization.html"


@router.get(_PEOPLE + "/authorizations/{authorization_id:uuid}")
def authorization_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, authorization_id: uuid.UUID
) -> HTMLResponse:
    """A special authorization request with the decision and what-the-client-was-told forms."""
    return _render(request, uow, actor, person_id, _AUTH, _authorization(authorization_id))


@router.post(_PEOPLE + "/authorizations/{authorization_id:uuid}/decision")
def decide_authorization(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    authorization_id: uuid.UUID,
    form: Annotated[DecideAuthorizationForm, Form()],
) -> Response:
    """Record the program's answer (approved with its expiry, or denied), with the reason."""
    try:
        data = model(
            s.AuthorizationDecide,
            version=_version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            decided_on=_date(form.decided_on, "decided_on"),
            expires_on=_date(form.expires_on, "expires_on"),
        )
        health.decide_authorization(uow, actor=actor, authorization_id=authorization_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "decision_reason"}, DecideAuthorizationForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _AUTH,
            _authorization(authorization_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    message = N_("The decision on the special authorization is recorded.")
    return _back(request, person_id, "authorizations-title", message)


@router.post(_PEOPLE + "/authorizations/{authorization_id:uuid}/told")
def client_told(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    authorization_id: uuid.UUID,
    form: Annotated[ToldForm, Form()],
) -> Response:
    """Record what the client was told about the request."""
    try:
        data = model(s.AuthorizationTold, version=_version(form.version), told=form.told)
        health.record_client_told(uow, actor=actor, authorization_id=authorization_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {}, ToldForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _AUTH,
            _authorization(authorization_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    message = N_("What the client was told is recorded.")
    return _back(request, person_id, "authorizations-title", message)


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


_CLAIM = "staff/health/claim.html"


def _claim(cid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"claim": _find(f.claims, cid, "claim")}


@router.get(_PEOPLE + "/claims/new")
def new_claim(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The form to receive an out-of-province claim."""
    return _render(request, uow, actor, person_id, "staff/health/claim_new.html", _nothing)


@router.post(_PEOPLE + "/claims")
def receive_claim(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, form: Annotated[ClaimForm, Form()]
) -> Response:
    """Receive the claim (refused without MCP registration on the first day of service)."""
    try:
        data = model(
            s.ClaimCreate,
            person_id=person_id,
            province=form.province.upper(),
            provider=form.provider,
            service=form.service,
            service_from=_date(form.service_from, "service_from"),
            service_to=_date(form.service_to, "service_to"),
            amount=form.amount,
        )
        claim = health.receive_claim(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"person_id": "service_from"}, ClaimForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            "staff/health/claim_new.html",
            _nothing,
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The claim is received."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/claims/{claim.id}")


@router.get(_PEOPLE + "/claims/{claim_id:uuid}")
def claim_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, claim_id: uuid.UUID
) -> HTMLResponse:
    """A claim with the consultation, decision and payment forms its status allows."""
    return _render(request, uow, actor, person_id, _CLAIM, _claim(claim_id))


@router.post(_PEOPLE + "/claims/{claim_id:uuid}/contacts")
def claim_contact(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    claim_id: uuid.UUID,
    form: Annotated[ContactForm, Form()],
) -> Response:
    """Record a consultation with a health professional of the other province."""
    try:
        data = model(
            s.ClaimContact,
            version=_version(form.version),
            name=form.contact_name,
            role=form.contact_role,
            note=form.contact_note,
        )
        health.add_contact(uow, actor=actor, claim_id=claim_id, data=data)
    except InvalidInput as err:
        boxes = {"name": "contact_name", "role": "contact_role", "note": "contact_note"}
        errors = _errors(request, err, boxes, ContactForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _CLAIM,
            _claim(claim_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The consultation is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/claims/{claim_id}")


@router.post(_PEOPLE + "/claims/{claim_id:uuid}/decision")
def decide_claim(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    claim_id: uuid.UUID,
    form: Annotated[DecideClaimForm, Form()],
) -> Response:
    """Approve all or part, or deny, with the reasons (the appeal rights follow)."""
    try:
        data = model(
            s.ClaimDecide,
            version=_version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            approved_amount=form.approved_amount or None,
        )
        health.decide_claim(uow, actor=actor, claim_id=claim_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "decision_reason"}, DecideClaimForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _CLAIM,
            _claim(claim_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The decision on the claim is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/claims/{claim_id}")


@router.post(_PEOPLE + "/claims/{claim_id:uuid}/payment")
def pay_claim(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    claim_id: uuid.UUID,
    form: Annotated[PayClaimForm, Form()],
) -> Response:
    """Pay the approved claim through money, to the person or the provider."""
    try:
        data = model(
            s.ClaimPay,
            version=_version(form.version),
            pay_to=form.pay_to,
            payee_id=optional_uuid(form.payee_id, "payee_id"),
            method=form.method or "cheque",
            pay_date=_date(form.pay_date, "pay_date"),
        )
        health.pay_claim(uow, actor=actor, claim_id=claim_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {}, PayClaimForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _CLAIM,
            _claim(claim_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The claim is paid."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/claims/{claim_id}")


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


_SENIOR = "staff/health/senior_claim.html"


def _senior(cid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"claim": _find(f.senior_claims, cid, "65Plus claim")}


@router.get(_PEOPLE + "/senior-claims/new")
def new_senior_claim(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The form to receive a landed-immigrant senior's 65Plus claim."""
    return _render(request, uow, actor, person_id, "staff/health/senior_new.html", _nothing)


@router.post(_PEOPLE + "/senior-claims")
def receive_senior_claim(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    form: Annotated[SeniorForm, Form()],
) -> Response:
    """Receive the claim: its conditions are checked and the reference's gaps named."""
    try:
        data = model(
            s.SeniorClaimCreate,
            person_id=person_id,
            landed_immigrant=form.landed_immigrant == "yes",
            receives_oas=form.receives_oas == "yes",
            receives_gis=form.receives_gis == "yes",
            received_on=_date(form.received_on, "received_on"),
            note=form.note or None,
        )
        claim = health.receive_senior_claim(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"person_id": "form"}, SeniorForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            "staff/health/senior_new.html",
            _nothing,
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The 65Plus claim is received."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/senior-claims/{claim.id}")


@router.get(_PEOPLE + "/senior-claims/{claim_id:uuid}")
def senior_claim_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, claim_id: uuid.UUID
) -> HTMLResponse:
    """A 65Plus claim with its conditions, gaps and the decision form."""
    return _render(request, uow, actor, person_id, _SENIOR, _senior(claim_id))


@router.post(_PEOPLE + "/senior-claims/{claim_id:uuid}/decision")
def decide_senior_claim(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    claim_id: uuid.UUID,
    form: Annotated[DecideSeniorForm, Form()],
) -> Response:
    """Approve (65Plus coverage starts) or deny, with the reasons."""
    try:
        data = model(
            s.SeniorClaimDecide,
            version=_version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            start_on=_date(form.start_on, "start_on"),
        )
        health.decide_senior_claim(uow, actor=actor, claim_id=claim_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "decision_reason"}, DecideSeniorForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _SENIOR,
            _senior(claim_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The decision on the 65Plus claim is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/senior-claims/{claim_id}")


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


_TRIP = "staff/health/trip.html"


def _trip(tid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"trip": _find(f.travel, tid, "travel request")}


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
                    "depart_on": _date(row["date"], f"leg{n}_date"),
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


@router.get(_PEOPLE + "/travel/new")
def new_travel(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The travel request form."""
    return _render(request, uow, actor, person_id, "staff/health/travel_new.html", _nothing)


@router.post(_PEOPLE + "/travel")
def request_travel(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    form: Annotated[TravelForm, Form()],
) -> Response:
    """Record the request: why, the itinerary, the return and the estimate."""
    try:
        data = model(
            s.TravelCreate,
            person_id=person_id,
            kind=form.kind,
            reason=form.reason,
            legs=_legs(form),
            return_on=_date(form.return_on, "return_on"),
            estimated_cost=form.estimated_cost,
        )
        trip = health.request_travel(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(
            request, InvalidInput(_leg_box(err.field), err.problem), set(TravelForm.model_fields)
        )
        return _render(
            request,
            uow,
            actor,
            person_id,
            "staff/health/travel_new.html",
            _nothing,
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The travel request is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/travel/{trip.id}")


@router.get(_PEOPLE + "/travel/{travel_id:uuid}")
def trip_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, travel_id: uuid.UUID
) -> HTMLResponse:
    """A trip with the decision, invoice and return forms its status allows."""
    return _render(request, uow, actor, person_id, _TRIP, _trip(travel_id))


@router.post(_PEOPLE + "/travel/{travel_id:uuid}/decision")
def decide_travel(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    travel_id: uuid.UUID,
    form: Annotated[DecideTravelForm, Form()],
) -> Response:
    """Approve (paid to the carrier or agency within authority) or deny."""
    try:
        data = model(
            s.TravelDecide,
            version=_version(form.version),
            outcome=form.outcome,
            reason=form.decision_reason,
            amount=form.amount or None,
            payee_id=optional_uuid(form.payee_id, "payee_id"),
            method=form.method or "cheque",
        )
        health.decide_travel(uow, actor=actor, travel_id=travel_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"reason": "decision_reason"}, DecideTravelForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _TRIP,
            _trip(travel_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The decision on the trip is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/travel/{travel_id}")


@router.post(_PEOPLE + "/travel/{travel_id:uuid}/invoices")
def travel_invoice(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    travel_id: uuid.UUID,
    form: Annotated[TravelInvoiceForm, Form()],
) -> Response:
    """Enter a vendor's invoice for the trip (approved and paid in money)."""
    try:
        data = model(
            s.TravelInvoice,
            version=_version(form.version),
            payee_id=optional_uuid(form.invoice_payee_id, "payee_id"),
            vendor_reference=form.vendor_reference,
            amount=form.invoice_amount,
        )
        health.add_travel_invoice(uow, actor=actor, travel_id=travel_id, data=data)
    except InvalidInput as err:
        boxes = {"payee_id": "invoice_payee_id", "amount": "invoice_amount"}
        errors = _errors(request, err, boxes, TravelInvoiceForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _TRIP,
            _trip(travel_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The invoice is entered."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/travel/{travel_id}")


@router.post(_PEOPLE + "/travel/{travel_id:uuid}/return")
def travel_return(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    travel_id: uuid.UUID,
    form: Annotated[ReturnForm, Form()],
) -> Response:
    """The follow-up on return."""
    try:
        data = model(
            s.TravelReturn,
            version=_version(form.version),
            returned_on=_date(form.returned_on, "returned_on"),
            note=form.return_note,
        )
        health.record_return(uow, actor=actor, travel_id=travel_id, data=data)
    except InvalidInput as err:
        errors = _errors(request, err, {"note": "return_note"}, ReturnForm)
        return _render(
            request,
            uow,
            actor,
            person_id,
            _TRIP,
            _trip(travel_id),
            form.model_dump(),
            errors,
            status_code=422,
        )
    pages.flash(request, N_("The return is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/health/travel/{travel_id}")
