"""Restricted files and conflicts of interest on the staff pages (issue 10, parts 2 and 4).

- ``/staff/people/{id}/break-glass``: the page a restricted file sends an officer to; the reason
  opens the file for the rest of the working day and goes to the supervisor's review list.
- ``/staff/people/{id}/restrictions``: a supervisor flags the file restricted, or lifts a flag.
- ``/staff/file-accesses``: "Restricted-file accesses to review", linked from the team page.
- ``/staff/staff-links``: which staff accounts are linked to which registry records (administrators
  link and unlink; supervisors and auditors read).
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop import access, registry
from onestop.common.errors import InvalidInput, NotFound
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.registry import RestrictionKind
from onestop.registry.schemas import RestrictionIn, StaffLinkIn
from onestop.web import pages
from onestop.web.api.trust import policy
from onestop.web.staff import labels
from onestop.web.staff.deps import StaffActor, safe_next
from onestop.web.staff.forms import NoteForm, PageForm, Posted, ReasonForm, Shown
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()


class BreakGlassForm(PageForm):
    reason: str = ""
    next: str = ""


class RestrictionForm(PageForm):
    kind: str = ""
    note: str = ""


class LinkForm(PageForm):
    username: str = ""
    person_id: str = ""
    relation: str = "self"
    note: str = ""


class UnlinkForm(PageForm):
    staff_id: str = ""
    reason: str = ""


#: The words for each kind of restriction, as the pages show them.
KINDS: dict[str, str] = {
    RestrictionKind.CONFIDENTIAL_ADDRESS.value: N_("Confidential address (fleeing violence)"),
    RestrictionKind.STAFF_RELATIVE.value: N_("A staff member's relative"),
    RestrictionKind.PUBLIC_FIGURE.value: N_("A public figure"),
}


def trust_context(request: Request) -> dict[str, object]:
    """The restriction kinds' words, for the person's page (a context provider of the staff pages)."""
    if not request.url.path.startswith("/staff"):
        return {}
    return {"restriction_labels": labels.translated(request, KINDS)}


@router.get("/people/{person_id:uuid}/break-glass")
def break_glass_form(
    request: Request, actor: StaffActor, person_id: uuid.UUID, next: str = ""
) -> HTMLResponse:
    """Ask why the officer needs this restricted file."""
    return _break_glass_page(request, person_id, next_url=next)


@router.post("/people/{person_id:uuid}/break-glass")
def break_glass(page: Page, person_id: uuid.UUID, form: Posted[BreakGlassForm]) -> Response:
    """Open the file with the reason given (audited; listed for the supervisor)."""

    def act() -> None:
        registry.break_glass(
            page.uow, actor=page.actor, person_id=person_id, reason=form.reason, policy=policy(page.request)
        )

    def again(shown: Shown) -> Response:
        form_page = functools.partial(
            _break_glass_page, page.request, person_id, next_url=form.next, reason=form.reason
        )
        return form_page(errors=shown.errors, status_code=shown.status_code)

    target = safe_next(form.next) if form.next else f"/staff/people/{person_id}"
    done = page.then(target, N_("The file is open to you until the end of your working day."))
    return page.submit(form, act, done, again, boxes=lambda _: "reason")  # the form's one box


def _break_glass_page(
    request: Request,
    person_id: uuid.UUID,
    *,
    next_url: str,
    reason: str = "",
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "person_id": person_id,
        "next_url": next_url if pages.is_same_site_path(next_url, "/staff/") else "",
        "reason": reason,
        "errors": errors or {},
        "hours": request.app.state.container.settings.break_glass_hours,
        "page_url": f"/staff/people/{person_id}/break-glass",
    }
    return pages.render(request, "staff/trust/break_glass.html", context, status_code=status_code)


@router.post("/people/{person_id:uuid}/restrictions")
def restrict(page: Page, person_id: uuid.UUID, form: Posted[RestrictionForm]) -> Response:
    """Flag the file restricted (supervisors)."""
    if form.kind not in KINDS:
        raise InvalidInput("kind", "choose why the file is restricted")
    data = RestrictionIn(kind=form.kind, note=form.note)
    registry.restrict_file(page.uow, actor=page.actor, person_id=person_id, data=data)
    page.flash(N_("The file is restricted: it now opens only with a reason."), "success")
    return page.redirect(f"/staff/people/{person_id}")


@router.post("/people/{person_id:uuid}/restrictions/{restriction_id:uuid}/lift")
def lift(page: Page, person_id: uuid.UUID, restriction_id: uuid.UUID, form: Posted[ReasonForm]) -> Response:
    """Lift a restriction, with a reason."""
    registry.lift_restriction(
        page.uow, actor=page.actor, person_id=person_id, restriction_id=restriction_id, reason=form.reason
    )
    page.flash(N_("The restriction is lifted."), "success")
    return page.redirect(f"/staff/people/{person_id}")


@router.get("/file-accesses")
def file_accesses(page: Page, show: str = "") -> HTMLResponse:
    """Restricted-file accesses to review (or all of them with ``?show=all``)."""
    everything = show == "all"
    rows = registry.list_file_accesses(page.uow, actor=page.actor, to_review=not everything)
    context = {"accesses": rows, "everything": everything, "page_url": "/staff/file-accesses"}
    return page.render("staff/trust/file_accesses.html", context)


@router.post("/file-accesses/{access_id:uuid}/review")
def review(page: Page, access_id: uuid.UUID, form: Posted[NoteForm]) -> Response:
    """Mark one access reviewed."""
    registry.review_file_access(page.uow, actor=page.actor, access_id=access_id, note=form.note)
    page.flash(N_("The access is marked reviewed."), "success")
    return page.redirect("/staff/file-accesses")


@router.get("/staff-links")
def staff_links(page: Page) -> HTMLResponse:
    """Staff accounts linked to registry records: they may not act on those households' files."""
    return _links_page(page)


@router.post("/staff-links")
def add_link(page: Page, form: Posted[LinkForm]) -> Response:
    """Link a staff account to a registry record (administrators)."""
    relation = form.relation
    try:
        staff = _staff(page.uow, page.actor, form.username)
        try:
            pid = uuid.UUID(form.person_id)
        except ValueError:
            raise InvalidInput(
                "person_id", "is not a person's file number (copy it from the file's address)"
            ) from None
        if relation not in ("self", "relative"):
            raise InvalidInput("relation", "must be the person themself or a relative")
        registry.link_staff_person(
            page.uow,
            actor=page.actor,
            staff_id=staff.id,
            data=StaffLinkIn(person_id=pid, relation=relation, note=form.note),
        )
    except (InvalidInput, NotFound) as err:
        field = (
            err.field
            if isinstance(err, InvalidInput)
            else ("username" if "staff" in err.message else "person_id")
        )
        message = err.problem if isinstance(err, InvalidInput) else err.message
        errors = {field: page.gettext(message)}
        return _links_page(page, errors=errors, form=form.model_dump(), status_code=422)
    page.flash(N_("The staff account is linked to the file."), "success")
    return page.redirect("/staff/staff-links")


@router.post("/staff-links/{link_id:uuid}/remove")
def remove_link(page: Page, link_id: uuid.UUID, form: Posted[UnlinkForm]) -> Response:
    """End a link, with a reason (administrators)."""
    try:
        owner = uuid.UUID(form.staff_id)
    except ValueError:
        raise InvalidInput("staff_id", "is missing") from None
    try:
        registry.unlink_staff_person(
            page.uow, actor=page.actor, staff_id=owner, link_id=link_id, reason=form.reason
        )
    except InvalidInput as err:
        errors = {"reason": page.gettext(err.problem)}
        return _links_page(page, errors=errors, status_code=422)
    page.flash(N_("The link is removed."), "success")
    return page.redirect("/staff/staff-links")


def _staff(uow: UnitOfWork, actor: StaffActor, username: str) -> access.Staff:
    if not username:
        raise InvalidInput("username", "is required")
    return access.get_staff_by_username(uow, actor=actor, username=username)


def _links_page(
    page: StaffPage,
    *,
    errors: dict[str, str] | None = None,
    form: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    links = registry.list_staff_links(page.uow, actor=page.actor)
    names = {s.id: s.username for s in access.list_staff(page.uow, actor=page.actor, include_inactive=True)}
    context = {
        "links": [(names.get(link.staff_id, ""), link) for link in links],
        "errors": errors or {},
        "form": form or {"relation": "self"},
        "page_url": "/staff/staff-links",
    }
    return page.render("staff/trust/staff_links.html", context, status_code=status_code)
