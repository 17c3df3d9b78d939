"""/api/screen: needs screening across the program catalogue, for staff (permission ``rules:evaluate``).

The body is a case (reference/case-format.md; almost nothing may be known), read with exact
decimals like /api/evaluate. The anonymous portal calls ``onestop.screening.screen`` directly.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from onestop.rules import load_case_text
from onestop.screening import screen_case
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["screening"])

_SCHEMA = {
    "type": "object",
    "description": "A case: jurisdiction, date, and whatever is known of people and unit (case-format.md).",
}
_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": _SCHEMA}}}}


@router.post("/screen", openapi_extra=_BODY)
async def screen(
    request: Request,
    actor: CurrentActor,
    uow: UowDep,
    lang: str = Query(default="en", pattern="^(en|fr)$", description="Language of the words."),
) -> dict[str, Any]:
    """Every program ranked likely / possibly / not eligible / refer, with the next questions."""
    data = load_case_text((await request.body()).decode("utf-8", errors="replace"), is_json=True)
    return screen_case(uow, actor=actor, data=data, lang=lang).to_dict()
