"""What every CLI command shares: the container, and turning domain errors into exit status 2."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer

from onestop.access.permissions import Actor
from onestop.bootstrap import Container, build
from onestop.common.errors import DomainError

P = ParamSpec("P")
R = TypeVar("R")

_container: Container | None = None


def container() -> Container:
    """The process's container, built on first use from ``ONESTOP_*`` settings."""
    global _container
    if _container is None:
        _container = build()
    return _container


def set_container(value: Container | None) -> None:
    """Tests install their own container (clock, database) here."""
    global _container
    _container = value


def cli_actor() -> Actor:
    """Commands run by an operator on the server act as the system, and are audited as such."""
    return Actor.system("cli")


def fail(message: str) -> typer.Exit:
    """Print a one-line error on standard error; the caller raises the returned Exit(2)."""
    print(f"error: {message}", file=sys.stderr)
    return typer.Exit(code=2)


def handles_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a command so a ``DomainError`` becomes one line on stderr and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except DomainError as err:
            raise fail(err.message) from None

    return wrapper
