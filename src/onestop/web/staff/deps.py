"""Who is signed in on a staff page: the session's token, checked against the access service."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import Depends, Request
from starlette.responses import Response

from onestop.access import Actor, actor_for_token
from onestop.common.errors import NotAuthenticated
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.deps import UowDep

LOGIN_URL = "/staff/login"


class LoginRequiredError(Exception):
    """The page needs a signed-in staff member; handled by sending the browser to the sign-in page."""


def current_actor(request: Request, uow: UowDep) -> Actor:
    """The signed-in staff member; the token is re-checked each time, so revocation works at once."""
    session = pages.session_of(request)
    login = session.login
    if login is None:
        if session.timed_out:
            pages.flash(request, N_("You were signed out after a period without activity. Sign in again."))
        raise LoginRequiredError
    try:
        actor = actor_for_token(uow, str(login.get("token", "")))
    except NotAuthenticated:
        session.log_out()
        pages.flash(request, N_("Your sign-in has ended. Sign in again."))
        raise LoginRequiredError from None
    request.state.actor = actor  # for the layout's own pieces (navigation, the quick-log widget)
    return actor


StaffActor = Annotated[Actor, Depends(current_actor)]


def safe_next(url: str | None) -> str:
    """Where to go after sign-in: only a staff page on this site (never another site)."""
    if pages.is_same_site_path(url, "/staff/") and not str(url).startswith("/staff/login"):
        return str(url)
    return "/staff/"


async def login_required(request: Request, err: Exception) -> Response:
    """Send the browser to the sign-in page, remembering where it was going (for a GET).

    Only the path: a query string may hold personal data, and ``next=`` lands in the access log and
    the browser's history.
    """
    target = LOGIN_URL
    if request.method == "GET" and request.url.path != "/staff/":
        target += "?" + urlencode({"next": request.url.path})
    return pages.redirect(request, target)
