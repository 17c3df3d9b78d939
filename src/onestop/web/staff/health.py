"""The person's health page: drug coverage (current and past), MCP, emergency drug cards, special
authorizations, co-pays and out-of-province claims, with forms for what the officer does at the counter
(issue a card, cost a prescription, record a special authorization request, cancel a card).

Forms are parsed with FastAPI form models; paths use the uuid convertor. Every rule is the service's.
"""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from pydantic import BaseModel
from starlette.responses import HTMLResponse, Response

from onestop import health
from onestop.access import Actor, Permission
from onestop.cases import decisions
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.health import schemas as s
from onestop.health import terms
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.staff.forms import Posted, model, option_labels, version
from onestop.web.staff.health_page import PLANS, STATUSES, HealthPage, Page

router = APIRouter()

BENEFIT_KINDS = {
    "one_time": N_("One-time payment"),
    "recurring": N_("Recurring payment (monthly)"),
    "cheque": N_("Manual cheque"),
}
MONEY_STATES = {
    "approved": N_("Approved"),
    "pending_approval": N_("Waiting for a second person's approval"),
    "ended": N_("Ended on the day out"),
    "end_pending_approval": N_("Ending waits for a second person's approval"),
}


class CardForm(BaseModel):
    """The card form's boxes (the CSRF token and anything else are ignored)."""

    valid_to: str = ""
    reason: str = ""
    note: str = ""


class CopayForm(BaseModel):
    """The co-pay form's boxes."""

    din: str = ""
    drug_name: str = ""
    quantity: str = ""
    unit_price: str = ""
    dispensing_fee: str = ""


class AuthorizationForm(BaseModel):
    """The special authorization form's boxes."""

    din: str = ""
    drug_name: str = ""
    prescriber: str = ""
    reason: str = ""


class FromDecisionForm(BaseModel):
    """Coverage from a decision in force: which one, and how it applies."""

    decision_id: str = ""
    left_for_work: str = ""
    applicant_only: str = ""


class CancelForm(BaseModel):
    """Cancelling a card."""

    reason: str = ""
    version: str = ""


@router.get("/people/{person_id:uuid}/health")
def health_page(page: Page) -> HTMLResponse:
    """The person's health page."""
    return person_page(page)


@router.post("/people/{person_id:uuid}/health/cards")
def issue_card(page: Page, form: Posted[CardForm]) -> Response:
    """Issue an emergency drug card."""
    try:
        data = model(
            s.CardIssue,
            person_id=page.person_id,
            valid_to=form.valid_to or None,
            reason=form.reason,
            note=form.note or None,
        )
        card = health.issue_card(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return person_page(page, "card", form.model_dump(), err)
    return page.to("#cards-title", N_("Emergency drug card %(number)s is issued."), number=card.number)


@router.post("/people/{person_id:uuid}/health/copays")
def cost(page: Page, form: Posted[CopayForm]) -> Response:
    """Cost a prescription under the person's coverage."""
    try:
        data = model(
            s.CopayRequest,
            person_id=page.person_id,
            din=form.din,
            drug_name=form.drug_name,
            quantity=form.quantity or None,
            unit_price=form.unit_price or None,
            dispensing_fee=form.dispensing_fee or None,
        )
        health.cost_prescription(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return person_page(page, "copay", form.model_dump(), err)
    return page.to("#copays-title", N_("The prescription is costed."))


@router.post("/people/{person_id:uuid}/health/authorizations")
def submit(page: Page, form: Posted[AuthorizationForm]) -> Response:
    """Record a special authorization request."""
    try:
        data = model(s.AuthorizationCreate, person_id=page.person_id, **form.model_dump())
        health.submit_authorization(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return person_page(page, "authorization", form.model_dump(), err)
    return page.to("#authorizations-title", N_("The special authorization request is recorded."))


@router.post("/people/{person_id:uuid}/health/coverage/from-decision")
def from_decision(page: Page, form: Posted[FromDecisionForm]) -> Response:
    """Start (or end) the plan's coverage from a decision in force; leaving Income Support for work
    keeps Foundation coverage the reference's months."""
    try:
        data = model(
            s.CoverageFromDecision,
            decision_id=form.decision_id or None,
            left_for_work=form.left_for_work == "yes",
            household=form.applicant_only != "yes",
        )
        change = health.apply_decision(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return person_page(page, "from_decision", form.model_dump(), err)
    message = N_("Coverage from the decision: %(started)s started, %(ended)s ended.")
    return page.to("#coverage-title", message, started=len(change.started), ended=len(change.ended))


@router.post("/people/{person_id:uuid}/health/cards/{card_id:uuid}/cancel")
def cancel(page: Page, card_id: uuid.UUID, form: Posted[CancelForm]) -> Response:
    """Cancel a card."""
    try:
        data = model(s.CardCancel, reason=form.reason, version=version(form.version))
        health.cancel_card(page.uow, actor=page.actor, card_id=card_id, data=data)
    except InvalidInput as err:
        return person_page(page, "cancel", form.model_dump(), err)
    return page.to("#cards-title", N_("The card is cancelled."))


def person_page(
    here: HealthPage,
    form: str = "",
    values: dict[str, Any] | None = None,
    err: InvalidInput | None = None,
    *,
    field: str | None = None,
) -> HTMLResponse:
    """The person's health page of this request (see ``page``)."""
    return page(here.request, here.uow, here.actor, here.person_id, form, values, err, field=field)


def page(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    form: str = "",
    values: dict[str, Any] | None = None,
    err: InvalidInput | None = None,
    *,
    field: str | None = None,
) -> HTMLResponse:
    """The person's health page; after a refused form, the error beside ``field`` (the service's field
    unless the form names its box differently) and what was typed, with status 422."""
    person = get_person(uow, actor=actor, person_id=person_id, purpose="health and drug coverage")
    file = health.health_file(uow, actor=actor, person_id=person_id)
    stays = health.person_stays(uow, actor=actor, person_id=person_id)
    facilities = health.list_facilities(uow, actor=actor, active_only=True)
    decided = []
    if actor.can(Permission.CASE_READ):
        found = decisions.list_decisions(uow, actor=actor, person_id=person_id)
        decided = [d for d in found if d.program in terms.config().programs]
    errors = {(field or err.field): pages.gettext(request, err.problem)} if err else {}
    context = {
        "person": person,
        "file": file,
        "stays": stays,
        "open_stay": next((st for st in stays.stays if st.out_on is None), None),
        "facilities": facilities,
        "facility_options": [(str(f.id), f.name) for f in facilities],
        "decision_options": [
            (str(d.id), f"{d.program}: {d.outcome}, {d.effective_from.isoformat()}") for d in decided
        ],
        "form": form,
        "values": values or {},
        "errors": errors,
        "plan_labels": PLANS,
        "status_labels": STATUSES,
        "benefit_kinds": option_labels(request, BENEFIT_KINDS),
        "money_states": MONEY_STATES,
        "log_person": person_id,
    }
    return pages.render(request, "staff/health/person.html", context, status_code=422 if err else 200)
