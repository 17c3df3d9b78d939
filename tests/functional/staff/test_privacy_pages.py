"""Privacy pages over HTTP: log a request from the person's file (a bad date named), the request list
with deadlines, assemble and withhold on the request page, and a refused correction's statement of
disagreement on the person page."""

from __future__ import annotations

from fastapi.testclient import TestClient

from onestop import privacy
from onestop.bootstrap import Container
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person


def _post(client: TestClient, url: str, page: str, **data: str) -> object:
    return client.post(url, data={**data, "csrf_token": csrf_token(client, page)})


def test_log_an_access_request_then_assemble_and_withhold_a_part(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    form_url = f"/staff/people/{pid}/privacy"
    assert "Log an access or correction request" in signed_in.get(f"/staff/people/{pid}").text
    form = {"kind": "access", "jurisdiction": "ca-ab", "details": "Everything about me"}
    bad = signed_in.post(
        form_url, data=form | {"received_on": "2026-13-40", "csrf_token": csrf_token(signed_in, form_url)}
    )
    assert bad.status_code == 422 and "Received on" in bad.text
    assert privacy.list_requests(container.uow(), actor=SYSTEM) == []
    done = signed_in.post(
        form_url, data=form | {"received_on": "2026-03-02", "csrf_token": csrf_token(signed_in, form_url)}
    )
    assert done.status_code == 303
    page = done.headers["location"]
    listing = signed_in.get("/staff/privacy").text
    assert "Access to information" in listing and "No open request." not in listing

    assert (
        signed_in.post(f"{page}/assemble", data={"csrf_token": csrf_token(signed_in, page)}).status_code
        == 303
    )
    shown = signed_in.get(page).text
    assert "The package" in shown and "access_history" in shown
    wrong = signed_in.post(
        f"{page}/redactions",
        data={
            "section": "documents",
            "index": "9",
            "reason": "other_person",
            "note": "x",
            "csrf_token": csrf_token(signed_in, page),
        },
    )
    assert wrong.status_code == 422 and "Item number" in wrong.text
    ok = signed_in.post(
        f"{page}/redactions",
        data={
            "section": "access_history",
            "index": "",
            "reason": "safety",
            "note": "staff safety",
            "csrf_token": csrf_token(signed_in, page),
        },
    )
    assert ok.status_code == 303
    assert "Could threaten someone&#39;s safety: staff safety" in signed_in.get(page).text
    # An officer may not approve a release (supervisors do): refused, nothing changed.
    denied = signed_in.post(f"{page}/approve", data={"csrf_token": csrf_token(signed_in, page)})
    assert denied.status_code == 403
    assert privacy.list_requests(container.uow(), actor=SYSTEM)[0].status == "assembled"


def test_a_refused_correction_shows_the_statement_on_the_person_page(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    form_url = f"/staff/people/{pid}/privacy"
    logged = _post(
        signed_in,
        form_url,
        form_url,
        kind="correction",
        jurisdiction="ca-nl",
        received_on="2026-03-02",
        details="My address is wrong",
    )
    page = logged.headers["location"]  # type: ignore[attr-defined]
    missing = _post(signed_in, f"{page}/decision", page, outcome="refused", reason="")
    assert missing.status_code == 422  # type: ignore[attr-defined]
    refused = _post(
        signed_in,
        f"{page}/decision",
        page,
        outcome="refused",
        reason="The lease shows this address.",
        disagreement="I moved out in January.",
    )
    assert refused.status_code == 303  # type: ignore[attr-defined]
    file_page = signed_in.get(f"/staff/people/{pid}").text
    assert "Statement of disagreement" in file_page and "I moved out in January." in file_page


def test_a_disclosure_without_authority_is_refused_and_one_with_it_logged(
    signed_in: TestClient, container: Container
) -> None:
    pid = person(container).id
    url = f"/staff/people/{pid}/privacy"
    form = {
        "recipient": "MLA office",
        "what": "status of the file",
        "basis": "statute",
        "disclosed_on": "2026-03-02",
    }
    bad = _post(signed_in, f"/staff/people/{pid}/disclosures", url, **form)
    assert bad.status_code == 422 and "Section of the act or court order" in bad.text  # type: ignore[attr-defined]
    assert privacy.list_disclosures(container.uow(), actor=SYSTEM, person_id=pid) == []
    done = _post(signed_in, f"/staff/people/{pid}/disclosures", url, **form, authority="FOIP s.40(1)(h)")
    assert done.status_code == 303  # type: ignore[attr-defined]
    assert "FOIP s.40(1)(h)" in signed_in.get(f"/staff/people/{pid}").text
