"""The anonymous benefits screener: plain questions one at a time (safety ones together, first), the
programs the person may get with the reasons and how to apply. It stores nothing: the answers so far
travel in the form itself (hidden fields, posted, never in the address), and are gone when the page
is closed. Only "apply online" keeps them, in the person's own signed session cookie.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, Response

from onestop.cases.screenings.domain import case_mapping, concrete
from onestop.common.errors import InvalidInput
from onestop.common.i18n import N_
from onestop.screening import Screening, Status, screen, voices
from onestop.web import pages, questions
from onestop.web.parsing import required_whole_number

router = APIRouter(prefix="/screener")

JURISDICTIONS = {"ca-ab": N_("Alberta"), "ca-nl": N_("Newfoundland and Labrador")}
NO_AMOUNT_YET = N_("We cannot say yet how much: an officer will tell you.")
ELSEWHERE = "elsewhere"  # lives in neither province: the honest empty state, with where to turn
ANSWER = "a:"  # hidden fields carrying the answers so far: a:<path>
SHOWN = 6  # programs shown in full; the others are listed by name


@router.get("")
def start(request: Request) -> HTMLResponse:
    """The first question: where the person lives (which province's programs)."""
    return pages.render(request, "portal/screener.html", {"step": "where", "answers": {}, "skip": []})


@router.post("")
async def step(request: Request) -> Response:
    """Take the answer(s), screen what is known, and show the next question with the results so far."""
    async with request.form() as form:
        pass  # no files: the values stay readable
    jurisdiction = str(form.get("jurisdiction") or "")
    if jurisdiction == ELSEWHERE:
        return pages.render(request, "portal/screener.html", {"step": "elsewhere", "answers": {}, "skip": []})
    if jurisdiction not in JURISDICTIONS:
        return pages.render(request, "portal/screener.html", {"step": "where", "answers": {}, "skip": []})
    # choosing the province on the first page answers "do you live there?"
    start = {"people[p1].role": "applicant", "unit.resident_of_province": True}
    answers = start | carried_answers(form, jurisdiction)
    skip = [str(s) for s in form.getlist("skip")]
    error = None
    skipped = str(form.get("skip_now") or "")
    try:
        if skipped:
            skip.append(skipped)  # "I don't know": ask the next question instead
        else:
            answers |= _new_answers(form, jurisdiction, pages.language_of(request))
        result = _screen(request, jurisdiction, answers)
    except InvalidInput as err:
        error = pages.gettext(request, err.problem)
        answers = start | carried_answers(form, jurisdiction)  # nothing given so far is lost
        result = _screen(request, jurisdiction, answers)
    if form.get("done") == "yes":
        skip = [q.input for q in result.questions]  # "show my results now"
    return _page(request, jurisdiction, answers, skip, result, error=error)


def carried_answers(form: FormData, jurisdiction: str) -> dict[str, Any]:
    """The answers given on earlier steps, typed back from their hidden fields (a bad one is dropped)."""
    out: dict[str, Any] = {}
    for key, value in form.multi_items():
        if not (key.startswith(ANSWER) and isinstance(value, str)):
            continue
        path = key[len(ANSWER) :]
        try:
            kind = questions.field_for(jurisdiction, path, "en").kind
            out[path] = (
                {"true": True, "false": False}[value]
                if kind == "bool"
                else required_whole_number(value, path, negative=True)
                if kind == "int"
                else value
            )
        except (InvalidInput, KeyError, ValueError):
            continue  # edited by hand: asked again
    return out


def _new_answers(form: FormData, jurisdiction: str, language: str) -> dict[str, Any]:
    paths = [str(p) for p in form.getlist("path")]
    group = form.get("group") in ("urgent", "situation")  # ticked is yes, unticked is no
    out: dict[str, Any] = {}
    for path in paths:
        raw = str(form.get(f"answer-{path}") or "")
        try:
            field = questions.field_for(jurisdiction, path, language)
        except (InvalidInput, KeyError, ValueError):
            raise InvalidInput("answer", N_("this question is not part of the screener")) from None
        if group and field.kind == "bool":
            out[path] = raw == "yes"
        else:
            out[path] = questions.read_answer(field, raw)
    return out


def _screen(request: Request, jurisdiction: str, answers: dict[str, Any]) -> Screening:
    today = request.app.state.container.clock.today().isoformat()
    return screen(case_mapping(jurisdiction, today, answers), pages.language_of(request))


def _page(
    request: Request,
    jurisdiction: str,
    answers: dict[str, Any],
    skip: list[str],
    result: Screening,
    *,
    error: str | None = None,
) -> HTMLResponse:
    language = pages.language_of(request)
    pending = [q for q in result.questions if concrete(q.input, "p1") not in {*skip, *answers}]
    urgent = [q for q in pending if q.urgent]
    situation = [q for q in pending if q.gate] if pending and pending[0].gate else []
    ask = urgent or situation or pending[:1]
    fields = [
        questions.field_for(
            jurisdiction, concrete(q.input, "p1"), language, lambda s: pages.gettext(request, s), public=True
        )
        for q in ask
    ]
    likely = [i for i in result.items if i.status in (Status.LIKELY, Status.POSSIBLY)]
    context_words = {i.entry.id: voices.program(i.entry, language) for i in result.items}
    for item in likely:
        # The screening's reasons are the officer's (a gap named by its parameter id): the public
        # page says only what the person can act on, and never names a missing value.
        item.reasons = [pages.gettext(request, NO_AMOUNT_YET)] if item.missing_parameters else []
    context = {
        "step": "ask" if fields else "results",
        "jurisdiction": jurisdiction,
        "place": pages.gettext(request, JURISDICTIONS[jurisdiction]),
        "answers": {p: ("true" if v is True else "false" if v is False else v) for p, v in answers.items()},
        "skip": skip,
        "fields": fields,
        "group": "urgent" if urgent else "situation" if situation else "",
        "words": context_words,
        "assumptions": result.assumptions,
        "nothing_fits": not likely and not fields,
        "urgent_items": [i for i in result.items if i.urgent],
        "shown": likely[:SHOWN],
        "more": likely[SHOWN:],
        "answered": len([p for p in answers if p not in ("people[p1].role", "unit.resident_of_province")]),
        "error": error,
        "other_language": "en" if language == "fr" else "fr",
        "page_url": "/portal/screener",
    }
    return pages.render(request, "portal/screener.html", context, status_code=422 if error else 200)
