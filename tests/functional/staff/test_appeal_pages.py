"""Appeals from the decision page: file, schedule the hearing, record the outcome; mistakes re-render
beside their box (422) and write nothing; a stale version is refused (409)."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate
from tests.functional.staff.conftest import Officer, csrf_token, sign_in
from tests.functional.staff.factories import person
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit

SYSTEM = Actor.system("tests")


def _refusal(container: Container) -> decisions.DecisionPublic:
    marie = person(container).id
    app = apply(container, SYSTEM, make_unit(container, marie)).id
    eligible_single(container, SYSTEM, marie, app, income="3000.00")
    assess(container, SYSTEM, app)
    out = decisions.decide_application(container.uow(), actor=SYSTEM, data=DecisionCreate(application_id=app))
    assert out.decision is not None
    return out.decision


def test_file_hear_and_decide_an_appeal(
    signed_in: TestClient, container: Container, officer: Officer
) -> None:
    refusal = _refusal(container)
    assert (
        f"/staff/decisions/{refusal.id}/appeals/new" in signed_in.get(f"/staff/decisions/{refusal.id}").text
    )
    token = csrf_token(signed_in, f"/staff/decisions/{refusal.id}/appeals/new")
    path = f"/staff/decisions/{refusal.id}/appeals"
    blank = signed_in.post(path, data={"csrf_token": token, "grounds": " ", "filed_on": "not a date"})
    assert blank.status_code == 422 and "There is a problem" in blank.text
    filed = signed_in.post(path, data={"csrf_token": token, "grounds": "my job ended"})
    assert filed.status_code == 303, filed.text
    appeal_url = filed.headers["location"]
    page = signed_in.get(appeal_url).text
    assert "The appeal is filed." in page and "my job ended" in page and 'name="version" value="1"' in page

    when = (container.clock.today() + dt.timedelta(days=14)).isoformat()
    hearing = {"csrf_token": token, "version": "1", "panel": "A. Chair\nB. Member", "location": "Edmonton"}
    bad = signed_in.post(f"{appeal_url}/hearing", data=hearing | {"hearing_on": "2001-01-01"})
    assert bad.status_code == 422 and 'id="f-hearing_on-error"' in bad.text and "B. Member" in bad.text
    assert signed_in.post(f"{appeal_url}/hearing", data=hearing | {"hearing_on": when}).status_code == 303
    stale = signed_in.post(f"{appeal_url}/hearing", data=hearing | {"hearing_on": when})
    assert stale.status_code == 409
    page = signed_in.get(appeal_url).text
    assert "Move the hearing" in page and "Record the outcome" in page  # the flash went to the 409 page

    container.clock.advance(dt.timedelta(days=14))  # the day of the hearing: sign in again
    assert sign_in(signed_in, officer.username, officer.password).status_code == 303
    token = csrf_token(signed_in, appeal_url)
    version = page.split('name="version" value="')[1].split('"')[0]
    outcome = {"csrf_token": token, "version": version, "outcome": "upheld"}
    no_reason = signed_in.post(f"{appeal_url}/outcome", data=outcome | {"reason": ""})
    assert no_reason.status_code == 422 and 'id="f-reason-error"' in no_reason.text
    done = signed_in.post(f"{appeal_url}/outcome", data=outcome | {"reason": "income was over the limit"})
    assert done.status_code == 303
    page = signed_in.get(appeal_url).text
    assert "The outcome is recorded." in page and "Upheld" in page and "Record the outcome" not in page
