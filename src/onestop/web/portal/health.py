"""/portal/health: the signed-in client's drug coverage, emergency drug cards, special authorizations,
claims, travel and 65Plus claims, in plain words."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from onestop.common.i18n import N_
from onestop.health import my_health
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.portal.accounts import ClientId

router = APIRouter()

PLAN_WORDS = {
    "foundation": N_("Foundation Plan: your drugs are fully paid for while you get Income Support"),
    "65plus": N_("65Plus Plan: you pay the pharmacy's dispensing fee, up to $6"),
    "access": N_("Access Plan: you pay part of the cost, based on your income"),
    "assurance": N_("Assurance Plan: what you pay in a year has a limit, based on your income"),
    "select_needs": N_("Select Needs Plan: drugs for your condition are fully paid for"),
}
HEALTH_STATUS_WORDS = {
    "issued": N_("You can use it"),
    "cancelled": N_("Cancelled"),
    "replaced": N_("Replaced by a new card"),
    "submitted": N_("Sent, waiting for an answer"),
    "approved": N_("Approved"),
    "denied": N_("Not approved"),
    "withdrawn": N_("Withdrawn"),
    "received": N_("Received, being looked at"),
    "paid": N_("Paid"),
}
TRIP_WORDS = {
    "requested": N_("Asked for, waiting for an answer"),
    "approved": N_("Approved: we pay the carrier or travel agency"),
    "denied": N_("Not approved"),
    "returned": N_("You are back; the trip is closed"),
    "cancelled": N_("Cancelled"),
}
TRIP_KINDS = {
    "medical": N_("Travel for medical care outside the province"),
    "stranded": N_("Travel home when you were stranded"),
}
SENIOR_WORDS = {
    "received": N_("Received, being looked at"),
    "approved": N_("Approved: you have 65Plus drug coverage"),
    "denied": N_("Not approved"),
}


@router.get("/health")
def my_health_page(request: Request, uow: UowDep, client: ClientId) -> HTMLResponse:
    """The client's health coverage page."""
    found = my_health(uow, account_id=client)
    words = {k: pages.gettext(request, v) for k, v in HEALTH_STATUS_WORDS.items()}
    plans = {k: pages.gettext(request, v) for k, v in PLAN_WORDS.items()}
    trips = {k: pages.gettext(request, v) for k, v in (TRIP_WORDS | TRIP_KINDS).items()}
    seniors = {k: pages.gettext(request, v) for k, v in SENIOR_WORDS.items()}
    context = {
        "health": found,
        "health_words": words,
        "plan_words": plans,
        "trip_words": trips,
        "senior_words": seniors,
        "errors": {},
        "page_url": "/portal/health",
    }
    return pages.render(request, "portal/account/health.html", context)
