"""Case conferences from the person page: who met (staff and other agencies), what was said and decided.

Recording one is one referrals service call; participants and decisions are typed one a line. Bad input
re-renders the form beside its box with what was typed (422), and nothing is written.
"""

from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from onestop.cases.referrals import ConferenceCreate, ParticipantIn, list_conferences, record_conference
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.web.staff.forms import BLANK, PageForm, Posted, Shown, form_date, model
from onestop.web.staff.page import Page, StaffPage

router = APIRouter(prefix="/people/{person_id:uuid}/conferences")


class ConferenceForm(PageForm):
    held_on: str = ""
    title: str = ""
    participants: str = ""  # one a line: name, organisation, role
    notes: str = ""
    decisions: str = ""  # one a line


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _participants(text: str) -> list[ParticipantIn]:
    """ "Name, organisation, role" a line (organisation and role optional)."""
    out = []
    for line in _lines(text):
        parts = [p.strip() for p in line.split(",", 2)] + ["", ""]
        out.append(
            model(ParticipantIn, name=parts[0] or None, organisation=parts[1] or None, role=parts[2] or None)
        )
    return out


@router.get("")
def conferences(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's conferences, newest first, and the form to record one (held today by default)."""
    today = page.request.app.state.container.clock.today().isoformat()
    return _page(page, person_id, Shown(ConferenceForm(held_on=today).model_dump()))


@router.post("")
def record(page: Page, person_id: uuid.UUID, form: Posted[ConferenceForm]) -> Response:
    """Record a conference that was held."""

    def act() -> object:
        data = model(
            ConferenceCreate,
            person_id=person_id,
            held_on=form_date(form.held_on, "held_on"),
            title=form.title or "Case conference",
            participants=_participants(form.participants),
            notes=form.notes or None,
            decisions=_lines(form.decisions),
        )
        return record_conference(page.uow, actor=page.actor, data=data)

    def box(field: str) -> str:
        """A participant's or a decision's line is its box."""
        return next((b for b in ("participants", "decisions") if field.startswith(b)), field)

    done = page.then(f"/staff/people/{person_id}/conferences", N_("The case conference is recorded."))
    return page.submit(form, act, done, functools.partial(_page, page, person_id), boxes=box)


def _page(page: StaffPage, pid: uuid.UUID, shown: Shown = BLANK) -> HTMLResponse:
    context = {
        "person": get_person(page.uow, actor=page.actor, person_id=pid),
        "conferences": list_conferences(page.uow, actor=page.actor, person_id=pid),
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/conferences",
    }
    return page.show("staff/referrals/conferences.html", context, shown)
