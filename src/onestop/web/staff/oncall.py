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
from onestop.access import Actor
from onestop.common.errors import InvalidInput, PermissionDenied
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff import forms
from onestop.web.staff.deps import StaffActor

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
def oncall_page(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """The coming week's roster, the latest contacts taken on call, and the forms."""
    return _page(request, uow, actor, forms.Shown({"staff_id": str(actor.staff_id or "")}))


@router.post("/oncall/shifts")
def add_shift(request: Request, uow: UowDep, actor: StaffActor, form: forms.Posted[ShiftForm]) -> Response:
    """Put someone on call (someone else: a supervisor's)."""

    def act() -> partners.ShiftPublic:
        data = forms.model(
            partners.ShiftCreate,
            staff_id=forms.optional_uuid(form.staff_id, "staff_id"),
            area=form.area,
            office_id=actor.office_id,
            phone=form.phone,
            starts_at=_local(request, form.starts_at, "starts_at"),
            ends_at=_local(request, form.ends_at, "ends_at"),
        )
        return partners.add_shift(uow, actor=actor, data=data)

    again = functools.partial(_page, request, uow, actor)
    try:
        return forms.submit(
            request, form, act, forms.then(request, "/staff/oncall", N_("The shift is on the roster.")), again
        )
    except PermissionDenied:
        errors = {"staff_id": pages.gettext(request, N_("Only a supervisor puts someone else on call."))}
        return again(forms.Shown(form.model_dump(), errors, 403))


@router.post("/oncall/calls")
def record_call(request: Request, uow: UowDep, actor: StaffActor, form: forms.Posted[CallForm]) -> Response:
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
            received_at=_local(request, form.received_at, "received_at"),
            summary=form.summary,
            authorized=authorized,
        )
        return partners.record_call(uow, actor=actor, data=data)

    def done(made: partners.AfterHoursPublic) -> Response:
        due = made.handover_due.isoformat() if made.handover_due else ""
        return forms.to(
            request, "/staff/oncall", N_("The call is logged and handed over for %(date)s."), date=due
        )

    def box(field: str) -> str:
        return field.rsplit(".", 1)[-1] if field.startswith("authorized") else field

    return forms.submit(request, form, act, done, functools.partial(_page, request, uow, actor), boxes=box)


def _page(request: Request, uow: UnitOfWork, actor: Actor, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    now = uow.clock.now()
    context = {
        "shifts": partners.roster(
            uow, actor=actor, start=now - dt.timedelta(days=1), end=now + dt.timedelta(days=7)
        ),
        "calls": partners.recent_calls(uow, actor=actor, limit=20),
        "kind_options": forms.option_labels(request, EMERGENCY_KINDS),
        "kinds": EMERGENCY_KINDS,
    }
    return forms.show(request, "staff/partners/oncall.html", context, shown)
