"""Editing a person's file: core details (optimistic locking), contacts, addresses, identifiers, safety
flags and consents. One page (``staff/people/edit.html``) with one small form per change; each form
posts to its own route, which calls one registry service and comes back to the page.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor, Permission
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.i18n import N_
from onestop.registry import (
    add_address,
    add_email,
    add_identifier,
    add_phone,
    get_person,
    record_consent,
    remove_address,
    remove_contact,
    remove_safety_flag,
    set_safety_flag,
    update_person,
    withdraw_consent,
)
from onestop.registry.schemas import (
    AddressIn,
    ConsentCreate,
    EmailIn,
    FlagCreate,
    PersonPublic,
    PersonUpdate,
    PhoneIn,
)
from onestop.web import pages
from onestop.web.parsing import whole_number
from onestop.web.staff import labels
from onestop.web.staff.forms import Posted, form_field, model, optional_uuid
from onestop.web.staff.page import Page, StaffPage
from onestop.web.staff.registration import DetailsForm, details_from

router = APIRouter(prefix="/people/{person_id:uuid}")


class EditForm(DetailsForm):
    version: str = ""


#: The details form's text boxes (the ones the stale-version notice compares).
DETAIL_FIELDS = tuple(name for name in DetailsForm.model_fields if name != "interpreter_needed")

#: Each small form: its fields, and the service call it makes (values are the form's, by field name).
Change = Callable[[Any, Actor, uuid.UUID, dict[str, str]], object]


def _phone(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return add_phone(
        uow, actor=actor, person_id=pid, data=model(PhoneIn, number=v["number"], label=v["label"] or None)
    )


def _email(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return add_email(
        uow, actor=actor, person_id=pid, data=model(EmailIn, address=v["address"], label=v["label"] or None)
    )


def _address(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    data = model(
        AddressIn,
        line1=v["line1"],
        line2=v["line2"] or None,
        city=v["city"],
        province=v["province"],
        postal_code=v["postal_code"],
    )
    return add_address(uow, actor=actor, person_id=pid, data=data)


def _identifier(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    province = v["province"] or None
    return add_identifier(
        uow, actor=actor, person_id=pid, kind=v["kind"], number=v["number"], province=province
    )


def _flag(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return set_safety_flag(
        uow, actor=actor, person_id=pid, data=model(FlagCreate, kind=v["kind"], note=v["note"] or None)
    )


def _flag_off(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    flag_id = _ref(v["item"])
    return remove_safety_flag(uow, actor=actor, person_id=pid, flag_id=flag_id, reason=v["reason"])


def _consent(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    data = model(ConsentCreate, recipient=v["recipient"], purpose=v["purpose"])
    return record_consent(uow, actor=actor, person_id=pid, data=data)


def _withdraw(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return withdraw_consent(uow, actor=actor, person_id=pid, consent_id=_ref(v["item"]))


def _contact_off(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return remove_contact(uow, actor=actor, person_id=pid, contact_id=_ref(v["item"]))


def _address_off(uow: Any, actor: Actor, pid: uuid.UUID, v: dict[str, str]) -> object:
    return remove_address(uow, actor=actor, person_id=pid, address_id=_ref(v["item"]))


#: form name -> (its fields, the change, the message once done, where to come back on the page)
ADDRESS = ("line1", "line2", "city", "province", "postal_code")
FORMS: dict[str, tuple[tuple[str, ...], Change, str, str]] = {
    "phone": (("number", "label"), _phone, N_("The phone number is added."), "contact"),
    "email": (("address", "label"), _email, N_("The e-mail address is added."), "contact"),
    "address": (ADDRESS, _address, N_("The address is added."), "address"),
    "identifier": (("kind", "number", "province"), _identifier, N_("The identifier is added."), "details-id"),
    "flag": (("kind", "note"), _flag, N_("The safety flag is set."), "flags"),
    "flag-remove": (("item", "reason"), _flag_off, N_("The safety flag is removed."), "flags"),
    "consent": (("recipient", "purpose"), _consent, N_("The consent is recorded."), "consents"),
    "consent-withdraw": (("item",), _withdraw, N_("The consent is withdrawn."), "consents"),
    "contact-remove": (("item",), _contact_off, N_("The contact is removed."), "contact"),
    "address-remove": (("item",), _address_off, N_("The address is removed."), "address"),
}


@router.get("/edit")
def edit_page(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The edit page with the person as now on file."""
    person = get_person(page.uow, actor=page.actor, person_id=person_id)
    return _page(page.request, page.actor, person, _details(person))


@router.post("/edit")
def save_details(page: Page, person_id: uuid.UUID, form: Posted[EditForm]) -> Response:
    """Save core details read at ``version``; a stale version shows what changed meanwhile."""
    values = form.values()
    try:
        _update(page, person_id, values)
    except Conflict:
        current = get_person(page.uow, actor=page.actor, person_id=person_id)
        return _page(page.request, page.actor, current, values, stale=_details(current), status_code=409)
    except InvalidInput as err:
        current = get_person(page.uow, actor=page.actor, person_id=person_id)
        box = form_field(err.field)
        errors = {box if box in DETAIL_FIELDS else "form": page.gettext(err.problem)}
        return _page(page.request, page.actor, current, values, errors=errors, status_code=422)
    page.flash(N_("The details are saved."), "success")
    return page.redirect(f"/staff/people/{person_id}")


def _update(page: StaffPage, pid: uuid.UUID, values: dict[str, Any]) -> PersonPublic:
    version = whole_number(values["version"])
    if version is None:
        raise Conflict("no version given")
    changes = model(PersonUpdate, version=version, **details_from(values))
    return update_person(page.uow, actor=page.actor, person_id=pid, changes=changes)


@router.post("/edit/{form_name}")
async def change(page: Page, person_id: uuid.UUID, form_name: str) -> Response:
    """One of the small forms: add or remove a contact, address, identifier, flag or consent."""
    if form_name not in FORMS:
        raise InvalidInput("form", "no such change")
    fields, call, done, anchor = FORMS[form_name]
    async with page.request.form() as form:
        values = {f: str(form.get(f"{form_name}-{f}") or "").strip() for f in fields}
    try:
        await run_in_threadpool(call, page.uow, page.actor, person_id, values)
    except InvalidInput as err:
        person = await run_in_threadpool(get_person, page.uow, actor=page.actor, person_id=person_id)
        field = err.field.rsplit(".", 1)[-1]
        name = f"{form_name}-{field}" if field in fields else f"{form_name}-form"
        errors = {name: page.gettext(err.problem)}
        prefilled = {f"{form_name}-{f}": v for f, v in values.items()}
        return _page(
            page.request, page.actor, person, _details(person) | prefilled, errors=errors, status_code=422
        )
    page.flash(done, "success")
    return page.redirect(f"/staff/people/{person_id}/edit#{anchor}-title")


def _details(person: PersonPublic) -> dict[str, Any]:
    values = {k: getattr(person, k) or "" for k in DETAIL_FIELDS}
    values["former_family_names"] = ", ".join(person.former_family_names)
    values["birth_date"] = person.birth_date.isoformat() if person.birth_date else ""
    values["interpreter_needed"] = person.interpreter_needed
    values["version"] = str(person.version)
    return values


def _page(
    request: Request,
    actor: Actor,
    person: PersonPublic,
    values: dict[str, Any],
    *,
    errors: dict[str, str] | None = None,
    stale: dict[str, Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    if stale is not None:  # the officer re-saves knowingly: the form now carries the current version
        values = values | {"version": stale["version"]}
    context = {
        "person": person,
        "values": values,
        "errors": errors or {},
        "stale": stale,
        "changed": [k for k in DETAIL_FIELDS if stale and str(stale[k]) != str(values.get(k, ""))],
        "can_merge": actor.can(Permission.PERSON_MERGE),
        "province_options": [("", pages.gettext(request, N_("Choose"))), *((p, p) for p in labels.PROVINCES)],
        "log_person": person.id,
        "page_url": f"/staff/people/{person.id}/edit",
        "log_person_name": f"{person.given_names} {person.family_name}".strip(),
    }
    return pages.render(request, "staff/people/edit.html", context, status_code=status_code)


def _ref(raw: str) -> uuid.UUID:
    found = optional_uuid(raw, "item")
    if found is None:
        raise InvalidInput("item", "choose what to change")
    return found
