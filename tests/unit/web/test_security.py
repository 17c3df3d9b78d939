"""Security headers, the login limiter, safe redirects and form-field mapping."""

from __future__ import annotations

import datetime as dt

from onestop.web.security import CSP, LoginRateLimiter, security_headers
from onestop.web.staff.deps import safe_next
from onestop.web.staff.forms import form_field

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def test_the_policy_allows_no_inline_code_and_no_framing() -> None:
    assert "script-src 'self';" in CSP and "'unsafe-inline'" not in CSP and "frame-ancestors 'none'" in CSP
    headers = security_headers("/portal/", production=False)
    assert headers["Content-Security-Policy"] == CSP
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Strict-Transport-Security" not in headers and "Cache-Control" not in headers


def test_staff_pages_are_never_cached_and_production_adds_hsts() -> None:
    headers = security_headers("/staff/people", production=True)
    assert headers["Cache-Control"] == "no-store"
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_the_limiter_counts_attempts_per_address_in_a_sliding_window() -> None:
    limiter = LoginRateLimiter(attempts=2, window=dt.timedelta(minutes=10))
    assert limiter.hit("10.0.0.1", NOW) is None
    assert limiter.hit("10.0.0.1", NOW + dt.timedelta(minutes=1)) is None
    assert limiter.hit("10.0.0.1", NOW + dt.timedelta(minutes=2)) == NOW + dt.timedelta(minutes=10)
    assert limiter.hit("10.0.0.2", NOW) is None  # another address is not affected
    assert limiter.hit("10.0.0.1", NOW + dt.timedelta(minutes=10)) is None  # the first attempt has aged out


def test_after_sign_in_only_staff_pages_of_this_site_are_followed() -> None:
    assert safe_next("/staff/people/1?x=2") == "/staff/people/1?x=2"
    for bad in (
        "//evil.example/staff/",
        "https://evil.example/",
        "/portal/",
        "/staff/login",
        "/staff/\\x",
        "",
    ):
        assert safe_next(bad) == "/staff/"


def test_service_field_names_map_to_the_form_boxes() -> None:
    assert form_field("addresses[0].city") == "city"
    assert form_field("addresses[0].postal_code") == "postal_code"
    assert form_field("phones[0]") == "phone"
    assert form_field("emails[0]") == "email"
    assert form_field("health_numbers[0].number") == "health_number"
    assert form_field("health_numbers[0].province") == "health_province"
    assert form_field("legal_name") == "family_name"
    assert form_field("duplicate_decision.reason") == "duplicate_reason"
    assert form_field("birth_date") == "birth_date"


def test_the_limiter_forgets_idle_addresses_so_memory_stays_bounded() -> None:
    limiter = LoginRateLimiter(attempts=5, window=dt.timedelta(minutes=10))
    limiter.MAX_ADDRESSES = 3
    for n in range(4):
        limiter.hit(f"10.0.0.{n}", NOW)
    limiter.hit("10.0.1.1", NOW + dt.timedelta(minutes=11))
    assert set(limiter._hits) == {"10.0.1.1"}
