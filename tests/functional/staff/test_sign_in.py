"""Signing in and out of the staff pages: redirects, wrong passwords, lockout, revocation, rate limit."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI
from fastapi.testclient import TestClient

from onestop.common.clock import FixedClock
from onestop.web.ratelimit import LoginRateLimiter
from tests.functional.staff.conftest import Officer, csrf_token, sign_in


def test_pages_send_a_stranger_to_sign_in_and_remember_where_they_were_going(client: TestClient) -> None:
    assert client.get("/staff/").headers["location"] == "/staff/login"
    response = client.get("/staff/tasks")
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/login?next=%2Fstaff%2Ftasks"


def test_right_password_opens_the_home_page_with_greeting_and_office(
    client: TestClient, officer: Officer
) -> None:
    response = sign_in(client, officer.username, officer.password)
    assert response.status_code == 303
    assert response.headers["location"] == "/staff/"
    home = client.get("/staff/")
    assert home.status_code == 200
    assert "Hello, Alice Martin" in home.text
    assert "Office: Edmonton Central" in home.text
    assert 'action="/staff/logout"' in home.text


def test_sign_in_goes_on_to_the_page_asked_for_but_never_off_site(
    client: TestClient, officer: Officer
) -> None:
    assert sign_in(client, officer.username, officer.password, next="/staff/people").headers["location"] == (
        "/staff/people"
    )
    client.cookies.clear()
    assert sign_in(client, officer.username, officer.password, next="//evil.example/").headers[
        "location"
    ] == ("/staff/")


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(
    client: TestClient, officer: Officer
) -> None:
    response = sign_in(client, officer.username, "Wrong-password-1")
    assert response.status_code == 401
    assert "The username or password is not right" in response.text
    assert 'value="amartin"' in response.text  # the username is kept, the password never is
    assert "Wrong-password-1" not in response.text
    assert client.get("/staff/").status_code == 303


def test_missing_fields_are_named_next_to_the_field(client: TestClient, officer: Officer) -> None:
    response = sign_in(client, "", "")
    assert response.status_code == 422
    assert 'id="f-username-error"' in response.text
    assert 'aria-describedby="f-username-error" aria-invalid="true"' in response.text
    assert 'href="#f-password"' in response.text  # the error summary links to the field


def test_lockout_says_until_when_in_the_office_time_zone(
    client: TestClient, officer: Officer, container: object
) -> None:
    for _ in range(5):
        response = sign_in(client, officer.username, "Wrong-password-1")
    assert response.status_code == 403
    # Locked at 09:30 UTC for 15 minutes: 09:45 UTC is 2:45 a.m. in Edmonton (MST).
    assert "This account is locked" in response.text
    assert "2:45" in response.text
    assert "March 2, 2026" in response.text
    # Even the right password is refused while locked.
    assert sign_in(client, officer.username, officer.password).status_code == 403


def test_sign_out_revokes_the_session_so_a_copied_cookie_is_useless(
    signed_in: TestClient, officer: Officer
) -> None:
    copied = dict(signed_in.cookies)
    response = signed_in.post("/staff/logout", data={"csrf_token": csrf_token(signed_in, "/staff/")})
    assert response.headers["location"] == "/staff/login"
    assert "You have signed out." in signed_in.get("/staff/login").text
    signed_in.cookies.clear()
    signed_in.cookies.update(copied)
    assert signed_in.get("/staff/").headers["location"] == "/staff/login"


def test_idle_session_times_out_and_activity_keeps_it_alive(signed_in: TestClient, clock: FixedClock) -> None:
    clock.advance(dt.timedelta(minutes=25))
    assert signed_in.get("/staff/").status_code == 200
    clock.advance(dt.timedelta(minutes=25))  # 50 minutes since sign-in, 25 since the last page
    assert signed_in.get("/staff/").status_code == 200
    clock.advance(dt.timedelta(minutes=31))
    response = signed_in.get("/staff/")
    assert response.headers["location"] == "/staff/login"
    assert "signed out after a period without activity" in signed_in.get("/staff/login").text


def test_many_attempts_from_one_address_are_slowed_down(
    app: FastAPI, client: TestClient, officer: Officer
) -> None:
    app.state.login_limiter = LoginRateLimiter(per_address="2/10 minutes")
    assert sign_in(client, "nobody", "Wrong-password-1").status_code == 401
    assert sign_in(client, "someone", "Wrong-password-1").status_code == 401
    response = sign_in(client, officer.username, officer.password)
    assert response.status_code == 429
    assert "Too many sign-in attempts from this device" in response.text


def test_signed_in_visitor_of_the_sign_in_page_goes_home(signed_in: TestClient) -> None:
    assert signed_in.get("/staff/login").headers["location"] == "/staff/"
