"""Case conferences from the person page: who met (staff and other agencies), what was said and decided.

Recording one is one referrals service call; participants and decisions are typed one a line. Bad input
re-renders the form beside its box with what was typed (422), and nothing is written.
"""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Form, Request
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.cases.referrals import ConferenceCreate, ParticipantIn, list_conferences, record_conference
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.db import UnitOfWork
from onestop.registry import get_person
from onestop.web import pages
from onestop.web.deps import UowDep
from onestop.web.staff.deps import StaffActor
from onestop.web.staff.forms import PageForm, form_errors, model

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
def conferences(request: Request, uow: UowDep, actor: StaffActor, person_id: uuid.UUID) -> HTMLResponse:
    """The person's conferences, newest first, and the form to record one (held today by default)."""
    today = request.app.state.container.clock.today().isoformat()
    return _page(request, uow, actor, person_id, ConferenceForm(held_on=today))


@router.post("")
def record(
    request: Request,
    uow: UowDep,
    actor: StaffActor,
    person_id: uuid.UUID,
    form: Annotated[ConferenceForm, Form()],
) -> Response:
    """Record a conference that was held."""
    try:
        data = model(
            ConferenceCreate,
            person_id=person_id,
            held_on=parse_date(form.held_on, field="held_on") if form.held_on else None,
            title=form.title or "Case conference",
            participants=_participants(form.participants),
            notes=form.notes or None,
            decisions=_lines(form.decisions),
        )
        record_conference(uow, actor=actor, data=data)
    except InvalidInput as err:
        field = "participants" if err.field.startswith("participants") else err.field
        field = "decisions" if field.startswith("decisions") else field
        errors = form_errors(request, InvalidInput(field, err.problem), set(ConferenceForm.model_fields))
        return _page(request, uow, actor, person_id, form, errors=errors, status_code=422)
    pages.flash(request, N_("The case conference is recorded."), "success")
    return pages.redirect(request, f"/staff/people/{person_id}/conferences")


def _page(
    request: Request,
    uow: UnitOfWork,
    actor: Actor,
    pid: uuid.UUID,
    form: ConferenceForm,
    *,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    context = {
        "person": get_person(uow, actor=actor, person_id=pid),
        "conferences": list_conferences(uow, actor=actor, person_id=pid),
        "values": form.model_dump(),
        "errors": errors or {},
        "log_person": pid,
        "page_url": f"/staff/people/{pid}/conferences",
    }
    return pages.render(request, "staff/referrals/conferences.html", context, status_code=status_code)
