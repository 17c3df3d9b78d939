"""/portal/account/letters: the signed-in client's letters, in plain words, to read or save as PDF.

The list and each letter come from the clients area, which reads only the client's own records and
audits the read in their name; someone else's letter is "not found". No reference number or other
internal id is shown: the letter's id is only in the page's address.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.clients import my_letter, my_letter_pdf, my_letters
from onestop.common.i18n import N_
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.downloads import download_headers
from onestop.web.portal.accounts import ClientId

router = APIRouter(prefix="/letters")

#: What a letter is about, as the client would say it.
ABOUT = {
    "appeal_outcome": N_("Your appeal result"),
    "appeal_received": N_("We got your appeal"),
    "benefit_changed": N_("A change to your benefit"),
    "decision_eligible": N_("Our decision"),
    "decision_refused": N_("Our decision"),
    "documents_requested": N_("Papers we need"),
    "overpayment": N_("Money paid too much"),
    "payment_advice": N_("A payment to you"),
    "referral_made": N_("Help from another service"),
    "reinstated": N_("Your benefit starts again"),
    "review_due": N_("Time to check your benefit"),
    "suspended": N_("Your benefit is on hold"),
}


@router.get("")
def inbox(request: Request, uow: UowDep, client: ClientId) -> HTMLResponse:
    """The client's letters, newest first; the ones not opened yet are marked new."""
    found = my_letters(uow, account_id=client)
    context = {
        "letters": found,
        "about": _about(request),
        "errors": {},
        "page_url": "/portal/account/letters",
    }
    return pages.render(request, "portal/account/letters.html", context)


@router.get("/{notice_id:uuid}")
def read(request: Request, uow: UowDep, client: ClientId, notice_id: uuid.UUID) -> HTMLResponse:
    """One letter, as it was sent."""
    found = my_letter(uow, account_id=client, notice_id=notice_id)
    context = {"letter": found, "errors": {}, "page_url": f"/portal/account/letters/{notice_id}"}
    return pages.render(request, "portal/account/letter.html", context)


@router.get("/{notice_id:uuid}/pdf")
def pdf(request: Request, uow: UowDep, client: ClientId, notice_id: uuid.UUID) -> Response:
    """The letter as a PDF to save or print."""
    data = my_letter_pdf(uow, account_id=client, notice_id=notice_id)
    return Response(data, media_type="application/pdf", headers=download_headers("letter.pdf"))


def _about(request: Request) -> dict[str, str]:
    return {k: pages.gettext(request, v) for k, v in ABOUT.items()}
