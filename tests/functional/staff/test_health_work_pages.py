"""The officer's health work on staff pages, each a thin layer over one service call: end and renew
coverage, record MCP, decide a special authorization, receive, decide and pay an out-of-province claim,
a landed-immigrant senior's 65Plus claim, and a trip from request to return. Bad input is shown beside
its box with what was typed (422); a stale form is refused (409)."""

from __future__ import annotations

import datetime as dt
import re
import uuid

from fastapi.testclient import TestClient

from onestop import health, money
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import AuthorizationCreate, CoverageFromDecision
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person
from tests.integration.health.builders import nl_income_support_decision

SYSTEM = Actor.system("tests")


def _covered(container: Container) -> uuid.UUID:
    marie = person(container)
    decision = nl_income_support_decision(container, SYSTEM, marie.id)
    health.apply_decision(container.uow(), actor=SYSTEM, data=CoverageFromDecision(decision_id=decision.id))
    return marie.id


def _version(text: str) -> str:
    return re.search(r'name="version" value="(\d+)"', text).group(1)  # type: ignore[union-attr]


def _link(text: str, pattern: str) -> str:
    return re.search(pattern, text).group(0)  # type: ignore[union-attr]


def test_coverage_mcp_and_an_authorization(signed_in: TestClient, container: Container) -> None:
    pid = _covered(container)
    request = AuthorizationCreate(
        person_id=pid, din="02242903", drug_name="Adalimumab", prescriber="Dr. Walsh", reason="RA"
    )
    auth = health.submit_authorization(container.uow(), actor=SYSTEM, data=request)
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    page = _link(signed_in.get(home).text, rf"/staff/people/{pid}/health/coverage/[0-9a-f-]{{36}}")
    text = signed_in.get(page).text
    version = _version(text)
    today = container.clock.today()
    refused = signed_in.post(
        f"{page}/end", data={"csrf_token": token, "version": version, "end_on": str(today)}
    )
    assert refused.status_code == 422 and 'id="f-end_reason-error"' in refused.text
    assert f'value="{today}"' in refused.text
    later = str(today + dt.timedelta(days=30))
    renew = {"csrf_token": token, "version": version, "renew_reason": "annual review done", "start_on": later}
    assert signed_in.post(f"{page}/renew", data=renew).status_code == 303
    assert signed_in.post(f"{page}/renew", data=renew).status_code in (409, 422)  # stale, or ended now
    assert "annual review done" in signed_in.get(page).text

    bad = {"csrf_token": token, "status": "registered", "number": "123", "note": "card seen"}
    shown = signed_in.post(f"{home}/mcp", data=bad)
    assert (
        shown.status_code == 422 and 'id="f-number-error"' in shown.text and 'value="card seen"' in shown.text
    )
    good = bad | {"number": "1234 5678 9012", "valid_from": "2020-01-01"}
    assert signed_in.post(f"{home}/mcp", data=good).status_code == 303
    assert "012" in signed_in.get(home).text and "1234 5678" not in signed_in.get(home).text

    page = f"{home}/authorizations/{auth.id}"
    assert page in signed_in.get(home).text
    decide = {"csrf_token": token, "version": str(auth.version), "outcome": "approved"}
    missing = signed_in.post(f"{page}/decision", data=decide)
    assert missing.status_code == 422 and 'id="f-decision_reason-error"' in missing.text
    expires = (today + dt.timedelta(days=180)).isoformat()
    ok = decide | {"decision_reason": "criteria met", "expires_on": expires}
    assert signed_in.post(f"{page}/decision", data=ok).status_code == 303
    told = {"csrf_token": token, "version": str(auth.version), "told": "approved for six months"}
    assert (
        signed_in.post(f"{page}/told", data=told).status_code == 409
    )  # the form is from before the decision
    text = signed_in.get(page).text
    assert "criteria met" in text and "Record the program" not in text
    told["version"] = _version(text)
    assert signed_in.post(f"{page}/told", data=told).status_code == 303
    assert signed_in.get(f"{page}?lang=fr").status_code == 200


def test_a_claim_a_senior_claim_and_a_trip(signed_in: TestClient, container: Container) -> None:
    pid = _covered(container)
    home = f"/staff/people/{pid}/health"
    token = csrf_token(signed_in, home)
    today = container.clock.today()
    mcp = {
        "csrf_token": token,
        "status": "registered",
        "number": "1234 5678 9012",
        "valid_from": "2020-01-01",
    }
    assert signed_in.post(f"{home}/mcp", data=mcp).status_code == 303
    claim = {
        "csrf_token": token,
        "province": "NL",
        "provider": "QEII Halifax",
        "service": "emergency appendectomy",
        "service_from": str(today - dt.timedelta(days=10)),
        "amount": "412.80",
    }
    assert signed_in.get(f"{home}/claims/new").status_code == 200
    inside = signed_in.post(f"{home}/claims", data=claim)
    assert (
        inside.status_code == 422 and 'id="f-province-error"' in inside.text and "QEII Halifax" in inside.text
    )
    received = signed_in.post(f"{home}/claims", data=claim | {"province": "ns"})
    assert received.status_code == 303
    page = received.headers["location"]
    text = signed_in.get(page).text
    decide = {
        "csrf_token": token,
        "version": _version(text),
        "outcome": "approved",
        "decision_reason": "urgent care",
    }
    assert signed_in.post(f"{page}/decision", data=decide | {"approved_amount": "500.00"}).status_code == 422
    assert signed_in.post(f"{page}/decision", data=decide).status_code == 303
    payee = money.create_payee(
        container.uow(), actor=SYSTEM, data=money.PayeeCreate(kind="vendor", name="QEII")
    )
    text = signed_in.get(page).text
    assert f'<option value="{payee.id}">QEII</option>' in text
    pay = {"csrf_token": token, "version": _version(text), "pay_to": "provider", "method": "cheque"}
    nobody = signed_in.post(f"{page}/payment", data=pay)
    assert nobody.status_code == 422 and 'id="f-payee_id-error"' in nobody.text
    assert signed_in.post(f"{page}/payment", data=pay | {"payee_id": str(payee.id)}).status_code == 303
    assert "Paid" in signed_in.get(page).text

    senior = person(container, "Ana", "Silva", born=dt.date(1950, 2, 1))
    shome = f"/staff/people/{senior.id}/health"
    assert signed_in.get(f"{shome}/senior-claims/new").status_code == 200
    received = signed_in.post(f"{shome}/senior-claims", data={"csrf_token": token, "landed_immigrant": "yes"})
    assert received.status_code == 303
    page = received.headers["location"]
    text = signed_in.get(page).text
    assert "landed_immigrant" in text and "nl.nlpdp.65plus.landed_immigrant_conditions" in text
    decide = {"csrf_token": token, "version": _version(text), "outcome": "approved"}
    assert signed_in.post(f"{page}/decision", data=decide).status_code == 422
    assert (
        signed_in.post(f"{page}/decision", data=decide | {"decision_reason": "conditions met"}).status_code
        == 303
    )
    assert "65Plus Plan" in signed_in.get(shome).text

    trip = {
        "csrf_token": token,
        "kind": "medical",
        "reason": "cardiac surgery not available in NL",
        "leg1_from": "St. John's",
        "leg1_to": "Halifax",
        "leg1_carrier": "Air Canada",
        "estimated_cost": "1240.00",
    }
    undated = signed_in.post(f"{home}/travel", data=trip)
    assert (
        undated.status_code == 422
        and 'id="f-leg1_date-error"' in undated.text
        and "Air Canada" in undated.text
    )
    requested = signed_in.post(
        f"{home}/travel", data=trip | {"leg1_date": str(today), "return_on": str(today)}
    )
    assert requested.status_code == 303
    page = requested.headers["location"]
    carrier = money.create_payee(
        container.uow(), actor=SYSTEM, data=money.PayeeCreate(kind="vendor", name="AC")
    )
    text = signed_in.get(page).text
    approve = {
        "csrf_token": token,
        "version": _version(text),
        "outcome": "approved",
        "decision_reason": "referral",
    }
    assert signed_in.post(f"{page}/decision", data=approve | {"payee_id": str(carrier.id)}).status_code == 303
    text = signed_in.get(page).text
    invoice = {"csrf_token": token, "version": _version(text), "invoice_payee_id": str(carrier.id)}
    short = signed_in.post(f"{page}/invoices", data=invoice | {"vendor_reference": "AC-1"})
    assert short.status_code == 422 and 'id="f-invoice_amount-error"' in short.text
    assert (
        signed_in.post(
            f"{page}/invoices", data=invoice | {"vendor_reference": "AC-1", "invoice_amount": "980.00"}
        ).status_code
        == 303
    )
    text = signed_in.get(page).text
    back = {"csrf_token": token, "version": _version(text), "returned_on": str(today), "return_note": "home"}
    assert signed_in.post(f"{page}/return", data=back).status_code == 303
    assert "home" in signed_in.get(page).text and "$980.00" in signed_in.get(page).text
    assert signed_in.get(f"{page}?lang=fr").status_code == 200
