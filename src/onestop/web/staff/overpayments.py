"""Overpayments from the person page: set one up, record a repayment, ask for a write-off.

Each page is one money service call (the money trust work may turn set-ups into requests: only this
module and ``templates/staff/money/overpayment*.html`` call it from the workspace). Bad input
re-renders the form with the error beside its box and what was typed; nothing is written.
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.money import (
    OverpaymentCreate,
    Repayment,
    WriteOffRequest,
    create_overpayment,
    list_overpayments,
    record_repayment,
)
from onestop.money import request_write_off as ask_write_off
from onestop.money import schemas as ms
from onestop.registry import get_person, list_person_units
from onestop.web import pages, programs
from onestop.web.staff.forms import (
    BLANK,
    PageForm,
    Posted,
    ReasonForm,
    Shown,
    model,
)
from onestop.web.staff.money import _cents
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people/{person_id:uuid}/overpayments")

#: The programs an overpayment may be set up under, by the person's jurisdiction.
PROGRAMS = {
    "ca-ab": ["ab.income_support", "ab.emergency_income_support"],
    "ca-nl": ["nl.income_support"],
}
SOURCES = {
    "reassessment": N_("A reassessment"),
    "investigation": N_("An investigation"),
    "manual": N_("Found by an officer"),
}


class SetUpForm(PageForm):
    program: str = ""
    amount: str = ""
    source: str = "manual"
    reason: str = ""


class RepaymentForm(PageForm):
    amount: str = ""
    note: str = ""


#: The service's amount in cents is the form's amount box.
AMOUNT_BOX = {"amount_cents": "amount"}


def current_unit(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> uuid.UUID | None:
    """The unit the person is a member of now (None: not in one; nothing is created on a read)."""
    for unit in list_person_units(uow, actor=actor, person_id=person_id):
        if any(m.person_id == person_id and m.left_on is None for m in unit.members):
            return unit.id
    return None


@router.get("/new")
def new(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The set-up form."""
    return _new(page, person_id, Shown(SetUpForm().model_dump()))


@router.post("")
def set_up(page: Page, person_id: uuid.UUID, form: Posted[SetUpForm]) -> Response:
    """Set up an overpayment on the person's current unit (recovered by deduction from later payments)."""

    def act() -> ms.OverpaymentPublic:
        unit = current_unit(page.uow, page.actor, person_id)
        if unit is None:
            raise InvalidInput("form", "the person is not in a benefit unit")
        data = model(
            OverpaymentCreate,
            unit_id=unit,
            program=form.program,
            amount=_cents(form.amount),
            source=form.source,
            reason=form.reason,
        )
        return create_overpayment(page.uow, actor=page.actor, data=data)

    def done(op: ms.OverpaymentPublic) -> Response:
        amount = pages.formatter(page.request).money(op.amount)
        message = N_("An overpayment of %(amount)s is set up.")
        return page.to(f"/staff/people/{person_id}/overpayments/{op.id}", message, amount=amount)

    return page.submit(form, act, done, functools.partial(_new, page, person_id))


@router.get("/{overpayment_id:uuid}")
def view(page: Page, person_id: uuid.UUID, overpayment_id: uuid.UUID) -> HTMLResponse:
    """One overpayment: what is left, and the repayment and write-off forms."""
    return _view(page, person_id, overpayment_id)


@router.post("/{overpayment_id:uuid}/repayment")
def repay(
    page: Page, person_id: uuid.UUID, overpayment_id: uuid.UUID, form: Posted[RepaymentForm]
) -> Response:
    """Record money the client paid back."""

    def act() -> ms.OverpaymentPublic:
        data = model(Repayment, amount=_cents(form.amount), note=form.note)
        return record_repayment(page.uow, actor=page.actor, overpayment_id=overpayment_id, data=data)

    def done(op: ms.OverpaymentPublic) -> Response:
        left = pages.formatter(page.request).money(op.balance)
        message = N_("The repayment is recorded; %(amount)s is left.")
        return page.to(f"/staff/people/{person_id}/overpayments/{overpayment_id}", message, amount=left)

    again = functools.partial(_view, page, person_id, overpayment_id)
    return page.submit(form, act, done, again, boxes=AMOUNT_BOX)


@router.post("/{overpayment_id:uuid}/write-off")
def write_off(
    page: Page, person_id: uuid.UUID, overpayment_id: uuid.UUID, form: Posted[ReasonForm]
) -> Response:
    """Ask a supervisor to write off what is left (it shows on their approvals page)."""

    def act() -> object:
        data = model(WriteOffRequest, reason=form.reason)
        return ask_write_off(page.uow, actor=page.actor, overpayment_id=overpayment_id, data=data)

    path = f"/staff/people/{person_id}/overpayments/{overpayment_id}"
    done = page.then(path, N_("The write-off is waiting for a supervisor's approval."))
    again = functools.partial(_view, page, person_id, overpayment_id)
    return page.submit(form, act, done, again)


def program_form(
    page: StaffPage, pid: uuid.UUID, form: tuple[str, dict[str, Any]], shown: Shown
) -> HTMLResponse:
    """A new record's form under one of the person's programs (``form``: its template and context): the
    person, their jurisdiction's programs, and what was typed (the first program unless one was chosen)."""
    from onestop.web.staff.interview import jurisdiction_of

    person = get_person(page.uow, actor=page.actor, person_id=pid)
    language = pages.language_of(page.request)
    choices = [(p, programs.name(p, language)) for p in PROGRAMS[jurisdiction_of(person)]]
    values = shown.values | {"program": shown.values.get("program") or choices[0][0]}
    template, context = form
    context = context | {"person": person, "programs": choices, "log_person": pid}
    return page.show(template, context, dataclasses.replace(shown, values=values))


def _new(page: StaffPage, pid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    context = {
        "sources": page.options(SOURCES),
        "page_url": f"/staff/people/{pid}/overpayments/new",
    }
    return program_form(page, pid, ("staff/money/overpayment_new.html", context), shown)


def _view(page: StaffPage, pid: uuid.UUID, oid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    unit = current_unit(page.uow, page.actor, pid)
    found = list_overpayments(page.uow, actor=page.actor, unit_id=unit) if unit is not None else []
    op = next((o for o in found if o.id == oid), None)
    if op is None:
        raise NotFound("no such overpayment for this person")
    context = {
        "person": person,
        "op": op,
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/overpayments/{oid}",
    }
    return page.show("staff/money/overpayment.html", context, shown)
