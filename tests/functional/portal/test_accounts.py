"""Client accounts and applying online over HTTP: sign-up with the link from the outbox, a strong
password, sign-in, applying from the screener, sending a document, and seeing only one's own records."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from tests.functional.portal.conftest import PASSWORD, PDF, PUBLIC, sign_in, sign_up, token
from tests.unit.web.test_sessions import readable


def test_sign_up_needs_a_strong_password_and_a_confirmed_address(
    client: TestClient, container: Container
) -> None:
    weak = client.post(
        "/portal/account/new",
        data={
            "csrf_token": token(client, "/portal/account/new"),
            "email": "ana@example.ca",
            "password": "short",
            "confirm": "short",
        },
    )
    assert weak.status_code == 422 and 'id="f-password-error"' in weak.text
    link = sign_up(client, container, "ana@example.ca")
    files = list((Path(container.settings.var_dir) / "outbox").glob("*.eml"))
    assert files and link in files[-1].read_text(encoding="utf-8")  # development: the e-mail is a file
    assert sign_in(client, "ana@example.ca").status_code == 401  # not confirmed yet  # type: ignore[attr-defined]
    confirmed = client.get(link.removeprefix(PUBLIC))
    assert confirmed.status_code == 303
    assert client.get(link.removeprefix(PUBLIC)).status_code == 400  # a link works once
    assert sign_in(client, "ana@example.ca").status_code == 303  # type: ignore[attr-defined]
    assert "You have not applied online yet." in client.get("/portal/account").text
    again = client.post(
        "/portal/account/new",
        data={
            "csrf_token": token(client, "/portal/account/new"),
            "email": "ANA@example.ca",
            "password": PASSWORD,
            "confirm": PASSWORD,
        },
    )
    assert "Check your e-mail" in again.text  # the same answer: nobody learns who has an account


def test_applying_from_the_screener_then_sending_a_document(client: TestClient, container: Container) -> None:
    link = sign_up(client, container, "marc@example.ca")
    client.get(link.removeprefix(PUBLIC))
    data = {
        "csrf_token": token(client, "/portal/screener"),
        "jurisdiction": "ca-ab",
        "program": "ab.income_support",
        "a:unit.resident_of_province": "true",
        "a:people[p1].age": "41",
        "a:unit.housing": "private",
    }
    started = client.post("/portal/apply", data=data)
    assert started.headers["location"] == "/portal/account/signin?next=/portal/apply/confirm"
    cookie = started.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
    assert not readable(cookie, "ab.income_support", "resident_of_province")  # the answers are encrypted
    signed = sign_in(client, "marc@example.ca", "/portal/apply/confirm")
    assert signed.headers["location"] == "/portal/apply/confirm"  # type: ignore[attr-defined]
    form = client.get("/portal/apply/confirm").text
    assert "You are applying for: Income Support" in form and "Given names" in form
    csrf = token(client, "/portal/apply/confirm")
    nameless = client.post("/portal/apply/confirm", data={"csrf_token": csrf, "birth_date": "1985-01-02"})
    assert nameless.status_code == 422
    sent = client.post(
        "/portal/apply/confirm",
        data={"csrf_token": csrf, "given_names": "Marc", "family_name": "Gagnon", "birth_date": "1985-01-02"},
    )
    assert sent.status_code == 303, sent.text
    page = client.get(sent.headers["location"]).text
    assert "Your application is sent." in page and "To decide, we need these documents." in page
    csrf = token(client, sent.headers["location"])
    posted = client.post(
        f"{sent.headers['location']}/documents",
        data={"csrf_token": csrf, "doc_type": "income_proof"},
        files={"file": ("paystub.pdf", PDF, "application/pdf")},
    )
    assert posted.status_code == 303
    assert "Received: an officer will check it." in client.get(sent.headers["location"]).text
    assert "Income Support" in client.get("/portal/account").text


def test_a_client_sees_only_their_own_application(client: TestClient, container: Container) -> None:
    for email in ("one@example.ca", "two@example.ca"):
        client.get(sign_up(client, container, email).removeprefix(PUBLIC))
    assert sign_in(client, "one@example.ca").status_code == 303  # type: ignore[attr-defined]
    client.post(
        "/portal/apply", data={"csrf_token": token(client), "jurisdiction": "ca-ab", "program": "ab.aish"}
    )
    sent = client.post(
        "/portal/apply/confirm",
        data={
            "csrf_token": token(client, "/portal/apply/confirm"),
            "given_names": "Una",
            "family_name": "One",
            "birth_date": "1970-05-05",
        },
    )
    mine = sent.headers["location"]
    client.post("/portal/account/signout", data={"csrf_token": token(client)})
    assert client.get(mine).headers["location"].startswith("/portal/account/signin")
    assert sign_in(client, "two@example.ca").status_code == 303  # type: ignore[attr-defined]
    assert client.get(mine).status_code == 404
    assert "You have not applied online yet." in client.get("/portal/account").text
