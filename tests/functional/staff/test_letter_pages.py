"""The letters outbox for staff: the list with its filters and failure queue, one letter's preview and
controls (paragraph, re-send, print, returned), and the letters section of the person page."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi.testclient import TestClient

from onestop import notices, registry
from onestop.access import Role
from onestop.bootstrap import Container
from onestop.registry.schemas import AddressIn
from tests.functional.staff.conftest import PASSWORD, csrf_token, sign_in
from tests.functional.staff.factories import SYSTEM, person, staff
from tests.integration.cases.conftest import audit_actions

ADDRESS = AddressIn(line1="10 Main St", city="Edmonton", province="AB", postal_code="T5J 0N3")


def _queue(
    container: Container, person_id: uuid.UUID, kind: notices.Kind = notices.Kind.REVIEW_DUE
) -> uuid.UUID:
    uow = container.uow()
    with uow:
        row = notices.queue_notice(
            uow,
            person_id=person_id,
            kind=kind,
            params={
                "program": {"en": "Income Support", "fr": "Soutien du revenu"},
                "due_on": notices.date(dt.date(2026, 4, 1)),
                "legal_source": "Income and Employment Supports Act s. 5",
                "office_phone": "1-800-555-0100",
            },
            subject_type="review",
            subject_id=None,
            created_by="tests",
        )
        uow.commit()
        return row.id


def _send(container: Container) -> notices.SendReport:
    return notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None)


def test_the_outbox_filters_by_state_and_channel_and_the_failure_queue_stands_out(
    signed_in: TestClient, container: Container
) -> None:
    posted = person(container, "Ana", "Lopez")
    registry.add_address(container.uow(), actor=SYSTEM, person_id=posted.id, data=ADDRESS)
    nowhere = person(container, "Ben", "Nadeau")
    sent, held = _queue(container, posted.id), _queue(container, nowhere.id, notices.Kind.REFERRAL_MADE)
    assert _send(container).by_status == {"sent": 1, "held": 1}

    page = signed_in.get("/staff/letters")
    assert page.status_code == 200
    assert f"/staff/letters/{sent}" in page.text and f"/staff/letters/{held}" in page.text
    assert "1 letter in this list could not be sent." in page.text and 'class="row--warning"' in page.text
    assert "no mailing address, no e-mail and no portal account" in page.text  # the reason, for the officer

    queue = signed_in.get("/staff/letters?state=trouble").text
    assert f"/staff/letters/{held}" in queue and f"/staff/letters/{sent}" not in queue
    assert "Letters that could not be sent" in queue
    by_post = signed_in.get("/staff/letters?channel=post").text
    assert f"/staff/letters/{sent}" in by_post and f"/staff/letters/{held}" not in by_post

    bad = signed_in.get("/staff/letters?state=lost&channel=pigeon")
    assert bad.status_code == 422 and 'id="f-state-error"' in bad.text and "must be one of" in bad.text


def test_preview_add_a_paragraph_print_then_it_goes_comes_back_and_is_sent_again(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    registry.add_address(container.uow(), actor=SYSTEM, person_id=marie.id, data=ADDRESS)
    notice = _queue(container, marie.id)
    url = f"/staff/letters/{notice}"
    page = signed_in.get(url)
    assert page.status_code == 200
    assert "It is time to check your Income Support" in page.text and "Waiting to go" in page.text
    assert "Income and Employment Supports Act s. 5" in page.text

    token = csrf_token(signed_in, url)
    blank = signed_in.post(f"{url}/paragraph", data={"csrf_token": token, "text": "  "})
    assert blank.status_code == 422 and 'id="f-text-error"' in blank.text
    added = signed_in.post(f"{url}/paragraph", data={"csrf_token": token, "text": "Bring your lease."})
    assert added.status_code == 303 and added.headers["location"] == url
    assert signed_in.get(url).text.count("Bring your lease.") >= 1

    pdf = signed_in.get(f"{url}/pdf")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and "attachment" in pdf.headers["content-disposition"]

    assert _send(container).by_channel["post"] == 1
    sent = signed_in.get(url).text
    assert "10 Main St" in sent and "Print a copy (PDF)" in sent and "Mark as returned" in sent
    late = signed_in.post(f"{url}/paragraph", data={"csrf_token": token, "text": "Too late."})
    assert late.status_code == 409 and "Re-send it to add a paragraph." in late.text

    back = signed_in.post(f"{url}/returned", data={"csrf_token": token})
    assert back.status_code == 303
    assert "Mark as returned" not in signed_in.get(url).text
    again = signed_in.post(f"{url}/resend", data={"csrf_token": token, "channel": ""})
    assert again.status_code == 303 and again.headers["location"] != url
    assert _send(container).by_status == {"held": 1}  # the address returned mail: held, not printed
    copy = signed_in.get(again.headers["location"]).text
    assert "Held: needs an officer" in copy and "mail came back" in copy

    bad = signed_in.post(f"{url}/resend", data={"csrf_token": token, "channel": "pigeon"})
    assert bad.status_code == 422 and 'id="f-channel-error"' in bad.text
    actions = [a for a, _ in audit_actions(container, notice)]
    assert {"notice:edit", "notice:print", "notice:returned", "notice:read"} <= set(actions)


def test_an_e_mail_cannot_be_marked_returned_and_an_unknown_letter_is_not_found(
    signed_in: TestClient, container: Container
) -> None:
    notice = _queue(container, person(container).id)
    token = csrf_token(signed_in, f"/staff/letters/{notice}")
    refused = signed_in.post(f"/staff/letters/{notice}/returned", data={"csrf_token": token})
    assert refused.status_code == 409 and "Only a letter sent by post can come back." in refused.text
    assert signed_in.get(f"/staff/letters/{uuid.uuid4()}").status_code == 404


def test_the_person_page_lists_the_person_s_letters(signed_in: TestClient, container: Container) -> None:
    marie = person(container)
    notice = _queue(container, marie.id, notices.Kind.DOCUMENTS_REQUESTED)
    page = signed_in.get(f"/staff/people/{marie.id}").text
    assert 'id="letters-title"' in page and f"/staff/letters/{notice}" in page
    assert "Documents requested" in page and "Waiting to go" in page


def test_the_supervisor_s_team_page_links_the_failure_queue(
    client: TestClient, container: Container, officer: object
) -> None:
    staff(container, "sgrey", {Role.SUPERVISOR}, PASSWORD)
    assert sign_in(client, "sgrey", PASSWORD).status_code == 303
    assert 'href="/staff/letters?state=trouble"' in client.get("/staff/team").text


def test_the_outbox_is_in_french_too(signed_in: TestClient, container: Container) -> None:
    notice = _queue(container, person(container).id)
    page = signed_in.get("/staff/letters?lang=fr")
    assert page.status_code == 200 and '<html lang="fr">' in page.text
    assert "En attente d'envoi" in page.text.replace("&#39;", "'")
    letter = signed_in.get(f"/staff/letters/{notice}?lang=fr").text.replace("&#39;", "'")
    assert "Ajouter un paragraphe avant l'envoi" in letter
