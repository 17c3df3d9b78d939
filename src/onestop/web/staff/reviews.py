"""After the decision: report a change in circumstances, conduct a review, suspend or reinstate.

A reported change reopens the case and opens a reassessment (a review in progress, with a task); the
review page then reassesses on the verified facts, or suspends, and records the new decision (whose
page shows the new amount and any arrears). Suspending and reinstating are decisions too. Each post is
one reviews service call; bad input re-renders the form beside its box with what was typed (422); a
stale version re-renders the page as it is now, with what was typed, and says so (409).
"""

from __future__ import annotations

import dataclasses
import functools
import uuid
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from onestop.cases.applications import FactIn, get_application, list_facts
from onestop.cases.decisions import DecisionPublic, list_decisions
from onestop.cases.documents import list_documents
from onestop.cases.reviews import (
    BenefitHold,
    ChangeCategory,
    ChangeReport,
    ReviewAction,
    ReviewConduct,
    ReviewOutcome,
    ReviewPublic,
    cancel_review,
    conduct_review,
    get_review,
    reinstate_benefit,
    report_change,
    start_review,
    suspend_benefit,
)
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition
from onestop.common.i18n import N_
from onestop.web import pages, questions
from onestop.web.staff import forms, labels
from onestop.web.staff.page import Page, StaffPage

router = APIRouter()

CATEGORIES = {
    ChangeCategory.INCOME.value: N_("Income"),
    ChangeCategory.HOUSEHOLD.value: N_("Who lives in the household"),
    ChangeCategory.ADDRESS.value: N_("Address or housing costs"),
    ChangeCategory.ASSETS.value: N_("Savings or property"),
    ChangeCategory.OTHER.value: N_("Something else"),
}
KINDS = {
    "periodic": N_("Periodic review"),
    "change": N_("Change in circumstances"),
    "investigation": N_("After an investigation"),
}
REVIEW_STATUSES = {
    "scheduled": N_("Scheduled"),
    "due": N_("Due"),
    "in_progress": N_("Under way"),
    "completed": N_("Completed"),
    "cancelled": N_("Cancelled"),
}
RESULTS = {
    "continue": N_("The benefit continues unchanged"),
    "change": N_("The benefit changes"),
    "suspend": N_("The benefit is suspended"),
}


class ChangeForm(forms.PageForm):
    category: str = ""
    description: str = ""
    reported_on: str = ""
    fact: str = ""  # "{version}:{path}" of the fact that changed (optional)
    answer: str = ""  # its new value, as typed
    document_id: str = ""  # a verified document that proves it (optional: verifies it at once)


class ConductForm(forms.PageForm):
    version: str = ""
    action: str = "reassess"  # or "suspend"
    reason: str = ""
    effective_from: str = ""
    note: str = ""


class ReviewActionForm(forms.PageForm):
    version: str = ""
    reason: str = ""


class CancelForm(forms.PageForm):
    version: str = ""
    cancel_reason: str = ""


class HoldForm(forms.PageForm):
    version: str = ""
    reason: str = ""
    effective_from: str = ""


def _version(raw: str) -> int:
    """The version the form was read at; a form without one cannot be checked, so it is refused."""
    if not raw.isdigit():
        raise Conflict("no version given")
    return int(raw)


# --- report a change in circumstances -------------------------------------------------------------


@router.get("/applications/{application_id:uuid}/change")
def change_form(page: Page, application_id: uuid.UUID) -> HTMLResponse:
    """The form: what changed, when it was reported (today by default)."""
    today = page.request.app.state.container.clock.today().isoformat()
    form = ChangeForm(category="income", reported_on=today)
    return _change(page, application_id, forms.Shown(form.model_dump()))


@router.post("/applications/{application_id:uuid}/change")
def change(page: Page, application_id: uuid.UUID, form: forms.Posted[ChangeForm]) -> Response:
    """Record the change: the case reopens for the new facts and a reassessment is due."""

    def act() -> ReviewPublic:
        data = forms.model(
            ChangeReport,
            application_id=application_id,
            category=form.category,
            description=form.description,
            reported_on=forms.form_date(form.reported_on, "reported_on"),
            facts=_new_fact(page, application_id, form),
        )
        return report_change(page.uow, actor=page.actor, data=data)

    def done(review: ReviewPublic) -> Response:
        return page.to(
            f"/staff/reviews/{review.id}",
            N_("The change is recorded. Update the facts, then reassess."),
        )

    def box(field: str) -> str:
        return {"value": "answer", "path": "fact", "facts": "fact"}.get(field.split(".")[-1], field)

    again = functools.partial(_change, page, application_id)
    return page.submit(form, act, done, again, boxes=box, refused={InvalidTransition: 409})


def _new_fact(page: StaffPage, aid: uuid.UUID, form: ChangeForm) -> list[FactIn]:
    """The changed fact, read as the application page reads an answer (none when no fact is chosen)."""
    if not form.fact:
        if form.answer:
            raise InvalidInput("fact", "choose what the new value is for")
        return []
    version, _, path = form.fact.partition(":")
    if not version.isdigit() or not path:
        raise InvalidInput("fact", "choose one of the facts")
    app = get_application(page.uow, actor=page.actor, application_id=aid)
    field = questions.field_for(app.jurisdiction, path, pages.language_of(page.request))
    return [
        forms.model(
            FactIn,
            path=path,
            value=questions.read_answer(field, form.answer),
            document_id=forms.optional_uuid(form.document_id, "document_id"),
            version=int(version),
        )
    ]


# --- a review: start, conduct (reassess or suspend), cancel ---------------------------------------


@router.get("/reviews/{review_id:uuid}")
def review_page(page: Page, review_id: uuid.UUID) -> HTMLResponse:
    """The review, with what can be done next."""
    return _review(page, review_id)


@router.post("/reviews/{review_id:uuid}/start")
def start(page: Page, review_id: uuid.UUID, form: forms.Posted[ReviewActionForm]) -> Response:
    """Start the review: the case reopens so the facts can be brought up to date."""
    return page.submit(
        form,
        lambda: start_review(
            page.uow, actor=page.actor, review_id=review_id, data=ReviewAction(version=_version(form.version))
        ),
        page.then(
            f"/staff/reviews/{review_id}",
            N_("The review is under way. Update the facts, then reassess."),
        ),
        functools.partial(_review, page, review_id),
        refused=forms.CONFLICT,
        explain=forms.conflict_message,
    )


@router.post("/reviews/{review_id:uuid}/conduct")
def conduct(page: Page, review_id: uuid.UUID, form: forms.Posted[ConductForm]) -> Response:
    """Reassess on the verified facts (or suspend, with the reason) and record the new decision."""

    def act() -> ReviewOutcome:
        if form.action not in ("reassess", "suspend"):
            raise InvalidInput("action", "choose reassess or suspend")
        data = forms.model(
            ReviewConduct,
            version=_version(form.version),
            suspend=form.action == "suspend",
            reason=form.reason or None,
            effective_from=forms.form_date(form.effective_from, "effective_from"),
            note=form.note or None,
        )
        return conduct_review(page.uow, actor=page.actor, review_id=review_id, data=data)

    def done(outcome: ReviewOutcome) -> Response:
        return page.to(
            f"/staff/decisions/{outcome.decision.id}",
            N_("The review is done and its decision recorded."),
        )

    again = functools.partial(_review, page, review_id)
    return page.submit(form, act, done, again, refused=forms.CONFLICT, explain=forms.conflict_message)


@router.post("/reviews/{review_id:uuid}/cancel")
def cancel(page: Page, review_id: uuid.UUID, form: forms.Posted[CancelForm]) -> Response:
    """Cancel a review that is no longer needed, with the reason (the page shows the version as it is now)."""

    def act() -> object:
        data = forms.model(ReviewAction, version=_version(form.version), reason=form.cancel_reason)
        return cancel_review(page.uow, actor=page.actor, review_id=review_id, data=data)

    def again(shown: forms.Shown) -> Response:
        kept = {"cancel_reason": shown.values["cancel_reason"]}
        return _review(page, review_id, dataclasses.replace(shown, values=kept))

    done = page.then(f"/staff/reviews/{review_id}", N_("The review is cancelled."))
    return page.submit(
        form,
        act,
        done,
        again,
        boxes=lambda _: "cancel_reason",
        refused=forms.CONFLICT,
        explain=forms.conflict_message,
    )


# --- suspend and reinstate --------------------------------------------------------------------------


@router.get("/applications/{application_id:uuid}/hold")
def hold_page(page: Page, application_id: uuid.UUID) -> HTMLResponse:
    """The decision in force, with the form to suspend it (eligible) or reinstate it (suspended)."""
    return _hold(page, application_id)


@router.post("/applications/{application_id:uuid}/suspend")
def suspend(page: Page, application_id: uuid.UUID, form: forms.Posted[HoldForm]) -> Response:
    """Suspend from a date, with the reason (a new decision; the entitlement ends the day before)."""
    return _hold_step(page, application_id, form, reinstate=False)


@router.post("/applications/{application_id:uuid}/reinstate")
def reinstate(page: Page, application_id: uuid.UUID, form: forms.Posted[HoldForm]) -> Response:
    """Reinstate from a date, with the reason, as the benefit was before the suspension."""
    return _hold_step(page, application_id, form, reinstate=True)


def _hold_step(page: StaffPage, aid: uuid.UUID, form: HoldForm, *, reinstate: bool) -> Response:

    def act() -> DecisionPublic:
        data = forms.model(
            BenefitHold,
            application_id=aid,
            version=_version(form.version),
            reason=form.reason,
            effective_from=forms.form_date(form.effective_from, "effective_from"),
        )
        return (reinstate_benefit if reinstate else suspend_benefit)(page.uow, actor=page.actor, data=data)

    def done(decision: DecisionPublic) -> Response:
        message = N_("The benefit is reinstated.") if reinstate else N_("The benefit is suspended.")
        return page.to(f"/staff/decisions/{decision.id}", message)

    again = functools.partial(_hold, page, aid)
    return page.submit(form, act, done, again, refused=forms.CONFLICT, explain=forms.conflict_message)


# --- pages ------------------------------------------------------------------------------------------


def _words(request: Request) -> dict[str, Any]:
    return {
        "categories": labels.translated(request, CATEGORIES),
        "review_kinds": labels.translated(request, KINDS),
        "review_statuses": labels.translated(request, REVIEW_STATUSES),
        "review_results": labels.translated(request, RESULTS),
    }


def _change(page: StaffPage, aid: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    app = get_application(page.uow, actor=page.actor, application_id=aid)
    language = pages.language_of(page.request)
    facts = [
        (f"{f.version}:{f.path}", questions.field_for(app.jurisdiction, f.path, language).text)
        for f in list_facts(page.uow, actor=page.actor, application_id=aid)
    ]
    documents = [
        (str(d.id), d.filename)
        for d in list_documents(page.uow, actor=page.actor, person_id=app.applicant_id)
        if d.status == "verified"
    ]
    context = {
        "app": app,
        "facts": [("", "–"), *facts],
        "documents": [("", "–"), *documents],
        "log_person": app.applicant_id,
        "page_url": f"/staff/applications/{aid}/change",
        **_words(page.request),
    }
    return page.show("staff/reviews/change.html", context, shown)


def _review(page: StaffPage, rid: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    review = get_review(page.uow, actor=page.actor, review_id=rid)
    context = {
        "review": review,
        "log_person": review.person_id,
        "page_url": f"/staff/reviews/{rid}",
        **_words(page.request),
    }
    return page.show("staff/reviews/review.html", context, shown)


def _hold(page: StaffPage, aid: uuid.UUID, shown: forms.Shown = forms.BLANK) -> HTMLResponse:
    app = get_application(page.uow, actor=page.actor, application_id=aid)
    current = next(
        (d for d in list_decisions(page.uow, actor=page.actor, application_id=aid) if not d.superseded_by_id),
        None,
    )
    context = {
        "app": app,
        "current": current,
        "log_person": app.applicant_id,
        "page_url": f"/staff/applications/{aid}/hold",
    }
    return page.show("staff/reviews/hold.html", context, shown)
