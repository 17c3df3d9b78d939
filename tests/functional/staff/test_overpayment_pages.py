"""Overpayments from the person page: set up, repay, ask for a write-off; bad input re-renders (422)
with the error beside its box and what was typed, and writes nothing."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person


def _in_a_unit(container: Container) -> object:
    marie = person(container)
    member = MemberIn(person_id=marie.id, role="applicant", joined_on=container.clock.today())
    create_unit(container.uow(), actor=Actor.system("tests"), data=UnitCreate(members=[member]))
    return marie


def test_set_up_repay_and_ask_for_a_write_off(signed_in: TestClient, container: Container) -> None:
    marie = _in_a_unit(container)
    base = f"/staff/people/{marie.id}/overpayments"  # type: ignore[attr-defined]
    form = signed_in.get(f"{base}/new")
    assert form.status_code == 200 and 'id="f-amount"' in form.text
    token = csrf_token(signed_in, f"{base}/new")
    data = {"csrf_token": token, "program": "ab.income_support", "source": "reassessment"}
    bad = signed_in.post(base, data=data | {"amount": "lots", "reason": "income not reported"})
    assert bad.status_code == 422 and 'id="f-amount-error"' in bad.text and "income not reported" in bad.text
    assert "Left to recover" not in signed_in.get(f"/staff/people/{marie.id}").text  # type: ignore[attr-defined]
    made = signed_in.post(base, data=data | {"amount": "400.00", "reason": "income not reported"})
    assert made.status_code == 303, made.text
    page_url = made.headers["location"]
    page = signed_in.get(page_url).text
    assert "An overpayment of $400.00 is set up." in page and "$400.00" in page

    too_much = signed_in.post(f"{page_url}/repayment", data={"csrf_token": token, "amount": "900"})
    assert too_much.status_code == 422 and 'id="f-amount-error"' in too_much.text
    assert 'value="900"' in too_much.text
    repayment = {"csrf_token": token, "amount": "150", "note": "cash"}
    paid = signed_in.post(f"{page_url}/repayment", data=repayment)
    assert paid.status_code == 303
    assert "The repayment is recorded; $250.00 is left." in signed_in.get(page_url).text

    blank = signed_in.post(f"{page_url}/write-off", data={"csrf_token": token, "reason": " "})
    assert blank.status_code == 422 and 'id="f-reason-error"' in blank.text
    asked = signed_in.post(f"{page_url}/write-off", data={"csrf_token": token, "reason": "moved away"})
    assert asked.status_code == 303
    again = signed_in.post(f"{page_url}/write-off", data={"csrf_token": token, "reason": "moved away"})
    assert again.status_code == 409

    file = signed_in.get(f"/staff/people/{marie.id}").text  # type: ignore[attr-defined]
    assert "Repayment $150.00" in file and re.search(r"Overpayment owed back</dt><dd>\$250\.00", file)


def test_an_unknown_overpayment_is_not_found(signed_in: TestClient, container: Container) -> None:
    marie = _in_a_unit(container)
    missing = "00000000-0000-0000-0000-000000000001"
    assert signed_in.get(f"/staff/people/{marie.id}/overpayments/{missing}").status_code == 404  # type: ignore[attr-defined]
    assert signed_in.get(f"/staff/people/{marie.id}/overpayments/not-an-id").status_code == 404  # type: ignore[attr-defined]
