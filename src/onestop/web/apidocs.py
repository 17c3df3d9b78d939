"""The interactive API documentation at /docs, served entirely from this site (works offline).

FastAPI's default /docs loads Swagger UI from a CDN; here the files are vendored under
``static/vendor/swagger-ui/`` and the page's one inline start-up script is allowed by its hash, so
the page keeps a strict Content-Security-Policy (nothing from another origin, no other inline code).
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from starlette.responses import HTMLResponse

from onestop.web.security import CSP

VENDOR = "/static/vendor/swagger-ui"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(html: str) -> list[str]:
    """CSP source expressions (``'sha256-...'``) for each inline script in ``html``."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(html):
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return hashes


def docs_csp(html: str) -> str:
    """The site's CSP with the docs page's own start-up script allowed by hash.

    Swagger UI styles some elements from JavaScript, hence ``'unsafe-inline'`` for styles on this
    page only (the staff pages and the portal keep ``style-src 'self'``).
    """
    allowed = " ".join(["'self'", *script_hashes(html)])
    return CSP.replace("script-src 'self'", f"script-src {allowed}").replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    )


@cache
def _page(title: str, openapi_url: str) -> tuple[bytes, str]:
    response = get_swagger_ui_html(
        openapi_url=openapi_url,
        title=f"{title} – API",
        swagger_js_url=f"{VENDOR}/swagger-ui-bundle.js",
        swagger_css_url=f"{VENDOR}/swagger-ui.css",
        swagger_favicon_url="data:,",
        swagger_ui_parameters={"validatorUrl": None, "tryItOutEnabled": False},
    )
    body = bytes(response.body)
    return body, docs_csp(body.decode("utf-8"))


def install(app: FastAPI) -> None:
    """Serve /docs from the vendored Swagger UI; the app is built with ``docs_url=None, redoc_url=None``."""
    openapi_url = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        body, csp = _page(app.title, openapi_url)
        return HTMLResponse(body, headers={"Content-Security-Policy": csp})
