"""Hashing the docs page's inline script for its Content-Security-Policy."""

from __future__ import annotations

from onestop.web.apidocs import docs_csp, script_hashes


def test_each_inline_script_gets_its_sha256_source_expression() -> None:
    html = '<script src="/x.js"></script><script>go()</script>'
    # echo -n 'go()' | openssl dgst -sha256 -binary | base64
    assert script_hashes(html) == ["'sha256-5KYv+PUboo5h+0+YAtGRPbwv5d/QxzHslP4YGnUaxRw='"]


def test_the_docs_policy_widens_scripts_by_hash_only() -> None:
    csp = docs_csp("<script>go()</script>")
    assert "script-src 'self' 'sha256-" in csp
    assert "connect-src" not in csp  # default-src 'self' covers fetching /openapi.json
