"""/api/evaluate: the same input and output as ``onestop evaluate`` (reference/case-format.md).

The body is read as raw JSON with ``parse_float=Decimal`` so amounts stay exact (FastAPI's own
parsing would turn ``621.50`` into a binary float before the rules engine sees it).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from onestop import jurisdictions
from onestop.access import Permission, require
from onestop.rules import load_case_text
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["evaluate"])

#: The ``lang`` query value of the routes that answer in words.
LANG = Query(default="en", pattern="^(en|fr)$", description="Language of the words.")


def case_body(description: str) -> dict[str, Any]:
    """The OpenAPI request body of a route that reads a case itself (``read_case``)."""
    schema = {"type": "object", "description": description}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


async def read_case(request: Request) -> Any:
    """The request's case, its amounts exact."""
    return load_case_text((await request.body()).decode("utf-8", errors="replace"), is_json=True)


_BODY = case_body("A case: jurisdiction, date, people, unit (reference/case-format.md).")


@router.post("/evaluate", openapi_extra=_BODY)
async def evaluate(
    request: Request,
    actor: CurrentActor,
    uow: UowDep,
    program: list[str] = Query(default=[], description="Program ids (default: every program of the pack)."),
    lang: str = LANG,
) -> dict[str, Any]:
    """Evaluate a case: per program the status, amounts, missing inputs, reasons and explanation."""
    require(uow, actor, Permission.RULES_EVALUATE)
    return jurisdictions.evaluate(await read_case(request), program).to_dict(lang)
