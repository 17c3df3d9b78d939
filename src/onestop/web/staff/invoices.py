"""Vendor invoices: entered from the person's file (a shelter, a funeral home, a landlord's bill), then
approved for payment by another officer within their authority (beyond it, a supervisor's approval).

Entering and approving are one money service call each. Bad input re-renders the form beside its box
with what was typed (422); approving an invoice someone else already handled answers 409 with the list
as it is now.
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.common.dates import parse_date
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.money import InvoiceCreate, approve_invoice, list_invoices, list_payees, record_invoice
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, model, optional_uuid, show, submit, to
from onestop.web.staff.money import _cents
from onestop.web.staff.overpayments import AMOUNT_BOX, current_unit, program_form

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
def new(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The form: which payee, their invoice number, what for, how much, when it came in."""
    today = request.app.state.container.clock.today().isoformat()
    return _new(request, uow, actor, person_id, Shown(InvoiceForm(received_on=today).model_dump()))


@router.post("/people/{person_id:uuid}/invoices")
def enter(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, form: Posted[InvoiceForm]
) -> Response:
    """Enter the invoice against the person's current benefit unit."""

    def act() -> tuple[uuid.UUID, int]:
        unit = current_unit(uow, actor, person_id)
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
        invoice = record_invoice(uow, actor=actor, data=data)
        return invoice.id, invoice.amount_cents

    def done(entered: tuple[uuid.UUID, int]) -> Response:
        invoice_id, cents = entered
        amount = pages.formatter(request).money(cents)
        message = N_("The invoice of %(amount)s is entered; another officer approves it.")
        return to(request, f"/staff/invoices#i-{invoice_id}", message, amount=amount)

    again = functools.partial(_new, request, uow, actor, person_id)
    return submit(request, form, act, done, again, boxes=AMOUNT_BOX, refused={Conflict: 409})


@router.get("/invoices")
def invoices(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Invoices waiting for approval first, then the latest handled ones."""
    return _list(request, uow, actor)


@router.post("/invoices/{invoice_id:uuid}/approve")
def approve(
    request: Request, uow: UowDep, actor: StaffActor, invoice_id: uuid.UUID, form: Posted[ApproveForm]
) -> Response:
    """Approve for payment on a date (not the officer who entered it)."""
    try:
        day = parse_date(form.pay_date, field="pay_date")
        invoice = approve_invoice(uow, actor=actor, invoice_id=invoice_id, pay_date=day)
    except InvalidInput as err:
        errors = {f"{invoice_id}": pages.gettext(request, err.problem)}
        return _list(request, uow, actor, Shown({str(invoice_id): form.pay_date}, errors, 422))
    except Conflict as err:
        return _list(request, uow, actor, Shown(errors={f"{invoice_id}": str(err)}, status_code=409))
    if invoice.state == "pending_approval":
        pages.flash(
            request, N_("The invoice is beyond your authority: it waits for a supervisor."), "success"
        )
    else:
        pages.flash(request, N_("The invoice is approved for payment."), "success")
    return pages.redirect(request, "/staff/invoices")


def _new(
    request: Request, uow: UnitOfWork, actor: Actor, pid: uuid.UUID, shown: Shown = BLANK
) -> HTMLResponse:
    payees = [(str(p.id), p.name) for p in list_payees(uow, actor=actor, person_id=pid) if p.kind != "client"]
    context = {"payees": payees, "page_url": f"/staff/people/{pid}/invoices/new"}
    return program_form(request, uow, actor, pid, ("staff/money/invoice_new.html", context), shown)


def _list(request: Request, uow: UnitOfWork, actor: Actor, shown: Shown = BLANK) -> HTMLResponse:
    found = list(list_invoices(uow, actor=actor))
    today = request.app.state.container.clock.today().isoformat()
    context = {
        "waiting": [i for i in found if i.state == "received"],
        "handled": [i for i in found if i.state != "received"][:50],
        "states": labels.translated(request, STATES),
        "today": today,
        "page_url": "/staff/invoices",
    }
    return show(request, "staff/money/invoices.html", context, shown)
