"""Parameter overlays on a staff page: the values recorded between releases, a form to record one, and
approve / refuse buttons for another administrator. The ``policy`` services check permissions and
maker-checker; a bad value comes back on the form with the field named (422), nothing stored.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form
from pydantic import BaseModel, ConfigDict, ValidationError
from starlette.responses import HTMLResponse, Response

from onestop import policy
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/parameters")

FIELDS = ("parameter", "value", "effective", "source_title", "source_url", "confidence", "note")
CONFIDENCE = (("high", N_("High")), ("medium", N_("Medium")), ("low", N_("Low")))


def _overlay_id(raw: str) -> uuid.UUID:
    """The id; a malformed one reads as an id nobody has, so the permission is still checked first."""
    try:
        return uuid.UUID(raw)
    except ValueError:
        return uuid.UUID(int=0)


def _page(
    page: StaffPage,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    overlays = policy.list_overlays(page.uow, actor=page.actor)
    context = {
        "overlays": overlays,
        "values": values or dict.fromkeys(FIELDS, "") | {"confidence": "high"},
        "errors": errors or {},
        "confidence": [(k, page.gettext(v)) for k, v in CONFIDENCE],
        "me": page.actor.username,
        "as_json": lambda value: json.dumps(value),
    }
    return page.render("staff/parameters/list.html", context, status_code=status_code)


@router.get("")
def overlays(page: Page) -> HTMLResponse:
    """Every overlay, newest first; pending ones carry approve and refuse buttons."""
    return _page(page)


class OverlayForm(BaseModel):
    """The form's boxes as typed (the CSRF token is not a field, so extra names are ignored)."""

    model_config = ConfigDict(extra="ignore")

    parameter: str = ""
    value: str = ""
    effective: str = ""
    source_title: str = ""
    source_url: str = ""
    confidence: str = "high"
    note: str = ""


@router.post("")
def record(page: Page, form: Annotated[OverlayForm, Form()]) -> Response:
    """Record a new value; it waits for another administrator."""
    values = form.model_dump()
    try:
        data = policy.OverlayCreate(
            parameter=form.parameter,
            value=_value(form.value),
            effective=_date(form.effective),
            source_title=form.source_title,
            source_url=form.source_url or None,
            confidence=form.confidence,
            note=form.note or None,
        )
        policy.record_overlay(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return _page(page, values, {err.field: err.problem}, status_code=422)
    except ValidationError as err:  # a field too long for its column
        first = err.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else "value"
        return _page(page, values, {field: first["msg"]}, status_code=422)
    page.flash(N_("The value is recorded. Another administrator must approve it."), "success")
    return page.redirect("/staff/parameters")


@router.post("/{overlay_id}/approve")
def approve(page: Page, overlay_id: str, version: Annotated[int | None, Form()] = None) -> Response:
    """Approve (never a value you recorded): evaluations read it from its date."""
    data = policy.OverlayDecision(version=version)
    policy.approve_overlay(page.uow, actor=page.actor, overlay_id=_overlay_id(overlay_id), data=data)
    page.flash(N_("Approved: evaluations use this value from its date."), "success")
    return page.redirect("/staff/parameters")


@router.post("/{overlay_id}/refuse")
def refuse(
    page: Page,
    overlay_id: str,
    reason: Annotated[str, Form()] = "",
    version: Annotated[int | None, Form()] = None,
) -> Response:
    """Refuse with a reason (never a value you recorded)."""
    data = policy.OverlayDecision(reason=reason or None, version=version)
    policy.refuse_overlay(page.uow, actor=page.actor, overlay_id=_overlay_id(overlay_id), data=data)
    page.flash(N_("Refused: this value will not be used."), "success")
    return page.redirect("/staff/parameters")


def _value(text: str) -> object:
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        try:
            return json.loads(stripped)
        except json.JSONDecodeError:
            raise InvalidInput("value", "is not a valid table (JSON)") from None
    return stripped or None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("effective", "must be a date, YYYY-MM-DD") from None
