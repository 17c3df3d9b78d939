"""Domain errors to HTTP, in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from onestop.access import FileRefused, FileRestricted
from onestop.common.errors import (
    Conflict,
    DomainError,
    InvalidInput,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from onestop.storage import StorageUnavailable

STATUS: list[tuple[type[DomainError], int]] = [
    (StorageUnavailable, 507),  # before InvalidInput, which it extends (it names the file field)
    (InvalidInput, 422),
    (NotAuthenticated, 401),
    (PermissionDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
]


def status_for(err: DomainError) -> int:
    """HTTP status for a domain error; anything unlisted is a 400."""
    for kind, status in STATUS:
        if isinstance(err, kind):
            return status
    return 400


async def _domain_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, DomainError)
    body: dict[str, object] = {"detail": err.message}
    if isinstance(err, InvalidInput):
        body["field"] = err.field
    if isinstance(err, FileRefused):  # why this file is refused, and for a restricted one the way in
        body["refused"] = err.code
        if isinstance(err, FileRestricted):
            body["break_glass"] = f"/api/people/{err.person_id}/break-glass"
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(err, NotAuthenticated) else None
    return JSONResponse(body, status_code=status_for(err), headers=headers)


async def _validation_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    problems = []
    for e in err.errors():
        loc = [str(p) for p in e.get("loc", ()) if p not in ("body", "query", "path")]
        problems.append({"field": ".".join(loc), "message": e.get("msg", "invalid")})
    first = problems[0] if problems else {"field": "", "message": "invalid request"}
    return JSONResponse(
        {"detail": f"{first['field']}: {first['message']}", "field": first["field"], "errors": problems},
        status_code=422,
    )


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(DomainError, _domain_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
