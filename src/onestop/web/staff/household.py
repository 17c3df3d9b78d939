"""The household (benefit units) of a person: create a unit, add members found by search, end a
membership; and merging a duplicate record into this one (supervisors)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.clients import PortalAccountDecisionNeeded, PortalDecision, merge_records
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import (
    add_member,
    create_unit,
    end_membership,
    find_duplicates,
    get_person,
    list_person_units,
    search_people,
    sweep,
)
from onestop.registry.schemas import DuplicateMatch, MemberIn, PersonCreate, SearchQuery, UnitCreate
from onestop.web.staff import duplicates
from onestop.web.staff.forms import PageForm, Posted, model, optional_uuid
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people/{person_id:uuid}")


class FindForm(PageForm):
    find: str = ""


class UnitForm(PageForm):
    label: str = ""
    joined_on: str = ""


class MemberForm(PageForm):
    unit_id: str = ""
    member_id: str = ""
    role: str = ""
    joined_on: str = ""


class EndForm(PageForm):
    unit_id: str = ""
    membership_id: str = ""
    left_on: str = ""


class MergeForm(PageForm):
    merged_id: str = ""
    reason: str = ""
    portal_accounts: str = ""


@router.get("/household")
def household(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's units, and the search for people who could join one."""
    return _page(page, person_id)


@router.post("/household/find")
def household_find(page: Page, person_id: uuid.UUID, form: Posted[FindForm]) -> HTMLResponse:
    """People who could join a unit, found by name (posted: a name never goes in the address)."""
    return _page(page, person_id, find=form.find)


@router.post("/household/unit")
def new_unit(page: Page, person_id: uuid.UUID, form: Posted[UnitForm]) -> Response:
    """A new unit with this person as its applicant."""

    def act() -> None:
        joined_on = _date(form.joined_on, "joined_on")
        member = model(MemberIn, person_id=person_id, role="applicant", joined_on=joined_on)
        create_unit(
            page.uow, actor=page.actor, data=model(UnitCreate, label=form.label or None, members=[member])
        )

    return _post(page, person_id, act, "unit-", N_("The benefit unit is created."))


@router.post("/household/member")
def new_member(page: Page, person_id: uuid.UUID, form: Posted[MemberForm]) -> Response:
    """Add the chosen person to one of this person's units."""

    def act() -> None:
        member = model(
            MemberIn,
            person_id=optional_uuid(form.member_id, "person_id"),
            role=form.role,
            joined_on=_date(form.joined_on, "joined_on"),
        )
        unit = optional_uuid(form.unit_id, "unit_id") or uuid.UUID(int=0)
        add_member(page.uow, actor=page.actor, unit_id=unit, member=member)

    return _post(page, person_id, act, "member-", N_("The member is added."))


@router.post("/household/end")
def end(page: Page, person_id: uuid.UUID, form: Posted[EndForm]) -> Response:
    """End a membership on a date (the history keeps it)."""

    def act() -> None:
        end_membership(
            page.uow,
            actor=page.actor,
            unit_id=optional_uuid(form.unit_id, "unit_id") or uuid.UUID(int=0),
            membership_id=optional_uuid(form.membership_id, "membership_id") or uuid.UUID(int=0),
            left_on=_date(form.left_on, "left_on"),
        )

    return _post(page, person_id, act, "end-", N_("The membership is ended."))


def _post(page: StaffPage, pid: uuid.UUID, act: Callable[[], None], prefix: str, message: str) -> Response:
    """One of the page's small forms: its error beside its own box (``prefix`` + the field: the page has
    three forms with a date box each), or back to the page."""
    try:
        act()
    except InvalidInput as err:
        box = prefix + err.field.rsplit(".", 1)[-1]  # members[0].joined_on is the form's joined_on
        return _page(page, pid, errors={box: err.problem})
    return page.to(f"/staff/people/{pid}/household", message)


@router.get("/merge")
def merge_page(page: Page, person_id: uuid.UUID, suggestion: str = "") -> HTMLResponse:
    """Likely duplicates of this person that could be merged into it; with ``suggestion`` (from the
    duplicate sweep's queue), the suggested record comes first and is chosen."""
    return _merge_page(page, person_id, "", suggestion=suggestion)


@router.post("/merge/find")
def merge_find(page: Page, person_id: uuid.UUID, form: Posted[FindForm]) -> HTMLResponse:
    """The likely duplicates and other records found by name (posted: never in the address)."""
    return _merge_page(page, person_id, form.find)


def _merge_page(page: StaffPage, pid: uuid.UUID, find: str, *, suggestion: str = "") -> HTMLResponse:
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    candidate = PersonCreate(
        given_names=person.given_names, family_name=person.family_name, birth_date=person.birth_date
    )
    matches = [
        m for m in find_duplicates(page.uow, actor=page.actor, candidate=candidate) if m.person.id != pid
    ]
    suggested = _suggested(page, pid, suggestion)
    if suggested is not None:
        matches = [suggested] + [m for m in matches if m.person.id != suggested.person.id]
    hits = _search(page, find, exclude=pid)
    context = {
        "person": person,
        "matches": matches,
        "hits": hits,
        "find": find,
        "errors": {},
        "merged_id": str(suggested.person.id) if suggested else "",
        "page_url": f"/staff/people/{pid}/merge",
    }
    return page.render("staff/people/merge.html", context)


@router.post("/merge")
def merge(page: Page, person_id: uuid.UUID, form: Posted[MergeForm]) -> Response:
    """Merge the chosen record into this one (PERSON_MERGE; audited with the reason)."""
    merged_id, reason, portal_accounts = form.merged_id, form.reason, form.portal_accounts
    try:
        other = optional_uuid(merged_id, "merged_id")
        if other is None:
            raise InvalidInput("merged_id", "choose the record to merge")
        decision: PortalDecision | None = (
            "keep" if portal_accounts == "keep" else "unlink" if portal_accounts == "unlink" else None
        )
        merge_records(
            page.uow,
            actor=page.actor,
            survivor_id=person_id,
            merged_id=other,
            reason=reason,
            portal_accounts=decision,
        )
    except (InvalidInput, PortalAccountDecisionNeeded) as err:
        person = get_person(page.uow, actor=page.actor, person_id=person_id)
        if isinstance(err, InvalidInput):
            errors = {err.field: page.gettext(err.problem)}
        else:
            errors = {"portal_accounts": err.message}
        context = {
            "person": person,
            "matches": [],
            "hits": None,
            "find": "",
            "errors": errors,
            "reason": reason,
            "merged_id": merged_id,
            "page_url": f"/staff/people/{person_id}/merge",
        }
        status = 422 if isinstance(err, InvalidInput) else 409
        return page.render("staff/people/merge.html", context, status_code=status)
    page.flash(N_("The records are merged."), "success")
    return page.redirect(f"/staff/people/{person_id}")


def _suggested(page: StaffPage, pid: uuid.UUID, raw: str) -> DuplicateMatch | None:
    """The other record of a sweep suggestion about this person, as a match with its evidence."""
    suggestion_id = optional_uuid(raw, "suggestion")
    if suggestion_id is None:
        return None
    found = sweep.get_suggestion(page.uow, actor=page.actor, suggestion_id=suggestion_id)
    if pid not in (found.person_a.id, found.person_b.id):
        raise InvalidInput("suggestion", "is not about this person")
    other = found.person_b if found.person_a.id == pid else found.person_a
    reasons = [page.gettext(N_("suggested by the duplicate sweep"))] + [
        f"{page.gettext(duplicates.FIELDS.get(e.field, e.field))}: "
        f"{page.gettext(duplicates.LEVELS.get(e.level, e.level))}"
        for e in found.evidence
        if e.weight > 0
    ]
    return DuplicateMatch(person=other, score=found.percent, reasons=reasons)


def _search(page: StaffPage, find: str, *, exclude: uuid.UUID) -> list[Any] | None:
    if not find.strip():
        return None
    query = SearchQuery(name=find.strip())
    return [h for h in search_people(page.uow, actor=page.actor, query=query) if h.person.id != exclude]


def _page(
    page: StaffPage, pid: uuid.UUID, *, find: str = "", errors: dict[str, str] | None = None
) -> HTMLResponse:
    container = page.request.app.state.container
    person = get_person(page.uow, actor=page.actor, person_id=pid)
    units = list_person_units(page.uow, actor=page.actor, person_id=pid)
    context = {
        "person": person,
        "units": units,
        "hits": _search(page, find, exclude=pid),
        "find": find,
        "errors": {k: page.gettext(v) for k, v in (errors or {}).items()},
        "today": container.clock.today().isoformat(),
        "page_url": f"/staff/people/{pid}/household",
        "log_person": person.id,
        "log_person_name": f"{person.given_names} {person.family_name}".strip(),
    }
    return page.render("staff/people/household.html", context, status_code=422 if errors else 200)


def _date(raw: str, field: str) -> Any:
    if not raw:
        raise InvalidInput(field, "is required")
    return parse_date(raw, field=field)
