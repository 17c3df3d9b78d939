"""Security headers, safe redirects and form-field mapping (the sign-in limits: test_ratelimit.py)."""

from __future__ import annotations

from onestop.web.security import CSP, security_headers
from onestop.web.staff.deps import safe_next
from onestop.web.staff.forms import form_field


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
