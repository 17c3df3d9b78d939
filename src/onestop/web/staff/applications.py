"""Applications: apply from the interview (or choose a program), the application page (what the rules
say on the verified facts, what is missing and how to get it, the document checklist), and deciding.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from fastapi import APIRouter, Request
from pydantic import Field
from starlette.responses import HTMLResponse, Response

from onestop.access import Actor
from onestop.cases.applications import (
    ApplicationCreate,
    ApplicationPublic,
    ApplicationStatusChange,
    FactIn,
    assess_application,
    checklist,
    create_application,
    get_application,
    get_checklist,
    list_facts,
    record_fact,
    start_assessment,
)
from onestop.cases.decisions import DecisionCreate, DecisionUndetermined, OverrideIn, decide_application
from onestop.cases.decisions.schemas import GapValueIn
from onestop.cases.documents import list_documents
from onestop.cases.reviews import list_reviews
from onestop.cases.screenings import resume_screening
from onestop.common.errors import Conflict, InvalidInput
from onestop.common.i18n import N_
from onestop.common.money import to_cents
from onestop.common.text import required_text
from onestop.db import UnitOfWork
from onestop.jurisdictions import EntryKind, load_catalogue
from onestop.registry import create_unit, get_person, list_person_units
from onestop.registry.schemas import MemberIn, UnitCreate
from onestop.web import pages, questions
from onestop.web.parsing import whole_number
from onestop.web.staff import labels
from onestop.web.staff.forms import PageForm, Posted, model
from onestop.web.staff.interview import jurisdiction_of
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()


class ProgramForm(PageForm):
    program: str = ""


class ApplyForm(ProgramForm):
    channel: str = "in_person"


class DecideForm(PageForm):
    """The decide form: the version read, a note, an override, a value the policy lacks, and the
    officer's own assessments shown (``confirm_path`` and ``confirm_value``, in pairs)."""

    version: str = ""
    note: str = ""
    override_outcome: str = ""
    override_amount: str = ""
    override_reason: str = ""
    gap_parameter: str = ""
    gap_value: str = ""
    gap_authority: str = ""
    confirm_path: list[str] = Field(default_factory=list)
    confirm_value: list[str] = Field(default_factory=list)


def unit_for(page: StaffPage, person_id: uuid.UUID) -> uuid.UUID:
    """The person's current benefit unit; a person not in one gets a unit of their own, as applicant.

    Applying is the officer saying "this person asks for help": the registry needs a unit for it.
    """
    container = page.request.app.state.container
    for unit in list_person_units(page.uow, actor=page.actor, person_id=person_id):
        if any(m.person_id == person_id and m.left_on is None for m in unit.members):
            return unit.id
    member = MemberIn(person_id=person_id, role="applicant", joined_on=container.clock.today())
    return create_unit(page.uow, actor=page.actor, data=UnitCreate(members=[member])).id


@router.post("/screenings/{session_id:uuid}/apply")
def apply_from_interview(page: Page, session_id: uuid.UUID, form: Posted[ProgramForm]) -> Response:
    """Apply for a program the interview suggested; the interview's answers become unverified facts."""
    session = resume_screening(page.uow, actor=page.actor, session_id=session_id)
    if session.person_id is None:
        raise InvalidInput("person_id", "link the interview to a person first")
    unit = unit_for(page, session.person_id)
    data = ApplicationCreate(program=form.program, unit_id=unit, screening_session_id=session_id)
    app = create_application(page.uow, actor=page.actor, data=data)
    page.flash(N_("The application is received."), "success")
    return page.redirect(f"/staff/applications/{app.id}")


@router.get("/people/{person_id:uuid}/applications/new")
def choose_program(page: Page, person_id: uuid.UUID) -> HTMLResponse:
    """Apply without an interview: the programs onestop decides, for the person's jurisdiction."""
    person = get_person(page.uow, actor=page.actor, person_id=person_id)
    catalogue = load_catalogue(jurisdiction_of(person))
    programs = [e for e in catalogue if e.kind is EntryKind.DECIDED]
    context = {"person": person, "programs": programs, "log_person": person_id, "errors": {}}
    return page.render("staff/applications/new.html", context)


@router.post("/people/{person_id:uuid}/applications/new")
def apply(page: Page, person_id: uuid.UUID, form: Posted[ApplyForm]) -> Response:
    """Receive an application for the chosen program."""
    unit = unit_for(page, person_id)
    data = model(ApplicationCreate, program=form.program, unit_id=unit, channel=form.channel)
    app = create_application(page.uow, actor=page.actor, data=data)
    page.flash(N_("The application is received."), "success")
    return page.redirect(f"/staff/applications/{app.id}")


@router.get("/applications/{application_id:uuid}")
def applicationpage(page: Page, application_id: uuid.UUID) -> HTMLResponse:
    """Everything needed to decide: the assessment, the facts, the checklist and the documents."""
    return application_page(page, application_id)


@router.post("/applications/{application_id:uuid}/decide")
def decide(page: Page, application_id: uuid.UUID, form: Posted[DecideForm]) -> Response:
    """Decide, on the version the officer read, on the verified facts (or override the result).

    The officer's own assessments shown in the decide form (the client type the interview carried
    over) are recorded first (``record_fact``: the assessment is the evidence), in the same transaction.

    "Decide" on an application not yet in assessment starts the assessment first: two services in one
    transaction (the unit of work is re-entrant, so each service's own commit waits for this one), so
    a refusal by the second leaves the application as it was. What can be checked is still checked
    first (the version, the override, whether the rules can decide), to name the problem.
    """
    try:
        read = whole_number(form.version)
        override = _override(form.override_outcome, form.override_amount, form.override_reason)
        entered = _gap_values(form.gap_parameter, form.gap_value, form.gap_authority)
        with page.uow:
            app = get_application(page.uow, actor=page.actor, application_id=application_id)
            if read != app.version:
                raise Conflict(
                    f"the application was changed by someone else (version {app.version}, not {read})"
                )
            confirms = list(zip(form.confirm_path, form.confirm_value, strict=False))
            if confirms:
                _confirm_assessments(page, app, confirms)
                app = get_application(page.uow, actor=page.actor, application_id=application_id)
            if app.status in ("received", "pending_documents"):
                _decidable(page.uow, page.actor, app)
                app = _start(page.uow, page.actor, application_id, read)
            data = model(
                DecisionCreate,
                application_id=application_id,
                version=app.version,
                note=form.note or None,
                override=override,
                gap_values=entered,
            )
            outcome = decide_application(page.uow, actor=page.actor, data=data)
            page.uow.commit()
    except (DecisionUndetermined, InvalidInput, Conflict) as err:
        return _not_decided(page, application_id, err)
    if outcome.pending_override is not None and entered:
        page.flash(N_("The decision with the value you entered waits for a supervisor."), "success")
        return page.redirect(f"/staff/applications/{application_id}")
    if outcome.pending_override is not None:
        page.flash(N_("The override waits for a supervisor's approval."), "success")
        return page.redirect(f"/staff/applications/{application_id}")
    assert outcome.decision is not None
    return page.redirect(f"/staff/decisions/{outcome.decision.id}")


def _confirm_assessments(page: StaffPage, app: ApplicationPublic, confirms: list[tuple[str, str]]) -> None:
    """Record each value shown as the officer's own assessment (only inputs no document proves)."""
    for path, raw in confirms:
        if checklist.accepted_types(path.rsplit(".", 1)[-1]) is not None:
            raise InvalidInput("confirm_path", f"{path} is proved by a document, not by your assessment")
        field = questions.field_for(app.jurisdiction, path, pages.language_of(page.request))
        data = model(FactIn, path=path, value=questions.read_answer(field, raw))
        record_fact(page.uow, actor=page.actor, application_id=app.id, data=data)


def assessments_to_confirm(facts: list[Any], missing: list[Any]) -> list[tuple[str, Any]]:
    """Still-needed inputs that only the officer's assessment proves (the client type), with any value
    already recorded: the decide form asks them, and deciding records the answer shown."""
    current = {f.path: f.value for f in facts}
    return [
        (m.path, current.get(m.path))
        for m in missing
        if checklist.accepted_types(m.path.rsplit(".", 1)[-1]) is None
    ]


def _override(outcome: str, amount: str, reason: str) -> OverrideIn | None:
    """The override as typed, checked before anything changes (a blank reason, a malformed amount)."""
    if not outcome:
        return None
    required_text(reason, "override.reason", max_len=4000)
    money = questions.money_text(amount) if amount else None
    if money is not None:
        to_cents(money, field="override.monthly_amount")
    return model(OverrideIn, outcome=outcome, monthly_amount=money, reason=reason)


def _gap_values(parameter: str, value: str, authority: str) -> list[GapValueIn]:
    """A value the published policy lacks, as typed (a table in JSON); none when no parameter is chosen."""
    if not parameter:
        return []
    raw: object = value
    if isinstance(raw, str) and raw[:1] in ("{", "["):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError:
            raise InvalidInput("gap_value", "is not a valid table (JSON)") from None
    return [model(GapValueIn, parameter=parameter, value=raw or None, authority=authority)]


def _decidable(uow: UnitOfWork, actor: Actor, app: ApplicationPublic) -> None:
    """Refuse before starting the assessment when the rules cannot decide on the verified facts.

    A first decision applies from the day the application was received, so that is the day asked.
    """
    assessment = assess_application(uow, actor=actor, application_id=app.id, on=app.received_on)
    if assessment.status == "undetermined":
        missing = [{"path": m.path, "problem": m.problem} for m in assessment.missing]
        raise DecisionUndetermined(missing, assessment.missing_parameters)


def _start(uow: UnitOfWork, actor: Actor, aid: uuid.UUID, read: int | None) -> ApplicationPublic:
    change = ApplicationStatusChange(version=read)
    return start_assessment(uow, actor=actor, application_id=aid, data=change)


def _not_decided(page: StaffPage, aid: uuid.UUID, err: Exception) -> HTMLResponse:
    """The application page again, saying why nothing was decided (nothing was changed)."""
    if isinstance(err, DecisionUndetermined):
        missing, gaps = err.missing, err.parameters
        return application_page(page, aid, undetermined=missing, missing_parameters=gaps, status_code=422)
    if isinstance(err, Conflict):
        message = N_(
            "This application was changed by someone else since you opened it. Check it again, then decide."
        )
        return application_page(page, aid, errors={"version": page.gettext(message)}, status_code=409)
    assert isinstance(err, InvalidInput)
    field = err.field.replace("override.", "override_").replace("gap_values[0].", "gap_")
    return application_page(page, aid, errors={field: page.gettext(err.problem)}, status_code=422)


def application_page(
    page: StaffPage,
    aid: uuid.UUID,
    *,
    errors: dict[str, str] | None = None,
    undetermined: list[dict[str, str]] | None = None,
    missing_parameters: list[str] | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    app = get_application(page.uow, actor=page.actor, application_id=aid)
    facts = list_facts(page.uow, actor=page.actor, application_id=aid)
    assessment = assess_application(page.uow, actor=page.actor, application_id=aid)
    context = {
        "app": app,
        "assessment": assessment,
        "confirm_on_decide": assessments_to_confirm(facts, assessment.missing),
        "facts": facts,
        "checklist": get_checklist(page.uow, actor=page.actor, application_id=aid),
        "documents": list_documents(page.uow, actor=page.actor, person_id=app.applicant_id),
        "open_reviews": [
            r
            for r in list_reviews(page.uow, actor=page.actor, application_id=aid)
            if r.status in ("due", "in_progress")
        ],
        "errors": errors or {},
        "undetermined": undetermined,
        "missing_parameters": missing_parameters or [],
        "gap_pairs": [(n, n) for n in sorted({p.split("[", 1)[0] for p in (missing_parameters or [])})],
        "log_person": app.applicant_id,
        "page_url": f"/staff/applications/{aid}",
        **_fields(page.request, app, facts),
    }
    return page.render("staff/applications/view.html", context, status_code=status_code)


def _fields(request: Request, app: ApplicationPublic, facts: list[Any]) -> dict[str, Any]:
    """The question (and widget) for each fact path, in the page's language."""
    language = pages.language_of(request)

    def field(path: str) -> questions.Field | None:
        try:
            return questions.field_for(app.jurisdiction, path, language, lambda s: pages.gettext(request, s))
        except InvalidInput:
            return None

    return {"field_for": field, "doc_types": labels.translated(request, labels.DOCUMENT_TYPES)}
