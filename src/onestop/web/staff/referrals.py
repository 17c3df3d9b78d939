"""Referrals with consent: choose the program or agency (from the catalogue), say why, tick what may
be shared; when the person agrees to share there and then, the consent is recorded first (the
registry's consent service), then the referral (which checks that consent), in one transaction. And the
recipient's answer.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form
from pydantic import Field
from starlette.responses import HTMLResponse, Response

from onestop.cases.referrals import (
    DataCategory,
    ReferralCreate,
    ReferralStatusChange,
    change_referral_status,
    get_referral,
    refer,
)
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.jurisdictions import EntryKind, load_catalogue
from onestop.registry import get_person, record_consent
from onestop.registry.schemas import ConsentCreate
from onestop.web import pages, programs
from onestop.web.parsing import whole_number
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, form_date, model
from onestop.web.staff.interview import jurisdiction_of
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()


class ReferralForm(PageForm):
    target: str = ""
    reason: str = ""
    follow_up_on: str = ""
    consent: str = ""
    shared: list[str] = Field(default_factory=list)


@router.get("/people/{person_id:uuid}/referrals/new")
def new_referral(page: Page, person_id: uuid.UUID, target: str = "") -> HTMLResponse:
    """The referral form (the target chosen when coming from the interview's results)."""
    return _form(page, person_id, Shown({"target": target, "shared": []}))


@router.post("/people/{person_id:uuid}/referrals/new")
def send(page: Page, person_id: uuid.UUID, form: Posted[ReferralForm]) -> Response:
    """Record the consent (if given now), then the referral."""
    values = form.model_dump()
    try:
        entry = programs.entry(values["target"])
        if entry is None:
            raise InvalidInput("target", "choose where to refer")
        name = programs.words(entry.name, pages.language_of(page.request))
        consent = None
        if values["consent"] == "yes" and values["shared"]:
            purpose = page.gettext(N_("referral: %(reason)s"), reason=values["reason"][:200])
            consent = model(ConsentCreate, recipient=entry.id, purpose=purpose)
        referral = model(
            ReferralCreate,
            person_id=person_id,
            kind="internal" if entry.kind is EntryKind.SCREENED else "external",
            target_id=entry.id,
            target_name=name,
            reason=values["reason"],
            shared=values["shared"],
            follow_up_on=form_date(values["follow_up_on"], "follow_up_on"),
        )
        with page.uow:  # one transaction: a refused referral leaves no consent behind
            if consent is not None:
                record_consent(page.uow, actor=page.actor, person_id=person_id, data=consent)
            refer(page.uow, actor=page.actor, data=referral)
            page.uow.commit()
    except InvalidInput as err:
        return _form(page, person_id, Shown(values, pages.field_errors(page.request, err), 422))
    page.flash(N_("The referral to %(name)s is sent."), "success", name=name)
    return page.redirect(f"/staff/people/{person_id}#referrals-title")


@router.get("/referrals/{referral_id}")
def referral_page(page: Page, referral_id: uuid.UUID) -> HTMLResponse:
    """One referral and the recipient's answer."""
    found = get_referral(page.uow, actor=page.actor, referral_id=referral_id)
    return page.render(
        "staff/referrals/view.html", {"referral": found, "log_person": found.person_id, "errors": {}}
    )


@router.post("/referrals/{referral_id}")
def answer(
    page: Page,
    referral_id: uuid.UUID,
    status: Annotated[str, Form()] = "",
    note: Annotated[str, Form()] = "",
    version: Annotated[str, Form()] = "",
) -> Response:
    """Accepted, declined (with a reason) or completed."""
    data = model(
        ReferralStatusChange,
        status=status,
        note=note or None,
        version=whole_number(version),
    )
    change_referral_status(page.uow, actor=page.actor, referral_id=referral_id, data=data)
    page.flash(N_("The referral is updated."), "success")
    return page.redirect(f"/staff/referrals/{referral_id}")


def _form(page: StaffPage, pid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    language = pages.language_of(page.request)
    catalogue = load_catalogue(jurisdiction_of(person))
    targets = [(e.id, programs.words(e.name, language)) for e in catalogue if e.kind is not EntryKind.DECIDED]
    consents = {c.recipient for c in person.consents if c.withdrawn_at is None}
    context = {
        "person": person,
        "targets": sorted(targets, key=lambda t: t[1]),
        "categories": [c.value for c in DataCategory],
        "consented": shown.values.get("target") in consents,
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/referrals/new",
    }
    return page.show("staff/referrals/new.html", context, shown)
