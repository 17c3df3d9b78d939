"""What every CLI command shares: the container, and turning domain errors into exit status 2."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import Any, ParamSpec, TypeVar

import typer
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, ValidationError

from onestop.access import Actor
from onestop.bootstrap import Container, build
from onestop.common.dates import parse_date
from onestop.common.errors import DomainError, InvalidInput

P = ParamSpec("P")
R = TypeVar("R")

_container: Container | None = None


class Format(StrEnum):
    """Output formats of the commands that answer in words or in JSON (``--format``)."""

    JSON = "json"
    TEXT = "text"


class Lang(StrEnum):
    """Languages of explanations and screening words (``--lang``)."""

    EN = "en"
    FR = "fr"


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


def call(service: Callable[..., R], /, **kwargs: Any) -> R:
    """Run one service in its own unit of work as the CLI's actor: what nearly every command does."""
    return service(container().uow(), actor=cli_actor(), **kwargs)


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


M = TypeVar("M", bound=BaseModel)


def dump(value: object) -> None:
    """Print a result as indented JSON (what the commands answer)."""
    typer.echo(json.dumps(jsonable_encoder(value), indent=2, ensure_ascii=False))


def input_model(schema: type[M], /, **values: Any) -> M:
    """A service's input model from the options given (``None``: not given, the model's default); a
    pydantic error becomes ``InvalidInput`` naming the field (exit 2)."""
    try:
        return schema(**{k: v for k, v in values.items() if v is not None})
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or schema.__name__
        raise InvalidInput(field, first.get("msg", "invalid")) from None


def optional_date(value: str | None, field: str) -> Any:
    """A date option, or none when it is not given."""
    return parse_date(value, field=field) if value else None
