"""Errors on pages: an HTML page in the reader's language instead of the API's JSON.

``web/errors.py`` stays the one place that maps domain errors to HTTP statuses; these handlers
reuse its mapping and hand every non-page request back to the JSON handlers it installed.
"""

from __future__ import annotations

import inspect
import logging
import uuid
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from onestop.access import FileRestricted
from onestop.common.errors import DomainError, NotAuthenticated
from onestop.common.i18n import N_
from onestop.web import errors, pages
from onestop.web.security import security_headers

log = logging.getLogger(__name__)

API_PREFIXES = ("/api/", "/docs", "/redoc", "/openapi.json", "/static/", "/healthz")


#: Title and explanation of each error page, translated at render time.
MESSAGES: dict[int, tuple[str, str]] = {
    400: (N_("Something is wrong with the request"), N_("Go back, check what you entered and try again.")),
    403: (
        N_("You cannot do this"),
        N_(
            "Your account does not allow this action, or the form had expired. "
            "Reload the page and try again; if it happens again, ask your supervisor."
        ),
    ),
    404: (N_("Page not found"), N_("Check the address, or start again from the home page.")),
    405: (N_("This action is not possible here"), N_("Go back and use the buttons and links on the page.")),
    409: (
        N_("Someone else changed this"),
        N_("The record changed while you were working on it. Reload it and try again."),
    ),
    413: (N_("The file is too large"), N_("Choose a smaller file and try again.")),
    422: (N_("Some information is missing or not valid"), N_("Go back, check the form and try again.")),
    429: (N_("Too many attempts"), N_("Wait a few minutes, then try again.")),
    503: (
        N_("The service is not available for a moment"),
        N_("Wait a few seconds, then try again."),
    ),
    507: (
        N_("Files cannot be saved right now"),
        N_("Try again later. If it happens again, tell the office."),
    ),
    500: (
        N_("Sorry, something went wrong"),
        N_("The problem has been recorded. Try again in a few minutes."),
    ),
}


def break_glass_url(person_id: uuid.UUID, next_url: str = "") -> str:
    """Where a restricted file sends the reader: the reason form, then back to ``next_url``."""
    url = f"/staff/people/{person_id}/break-glass"
    if next_url and pages.is_same_site_path(next_url, "/staff/"):
        url += "?" + urlencode({"next": next_url})
    return url


def is_page(request: Request) -> bool:
    """Whether the request is for a page (HTML) rather than the API or a file."""
    return not request.url.path.startswith(API_PREFIXES)


def error_page(request: Request, status_code: int, detail: str | None = None) -> HTMLResponse:
    """The error page for a status, in the request's language, with the security headers."""
    title, explanation = MESSAGES.get(status_code, MESSAGES[400 if status_code < 500 else 500])
    if not hasattr(request.state, "language"):
        request.state.language = "en"
    staff = request.url.path.startswith("/staff")
    context = {
        "layout": "staff/layout.html" if staff else "portal/layout.html",
        "home_url": "/staff/" if staff else "/portal/",
        "status_code": status_code,
        "title": pages.gettext(request, title),
        "explanation": pages.gettext(request, explanation),
        "detail": detail,
    }
    response = pages.render(request, "errors/error.html", context, status_code=status_code)
    response.headers.update(security_headers(request.url.path, production=_production(request)))
    return response


def _production(request: Request) -> bool:
    return bool(request.app.state.container.settings.mode == "production")


async def _delegate(
    handler: Callable[[Request, Exception], Any], request: Request, err: Exception
) -> Response:
    result = handler(request, err)
    if inspect.isawaitable(result):
        result = await result
    assert isinstance(result, Response)
    return result


def install(app: FastAPI) -> None:
    """Wrap the JSON handlers already installed so that pages get HTML; call after ``errors.install``."""
    json_domain = app.exception_handlers[DomainError]
    json_validation = app.exception_handlers[RequestValidationError]

    async def domain_error(request: Request, err: Exception) -> Response:
        if not is_page(request):
            return await _delegate(json_domain, request, err)
        assert isinstance(err, DomainError)
        if isinstance(err, NotAuthenticated):
            return pages.redirect(request, "/staff/login")
        if isinstance(err, FileRestricted) and request.url.path.startswith("/staff/"):
            # A restricted file: ask for the reason (break-glass), then come back to this page.
            back = request.url.path if request.method == "GET" else ""
            return pages.redirect(request, break_glass_url(err.person_id, back))
        return error_page(request, errors.status_for(err), pages.gettext(request, err.message))

    async def validation_error(request: Request, err: Exception) -> Response:
        if not is_page(request):
            return await _delegate(json_validation, request, err)
        return error_page(request, 422)

    async def http_error(request: Request, err: Exception) -> Response:
        assert isinstance(err, HTTPException)
        if not is_page(request):
            return await http_exception_handler(request, err)
        return error_page(request, err.status_code)

    async def server_error(request: Request, err: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=err)
        if not is_page(request):
            return JSONResponse({"detail": "internal server error"}, status_code=500)
        try:
            return error_page(request, 500)
        except Exception:
            log.exception("the error page could not be rendered")
            return PlainTextResponse("Internal server error", status_code=500)

    app.add_exception_handler(DomainError, domain_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, server_error)
