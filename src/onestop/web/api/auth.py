"""/api/auth: log in for a bearer token (OAuth2 password flow), log out."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from onestop.access import LoginPolicy, login, revoke_token
from onestop.access.schemas import TokenPublic
from onestop.web.deps import BearerToken, ContainerDep, CurrentActor

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=TokenPublic)
def token(container: ContainerDep, form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> TokenPublic:
    """Exchange a username and password for a bearer token; 401 when wrong or while the account is locked."""
    settings = container.settings
    policy = LoginPolicy.of(settings.login_max_failures, settings.login_lockout_minutes)
    issued = login(container.uow(), username=form.username, password=form.password, policy=policy)
    return TokenPublic(access_token=issued.token, expires_at=issued.expires_at)


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(container: ContainerDep, actor: CurrentActor, bearer: BearerToken) -> Response:
    """Revoke the token this request carries."""
    revoke_token(container.uow(), actor=actor, token=bearer)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
