"""FastAPI dependencies shared by routes: the container, a unit of work, the current actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer

from onestop.access import Actor, actor_for_token
from onestop.bootstrap import Container
from onestop.common.errors import NotAuthenticated
from onestop.db import UnitOfWork


def get_container(request: Request) -> Container:
    """The app's container."""
    container: Container = request.app.state.container
    return container


ContainerDep = Annotated[Container, Depends(get_container)]


def get_uow(container: ContainerDep) -> UnitOfWork:
    """A fresh unit of work per request; services open and commit it."""
    return container.uow()


UowDep = Annotated[UnitOfWork, Depends(get_uow)]


_bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


def get_bearer_token(token: Annotated[str | None, Depends(_bearer)]) -> str:
    """The bearer token of the request; 401 when there is none."""
    if not token:
        raise NotAuthenticated("log in first: this needs an 'Authorization: Bearer <token>' header")
    return token


BearerToken = Annotated[str, Depends(get_bearer_token)]


def get_current_actor(container: ContainerDep, token: BearerToken) -> Actor:
    """The staff member behind the bearer token (401 if unknown, expired, revoked or deactivated)."""
    return actor_for_token(container.uow(), token)


CurrentActor = Annotated[Actor, Depends(get_current_actor)]
