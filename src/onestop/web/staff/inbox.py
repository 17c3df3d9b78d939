"""The e-mail inbox (issue 14, part 4): received e-mails nobody has attached yet, attaching one to a person
found by name, and answering an attached e-mail from the person's file with a reply template.

Each page is a thin layer over one service call: ``list_unattached_emails``, ``attach_interaction`` and
``reply_to_email`` (which queues the reply in the notices outbox and logs it as an interaction).
"""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.interactions import (
    EmailReply,
    InteractionAttach,
    attach_interaction,
    get_interaction,
    list_unattached_emails,
    reply_templates,
    reply_to_email,
)
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.registry import get_person, search_people
from onestop.registry.schemas import PersonPublic, SearchQuery
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff import quicklog
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import STALE, PageForm, form_errors, model, optional_uuid

router = APIRouter()

ATTACH_FIELDS = {"find", "person_id", "reason"}
REPLY_FIELDS = {"template", "subject", "body"}


class AttachForm(PageForm):
    person_id: str = ""
    version: str = ""
    reason: str = ""
    find: str = ""


class ReplyForm(PageForm):
    template: str = ""
    subject: str = ""
    body: str = ""
    version: str = ""


@router.get("/inbox")
def inbox(request: Request, uow: UowDep, actor: StaffActor) -> HTMLResponse:
    """Received e-mails waiting to be attached to a person, oldest first."""
    emails = list_unattached_emails(uow, actor=actor)
    return pages.render(request, "staff/inbox/list.html", {"emails": emails, "page_url": "/staff/inbox"})


@router.get("/inbox/{interaction_id:uuid}")
def email(request: Request, uow: UowDep, actor: StaffActor, interaction_id: uuid.UUID) -> HTMLResponse:
    """One received e-mail, with the search that finds the person to attach it to."""
    return _email(request, uow, actor, interaction_id, AttachForm())


@router.post("/inbox/{interaction_id:uuid}/find")
def find(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    interaction_id: uuid.UUID,
    form: Annotated[AttachForm, Form()],
) -> HTMLResponse:
    """People found by name (posted: a name in the address would reach the logs), each to attach to."""
    try:
        if not form.find:
            raise InvalidInput("find", N_("type a name to search for"))
        hits = search_people(uow, actor=actor, query=SearchQuery(name=form.find))
    except InvalidInput as err:
        errors = form_errors(request, err, ATTACH_FIELDS)
        return _email(request, uow, actor, interaction_id, form, errors=errors, status_code=422)
    return _email(request, uow, actor, interaction_id, form, hits=hits)


@router.post("/inbox/{interaction_id:uuid}/attach")
def attach(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    interaction_id: uuid.UUID,
    form: Annotated[AttachForm, Form()],
) -> Response:
    """Attach the e-mail to the chosen person; the file opens, where the e-mail can be answered."""
    try:
        person_id = optional_uuid(form.person_id, "person_id")
        if person_id is None:
            raise InvalidInput("person_id", N_("choose the person the e-mail is from"))
        data = model(
            InteractionAttach,
            person_id=person_id,
            version=int(form.version) if form.version.isdigit() else None,
            reason_codes=[form.reason] if form.reason else [],
        )
        done = attach_interaction(uow, actor=actor, interaction_id=interaction_id, data=data)
    except (InvalidInput, Conflict) as err:
        errors, status = _problem(request, err, ATTACH_FIELDS)
        return _email(request, uow, actor, interaction_id, form, errors=errors, status_code=status)
    pages.flash(
        request, N_("The e-mail is attached to the file. You can answer it from the contacts."), "success"
    )
    return pages.redirect(request, f"/staff/people/{done.person_id}")


@router.get("/interactions/{interaction_id:uuid}/reply")
def reply_form(
    request: Request, uow: UowDep, actor: StaffActor, interaction_id: uuid.UUID, template: str = ""
) -> HTMLResponse:
    """The reply form: choose a template (its text fills the box, in the person's language), edit, send."""
    return _reply(request, uow, actor, interaction_id, {"template": template, "body": None})


@router.post("/interactions/{interaction_id:uuid}/reply")
def reply(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    interaction_id: uuid.UUID,
    form: Annotated[ReplyForm, Form()],
) -> Response:
    """Send the reply through the notices outbox; it is logged as a contact on the person."""
    values: dict[str, Any] = form.model_dump()
    try:
        data = model(
            EmailReply,
            template=form.template,
            body=form.body,
            subject=form.subject or None,
            version=int(form.version) if form.version.isdigit() else None,
        )
        done = reply_to_email(uow, actor=actor, interaction_id=interaction_id, data=data)
    except (InvalidInput, Conflict) as err:
        errors, status = _problem(request, err, REPLY_FIELDS)
        return _reply(request, uow, actor, interaction_id, values, errors=errors, status_code=status)
    pages.flash(request, N_("Your reply is on its way. It is logged in the contacts."), "success")
    return pages.redirect(request, f"/staff/people/{done.interaction.person_id}")


def _problem(request: Request, err: InvalidInput | Conflict, known: set[str]) -> tuple[dict[str, str], int]:
    """A bad box (422, beside it), a state that forbids it, or a page read before someone else's change
    (409: the page as it is now, with what was typed)."""
    if isinstance(err, InvalidInput):
        return form_errors(request, err, known), 422
    if isinstance(err, InvalidTransition):
        return {"form": str(err)}, 409
    return {"form": pages.gettext(request, STALE)}, 409


def _email(
    request: Request,
    uow: UnitOfWork,
    actor: StaffActor,
    interaction_id: uuid.UUID,
    form: AttachForm,
    *,
    hits: list[Any] | None = None,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    found = get_interaction(uow, actor=actor, interaction_id=interaction_id)
    context = {
        "email": found,
        "values": form.model_dump(),
        "hits": hits,
        "errors": errors or {},
        "reasons": quicklog.reasons(request, uow, actor),
        "page_url": f"/staff/inbox/{interaction_id}",
    }
    return pages.render(request, "staff/inbox/email.html", context, status_code=status_code)


def _reply(
    request: Request,
    uow: UnitOfWork,
    actor: StaffActor,
    interaction_id: uuid.UUID,
    values: dict[str, Any],
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    found = get_interaction(uow, actor=actor, interaction_id=interaction_id)
    person = get_person(uow, actor=actor, person_id=found.person_id) if found.person_id else None
    language = person.language if person is not None and person.language in ("en", "fr") else "en"
    templates = reply_templates(uow, actor=actor)
    chosen = next((t for t in templates if t.code == values.get("template")), None)
    if values.get("body") is None:  # a template chosen (or none yet): its text, to edit
        values["body"] = (chosen.body_fr if language == "fr" else chosen.body_en) if chosen else ""
    page_language = pages.language_of(request)
    context = {
        "email": found,
        "person": person,
        "person_language": language,
        "email_on_file": _email_on_file(person),
        "templates": [(t.code, t.label_fr if page_language == "fr" else t.label_en) for t in templates],
        "values": {"subject": "", "version": found.version} | values,
        "errors": errors or {},
        "log_person": found.person_id,
        "page_url": f"/staff/interactions/{interaction_id}/reply",
    }
    return pages.render(request, "staff/inbox/reply.html", context, status_code=status_code)


def _email_on_file(person: PersonPublic | None) -> str | None:
    """The address the notices outbox sends to: the newest e-mail on file (none: portal or post)."""
    if person is None:
        return None
    emails = [c for c in person.contacts if c.kind == "email" and c.removed_at is None]
    return max(emails, key=lambda c: c.created_at).value if emails else None
