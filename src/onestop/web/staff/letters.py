"""The letters outbox for staff: the list (the supervisor's failure queue first), one letter with
its preview, and the officer's controls before and after it goes.

Each page is one notices service call in one transaction; a refused action (a paragraph after the
letter went, a return of an e-mail) comes back as the page with the message beside its form.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop import notices
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.web.downloads import download_headers
from onestop.web.staff import labels
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, form_errors
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/letters")

T = TypeVar("T")

KINDS = {
    "appeal_outcome": N_("Appeal outcome"),
    "appeal_received": N_("Appeal received"),
    "benefit_changed": N_("Change in benefit"),
    "breach_notice": N_("Privacy breach: letter to the person"),
    "breach_report": N_("Privacy breach: report to the commissioner"),
    "decision_eligible": N_("Decision: eligible"),
    "decision_refused": N_("Decision: refused"),
    "documents_requested": N_("Documents requested"),
    "overpayment": N_("Overpayment"),
    "payment_advice": N_("Payment advice"),
    "referral_made": N_("Referral made"),
    "reinstated": N_("Reinstatement"),
    "reply": N_("Answer to an e-mail"),
    "review_due": N_("Review due"),
    "suspended": N_("Suspension"),
}
STATES = {
    "queued": N_("Waiting to go"),
    "sending": N_("Being sent"),
    "sent": N_("Sent"),
    "failed": N_("Failed, will try again"),
    "held": N_("Held: needs an officer"),
}
CHANNELS = {"email": N_("E-mail"), "portal": N_("Portal inbox"), "post": N_("Post")}
#: What a refused action means, by the form it came from (the service's words have the state in them).
CONFLICTS = {
    "text": N_("The letter has already gone. Re-send it to add a paragraph."),
    "returned": N_("Only a letter sent by post can come back."),
    "channel": N_("This letter cannot be sent again as it stands."),
}
#: The "state" filter's extra choice: the supervisor's failure queue (failed and held together).
TROUBLE = "trouble"


class ParagraphForm(PageForm):
    text: str = ""


class ResendForm(PageForm):
    channel: str = ""


@router.get("")
def outbox(page: Page, state: str = "", channel: str = "") -> HTMLResponse:
    """Letters, newest first, filtered by state and channel; ``state=trouble`` is the failure queue."""
    errors: dict[str, str] = {}
    try:
        found = notices.list_notices(
            page.uow,
            actor=page.actor,
            trouble=state == TROUBLE,
            status=state if state and state != TROUBLE else None,
            channel=channel or None,
        )
    except InvalidInput as err:
        err = InvalidInput("state", err.problem) if err.field == "status" else err
        errors, found = form_errors(page.request, err, {"state", "channel"}), []
    context = {
        "letters": found,
        "state": state,
        "channel": channel,
        "errors": errors,
        "labels": _labels(page.request),
        "page_url": "/staff/letters",
    }
    return page.render("staff/letters/outbox.html", context, status_code=422 if errors else 200)


@router.get("/{notice_id:uuid}")
def letter(page: Page, notice_id: uuid.UUID) -> HTMLResponse:
    """One letter: the preview as the person will read it, where it stands, and what an officer can do."""
    return _letter(page, notice_id)


@router.get("/{notice_id:uuid}/pdf")
def pdf(page: Page, notice_id: uuid.UUID) -> Response:
    """The letter as PDF: a preview before it goes, or a copy to print (the print is audited)."""
    data = notices.notice_pdf(page.uow, actor=page.actor, notice_id=notice_id)
    return Response(
        data, media_type="application/pdf", headers=download_headers(f"letter-{str(notice_id)[:8]}.pdf")
    )


@router.post("/{notice_id:uuid}/paragraph")
def add_paragraph(page: Page, notice_id: uuid.UUID, form: Posted[ParagraphForm]) -> Response:
    """Add the officer's own paragraph before the letter goes."""

    def act() -> None:
        notices.add_paragraph(page.uow, actor=page.actor, notice_id=notice_id, text=form.text)

    done = page.then(f"/staff/letters/{notice_id}", N_("Your paragraph is added to the letter."))
    return _submit(page, notice_id, form, act, done, "text")


@router.post("/{notice_id:uuid}/resend")
def resend(page: Page, notice_id: uuid.UUID, form: Posted[ResendForm]) -> Response:
    """Send again: a sent letter as a new copy, a held or failed one now (optionally by another channel)."""

    def act() -> notices.NoticePublic:
        return notices.resend(page.uow, actor=page.actor, notice_id=notice_id, channel=form.channel or None)

    def done(sent: notices.NoticePublic) -> Response:
        return page.to(f"/staff/letters/{sent.id}", N_("The letter will go with the next sending."))

    return _submit(page, notice_id, form, act, done, "channel")


@router.post("/{notice_id:uuid}/returned")
def returned(page: Page, notice_id: uuid.UUID) -> Response:
    """The letter came back: no more mail to that address, and a task to find the new one."""

    def act() -> None:
        notices.mark_returned(page.uow, actor=page.actor, notice_id=notice_id)

    done = page.then(
        f"/staff/letters/{notice_id}", N_("Marked as returned. No more mail goes to that address.")
    )
    return _submit(page, notice_id, PageForm(), act, done, "returned")


def _submit(
    page: StaffPage,
    notice_id: uuid.UUID,
    form: PageForm,
    act: Callable[[], T],
    done: Callable[[T], Response],
    box: str,
) -> Response:
    """A control's post; a refusal comes back beside that control's own form (what it means there)."""
    again = functools.partial(_letter, page, notice_id)

    def explain(_: Exception) -> str:
        return CONFLICTS[box]  # the service's words name the state; these say what it means here

    return page.submit(form, act, done, again, refused={InvalidTransition: 409}, explain=explain, at=box)


def _letter(page: StaffPage, notice_id: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    found = notices.get_notice(page.uow, actor=page.actor, notice_id=notice_id)
    body, _sep, legal = found.text.strip().rpartition("\n\n")
    context = {
        "n": found,
        "paragraphs": body.split("\n\n"),
        "legal": legal,
        "editable": found.status in ("queued", "failed", "held"),
        "labels": _labels(page.request),
        "log_person": found.person_id,
        "page_url": f"/staff/letters/{notice_id}",
    }
    return page.show("staff/letters/letter.html", context, shown)


def _labels(request: Request) -> dict[str, dict[str, str]]:
    return {
        "kinds": labels.translated(request, KINDS),
        "states": labels.translated(request, STATES),
        "channels": labels.translated(request, CHANNELS),
    }


def person_page_context(request: Request) -> dict[str, Any]:
    """The letter words for the person page's letters section."""
    if not request.url.path.startswith("/staff/people/"):
        return {}
    return {"letter_labels": _labels(request)}
