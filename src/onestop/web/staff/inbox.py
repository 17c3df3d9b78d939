"""The e-mail inbox (issue 14, part 4): received e-mails nobody has attached yet, attaching one to a person
found by name, and answering an attached e-mail from the person's file with a reply template.

Each page is a thin layer over one service call: ``list_unattached_emails``, ``attach_interaction`` and
``reply_to_email`` (which queues the reply in the notices outbox and logs it as an interaction).
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from typing import Any

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.cases.interactions import (
    EmailReply,
    InteractionAttach,
    InteractionPublic,
    ReplyPublic,
    attach_interaction,
    get_interaction,
    list_unattached_emails,
    reply_templates,
    reply_to_email,
)
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.registry import get_person, search_people
from onestop.registry.schemas import PersonPublic, SearchQuery
from onestop.web import pages
from onestop.web.staff import forms, quicklog
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()


class AttachForm(forms.PageForm):
    person_id: str = ""
    version: str = ""
    reason: str = ""
    find: str = ""


class ReplyForm(forms.PageForm):
    template: str = ""
    subject: str = ""
    body: str = ""
    version: str = ""


@router.get("/inbox")
def inbox(page: Page) -> HTMLResponse:
    """Received e-mails waiting to be attached to a person, oldest first."""
    emails = list_unattached_emails(page.uow, actor=page.actor)
    return page.render("staff/inbox/list.html", {"emails": emails, "page_url": "/staff/inbox"})


@router.get("/inbox/{interaction_id:uuid}")
def email(page: Page, interaction_id: uuid.UUID) -> HTMLResponse:
    """One received e-mail, with the search that finds the person to attach it to."""
    return _email(page, interaction_id, forms.Shown(AttachForm().model_dump()))


@router.post("/inbox/{interaction_id:uuid}/find")
def find(page: Page, interaction_id: uuid.UUID, form: forms.Posted[AttachForm]) -> Response:
    """People found by name (posted: a name in the address would reach the logs), each to attach to."""

    def act() -> list[Any]:
        if not form.find:
            raise InvalidInput("find", N_("type a name to search for"))
        return list(search_people(page.uow, actor=page.actor, query=SearchQuery(name=form.find)))

    def done(hits: list[Any]) -> Response:
        return _email(page, interaction_id, forms.Shown(form.model_dump()), hits=hits)

    return page.submit(form, act, done, functools.partial(_email, page, interaction_id))


@router.post("/inbox/{interaction_id:uuid}/attach")
def attach(page: Page, interaction_id: uuid.UUID, form: forms.Posted[AttachForm]) -> Response:
    """Attach the e-mail to the chosen person; the file opens, where the e-mail can be answered."""

    def act() -> InteractionPublic:
        person_id = forms.optional_uuid(form.person_id, "person_id")
        if person_id is None:
            raise InvalidInput("person_id", N_("choose the person the e-mail is from"))
        data = forms.model(
            InteractionAttach,
            person_id=person_id,
            version=forms.version(form.version),
            reason_codes=[form.reason] if form.reason else [],
        )
        return attach_interaction(page.uow, actor=page.actor, interaction_id=interaction_id, data=data)

    def done(attached: InteractionPublic) -> Response:
        message = N_("The e-mail is attached to the file. You can answer it from the contacts.")
        return page.to(f"/staff/people/{attached.person_id}", message)

    again = functools.partial(_email, page, interaction_id)
    return page.submit(form, act, done, again, refused=forms.CONFLICT, explain=forms.conflict_message)


@router.get("/interactions/{interaction_id:uuid}/reply")
def reply_form(page: Page, interaction_id: uuid.UUID, template: str = "") -> HTMLResponse:
    """The reply form: choose a template (its text fills the box, in the person's language), edit, send."""
    return _reply(page, interaction_id, forms.Shown({"template": template, "body": None}))


@router.post("/interactions/{interaction_id:uuid}/reply")
def reply(page: Page, interaction_id: uuid.UUID, form: forms.Posted[ReplyForm]) -> Response:
    """Send the reply through the notices outbox; it is logged as a contact on the person."""

    def act() -> ReplyPublic:
        data = forms.model(
            EmailReply,
            template=form.template,
            body=form.body,
            subject=form.subject or None,
            version=forms.version(form.version),
        )
        return reply_to_email(page.uow, actor=page.actor, interaction_id=interaction_id, data=data)

    def done(sent: ReplyPublic) -> Response:
        message = N_("Your reply is on its way. It is logged in the contacts.")
        return page.to(f"/staff/people/{sent.interaction.person_id}", message)

    again = functools.partial(_reply, page, interaction_id)
    return page.submit(form, act, done, again, refused=forms.CONFLICT, explain=forms.conflict_message)


def _email(
    page: StaffPage,
    interaction_id: uuid.UUID,
    shown: forms.Shown = forms.BLANK,
    *,
    hits: list[Any] | None = None,
) -> HTMLResponse:
    found = get_interaction(page.uow, actor=page.actor, interaction_id=interaction_id)
    context = {
        "email": found,
        "hits": hits,
        "reasons": quicklog.reasons(page.request, page.uow, page.actor),
        "page_url": f"/staff/inbox/{interaction_id}",
    }
    return page.show("staff/inbox/email.html", context, shown)


def _reply(page: StaffPage, interaction_id: uuid.UUID, shown: forms.Shown) -> HTMLResponse:
    found = get_interaction(page.uow, actor=page.actor, interaction_id=interaction_id)
    person = get_person(page.uow, actor=page.actor, person_id=found.person_id) if found.person_id else None
    language = person.language if person is not None and person.language in ("en", "fr") else "en"
    templates = reply_templates(page.uow, actor=page.actor)
    values = {"subject": "", "version": found.version} | shown.values
    chosen = next((t for t in templates if t.code == values.get("template")), None)
    if values.get("body") is None:  # a template chosen (or none yet): its text, to edit
        values["body"] = (chosen.body_fr if language == "fr" else chosen.body_en) if chosen else ""
    page_language = pages.language_of(page.request)
    context = {
        "email": found,
        "person": person,
        "person_language": language,
        "email_on_file": _email_on_file(person),
        "templates": [(t.code, t.label_fr if page_language == "fr" else t.label_en) for t in templates],
        "log_person": found.person_id,
        "page_url": f"/staff/interactions/{interaction_id}/reply",
    }
    return page.show("staff/inbox/reply.html", context, dataclasses.replace(shown, values=values))


def _email_on_file(person: PersonPublic | None) -> str | None:
    """The address the notices outbox sends to: the newest e-mail on file (none: portal or post)."""
    if person is None:
        return None
    emails = [c for c in person.contacts if c.kind == "email" and c.removed_at is None]
    return max(emails, key=lambda c: c.created_at).value if emails else None
