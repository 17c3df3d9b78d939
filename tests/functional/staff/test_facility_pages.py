"""Facility caseload pages over HTTP: a facility added (a bad rate re-shown beside its box, 422), a
resident's stay in from the person's health page, the facility page and the caseload listing them, a
payment to the facility (refused health benefits without coverage), the day out, a stale form 409."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop import health
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.health.schemas import BenefitCreate, FacilityCreate, StayIn
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person


def _version(text: str, action: str) -> str:
    match = re.search(
        re.escape(action)
        + r'" novalidate>\s*<input[^>]*csrf_token[^>]*><input type="hidden" name="version" value="(\d+)"',
        text,
    )
    assert match, f"no version for {action}"
    return match.group(1)


def test_adding_a_facility(signed_in: TestClient) -> None:
    assert "No facility is recorded yet." in signed_in.get("/staff/facilities").text
    token = csrf_token(signed_in, "/staff/facilities")
    form = {"csrf_token": token, "name": "Naomi Centre", "kind": "shelter", "address": "7 Cook St"}
    refused = signed_in.post("/staff/facilities", data=form | {"nightly_rate": "45.001"})
    assert refused.status_code == 422
    assert 'id="f-nightly_rate-error"' in refused.text and 'value="Naomi Centre"' in refused.text
    added = signed_in.post("/staff/facilities", data=form | {"nightly_rate": "45.00"})
    assert added.status_code == 303
    page = signed_in.get(added.headers["location"]).text
    assert "Naomi Centre" in page and "$45.00" in page
    change = {"csrf_token": token, "version": "1", "address": "9 Cook St", "nightly_rate": "-3"}
    negative = signed_in.post(added.headers["location"], data=change)
    assert (
        negative.status_code == 422
        and 'id="f-nightly_rate-error"' in negative.text
        and "9 Cook St" in negative.text
    )
    assert (
        signed_in.post(added.headers["location"], data=change | {"nightly_rate": "48.00"}).status_code == 303
    )
    assert (
        signed_in.post(added.headers["location"], data=change | {"nightly_rate": "50.00"}).status_code == 409
    )
    assert "$48.00" in signed_in.get(added.headers["location"]).text
    assert "Naomi Centre" in signed_in.get("/staff/facilities?lang=fr").text


def test_a_resident_from_the_person_page(signed_in: TestClient, container: Container) -> None:
    system = Actor.system("tests")
    shelter = health.create_facility(
        container.uow(),
        actor=system,
        data=FacilityCreate(name="Naomi Centre", kind="shelter", address="7 Cook St", nightly_rate="45.00"),
    )
    dana = person(container, "Dana", "Hynes")
    member = MemberIn(person_id=dana.id, role="applicant", joined_on=container.clock.today())
    create_unit(container.uow(), actor=SYSTEM, data=UnitCreate(members=[member]))
    page = f"/staff/people/{dana.id}/health"
    text = signed_in.get(page).text
    assert "No stay in a shelter" in text and f'<option value="{shelter.id}">Naomi Centre</option>' in text
    token = csrf_token(signed_in, page)
    today = container.clock.today().isoformat()
    stay = {"csrf_token": token, "facility_id": str(shelter.id), "in_on": "", "stay_reason": "evicted"}
    missing = signed_in.post(f"{page}/stays", data=stay)
    assert (
        missing.status_code == 422
        and 'id="f-in_on-error"' in missing.text
        and 'value="evicted"' in missing.text
    )
    assert signed_in.post(f"{page}/stays", data=stay | {"in_on": today}).status_code == 303
    again = signed_in.post(f"{page}/stays", data=stay | {"in_on": today})
    assert again.status_code == 422 and "is already in Naomi Centre" in again.text

    assert "Dana Hynes" in signed_in.get(f"/staff/facilities/{shelter.id}").text
    assert "Dana Hynes" in signed_in.get("/staff/facilities/caseload").text

    text = signed_in.get(page).text
    stay_id = re.search(r"/health/stays/([0-9a-f-]{36})/out", text).group(1)  # type: ignore[union-attr]
    version = _version(text, f"/health/stays/{stay_id}/out")
    pay = {"csrf_token": token, "version": version, "benefit_kind": "one_time", "nights": "two"}
    bad = signed_in.post(f"{page}/stays/{stay_id}/benefits", data=pay)
    assert bad.status_code == 422 and 'id="f-nights-error"' in bad.text
    uncovered = signed_in.post(
        f"{page}/stays/{stay_id}/benefits", data=pay | {"nights": "2", "health_benefits": "yes"}
    )
    assert uncovered.status_code == 422 and 'id="f-health_benefits-error"' in uncovered.text
    assert "no drug coverage" in uncovered.text
    paid = signed_in.post(f"{page}/stays/{stay_id}/benefits", data=pay | {"nights": "2"})
    assert paid.status_code == 303
    text = signed_in.get(page).text
    assert "$90.00" in text and "One-time payment" in text

    out = {"csrf_token": token, "version": version, "out_on": today, "out_reason": "own apartment"}
    assert signed_in.post(f"{page}/stays/{stay_id}/out", data=out).status_code == 303
    assert signed_in.post(f"{page}/stays/{stay_id}/out", data=out).status_code == 409  # stale form
    assert "No resident in any facility." in signed_in.get("/staff/facilities/caseload").text
    assert signed_in.get(f"{page}?lang=fr").status_code == 200


def test_the_day_out_ends_the_monthly_payment(signed_in: TestClient, container: Container) -> None:
    system = Actor.system("tests")
    home = health.create_facility(
        container.uow(),
        actor=system,
        data=FacilityCreate(
            name="Agnes Pratt Home", kind="residential", address="1 Topsail Rd", monthly_rate="1850.00"
        ),
    )
    rita = person(container, "Rita", "Power")
    member = MemberIn(person_id=rita.id, role="applicant", joined_on=container.clock.today())
    create_unit(container.uow(), actor=SYSTEM, data=UnitCreate(members=[member]))
    stay = health.record_stay_in(
        container.uow(),
        actor=system,
        data=StayIn(person_id=rita.id, facility_id=home.id, in_on=container.clock.today()),
    )
    paid = health.pay_benefit(
        container.uow(), actor=system, stay_id=stay.id, data=BenefitCreate(kind="recurring")
    )
    assert paid.money_state == "approved"  # set up by the system: no second person
    page = f"/staff/people/{rita.id}/health"
    token = csrf_token(signed_in, page)
    text = signed_in.get(page).text
    version = _version(text, f"/health/stays/{stay.id}/out")
    out = {"csrf_token": token, "version": version, "out_on": container.clock.today().isoformat()}
    done = signed_in.post(f"{page}/stays/{stay.id}/out", data=out, follow_redirects=True)
    assert done.status_code == 200
    assert "The monthly payment to the facility ends on the day out." in done.text
    assert "Ended on the day out" in done.text and "still set up in money" not in done.text
