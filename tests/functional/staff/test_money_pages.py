"""Money pages over HTTP: emergency funds with the authority check (htmx fragment and the confirm step
without JavaScript), the supervisor's approval queue, finance batches (build, approve by someone
else, export, download, reconcile a pain.002), the budget and the team page with their charts."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.common.clock import FixedClock
from onestop.money.payments.pain002 import status_report
from tests.functional.staff.conftest import PASSWORD, Officer, csrf_token, sign_in
from tests.functional.staff.factories import person, staff

TODAY = "2026-06-10"  # 100 days after the accounts were made: no "new officer" second checks by sample


@pytest.fixture
def seasoned(signed_in: TestClient, clock: FixedClock, officer: Officer) -> TestClient:
    """The officer signed in again 100 days on, past the new-officer sampling period."""
    clock.advance(dt.timedelta(days=100))
    assert clock.today().isoformat() == TODAY
    assert sign_in(signed_in, officer.username, officer.password).status_code == 303
    return signed_in


def switch(client: TestClient, username: str) -> None:
    client.post("/staff/logout", data={"csrf_token": csrf_token(client, "/staff/")})
    assert sign_in(client, username, PASSWORD).status_code == 303


def emergency(client: TestClient, person_id: object, amount: str, **extra: str) -> object:
    path = f"/staff/people/{person_id}/emergency"
    page = client.get(path).text
    key = re.search(r'name="key" value="([0-9a-f]+)"', page).group(1)  # type: ignore[union-attr]
    data = {
        "csrf_token": csrf_token(client, path),
        "payment_type": "emergency_funds",
        "amount": amount,
        "program": "ab.emergency_income_support",
        "payee_id": "client",
        "method": "cheque",
        "pay_date": TODAY,
        "explanation": "No food and rent due",
        "key": key,
    } | extra
    return client.post(path, data=data)


def test_the_authority_check_follows_the_amount(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    check = f"/staff/people/{marie.id}/emergency/check?payment_type=emergency_funds&program=ab.x"
    assert "Within your authority" in signed_in.get(f"{check}&amount=250").text
    over = signed_in.get(f"{check}&amount=1500.00").text
    assert "Over your authority: a supervisor must approve it." in over and "$1,000.00" in over
    assert "Type the amount" in signed_in.get(f"{check}&amount=").text
    form = signed_in.get(f"/staff/people/{marie.id}/emergency").text
    assert f'hx-get="/staff/people/{marie.id}/emergency/check"' in form and 'id="authority"' in form


def test_without_javascript_a_confirm_step_shows_the_check_then_an_over_limit_amount_waits(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    first = emergency(signed_in, marie.id, "1500.00")
    assert first.status_code == 200  # type: ignore[attr-defined]
    page = first.text  # type: ignore[attr-defined]
    assert "Check and confirm" in page and "Over your authority" in page and "Send for approval" in page
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    sent = signed_in.post(f"/staff/people/{marie.id}/emergency", data=data)
    assert sent.status_code == 303
    assert (
        "$1,500.00 is waiting for a supervisor&#39;s approval."
        in signed_in.get(f"/staff/people/{marie.id}").text
    )
    again = signed_in.post(f"/staff/people/{marie.id}/emergency", data=data)  # a double click pays once
    assert again.status_code == 303
    staff(container, "ssup", {Role.SUPERVISOR}, PASSWORD)
    switch(signed_in, "ssup")
    queue = signed_in.get("/staff/approvals").text
    assert queue.count("No food and rent due") == 1 and "$1,500.00" in queue
    approval = re.search(r'action="(/staff/approvals/[0-9a-f-]+)"', queue).group(1)  # type: ignore[union-attr]
    done = signed_in.post(
        approval, data={"csrf_token": csrf_token(signed_in, "/staff/approvals"), "answer": "approve"}
    )
    assert done.status_code == 303
    assert "Approved: $1,500.00." in signed_in.get("/staff/approvals").text
    assert 'href="/staff/approvals"' in signed_in.get("/staff/").text


def test_htmx_issues_within_authority_at_once_and_mistakes_are_named(
    seasoned: TestClient, container: Container
) -> None:
    signed_in = seasoned
    marie = person(container)
    bad = emergency(signed_in, marie.id, "lots")
    assert bad.status_code == 422 and 'id="f-amount-error"' in bad.text  # type: ignore[attr-defined]
    path = f"/staff/people/{marie.id}/emergency"
    key = re.search(r'name="key" value="([0-9a-f]+)"', signed_in.get(path).text).group(1)  # type: ignore[union-attr]
    issued = signed_in.post(
        path,
        data={
            "payment_type": "food_voucher",
            "program": "ab.emergency_income_support",
            "amount": "120",
            "payee_id": "client",
            "method": "voucher",
            "pay_date": TODAY,
            "explanation": "food",
            "key": key,
        },
        headers={"HX-Request": "true", "X-CSRF-Token": csrf_token(signed_in, path)},
    )
    assert issued.status_code == 204 and issued.headers["hx-redirect"] == f"/staff/people/{marie.id}"
    assert "$120.00 is issued." in signed_in.get(f"/staff/people/{marie.id}").text


def test_finance_builds_another_approves_exports_and_reconciles(
    seasoned: TestClient, container: Container
) -> None:
    signed_in = seasoned
    marie = person(container)
    page = emergency(signed_in, marie.id, "300").text  # type: ignore[attr-defined]
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    assert signed_in.post(f"/staff/people/{marie.id}/emergency", data=data).status_code == 303
    staff(container, "fbuild", {Role.FINANCE}, PASSWORD)
    staff(container, "fcheck", {Role.FINANCE}, PASSWORD)
    switch(signed_in, "fbuild")
    token = csrf_token(signed_in, "/staff/payments")
    built = signed_in.post("/staff/payments", data={"csrf_token": token, "pay_date": TODAY})
    assert built.status_code == 303, built.text
    batch = built.headers["location"]
    assert "Built, waiting for approval" in signed_in.get(batch).text
    assert (
        signed_in.post(f"{batch}/approve", data={"csrf_token": token}).status_code == 403
    )  # not the builder
    switch(signed_in, "fcheck")
    token = csrf_token(signed_in, batch)
    assert signed_in.post(f"{batch}/approve", data={"csrf_token": token}).status_code == 303
    assert signed_in.post(f"{batch}/export", data={"csrf_token": token}).status_code == 303
    page = signed_in.get(batch).text
    assert "Exported, waiting for the bank" in page and "/files/cheques-csv" in page
    # Payment files need a purpose (audited); without one, nothing is sent.
    assert signed_in.get(f"{batch}/files/cheques-csv").status_code == 422
    register = signed_in.get(f"{batch}/files/cheques-csv", params={"purpose": "print the cheques"})
    assert register.status_code == 200 and "attachment" in register.headers["content-disposition"]
    number = re.search(r"<h1>Batch ([^<]+)</h1>", page).group(1)  # type: ignore[union-attr]
    sent_at = dt.datetime(2026, 6, 11, tzinfo=dt.UTC)
    report = status_report(
        message_id="BANK-1", original_message_id=number, created_at=sent_at, group_status="ACCP"
    )
    bad = signed_in.post(f"{batch}/reconcile", data={"csrf_token": token})
    assert bad.status_code == 422 and 'id="f-file-error"' in bad.text
    done = signed_in.post(
        f"{batch}/reconcile",
        data={"csrf_token": token},
        files={"file": ("pain002.xml", report.encode(), "text/xml")},
    )
    assert done.status_code == 303, done.text
    page = signed_in.get(batch).text
    assert "Status report applied: 0 paid, 0 returned." in page  # a cheque is not in the bank's report
    assert "<dt>State</dt><dd>Reconciled</dd>" in page
    listing = signed_in.get("/staff/payments").text
    assert (
        'role="img"' in listing
        and "Payments by month" in listing
        and "Show the numbers as a table" in listing
    )
    budget = signed_in.get("/staff/budget").text
    assert "Committed this fiscal year, by program" in budget and "$300.00" in budget


def test_the_team_page_draws_contacts_by_hour_and_reason(signed_in: TestClient, container: Container) -> None:
    token = csrf_token(signed_in, "/staff/")
    for reason in ("payment_inquiry", "payment_inquiry", "documents"):
        signed_in.post(
            "/staff/interactions/quick", data={"csrf_token": token, "reason": reason, "next": "/staff/"}
        )
    assert signed_in.get("/staff/team").status_code == 403  # an officer has no team statistics
    staff(container, "ssup", {Role.SUPERVISOR}, PASSWORD)
    switch(signed_in, "ssup")
    page = signed_in.get("/staff/team?day=2026-03-02").text
    assert "Contacts by hour of the day" in page and "Contacts by reason" in page
    assert page.count('role="img"') == 3
    assert "<td>Payment inquiry</td><td>2</td>" in page  # the table alternative
