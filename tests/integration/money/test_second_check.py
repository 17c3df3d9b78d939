"""A new officer's within-authority issuances are sampled for a second check however they are made
(one-off, arrears from a back-dated change, invoice): all go through ``issuances.route_issuance``."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import money
from onestop.access.permissions import Role

PROGRAM = "nl-income-support"


@pytest.fixture
def always_sampled(monkeypatch):
    monkeypatch.setattr(money.domain, "sampled_for_second_check", lambda issuance_id, share: True)


def _requests(m):
    return money.list_approvals(m.c.uow(), actor=m.staff("sam", Role.SUPERVISOR))


def test_a_new_officers_change_by_hand_waits_for_a_second_person(m, always_sampled):
    unit_id, payee = m.client()
    ent = money.create_entitlement(
        m.c.uow(),
        actor=m.system,
        data=money.EntitlementCreate(
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=60_000,
            frequency="monthly",
            method="direct_deposit",
            start_date=dt.date(2026, 1, 1),
        ),
    )
    money.generate_recurring(m.c.uow(), actor=m.system, period="2026-02")
    rookie = m.staff("rookie", Role.OFFICER, age_days=10)
    result = money.change_entitlement(
        m.c.uow(),
        actor=rookie,
        entitlement_id=ent.id,
        data=money.EntitlementChange(
            amount=65_000, effective_from=dt.date(2026, 2, 1), reason="shelter cost rose"
        ),
    )
    # A change by hand waits for a second person as a whole: no arrears until it is approved.
    assert result.pending and result.arrears == []
    assert [r.kind for r in _requests(m)] == ["entitlement"]


def test_an_invoice_approved_by_a_new_officer_is_sampled_for_a_second_check(m, always_sampled):
    rookie = m.staff("rookie", Role.OFFICER, age_days=10)
    unit_id, _ = m.client()
    vendor = m.payee(None, kind="vendor", name="Harbour Shelter")
    invoice = money.record_invoice(
        m.c.uow(),
        actor=m.staff("fiona", Role.FINANCE),
        data=money.InvoiceCreate(
            payee_id=vendor.id,
            vendor_reference="INV-9",
            unit_id=unit_id,
            program=PROGRAM,
            amount=45_000,
            description="3 nights",
            received_on=dt.date(2026, 2, 28),
        ),
    )
    approved = money.approve_invoice(
        m.c.uow(), actor=rookie, invoice_id=invoice.id, pay_date=dt.date(2026, 3, 2)
    )
    assert approved.state == "pending_approval"
    [request] = _requests(m)
    assert request.kind == "second_check"
    money.decide_approval(
        m.c.uow(), actor=m.staff("sam", Role.SUPERVISOR), approval_id=request.id, approve=True
    )
    assert money.list_invoices(m.c.uow(), actor=rookie)[0].state == "approved" and m.verify().ok
