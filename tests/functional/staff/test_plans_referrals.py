"""Outcome plans and referrals over HTTP: the one-page editor, revisions, reviews, printing, closing;
a referral that records the person's consent and then checks it."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person


def test_a_plan_is_written_revised_reviewed_printed_and_closed(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/plans/new"
    editor = signed_in.get(path).text
    assert 'name="goal_rows" value="3"' in editor and 'name="action_rows" value="3"' in editor
    token = csrf_token(signed_in, path)
    form = {
        "csrf_token": token,
        "goal_rows": "3",
        "action_rows": "3",
        "title": "Housing first",
        "goal-0-text": "Find a place to live",
        "goal-1-text": "Get a job",
        "action-0-text": "Apply for social housing",
        "action-0-owner": "client",
        "action-0-goal": "new-0",
        "action-0-due_on": "2026-04-30",
        "action-1-text": "Meet the employment coach",
        "action-1-owner": "agency",
        "action-1-owner_name": "",
        "action-1-goal": "new-1",
    }
    missing_agency = signed_in.post(path, data=form)
    assert missing_agency.status_code == 422 and "name the agency" in missing_agency.text
    assert 'value="Apply for social housing"' in missing_agency.text  # the rows are kept
    created = signed_in.post(path, data=form | {"action-1-owner_name": "Alberta Works"})
    assert created.status_code == 303, created.text
    plan = created.headers["location"]
    page = signed_in.get(plan).text
    assert "Housing first" in page and "Find a place to live" in page and "(G1)" in page and "(G2)" in page
    edit = signed_in.get(f"{plan}/edit").text
    assert 'name="goal-0-id" value="G1"' in edit and 'name="goal_rows" value="5"' in edit
    version = re.search(r'name="version" value="(\d+)"', edit).group(1)  # type: ignore[union-attr]
    revised = signed_in.post(
        f"{plan}/edit",
        data={
            "csrf_token": token,
            "version": version,
            "goal_rows": "5",
            "action_rows": "5",
            "title": "Home",
            "goal-0-id": "G1",
            "goal-0-text": "Find a place to live",
            "goal-0-status": "achieved",
            "goal-1-id": "G2",
            "goal-1-text": "Get a job",
            "goal-2-text": "Open a bank account",
            "action-0-id": "A1",
            "action-0-text": "Apply for social housing",
            "action-0-owner": "client",
            "action-0-status": "done",
            "action-1-text": "Visit the bank",
            "action-1-owner": "client",
            "action-1-goal": "new-2",
            "note": "moved in",
        },
    )
    assert revised.status_code == 303, revised.text
    page = signed_in.get(plan).text
    assert "Open a bank account" in page and "(G3)" in page and "Revision 2" in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    review = {
        "csrf_token": token,
        "version": version,
        "review_on": "2026-03-02",
        "period_from": "2026-02-01",
        "period_to": "2026-03-02",
        "progress": "on_track",
        "notes": "Keys received",
    }
    assert signed_in.post(f"{plan}/review", data=review | {"period_from": "2026-03-05"}).status_code == 422
    assert signed_in.post(f"{plan}/review", data=review).status_code == 303
    assert "Keys received" in signed_in.get(plan).text
    pdf = signed_in.get(f"{plan}/print?format=text")
    assert pdf.status_code == 200 and "Home" in pdf.text
    version = re.search(r'name="version" value="(\d+)"', signed_in.get(plan).text).group(1)  # type: ignore[union-attr]
    assert signed_in.post(f"{plan}/close", data={"csrf_token": token, "version": version}).status_code == 303
    closed = signed_in.get(plan).text
    assert "Closed" in closed and "Change the plan" not in closed
    assert "Home" in signed_in.get(f"/staff/people/{marie.id}").text


def test_a_referral_records_the_consent_given_then_and_there(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    path = f"/staff/people/{marie.id}/referrals/new"
    form_page = signed_in.get(f"{path}?target=ext.211").text
    assert '<option value="ext.211" selected>' in form_page
    token = csrf_token(signed_in, path)
    data = {
        "csrf_token": token,
        "target": "ext.211",
        "reason": "Needs a food bank nearby",
        "shared": ["contact"],
    }
    refused = signed_in.post(path, data=data)  # sharing without consent
    assert refused.status_code == 422 and "consent" in refused.text
    sent = signed_in.post(path, data=data | {"consent": "yes"})
    assert sent.status_code == 303, sent.text
    file = signed_in.get(f"/staff/people/{marie.id}").text
    referral = re.search(r'href="(/staff/referrals/[0-9a-f-]+)"', file).group(1)  # type: ignore[union-attr]
    assert "ext.211, for referral: Needs a food bank nearby" in file  # the consent, on the file
    page = signed_in.get(referral).text
    assert "Contact details" in page and "They accepted" in page
    version = re.search(r'name="version" value="(\d+)"', page).group(1)  # type: ignore[union-attr]
    assert (
        signed_in.post(
            referral, data={"csrf_token": token, "version": version, "status": "accepted"}
        ).status_code
        == 303
    )
    assert "Accepted" in signed_in.get(referral).text
