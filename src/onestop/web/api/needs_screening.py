"""/api/screen: needs screening across the program catalogue, for staff (permission ``rules:evaluate``).

The body is a case (reference/case-format.md; almost nothing may be known), read with exact
decimals like /api/evaluate. The anonymous portal calls ``onestop.screening.screen`` directly.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from onestop.screening import screen_case
from onestop.web.api.evaluate import LANG, case_body, read_case
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["screening"])

_BODY = case_body("A case: jurisdiction, date, and whatever is known of people and unit (case-format.md).")


@router.post("/screen", openapi_extra=_BODY)
async def screen(
    request: Request,
    actor: CurrentActor,
    uow: UowDep,
    lang: str = LANG,
) -> dict[str, Any]:
    """Every program ranked likely / possibly / not eligible / refer, with the next questions."""
    return screen_case(uow, actor=actor, data=await read_case(request), lang=lang).to_dict()
