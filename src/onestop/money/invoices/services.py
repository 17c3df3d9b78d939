"""Vendor invoices (shelters, funeral homes, transport): approved within authority, paid in batches."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.db import UnitOfWork
from onestop.money import domain, repository, support
from onestop.money.domain import (
    INVOICE_TRANSITIONS,
    InvoiceState,
    IssuanceState,
    PayeeKind,
    PaymentMethod,
    PaymentType,
    transition,
)
from onestop.money.errors import SelfApproval
from onestop.money.models import Invoice, Issuance, Payee
from onestop.money.payments import issuances
from onestop.money.payments.authority import check_authority
from onestop.money.schemas import FundingInvoiceCreate, InvoiceCreate

INVOICE: support.Recorded[Invoice] = support.Recorded(
    "invoice", "vendor_reference", "amount_cents", "program"
)


def record_invoice(
    uow: UnitOfWork,
    *,
    actor: Actor,
    data: InvoiceCreate,
) -> Invoice:
    """Enter a vendor's invoice; the same vendor number entered twice returns the first entry."""
    return _record(uow, actor, data, data.unit_id)


def record_funding_invoice(uow: UnitOfWork, *, actor: Actor, data: FundingInvoiceCreate) -> Invoice:
    """Enter an organization's claim for its own funding (a sponsor's project instalment): an invoice
    for no benefit unit, approved by another person as a ``project_funding`` payment within authority."""
    return _record(uow, actor, data, None)


def _record(
    uow: UnitOfWork, actor: Actor, data: InvoiceCreate | FundingInvoiceCreate, unit_id: uuid.UUID | None
) -> Invoice:
    payee_id, vendor_reference, program, amount_cents, description, received_on, office_id = (
        data.payee_id,
        data.vendor_reference,
        data.program,
        data.amount,
        data.description,
        data.received_on,
        data.office_id,
    )
    with uow:
        require(uow, actor, Permission.MONEY_INVOICE_WRITE, subject_type="invoice")
        domain.positive_cents(amount_cents, field="amount_cents")
        ref = (vendor_reference or "").strip()
        if not ref or len(ref) > 60:
            raise InvalidInput("vendor_reference", "is required (the vendor's invoice number, at most 60)")
        if not description.strip():
            raise InvalidInput("description", "is required (what was supplied, for whom)")
        payee = uow.session.get(Payee, payee_id)
        if payee is None or payee.kind == PayeeKind.CLIENT.value:
            raise InvalidInput("payee_id", "must be a vendor, landlord or utility payee")
        if unit_id is not None:
            support.ensure_unit(uow.session, unit_id)
        existing = repository.find_invoice(uow.session, payee_id, ref)
        if existing is not None:
            if existing.amount_cents != amount_cents:
                raise Conflict(f"invoice {ref} of this vendor was already entered with another amount")
            return support.kept(uow, existing)
        invoice = Invoice(
            payee_id=payee_id,
            vendor_reference=ref,
            unit_id=unit_id,
            program=issuances.parse_program(program),
            office_id=office_id or actor.office_id,
            amount_cents=amount_cents,
            description=description.strip(),
            received_on=received_on,
            state="received",
            issuance_id=None,
            entered_by=actor.username,
            created_at=uow.clock.now(),
        )
        stored, created = support.insert_once(
            uow, invoice, lambda: repository.find_invoice(uow.session, payee_id, ref)
        )
        if not created:
            return support.kept(uow, stored)
        return INVOICE.saved(uow, actor, AuditAction.INVOICE_CREATE, invoice)


def approve_invoice(uow: UnitOfWork, *, actor: Actor, invoice_id: uuid.UUID, pay_date: dt.date) -> Invoice:
    """Approve for payment within the actor's authority; beyond it, send it to the approver's queue."""
    with uow:
        require(uow, actor, Permission.MONEY_INVOICE_WRITE, subject_type="invoice", subject_id=invoice_id)
        invoice = repository.get(uow.session, Invoice, invoice_id, kind="invoice", for_update=True)
        if invoice.state != "received":
            raise InvalidTransition(f"an invoice that is {invoice.state} cannot be approved again")
        support.require_named_person(actor)
        if invoice.entered_by == actor.username:
            raise SelfApproval("an invoice")
        support.ensure_open(uow.session, [pay_date], field="pay_date")
        decision = check_authority(actor, payment_type(invoice), invoice.program, invoice.amount_cents)
        issuance = _issuance(uow, actor, invoice, pay_date)
        explanation = f"invoice {invoice.vendor_reference}: {invoice.description}"
        issuances.route_issuance(uow, actor, issuance, decision, explanation)
        approved = issuance.state == IssuanceState.APPROVED.value
        wanted = InvoiceState.APPROVED if approved else InvoiceState.PENDING_APPROVAL
        invoice.state = transition(INVOICE_TRANSITIONS, invoice.state, wanted, what="an invoice").value
        after = {"state": invoice.state, "issuance_id": issuance.id}
        details = {"authority": decision.reason}
        return INVOICE.saved(uow, actor, AuditAction.INVOICE_APPROVE, invoice, after=after, details=details)


def _issuance(uow: UnitOfWork, actor: Actor, invoice: Invoice, pay_date: dt.date) -> Issuance:
    payee = repository.get(uow.session, Payee, invoice.payee_id, kind="payee")
    method = PaymentMethod.THIRD_PARTY if payee.account_ciphertext is not None else PaymentMethod.CHEQUE
    issuance = issuances.new_issuance(
        uow,
        actor,
        key=f"invoice:{invoice.id}",
        payment_type=payment_type(invoice),
        program=invoice.program,
        unit_id=invoice.unit_id,
        payee_id=invoice.payee_id,
        invoice_id=invoice.id,
        office_id=invoice.office_id,
        method=method.value,
        pay_date=pay_date,
        amount_cents=invoice.amount_cents,
        description=f"invoice {invoice.vendor_reference}",
    )
    uow.session.add(issuance)
    uow.flush()
    invoice.issuance_id = issuance.id
    return issuance


def payment_type(invoice: Invoice) -> PaymentType:
    """A vendor's invoice for a unit, or an organization's own funding (no unit): a project instalment."""
    return PaymentType.INVOICE if invoice.unit_id is not None else PaymentType.PROJECT_FUNDING


def settle_approval(invoice: Invoice, approved: bool) -> None:
    """Called by the approvals service once a supervisor decided on an invoice's issuance."""
    wanted = InvoiceState.APPROVED if approved else InvoiceState.REJECTED
    invoice.state = transition(INVOICE_TRANSITIONS, invoice.state, wanted, what="an invoice").value


def list_invoices(uow: UnitOfWork, *, actor: Actor, state: str | None = None) -> Sequence[Invoice]:
    """Invoices, newest first."""
    with uow:
        require(uow, actor, Permission.MONEY_INVOICE_WRITE, subject_type="invoice")
        return support.kept(uow, repository.list_invoices(uow.session, state=state))


__all__ = [
    "approve_invoice",
    "list_invoices",
    "payment_type",
    "record_funding_invoice",
    "record_invoice",
    "settle_approval",
]
