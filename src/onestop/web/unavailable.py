"""The database out of reach: 503 with ``Retry-After``, never a 500 page with a traceback.

PostgreSQL restarting (or failing over, or refusing connections), a connection cut in the middle of
a request, every pooled connection busy past ``ONESTOP_DB_POOL_TIMEOUT``, a statement cut by its
timeout, a deadlock: each raises an ``OperationalError`` (or a disconnect) out of the unit of work,
whose transaction is then rolled back by the database, so nothing of the request is kept. The
request is answered 503 with ``Retry-After`` (JSON under /api, a page elsewhere), and a read (GET or
HEAD, which changes nothing) is tried once more first: the pool's pre-ping has by then replaced the
dead connections, so a restart that is over is not even seen.
"""

from __future__ import annotations

import logging

import anyio
from fastapi import FastAPI
from sqlalchemy import exc as sa_exc
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from onestop.common.i18n import N_
from onestop.web import error_pages, pages

log = logging.getLogger(__name__)

#: Set on a 503 that a read may retry; removed before the response leaves the server.
RETRYABLE = "x-onestop-retryable"
DETAIL = N_(
    "The service cannot reach its database for a moment. Nothing was saved: try again in a few seconds."
)


def is_unavailable(err: BaseException) -> bool:
    """Whether ``err`` means "the database cannot serve this now" rather than a fault of the request."""
    if isinstance(err, sa_exc.OperationalError | sa_exc.InterfaceError | sa_exc.TimeoutError):
        return True
    return isinstance(err, sa_exc.DBAPIError) and err.connection_invalidated


def unavailable_response(request: Request, retry_after: int) -> Response:
    """The 503 for a request: JSON for the API, the error page (without the database) for a page."""
    headers = {"Retry-After": str(retry_after), RETRYABLE: "1"}
    if not error_pages.is_page(request):
        body = {"detail": "the database cannot be reached; try again shortly", "retry_after": retry_after}
        return JSONResponse(body, status_code=503, headers=headers)
    request.state.actor = None  # the page's widgets that read the database stay out of the error page
    try:
        response: Response = error_pages.error_page(request, 503, pages.gettext(request, DETAIL))
    except Exception:
        log.exception("the 503 page could not be rendered")
        response = PlainTextResponse("Service unavailable: try again in a few seconds.", status_code=503)
    response.headers.update(headers)
    return response


def install_unavailable(app: FastAPI, retry_after: int) -> None:
    """Answer 503 for the database's unavailability; any other database error stays a 500."""

    async def database_error(request: Request, err: Exception) -> Response:
        if not is_unavailable(err):
            raise err  # to the server-error handler (a 500 page, logged): a bug, not an outage
        log.warning("database unavailable on %s %s: %s", request.method, request.url.path, type(err).__name__)
        return unavailable_response(request, retry_after)

    app.add_exception_handler(sa_exc.DBAPIError, database_error)
    app.add_exception_handler(sa_exc.TimeoutError, database_error)


class RetryReadsMiddleware:
    """A GET or HEAD answered 503 for the database is run once more after ``delay`` seconds (and the
    internal marker of such a 503 is taken off every response).

    Reads change nothing, so a second try is safe; writes are never repeated here (the client is told
    503 and decides, and forms that move money carry an idempotency key).
    """

    def __init__(self, app: ASGIApp, retries: int = 1, delay: float = 0.5) -> None:
        self.app = app
        self.retries = retries
        self.delay = delay

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        reads = scope["method"] in ("GET", "HEAD")
        for attempt in range(self.retries + 1 if reads else 1):
            swallowed = False

            async def guarded(message: Message, retry: bool = reads and attempt < self.retries) -> None:
                nonlocal swallowed
                if message["type"] == "http.response.start":
                    headers = message.get("headers", [])
                    kept = [(n, v) for n, v in headers if n.decode("latin-1").lower() != RETRYABLE]
                    if retry and len(kept) < len(headers):
                        swallowed = True
                        return
                    message["headers"] = kept
                if swallowed:
                    return  # the body of the response being retried
                await send(message)

            await self.app(scope, receive, guarded)
            if not swallowed:
                return
            log.info("retrying %s %s once the database is back", scope["method"], scope["path"])
            await anyio.sleep(self.delay)
