"""Changes to a health record already made, on the record's own page: restrict coverage and lift a
restriction, re-issue a drug card, withdraw a special authorization, set a co-pay case by case.

Each post is one health service call; bad input re-renders the page with the error beside its box and
what was typed (422); a stale version answers 409 (the service's ``expect_version``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop import health
from onestop.access.permissions import Actor
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.health import schemas as s
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, model
from onestop.web.staff.health_work import (
    _AUTH,
    _authorization,
    _back,
    _coverage,
    _date,
    _errors,
    _find,
    _render,
    _version,
)

router = APIRouter()

_PEOPLE = "/people/{person_id:uuid}/health"


def _refused(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    template: str,
    pick: Callable[[s.HealthFile], dict[str, Any]],
    form: PageForm,
    err: InvalidInput,
    boxes: dict[str, str],
) -> HTMLResponse:
    """The page again with the error beside its box and what was typed (422)."""
    errors = _errors(request, err, boxes, type(form))
    values = form.model_dump()
    return _render(request, uow, actor, person_id, template, pick, values, errors, status_code=422)


# --- coverage restrictions ---------------------------------------------------------------------


class RestrictionForm(PageForm):
    version: str = ""
    kind: str = ""
    value: str = ""
    explained_to_client: str = ""


class LiftForm(PageForm):
    version: str = ""
    restriction_id: str = ""
    lift_reason: str = ""


_COVERAGE = "staff/health/coverage.html"


@router.post(_PEOPLE + "/coverage/{coverage_id:uuid}/restrictions")
def add_restriction(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    coverage_id: uuid.UUID,
    form: Annotated[RestrictionForm, Form()],
) -> Response:
    """Restrict the coverage (a drug, a class, one pharmacy) with what the client was told."""
    try:
        data = model(
            s.RestrictionAdd,
            version=_version(form.version),
            kind=form.kind,
            value=form.value,
            explained_to_client=form.explained_to_client,
        )
        health.add_restriction(uow, actor=actor, coverage_id=coverage_id, data=data)
    except InvalidInput as err:
        return _refused(request, uow, actor, person_id, _COVERAGE, _coverage(coverage_id), form, err, {})
    return _back(request, person_id, "coverage-title", N_("The restriction is recorded."))


@router.post(_PEOPLE + "/coverage/{coverage_id:uuid}/restrictions/remove")
def lift_restriction(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    coverage_id: uuid.UUID,
    form: Annotated[LiftForm, Form()],
) -> Response:
    """Lift a restriction; it stays on the record with the reason."""
    try:
        data = model(
            s.RestrictionRemove,
            version=_version(form.version),
            restriction_id=form.restriction_id,
            reason=form.lift_reason,
        )
        health.remove_restriction(uow, actor=actor, coverage_id=coverage_id, data=data)
    except InvalidInput as err:
        boxes = {"reason": "lift_reason"}
        return _refused(request, uow, actor, person_id, _COVERAGE, _coverage(coverage_id), form, err, boxes)
    return _back(request, person_id, "coverage-title", N_("The restriction is lifted."))


# --- emergency drug cards: re-issue ------------------------------------------------------------


class ReissueForm(PageForm):
    version: str = ""
    reissue_reason: str = ""
    valid_to: str = ""


_CARD = "staff/health/card.html"


def _card(cid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"card": _find(f.cards, cid, "drug card")}


@router.get(_PEOPLE + "/cards/{card_id:uuid}")
def card_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, card_id: uuid.UUID
) -> HTMLResponse:
    """A drug card, with the form to re-issue it while it is in use."""
    return _render(request, uow, actor, person_id, _CARD, _card(card_id))


@router.post(_PEOPLE + "/cards/{card_id:uuid}/reissue")
def reissue_card(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    card_id: uuid.UUID,
    form: Annotated[ReissueForm, Form()],
) -> Response:
    """A new card with a new number; the old one is marked replaced."""
    try:
        data = model(
            s.CardReissue,
            version=_version(form.version),
            reason=form.reissue_reason,
            valid_to=_date(form.valid_to, "valid_to"),
        )
        card = health.reissue_card(uow, actor=actor, card_id=card_id, data=data)
    except InvalidInput as err:
        boxes = {"reason": "reissue_reason"}
        return _refused(request, uow, actor, person_id, _CARD, _card(card_id), form, err, boxes)
    pages.flash(request, N_("Card %(number)s is issued in its place."), "success", number=card.number)
    return pages.redirect(request, f"/staff/people/{person_id}/health#cards-title")


# --- special authorizations: withdraw ----------------------------------------------------------


class WithdrawForm(PageForm):
    version: str = ""
    withdraw_reason: str = ""


@router.post(_PEOPLE + "/authorizations/{authorization_id:uuid}/withdraw")
def withdraw_authorization(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    authorization_id: uuid.UUID,
    form: Annotated[WithdrawForm, Form()],
) -> Response:
    """Withdraw a request not yet decided, with the reason."""
    try:
        data = model(s.AuthorizationWithdraw, version=_version(form.version), reason=form.withdraw_reason)
        health.withdraw_authorization(uow, actor=actor, authorization_id=authorization_id, data=data)
    except InvalidInput as err:
        pick = _authorization(authorization_id)
        boxes = {"reason": "withdraw_reason"}
        return _refused(request, uow, actor, person_id, _AUTH, pick, form, err, boxes)
    return _back(request, person_id, "authorizations-title", N_("The request is withdrawn."))


# --- co-pays: the officer's case-by-case figure ------------------------------------------------


class OverrideForm(PageForm):
    version: str = ""
    copay: str = ""
    override_reason: str = ""


_COPAY = "staff/health/copay.html"


def _copay(cid: uuid.UUID) -> Callable[[s.HealthFile], dict[str, Any]]:
    return lambda f: {"copay": _find(f.copays, cid, "costed prescription")}


@router.get(_PEOPLE + "/copays/{copay_id:uuid}")
def copay_page(
    request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID, copay_id: uuid.UUID
) -> HTMLResponse:
    """A costed prescription with its explanation and the form to set the co-pay case by case."""
    return _render(request, uow, actor, person_id, _COPAY, _copay(copay_id))


@router.post(_PEOPLE + "/copays/{copay_id:uuid}/override")
def override_copay(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    copay_id: uuid.UUID,
    form: Annotated[OverrideForm, Form()],
) -> Response:
    """Set what the client pays, with the reason; the computed figure stays beside it."""
    try:
        data = model(
            s.CopayOverride, version=_version(form.version), copay=form.copay, reason=form.override_reason
        )
        health.override_copay(uow, actor=actor, copay_id=copay_id, data=data)
    except InvalidInput as err:
        boxes = {"reason": "override_reason"}
        return _refused(request, uow, actor, person_id, _COPAY, _copay(copay_id), form, err, boxes)
    return _back(request, person_id, "copays-title", N_("The co-pay is set."))
