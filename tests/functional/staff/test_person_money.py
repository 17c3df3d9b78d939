"""Money on the person page (the client 360's "benefits" section): "where is my payment" in one look,
the balance, entitlements, payments with their batch and cheque, overpayments."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.staff.conftest import PASSWORD, csrf_token
from tests.functional.staff.factories import person, staff
from tests.functional.staff.test_money_pages import TODAY, emergency, seasoned, switch

__all__ = ["seasoned"]  # the fixture, imported for these tests


def test_a_person_without_money_says_so(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    page = signed_in.get(f"/staff/people/{marie.id}").text
    assert 'id="money-title"' in page and "No entitlement, payment or overpayment yet." in page


def test_where_is_my_payment_follows_the_cheque_into_its_batch(
    seasoned: TestClient, container: Container
) -> None:
    signed_in = seasoned
    marie = person(container)
    page = emergency(signed_in, marie.id, "300").text  # type: ignore[attr-defined]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    assert signed_in.post(f"/staff/people/{marie.id}/emergency", data=data).status_code == 303
    file = signed_in.get(f"/staff/people/{marie.id}").text
    where = file.split("Where is my payment?")[1].split("</dl>")[0]
    assert "$300.00" in where and "Generated, waiting for a batch" in where and "Not in a batch yet" in where
    assert "Cheque" in where and "Owed to the client, waiting for a batch</dt><dd>$300.00" in file

    staff(container, "fbuild", {Role.FINANCE}, PASSWORD)
    switch(signed_in, "fbuild")
    token = csrf_token(signed_in, "/staff/payments")
    built = signed_in.post("/staff/payments", data={"csrf_token": token, "pay_date": TODAY})
    assert built.status_code == 303
    number = re.search(r"<h1>Batch ([^<]+)</h1>", signed_in.get(built.headers["location"]).text)
    assert number is not None
    switch(signed_in, "amartin")
    where = signed_in.get(f"/staff/people/{marie.id}").text.split("Where is my payment?")[1]
    where = where.split("</dl>")[0]
    assert "In a payment batch" in where and number.group(1) in where
    assert re.search(r"cheque \d+", where)


def test_the_money_section_is_in_french(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    page = signed_in.get(f"/staff/people/{marie.id}", headers={"Accept-Language": "fr"}).text
    assert 'id="money-title"' in page
