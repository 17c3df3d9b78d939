"""Third-party payees from the person page (a landlord waits for a second person; the account number
is stored masked and never sent back on a mistake), and a manual cheque from the emergency-funds form
(always approved by a second person)."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.money import list_payees
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person
from tests.functional.staff.test_money_pages import emergency


def test_a_landlord_is_set_up_for_the_person_and_waits_for_approval(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    assert f'href="/staff/people/{marie.id}/payees"' in signed_in.get(f"/staff/people/{marie.id}").text
    path = f"/staff/people/{marie.id}/payees"
    token = csrf_token(signed_in, path)
    bad = signed_in.post(
        path,
        data={
            "csrf_token": token,
            "kind": "landlord",
            "name": "Prairie Rentals",
            "institution": "12",
            "transit": "12345",
            "account": "1234567",
        },
    )
    assert bad.status_code == 422 and 'id="f-institution-error"' in bad.text
    assert 'value="Prairie Rentals"' in bad.text and "1234567" not in bad.text
    assert list_payees(container.uow(), actor=SYSTEM, person_id=marie.id) == []  # nothing written
    data = {"csrf_token": token, "kind": "landlord", "name": "Prairie Rentals", "institution": "001"}
    done = signed_in.post(path, data=data | {"transit": "12345", "account": "1234567"})
    assert done.status_code == 303, done.text
    page = signed_in.get(path).text
    assert "waits for a second person" in page and "Prairie Rentals" in page and "Landlord" in page
    assert "1234567" not in page and "Waiting for a second person" in page
    emergency_form = signed_in.get(f"/staff/people/{marie.id}/emergency").text
    assert "Prairie Rentals" in emergency_form


def test_a_manual_cheque_is_issued_with_its_number_and_waits_for_a_second_person(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    bad = emergency(signed_in, marie.id, "80.00", cheque_number="12ab", confirmed="yes")
    assert bad.status_code == 422 and 'id="f-cheque_number-error"' in bad.text  # type: ignore[attr-defined]
    first = emergency(signed_in, marie.id, "80.00", cheque_number="100234")
    page = first.text  # type: ignore[attr-defined]
    assert "Manual cheque number" in page and "100234" in page
    data = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page))
    sent = signed_in.post(f"/staff/people/{marie.id}/emergency", data=data)
    assert sent.status_code == 303
    assert "is waiting for a supervisor&#39;s approval." in signed_in.get(f"/staff/people/{marie.id}").text
