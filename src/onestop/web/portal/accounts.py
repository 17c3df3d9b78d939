"""Client accounts on the portal: create one (the verification e-mail goes to the outbox), confirm the
address from the link, sign in and out, and the client's own page of applications.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import LoginPolicy
from onestop.clients import (
    ClientLoginFailed,
    client_for_session,
    my_applications,
    sign_in,
    sign_out,
    sign_up,
    verify_email,
)
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.deps import UowDep

router = APIRouter(prefix="/account")


class ClientSignInRequired(Exception):
    """The page needs a signed-in client; handled by sending the browser to the sign-in page."""


def current_client(request: Request, uow: UowDep) -> uuid.UUID:
    """The signed-in client's account id: the session's token is checked on the server each time, so
    signing out, the session's lifetime or a long idle end it even for a copied cookie."""
    session = pages.session_of(request)
    client = session.client
    if client is None:
        if session.timed_out:
            pages.flash(request, N_("You were signed out after a period without activity. Sign in again."))
        raise ClientSignInRequired
    container = request.app.state.container
    idle = dt.timedelta(minutes=container.settings.session_minutes)
    try:
        account_id = client_for_session(uow, token=str(client.get("token", "")), idle=idle)
    except ClientLoginFailed:
        session.log_out()
        pages.flash(request, N_("Your sign-in has ended. Sign in again."))
        raise ClientSignInRequired from None
    if str(account_id) != str(client.get("id")):
        session.log_out()
        raise ClientSignInRequired
    return account_id


ClientId = Annotated[uuid.UUID, Depends(current_client)]


async def sign_in_required(request: Request, err: Exception) -> Response:
    """Send the browser to sign in, coming back to the page it asked for."""
    target = "/portal/account/signin"
    if request.method == "GET":
        target += "?" + urlencode({"next": request.url.path})
    return pages.redirect(request, target)


def safe_next(url: str | None) -> str:
    """Where to go after sign-in: a portal page of this site only."""
    if url and pages.is_same_site_path(url, "/portal/"):
        return url
    return "/portal/account"


@router.get("/new")
def new_account(request: Request) -> HTMLResponse:
    """The sign-up form."""
    return _page(request, "portal/account/new.html", {"values": {}})


@router.post("/new")
def create(
    request: Request,
    uow: UowDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    confirm: Annotated[str, Form()] = "",
) -> Response:
    """Create the account and send the link; the same answer whether or not the address was known."""
    container = request.app.state.container
    values = {"email": email}
    if password != confirm:
        errors = {"confirm": pages.gettext(request, N_("The two passwords are not the same."))}
        return _page(request, "portal/account/new.html", {"values": values, "errors": errors}, 422)
    outbox = Path(container.settings.var_dir) / "outbox" if container.settings.mode == "development" else None
    try:
        sign_up(
            uow,
            email=email,
            password=password,
            language=pages.language_of(request),
            link_base=request.app.state.public_base_url,
            outbox_dir=outbox,
        )
    except InvalidInput as err:
        errors = {err.field: pages.gettext(request, err.problem)}
        return _page(request, "portal/account/new.html", {"values": values, "errors": errors}, 422)
    return _page(request, "portal/account/check_email.html", {"email": email.strip()})


@router.get("/verify")
def verify(request: Request, uow: UowDep, token: str = "") -> Response:
    """The link in the e-mail: the address is confirmed, then the client signs in."""
    try:
        verify_email(uow, token=token)
    except InvalidInput as err:
        return _page(
            request, "portal/account/invalid_link.html", {"problem": pages.gettext(request, err.problem)}, 400
        )
    pages.flash(request, N_("Your e-mail address is confirmed. You can sign in now."), "success")
    return pages.redirect(request, "/portal/account/signin")


@router.get("/signin")
def signin_form(request: Request, next: str = "") -> HTMLResponse:
    """The sign-in form."""
    next_url = safe_next(next) if next else ""
    return _page(request, "portal/account/signin.html", {"values": {}, "next_url": next_url})


@router.post("/signin")
def signin(
    request: Request,
    uow: UowDep,
    email: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    """Check the password; on success start the client's session (limited per address like staff)."""
    container = request.app.state.container
    context: dict[str, Any] = {"values": {"email": email}, "next_url": safe_next(next) if next else ""}
    client_address = request.client.host if request.client else "unknown"
    limiter = request.app.state.login_limiter
    if limiter.hit(address=client_address, username=email, scope="portal") is not None:
        context["errors"] = {
            "form": pages.gettext(request, N_("Too many attempts. Wait a few minutes, then try again."))
        }
        return _page(request, "portal/account/signin.html", context, 429)
    settings = container.settings
    lifetime = dt.timedelta(hours=settings.client_session_hours)
    policy = LoginPolicy.of(settings.login_max_failures, settings.login_lockout_minutes)
    try:
        signed = sign_in(uow, email=email, password=password, lifetime=lifetime, policy=policy)
    except ClientLoginFailed:
        # One answer for a wrong password, an unknown or unconfirmed address and a locked account.
        message = N_("The e-mail address or password is not right, or the address is not confirmed yet.")
        locking = N_(
            "After %(count)s wrong passwords in a row, an account is locked for %(minutes)s minutes."
        )
        words = (
            pages.gettext(request, message)
            + " "
            + pages.gettext(
                request, locking, count=settings.login_max_failures, minutes=settings.login_lockout_minutes
            )
        )
        context["errors"] = {"form": words}
        return _page(request, "portal/account/signin.html", context, 401)
    session = pages.session_of(request)
    account = signed.account
    session.client_in(
        {"id": str(account.id), "email": account.email, "token": signed.token}, container.clock.now()
    )
    if not next and session.data.get("pending"):  # came to apply, then made an account: go on applying
        next = "/portal/apply/confirm"
    return pages.redirect(request, safe_next(next))


@router.post("/signout")
def signout(request: Request, uow: UowDep) -> Response:
    """End the client's session on the server (every copy of the cookie), then forget it here."""
    session = pages.session_of(request)
    if session.client is not None:
        sign_out(uow, token=str(session.client.get("token", "")))
    session.log_out()
    pages.flash(request, N_("You have signed out."))
    return pages.redirect(request, "/portal/")


@router.get("")
def my_page(request: Request, uow: UowDep, client: ClientId) -> HTMLResponse:
    """The client's applications, with their status."""
    found = my_applications(uow, account_id=client)
    return _page(request, "portal/account/home.html", {"applications": found})


def _page(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> HTMLResponse:
    context = {"errors": {}, "page_url": str(request.url.path)} | context
    return pages.render(request, template, context, status_code=status_code)
