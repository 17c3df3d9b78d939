"""The monthly report on both databases, against a small month counted by hand."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from onestop import money, reports
from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate
from onestop.cases.interactions import InteractionCreate, log_interaction
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.common.clock import FixedClock
from onestop.common.errors import InvalidInput, PermissionDenied
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import audit_actions
from tests.integration.cases.factories import Worker, make_office, make_person, make_worker

UTC = dt.UTC


@dataclass(frozen=True)
class Month:
    """What was recorded in March 2026, by whom."""

    east: Worker
    west: Worker
    supervisor: Worker
    units: list[uuid.UUID]


def _contact(container: Container, worker: Worker, channel: str, at: dt.datetime, *reasons: str) -> None:
    data = InteractionCreate(channel=channel, reason_codes=list(reasons), occurred_at=at)
    log_interaction(container.uow(), actor=worker.actor, data=data)


def _decided(container: Container, worker: Worker, received: dt.date) -> uuid.UUID:
    person = make_person(container)
    unit = make_unit(container, person)
    app_id = apply(container, worker.actor, unit, received_on=received).id
    eligible_single(container, worker.actor, person, app_id)
    assess(container, worker.actor, app_id)
    decisions.decide_application(
        container.uow(), actor=worker.actor, data=DecisionCreate(application_id=app_id)
    )
    return unit


@pytest.fixture
def month(container: Container, clock: FixedClock) -> Month:
    """Contacts in two offices (and one in February), three decisions 10, 3 and 25 days after their
    applications, an emergency payment, an overpayment with a repayment."""
    east, west = make_office(container, "EAST"), make_office(container, "WEST")
    officer = make_worker(container, Role.OFFICER, office=east)
    other = make_worker(container, Role.OFFICER, office=west)
    supervisor = make_worker(container, Role.SUPERVISOR, office=east)
    _contact(container, officer, "phone", dt.datetime(2026, 3, 1, 14, 5, tzinfo=UTC), "documents")
    _contact(
        container, officer, "phone", dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC), "documents", "payment_inquiry"
    )
    _contact(container, officer, "walk_in", dt.datetime(2026, 3, 2, 9, 15, tzinfo=UTC), "general_information")
    _contact(container, other, "email", dt.datetime(2026, 3, 2, 8, 0, tzinfo=UTC), "documents")
    _contact(
        container, officer, "phone", dt.datetime(2026, 2, 27, 10, 0, tzinfo=UTC), "documents"
    )  # February
    units = [_decided(container, officer, dt.date(2026, 2, 20))]  # decided 2026-03-02: 10 days
    received = clock.today()
    clock.advance(dt.timedelta(days=3))
    units.append(_decided(container, officer, received))  # 3 days
    clock.advance(dt.timedelta(days=22))
    units.append(_decided(container, officer, received))  # 25 days
    [ent] = money.list_entitlements(container.uow(), actor=officer.actor, unit_id=units[0])
    paid = money.issue_payment(
        container.uow(),
        actor=officer.actor,
        data=money.IssuanceCreate(
            payment_type="emergency_funds",
            program="ab.income_support",
            unit_id=units[0],
            payee_id=ent.payee_id,
            amount=20000,
            method="cheque",
            pay_date=dt.date(2026, 3, 27),
            explanation="food",
        ),
    )
    for request in money.list_approvals(container.uow(), actor=supervisor.actor):  # a second person approves
        money.decide_approval(container.uow(), actor=supervisor.actor, approval_id=request.id, approve=True)
    assert money.get_issuance(container.uow(), actor=officer.actor, issuance_id=paid.id).state == "approved"
    op = money.create_overpayment(
        container.uow(),
        actor=officer.actor,
        data=money.OverpaymentCreate(
            unit_id=units[0],
            program="ab.income_support",
            amount=30000,
            source="manual",
            reason="paid twice",
        ),
    )
    repaid = money.Repayment(amount=10000)
    money.record_repayment(container.uow(), actor=officer.actor, overpayment_id=op.id, data=repaid)
    return Month(officer, other, supervisor, units)


def test_the_monthly_report_counts_the_records(container: Container, month: Month) -> None:
    r = reports.monthly_report(container.uow(), actor=month.supervisor.actor, month="2026-03")
    assert r.contacts["total"] == 4
    assert r.contacts["by_channel"] == {"email": 1, "phone": 2, "walk_in": 1}
    assert r.contacts["by_reason"] == {"documents": 3, "general_information": 1, "payment_inquiry": 1}
    assert (r.contacts["by_hour"]["09"], r.contacts["by_hour"]["14"], r.contacts["by_hour"]["08"]) == (
        2,
        1,
        1,
    )
    assert r.contacts["by_office"] == {"EAST": 3, "WEST": 1}
    assert r.applications == {"received": 2, "received_by_program": {"ab.income_support": 2}}
    assert r.decisions == {"total": 3, "by_program": {"ab.income_support": {"eligible": 3}}}
    assert r.time_to_decision == {"decided": 3, "median_days": 10, "p90_days": 25}
    assert r.caseload["in_force_at_end"] == {"ab.income_support": {"eligible": 3}}
    assert r.caseload["applications_by_status_now"] == {"decided": 3}
    assert r.payments["count"] == 1 and r.payments["net_cents"] == 20000
    assert r.payments["by_method"] == {"cheque": {"count": 1, "net_cents": 20000}}
    assert r.overpayments == {
        "raised": 1,
        "raised_cents": 30000,
        "recoveries": 1,
        "recovered_cents": 10000,
        "write_offs": 0,
        "written_off_cents": 0,
    }
    assert r.appeals == {"filed": 0, "decided": 0, "outcomes": {}}
    assert ("reports:monthly", "ok") in audit_actions(container)


def test_one_office_and_a_quiet_month(container: Container, month: Month) -> None:
    west = reports.monthly_report(
        container.uow(), actor=month.supervisor.actor, month="2026-03", office="WEST"
    )
    assert west.contacts["total"] == 1 and west.decisions["total"] == 0
    feb = reports.monthly_report(container.uow(), actor=month.supervisor.actor, month="2026-02")
    assert feb.contacts["total"] == 1 and feb.applications["received"] == 1 and feb.decisions["total"] == 0
    with pytest.raises(InvalidInput):
        reports.monthly_report(container.uow(), actor=month.supervisor.actor, month="2026-13")
    with pytest.raises(InvalidInput):
        reports.monthly_report(container.uow(), actor=month.supervisor.actor, month="2026-03", office="NOPE")
    with pytest.raises(PermissionDenied):
        reports.monthly_report(container.uow(), actor=month.east.actor, month="2026-03")


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def test_the_command_writes_csv_json_and_html(cli: CliRunner, month: Month) -> None:
    out = cli.invoke(app, ["reports", "monthly", "--month", "2026-03", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert "contacts,total,4" in out.output.splitlines()
    out = cli.invoke(
        app, ["reports", "monthly", "--month", "2026-03", "--office", "EAST", "--format", "json"]
    )
    assert json.loads(out.output)["contacts"]["total"] == 3
    out = cli.invoke(app, ["reports", "monthly", "--month", "2026-03", "--format", "html"])
    assert out.exit_code == 0 and "<h2>Overpayments</h2>" in out.output and "100.00" in out.output
    assert cli.invoke(app, ["reports", "monthly", "--month", "March"]).exit_code == 2
