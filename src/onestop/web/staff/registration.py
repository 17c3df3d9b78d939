"""Registering a person, stopping on likely duplicates until the officer records a decision."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request
from pydantic import ValidationError
from starlette.responses import HTMLResponse, Response

from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import LikelyDuplicates, find_duplicates, register_person
from onestop.registry.schemas import (
    AddressIn,
    DuplicateDecision,
    EmailIn,
    HealthNumberIn,
    PersonCreate,
    PhoneIn,
)
from onestop.web import pages
from onestop.web.staff import interview, labels
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, Posted, form_date, form_errors, name_list
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people")


class DetailsForm(PageForm):
    """A person's core details, as the registration and the edit page both ask them."""

    given_names: str = ""
    family_name: str = ""
    former_family_names: str = ""
    preferred_name: str = ""
    birth_date: str = ""
    language: str = ""
    language_other: str = ""
    gender: str = ""
    interpreter_needed: str = ""  # a checkbox: "yes" when ticked

    def values(self) -> dict[str, Any]:
        """What was typed, the checkbox as a yes/no (the form is shown again from these)."""
        return self.model_dump() | {"interpreter_needed": self.interpreter_needed == "yes"}


def details_from(values: dict[str, Any]) -> dict[str, Any]:
    """The registry's core details (``PersonCreate``, ``PersonUpdate``) from the form's boxes."""
    v = values
    return {
        "given_names": v["given_names"],
        "family_name": v["family_name"],
        "former_family_names": name_list(v["former_family_names"]),
        "preferred_name": v["preferred_name"] or None,
        "birth_date": form_date(v["birth_date"], "birth_date"),
        "language": v["language"] or "en",
        "language_other": v["language_other"] or None,
        "interpreter_needed": v["interpreter_needed"],
        "gender": v["gender"] or None,
    }


class RegisterForm(DetailsForm):
    phone: str = ""
    email: str = ""
    line1: str = ""
    line2: str = ""
    city: str = ""
    province: str = ""
    postal_code: str = ""
    sin: str = ""
    health_province: str = ""
    health_number: str = ""
    duplicate_decision: str = ""
    duplicate_reason: str = ""
    then: str = ""  # "screen": the button "Register and screen"


FORM_FIELDS = set(RegisterForm.model_fields) - {"then"}


@router.get("/new")
def new_person_form(request: Request, actor: StaffActor) -> HTMLResponse:
    """An empty registration form; the province starts as the office's (shown, and can be changed)."""
    return _form(
        request, {"language": "en", "province": request.app.state.container.settings.office_province}
    )


@router.post("/new")
def register(page: Page, form: Posted[RegisterForm]) -> Response:
    """Register, or show the form again with the problem next to its box or the possible duplicates."""
    values = form.values()
    del values["then"]
    try:
        person = _register(page, values)
    except LikelyDuplicates as err:
        return _form(page.request, values, matches=err.matches, status_code=409)
    except InvalidInput as err:
        # A problem with the decision itself: keep showing the people the decision is about.
        matches = _matches(page, values) if values["duplicate_decision"] else []
        errors = form_errors(page.request, err, FORM_FIELDS)
        return _form(page.request, values, errors=errors, matches=matches, status_code=422)
    name = f"{person.given_names} {person.family_name}".strip()
    page.flash(N_("%(name)s is registered."), "success", name=name)
    if form.then == "screen":  # "Register and screen": the interview starts at once, all on one form
        started = interview.begin(page, person.id)
        return page.redirect(f"/staff/screenings/{started}?form=all")
    return page.redirect(f"/staff/people/{person.id}")


def _register(page: StaffPage, values: dict[str, Any]) -> Any:
    return register_person(
        page.uow, actor=page.actor, data=person_from(values), duplicate_decision=decision_from(values)
    )


def _matches(page: StaffPage, values: dict[str, Any]) -> list[Any]:
    try:
        return list(find_duplicates(page.uow, actor=page.actor, candidate=person_from(values)))
    except InvalidInput:
        return []


def person_from(values: dict[str, Any]) -> PersonCreate:
    """The registry's input from the form's boxes (one phone, e-mail, address and health number)."""
    v = values
    address = [v[k] for k in ("line1", "line2", "city", "province", "postal_code")]
    typed = any(v[k] for k in ("line1", "line2", "city", "postal_code"))  # the province alone is a default
    try:
        return PersonCreate(
            **details_from(v),
            phones=[PhoneIn(number=v["phone"])] if v["phone"] else [],
            emails=[EmailIn(address=v["email"])] if v["email"] else [],
            addresses=[_address(*address)] if typed else [],
            sin=v["sin"] or None,
            health_numbers=[_health(v["health_province"], v["health_number"])] if v["health_number"] else [],
        )
    except ValidationError as err:
        first = err.errors()[0]
        raise InvalidInput(".".join(str(p) for p in first["loc"]), first["msg"]) from None


def _address(line1: str, line2: str, city: str, province: str, postal_code: str) -> AddressIn:
    return AddressIn(line1=line1, line2=line2 or None, city=city, province=province, postal_code=postal_code)


def _health(province: str, number: str) -> HealthNumberIn:
    return HealthNumberIn(province=province, number=number)


def decision_from(values: dict[str, Any]) -> DuplicateDecision | None:
    """The officer's answer to "is this one of these people?", if they gave one."""
    raw = values["duplicate_decision"]
    if not raw:
        return None
    if raw == "new_person":
        return DuplicateDecision(decision="new_person", reason=values["duplicate_reason"])
    try:
        existing = uuid.UUID(raw.removeprefix("link:"))
    except ValueError:
        raise InvalidInput("duplicate_decision", "choose one of the answers") from None
    return DuplicateDecision(decision="link", existing_id=existing, reason=values["duplicate_reason"])


def _form(
    request: Request,
    values: dict[str, Any],
    *,
    errors: dict[str, str] | None = None,
    matches: list[Any] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "values": values,
        "errors": errors or {},
        "matches": matches or [],
        "page_url": "/staff/people/new",
        "province_options": [("", pages.gettext(request, N_("Choose"))), *((p, p) for p in labels.PROVINCES)],
        **labels.all_labels(request),
    }
    return pages.render(request, "staff/people/register.html", context, status_code=status_code)
