"""Logging contacts: the quick-log widget on every staff page (a reason button logs the call) and the
full form (notes, duration, outcome, follow-up task).

The contact-centre officer logs calls all day: the widget sits under the header of every staff page,
remembers the last channel used, and logs against the person whose file is open (or anonymously).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from pydantic import Field
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor, Permission
from onestop.cases.interactions import (
    Channel,
    FollowUpIn,
    InteractionCreate,
    Outcome,
    list_reason_codes,
    log_interaction,
)
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.web import pages
from onestop.web.parsing import whole_number
from onestop.web.staff import labels
from onestop.web.staff.deps import safe_next
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, form_errors, model, optional_uuid
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/interactions")

QUICK_CHANNELS = (Channel.PHONE, Channel.WALK_IN, Channel.EMAIL)
FULL_FIELDS = {
    "channel",
    "direction",
    "reason_codes",
    "duration_minutes",
    "outcome",
    "notes",
    "due_on",
    "title",
}


class ContactForm(PageForm):
    person_id: str = ""
    channel: str = ""
    direction: str = ""
    reason_codes: list[str] = Field(default_factory=list)
    duration_minutes: str = ""
    outcome: str = ""
    notes: str = ""
    due_on: str = ""
    title: str = ""


def layout_context(request: Request) -> dict[str, Any]:
    """What the staff layout needs for the widget; reason codes are read only if the page shows it.

    A context provider runs while any page renders (error pages too, where no route ran), so it takes
    its own unit of work from the container rather than a route's dependency.
    """
    if not request.url.path.startswith("/staff"):
        return {}

    def quick_log() -> dict[str, Any] | None:
        actor = getattr(request.state, "actor", None)
        if actor is None or not actor.can(Permission.CASE_WRITE):
            return None
        session = pages.session_of(request)
        return {
            "reasons": reasons(request, request.app.state.container.uow(), actor),
            "channels": [(c.value, labels.label(request, labels.CHANNELS, c.value)) for c in QUICK_CHANNELS],
            "channel": session.data.get("quick_channel", Channel.PHONE.value),
            "next": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        }

    return {"quick_log": quick_log}


def reasons(request: Request, uow: UnitOfWork, actor: Actor) -> list[tuple[str, str]]:
    """The active reason codes, labelled in the page's language (read once per request: the client
    360 page labels its contacts with them and shows the widget)."""
    french = pages.language_of(request) == "fr"
    codes = getattr(request.state, "reason_codes", None)
    if codes is None:
        codes = request.state.reason_codes = list_reason_codes(uow, actor=actor)
    return [(c.code, c.label_fr if french else c.label_en) for c in codes]


@router.post("/quick")
def quick(
    page: Page,
    reason: Annotated[str, Form()] = "",
    channel: Annotated[str, Form()] = Channel.PHONE.value,
    person_id: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "",
) -> Response:
    """Log one contact with one reason, now; htmx gets a status line, a plain form a redirect back."""
    try:
        data = model(
            InteractionCreate,
            channel=channel,
            reason_codes=[reason],
            person_id=optional_uuid(person_id, "person_id"),
        )
        logged = log_interaction(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        problem = page.gettext(err.problem)
        message = page.gettext(N_("The contact was not logged: %(problem)s"), problem=problem)
        return _quick_result(page.request, message, next, ok=False)
    session = pages.session_of(page.request)
    session.data["quick_channel"] = logged.channel
    session.modified = True
    message = page.gettext(
        N_("Logged: %(reason)s, %(channel)s, at %(time)s."),
        reason=dict(reasons(page.request, page.uow, page.actor)).get(reason, reason),
        channel=labels.label(page.request, labels.CHANNELS, logged.channel),
        time=pages.formatter(page.request).time(logged.occurred_at),
    )
    return _quick_result(page.request, message, next, ok=True)


def _quick_result(request: Request, message: str, next_url: str, *, ok: bool) -> Response:
    if request.headers.get("hx-request") == "true":
        return pages.render(request, "staff/interactions/_quick_status.html", {"message": message, "ok": ok})
    pages.session_of(request).flash(message, "success" if ok else "error")
    return pages.redirect(request, safe_next(next_url))


@router.get("/new")
def new_form(page: Page, person_id: str = "") -> HTMLResponse:
    """The full contact form, for a contact that needs notes, a duration or a follow-up."""
    values = {
        "person_id": person_id,
        "channel": Channel.PHONE.value,
        "direction": "inbound",
        "reason_codes": [],
    }
    return _full_form(page, Shown(values))


@router.post("/new")
def log_full(page: Page, form: Posted[ContactForm]) -> Response:
    """Log a contact with all its details; a follow-up date makes a task."""
    values = form.model_dump()
    try:
        data = _interaction_from(values)
        logged = log_interaction(page.uow, actor=page.actor, data=data)
    except InvalidInput as err:
        return _full_form(page, Shown(values, form_errors(page.request, err, FULL_FIELDS), 422))
    page.flash(N_("The contact is logged."), "success")
    target = f"/staff/people/{logged.person_id}" if logged.person_id else "/staff/"
    return page.redirect(target)


def _interaction_from(v: dict[str, Any]) -> InteractionCreate:
    minutes = v["duration_minutes"]
    duration = whole_number(minutes) if minutes else None
    if minutes and (duration is None or duration > 24 * 60):
        raise InvalidInput("duration_minutes", "must be a whole number of minutes (at most a day)")
    follow = None
    if v["due_on"]:
        follow = model(FollowUpIn, due_on=parse_date(v["due_on"], field="due_on"), title=v["title"] or None)
    if not v["reason_codes"]:
        raise InvalidInput("reason_codes", "choose at least one reason")
    return model(
        InteractionCreate,
        channel=v["channel"],
        direction=v["direction"] or "inbound",
        reason_codes=v["reason_codes"][:5],
        person_id=optional_uuid(v["person_id"], "person_id"),
        duration_seconds=duration * 60 if duration is not None else None,
        outcome=v["outcome"] or None,
        notes=v["notes"] or None,
        follow_up=follow,
    )


def _full_form(page: StaffPage, shown: Shown = BLANK) -> HTMLResponse:
    context = {
        "reasons": reasons(page.request, page.uow, page.actor),
        "channels": [(c.value, labels.label(page.request, labels.CHANNELS, c.value)) for c in Channel],
        "outcomes": [("", page.gettext(N_("Choose")))]
        + [
            (o.value, labels.label(page.request, labels.OUTCOMES, o.value))
            for o in Outcome
            if o != Outcome.PENDING
        ],
        "log_person": shown.values.get("person_id") or None,
        "page_url": "/staff/interactions/new"
        + (f"?person_id={pid}" if (pid := shown.values.get("person_id")) else ""),
    }
    return page.show("staff/interactions/new.html", context, shown)
