"""The money API over HTTP: authority check, issuing with an Idempotency-Key, approvals, the payment
run from build to bank return, ledger verify, budgets, and the refusals (422/403/409)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack

import pytest
from fastapi.testclient import TestClient

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.money.models import Issuance, JournalEntry
from onestop.money.payments import pain002
from onestop.registry.models import BenefitUnit, Person
from tests.functional.api.test_people_api import api_client

PROGRAM = "nl-income-support"


_ROLES = {
    "officer": Role.OFFICER,
    "supervisor": Role.SUPERVISOR,
    "maker": Role.FINANCE,
    "checker": Role.FINANCE,
    "admin": Role.ADMINISTRATOR,
    "auditor": Role.AUDITOR,
}


class _Clients(dict):
    """API clients per role, each made (with its login) only when a test first asks for it."""

    def __init__(self, container: Container, stack: ExitStack) -> None:
        super().__init__()
        self.container, self.stack = container, stack

    def __missing__(self, name: str) -> TestClient:
        client = self.stack.enter_context(api_client(self.container, _ROLES[name], f"m_{name}"))
        self[name] = client
        return client


@pytest.fixture
def clients(container: Container) -> Iterator[_Clients]:
    """One API client per role (two finance clerks, for maker and checker)."""
    with ExitStack() as stack:
        yield _Clients(container, stack)


def _entitlement(unit_id: str, payee_id: str, amount: str) -> dict[str, str]:
    return {
        "program": PROGRAM,
        "unit_id": unit_id,
        "payee_id": payee_id,
        "amount": amount,
        "frequency": "monthly",
        "method": "direct_deposit",
        "start_date": "2026-01-01",
    }


def _unit(container: Container) -> tuple[str, str]:
    with container.uow() as uow:
        person = Person(given_names="Ana", family_name="Ruiz", created_by="t", created_at=uow.clock.now())
        unit = BenefitUnit(label="Ruiz", created_by="t", created_at=uow.clock.now())
        uow.session.add_all([person, unit])
        uow.commit()
    return str(unit.id), str(person.id)


def _approve_all(clients: _Clients) -> None:
    """A supervisor approves what waits (payees and entitlements set up by hand)."""
    for request in clients["supervisor"].get("/api/approvals").json():
        if request["subject_type"] in ("payee", "entitlement"):
            done = clients["supervisor"].post(f"/api/approvals/{request['id']}", json={"approve": True})
            assert done.status_code == 200, done.text


def _payee(client: TestClient, person_id: str) -> str:
    """A client payee with banking details: entered by hand, it waits for a second person."""
    response = client.post(
        "/api/payees",
        json={
            "kind": "client",
            "name": "Ana Ruiz",
            "person_id": person_id,
            "institution": "003",
            "transit": "10001",
            "account": "1234567890",
        },
    )
    assert response.status_code == 201, response.text
    assert response.json()["account_masked"] == "*******890"
    assert response.json()["state"] == "pending_approval"
    return str(response.json()["id"])


def _emergency(unit_id: str, payee_id: str, amount: str) -> dict[str, object]:
    return {
        "payment_type": "emergency_funds",
        "program": PROGRAM,
        "unit_id": unit_id,
        "payee_id": payee_id,
        "amount": amount,
        "method": "direct_deposit",
        "pay_date": "2026-03-02",
        "explanation": "stranded after a house fire",
    }


def test_authority_check_before_submit(clients):
    officer = clients["officer"]
    ok = officer.get(
        "/api/authority", params={"payment_type": "emergency_funds", "program": PROGRAM, "amount": "1000.00"}
    )
    over = officer.get(
        "/api/authority", params={"payment_type": "emergency_funds", "program": PROGRAM, "amount": "1000.01"}
    )
    shelter = officer.get(
        "/api/authority", params={"payment_type": "shelter", "program": PROGRAM, "nights": 5}
    )
    assert ok.json()["allowed"] is True and ok.json()["limit"] == 100_000
    assert over.json() == {**over.json(), "allowed": False, "needs_approval_by_role": "supervisor"}
    assert shelter.json()["allowed"] is False and shelter.json()["limit"] == 4


def test_issue_with_idempotency_key_and_approval(container, clients):
    officer, supervisor = clients["officer"], clients["supervisor"]
    unit_id, person_id = _unit(container)
    payee_id = _payee(officer, person_id)
    _approve_all(clients)
    body = _emergency(unit_id, payee_id, "1500.00")
    first = officer.post("/api/issuances", json=body, headers={"Idempotency-Key": "form-77"})
    again = officer.post("/api/issuances", json=body, headers={"Idempotency-Key": "form-77"})
    assert first.status_code == 201 and first.json()["state"] == "pending_approval"
    assert again.json()["id"] == first.json()["id"]
    own = officer.get("/api/approvals")
    assert own.status_code == 403
    [request] = supervisor.get("/api/approvals").json()
    assert request["amount"] == "1500.00" and request["explanation"] == "stranded after a house fire"
    decided = supervisor.post(f"/api/approvals/{request['id']}", json={"approve": True, "note": "ok"})
    assert decided.status_code == 200 and decided.json()["state"] == "approved"
    assert supervisor.post(f"/api/approvals/{request['id']}", json={"approve": True}).status_code == 409
    issued = officer.get(f"/api/issuances/{first.json()['id']}").json()
    assert (issued["state"], issued["gross"], issued["net"]) == ("approved", "1500.00", "1500.00")


@pytest.mark.parametrize(
    ("amount", "field"), [("-5.00", "amount"), ("10.005", "amount"), ("ten", "amount"), ("0", "amount")]
)
def test_bad_amounts_are_422_naming_the_field(container, clients, amount, field):
    officer = clients["officer"]
    unit_id, person_id = _unit(container)
    payee_id = _payee(officer, person_id)
    _approve_all(clients)
    response = officer.post("/api/issuances", json=_emergency(unit_id, payee_id, amount))
    assert response.status_code == 422 and response.json()["field"] == field
    assert officer.get("/api/issuances").json() == []


def test_payment_run_from_build_to_bank_return(container, clients, tmp_path):
    officer, maker, checker = clients["officer"], clients["maker"], clients["checker"]
    unit_id, person_id = _unit(container)
    payee_id = _payee(officer, person_id)
    _approve_all(clients)
    created = officer.post("/api/entitlements", json=_entitlement(unit_id, payee_id, "612.00"))
    assert created.status_code == 201, created.text
    _approve_all(clients)  # set up by hand, without a decision: a supervisor approves it
    run = maker.post("/api/payment-runs", json={"pay_date": "2026-03-02"})
    assert run.status_code == 201 and run.json()["created"] == 1
    batch = run.json()["batch"]
    assert (batch["item_count"], batch["total"]) == (1, "612.00")
    assert maker.post(f"/api/batches/{batch['id']}/approve").status_code == 403  # maker != checker
    assert checker.post(f"/api/batches/{batch['id']}/approve").status_code == 200
    assert checker.post(f"/api/batches/{batch['id']}/approve").status_code == 409
    exported = maker.post(f"/api/batches/{batch['id']}/export")
    assert exported.status_code == 200 and exported.json()["files"] == [f"{batch['number']}.pain.001.xml"]
    file = maker.get(f"/api/batches/{batch['id']}/files/pain001", params={"purpose": "send to the bank"})
    assert file.status_code == 200 and b'<InstdAmt Ccy="CAD">612.00</InstdAmt>' in file.content
    report = pain002.status_report(
        message_id="BANK-9",
        original_message_id=batch["number"],
        created_at=dt.datetime(2026, 3, 3, tzinfo=dt.UTC),
        group_status="ACSC",
    )
    done = checker.post(f"/api/batches/{batch['id']}/reconcile", files={"file": ("r.xml", report.encode())})
    assert done.status_code == 200 and (done.json()["paid"], done.json()["batch"]["state"]) == (
        1,
        "reconciled",
    )
    bad = checker.post(f"/api/batches/{batch['id']}/reconcile", files={"file": ("r.xml", b"<junk")})
    assert bad.status_code == 422 and bad.json()["field"] == "file"
    register = checker.get("/api/cheques", params={"format": "pdf", "purpose": "print"})
    assert register.status_code == 200 and register.content[:4] == b"%PDF"
    assert checker.get("/api/cheques", params={"purpose": "print"}).text.startswith("number,issued_on")
    verify = clients["auditor"].get("/api/ledger/verify")
    assert verify.status_code == 200 and verify.json()["ok"] is True
    account = officer.get(f"/api/units/{unit_id}/account").json()
    assert account == [
        {
            "program": PROGRAM,
            "paid": "612.00",
            "in_transit": "0.00",
            "owed": "0.00",
            "overpayment_owed": "0.00",
            "recovered": {},
        }
    ]


def test_back_dated_change_over_http(container, clients):
    officer = clients["officer"]
    unit_id, person_id = _unit(container)
    payee_id = _payee(officer, person_id)
    _approve_all(clients)
    ent = officer.post("/api/entitlements", json=_entitlement(unit_id, payee_id, "500.00")).json()
    _approve_all(clients)
    clients["maker"].post("/api/payment-runs", json={"pay_date": "2026-03-02"})
    change = officer.post(
        f"/api/entitlements/{ent['id']}/change",
        json={"effective_from": "2026-03-01", "amount": "450.00", "reason": "earnings found"},
    )
    # A change of amount by hand waits for a second person; the overpayment follows the approval.
    assert change.status_code == 200, change.text
    assert change.json()["pending"] is True and change.json()["overpayments"] == []
    _approve_all(clients)
    [op] = officer.get("/api/overpayments", params={"unit_id": unit_id}).json()
    assert op["balance"] == "50.00"


def test_budgets_and_roles(container, clients):
    admin, auditor = clients["admin"], clients["auditor"]
    from onestop.access.models import Office

    with container.uow() as uow:
        office = Office(code="CBS", name="Conception Bay South", created_at=uow.clock.now())
        uow.session.add(office)
        uow.commit()
    body = {"program": PROGRAM, "office_id": str(office.id), "fiscal_year": 2025, "amount": "100000.00"}
    assert auditor.put("/api/budgets", json=body).status_code == 403
    assert admin.put("/api/budgets", json=body).status_code == 200
    report = auditor.get("/api/budgets", params={"fiscal_year": 2025}).json()
    assert report[0]["budget"] == "100000.00" and report[0]["fiscal_year"] == "2025-26"
    assert clients["officer"].get("/api/ledger/verify").status_code == 403


# Issue 10, part 10(c): an insider with ``money:issue`` tries to pay themselves over plain HTTP.
# Each attack paid out before money needed a decision or a second person.

OWN_ACCOUNT = {"institution": "004", "transit": "55555", "account": "1111222233"}


def _count(container, model) -> int:
    from sqlalchemy import func, select

    with container.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model)) or 0)


def test_attack_an_officer_cannot_pay_themselves_without_a_second_person(container, clients):
    officer, maker = clients["officer"], clients["maker"]
    unit_id, person_id = _unit(container)
    # 1. A payee with the officer's own bank account waits for a second person, and cannot be paid.
    own = officer.post("/api/payees", json={"kind": "landlord", "name": "O. Officer", **OWN_ACCOUNT})
    assert own.status_code == 201 and own.json()["state"] == "pending_approval"
    refused = officer.post("/api/entitlements", json=_entitlement(unit_id, own.json()["id"], "9500.00"))
    assert refused.status_code == 422 and refused.json()["field"] == "payee_id"
    # 2. With the client's own (client) payee, no decision, $9,500 a month: a request, not in force.
    client_payee = officer.post(
        "/api/payees", json={"kind": "client", "name": "Ana Ruiz", "person_id": person_id}
    )
    assert client_payee.json()["state"] == "approved"  # the client, no banking details: nothing to check
    by_hand = {**_entitlement(unit_id, client_payee.json()["id"], "9500.00"), "method": "cheque"}
    created = officer.post("/api/entitlements", json=by_hand)
    assert created.status_code == 201 and created.json()["state"] == "pending_approval"
    assert created.json()["active"] is False
    # 3. Raising it to $9,999 is refused: it is not in force (nothing to change).
    raised = officer.post(
        f"/api/entitlements/{created.json()['id']}/change",
        json={"effective_from": "2026-01-01", "amount": "9999.00", "reason": "more"},
    )
    assert raised.status_code == 409
    # 4. The month's run and export pay nothing: no issuance, no ledger entry.
    run = maker.post("/api/payment-runs", json={"pay_date": "2026-03-02"})
    assert run.status_code in (201, 422) and (run.status_code == 422 or run.json()["created"] == 0)
    assert _count(container, Issuance) == 0 and _count(container, JournalEntry) == 0
    # The officer cannot approve their own request; the approvals queue is not theirs.
    assert officer.get("/api/approvals").status_code == 403


def test_attack_an_officer_cannot_approve_an_invoice_they_recorded(container, clients):
    officer, finance = clients["officer"], clients["maker"]
    unit_id, _ = _unit(container)
    vendor = officer.post("/api/payees", json={"kind": "vendor", "name": "Any Shelter", **OWN_ACCOUNT})
    _approve_all(clients)  # a supervisor approves the vendor (a payee set up by hand)
    invoice = officer.post(
        "/api/invoices",
        json={
            "payee_id": vendor.json()["id"],
            "vendor_reference": "INV-1",
            "unit_id": unit_id,
            "program": "nl-income-support",
            "amount": "900.00",
            "description": "3 nights",
            "received_on": "2026-02-28",
        },
    )
    assert invoice.status_code == 201, invoice.text
    own = officer.post(f"/api/invoices/{invoice.json()['id']}/approve", json={"pay_date": "2026-03-02"})
    assert own.status_code == 403
    assert _count(container, Issuance) == 0 and _count(container, JournalEntry) == 0
    other = finance.post(f"/api/invoices/{invoice.json()['id']}/approve", json={"pay_date": "2026-03-02"})
    assert other.status_code == 200 and other.json()["state"] == "approved"


def test_attack_redirecting_an_entitlement_to_another_payee_needs_approval(container, clients):
    officer, supervisor, maker = clients["officer"], clients["supervisor"], clients["maker"]
    unit_id, person_id = _unit(container)
    payee = officer.post("/api/payees", json={"kind": "client", "name": "Ana Ruiz", "person_id": person_id})
    ent = officer.post(
        "/api/entitlements", json={**_entitlement(unit_id, payee.json()["id"], "612.00"), "method": "cheque"}
    )
    _approve_all(clients)  # in force: approved by a supervisor
    other = officer.post("/api/payees", json={"kind": "landlord", "name": "O. Officer", **OWN_ACCOUNT})
    assert (
        supervisor.post(
            f"/api/approvals/{_request_for(supervisor, other.json()['id'])}", json={"approve": True}
        ).status_code
        == 200
    )
    change = officer.post(
        f"/api/entitlements/{ent.json()['id']}/change",
        json={
            "effective_from": "2026-03-01",
            "payee_id": other.json()["id"],
            "method": "third_party",
            "reason": "pay the landlord",
        },
    )
    assert change.status_code == 200 and change.json()["pending"] is True
    # The run pays the client, not the new payee, until a second person approves the change.
    run = maker.post("/api/payment-runs", json={"pay_date": "2026-03-02"})
    assert run.status_code == 201, run.text
    with container.uow() as uow:
        from sqlalchemy import select

        payees = set(uow.session.scalars(select(Issuance.payee_id)).all())
    assert {str(p) for p in payees} == {payee.json()["id"]}


def _request_for(supervisor, subject_id: str) -> str:
    [request] = [r for r in supervisor.get("/api/approvals").json() if r["subject_id"] == subject_id]
    return str(request["id"])
