"""After-hours on-call on staff pages: the roster for the coming week (with the form to put someone on
call), the contacts taken on call, and the form to log one (against the person, with what was
authorized, paid through money within the on-call worker's limits, and the handover task).

Times typed in the page are read in the office's time zone (settings.timezone). Bad input re-renders
the page with the error beside its box and what was typed (422).
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop import partners
from onestop.common.errors import InvalidInput, PermissionDenied
from onestop.common.i18n import N_
from onestop.web.staff import forms
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

EMERGENCY_KINDS = {
    "": N_("Nothing authorized"),
    "shelter": N_("Emergency shelter"),
    "food": N_("Food"),
    "transport": N_("Transport"),
}


class ShiftForm(forms.PageForm):
    """Putting someone on call."""

    staff_id: str = ""
    area: str = ""
    phone: str = ""
    starts_at: str = ""
    ends_at: str = ""


class CallForm(forms.PageForm):
    """A contact taken on call, with at most one thing authorized."""

    person_id: str = ""
    unit_id: str = ""
    received_at: str = ""
    summary: str = ""
    kind: str = ""
    amount: str = ""
    nights: str = ""
    payee_id: str = ""


def _local(request: Request, raw: str, field: str) -> dt.datetime | None:
    """A time typed in the page (2026-02-28T23:10), in the office's time zone."""
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(field, "give a date and a time") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(request.app.state.container.settings.timezone))
    return value


@router.get("/oncall")
def oncall_page(page: Page) -> HTMLResponse:
    """The coming week's roster, the latest contacts taken on call, and the forms."""
    return _page(page, forms.Shown({"staff_id": str(page.actor.staff_id or "")}))


@router.post("/oncall/shifts")
def add_shift(page: Page, form: forms.Posted[ShiftForm]) -> Response:
    """Put someone on call (someone else: a supervisor's)."""

    def act() -> partners.ShiftPublic:
        data = forms.model(
            partners.ShiftCreate,
            staff_id=forms.optional_uuid(form.staff_id, "staff_id"),
            area=form.area,
            office_id=page.actor.office_id,
            phone=form.phone,
            starts_at=_local(page.request, form.starts_at, "starts_at"),
            ends_at=_local(page.request, form.ends_at, "ends_at"),
        )
        return partners.add_shift(page.uow, actor=page.actor, data=data)

    again = functools.partial(_page, page)
    try:
        return page.submit(form, act, page.then("/staff/oncall", N_("The shift is on the roster.")), again)
    except PermissionDenied:
        errors = {"staff_id": page.gettext(N_("Only a supervisor puts someone else on call."))}
        return again(forms.Shown(form.model_dump(), errors, 403))


@router.post("/oncall/calls")
def record_call(page: Page, form: forms.Posted[CallForm]) -> Response:
    """Log a contact taken on call, issue what was authorized, and hand it over."""

    def act() -> partners.AfterHoursPublic:
        authorized = []
        if form.kind:
            authorized.append(
                {
                    "kind": form.kind,
                    "amount": form.amount or None,
                    "payee_id": forms.optional_uuid(form.payee_id, "payee_id"),
                    "nights": forms.form_int(form.nights, "nights"),
                }
            )
        data = forms.model(
            partners.AfterHoursCreate,
            person_id=forms.optional_uuid(form.person_id, "person_id"),
            unit_id=forms.optional_uuid(form.unit_id, "unit_id"),
            received_at=_local(page.request, form.received_at, "received_at"),
            summary=form.summary,
            authorized=authorized,
        )
        return partners.record_call(page.uow, actor=page.actor, data=data)

    def done(made: partners.AfterHoursPublic) -> Response:
        due = made.handover_due.isoformat() if made.handover_due else ""
        return page.to("/staff/oncall", N_("The call is logged and handed over for %(date)s."), date=due)

    def box(field: str) -> str:
        return field.rsplit(".", 1)[-1] if field.startswith("authorized") else field

    return page.submit(form, act, done, functools.partial(_page, page), boxes=box)


def _page(page: StaffPage, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    now = page.uow.clock.now()
    context = {
        "shifts": partners.roster(
            page.uow, actor=page.actor, start=now - dt.timedelta(days=1), end=now + dt.timedelta(days=7)
        ),
        "calls": partners.recent_calls(page.uow, actor=page.actor, limit=20),
        "kind_options": page.options(EMERGENCY_KINDS),
        "kinds": EMERGENCY_KINDS,
    }
    return page.show("staff/partners/oncall.html", context, shown)
