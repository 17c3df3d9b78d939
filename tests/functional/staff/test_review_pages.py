"""After the decision, on pages: a reported change of income reassessed into a new decision; a review
cancelled; a benefit suspended and reinstated. Mistakes re-render beside their box with what was typed
(422) and write nothing; a stale version re-renders the page as it is now, with what was typed (409)."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import decisions, reviews
from onestop.cases.decisions import DecisionCreate
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    make_unit,
    verified_document,
)

SYSTEM = Actor.system("tests")
_VERSION = re.compile(r'name="version" value="(\d+)"')


def _granted(container: Container) -> tuple[uuid.UUID, decisions.DecisionPublic]:
    marie = person(container).id
    app = apply(container, SYSTEM, make_unit(container, marie)).id
    eligible_single(container, SYSTEM, marie, app)
    assess(container, SYSTEM, app)
    out = decisions.decide_application(container.uow(), actor=SYSTEM, data=DecisionCreate(application_id=app))
    assert out.decision is not None and out.decision.monthly_amount == "824.00"
    return marie, out.decision


def _version(html: str) -> str:
    match = _VERSION.search(html)
    assert match, "no version on the page"
    return match.group(1)


def test_a_reported_change_of_income_is_reassessed_into_a_new_decision(
    signed_in: TestClient, container: Container
) -> None:
    marie, granted = _granted(container)
    app_url = f"/staff/applications/{granted.application_id}"
    assert f"{app_url}/change" in signed_in.get(app_url).text
    assert (
        f'href="{app_url}/change"' in signed_in.get(f"/staff/people/{marie}").text
    )  # one click from the file
    token = csrf_token(signed_in, f"{app_url}/change")
    blank = signed_in.post(
        f"{app_url}/change", data={"csrf_token": token, "category": "assets", "description": ""}
    )
    assert blank.status_code == 422 and 'id="f-description-error"' in blank.text
    assert '<option value="assets" selected>' in blank.text  # what was chosen is kept
    assert reviews.list_reviews(container.uow(), actor=SYSTEM, application_id=granted.application_id)[
        0
    ].kind == ("periodic")  # nothing written: only the periodic review the decision scheduled

    pay = verified_document(container, SYSTEM, marie, "income_proof")
    form = signed_in.get(f"{app_url}/change").text
    income = re.search(r'<option value="(\d+:people\[[^"]+\]\.monthly_net_employment_income)"', form)
    assert income, "the income fact is offered"
    told = {
        "csrf_token": token,
        "category": "income",
        "description": "started part-time work, $500 a month",
        "fact": income.group(1),
        "document_id": str(pay),
    }
    wrong = signed_in.post(f"{app_url}/change", data=told | {"answer": "five hundred"})
    assert wrong.status_code == 422 and 'id="f-answer-error"' in wrong.text and "five hundred" in wrong.text
    assert (
        len(reviews.list_reviews(container.uow(), actor=SYSTEM, application_id=granted.application_id)) == 1
    )
    done = signed_in.post(f"{app_url}/change", data=told | {"answer": "500"})
    assert done.status_code == 303, done.text
    review_url = done.headers["location"]
    page = signed_in.get(review_url).text
    assert "The change is recorded." in page and "Under way" in page and "started part-time work" in page
    assert review_url in signed_in.get(app_url).text  # the application leads back to its open review

    version = _version(page)
    conduct = {"csrf_token": token, "action": "reassess", "note": "pay stubs seen"}
    stale = signed_in.post(f"{review_url}/conduct", data=conduct | {"version": str(int(version) - 1)})
    assert stale.status_code == 409 and "Someone else changed this" in stale.text
    assert "pay stubs seen" in stale.text and f'name="version" value="{version}"' in stale.text
    decided = signed_in.post(f"{review_url}/conduct", data=conduct | {"version": version})
    assert decided.status_code == 303 and decided.headers["location"].startswith("/staff/decisions/")
    assert "621.50" in signed_in.get(decided.headers["location"]).text
    after = signed_in.get(review_url).text
    assert "Completed" in after and "The benefit changes" in after and "Conduct the review" not in after


def test_a_review_is_cancelled_only_with_a_reason(signed_in: TestClient, container: Container) -> None:
    _marie, granted = _granted(container)
    [review] = reviews.list_reviews(container.uow(), actor=SYSTEM, application_id=granted.application_id)
    url = f"/staff/reviews/{review.id}"
    token = csrf_token(signed_in, url)
    no_reason = signed_in.post(f"{url}/cancel", data={"csrf_token": token, "version": str(review.version)})
    assert no_reason.status_code == 422 and 'id="f-cancel_reason-error"' in no_reason.text
    data = {"csrf_token": token, "version": str(review.version), "cancel_reason": "moved out of province"}
    assert signed_in.post(f"{url}/cancel", data=data).status_code == 303
    page = signed_in.get(url).text
    assert "Cancelled" in page and "moved out of province" in page


def test_suspend_and_reinstate_from_the_application(signed_in: TestClient, container: Container) -> None:
    _marie, granted = _granted(container)
    hold = f"/staff/applications/{granted.application_id}/hold"
    page = signed_in.get(hold).text
    assert "Suspend the benefit" in page and "824.00" in page
    token = csrf_token(signed_in, hold)
    suspend = f"/staff/applications/{granted.application_id}/suspend"
    version = _version(page)
    bad = signed_in.post(
        suspend, data={"csrf_token": token, "version": version, "effective_from": "2001-01-01"}
    )
    assert bad.status_code == 422 and "There is a problem" in bad.text
    assert (
        decisions.list_decisions(container.uow(), actor=SYSTEM, application_id=granted.application_id)[
            0
        ].outcome
        == "eligible"
    )  # nothing written
    data = {"csrf_token": token, "version": version, "reason": "did not attend the review"}
    done = signed_in.post(suspend, data=data)
    assert done.status_code == 303, done.text
    again = signed_in.post(suspend, data=data)  # the form read before the suspension: stale
    assert again.status_code == 409 and "did not attend the review" in again.text
    page = signed_in.get(hold).text
    assert "Reinstate the benefit" in page and "Suspended" in page
    reinstate = f"/staff/applications/{granted.application_id}/reinstate"
    back = signed_in.post(
        reinstate, data={"csrf_token": token, "version": _version(page), "reason": "came in"}
    )
    assert back.status_code == 303
    assert "Suspend the benefit" in signed_in.get(hold).text
