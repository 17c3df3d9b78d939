"""``onestop cases`` commands from screening interviews to appeals (applications, decisions, reviews...).

``cli/cases.py`` adds these to the one ``cases`` group (they were ``onestop casework`` before).

Run on the server's shell, acting as the system "cli" (audited as such). Answers and facts are given
as ``path=value`` in the case-format vocabulary (``unit.liquid_assets=0.00``); values are read as
JSON when they parse (``true``, ``34``), else as text. Ids are printed so they can be reused.
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

import typer
from pydantic import BaseModel, ValidationError

from onestop.cases import appeals, applications, decisions, investigations, reviews, screenings
from onestop.cli.common import call, dump, handles_errors
from onestop.common.dates import parse_date
from onestop.common.errors import InvalidInput
from onestop.common.ids import parse_id

M = TypeVar("M", bound=BaseModel)

app = typer.Typer(
    help="Screening interviews, applications, decisions, reviews, investigations, appeals.",
    no_args_is_help=True,
)


def _model(kind: type[M], **values: Any) -> M:
    """Build an input model; a pydantic error becomes InvalidInput naming the field (exit 2)."""
    try:
        return kind(**values)
    except ValidationError as err:
        first = err.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ())) or kind.__name__
        raise InvalidInput(field, first.get("msg", "invalid")) from None


def _pairs(items: list[str], field: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in items:
        path, sep, raw = item.partition("=")
        if not sep:
            raise InvalidInput(field, f"must be path=value, not {item!r}")
        try:
            out[path.strip()] = json.loads(raw)
        except json.JSONDecodeError:
            out[path.strip()] = raw
    return out


@app.command("screen-start")
@handles_errors
def screen_start(
    jurisdiction: str = typer.Argument(..., help="ca-ab or ca-nl."),
    answer: list[str] = typer.Option([], "--answer", help="path=value; repeat for several."),
    person: str | None = typer.Option(None, "--person", help="Person id (anonymous when omitted)."),
) -> None:
    """Start a screening interview; prints the interview with its next questions."""
    data = _model(
        screenings.ScreeningStart,
        jurisdiction=jurisdiction,
        answers=_pairs(answer, "answer"),
        person_id=parse_id(person, field="person") if person else None,
    )
    dump(call(screenings.start_screening, data=data))


@app.command("screen-answer")
@handles_errors
def screen_answer(
    session: str = typer.Argument(..., help="Interview id."),
    answer: list[str] = typer.Option(..., "--answer", help="path=value; repeat for several."),
) -> None:
    """Answer questions of an interview (a new step)."""
    data = _model(screenings.ScreeningAnswers, answers=_pairs(answer, "answer"))
    sid = parse_id(session, field="session")
    dump(call(screenings.answer_screening, session_id=sid, data=data))


@app.command("screen-show")
@handles_errors
def screen_show(session: str = typer.Argument(..., help="Interview id.")) -> None:
    """Resume an interview: the case so far, the results and the next questions."""
    sid = parse_id(session, field="session")
    dump(call(screenings.resume_screening, session_id=sid))


@app.command("apply")
@handles_errors
def apply(
    program: str = typer.Option(..., "--program", help="Program id, e.g. ab.income_support."),
    unit: str = typer.Option(..., "--unit", help="Benefit unit id."),
    channel: str = typer.Option("in_person", "--channel"),
    received_on: str | None = typer.Option(None, "--received-on", help="YYYY-MM-DD (default today)."),
    screening: str | None = typer.Option(None, "--screening", help="Interview whose answers to carry over."),
) -> None:
    """Receive an application."""
    data = _model(
        applications.ApplicationCreate,
        program=program,
        unit_id=parse_id(unit, field="unit"),
        channel=channel,
        received_on=parse_date(received_on, field="received-on") if received_on else None,
        screening_session_id=parse_id(screening, field="screening") if screening else None,
    )
    dump(call(applications.create_application, data=data))


@app.command("fact")
@handles_errors
def fact(
    application: str = typer.Argument(..., help="Application id."),
    pair: str = typer.Argument(..., help="path=value"),
    document: str | None = typer.Option(None, "--document", help="A verified document that proves it."),
) -> None:
    """Record a fact of the case."""
    ((path, value),) = _pairs([pair], "fact").items()
    doc = parse_id(document, field="document") if document else None
    data = _model(applications.FactIn, path=path, value=value, document_id=doc)
    app_id = parse_id(application, field="application")
    dump(call(applications.record_fact, application_id=app_id, data=data))


@app.command("checklist")
@handles_errors
def checklist(
    application: str = typer.Argument(..., help="Application id."),
    lang: str = typer.Option("en", "--lang", help="en or fr."),
) -> None:
    """The documents the application needs, and how to obtain the missing ones."""
    found = call(applications.get_checklist, application_id=parse_id(application, field="application"))
    for item in found.items:
        who = f" ({item.person_id})" if item.person_id else ""
        typer.echo(f"[{item.status:>8}] {item.label.get(lang, item.label['en'])}{who}")
        if item.status != "verified":
            typer.echo(f"           {item.how_to_obtain.get(lang, item.how_to_obtain['en'])}")


@app.command("assess")
@handles_errors
def assess(application: str = typer.Argument(..., help="Application id.")) -> None:
    """Start the assessment, then show what the rules say on the verified data."""
    app_id = parse_id(application, field="application")
    call(applications.start_assessment, application_id=app_id, data=applications.ApplicationStatusChange())
    dump(call(applications.assess_application, application_id=app_id))


@app.command("decide")
@handles_errors
def decide(
    application: str = typer.Argument(..., help="Application id."),
    effective_from: str | None = typer.Option(None, "--effective-from", help="YYYY-MM-DD."),
    override: str | None = typer.Option(None, "--override", help="eligible or ineligible."),
    amount: str | None = typer.Option(None, "--amount", help="Monthly amount of an override to eligible."),
    reason: str | None = typer.Option(None, "--reason", help="Why the override (required with it)."),
    lang: str = typer.Option("en", "--lang", help="Language of the printed decision: en or fr."),
) -> None:
    """Decide an application on its verified facts; prints the decision's text."""
    data = _model(
        decisions.DecisionCreate,
        application_id=parse_id(application, field="application"),
        effective_from=parse_date(effective_from, field="effective-from") if effective_from else None,
        override=_model(decisions.OverrideIn, outcome=override, monthly_amount=amount, reason=reason or "")
        if override
        else None,
    )
    outcome = call(decisions.decide_application, data=data)
    if outcome.decision is None:
        return dump(outcome.pending_override)
    typer.echo(f"decision {outcome.decision.id}")
    typer.echo(outcome.decision.text_fr if lang == "fr" else outcome.decision.text_en)


@app.command("decision")
@handles_errors
def decision(
    decision_id: str = typer.Argument(..., help="Decision id."),
    lang: str = typer.Option("en", "--lang", help="en or fr."),
) -> None:
    """Print a decision as the client reads it."""
    found = call(decisions.get_decision, decision_id=parse_id(decision_id, field="id"))
    typer.echo(found.text_fr if lang == "fr" else found.text_en)


@app.command("reviews-due")
@handles_errors
def reviews_due() -> None:
    """The scheduled job: periodic reviews now due get a task for their officer."""
    opened = call(reviews.open_due_reviews)
    typer.echo(f"{len(opened)} review(s) now due")
    for review in opened:
        typer.echo(f"  {review.id}  {review.program}  due {review.due_on}  task {review.task_id}")


@app.command("conduct-review")
@handles_errors
def conduct_review(
    review: str = typer.Argument(..., help="Review id."),
    suspend: bool = typer.Option(False, "--suspend", help="Suspend instead of re-evaluating."),
    reason: str | None = typer.Option(None, "--reason"),
) -> None:
    """Re-evaluate on the current verified data and record the result as a new decision."""
    data = _model(reviews.ReviewConduct, suspend=suspend, reason=reason)
    rid = parse_id(review, field="review")
    dump(call(reviews.conduct_review, review_id=rid, data=data))


@app.command("appeal")
@handles_errors
def appeal(
    decision_id: str = typer.Argument(..., help="Decision id."),
    grounds: str = typer.Option(..., "--grounds"),
    filed_on: str | None = typer.Option(None, "--filed-on", help="YYYY-MM-DD (default today)."),
    late_reason: str | None = typer.Option(None, "--late-reason", help="Required past the deadline."),
) -> None:
    """File an appeal of a decision."""
    data = _model(
        appeals.AppealCreate,
        decision_id=parse_id(decision_id, field="decision"),
        grounds=grounds,
        late_reason=late_reason,
        filed_on=parse_date(filed_on, field="filed-on") if filed_on else None,
    )
    dump(call(appeals.file_appeal, data=data))


@app.command("investigation")
@handles_errors
def investigation(investigation_id: str = typer.Argument(..., help="Investigation id.")) -> None:
    """Show an investigation with its evidence and interviews."""
    iid = parse_id(investigation_id, field="id")
    dump(call(investigations.get_investigation, investigation_id=iid))
