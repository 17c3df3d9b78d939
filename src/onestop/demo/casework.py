"""Casework of the demo office through the cases services: caseloads, screenings, applications at each
stage, decisions (eligible, refused, an override waiting for a supervisor), plans, referrals, tasks,
reviews and an appeal. Each call is one an officer makes on the staff pages."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop.access import Actor
from onestop.cases import (
    appeals,
    applications,
    decisions,
    documents,
    plans,
    referrals,
    reviews,
    screenings,
    tasks,
)
from onestop.cases.appeals import AppealCreate, HearingSchedule
from onestop.cases.applications import ApplicationCreate, ApplicationStatusChange, FactIn, FactVerify
from onestop.cases.decisions import DecisionCreate
from onestop.cases.decisions.schemas import OverrideIn
from onestop.cases.documents import DocumentVerify
from onestop.cases.plans import ActionIn, GoalIn, PlanCreate
from onestop.cases.referrals import ReferralCreate
from onestop.cases.screenings import ScreeningAnswers, ScreeningComplete, ScreeningStart
from onestop.cases.tasks import CaseloadAssign, TaskCreate
from onestop.demo.context import Client, Ctx
from onestop.registry import record_consent
from onestop.registry.schemas import ConsentCreate

PROGRAM = "ab.income_support"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
DOCS = ("identity", "income_proof", "bank_statement", "lease_rent_receipt")
RICH = "25000"  # liquid assets far above the limit: the rules refuse


def take_caseload(ctx: Ctx, officer: Actor, clients: list[Client]) -> None:
    """The officer becomes the primary worker of each client."""
    assert officer.staff_id is not None
    for client in clients:
        tasks.assign_primary_worker(
            ctx.container.uow(),
            actor=officer,
            person_id=client.person_id,
            data=CaseloadAssign(staff_id=officer.staff_id),
        )
    ctx.made.add("caseload", len(clients))


def _age(client: Client, on: dt.date) -> int:
    born = client.birth_date
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def apply(ctx: Ctx, officer: Actor, client: Client, received_on: dt.date, assets: str = "0") -> uuid.UUID:
    """A screening interview, then the application with the answers carried over (unverified)."""
    uow, today = ctx.container.uow, ctx.clock.today()
    interview = screenings.start_screening(
        uow(),
        actor=officer,
        data=ScreeningStart(
            jurisdiction="ca-ab",
            person_id=client.person_id,
            answers={
                "people[p1].role": "applicant",
                "people[p1].age": _age(client, today),
                "unit.resident_of_province": True,
                "unit.no_money_for_food_today": False,
                "unit.no_safe_place_tonight": False,
            },
        ),
    )
    screenings.answer_screening(
        uow(),
        actor=officer,
        session_id=interview.id,
        data=ScreeningAnswers(
            answers={
                "people[p1].monthly_net_employment_income": "0",
                "people[p1].monthly_other_income": "0",
                "unit.liquid_assets": assets,
                "unit.housing": "private",
                "unit.client_type": "expected_to_work",
            },
        ),
    )
    screenings.complete_screening(uow(), actor=officer, session_id=interview.id, data=ScreeningComplete())
    app = applications.create_application(
        uow(),
        actor=officer,
        data=ApplicationCreate(
            program=PROGRAM,
            unit_id=client.unit_id,
            channel=ctx.rng.choice(("in_person", "phone")),
            screening_session_id=interview.id,
            received_on=received_on,
        ),
    )
    ctx.made.add("applications")
    return app.id


def ask_for_documents(ctx: Ctx, officer: Actor, app_id: uuid.UUID) -> None:
    """Documents missing: the officer asks the client for them."""
    applications.request_documents(
        ctx.container.uow(), actor=officer, application_id=app_id, data=ApplicationStatusChange()
    )


def document(ctx: Ctx, officer: Actor, client: Client, app_id: uuid.UUID | None, doc_type: str) -> uuid.UUID:
    """A paper scanned for the client (for an application, or on its own) and verified: its id."""
    n = ctx.made.counts.get("documents", 0)
    doc = documents.upload_document(
        ctx.container.uow(),
        actor=officer,
        storage=ctx.container.storage,
        max_bytes=ctx.container.settings.max_upload_bytes,
        person_id=client.person_id,
        doc_type=doc_type,
        filename=f"{doc_type}.pdf",
        data=PDF + (f"{app_id}:{doc_type}" if app_id else f"{client.person_id}:{doc_type}:{n}").encode(),
        application_id=app_id,
    )
    ctx.made.add("documents")
    return documents.verify_document(
        ctx.container.uow(), actor=officer, document_id=doc.id, data=DocumentVerify(method="seen_original")
    ).id


def make_ready(ctx: Ctx, officer: Actor, client: Client, app_id: uuid.UUID) -> None:
    """The papers are scanned and verified, each fact proved; the application goes to assessment."""
    docs = {t: document(ctx, officer, client, app_id, t) for t in DOCS}
    person = client.person_id
    for path, doc in [
        ("unit.liquid_assets", docs["bank_statement"]),
        (f"people[{person}].monthly_net_employment_income", docs["income_proof"]),
        (f"people[{person}].monthly_other_income", docs["income_proof"]),
        ("unit.housing", docs["lease_rent_receipt"]),
    ]:
        applications.verify_fact(
            ctx.container.uow(),
            actor=officer,
            application_id=app_id,
            data=FactVerify(path=path, document_id=doc),
        )
    applications.record_fact(
        ctx.container.uow(),
        actor=officer,
        application_id=app_id,
        data=FactIn(path="unit.client_type", value="expected_to_work"),
    )
    applications.start_assessment(
        ctx.container.uow(), actor=officer, application_id=app_id, data=ApplicationStatusChange()
    )


def decide(ctx: Ctx, officer: Actor, app_id: uuid.UUID) -> decisions.DecisionPublic:
    """Decide on the rules (eligible, or refused for the assets)."""
    outcome = decisions.decide_application(
        ctx.container.uow(), actor=officer, data=DecisionCreate(application_id=app_id)
    ).decision
    assert outcome is not None
    ctx.made.add(f"decisions_{outcome.outcome}")
    return outcome


def ask_override(ctx: Ctx, officer: Actor, app_id: uuid.UUID, monthly: str) -> uuid.UUID:
    """The officer proposes more than the rules give; it waits for a supervisor."""
    result = decisions.decide_application(
        ctx.container.uow(),
        actor=officer,
        data=DecisionCreate(
            application_id=app_id,
            override=OverrideIn(
                outcome="eligible",
                monthly_amount=monthly,
                reason="special diet costs confirmed by the client's doctor",
            ),
        ),
    )
    assert result.pending_override is not None
    ctx.made.add("override_requests")
    return result.pending_override.id


def plan_and_refer(ctx: Ctx, officer: Actor, client: Client) -> None:
    """An outcome plan with dated actions, and a referral (with consent) that brings a follow-up task."""
    today = ctx.clock.today()
    plans.create_plan(
        ctx.container.uow(),
        actor=officer,
        data=PlanCreate(
            person_id=client.person_id,
            unit_id=client.unit_id,
            title="Back to work",
            goals=[GoalIn(text="Find full-time work within six months")],
            actions=[
                ActionIn(
                    text="Attend a career and employment assessment",
                    owner="client",
                    due_on=today + dt.timedelta(days=ctx.rng.randint(10, 40)),
                    goal_id="G1",
                ),
                ActionIn(
                    text="Update the resume with the employment counsellor",
                    owner="officer",
                    due_on=today + dt.timedelta(days=ctx.rng.randint(20, 60)),
                    goal_id="G1",
                ),
            ],
        ),
    )
    record_consent(
        ctx.container.uow(),
        actor=officer,
        person_id=client.person_id,
        data=ConsentCreate(
            recipient="ab.employment_training",
            purpose="referral to employment and training services",
        ),
    )
    referrals.refer(
        ctx.container.uow(),
        actor=officer,
        data=ReferralCreate(
            person_id=client.person_id,
            kind="external",
            target_id="ab.employment_training",
            target_name="Employment and Training Services",
            reason="looking for work; wants a career assessment",
            shared=["identity", "contact"],
            follow_up_on=today + dt.timedelta(days=ctx.rng.randint(5, 30)),
        ),
    )
    ctx.made.add("plans")
    ctx.made.add("referrals")


TASKS = (
    ("Call back about the rent receipt", "follow_up"),
    ("Check the bank statement the client promised", "follow_up"),
    ("Book a case conference", "follow_up"),
    ("Return the client's call about the payment date", "callback"),
)


LEAD_TASKS = {
    "supervisor": (("Sign off the case conference notes", "follow_up"), ("Call the client back", "callback")),
    "specialist": (
        ("Look into the tip about undeclared income", "follow_up"),
        ("Ask the bank for the statements", "follow_up"),
    ),
}


def add_task(
    ctx: Ctx, officer: Actor, client: Client, due_on: dt.date, n: int, tasks_of: str = "officer"
) -> None:
    """A task the staff member set for a day (it is overdue, due today or later by the real date)."""
    titles = LEAD_TASKS.get(tasks_of, TASKS)
    title, kind = titles[n % len(titles)]
    tasks.create_task(
        ctx.container.uow(),
        actor=officer,
        data=TaskCreate(
            kind=kind,
            title=title,
            person_id=client.person_id,
            due_on=due_on,
            priority="high" if n % 3 == 0 else "normal",
        ),
    )
    ctx.made.add("tasks")


def open_due_reviews(ctx: Ctx) -> int:
    """The nightly job: reviews come due and get their tasks."""
    opened = reviews.open_due_reviews(ctx.container.uow(), actor=Actor.system("scheduler"))
    return len(opened)


def appeal(ctx: Ctx, officer: Actor, decision_id: uuid.UUID, hearing_on: dt.date) -> uuid.UUID:
    """The refused client appeals; the hearing is scheduled."""
    filed = appeals.file_appeal(
        ctx.container.uow(),
        actor=officer,
        data=AppealCreate(
            decision_id=decision_id,
            grounds="the savings are held in trust for a child and are not mine",
        ),
    )
    appeals.schedule_hearing(
        ctx.container.uow(),
        actor=officer,
        appeal_id=filed.id,
        data=HearingSchedule(
            hearing_on=hearing_on,
            panel=["Chair A. Martin", "Member J. Roy", "Member P. Singh"],
            location="Edmonton Appeals Centre, room 3",
        ),
    )
    ctx.made.add("appeals")
    return filed.id


def report_income(ctx: Ctx, officer: Actor, client: Client, app_id: uuid.UUID, monthly: str) -> None:
    """The client reports part-time work: the officer reopens the decided application and records the
    new income with the pay stub. The decision in force stays until the officer decides again (the
    re-assessment run finds the household changed)."""
    applications.reopen_application(
        ctx.container.uow(),
        actor=officer,
        application_id=app_id,
        data=ApplicationStatusChange(reason="client reported part-time work"),
    )
    stub = document(ctx, officer, client, app_id, "income_proof")
    applications.record_fact(
        ctx.container.uow(),
        actor=officer,
        application_id=app_id,
        data=FactIn(
            path=f"people[{client.person_id}].monthly_net_employment_income", value=monthly, document_id=stub
        ),
    )
    ctx.made.add("reported_changes")
