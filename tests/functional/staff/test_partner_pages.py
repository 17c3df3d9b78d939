"""Sponsor, project and inquiry pages over HTTP: a sponsor added (a missing name shown beside its box,
422), a proposal negotiated and recommended on the project page, signing refused before approval
(409), an instalment over the approved funding refused beside its box, its payment approved by
another person only (403 for its recorder), a visit and the closing; an
inquiry recorded from the person's page, a disclosure refused without consent, then answered with it."""

from __future__ import annotations

import re
import uuid

from fastapi.testclient import TestClient

from onestop import money, partners
from onestop.access import Actor, Role
from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import person
from tests.integration.cases.factories import make_worker

SYSTEM = Actor.system("tests")


def _version(text: str) -> str:
    match = re.search(r'name="version" value="(\d+)"', text)
    assert match
    return match.group(1)


def test_a_project_on_its_pages(signed_in: TestClient, container: Container) -> None:
    assert "No sponsor is recorded yet." in signed_in.get("/staff/partners").text
    token = csrf_token(signed_in, "/staff/partners")
    sponsor = {
        "csrf_token": token,
        "kind": "community",
        "contact_name": "Joan Mercer",
        "contact_phone": "709-555-0142",
    }
    missing = signed_in.post("/staff/partners/sponsors", data=sponsor)
    assert (
        missing.status_code == 422
        and 'id="f-name-error"' in missing.text
        and 'value="Joan Mercer"' in missing.text
    )
    assert (
        signed_in.post(
            "/staff/partners/sponsors", data=sponsor | {"name": "Bay Roberts Heritage Society"}
        ).status_code
        == 303
    )
    [made] = partners.list_sponsors(container.uow(), actor=SYSTEM)
    proposal = {
        "csrf_token": token,
        "sponsor_id": str(made.id),
        "title": "Heritage trail",
        "program": "nl.lmda",
        "activities": "Trail work",
        "participants_wanted": "5",
        "funding_asked": "120000.00",
        "starts_on": "2026-02-02",
        "ends_on": "2026-01-01",
    }
    backwards = signed_in.post("/staff/partners/projects", data=proposal)
    assert backwards.status_code == 422 and 'id="f-ends_on-error"' in backwards.text
    added = signed_in.post("/staff/partners/projects", data=proposal | {"ends_on": "2026-09-30"})
    assert added.status_code == 303
    page = added.headers["location"]
    text = signed_in.get(page).text
    assert "$120,000.00" in text and "Proposed" in text
    sent = signed_in.post(
        f"{page}/negotiate",
        data={
            "csrf_token": token,
            "version": _version(text),
            "funding": "90000.00",
            "note": "Shorter season",
        },
    )
    assert sent.status_code == 303
    text = signed_in.get(page).text
    sent = signed_in.post(
        f"{page}/recommend",
        data={"csrf_token": token, "version": _version(text), "recommendation": "Fills a skills gap"},
    )
    assert sent.status_code == 303
    refused = signed_in.post(f"{page}/sign", data={"csrf_token": token, "signed_on": "2026-02-02"})
    assert refused.status_code == 403  # an officer neither approves nor signs

    project_id = uuid.UUID(page.rsplit("/", 1)[1])
    partners.approve(container.uow(), actor=SYSTEM, project_id=project_id, data=partners.Approval())
    partners.sign(
        container.uow(), actor=SYSTEM, project_id=project_id, data=partners.Signing(signed_on="2026-02-02")
    )  # type: ignore[arg-type]

    # The sponsor's payee was set up by hand on the page: a supervisor approves it in money first.
    supervisor = make_worker(container, Role.SUPERVISOR)
    [request] = [
        r
        for r in money.list_approvals(container.uow(), actor=supervisor.actor)
        if r.subject_id == made.payee_id
    ]
    money.decide_approval(container.uow(), actor=supervisor.actor, approval_id=request.id, approve=True)
    over = signed_in.post(
        f"{page}/instalment", data={"csrf_token": token, "amount": "90000.01", "pay_date": "2026-03-02"}
    )
    assert over.status_code == 422 and 'id="f-amount-error"' in over.text and "90000.01" in over.text
    assert (
        signed_in.post(
            f"{page}/instalment", data={"csrf_token": token, "amount": "45000.00", "pay_date": "2026-03-02"}
        ).status_code
        == 303
    )
    text = signed_in.get(page).text
    assert "Waiting for a second person" in text and "Approve payment of instalment 1" not in text
    own = signed_in.post(f"{page}/approve-instalment", data={"csrf_token": token, "number": "1"})
    assert own.status_code == 403 and "another person must" in own.text  # maker-checker
    partners.approve_instalment(
        container.uow(),
        actor=supervisor.actor,
        project_id=project_id,
        number=1,
        data=partners.InstalmentApproval(),
    )
    assert (
        signed_in.post(
            f"{page}/visit", data={"csrf_token": token, "visited_on": "2026-03-02", "findings": "On track"}
        ).status_code
        == 303
    )
    text = signed_in.get(page).text
    assert "Approved funding not yet asked for: $45,000.00." in text and "On track" in text
    assert "Approved, in the next payment batch" in text
    assert (
        signed_in.post(
            f"{page}/close",
            data={
                "csrf_token": token,
                "version": _version(text),
                "closed_on": "2026-03-02",
                "results": "Trail open",
            },
        ).status_code
        == 303
    )
    text = signed_in.get(page).text
    assert "Closed" in text and "Trail open" in text
    assert "Versements" in signed_in.get(f"{page}?lang=fr").text
    budget = signed_in.get("/staff/budget?lang=en").text
    assert "Committed project funding" in budget and "$90,000.00" in budget


def test_an_inquiry_from_the_person_page(signed_in: TestClient, container: Container) -> None:
    client = person(container, "Dana", "Hynes")
    text = signed_in.get(f"/staff/people/{client.id}").text
    assert "No inquiry." in text
    new = f"/staff/people/{client.id}/inquiries/new"
    token = csrf_token(signed_in, new)
    inquiry = {
        "csrf_token": token,
        "member_office": "mha",
        "member_name": "Hon. Pam Parsons",
        "asked_by": "Gail Kennedy",
        "on_behalf_of": "The client",
        "question": "Why was the cheque late?",
        "received_on": "2026-02-26",
    }
    missing = signed_in.post(f"/staff/people/{client.id}/inquiries", data=inquiry | {"question": ""})
    assert missing.status_code == 422 and 'id="f-question-error"' in missing.text
    made = signed_in.post(f"/staff/people/{client.id}/inquiries", data=inquiry)
    assert made.status_code == 303
    page = made.headers["location"]
    assert "Hon. Pam Parsons" in signed_in.get("/staff/inquiries").text
    text = signed_in.get(page).text
    answer = {
        "csrf_token": token,
        "version": _version(text),
        "answer": "It was held for a T4.",
        "disclose": "yes",
        "answered_on": "2026-03-02",
    }
    refused = signed_in.post(f"{page}/answer", data=answer)
    assert refused.status_code == 422 and "not consented" in refused.text and "held for a T4" in refused.text
    assert (
        signed_in.post(
            f"{page}/consent",
            data={
                "csrf_token": token,
                "version": _version(text),
                "consent_on": "2026-03-02",
                "consent_note": "By phone",
            },
        ).status_code
        == 303
    )
    text = signed_in.get(page).text
    assert signed_in.post(f"{page}/answer", data=answer | {"version": _version(text)}).status_code == 303
    assert "details shared with consent" in signed_in.get(page).text
    assert "No inquiry is waiting for an answer." in signed_in.get("/staff/inquiries").text
    assert "Hon. Pam Parsons" in signed_in.get(f"/staff/people/{client.id}").text
