"""A realistic day at an Alberta Supports counter, end to end on both databases.

A walk-in client is searched for (not found) and registered, screened in a screening interview, applies
for Income Support, brings documents that the officer uploads and verifies, and is decided eligible for
the published amount (single, expected to work, no income: 459.00 core essential + 365.00 core shelter =
824.00 a month, 2024 rates still in force). The officer writes an outcome plan, refers the client to
employment services with her consent, and logs the visit. A year later the periodic review comes due:
its task appears in the officer's list for the day, and the review re-evaluates eligibility.
"""

from __future__ import annotations

import datetime as dt

from onestop import money
from onestop.access import Actor, Role
from onestop.bootstrap import Container
from onestop.cases import (
    applications,
    client360,
    decisions,
    documents,
    interactions,
    plans,
    referrals,
    reviews,
    screenings,
    tasks,
)
from onestop.cases.applications import ApplicationCreate, ApplicationStatusChange, FactIn, FactVerify
from onestop.cases.decisions import DecisionCreate
from onestop.cases.documents import DocumentVerify
from onestop.cases.interactions import InteractionCreate
from onestop.cases.plans import ActionIn, GoalIn, PlanCreate
from onestop.cases.referrals import ReferralCreate
from onestop.cases.reviews import ReviewConduct
from onestop.cases.screenings import ScreeningAnswers, ScreeningComplete, ScreeningStart
from onestop.registry import create_unit, record_consent, register_person, search_people
from onestop.registry.schemas import ConsentCreate, MemberIn, PersonCreate, SearchQuery, UnitCreate
from tests.integration.cases.factories import make_office, make_worker

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
PUBLISHED_2024 = {"core_essential": "459.00", "core_shelter": "365.00", "monthly_amount": "824.00"}


def _document(container: Container, officer: Actor, person: object, app: object, doc_type: str) -> object:
    """The client hands over a paper; the officer scans it, sees the original, and verifies it."""
    doc = documents.upload_document(
        container.uow(),
        actor=officer,
        storage=container.storage,
        max_bytes=container.settings.max_upload_bytes,
        person_id=person,
        doc_type=doc_type,
        filename=f"{doc_type}.pdf",
        data=PDF + doc_type.encode(),
        application_id=app,
    )
    return documents.verify_document(
        container.uow(), actor=officer, document_id=doc.id, data=DocumentVerify(method="seen_original")
    ).id


def test_a_realistic_day(container: Container) -> None:
    office = make_office(container, name="Edmonton Centre")
    officer = make_worker(container, Role.OFFICER, office=office, username="services.coordinator")
    me = officer.actor
    uow = container.uow

    # 9:30 A walk-in. The officer searches the registry first: she is not known.
    assert (
        search_people(uow(), actor=me, query=SearchQuery(name="Maria Lopez", birth_date=dt.date(1992, 7, 14)))
        == []
    )
    person = register_person(
        uow(),
        actor=me,
        data=PersonCreate(
            given_names="Maria",
            family_name="Lopez",
            birth_date=dt.date(1992, 7, 14),
            language="en",
        ),
    ).id
    unit = create_unit(
        uow(),
        actor=me,
        data=UnitCreate(
            label="Lopez",
            members=[MemberIn(person_id=person, role="applicant", joined_on=dt.date(2026, 3, 2))],
        ),
    ).id

    # 9:40 A screening interview: who she is, where she lives, what she has.
    interview = screenings.start_screening(
        uow(),
        actor=me,
        data=ScreeningStart(
            jurisdiction="ca-ab",
            person_id=person,
            answers={
                "people[p1].role": "applicant",
                "people[p1].age": 33,
                "unit.resident_of_province": True,
                "unit.no_money_for_food_today": False,
                "unit.no_safe_place_tonight": False,
            },
        ),
    )
    interview = screenings.answer_screening(
        uow(),
        actor=me,
        session_id=interview.id,
        data=ScreeningAnswers(
            answers={
                "people[p1].monthly_net_employment_income": "0",
                "people[p1].monthly_other_income": "0",
                "unit.liquid_assets": "0",
                "unit.housing": "private",
                "unit.client_type": "expected_to_work",
            },
        ),
    )
    suggested = {r["program"]: r for r in interview.results}
    assert suggested["ab.income_support"]["status"] == "likely_eligible"
    assert suggested["ab.income_support"]["monthly_amount"] == "824.00"
    interview = screenings.complete_screening(
        uow(), actor=me, session_id=interview.id, data=ScreeningComplete()
    )

    # 9:55 She applies for Income Support; what she said in the interview is carried over, unverified.
    app = applications.create_application(
        uow(),
        actor=me,
        data=ApplicationCreate(
            program="ab.income_support",
            unit_id=unit,
            channel="in_person",
            screening_session_id=interview.id,
        ),
    )
    carried = applications.list_facts(uow(), actor=me, application_id=app.id)
    assert {f.path for f in carried} >= {"unit.liquid_assets", f"people[{person}].monthly_other_income"}
    assert not any(f.verified for f in carried)
    missing = applications.get_checklist(uow(), actor=me, application_id=app.id).missing
    assert {i.doc_type for i in missing} == {
        "identity",
        "income_proof",
        "bank_statement",
        "lease_rent_receipt",
    }

    # 10:10 She had brought her papers: each is scanned, seen in original, verified, and proves its fact.
    _document(container, me, person, app.id, "identity")
    pay = _document(container, me, person, app.id, "income_proof")  # a signed declaration of no income
    bank = _document(container, me, person, app.id, "bank_statement")
    lease = _document(container, me, person, app.id, "lease_rent_receipt")
    for path, doc in [
        ("unit.liquid_assets", bank),
        (f"people[{person}].monthly_net_employment_income", pay),
        (f"people[{person}].monthly_other_income", pay),
        ("unit.housing", lease),
    ]:
        applications.verify_fact(
            uow(), actor=me, application_id=app.id, data=FactVerify(path=path, document_id=doc)
        )
    applications.record_fact(
        uow(), actor=me, application_id=app.id, data=FactIn(path="unit.client_type", value="expected_to_work")
    )
    assert applications.get_checklist(uow(), actor=me, application_id=app.id).missing == []
    applications.start_assessment(uow(), actor=me, application_id=app.id, data=ApplicationStatusChange())

    # 10:25 Decided: eligible, for the published amount.
    decision = decisions.decide_application(
        uow(), actor=me, data=DecisionCreate(application_id=app.id)
    ).decision
    assert decision is not None
    assert (decision.outcome, decision.action, decision.monthly_amount) == ("eligible", "grant", "824.00")
    assert {k: decision.amounts[k] for k in ("core_essential", "core_shelter")} == {
        k: PUBLISHED_2024[k] for k in ("core_essential", "core_shelter")
    }
    used = {p["name"]: p for p in decision.parameters}
    assert used["ab.income_support.core_essential"]["effective"] == "2024-01-01"
    assert used["ab.income_support.core_essential"]["value"] == "459.00"
    assert all(v["verified"] for v in decision.provenance.values())
    assert "824.00 $" in decision.text_en and "824,00 $" in decision.text_fr
    [entitlement] = money.list_entitlements(uow(), actor=me, unit_id=unit)
    assert (entitlement.amount_cents, entitlement.decision_id) == (82400, decision.id)

    # 10:35 An outcome plan, and a referral to employment services with her consent to share.
    plan = plans.create_plan(
        uow(),
        actor=me,
        data=PlanCreate(
            person_id=person,
            unit_id=unit,
            title="Back to work",
            goals=[GoalIn(text="Find full-time work within six months")],
            actions=[
                ActionIn(
                    text="Attend a career and employment assessment",
                    owner="client",
                    due_on=dt.date(2026, 3, 20),
                    goal_id="G1",
                )
            ],
        ),
    )
    record_consent(
        uow(),
        actor=me,
        person_id=person,
        data=ConsentCreate(
            recipient="ab.employment_training",
            purpose="referral to employment and training services",
        ),
    )
    referral = referrals.refer(
        uow(),
        actor=me,
        data=ReferralCreate(
            person_id=person,
            kind="external",
            target_id="ab.employment_training",
            target_name="Employment and Training Services",
            reason="looking for work; wants a career assessment",
            shared=["identity", "contact"],
        ),
    )
    assert referral.consent_id is not None

    # 10:45 The visit is logged.
    interactions.log_interaction(
        uow(),
        actor=me,
        data=InteractionCreate(
            channel="walk_in",
            reason_codes=["apply_for_benefits", "documents"],
            person_id=person,
            duration_seconds=75 * 60,
            notes="screened, applied, documents verified, decided, plan, referral",
        ),
    )

    # Her file shows it all in one read.
    file = client360.client_360(uow(), actor=me, person_id=person)
    assert [d["monthly_amount"] for d in file.decisions] == ["824.00"]
    assert [r.due_on for r in file.reviews_due] == [dt.date(2027, 3, 2)]  # type: ignore[attr-defined]
    assert [p.id for p in file.plans] == [plan.id] and [r.id for r in file.referrals] == [referral.id]
    assert file.interactions["total"] == 1 and file.applications == []  # nothing left undecided

    # A year later. The nightly job opens the reviews that came due; this one lands in her officer's list.
    container.clock.advance(dt.timedelta(days=365))
    [review] = reviews.open_due_reviews(uow(), actor=Actor.system("scheduler"))
    today = tasks.list_tasks(uow(), actor=me, view="due_today")
    [task] = [t for t in today.items if t.kind == "review_due"]
    assert (task.id, task.person_id, task.assignee_id) == (review.task_id, person, officer.id)

    # The review re-evaluates on the data as they now stand: nothing changed, the benefit continues.
    outcome = reviews.conduct_review(uow(), actor=me, review_id=review.id, data=ReviewConduct())
    assert (outcome.review.result, outcome.decision.action, outcome.decision.monthly_amount) == (
        "continue",
        "continue",
        "824.00",
    )
    assert outcome.decision.supersedes_id == decision.id
    assert tasks.list_tasks(uow(), actor=me, view="due_today").items == []
    history = decisions.list_decisions(uow(), actor=me, application_id=app.id)
    assert [(d.seq, d.basis, d.superseded_by_id is None) for d in history] == [
        (2, "review", True),
        (1, "application", False),
    ]
