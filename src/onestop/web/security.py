"""Security middleware for every response (headers) and every page form (CSRF).

The JSON API is exempt from CSRF: it authenticates with bearer tokens, which a browser never sends
on its own, so a forged cross-site request carries no credentials there.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
)
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()"
)
PROTECTED_PREFIXES = ("/staff", "/portal")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def security_headers(path: str, *, production: bool) -> dict[str, str]:
    """The headers every response carries; staff pages (personal data) are never cached."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    headers["Content-Security-Policy"] = CSP  # /docs sets its own, a little wider (see apidocs.py)
    if production:
        headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
    if path.startswith("/staff"):
        headers["Cache-Control"] = "no-store"
    return headers


class SecurityHeadersMiddleware:
    """Adds ``security_headers`` to every HTTP response (without overriding what a route set)."""

    def __init__(self, app: ASGIApp, *, production: bool) -> None:
        self.app = app
        self.production = production

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = security_headers(scope["path"], production=self.production)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    if name == "Cache-Control" or name not in headers:
                        headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


class CsrfMiddleware:
    """Refuses unsafe requests to the pages unless they carry the session's CSRF token.

    The token comes in the ``csrf_token`` form field (every POST form has it hidden) or in the
    ``X-CSRF-Token`` header (set on htmx requests by static/js/onestop.js). The body is read here
    and replayed to the route unchanged.
    """

    def __init__(self, app: ASGIApp, *, refuse: Callable[[Request], Response], max_body: int) -> None:
        self.app = app
        self.refuse = refuse
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] in SAFE_METHODS
            or not scope["path"].startswith(PROTECTED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        session = scope.get("state", {}).get("session")
        expected = session.data.get("csrf") if session is not None else None
        given = Headers(scope=scope).get(CSRF_HEADER)
        if given is None:
            body = await _read_body(receive, self.max_body)
            if body is None:
                await Response("Request body too large", status_code=413)(scope, receive, send)
                return
            receive = _replay(body)
            given = await _form_token(scope, body)
        if not (expected and given and hmac.compare_digest(str(expected), given)):
            await self.refuse(Request(scope))(scope, receive, send)
            return
        await self.app(scope, receive, send)


async def _read_body(receive: Receive, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _form_token(scope: Scope, body: bytes) -> str | None:
    content_type = Headers(scope=scope).get("content-type", "")
    if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return None
    request = Request(scope, _replay(body))
    try:
        async with request.form() as form:
            token = form.get(CSRF_FIELD)
            return token if isinstance(token, str) else None
    except Exception:
        return None
