"""Vendor invoices: entered from the person's file (a shelter, a funeral home, a landlord's bill), then
approved for payment by another officer within their authority (beyond it, a supervisor's approval).

Entering and approving are one money service call each. Bad input re-renders the form beside its box
with what was typed (422); approving an invoice someone else already handled answers 409 with the list
as it is now.
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.common.dates import parse_date
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.i18n import N_
from onestop.money import InvoiceCreate, approve_invoice, list_invoices, list_payees, record_invoice
from onestop.web import pages
from onestop.web.staff import labels
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, model, optional_uuid
from onestop.web.staff.money import _cents
from onestop.web.staff.overpayments import AMOUNT_BOX, current_unit, program_form
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

STATES = {
    "received": N_("Waiting for approval"),
    "pending_approval": N_("Waiting for a supervisor"),
    "approved": N_("Approved for payment"),
    "rejected": N_("Rejected"),
}


class InvoiceForm(PageForm):
    payee_id: str = ""
    vendor_reference: str = ""
    program: str = ""
    amount: str = ""
    description: str = ""
    received_on: str = ""


class ApproveForm(PageForm):
    pay_date: str = ""


@router.get("/people/{person_id:uuid}/invoices/new")
def new(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The form: which payee, their invoice number, what for, how much, when it came in."""
    today = page.request.app.state.container.clock.today().isoformat()
    return _new(page, person_id, Shown(InvoiceForm(received_on=today).model_dump()))


@router.post("/people/{person_id:uuid}/invoices")
def enter(page: Page, person_id: uuid.UUID, form: Posted[InvoiceForm]) -> Response:
    """Enter the invoice against the person's current benefit unit."""

    def act() -> tuple[uuid.UUID, int]:
        unit = current_unit(page.uow, page.actor, person_id)
        if unit is None:
            raise InvalidInput("form", "the person is not in a benefit unit")
        data = model(
            InvoiceCreate,
            payee_id=optional_uuid(form.payee_id, "payee_id"),
            vendor_reference=form.vendor_reference,
            unit_id=unit,
            program=form.program,
            amount=_cents(form.amount),
            description=form.description,
            received_on=parse_date(form.received_on, field="received_on") if form.received_on else None,
        )
        invoice = record_invoice(page.uow, actor=page.actor, data=data)
        return invoice.id, invoice.amount_cents

    def done(entered: tuple[uuid.UUID, int]) -> Response:
        invoice_id, cents = entered
        amount = pages.formatter(page.request).money(cents)
        message = N_("The invoice of %(amount)s is entered; another officer approves it.")
        return page.to(f"/staff/invoices#i-{invoice_id}", message, amount=amount)

    again = functools.partial(_new, page, person_id)
    return page.submit(form, act, done, again, boxes=AMOUNT_BOX, refused={Conflict: 409})


@router.get("/invoices")
def invoices(page: Page) -> HTMLResponse:
    """Invoices waiting for approval first, then the latest handled ones."""
    return _list(page)


@router.post("/invoices/{invoice_id:uuid}/approve")
def approve(page: Page, invoice_id: uuid.UUID, form: Posted[ApproveForm]) -> Response:
    """Approve for payment on a date (not the officer who entered it)."""
    try:
        day = parse_date(form.pay_date, field="pay_date")
        invoice = approve_invoice(page.uow, actor=page.actor, invoice_id=invoice_id, pay_date=day)
    except InvalidInput as err:
        errors = {f"{invoice_id}": page.gettext(err.problem)}
        return _list(page, Shown({str(invoice_id): form.pay_date}, errors, 422))
    except Conflict as err:
        return _list(page, Shown(errors={f"{invoice_id}": str(err)}, status_code=409))
    if invoice.state == "pending_approval":
        page.flash(N_("The invoice is beyond your authority: it waits for a supervisor."), "success")
    else:
        page.flash(N_("The invoice is approved for payment."), "success")
    return page.redirect("/staff/invoices")


def _new(page: StaffPage, pid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    payees = [
        (str(p.id), p.name)
        for p in list_payees(page.uow, actor=page.actor, person_id=pid)
        if p.kind != "client"
    ]
    context = {"payees": payees, "page_url": f"/staff/people/{pid}/invoices/new"}
    return program_form(page, pid, ("staff/money/invoice_new.html", context), shown)


def _list(page: StaffPage, shown: Shown = BLANK) -> HTMLResponse:
    found = list(list_invoices(page.uow, actor=page.actor))
    today = page.request.app.state.container.clock.today().isoformat()
    context = {
        "waiting": [i for i in found if i.state == "received"],
        "handled": [i for i in found if i.state != "received"][:50],
        "states": labels.translated(page.request, STATES),
        "today": today,
        "page_url": "/staff/invoices",
    }
    return page.show("staff/money/invoices.html", context, shown)
