"""Changes to a health record already made, on the record's own page: restrict coverage and lift a
restriction, re-issue a drug card, withdraw a special authorization, set a co-pay case by case.

Each post is one health service call; bad input re-renders the page with the error beside its box and
what was typed (422); a stale version answers 409 (the service's ``expect_version``).
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop import health
from onestop.common.i18n import N_
from onestop.health import schemas as s
from onestop.web.staff.forms import PageForm, Posted, form_date, model, version
from onestop.web.staff.health_page import PEOPLE, Page, record_view
from onestop.web.staff.health_work import authorization_view, coverage_view

router = APIRouter()

_card_view = record_view("staff/health/card.html", "card", lambda f: f.cards, "drug card")
_copay_view = record_view("staff/health/copay.html", "copay", lambda f: f.copays, "costed prescription")


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


@router.post(PEOPLE + "/coverage/{coverage_id:uuid}/restrictions")
def add_restriction(page: Page, coverage_id: uuid.UUID, form: Posted[RestrictionForm]) -> Response:
    """Restrict the coverage (a drug, a class, one pharmacy) with what the client was told."""

    def act() -> object:
        data = model(
            s.RestrictionAdd,
            version=version(form.version),
            kind=form.kind,
            value=form.value,
            explained_to_client=form.explained_to_client,
        )
        return health.add_restriction(page.uow, actor=page.actor, coverage_id=coverage_id, data=data)

    done = page.then("#coverage-title", N_("The restriction is recorded."))
    return page.submit(coverage_view(coverage_id), form, act, done)


@router.post(PEOPLE + "/coverage/{coverage_id:uuid}/restrictions/remove")
def lift_restriction(page: Page, coverage_id: uuid.UUID, form: Posted[LiftForm]) -> Response:
    """Lift a restriction; it stays on the record with the reason."""

    def act() -> object:
        data = model(
            s.RestrictionRemove,
            version=version(form.version),
            restriction_id=form.restriction_id,
            reason=form.lift_reason,
        )
        return health.remove_restriction(page.uow, actor=page.actor, coverage_id=coverage_id, data=data)

    done = page.then("#coverage-title", N_("The restriction is lifted."))
    return page.submit(coverage_view(coverage_id), form, act, done, {"reason": "lift_reason"})


# --- emergency drug cards: re-issue ------------------------------------------------------------


class ReissueForm(PageForm):
    version: str = ""
    reissue_reason: str = ""
    valid_to: str = ""


@router.get(PEOPLE + "/cards/{card_id:uuid}")
def card_page(page: Page, card_id: uuid.UUID) -> HTMLResponse:
    """A drug card, with the form to re-issue it while it is in use."""
    return page.render(_card_view(card_id))


@router.post(PEOPLE + "/cards/{card_id:uuid}/reissue")
def reissue_card(page: Page, card_id: uuid.UUID, form: Posted[ReissueForm]) -> Response:
    """A new card with a new number; the old one is marked replaced."""

    def act() -> s.CardPublic:
        valid_to = form_date(form.valid_to, "valid_to")
        data = model(
            s.CardReissue, version=version(form.version), reason=form.reissue_reason, valid_to=valid_to
        )
        return health.reissue_card(page.uow, actor=page.actor, card_id=card_id, data=data)

    def done(card: s.CardPublic) -> Response:
        return page.to("#cards-title", N_("Card %(number)s is issued in its place."), number=card.number)

    return page.submit(_card_view(card_id), form, act, done, {"reason": "reissue_reason"})


# --- special authorizations: withdraw ----------------------------------------------------------


class WithdrawForm(PageForm):
    version: str = ""
    withdraw_reason: str = ""


@router.post(PEOPLE + "/authorizations/{authorization_id:uuid}/withdraw")
def withdraw_authorization(page: Page, authorization_id: uuid.UUID, form: Posted[WithdrawForm]) -> Response:
    """Withdraw a request not yet decided, with the reason."""

    def act() -> object:
        data = model(s.AuthorizationWithdraw, version=version(form.version), reason=form.withdraw_reason)
        return health.withdraw_authorization(
            page.uow, actor=page.actor, authorization_id=authorization_id, data=data
        )

    done = page.then("#authorizations-title", N_("The request is withdrawn."))
    return page.submit(authorization_view(authorization_id), form, act, done, {"reason": "withdraw_reason"})


# --- co-pays: the officer's case-by-case figure ------------------------------------------------


class OverrideForm(PageForm):
    version: str = ""
    copay: str = ""
    override_reason: str = ""


@router.get(PEOPLE + "/copays/{copay_id:uuid}")
def copay_page(page: Page, copay_id: uuid.UUID) -> HTMLResponse:
    """A costed prescription with its explanation and the form to set the co-pay case by case."""
    return page.render(_copay_view(copay_id))


@router.post(PEOPLE + "/copays/{copay_id:uuid}/override")
def override_copay(page: Page, copay_id: uuid.UUID, form: Posted[OverrideForm]) -> Response:
    """Set what the client pays, with the reason; the computed figure stays beside it."""

    def act() -> object:
        data = model(
            s.CopayOverride, version=version(form.version), copay=form.copay, reason=form.override_reason
        )
        return health.override_copay(page.uow, actor=page.actor, copay_id=copay_id, data=data)

    done = page.then("#copays-title", N_("The co-pay is set."))
    return page.submit(_copay_view(copay_id), form, act, done, {"reason": "override_reason"})
