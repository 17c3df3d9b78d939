"""/api/auth: log in for a bearer token (OAuth2 password flow), log out."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from onestop.access import AccountLocked, LoginFailed, LoginPolicy, login, revoke_token
from onestop.access.schemas import TokenPublic
from onestop.web.deps import BearerToken, ContainerDep, CurrentActor, UowDep

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/token",
    response_model=TokenPublic,
    responses={401: {"description": "Wrong username or password"}, 429: {"description": "Too many attempts"}},
)
def token(
    request: Request,
    container: ContainerDep,
    uow: UowDep,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
) -> TokenPublic:
    """Exchange a username and password for a bearer token.

    401 "wrong username or password" whether the password is wrong, the username unknown or the
    account locked (the reason is in the audit event only); 429 with ``Retry-After`` past the sign-in
    rate limits, per client address and per username (shared with the staff sign-in page).
    """
    address = request.client.host if request.client else "unknown"
    blocked_until = request.app.state.login_limiter.hit(address=address, username=form.username)
    if blocked_until is not None:
        wait = max(1, math.ceil((blocked_until - dt.datetime.now(dt.UTC)).total_seconds()))
        raise HTTPException(
            status.HTTP_429_TOO_MANY_REQUESTS,
            detail="too many sign-in attempts; try again later",
            headers={"Retry-After": str(wait)},
        )
    settings = container.settings
    policy = LoginPolicy.of(settings.login_max_failures, settings.login_lockout_minutes)
    try:
        issued = login(uow, username=form.username, password=form.password, policy=policy)
    except AccountLocked:
        raise LoginFailed() from None  # the same answer as a wrong password: the lock is not revealed
    return TokenPublic(access_token=issued.token, expires_at=issued.expires_at)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(uow: UowDep, actor: CurrentActor, bearer: BearerToken) -> Response:
    """Revoke the token this request carries."""
    revoke_token(uow, actor=actor, token=bearer)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
