"""Third-party payees from the person page: the landlord, the power company, a vendor paid for the client.

A payee set up here is linked to the person, so the emergency-funds form offers it as "paid to". A third
party, or any banking details, waits for a second person's approval (the money area decides; it shows
on the supervisor's approvals page) before it can be paid. One money service call per post; bad input
re-renders the form beside its box with what was typed (the account number is never sent back).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.money import PayeeCreate, create_payee, list_payees
from onestop.registry import get_person
from onestop.web.staff import labels
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, model
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people/{person_id:uuid}/payees")

KINDS = {"landlord": N_("Landlord"), "utility": N_("Utility (power, heat, water)"), "vendor": N_("Vendor")}
STATES = {"approved": N_("Can be paid"), "pending_approval": N_("Waiting for a second person")}


class PayeeForm(PageForm):
    kind: str = "landlord"
    name: str = ""
    institution: str = ""
    transit: str = ""
    account: str = ""


@router.get("")
def payees(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's payees and the form to add one."""
    return _page(page, person_id, Shown(PayeeForm().model_dump()))


@router.post("")
def add(page: Page, person_id: uuid.UUID, form: Posted[PayeeForm]) -> Response:
    """Set up a third party paid on the person's behalf (its account number is never sent back)."""

    def act() -> tuple[str, str]:
        if form.kind not in KINDS:
            raise InvalidInput("kind", "choose a landlord, a utility or a vendor")
        data = model(
            PayeeCreate,
            kind=form.kind,
            name=form.name,
            person_id=person_id,
            institution=form.institution or None,
            transit=form.transit or None,
            account=form.account or None,
        )
        payee = create_payee(page.uow, actor=page.actor, data=data)
        if payee.state == "pending_approval":
            return N_("%(name)s is set up and waits for a second person's approval."), payee.name
        return N_("%(name)s is set up."), payee.name

    def done(said: tuple[str, str]) -> Response:
        message, name = said
        return page.to(f"/staff/people/{person_id}/payees", message, name=name)

    def box(field: str) -> str:
        return field.removeprefix("bank.")  # the money area's "bank.transit"

    again = functools.partial(_page, page, person_id)
    return page.submit(form, act, done, again, boxes=box, hide=("account",))


def _page(page: StaffPage, pid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    context = {
        "person": person,
        "payees": list_payees(page.uow, actor=page.actor, person_id=pid),
        "kinds": page.options(KINDS),
        "payee_states": labels.translated(page.request, STATES),
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/payees",
    }
    return page.show("staff/money/payees.html", context, shown)
