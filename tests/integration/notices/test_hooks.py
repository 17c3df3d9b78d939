"""Every event the issue names queues its letter in its own transaction (issue 15, parts 1 and 2).

Each test drives the owning area's service, then looks in the outbox for the letter of that kind about
that record; a transaction that does not commit leaves no letter.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from onestop import money, notices
from onestop.bootstrap import Container
from onestop.cases import appeals, applications, decisions, referrals, reviews
from onestop.cases.appeals import AppealCreate, AppealDecide, AppealResult, HearingSchedule
from onestop.cases.applications import ApplicationStatusChange, FactIn
from onestop.cases.decisions import DecisionCreate
from onestop.cases.referrals import ReferralCreate
from onestop.cases.reviews import BenefitHold, ChangeReport, ReviewConduct
from onestop.notices.models import Notice
from onestop.registry import record_consent
from onestop.registry.schemas import ConsentCreate
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    make_unit,
    verified_document,
)
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import SYSTEM


def _letters(container: Container, person: uuid.UUID) -> list[tuple[str, uuid.UUID | None]]:
    """(kind, subject) of the person's letters, oldest first."""
    with container.uow() as uow:
        rows = uow.session.execute(
            select(Notice.kind, Notice.subject_id)
            .where(Notice.person_id == person)
            .order_by(Notice.created_at, Notice.kind)
        ).all()
        return [(k, s) for k, s in rows]


def _decided(
    container: Container, team: Team, person: uuid.UUID, income: str | None = None
) -> decisions.DecisionPublic:
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    if income is None:
        eligible_single(container, team.officer.actor, person, app)
    else:
        eligible_single(container, team.officer.actor, person, app, income=income)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return out.decision


def test_a_grant_a_change_a_suspension_a_reinstatement_and_a_due_review_each_send_their_letter(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    granted = _decided(container, team, person)
    assert ("decision_eligible", granted.id) in _letters(container, person)

    container.clock.advance(dt.timedelta(days=40))  # type: ignore[attr-defined]
    pay = verified_document(container, officer, person, "income_proof")
    change = ChangeReport(
        application_id=granted.application_id,
        category="income",
        description="started part-time work",
        facts=[FactIn(path=f"people[{person}].monthly_net_employment_income", value="500", document_id=pay)],
    )
    review = reviews.report_change(container.uow(), actor=officer, data=change)
    changed = reviews.conduct_review(
        container.uow(), actor=officer, review_id=review.id, data=ReviewConduct()
    )
    assert changed.decision is not None
    assert ("benefit_changed", changed.decision.id) in _letters(container, person)

    hold = BenefitHold(application_id=granted.application_id, reason="did not attend the review")
    held = reviews.suspend_benefit(container.uow(), actor=officer, data=hold)
    assert ("suspended", held.id) in _letters(container, person)
    back = reviews.reinstate_benefit(
        container.uow(),
        actor=officer,
        data=BenefitHold(application_id=granted.application_id, reason="came in"),
    )
    assert ("reinstated", back.id) in _letters(container, person)

    container.clock.advance(dt.timedelta(days=400))  # type: ignore[attr-defined]
    opened = reviews.open_due_reviews(container.uow(), actor=SYSTEM)
    assert opened and ("review_due", opened[0].id) in _letters(container, person)


def test_a_refusal_its_appeal_and_the_appeal_outcome_each_send_their_letter(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    refusal = _decided(container, team, person, income="3000.00")
    assert refusal.outcome == "ineligible" and ("decision_refused", refusal.id) in _letters(container, person)
    appeal = appeals.file_appeal(
        container.uow(), actor=officer, data=AppealCreate(decision_id=refusal.id, grounds="my job ended")
    )
    assert ("appeal_received", appeal.id) in _letters(container, person)
    when = container.clock.today() + dt.timedelta(days=14)
    appeals.schedule_hearing(
        container.uow(),
        actor=officer,
        appeal_id=appeal.id,
        data=HearingSchedule(hearing_on=when, panel=["A. Chair"], location="Edmonton"),
    )
    container.clock.advance(dt.timedelta(days=14))  # type: ignore[attr-defined]
    out = appeals.record_outcome(
        container.uow(),
        actor=officer,
        appeal_id=appeal.id,
        data=AppealDecide(
            outcome="overturned", reason="income had ended", result=AppealResult(monthly_amount="824.00")
        ),
    )
    assert out.decision is not None and ("appeal_outcome", out.decision.id) in _letters(container, person)


def test_documents_requested_and_a_referral_each_send_their_letter(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person))
    applications.request_documents(
        container.uow(),
        actor=officer,
        application_id=app.id,
        data=ApplicationStatusChange(version=app.version),
    )
    assert ("documents_requested", app.id) in _letters(container, person)
    record_consent(
        container.uow(),
        actor=officer,
        person_id=person,
        data=ConsentCreate(recipient="ext.ei", purpose="Employment Insurance application support"),
    )
    sent = referrals.refer(
        container.uow(),
        actor=officer,
        data=ReferralCreate.model_validate(
            {
                "person_id": person,
                "target_id": "ext.ei",
                "target_name": "Service Canada (EI)",
                "reason": "Lost job",
                "shared": ["identity"],
            }
        ),
    )
    assert ("referral_made", sent.id) in _letters(container, person)


def test_an_overpayment_and_a_one_off_payment_each_send_their_letter(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    unit = make_unit(container, person)
    op = money.create_overpayment(
        container.uow(),
        actor=officer,
        data=money.OverpaymentCreate(
            unit_id=unit,
            program="ab.income_support",
            amount="120.00",
            source="manual",
            reason="income not reported",
        ),
    )
    assert ("overpayment", op.id) in _letters(container, person)
    payee = money.create_payee(
        container.uow(),
        actor=SYSTEM,
        data=money.PayeeCreate(kind="client", name="Ana Client", person_id=person),
    )
    paid = money.issue_payment(
        container.uow(),
        actor=officer,
        data=money.IssuanceCreate(
            payment_type="emergency_funds",
            program="ab.income_support",
            unit_id=unit,
            payee_id=payee.id,
            amount="150.00",
            method="cheque",
            pay_date=container.clock.today(),
            explanation="no food",
        ),
    )
    assert paid.state == "approved" and ("payment_advice", paid.id) in _letters(container, person)
    with container.uow() as uow:
        row = uow.session.scalars(select(Notice).where(Notice.subject_id == paid.id)).one()
        text = notices.get_notice(uow, actor=officer, notice_id=row.id).text
    assert "We are sending you $150.00 for Income Support." in text and "It will go to you by cheque." in text


def test_a_payment_beyond_authority_sends_its_advice_only_once_approved(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    unit = make_unit(container, person)
    payee = money.create_payee(
        container.uow(),
        actor=SYSTEM,
        data=money.PayeeCreate(kind="client", name="Ana Client", person_id=person),
    )
    asked = money.issue_payment(
        container.uow(),
        actor=team.officer.actor,
        data=money.IssuanceCreate(
            payment_type="emergency_funds",
            program="ab.income_support",
            unit_id=unit,
            payee_id=payee.id,
            amount="1500.00",
            method="cheque",
            pay_date=container.clock.today(),
            explanation="fire",
        ),
    )
    assert asked.state == "pending_approval" and _letters(container, person) == []
    [request] = [
        r
        for r in money.list_approvals(container.uow(), actor=team.supervisor.actor)
        if r.subject_id == asked.id
    ]
    money.decide_approval(container.uow(), actor=team.supervisor.actor, approval_id=request.id, approve=True)
    assert _letters(container, person) == [("payment_advice", asked.id)]


def test_no_commit_no_letter(container: Container, person: uuid.UUID) -> None:
    uow = container.uow()
    with uow:
        notices.queue_notice(
            uow,
            person_id=person,
            kind=notices.Kind.REVIEW_DUE,
            params={},
            subject_type="review",
            subject_id=None,
            created_by="tests",
        )
        uow.flush()  # written, then rolled back when the block ends without a commit
    assert _letters(container, person) == []
