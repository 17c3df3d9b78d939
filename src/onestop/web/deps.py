"""FastAPI dependencies shared by routes: the container, a unit of work, the current actor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from onestop.bootstrap import Container
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
