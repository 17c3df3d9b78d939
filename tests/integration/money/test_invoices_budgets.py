"""Vendor invoices approved within authority and paid through batches; budgets and their report."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import money
from onestop.access.permissions import Role
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from onestop.money.errors import SelfApproval

PROGRAM = "nl-income-support"
PAY = dt.date(2026, 3, 2)


def _invoice(m, actor, vendor, unit_id, cents, ref="INV-1001"):
    return money.record_invoice(
        m.c.uow(),
        actor=actor,
        data=money.InvoiceCreate(
            payee_id=vendor.id,
            vendor_reference=ref,
            unit_id=unit_id,
            program=PROGRAM,
            amount=cents,
            description="3 nights, Harbour Shelter",
            received_on=dt.date(2026, 2, 28),
        ),
    )


def test_invoice_within_authority_is_paid_in_the_next_batch(m, tmp_path):
    officer, clerk = m.staff("olivia", Role.OFFICER), m.staff("fiona", Role.FINANCE)
    unit_id, _ = m.client()
    vendor = m.payee(None, kind="vendor", name="Harbour Shelter")
    invoice = _invoice(m, clerk, vendor, unit_id, 45_000)
    assert _invoice(m, clerk, vendor, unit_id, 45_000).id == invoice.id  # entered twice: one invoice
    with pytest.raises(Conflict):
        _invoice(m, clerk, vendor, unit_id, 46_000)
    with pytest.raises(SelfApproval):  # whoever entered it never approves it
        money.approve_invoice(m.c.uow(), actor=clerk, invoice_id=invoice.id, pay_date=PAY)
    approved = money.approve_invoice(m.c.uow(), actor=officer, invoice_id=invoice.id, pay_date=PAY)
    assert approved.state == "approved" and approved.issuance_id is not None
    with pytest.raises(InvalidTransition):
        money.approve_invoice(m.c.uow(), actor=officer, invoice_id=invoice.id, pay_date=PAY)
    batch = money.build_batch(m.c.uow(), actor=m.staff("fay", Role.FINANCE), pay_date=PAY)
    money.approve_batch(m.c.uow(), actor=m.staff("finn", Role.FINANCE), batch_id=batch.id)
    exported = money.export_batch(m.c.uow(), actor=m.system, batch_id=batch.id, out_dir=tmp_path)
    assert "Harbour Shelter" in exported.payment_file.read_text()
    assert m.verify().ok


def test_invoice_over_authority_waits_for_a_supervisor(m):
    officer, supervisor = m.staff("olivia", Role.OFFICER), m.staff("sam", Role.SUPERVISOR)
    unit_id, _ = m.client()
    vendor = m.payee(None, kind="vendor", name="Carew Funeral Home")
    invoice = _invoice(m, m.staff("fiona", Role.FINANCE), vendor, unit_id, 420_000, ref="F-77")
    assert money.approve_invoice(m.c.uow(), actor=officer, invoice_id=invoice.id, pay_date=PAY).state == (
        "pending_approval"
    )
    [request] = money.list_approvals(m.c.uow(), actor=supervisor)
    assert request.payment_type == "invoice" and "F-77" in request.explanation
    money.decide_approval(m.c.uow(), actor=supervisor, approval_id=request.id, approve=True)
    [after] = money.list_invoices(m.c.uow(), actor=officer)
    assert after.state == "approved" and m.verify().ok


def test_invoice_needs_a_vendor_payee(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, client_payee = m.client()
    with pytest.raises(InvalidInput) as err:
        _invoice(m, officer, client_payee, unit_id, 1_000)
    assert err.value.field == "payee_id"


def test_budget_report_shows_committed_and_spent(m):
    office = m.office("CBS")
    officer = m.staff("olivia", Role.OFFICER, office_id=office)
    admin = m.staff("ada", Role.ADMINISTRATOR)
    with pytest.raises(PermissionDenied):
        money.set_budget(
            m.c.uow(), actor=officer, program=PROGRAM, office_id=office, fiscal_year=2025, amount_cents=1
        )
    money.set_budget(
        m.c.uow(), actor=admin, program=PROGRAM, office_id=office, fiscal_year=2025, amount_cents=500_000
    )
    money.set_budget(
        m.c.uow(), actor=admin, program=PROGRAM, office_id=office, fiscal_year=2025, amount_cents=600_000
    )  # a change, not a second line
    unit_id, payee = m.client()
    for cents, method, extra in (
        (80_000, "direct_deposit", {}),
        (20_000, "cheque", {"cheque_number": "7001"}),
    ):
        issued = money.issue_payment(
            m.c.uow(),
            actor=officer,
            data=money.IssuanceCreate(
                payment_type="emergency_funds",
                program=PROGRAM,
                unit_id=unit_id,
                payee_id=payee.id,
                amount=cents,
                method=method,
                pay_date=PAY,
                explanation="heat off",
                **extra,
            ),
        )
        if issued.state == "pending_approval":  # the manual cheque: a second person approves it
            m.approve_pending(issued.id)
    [line] = money.budget_report(m.c.uow(), actor=officer, fiscal_year=2025)
    assert (line.budget_cents, line.committed_cents, line.spent_cents, line.remaining_cents) == (
        600_000,
        100_000,
        20_000,
        500_000,
    )
    assert line.label == "2025-26"
    assert money.budget_report(m.c.uow(), actor=officer, fiscal_year=2026) == []
    with pytest.raises(InvalidInput):
        money.set_budget(
            m.c.uow(), actor=admin, program=PROGRAM, office_id=office, fiscal_year=2025, amount_cents=-5
        )
