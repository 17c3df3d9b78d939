"""The e-mail inbox: read a received e-mail, find the person, attach it, answer it from the file with a
template (queued in the notices outbox, logged as a contact); bad input re-renders beside the field."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.cases import interactions
from onestop.cases.interactions import EmailReceived
from tests.functional.staff.conftest import csrf_token
from tests.functional.staff.factories import SYSTEM, person


def test_an_email_is_attached_from_the_inbox_and_answered_from_the_file(
    signed_in: TestClient, container: Container
) -> None:
    marie = person(container)
    mail = interactions.receive_email(
        container.uow(),
        actor=SYSTEM,
        data=EmailReceived(sender="marie@example.org", subject="My cheque", body="Where is my cheque?"),
    )
    inbox = signed_in.get("/staff/inbox")
    assert inbox.status_code == 200 and "My cheque" in inbox.text and f"/staff/inbox/{mail.id}" in inbox.text
    path = f"/staff/inbox/{mail.id}"
    token = csrf_token(signed_in, path)
    empty = signed_in.post(f"{path}/find", data={"csrf_token": token, "find": ""})
    assert empty.status_code == 422 and 'id="f-find-error"' in empty.text
    found = signed_in.post(f"{path}/find", data={"csrf_token": token, "find": marie.family_name})
    assert found.status_code == 200 and "1 person found" in found.text
    no_one = signed_in.post(f"{path}/attach", data={"csrf_token": token, "version": "1"})
    assert no_one.status_code == 422 and 'id="f-person_id"' in no_one.text
    data = {"csrf_token": token, "person_id": str(marie.id), "version": "1", "reason": "payment_inquiry"}
    done = signed_in.post(f"{path}/attach", data=data)
    assert done.status_code == 303 and done.headers["location"].endswith(f"/staff/people/{marie.id}")
    assert "My cheque" not in signed_in.get("/staff/inbox").text
    again = signed_in.post(f"{path}/attach", data=data)
    assert again.status_code == 409

    file = signed_in.get(f"/staff/people/{marie.id}").text
    reply_path = f"/staff/interactions/{mail.id}/reply"
    assert reply_path in file
    form = signed_in.get(reply_path, params={"template": "payment"})
    assert form.status_code == 200 and "Thank you for your message about your payment" in form.text
    assert "There is no e-mail address on file" in form.text
    version = re.search(r'name="version" value="(\d+)"', form.text).group(1)  # type: ignore[union-attr]
    token = csrf_token(signed_in, reply_path)
    blank = signed_in.post(
        reply_path,
        data={
            "csrf_token": token,
            "template": "payment",
            "body": "  ",
            "subject": "Kept",
            "version": version,
        },
    )
    assert blank.status_code == 422 and 'id="f-body-error"' in blank.text and 'value="Kept"' in blank.text
    sent = signed_in.post(
        reply_path,
        data={
            "csrf_token": token,
            "template": "payment",
            "body": "Your cheque went out on 1 March.",
            "version": version,
        },
    )
    assert sent.status_code == 303
    page = interactions.list_interactions(container.uow(), actor=SYSTEM, person_id=marie.id)
    assert sorted((i.direction, i.outcome) for i in page.items) == [
        ("inbound", "resolved"),
        ("outbound", "information_given"),
    ]
    stale = signed_in.post(
        reply_path,
        data={"csrf_token": token, "template": "payment", "body": "Again", "version": version},
    )
    assert stale.status_code == 409 and "Someone else changed this" in stale.text


def test_the_reply_page_speaks_french(signed_in: TestClient, container: Container) -> None:
    signed_in.get("/staff/inbox", params={"lang": "fr"})
    page = signed_in.get("/staff/inbox")
    assert "Boîte de réception" in page.text
