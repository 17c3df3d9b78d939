"""Overpayments from the person page: set one up, record a repayment, ask for a write-off.

Each page is one money service call (the money trust work may turn set-ups into requests: only this
module and ``templates/staff/money/overpayment*.html`` call it from the workspace). Bad input
re-renders the form with the error beside its box and what was typed; nothing is written.
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
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
from onestop.registry import get_person, list_person_units
from onestop.web import pages, programs
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model
from onestop.web.staff.money import _cents

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


class WriteOffForm(PageForm):
    reason: str = ""


def current_unit(uow: UnitOfWork, actor: Actor, person_id: uuid.UUID) -> uuid.UUID | None:
    """The unit the person is a member of now (None: not in one; nothing is created on a read)."""
    for unit in list_person_units(uow, actor=actor, person_id=person_id):
        if any(m.person_id == person_id and m.left_on is None for m in unit.members):
            return unit.id
    return None


@router.get("/new")
def new(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The set-up form."""
    return _new(request, uow, actor, person_id, SetUpForm())


@router.post("")
def set_up(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    form: Annotated[SetUpForm, Form()],
) -> Response:
    """Set up an overpayment on the person's current unit (recovered by deduction from later payments)."""
    try:
        unit = current_unit(uow, actor, person_id)
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
        op = create_overpayment(uow, actor=actor, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, set(SetUpForm.model_fields))
        return _new(request, uow, actor, person_id, form, errors=errors, status_code=422)
    amount = pages.formatter(request).money(op.amount)
    pages.flash(request, N_("An overpayment of %(amount)s is set up."), "success", amount=amount)
    return pages.redirect(request, f"/staff/people/{person_id}/overpayments/{op.id}")


@router.get("/{overpayment_id:uuid}")
def view(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, overpayment_id: uuid.UUID
) -> HTMLResponse:
    """One overpayment: what is left, and the repayment and write-off forms."""
    return _view(request, uow, actor, person_id, overpayment_id)


@router.post("/{overpayment_id:uuid}/repayment")
def repay(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    overpayment_id: uuid.UUID,
    form: Annotated[RepaymentForm, Form()],
) -> Response:
    """Record money the client paid back."""
    try:
        data = model(Repayment, amount=_cents(form.amount), note=form.note)
        op = record_repayment(uow, actor=actor, overpayment_id=overpayment_id, data=data)
    except InvalidInput as err:
        err = InvalidInput("amount", err.problem) if err.field == "amount_cents" else err
        errors = form_errors(request, err, {"amount", "note"})
        values = form.model_dump()
        return _view(request, uow, actor, person_id, overpayment_id, values, errors, status_code=422)
    left = pages.formatter(request).money(op.balance)
    pages.flash(request, N_("The repayment is recorded; %(amount)s is left."), "success", amount=left)
    return pages.redirect(request, f"/staff/people/{person_id}/overpayments/{overpayment_id}")


@router.post("/{overpayment_id:uuid}/write-off")
def write_off(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    overpayment_id: uuid.UUID,
    form: Annotated[WriteOffForm, Form()],
) -> Response:
    """Ask a supervisor to write off what is left (it shows on their approvals page)."""
    try:
        data = model(WriteOffRequest, reason=form.reason)
        ask_write_off(uow, actor=actor, overpayment_id=overpayment_id, data=data)
    except InvalidInput as err:
        errors = form_errors(request, err, {"reason"})
        values = form.model_dump()
        return _view(request, uow, actor, person_id, overpayment_id, values, errors, status_code=422)
    pages.flash(request, N_("The write-off is waiting for a supervisor's approval."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/overpayments/{overpayment_id}")


def program_form(
    request: Request, uow: UnitOfWork, actor: Actor, pid: uuid.UUID, form: PageForm
) -> dict[str, Any]:
    """A new record's form under one of the person's programs: the person, their jurisdiction's
    programs, and what was typed (the first program unless one was chosen)."""
    from onestop.web.staff.interview import jurisdiction_of

    person = get_person(uow, actor=actor, person_id=pid)
    language = pages.language_of(request)
    choices = [(p, programs.name(p, language)) for p in PROGRAMS[jurisdiction_of(person)]]
    values = form.model_dump()
    values["program"] = values["program"] or choices[0][0]
    return {"person": person, "values": values, "programs": choices, "log_person": pid}


def _new(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    pid: uuid.UUID,
    form: SetUpForm,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = program_form(request, uow, actor, pid, form) | {
        "errors": errors or {},
        "sources": [(k, pages.gettext(request, v)) for k, v in SOURCES.items()],
        "page_url": f"/staff/people/{pid}/overpayments/new",
    }
    return pages.render(request, "staff/money/overpayment_new.html", context, status_code=status_code)


def _view(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    pid: uuid.UUID,
    oid: uuid.UUID,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    status_code: int = 200,
) -> HTMLResponse:
    person = get_person(uow, actor=actor, person_id=pid)
    unit = current_unit(uow, actor, pid)
    found = list_overpayments(uow, actor=actor, unit_id=unit) if unit is not None else []
    op = next((o for o in found if o.id == oid), None)
    if op is None:
        raise NotFound("no such overpayment for this person")
    context = {
        "person": person,
        "op": op,
        "values": values or {},
        "errors": errors or {},
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/overpayments/{oid}",
    }
    return pages.render(request, "staff/money/overpayment.html", context, status_code=status_code)
