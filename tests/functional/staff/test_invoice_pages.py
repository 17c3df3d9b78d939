"""Vendor invoices: entered from the person's payees page, approved for payment by another officer (not
the one who entered it), mistakes named beside their box with what was typed, nothing written."""

from __future__ import annotations

import datetime as dt
import re

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.common.clock import FixedClock
from onestop.money import PayeeCreate, create_payee, list_invoices
from tests.functional.staff.conftest import PASSWORD, Officer, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff
from tests.functional.staff.test_money_pages import switch
from tests.integration.cases.applications.builders import make_unit


def test_enter_an_invoice_and_another_officer_approves_it(
    client: TestClient, container: Container, clock: FixedClock, officer: Officer
) -> None:
    clock.advance(dt.timedelta(days=100))  # past the new-officer sampling period
    marie = person(container)
    make_unit(container, marie.id)
    shelter = create_payee(
        container.uow(),
        actor=SYSTEM,
        data=PayeeCreate(kind="vendor", name="Hope Shelter", person_id=marie.id),
    )
    assert sign_in(client, officer.username, officer.password).status_code == 303
    new = f"/staff/people/{marie.id}/invoices/new"
    assert new in client.get(f"/staff/people/{marie.id}/payees").text
    form = client.get(new).text
    assert f'<option value="{shelter.id}"' in form
    token = csrf_token(client, new)
    data = {
        "csrf_token": token,
        "payee_id": str(shelter.id),
        "vendor_reference": "HS-1042",
        "program": "ab.emergency_income_support",
        "amount": "three nights",
        "description": "3 nights, 1-3 June",
        "received_on": clock.today().isoformat(),
    }
    bad = client.post(f"/staff/people/{marie.id}/invoices", data=data)
    assert bad.status_code == 422 and 'id="f-amount-error"' in bad.text and 'value="HS-1042"' in bad.text
    assert list(list_invoices(container.uow(), actor=SYSTEM)) == []
    done = client.post(f"/staff/people/{marie.id}/invoices", data=data | {"amount": "180.00"})
    assert done.status_code == 303 and done.headers["location"].startswith("/staff/invoices#i-")
    page = client.get("/staff/invoices").text
    assert "HS-1042" in page and "$180.00" in page and "3 nights, 1-3 June" in page

    staff(container, "bofficer", {Role.OFFICER}, PASSWORD)
    switch(client, "bofficer")
    assert 'href="/staff/invoices"' in client.get("/staff/").text  # a colleague's invoice waits
    [invoice] = list_invoices(container.uow(), actor=SYSTEM)
    token = csrf_token(client, "/staff/invoices")
    wrong = client.post(
        f"/staff/invoices/{invoice.id}/approve", data={"csrf_token": token, "pay_date": "soon"}
    )
    assert wrong.status_code == 422 and f'id="pay-{invoice.id}-error"' in wrong.text
    approved = client.post(
        f"/staff/invoices/{invoice.id}/approve",
        data={"csrf_token": token, "pay_date": clock.today().isoformat()},
    )
    assert approved.status_code == 303
    page = client.get("/staff/invoices").text
    assert re.search(
        r"HS-1042</td><td>\$180\.00</td><td>[^<]+</td><td>(Approved for payment|Waiting for a supervisor)",
        page,
    )
    again = client.post(
        f"/staff/invoices/{invoice.id}/approve",
        data={"csrf_token": token, "pay_date": clock.today().isoformat()},
    )
    assert again.status_code == 409
