"""The guided screening interview: the screener's next question one at a time (the urgent safety
questions together, first), the programs narrowing as answers come in, each with its reasons, and
"apply" on a program that onestop decides.

htmx posts an answer and swaps the interview in place; without JavaScript the form posts and the
page reloads (post, redirect, get). Skipped questions travel in the address (``?skip=``), never stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.screenings import (
    ScreeningAnswers,
    ScreeningComplete,
    ScreeningPublic,
    ScreeningStart,
    answer_screening,
    complete_screening,
    list_screenings,
    resume_screening,
    start_screening,
)
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.i18n import N_
from onestop.registry import get_person
from onestop.registry.schemas import PersonPublic
from onestop.web import pages, questions
from onestop.web.parsing import whole_number
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

ALL = "all"  # ?form=all: every pending question on one form
GROUPS = ("likely_eligible", "possibly_eligible", "not_assessed", "not_eligible")
PROVINCE_JURISDICTION = {"AB": "ca-ab", "NL": "ca-nl"}


def jurisdiction_of(person: PersonPublic) -> str:
    """The rule pack for a person: their current address's province (Alberta when unknown)."""
    for address in person.addresses:
        if address.removed_at is None and address.province in PROVINCE_JURISDICTION:
            return PROVINCE_JURISDICTION[address.province]
    return "ca-ab"


def known_answers(person: PersonPublic, today: dt.date) -> dict[str, Any]:
    """What the registry already says, so the interview does not ask it again: role and age."""
    answers: dict[str, Any] = {"people[p1].role": "applicant"}
    if person.birth_date is not None:
        born = person.birth_date
        answers["people[p1].age"] = (
            today.year - born.year - ((today.month, today.day) < (born.month, born.day))
        )
    return answers


@router.get("/people/{person_id:uuid}/screening")
def interviews(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """The person's earlier interviews (to resume one) and the button to start a new one."""
    person = get_person(page.uow, actor=page.actor, person_id=person_id)
    found = list_screenings(page.uow, actor=page.actor, person_id=person_id)
    context = {
        "person": person,
        "interviews": found,
        "log_person": person_id,
        "log_person_name": _name(person),
    }
    return page.render("staff/screening/list.html", context)


@router.post("/people/{person_id:uuid}/screening")
def start(page: Page, person_id: uuid.UUID, form: Annotated[str, Form()] = "") -> Response:
    """Start an interview about the person, with what the registry already knows (``form=all``: every
    question on one form)."""
    started = begin(page, person_id)
    return page.redirect(_url(started, [], together=form == ALL))


def begin(page: StaffPage, person_id: uuid.UUID) -> uuid.UUID:
    """Start an interview (``start_screening``) with the person's age and role from the registry."""
    container = page.request.app.state.container
    person = get_person(page.uow, actor=page.actor, person_id=person_id)
    data = ScreeningStart(
        jurisdiction=jurisdiction_of(person),
        person_id=person_id,
        answers=known_answers(person, container.clock.today()),
    )
    return start_screening(page.uow, actor=page.actor, data=data).id


@router.get("/screenings/{session_id:uuid}")
def interview(
    page: Page, session_id: uuid.UUID, skip: Annotated[list[str] | None, Query()] = None, form: str = ""
) -> HTMLResponse:
    """The interview: the next question (or the safety questions together) and the results so far;
    ``?form=all`` asks every pending question on one form (the counter, with the client there)."""
    session = resume_screening(page.uow, actor=page.actor, session_id=session_id)
    return _page(page.request, session, skip or [], together=form == ALL)


@router.post("/screenings/{session_id:uuid}/answer")
async def answer(page: Page, session_id: uuid.UUID) -> Response:
    """Record the answer(s) as a new step; htmx gets the new interview, a plain form a redirect."""
    async with page.request.form() as form:
        paths = [str(p) for p in form.getlist("path")]
        ticks = [str(p) for p in form.getlist("tick")]  # on the one form: a box not ticked is a no
        given = {p: str(form.get(f"answer-{p}") or "") for p in [*ticks, *paths]}
        group = form.get("group") == "urgent"
        together = form.get("form") == ALL
        version = str(form.get("version") or "")
        skip = [str(s) for s in form.getlist("skip")]
        jurisdiction = str(form.get("jurisdiction") or "ca-ab")
    errors: dict[str, str] = {}
    try:
        if together:
            answers = _read_together(page.request, jurisdiction, ticks, paths, given, errors)
        else:
            answers = _read(page.request, jurisdiction, paths, given, group)
        data = ScreeningAnswers(answers=answers, version=whole_number(version))
        session = answer_screening(page.uow, actor=page.actor, session_id=session_id, data=data)
    except (InvalidInput, Conflict) as err:
        session = resume_screening(page.uow, actor=page.actor, session_id=session_id)
        if isinstance(err, Conflict):
            error = page.gettext(N_("This interview moved on meanwhile (another window?). Here it is now."))
        else:
            error = page.gettext(err.problem)
            # the screener's own refusal names the answer's path: shown beside that question too
            errors.update({p: error for p in paths if together and p in err.field and p not in errors})
        status = 409 if isinstance(err, Conflict) else 422
        return _page(
            page.request,
            session,
            skip,
            error=error,
            errors=errors,
            typed=given,
            status_code=status,
            together=together,
        )
    if page.request.headers.get("hx-request") == "true":
        return _page(page.request, session, skip, answered=True, together=together)
    return page.redirect(_url(session_id, skip, together=together))


@router.post("/screenings/{session_id:uuid}/complete")
def complete(page: Page, session_id: uuid.UUID, version: Annotated[str, Form()] = "") -> Response:
    """Close the interview; it stays readable with every step."""
    data = ScreeningComplete(version=whole_number(version))
    done = complete_screening(page.uow, actor=page.actor, session_id=session_id, data=data)
    page.flash(N_("The interview is finished."), "success")
    return page.redirect(f"/staff/people/{done.person_id}" if done.person_id else _url(session_id, []))


def _read(
    request: Request, jurisdiction: str, paths: list[str], given: dict[str, str], group: bool
) -> dict[str, Any]:
    """The typed answers: in the safety group an unticked box is a "no"."""
    answers: dict[str, Any] = {}
    for path in paths:
        field = questions.field_for(jurisdiction, path, pages.language_of(request))
        if group:
            answers[path] = given.get(path) == "yes"
        else:
            answers[path] = questions.read_answer(field, given.get(path, ""))
    if not answers:
        raise InvalidInput("answer", "give an answer, or skip the question")
    return answers


def _read_together(
    request: Request,
    jurisdiction: str,
    ticks: list[str],
    paths: list[str],
    given: dict[str, str],
    errors: dict[str, str],
) -> dict[str, Any]:
    """The one form: every box shown is a yes or a no; an empty answer is left for later (not recorded).

    A problem is kept in ``errors`` beside its question, and the whole form is refused.
    """
    answers: dict[str, Any] = {path: given.get(path) == "yes" for path in ticks}
    for path in paths:
        if not given.get(path, "").strip():
            continue
        field = questions.field_for(jurisdiction, path, pages.language_of(request))
        try:
            answers[path] = questions.read_answer(field, given[path])
        except InvalidInput as err:
            errors[path] = pages.gettext(request, err.problem)
    if errors:
        raise InvalidInput("answer", N_("check the answers marked below"))
    if not answers:
        raise InvalidInput("answer", "give an answer, or skip the question")
    return answers


def _page(
    request: Request,
    session: ScreeningPublic,
    skip: list[str],
    *,
    answered: bool = False,
    error: str | None = None,
    errors: dict[str, str] | None = None,
    typed: dict[str, str] | None = None,
    status_code: int = 200,
    together: bool = False,
) -> HTMLResponse:
    language = pages.language_of(request)
    pending = [q for q in session.next_questions if together or q.path not in skip]
    fields = [
        questions.field_for(session.jurisdiction, q.path, language, lambda s: pages.gettext(request, s))
        for q in pending
    ]
    urgent = [f for f in fields if f.urgent]
    results = {g: [r for r in session.results if r["status"] == g] for g in GROUPS}
    context = {
        "session": session,
        "urgent": urgent,
        "question": None if urgent else (fields[0] if fields else None),
        "skip": skip,
        "skip_url": _url(session.id, [*skip, fields[0].path]) if fields and not urgent else None,
        "results": results,
        "answered": answered,
        "error": error,
        "typed": typed or {},
        "log_person": session.person_id,
        "log_person_name": None,
        "page_url": _url(session.id, skip, together=together),
        "together": together and bool(fields),
        "ticks": [f for f in fields if f.urgent or f.gate],
        "others": [f for f in fields if not (f.urgent or f.gate)],
        "errors": errors or {},
        "one_url": _url(session.id, []),
        "all_url": _url(session.id, [], together=True),
    }
    return pages.render(request, "staff/screening/interview.html", context, status_code=status_code)


def _url(sid: uuid.UUID, skip: list[str], *, together: bool = False) -> str:
    query = urlencode([("skip", s) for s in skip] + ([("form", ALL)] if together else []))
    return f"/staff/screenings/{sid}" + (f"?{query}" if query else "")


def _name(person: PersonPublic) -> str:
    return f"{person.given_names} {person.family_name}".strip()
