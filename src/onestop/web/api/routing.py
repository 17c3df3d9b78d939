"""/api operations that hand the request straight to one service, declared from the service itself.

Most operations take the unit of work and the signed-in actor, the ids in the path, a body and a few
query values, call one service with exactly those and answer what it returns. Written out, each route
restated the service's parameters in its own signature and again in the call. ``ServiceRouter`` reads
them from the service instead:

- ``data`` is the request body; or, for a route that names a ``body`` model, the service's parameters
  of that model's field names come from the body (``{"reason": ...}`` for ``reason=``);
- a parameter named in the path is a path parameter;
- one with no default is a required query parameter; one with a default is a query parameter only
  when the route names it in ``query`` (otherwise the service keeps its default: a ``limit`` stays
  the service's, out of the caller's reach);
- the response model is the service's return type; or, for a service that hands back stored rows,
  the route's ``view`` model (a list of them when the service returns several), each row read into it.

The operation keeps its name (its OpenAPI operation id and summary), its description, its status code
and its permission (the service checks it). A route that does more (a file to download, the storage,
another name for a value, a bounded query value) is written out as a function beside these.
"""

from __future__ import annotations

import collections.abc
import inspect
import typing
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, status
from pydantic import BaseModel

from onestop.web.deps import CurrentActor, UowDep

_NOT_FROM_REQUEST = ("uow", "actor")


class ServiceRouter(APIRouter):
    """A router that also declares the pass-through operations, in the order they are matched."""

    def service_get(
        self,
        path: str,
        service: Callable[..., Any],
        name: str,
        doc: str,
        *,
        query: tuple[str, ...] = (),
        view: type[BaseModel] | None = None,
    ) -> None:
        """A read: answers 200 with what the service returns."""
        self._add("GET", path, service, name, doc, query=query, view=view)

    def service_post(
        self,
        path: str,
        service: Callable[..., Any],
        name: str,
        doc: str,
        *,
        created: bool = False,
        query: tuple[str, ...] = (),
        body: type[BaseModel] | None = None,
        view: type[BaseModel] | None = None,
    ) -> None:
        """A change: answers 200 with what the service returns, or 201 when it ``created`` something."""
        code = status.HTTP_201_CREATED if created else None
        self._add("POST", path, service, name, doc, code=code, query=query, body=body, view=view)

    def service_delete(
        self, path: str, service: Callable[..., Any], name: str, doc: str, *, query: tuple[str, ...] = ()
    ) -> None:
        """A removal (kept in history): answers 200 with what the service returns."""
        self._add("DELETE", path, service, name, doc, query=query)

    def _add(
        self,
        method: str,
        path: str,
        service: Callable[..., Any],
        name: str,
        doc: str,
        *,
        code: int | None = None,
        query: tuple[str, ...] = (),
        body: type[BaseModel] | None = None,
        view: type[BaseModel] | None = None,
    ) -> None:
        hints = typing.get_type_hints(service)
        answer, convert = _answer(hints["return"], view)
        fields = tuple(body.model_fields) if body is not None else ()
        unknown = (set(query) | set(fields)) - set(inspect.signature(service).parameters)
        if unknown:
            raise TypeError(f"{name}: {service.__name__} takes no {', '.join(sorted(unknown))}")
        params = [
            inspect.Parameter("uow", inspect.Parameter.KEYWORD_ONLY, annotation=UowDep),
            inspect.Parameter("actor", inspect.Parameter.KEYWORD_ONLY, annotation=CurrentActor),
        ]
        for param in list(inspect.signature(service).parameters.values())[1:]:
            named = f"{{{param.name}}}" in path or f"{{{param.name}:" in path or param.name == "data"
            asked = param.default is inspect.Parameter.empty or param.name in query
            if param.name not in (*_NOT_FROM_REQUEST, *fields) and (named or asked):
                params.append(
                    inspect.Parameter(
                        "body" if param.name == "data" else param.name,
                        inspect.Parameter.KEYWORD_ONLY,
                        annotation=hints[param.name],
                        default=param.default,
                    )
                )

        if body is not None:
            params.append(inspect.Parameter("body", inspect.Parameter.KEYWORD_ONLY, annotation=body))

        def endpoint(**values: Any) -> Any:
            if "body" in values:
                sent = values.pop("body")
                values.update({f: getattr(sent, f) for f in fields} if body is not None else {"data": sent})
            return convert(service(values.pop("uow"), **values))

        endpoint.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
        endpoint.__name__ = endpoint.__qualname__ = name
        endpoint.__doc__ = doc
        self.add_api_route(
            path,
            endpoint,
            methods=[method],
            status_code=code,
            response_model=answer,
            name=name,
        )


def _answer(returns: Any, view: type[BaseModel] | None) -> tuple[Any, Callable[[Any], Any]]:
    """The response model, and how the service's result becomes it: as it is, or read into ``view``."""
    if view is None:
        return returns, lambda result: result
    if typing.get_origin(returns) in (list, collections.abc.Sequence):
        return list[view], lambda rows: [view.model_validate(row) for row in rows]  # type: ignore[valid-type]
    return view, view.model_validate
