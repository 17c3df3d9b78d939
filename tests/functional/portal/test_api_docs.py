"""The API documentation at /docs works offline: every file from this site, under a strict CSP."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from onestop.bootstrap import Container
from onestop.web.apidocs import script_hashes
from onestop.web.app import create_app


@pytest.fixture
def client(container: Container) -> Iterator[TestClient]:
    with TestClient(create_app(container), follow_redirects=False) as test_client:
        yield test_client


def test_docs_load_swagger_ui_from_this_site_only(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    html = response.text
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/vendor/swagger-ui/swagger-ui.css" in sources
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], sources
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        assert client.get(f"/static/vendor/swagger-ui/{name}").status_code == 200, name


def test_docs_csp_allows_only_its_own_start_up_script(client: TestClient) -> None:
    response = client.get("/docs")
    csp = response.headers["content-security-policy"]
    hashes = script_hashes(response.text)
    assert len(hashes) == 1
    assert f"script-src 'self' {hashes[0]};" in csp
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "cdn" not in csp


def test_the_openapi_description_is_served_and_redoc_is_off(client: TestClient) -> None:
    assert client.get("/openapi.json").json()["info"]["title"] == "onestop"
    assert client.get("/redoc").status_code == 404
