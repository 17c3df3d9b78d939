"""Security middleware for every response (headers) and every page form (CSRF).

The JSON API is exempt from CSRF: it authenticates with bearer tokens, which a browser never sends
on its own, so a forged cross-site request carries no credentials there.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
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


class BodySizeLimitMiddleware:
    """Answers 413 to a request under ``prefix`` whose body is larger than it may be.

    A file upload (``multipart/form-data``) may be ``multipart_limit`` bytes (the upload limit and
    room for the other fields); anything else (JSON, a sign-in form) ``limit``. A declared
    ``Content-Length`` over the limit is refused before reading; a body sent in chunks is counted as
    it is read and refused as soon as it passes the limit, so memory never holds more.
    """

    def __init__(self, app: ASGIApp, *, prefix: str, limit: int, multipart_limit: int) -> None:
        self.app = app
        self.prefix = prefix
        self.limit = limit
        self.multipart_limit = multipart_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        multipart = headers.get("content-type", "").startswith("multipart/form-data")
        limit = self.multipart_limit if multipart else self.limit
        declared = headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > limit:
            await _too_large(limit)(scope, receive, send)
            return
        size = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal size, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                size += len(message.get("body", b""))
                if size > limit:  # answer now; the route sees the client gone and its answer is dropped
                    refused = True
                    if not started:
                        await _too_large(limit)(scope, receive, send)
                    return {"type": "http.disconnect"}
            return message

        async def watching_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        await self.app(scope, counting_receive, watching_send)


def _too_large(limit: int) -> Response:
    return JSONResponse(
        {"detail": f"the request body is larger than {limit} bytes", "field": "body"}, status_code=413
    )


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
