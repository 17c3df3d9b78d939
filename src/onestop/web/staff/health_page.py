"""What the pages about one person's health records share: the page's context as one FastAPI dependency
(the request, the unit of work, the officer and the person), a record's page found in the person's health
file, and a post that runs one service call and either goes back with a message or shows the form again
with the error beside its box and what was typed (422).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request
from starlette.responses import HTMLResponse, Response

from onestop import health, money
from onestop.access import Permission
from onestop.common.i18n import N_
from onestop.health import schemas as s
from onestop.registry import get_person
from onestop.web.deps import UowDep
from onestop.web.staff import forms
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import BLANK, PageForm, Shown, option_labels, show

T = TypeVar("T")

PLANS = {
    "foundation": N_("Foundation Plan"),
    "65plus": N_("65Plus Plan"),
    "access": N_("Access Plan"),
    "assurance": N_("Assurance Plan"),
    "select_needs": N_("Select Needs Plan"),
}
STATUSES = {
    "active": N_("Active"),
    "ended": N_("Ended"),
    "issued": N_("Issued"),
    "cancelled": N_("Cancelled"),
    "replaced": N_("Replaced"),
    "submitted": N_("Submitted"),
    "approved": N_("Approved"),
    "denied": N_("Denied"),
    "withdrawn": N_("Withdrawn"),
    "received": N_("Received"),
    "paid": N_("Paid"),
    "applied": N_("Applied"),
    "registered": N_("Registered"),
    "expired": N_("Expired"),
    "determined": N_("Determined"),
    "undetermined": N_("Undetermined"),
    "requested": N_("Requested"),
    "returned": N_("Returned"),
}
OUTCOMES = {"approved": N_("Approve"), "denied": N_("Deny")}
MCP_STATUSES = {
    "registered": N_("Registered"),
    "applied": N_("Applied"),
    "expired": N_("Expired"),
    "cancelled": N_("Cancelled"),
}
TRAVEL_KINDS = {
    "medical": N_("Medical care not available in the province"),
    "stranded": N_("Stranded person"),
}
TRAVEL_STATUSES = {"requested": N_("Requested"), "returned": N_("Returned")}
PAY_TO = {"person": N_("The person (they paid the bill)"), "provider": N_("The provider")}
METHODS = {"cheque": N_("Cheque"), "third_party": N_("Direct deposit to the payee")}
RESTRICTION_KINDS = {
    "drug": N_("One drug"),
    "drug_class": N_("A class of drugs"),
    "single_pharmacy": N_("One pharmacy only"),
}

#: The path of the person's health pages.
PEOPLE = "/people/{person_id:uuid}/health"


def find(items: Sequence[Any], item_id: uuid.UUID, what: str) -> Any:
    """The record with this id in one list of the person's health file (404 when it is not theirs)."""
    for item in items:
        if item.id == item_id:
            return item
    raise health.HealthRecordNotFound(f"no {what} with id {item_id} for this person")


@dataclass(frozen=True)
class View:
    """A page about one of the person's health records: its template, and what it shows of the file."""

    template: str
    pick: Callable[[s.HealthFile], dict[str, Any]] = lambda _: {}


def record_view(
    template: str, key: str, items: Callable[[s.HealthFile], Sequence[Any]], what: str
) -> Callable[[uuid.UUID], View]:
    """``view(id)``: the page of the record with that id in ``items`` of the file, shown as ``key``."""
    return lambda rid: View(template, lambda f: {key: find(items(f), rid, what)})


class HealthPage:
    """One request on a page about the person's health records (a FastAPI dependency)."""

    def __init__(self, request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> None:
        self.request = request
        self.uow = uow
        self.actor = actor
        self.person_id = person_id

    def render(self, view: View, shown: Shown = BLANK) -> HTMLResponse:
        """The page, with what was typed and the errors when a form was refused."""
        request, uow, actor = self.request, self.uow, self.actor
        person = get_person(uow, actor=actor, person_id=self.person_id, purpose="health and drug coverage")
        file = health.health_file(uow, actor=actor, person_id=self.person_id)
        payees: list[tuple[str, str]] = []
        if actor.can(Permission.MONEY_ISSUE):
            approved = [p for p in money.list_payees(uow, actor=actor) if p.state == "approved"]
            payees = [(str(p.id), p.name) for p in approved]
        context = {
            "person": person,
            "plan_labels": PLANS,
            "status_labels": STATUSES,
            "outcomes": option_labels(request, OUTCOMES),
            "mcp_statuses": option_labels(request, MCP_STATUSES),
            "travel_kinds": option_labels(request, TRAVEL_KINDS),
            "pay_to": option_labels(request, PAY_TO),
            "methods": option_labels(request, METHODS),
            "restriction_kinds": option_labels(request, RESTRICTION_KINDS),
            "payees": [("", "–"), *payees],
            "log_person": self.person_id,
            **view.pick(file),
        }
        return show(request, view.template, context, shown)

    def submit(
        self,
        view: View,
        form: PageForm,
        act: Callable[[], T],
        done: Callable[[T], Response],
        boxes: Mapping[str, str] | Callable[[str], str] | None = None,
        *,
        hide: tuple[str, ...] = (),
    ) -> Response:
        """Run ``act`` (one service call) and answer ``done(result)``, or this page again (see
        ``forms.submit``)."""
        again = functools.partial(self.render, view)
        return forms.submit(self.request, form, act, done, again, boxes=boxes, hide=hide)

    def to(self, path: str, message: str, **values: Any) -> Response:
        """To ``path`` below the person's health page, with the (untranslated) message."""
        return forms.to(self.request, f"/staff/people/{self.person_id}/health{path}", message, **values)

    def then(self, path: str, message: str) -> Callable[[object], Response]:
        """``done`` for a post: to ``path`` below the person's health page (``#section`` for a section
        of it), with the message."""
        return lambda _: self.to(path, message)


Page = Annotated[HealthPage, Depends()]
