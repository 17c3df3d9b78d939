"""Breach pages over HTTP: an officer reports a breach from a letter that went astray (the form comes
filled in; a bad date is named and nothing is written); the privacy office assesses it, writes the
letters, follows up and closes it; and the deadline extension on an access request's page."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi.testclient import TestClient

from onestop import privacy
from onestop.access import Role
from onestop.bootstrap import Container
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff
from tests.integration.privacy.letters import sent_letter


def _post(client: TestClient, url: str, page: str, **data: str) -> object:
    return client.post(url, data={**data, "csrf_token": csrf_token(client, page)})


def test_a_breach_reported_from_a_letter_is_assessed_notified_followed_up_and_closed(
    signed_in: TestClient, client: TestClient, container: Container
) -> None:
    marie = person(container)
    letter = sent_letter(container, marie.id)
    letter_page = signed_in.get(f"/staff/letters/{letter}").text
    assert f"/staff/privacy/breaches?notice={letter}" in letter_page

    form_url = f"/staff/privacy/breaches?notice={letter}"
    form = signed_in.get(form_url).text
    assert f'name="notice_id" value="{letter}"' in form
    base = {"kind": "misdirected_letter", "jurisdiction": "ca-ab", "notice_id": str(letter)}
    bad = _post(
        signed_in, "/staff/privacy/breaches", form_url, **base, discovered_on="2026-02-30", description="x"
    )
    assert bad.status_code == 422 and "Found on" in bad.text  # type: ignore[attr-defined]
    assert privacy.list_breaches(container.uow(), actor=SYSTEM) == []
    done = _post(
        signed_in,
        "/staff/privacy/breaches",
        form_url,
        **base,
        discovered_on="2026-03-02",
        description="The neighbour at 12 Main St brought the letter back opened.",
    )
    assert done.status_code == 303  # type: ignore[attr-defined]
    page = done.headers["location"]  # type: ignore[attr-defined]
    shown = signed_in.get(page).text
    assert "Letter to the wrong person or address" in shown
    assert "Assess the breach" not in shown  # an officer reports; the privacy office works it

    signed_in.cookies.clear()
    staff(container, "pbreach", {Role.PRIVACY}, PASSWORD)
    assert sign_in(client, "pbreach", PASSWORD).status_code == 303
    assert "Assess the breach" in client.get(page).text
    factors = {
        "information": "Your name and the date of your review.",
        "sensitivity": "medium",
        "people_affected": "1",
        "likelihood": "medium",
        "containment": "contained",
        "containment_steps": "The neighbour gave the letter back the same day.",
        "harm": "Embarrassment.",
    }
    missing = _post(client, f"{page}/assessment", page, **(factors | {"harm": ""}))
    assert missing.status_code == 422 and "What harm could follow" in missing.text  # type: ignore[attr-defined]
    assert _post(client, f"{page}/assessment", page, **factors).status_code == 303  # type: ignore[attr-defined]
    breach_id = uuid.UUID(page.rsplit("/", 1)[1])
    assessed = privacy.get_breach(container.uow(), actor=SYSTEM, breach_id=breach_id)
    assert assessed.risk == "medium" and assessed.must_notify and assessed.person_id == marie.id

    early = _post(client, f"{page}/close", page, outcome="Nothing more to do.")
    assert early.status_code == 409 and "notify the person" in early.text  # type: ignore[attr-defined]
    assert _post(client, f"{page}/notify", page).status_code == 303  # type: ignore[attr-defined]
    shown = client.get(page).text
    assert "The report to the commissioner (PDF)" in shown
    pdf = client.get(f"{page}/office-letter.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")

    step = _post(client, f"{page}/actions", page, what="Check the envelope window", due_on="2026-03-09")
    assert step.status_code == 303  # type: ignore[attr-defined]
    still_open = _post(client, f"{page}/close", page, outcome="Done")
    assert still_open.status_code == 409  # type: ignore[attr-defined]
    action = privacy.get_breach(container.uow(), actor=SYSTEM, breach_id=breach_id).actions[0]
    done_step = _post(client, f"/staff/privacy/breach-actions/{action.id}/done", page, note="Fixed")
    assert done_step.status_code == 303  # type: ignore[attr-defined]
    closed = _post(client, f"{page}/close", page, outcome="Envelopes checked before mailing.")
    assert closed.status_code == 303  # type: ignore[attr-defined]
    assert privacy.get_breach(container.uow(), actor=SYSTEM, breach_id=breach_id).status == "closed"
    assert "Recently closed" in client.get("/staff/privacy/breaches").text


def test_an_access_request_deadline_is_extended_once_with_a_reason(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    form_url = f"/staff/people/{pid}/privacy"
    logged = _post(
        signed_in,
        form_url,
        form_url,
        kind="access",
        jurisdiction="ca-ab",
        received_on="2026-03-02",
        details="Everything about me",
    )
    page = logged.headers["location"]  # type: ignore[attr-defined]
    assert "Extend the deadline" in signed_in.get(page).text
    too_long = _post(signed_in, f"{page}/extend", page, extension_days="45", extension_reason="Many records")
    assert too_long.status_code == 422 and "Extra days" in too_long.text  # type: ignore[attr-defined]
    no_reason = _post(signed_in, f"{page}/extend", page, extension_days="20", extension_reason="")
    assert no_reason.status_code == 422 and "Reason for the extension" in no_reason.text  # type: ignore[attr-defined]
    assert privacy.list_requests(container.uow(), actor=SYSTEM)[0].due_on == dt.date(2026, 4, 1)
    ok = _post(signed_in, f"{page}/extend", page, extension_days="20", extension_reason="Many records")
    assert ok.status_code == 303  # type: ignore[attr-defined]
    shown = signed_in.get(page).text
    assert "extended:" in shown and "Many records" in shown and "Extend the deadline" not in shown
    assert privacy.list_requests(container.uow(), actor=SYSTEM)[0].due_on == dt.date(2026, 4, 21)
