"""``onestop demo load`` builds a working office through the real services (SQLite, one load per module).

The load takes tens of seconds, so one demo database is built for the module and read by every test;
a second one, with the same seed, checks the load is reproducible.
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from typer.testing import CliRunner

from onestop import bootstrap, money, reports
from onestop.access import Actor, Role, create_office, create_staff
from onestop.access.grants import RoleGrant
from onestop.audit.models import AuditEvent
from onestop.batch.models import BatchRow, BatchRun
from onestop.bootstrap import Container
from onestop.cases.appeals.models import Appeal
from onestop.cases.applications.models import Application
from onestop.cases.decisions.models import Decision, OverrideRequest
from onestop.cases.documents.models import Document
from onestop.cases.interactions.models import Interaction
from onestop.cases.investigations.models import Investigation
from onestop.cases.referrals.models import CaseConference
from onestop.cases.reviews.models import Review
from onestop.cases.tasks import list_tasks
from onestop.cases.tasks.models import CaseloadAssignment, Task
from onestop.cli import common
from onestop.cli.main import app as cli
from onestop.clients.models import ClientAccount
from onestop.common.clock import FixedClock
from onestop.config import Settings
from onestop.db import migrate
from onestop.demo import LoadReport, load_demo
from onestop.demo.guide import demo_guide
from onestop.demo.portal import HEALTH_EMAIL, HEALTH_PASSWORD
from onestop.health.models import (
    Coverage,
    DrugCard,
    HealthClaim,
    McpRegistration,
    SpecialAuthorization,
    Travel,
)
from onestop.money.models import ApprovalRequest, Budget, Invoice, Issuance, Overpayment, Payee, PaymentBatch
from onestop.notices.models import Notice
from onestop.privacy.models import Breach, BreachAction, PrivacyRequest
from onestop.registry.models import DuplicateSuggestion, FileAccessGrant, PersonRestriction
from onestop.web.app import create_app
from tests.conftest import NOW, TEST_FIELD_KEY
from tests.functional.portal.conftest import sign_in as portal_sign_in
from tests.functional.staff.conftest import sign_in

PEOPLE, SEED = 200, 4242
TODAY = NOW.date()


def _demo_container(folder: Path) -> Container:
    settings = Settings(var_dir=folder, field_key=TEST_FIELD_KEY, secret_key="test-secret-" + "x" * 32)
    built = bootstrap.build(settings, clock=FixedClock(NOW))
    migrate.upgrade(built.engine)
    return built


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Container, LoadReport]]:
    """A demo database loaded once for the module."""
    built = _demo_container(tmp_path_factory.mktemp("demo"))
    report = load_demo(built, people=PEOPLE, seed=SEED)
    yield built, report
    built.engine.dispose()


def _count(c: Container, model: type, *where: Any) -> int:
    with c.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_every_stage_of_the_office_is_there(demo: tuple[Container, LoadReport]) -> None:
    c, report = demo
    assert report.office["contacts"] > 150 and report.portal_login is not None
    statuses = collections.Counter(_column(c, Application.status))
    assert statuses["received"] >= 3  # screened (two by officers, one online)
    assert statuses["pending_documents"] >= 2
    assert statuses["in_assessment"] >= 3  # ready to decide, and the one whose override waits
    assert statuses["decided"] >= 10
    outcomes = collections.Counter(_column(c, Decision.outcome))
    assert outcomes["eligible"] >= 8 and outcomes["ineligible"] >= 3
    assert _count(c, OverrideRequest, OverrideRequest.status == "pending") == 1
    assert _count(c, CaseloadAssignment) >= 20
    assert _count(c, Appeal, Appeal.hearing_on > TODAY) == 1
    assert _count(c, ClientAccount, ClientAccount.verified_at.is_not(None)) == 2  # AB applicant, NL client


def test_a_restricted_file_and_a_break_glass_access_wait_for_review(
    demo: tuple[Container, LoadReport],
) -> None:
    c, report = demo
    with c.uow() as uow:
        [restriction] = uow.session.scalars(select(PersonRestriction)).all()
        [grant] = uow.session.scalars(select(FileAccessGrant)).all()
        assert restriction.kind == "confidential_address" and restriction.set_by == "supervisor"
        assert grant.person_id == restriction.person_id and grant.reviewed_at is None
        assert grant.username == "officer"
    assert report.office["file_accesses_to_review"] == 1


def _column(c: Container, column: Any) -> list[Any]:
    with c.uow() as uow:
        return list(uow.session.scalars(select(column)).all())


def test_contacts_cover_six_weeks_of_channels_and_reasons(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    with c.uow() as uow:
        rows = uow.session.execute(select(Interaction.occurred_at, Interaction.channel)).all()
    days = {at.date() for at, _ in rows}
    assert min(days) <= TODAY - dt.timedelta(days=38) and max(days) < TODAY
    assert len({ch for _, ch in rows}) >= 4


def test_the_inbox_has_emails_waiting_and_one_answered(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    with c.uow() as uow:
        waiting = uow.session.scalars(
            select(Interaction.id).where(Interaction.email_from.is_not(None), Interaction.person_id.is_(None))
        ).all()
        replies = uow.session.execute(
            select(Interaction.id, Interaction.person_id)
            .where(Interaction.channel == "email", Interaction.direction == "outbound")
            .where(Interaction.email_subject == "Re: My cheque")
        ).all()
        notices = uow.session.scalars(select(Notice.subject_id).where(Notice.kind == "reply")).all()
    assert len(waiting) == 3
    assert len(replies) == 1 and replies[0][1] is not None
    assert list(notices) == [replies[0][0]]


def test_officer_has_tasks_overdue_and_today_and_reviews_due(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    officer = _actor(c, "officer")
    buckets = collections.Counter(t.bucket for t in list_tasks(c.uow(), actor=officer, view="open").items)
    assert buckets["overdue"] >= 1 and buckets["due_today"] >= 1 and buckets["upcoming"] >= 1
    for lead in ("supervisor", "specialist"):  # their homes have something due too
        mine = list_tasks(c.uow(), actor=_actor(c, lead), view="open").items
        assert collections.Counter(t.bucket for t in mine) == {"overdue": 1, "due_today": 1}
    with c.uow() as uow:
        reviews = uow.session.execute(select(Review.status, Review.due_on)).all()
    assert any(s == "due" and d < TODAY for s, d in reviews)  # one is overdue
    assert sum(1 for _s, d in reviews if TODAY <= d <= TODAY + dt.timedelta(days=6)) >= 2
    assert _count(c, Task, Task.kind == "review_due", Task.status == "open") >= 1


def test_money_respects_maker_checker_and_both_checks_pass(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    with c.uow() as uow:
        [batch] = uow.session.scalars(select(PaymentBatch)).all()
        pending = uow.session.scalars(select(ApprovalRequest).where(ApprovalRequest.state == "pending")).all()
        [waiting] = [
            r for r in pending if r.payment_type == "emergency_funds" and r.needed_role == "supervisor"
        ]
        # besides it, the facilities' payments wait for the supervisor: a week of shelter (beyond an
        # officer's four nights), the manual cheque and a monthly payment set up by hand; a write-off; and
        # the supervisor's own emergency payment, beyond a supervisor's limit, waits for the administrator
        others = sorted((str(r.payment_type), r.needed_role) for r in pending if r is not waiting)
        assert others == [
            ("emergency_funds", "administrator"),
            ("invoice", "supervisor"),
            ("recurring", "supervisor"),
            ("shelter", "supervisor"),
            ("write_off", "supervisor"),
        ], [(r.subject_type, r.payment_type) for r in pending]
        [write_off] = [r for r in pending if r.kind == "write_off"]
        [op] = uow.session.scalars(select(Overpayment).where(Overpayment.id != write_off.subject_id)).all()
        assert batch.state == "exported" and batch.built_by != batch.approved_by
        assert (waiting.payment_type, waiting.requested_by) == ("emergency_funds", "officer")
        assert 0 < op.balance_cents < op.amount_cents  # being recovered
    assert _count(c, Issuance) > 10
    assert money.verify_ledger(c.uow(), actor=Actor.system("tests")).problems == []
    common.set_container(c)
    try:
        runner = CliRunner()
        audit = runner.invoke(cli, ["audit", "verify"])
        assert audit.exit_code == 0 and "OK" in audit.output, audit.output
        ledger = runner.invoke(cli, ["ledger", "verify"])
        assert ledger.exit_code == 0 and "balanced" in ledger.output, ledger.output
    finally:
        common.set_container(None)


def test_same_seed_same_office(demo: tuple[Container, LoadReport], tmp_path: Path) -> None:
    first, report = demo
    again = _demo_container(tmp_path / "again")
    try:
        second = load_demo(again, people=PEOPLE, seed=SEED)
        assert second.office == report.office
        assert _fingerprint(again) == _fingerprint(first)
    finally:
        again.engine.dispose()


def _fingerprint(c: Container) -> dict[str, Any]:
    with c.uow() as uow:
        s = uow.session
        return {
            "applications": sorted(s.execute(select(Application.status, Application.received_on)).all()),
            "decisions": sorted(s.execute(select(Decision.outcome, Decision.monthly_amount_cents)).all()),
            "contacts": sorted(s.execute(select(Interaction.occurred_at, Interaction.channel)).all()),
            "issuances": sorted(
                s.execute(select(Issuance.payment_type, Issuance.net_cents, Issuance.pay_date)).all()
            ),
            "audit": s.scalar(  # the load's events (other tests read the first database, audited)
                select(func.max(AuditEvent.seq)).where(AuditEvent.action == "demo:office")
            ),
        }


def _actor(c: Container, username: str) -> Actor:
    from onestop.access.models import Staff

    with c.uow() as uow:
        staff = uow.session.scalars(select(Staff).where(Staff.username == username)).one()
        return Actor.for_roles(staff.id, username, frozenset(staff.roles), staff.office_id)


def test_the_home_page_shows_the_guide_on_the_demo(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    guide = demo_guide(c.uow())
    assert guide is not None and set(guide) >= {  # other areas add their own targets
        "overdue_review_person",
        "ready_application",
        "emergency_approval",
    }
    with TestClient(create_app(c), follow_redirects=False) as client:
        assert sign_in(client, "officer", "demo-officer-1").status_code == 303
        page = client.get("/staff/").text
    assert "Try this" in page
    assert f"/staff/applications/{guide['ready_application']}" in page
    assert f"/staff/people/{guide['overdue_review_person']}" in page


def test_no_guide_on_a_real_database(container: Container) -> None:
    system = Actor.system("tests")
    office = create_office(container.uow(), actor=system, code="EDM-01", name="Edmonton Central")
    create_staff(
        container.uow(),
        actor=system,
        username="amartin",
        display_name="Alice Martin",
        password="Correct-horse-42",
        roles={Role.OFFICER},
        office_id=office.id,
    )
    assert demo_guide(container.uow()) is None
    with TestClient(create_app(container), follow_redirects=False) as client:
        assert sign_in(client, "amartin", "Correct-horse-42").status_code == 303
        page = client.get("/staff/").text
    assert "Hello, Alice Martin" in page and "Try this" not in page


def test_the_officer_has_nl_clients_with_health_work(demo: tuple[Container, LoadReport]) -> None:
    c, _ = demo
    with c.uow() as uow:
        s = uow.session
        covered = set(s.scalars(select(Coverage.person_id).where(Coverage.status == "active")).all())
        plans = set(s.scalars(select(Coverage.plan)).all())
        authorizations = collections.Counter(s.scalars(select(SpecialAuthorization.status)).all())
        claims = collections.Counter(s.scalars(select(HealthClaim.status)).all())
        [trip] = s.execute(select(Travel.status, Travel.issuance_id, Travel.follow_up_task_id)).all()
        [card, *_] = s.execute(
            select(DrugCard.person_id, DrugCard.number, DrugCard.pharmacy_message)
            .where(DrugCard.status == "issued")
            .order_by(DrugCard.created_at.desc())  # the last: the client with the pharmacy restriction
        ).all()
        officer = _actor(c, "officer")
        mine = set(
            s.scalars(
                select(CaseloadAssignment.person_id).where(CaseloadAssignment.staff_id == officer.staff_id)
            ).all()
        )
    assert len(covered) == 3 and covered <= mine and plans == {"foundation"}
    assert _count(c, McpRegistration, McpRegistration.status == "registered") == 3
    assert authorizations == {"approved": 1, "submitted": 1}
    assert claims == {"paid": 1, "received": 1}
    assert trip.status == "approved" and None not in trip
    assert "Foundation Plan" in card.pharmacy_message and "dispense only at" in card.pharmacy_message
    with TestClient(create_app(c), follow_redirects=False) as client:
        assert sign_in(client, "officer", "demo-officer-1").status_code == 303
        page = client.get(f"/staff/people/{card.person_id}/health").text
    assert card.number in page and "Adalimumab" in page and "QEII" in page
    with TestClient(create_app(c), follow_redirects=False) as client:  # the client's own view
        assert portal_sign_in(client, HEALTH_EMAIL, password=HEALTH_PASSWORD).status_code == 303
        mine = client.get("/portal/account/health").text
    assert "Foundation Plan" in mine and card.number in mine and "Adalimumab" in mine


def test_caseload_runs_budgets_and_the_monthly_report_have_figures(
    demo: tuple[Container, LoadReport],
) -> None:
    c, _ = demo
    with c.uow() as uow:
        s = uow.session
        runs = {
            r.kind: r
            for r in s.execute(select(BatchRun.kind, BatchRun.id, BatchRun.status, BatchRun.households_total))
        }
        rows = collections.Counter(s.execute(select(BatchRow.run_id, BatchRow.status, BatchRow.review)).all())
        budgets = s.scalars(select(Budget.program)).all()
    assert {k: r.status for k, r in runs.items()} == {"reassess": "finished", "simulate": "finished"}
    reassess, simulate = runs["reassess"].id, runs["simulate"].id
    assert rows[(reassess, "changed", "tasked")] == 1  # the client who reported work, now an officer's task
    assert rows[(reassess, "unchanged", None)] >= 5
    assert rows[(simulate, "changed", None)] == runs["simulate"].households_total > 5
    assert "ab.income_support" in budgets and "nl.medical_travel" in budgets
    last_month = (TODAY.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    report = reports.monthly_report(c.uow(), actor=_actor(c, "supervisor"), month=last_month)
    assert report.contacts["total"] > 50 and report.decisions["by_program"]["ab.income_support"]
    assert report.payments and report.tasks["created"] > 0


def test_the_pages_after_a_decision_have_work(demo: tuple[Container, LoadReport]) -> None:
    """Issue 14's pages: a conference, a landlord approved with one invoice paid and one waiting for a
    colleague, a write-off waiting, an NL investigation, a change under review, a pay stub to report; a
    role grant waiting for a second administrator; the sweep's suggestions in the duplicates queue."""
    c, report = demo
    with c.uow() as uow:
        s = uow.session
        [conference] = s.scalars(select(CaseConference.person_id)).all()
        [(landlord, landlord_state)] = s.execute(
            select(Payee.id, Payee.state).where(Payee.kind == "landlord")
        )
        invoices = {  # a client's invoices (a sponsor's project instalments have no unit)
            i.state: i
            for i in s.execute(
                select(Invoice.state, Invoice.payee_id, Invoice.vendor_reference).where(
                    Invoice.unit_id.is_not(None)
                )
            )
        }
        inquiries = {
            i.opened_by: i
            for i in s.execute(
                select(
                    Investigation.id, Investigation.status, Investigation.opened_by, Investigation.allegation
                )
            )
        }
        changes = s.execute(select(Review.status, Review.person_id).where(Review.kind == "change")).all()
        stubs = s.scalars(
            select(Document.person_id).where(
                Document.doc_type == "income_proof",
                Document.application_id.is_(None),
                Document.status == "verified",
            )
        ).all()
        [grant] = s.execute(
            select(RoleGrant.role, RoleGrant.requested_by).where(RoleGrant.state == "pending")
        )
        suggestions = s.scalars(
            select(DuplicateSuggestion.id).where(DuplicateSuggestion.status == "open")
        ).all()
    assert landlord_state == "approved" and set(invoices) == {"approved", "received"}
    assert {i.payee_id for i in invoices.values()} == {landlord}
    assert set(inquiries) == {"officer", "specialist"}  # NL: the officer investigates; AB: a specialist
    inquiry = inquiries["officer"]
    assert inquiry.status == "open"
    assert [status for status, _ in changes] == ["in_progress"]
    assert len(set(stubs) - {person for _, person in changes}) == 1  # a stub still to report
    assert tuple(grant) == ("supervisor", "administrator")
    assert len(suggestions) >= 2 and report.office["duplicate_suggestions"] == len(suggestions)
    with TestClient(create_app(c), follow_redirects=False) as client:
        assert sign_in(client, "officer2", "demo-officer-2").status_code == 303
        page = client.get("/staff/invoices").text
        assert invoices["received"].vendor_reference in page
        assert "Back-to-work planning" in client.get(f"/staff/people/{conference}/conferences").text
        assert inquiry.allegation in client.get(f"/staff/investigations/{inquiry.id}").text
    with TestClient(create_app(c), follow_redirects=False) as client:
        assert sign_in(client, "supervisor", "demo-supervisor-1").status_code == 303
        assert "write-off" in client.get("/staff/approvals").text.lower()
        queue = client.get("/staff/duplicates").text
        assert queue.count("/dismiss") == len(suggestions)
    with TestClient(create_app(c), follow_redirects=False) as client:  # beyond a supervisor's limit
        assert sign_in(client, "administrator", "demo-administrator-1").status_code == 303
        assert "6,200.00" in client.get("/staff/approvals").text
        assert "Acting supervisor" in client.get("/staff/admin/grants").text


def test_the_privacy_office_has_a_request_in_progress_a_purge_dry_run_and_a_breach_being_assessed(
    demo: tuple[Container, LoadReport],
) -> None:
    """Issue 20's "done when" for the demo."""
    c, _ = demo
    assert _count(c, PrivacyRequest, PrivacyRequest.status == "assembled") == 1  # waiting for approval
    assert _count(c, AuditEvent, AuditEvent.action == "privacy:purge_dry_run") >= 1
    with c.uow() as uow:
        [breach] = uow.session.scalars(select(Breach)).all()
        assert (breach.status, breach.risk, breach.kind) == ("assessed", "medium", "misdirected_letter")
    assert _count(c, BreachAction, BreachAction.done_at.is_(None)) == 1
