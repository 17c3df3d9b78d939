"""The session cookie: round trip, forgery, encryption, idle timeout against the injected clock."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import zlib

from onestop.common.clock import FixedClock
from onestop.web.sessions import SessionMiddleware, WebSession

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def middleware(clock: FixedClock, *, secure: bool = False, key: str = "k" * 40) -> SessionMiddleware:
    return SessionMiddleware(app=None, secret_key=key, clock=clock, minutes=30, secure=secure)  # type: ignore[arg-type]


def cookie_value(set_cookie: str) -> str:
    return set_cookie.split(";", 1)[0].split("=", 1)[1]


def test_a_login_survives_the_round_trip_and_the_csrf_token_changes_at_login() -> None:
    clock = FixedClock(NOW)
    mw = middleware(clock)
    session = WebSession()
    before = session.csrf_token
    session.log_in({"token": "t", "name": "Alice"}, clock.now())
    assert session.csrf_token != before
    loaded = mw.load(cookie_value(mw.cookie(session)))
    assert loaded.login == {"token": "t", "name": "Alice"}
    assert loaded.csrf_token == session.csrf_token


def test_a_forged_or_foreign_cookie_gives_an_empty_session() -> None:
    clock = FixedClock(NOW)
    session = WebSession()
    session.log_in({"token": "t"}, NOW)
    other_key = cookie_value(middleware(clock, key="x" * 40).cookie(session))
    assert middleware(clock).load(other_key).login is None
    assert middleware(clock).load("not-a-cookie").login is None
    assert middleware(clock).load(None).data == {}


def test_idle_for_longer_than_the_timeout_drops_the_login_but_keeps_the_csrf_token() -> None:
    clock = FixedClock(NOW)
    mw = middleware(clock)
    session = WebSession()
    session.log_in({"token": "t"}, NOW)
    value = cookie_value(mw.cookie(session))
    clock.advance(dt.timedelta(minutes=30))
    assert mw.load(value).login is not None
    clock.advance(dt.timedelta(seconds=1))
    expired = mw.load(value)
    assert expired.login is None
    assert expired.timed_out
    assert expired.csrf_token == session.csrf_token


def test_cookie_flags_and_the_host_prefix_in_production() -> None:
    clock = FixedClock(NOW)
    dev = middleware(clock).cookie(WebSession({"csrf": "x"}))
    assert dev.startswith("onestop_session=")
    assert "; HttpOnly" in dev and "; SameSite=Lax" in dev and "Secure" not in dev and "Max-Age" not in dev
    prod = middleware(clock, secure=True).cookie(WebSession({"csrf": "x"}))
    assert prod.startswith("__Host-onestop_session=") and prod.endswith("; Secure")


def test_flashes_are_shown_once() -> None:
    session = WebSession()
    session.flash("Saved.", "success")
    assert session.pop_flashes() == [{"text": "Saved.", "kind": "success"}]
    assert session.pop_flashes() == []


def readable(value: str, *words: str) -> bool:
    """Whether any of ``words`` shows in the cookie once its parts are base64-decoded (and unzipped)."""
    for part in value.replace(".", " ").split():
        try:
            raw = base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))
        except ValueError:
            continue
        with contextlib.suppress(zlib.error):
            raw += zlib.decompress(raw)
        if any(w.encode() in raw for w in words):
            return True
    return False


def test_the_cookie_is_encrypted_so_screener_answers_cannot_be_read_from_it() -> None:
    mw = middleware(FixedClock(NOW))
    session = WebSession({"csrf": "x"})
    answers = {"people[p1].has_disability": True, "people[p1].monthly_income": "1234.56"}
    session.data["pending"] = {"program": "ab.aish", "answers": answers}
    value = cookie_value(mw.cookie(session))
    assert not readable(value, "has_disability", "1234.56", "ab.aish")
    assert mw.load(value).data["pending"]["answers"] == answers  # the server reads it back
    tampered = value[:-2] + ("A" if value[-2] != "A" else "B") + value[-1]
    assert mw.load(tampered).data == {}  # authenticated: any change gives an empty session
