"""Finding people and reading a person's file (masked), with the audited "reveal an identifier" form."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse

from onestop.access import Permission
from onestop.cases.client360 import Client360, client_360
from onestop.cases.investigations import may_investigate
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.registry import get_person, reveal_identifier, search_people
from onestop.registry.schemas import Revealed, SearchQuery
from onestop.web import pages
from onestop.web.staff import quicklog
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import form_errors
from onestop.web.staff.interview import jurisdiction_of
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people")

SEARCH_FIELDS = {"name", "birth_date", "phone", "sin"}


@router.get("")
def search_form(request: Request, actor: StaffActor) -> HTMLResponse:
    """The empty search form; criteria in the address are ignored (they would be logged and kept)."""
    context = {"values": dict.fromkeys(SEARCH_FIELDS, ""), "errors": {}, "hits": None}
    return pages.render(request, "staff/people/search.html", context)


@router.post("")
def search(
    page: Page,
    name: Annotated[str, Form()] = "",
    birth_date: Annotated[str, Form()] = "",
    phone: Annotated[str, Form()] = "",
    sin: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """The masked results of a posted search (an htmx request gets only those).

    Posted, never in the address: a name, birth date, phone or SIN there would reach the access log,
    the browser's history and the sign-in redirect.
    """
    values = {"name": name, "birth_date": birth_date, "phone": phone, "sin": sin}
    hits, errors = None, {}
    if any(v.strip() for v in values.values()):
        try:
            query = SearchQuery(
                name=name.strip() or None,
                birth_date=parse_date(birth_date.strip(), field="birth_date") if birth_date.strip() else None,
                phone=phone.strip() or None,
                sin=sin.strip() or None,
            )
            hits = search_people(page.uow, actor=page.actor, query=query)
        except InvalidInput as err:
            errors = form_errors(page.request, err, SEARCH_FIELDS)
    context = {"values": values, "errors": errors, "hits": hits, "page_url": "/staff/people"}
    partial = page.request.headers.get("hx-target") == "search-results"
    template = "staff/people/_results.html" if partial else "staff/people/search.html"
    return page.render(template, context, status_code=422 if errors else 200)


@router.get("/{person_id:uuid}")
def view(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The client 360 page: safety flags first, then everything about the person across programs."""
    return _file(page, person_id)


@router.post("/{person_id:uuid}/reveal")
def reveal(
    page: Page,
    person_id: uuid.UUID,
    kind: Annotated[str, Form()] = "",
    province: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
    identifier_id: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Show one identifier in clear on this response only (never stored), after an audited reason."""
    try:
        revealed = reveal_identifier(
            page.uow,
            actor=page.actor,
            person_id=person_id,
            kind=kind,
            reason=reason,
            province=province or None,
        )
    except InvalidInput as err:
        errors = form_errors(page.request, err, {"reason"})
        return _file(
            page,
            person_id,
            errors=errors,
            error_for=identifier_id,
            reason=reason,
            status_code=422,
        )
    return _file(page, person_id, revealed=revealed, revealed_for=identifier_id)


def _file(
    page: StaffPage,
    person_id: uuid.UUID,
    *,
    revealed: Revealed | None = None,
    revealed_for: str = "",
    errors: dict[str, str] | None = None,
    error_for: str = "",
    reason: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    view: Client360 | None = None
    if page.actor.can(Permission.CASE_READ):
        view = client_360(page.uow, actor=page.actor, person_id=person_id)
        person = view.person
    else:  # finance and administrators: the registry's file only, no case work
        person = get_person(page.uow, actor=page.actor, person_id=person_id)
    context = {
        "c360": view,
        "page_url": f"/staff/people/{person.id}",
        "reason_labels": dict(quicklog.reasons(page.request, page.uow, page.actor)) if view else {},
        "person": person,
        "log_person": person.id,
        "log_person_name": f"{person.given_names} {person.family_name}".strip(),
        "revealed": revealed,
        "revealed_for": revealed_for,
        "errors": errors or {},
        "error_for": error_for,
        "reason": reason,
        "may_investigate": view is not None and may_investigate(page.actor, jurisdiction_of(person)),
    }
    return page.render("staff/people/view.html", context, status_code=status_code)
