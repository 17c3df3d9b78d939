"""Signing in and out of the staff pages, through the access service's login (with its lockout)."""

from __future__ import annotations

from contextlib import suppress
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import AccountLocked, LoginFailed, LoginPolicy, actor_for_token, login, revoke_token
from onestop.common.errors import NotAuthenticated
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import safe_next

router = APIRouter()


@router.get("/login")
def login_form(request: Request, next: str = "") -> Response:
    """The sign-in form (or straight home when already signed in)."""
    if pages.session_of(request).login is not None:
        return pages.redirect(request, safe_next(next))
    return _form(request, next_url=safe_next(next))


@router.post("/login")
def login_submit(
    request: Request,
    uow: UowDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    """Check the password with the access service; on success start the session and go on."""
    container = request.app.state.container
    fmt = pages.formatter(request)
    values = {"username": username}
    blocked_until = request.app.state.login_limiter.hit(address=_client(request), username=username)
    if blocked_until is not None:
        message = pages.gettext(
            request,
            N_("Too many sign-in attempts from this device. Try again after %(time)s."),
            time=fmt.time(blocked_until),
        )
        return _form(request, next_url=next, values=values, errors={"form": message}, status_code=429)
    errors = _missing(request, username, password)
    if errors:
        return _form(request, next_url=next, values=values, errors=errors, status_code=422)
    settings = container.settings
    policy = LoginPolicy.of(settings.login_max_failures, settings.login_lockout_minutes)
    try:
        issued = login(uow, username=username, password=password, policy=policy)
    except AccountLocked as err:
        message = pages.gettext(
            request,
            N_(
                "This account is locked after too many wrong passwords. Try again after %(time)s on %(date)s."
            ),
            time=fmt.time(err.until),
            date=fmt.date(err.until),
        )
        return _form(request, next_url=next, values=values, errors={"form": message}, status_code=403)
    except LoginFailed:
        message = pages.gettext(
            request, N_("The username or password is not right. Check them and try again.")
        )
        return _form(request, next_url=next, values=values, errors={"form": message}, status_code=401)
    staff = issued.staff
    office = staff.office.name if staff.office is not None else None
    session = pages.session_of(request)
    session.log_in(
        {"token": issued.token, "name": staff.display_name, "office": office}, container.clock.now()
    )
    return pages.redirect(request, safe_next(next))


@router.post("/logout")
def logout(request: Request, uow: UowDep) -> Response:
    """Revoke the session's token (so a copied cookie is useless too), forget the session, say so."""
    session = pages.session_of(request)
    if session.login is not None:
        _revoke(request, uow, str(session.login.get("token", "")))
    session.log_out()
    pages.flash(request, N_("You have signed out."))
    return pages.redirect(request, "/staff/login")


def _revoke(request: Request, uow: UnitOfWork, token: str) -> None:
    with suppress(NotAuthenticated):  # already expired or revoked: nothing left to revoke
        actor = actor_for_token(uow, token)
        revoke_token(uow, actor=actor, token=token)


def _missing(request: Request, username: str, password: str) -> dict[str, str]:
    errors = {}
    if not username.strip():
        errors["username"] = pages.gettext(request, N_("Enter your username"))
    if not password:
        errors["password"] = pages.gettext(request, N_("Enter your password"))
    return errors


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _form(
    request: Request,
    *,
    next_url: str,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {"next_url": next_url, "values": values or {}, "errors": errors or {}}
    context["page_url"] = "/staff/login" + (f"?{urlencode({'next': next_url})}" if next_url else "")
    return pages.render(request, "staff/login.html", context, status_code=status_code)
