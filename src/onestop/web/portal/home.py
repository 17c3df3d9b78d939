"""The portal's home page: what help exists, who can get it and how to ask."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.common.i18n import N_
from onestop.web import pages

#: Application statuses and outcomes in the words a client reads.
STATUS_WORDS = {
    "received": N_("Received"),
    "pending_documents": N_("Waiting for your documents"),
    "in_assessment": N_("Being looked at by an officer"),
    "decided": N_("Decided"),
    "withdrawn": N_("Withdrawn"),
    "eligible": N_("You can get it"),
    "ineligible": N_("You cannot get it"),
    "suspended": N_("Suspended"),
}


def portal_context(request: Request) -> dict[str, Any]:
    """The signed-in client (for the header) and status words, on every page but the staff ones."""
    if request.url.path.startswith("/staff"):
        return {}
    session = getattr(request.state, "session", None)
    words = {code: pages.gettext(request, text) for code, text in STATUS_WORDS.items()}
    return {"client": session.client if session is not None else None, "status_words": words}


pages.CONTEXT_PROVIDERS.append(portal_context)

router = APIRouter()


@router.get("/")
def home(request: Request) -> HTMLResponse:
    """The first page a member of the public sees."""
    return pages.render(request, "portal/home.html", {"screener_url": "/portal/screener"})
