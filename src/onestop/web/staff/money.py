"""Emergency funds with the authority check shown before submitting, and the supervisor's approval queue.

The authority check is the money area's ``check_authority`` (pure, no side effect). With JavaScript,
htmx asks for it each time the amount or the kind changes and the form then issues directly; without
it, "Continue" shows a confirm step with the same check before anything is issued. A key generated
with the form makes a double submission pay once.
"""

from __future__ import annotations

import uuid
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.common.money import to_cents
from onestop.money import (
    AuthorityDecision,
    IssuanceCreate,
    PayeeCreate,
    check_authority,
    create_payee,
    decide_approval,
    issue_payment,
    list_approvals,
    list_payees,
)
from onestop.registry import get_person
from onestop.web import pages, questions
from onestop.web.parsing import whole_number
from onestop.web.staff.applications import unit_for
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, Posted
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

FIELDS = (
    "payment_type",
    "program",
    "amount",
    "nights",
    "payee_id",
    "method",
    "pay_date",
    "explanation",
    "cheque_number",
    "key",
)
PAYMENT_TYPES = {
    "emergency_funds": N_("Emergency funds"),
    "food_voucher": N_("Food voucher"),
    "shelter": N_("Emergency shelter (nights)"),
    "travel": N_("Travel"),
}
METHODS = {"cheque": N_("Cheque"), "direct_deposit": N_("Direct deposit"), "voucher": N_("Voucher")}
NEW_CLIENT_PAYEE = "client"


@router.get("/people/{person_id:uuid}/emergency")
def emergency_form(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The form, with a fresh idempotency key and today's date."""
    today = page.request.app.state.container.clock.today().isoformat()
    values = {
        "payment_type": "emergency_funds",
        "program": _program(page, person_id),
        "pay_date": today,
    }
    values |= {"method": "cheque", "key": uuid.uuid4().hex, "payee_id": ""}
    return _form(page, person_id, values)


@router.get("/people/{person_id:uuid}/emergency/check")
def authority_check(
    request: Request,
    actor: StaffActor,
    person_id: uuid.UUID,
    payment_type: str = "emergency_funds",
    program: str = "",
    amount: str = "",
    nights: str = "",
) -> HTMLResponse:
    """The htmx fragment: may I issue this on my own, or whose approval will it need?"""
    values = {"payment_type": payment_type, "program": program, "amount": amount, "nights": nights}
    context = {"check": _check(actor, values), "values": values}
    return pages.render(request, "staff/money/_authority.html", context)


class EmergencyForm(PageForm):
    """The emergency form's boxes (``FIELDS``), and ``confirmed`` from the confirm step."""

    payment_type: str = ""
    program: str = ""
    amount: str = ""
    nights: str = ""
    payee_id: str = ""
    method: str = ""
    pay_date: str = ""
    explanation: str = ""
    cheque_number: str = ""
    key: str = ""
    confirmed: str = ""


@router.post("/people/{person_id:uuid}/emergency")
def emergency_submit(page: Page, person_id: uuid.UUID, form: Posted[EmergencyForm]) -> Response:
    """Issue (htmx, or after the confirm step) or show the confirm step (a plain first submission)."""
    values: dict[str, Any] = form.model_dump(include=set(FIELDS))
    confirmed = form.confirmed == "yes" or page.request.headers.get("hx-request") == "true"
    try:
        check = _check(page.actor, values, strict=True)
        if not confirmed:
            return _form(page, person_id, values, check=check, confirm=True)
        issuance = _issue(page, person_id, values)
    except InvalidInput as err:
        errors = {err.field: page.gettext(err.problem)}
        return _form(page, person_id, values, errors=errors, status_code=422)
    amount = pages.formatter(page.request).money(issuance.gross_cents)
    if issuance.state == "pending_approval":
        page.flash(N_("%(amount)s is waiting for a supervisor's approval."), "success", amount=amount)
    else:
        page.flash(N_("%(amount)s is issued."), "success", amount=amount)
    return page.redirect(f"/staff/people/{person_id}")


def _issue(page: StaffPage, pid: uuid.UUID, values: dict[str, Any]) -> Any:
    """The payee (the client by cheque, created on first use), the unit, then one issuance."""
    payee_id = values["payee_id"]
    if payee_id in ("", NEW_CLIENT_PAYEE):
        person = get_person(page.uow, actor=page.actor, person_id=pid)
        name = f"{person.given_names} {person.family_name}".strip()
        client = PayeeCreate(kind="client", name=name, person_id=pid)
        payee_id = str(create_payee(page.uow, actor=page.actor, data=client).id)
    data = IssuanceCreate(
        payment_type=values["payment_type"],
        program=values["program"],
        unit_id=unit_for(page, pid),
        payee_id=uuid.UUID(payee_id),
        amount=_cents(values["amount"]),
        method=values["method"] or "cheque",
        pay_date=parse_date(values["pay_date"], field="pay_date"),
        explanation=values["explanation"],
        nights=whole_number(values["nights"]),
        cheque_number=values["cheque_number"] or None,  # a manual cheque, written by hand at the counter
        idempotency_key=f"web:{values['key']}" if values["key"] else None,
    )
    return issue_payment(page.uow, actor=page.actor, data=data)


def _check(actor: Actor, values: dict[str, Any], *, strict: bool = False) -> AuthorityDecision | None:
    """The authority decision for what the form says so far (None while it cannot be known yet)."""
    try:
        cents = _cents(values.get("amount", ""))
        nights = whole_number(values.get("nights"))
        return check_authority(actor, values["payment_type"], values["program"] or "*", cents, nights=nights)
    except (InvalidInput, ValueError):
        if strict:
            raise
        return None


def _cents(raw: str) -> int:
    try:
        amount = Decimal(questions.money_text(raw or ""))
    except InvalidOperation:
        raise InvalidInput("amount", "must be an amount in dollars, for example 250.00") from None
    cents = to_cents(str(amount), field="amount")
    if cents <= 0:
        raise InvalidInput("amount", "must be more than zero")
    return cents


def _program(page: StaffPage, pid: uuid.UUID) -> str:
    from onestop.web.staff.interview import jurisdiction_of

    person = get_person(page.uow, actor=page.actor, person_id=pid)
    return "nl.income_support" if jurisdiction_of(person) == "ca-nl" else "ab.emergency_income_support"


def _form(
    page: StaffPage,
    pid: uuid.UUID,
    values: dict[str, Any],
    *,
    check: AuthorityDecision | None = None,
    confirm: bool = False,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    payees = list_payees(page.uow, actor=page.actor, person_id=pid)
    context = {
        "person": person,
        "values": values,
        "amount_cents": _cents(values["amount"]) if confirm else None,
        "payees": payees,
        "check": check if check is not None else _check(page.actor, values),
        "confirm": confirm,
        "errors": errors or {},
        "types": page.options(PAYMENT_TYPES),
        "methods": page.options(METHODS),
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/emergency",
    }
    return page.render("staff/money/emergency.html", context, status_code=status_code)


@router.get("/approvals")
def approvals(page: Page) -> HTMLResponse:
    """Payments waiting for my signature, oldest first, each with the requester's explanation."""
    found = list_approvals(page.uow, actor=page.actor)
    return page.render("staff/money/approvals.html", {"approvals": found, "errors": {}})


@router.post("/approvals/{approval_id:uuid}")
def decide(
    page: Page, approval_id: uuid.UUID, answer: Annotated[str, Form()] = "", note: Annotated[str, Form()] = ""
) -> Response:
    """Approve or reject; nobody approves their own request, and the approver's own limit applies."""
    if answer not in ("approve", "reject"):
        raise InvalidInput("answer", "approve or reject")
    done = decide_approval(
        page.uow,
        actor=page.actor,
        approval_id=approval_id,
        approve=answer == "approve",
        note=note,
    )
    amount = pages.formatter(page.request).money(done.amount_cents)
    message = N_("Approved: %(amount)s.") if done.state == "approved" else N_("Rejected: %(amount)s.")
    page.flash(message, "success", amount=amount)
    return page.redirect("/staff/approvals")
