"""Rendering server-side pages: the Jinja2 environment, the context every page gets, redirects, forms.

Routes stay thin: parse the form, call one service, then ``render`` a template or ``redirect``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context, select_autoescape
from jinja2.runtime import Context
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from onestop.common.errors import InvalidInput
from onestop.web import i18n
from onestop.web.sessions import WebSession

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"

#: Functions adding to every page's context (the staff area adds its quick-log widget); each should
#: be cheap and put anything costly behind a callable that the template calls only when it needs it.
CONTEXT_PROVIDERS: list[Callable[[Request], dict[str, Any]]] = []


@pass_context
def _gettext(context: Context, message: str) -> str:
    return str(context["translations"].gettext(message))


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return str(context["translations"].ngettext(singular, plural, n))


@cache
def environment() -> Environment:
    """The one template environment; gettext looks up each page's own catalogue in its context."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def session_of(request: Request) -> WebSession:
    """The browser session loaded by ``SessionMiddleware``."""
    session: WebSession = request.state.session
    return session


def language_of(request: Request) -> str:
    """The page language chosen by ``LocaleMiddleware``."""
    return str(getattr(request.state, "language", i18n.DEFAULT_LANGUAGE))


def gettext(request: Request, message: str, **variables: object) -> str:
    """Translate a message for this request's language (``%(name)s`` placeholders filled in)."""
    text = i18n.translations(language_of(request)).gettext(message)
    return text % variables if variables else text


def formatter(request: Request) -> i18n.Formatter:
    """Locale-aware formatting of dates, money and numbers for this request."""
    return i18n.Formatter(language_of(request), request.app.state.container.settings.timezone)


def language_links(request: Request, page_url: str | None = None) -> list[dict[str, str]]:
    """Links to this same page in each other language (the switch on every page).

    A page shown in answer to a POST (a form with a problem) links to ``page_url``, the address of
    the page the form is on; without one, to the area's home page (never to the POST-only address).
    """
    if page_url is None and request.method not in ("GET", "HEAD"):
        page_url = "/staff/" if request.url.path.startswith("/staff") else "/portal/"
    path, _, query_text = (page_url or "").partition("?")
    params = parse_qsl(query_text) if page_url is not None else request.query_params.multi_items()
    links = []
    for language in i18n.LANGUAGES:
        if language == language_of(request):
            continue
        query = [(k, v) for k, v in params if k != "lang"] + [("lang", language)]
        links.append(
            {
                "code": language,
                "name": i18n.LANGUAGE_NAMES[language],
                "href": f"{path or request.url.path}?{urlencode(query)}",
            }
        )
    return links


def base_context(request: Request) -> dict[str, Any]:
    """What every template may use: language, switch links, CSRF token, flashes, formatting, login."""
    language = language_of(request)
    session = getattr(request.state, "session", None) or WebSession()
    extra: dict[str, Any] = {}
    for provider in CONTEXT_PROVIDERS:
        extra |= provider(request)
    return extra | {
        "request": request,
        "lang": language,
        "translations": i18n.translations(language),
        "language_links": language_links(request),
        "csrf_token": session.csrf_token,
        "flashes": session.pop_flashes(),
        "login": session.login,
        "actor": getattr(request.state, "actor", None),
        "fmt": formatter(request),
        "errors": {},
        "values": {},
    }


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, *, status_code: int = 200
) -> HTMLResponse:
    """Render a page (or an htmx fragment) with the base context plus ``context``."""
    full = base_context(request) | (context or {})
    if "page_url" in full and request.method not in ("GET", "HEAD"):  # a form shown again after a POST
        full["language_links"] = language_links(request, full["page_url"])
    html = environment().get_template(template).render(full)
    return HTMLResponse(html, status_code=status_code)


_PATH = re.compile(r"/(?![/\\])[\x21-\x7e]*")


def is_same_site_path(url: str | None, prefix: str = "/") -> bool:
    """True for a path of this site under ``prefix``: printable ASCII only (no CR/LF to split a
    header, nothing a header cannot hold), no ``//`` or ``\\`` (another site), no scheme."""
    if not url:
        return False
    return url.startswith(prefix) and _PATH.fullmatch(url) is not None and "\\" not in url


def redirect(request: Request, url: str) -> Response:
    """See Other after a POST; htmx requests are told to load the page instead of swapping it in.

    Only to a path of this site: anything else (another site, a CR/LF that would add a header) goes
    home instead, so no caller can turn a redirect into an open redirect or a header injection.
    """
    url = quote(url, safe="!#$%&'()*+,/:;=?@[]~")  # letters outside ASCII, as a browser would send them
    if not is_same_site_path(url):
        url = "/"
    if request.headers.get("hx-request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def flash(request: Request, message: str, kind: str = "info", **variables: object) -> None:
    """Translate ``message`` and keep it for the next page."""
    session_of(request).flash(gettext(request, message, **variables), kind)


def field_errors(request: Request, err: InvalidInput) -> dict[str, str]:
    """A domain error as ``{field: message}`` for the form (translated when the catalogue knows it)."""
    return {err.field: gettext(request, err.problem)}
