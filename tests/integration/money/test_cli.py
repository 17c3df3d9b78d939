"""The ``onestop payments / approvals / budgets / ledger`` commands, in process, on both backends."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import insert
from typer.testing import CliRunner

from onestop import money
from onestop.access.permissions import Role
from onestop.cli import common
from onestop.cli.main import app
from onestop.money.models import JournalEntry, JournalLine, PaymentBatch
from onestop.money.payments import pain002

from .conftest import PASSWORD

PROGRAM = "nl-income-support"


@pytest.fixture
def cli(m, monkeypatch):
    monkeypatch.setenv("ONESTOP_PASSWORD", PASSWORD)
    common.set_container(m.c)
    yield CliRunner()
    common.set_container(None)


def _invoke(cli, *args: str):
    return cli.invoke(app, list(args))


def _seed(m):
    for family in ("Able", "Baker"):
        unit_id, payee = m.client(family)
        money.create_entitlement(
            m.c.uow(),
            actor=m.system,
            data=money.EntitlementCreate(
                program=PROGRAM,
                unit_id=unit_id,
                payee_id=payee.id,
                amount=61_000,
                frequency="monthly",
                method="direct_deposit",
                start_date=dt.date(2026, 1, 1),
            ),
        )
    m.staff("fay", Role.FINANCE)
    m.staff("finn", Role.FINANCE)


def test_a_payment_run_from_the_command_line(m, cli, tmp_path):
    _seed(m)
    run = _invoke(cli, "payments", "run", "--date", "2026-03-02", "--as-user", "fay")
    assert run.exit_code == 0, run.output
    assert "generated 2 issuances for 2026-03" in run.output and "B20260302-01" in run.output
    own = _invoke(cli, "payments", "approve", "B20260302-01", "--as-user", "fay")
    assert own.exit_code == 2 and "another person must" in own.stderr
    assert _invoke(cli, "payments", "approve", "B20260302-01", "--as-user", "finn").exit_code == 0
    again = _invoke(cli, "payments", "approve", "B20260302-01", "--as-user", "finn")
    assert again.exit_code == 2 and "already approved" in again.stderr
    out = tmp_path / "files"
    exported = _invoke(cli, "payments", "export", "B20260302-01", "--out", str(out), "--as-user", "fay")
    assert exported.exit_code == 0, exported.output
    assert (out / "B20260302-01.pain.001.xml").exists()
    report = tmp_path / "bank.xml"
    report.write_text(
        pain002.status_report(
            message_id="BANK",
            original_message_id="B20260302-01",
            created_at=m.c.clock.now(),
            group_status="ACSC",
        )
    )
    done = _invoke(cli, "payments", "reconcile", "B20260302-01", str(report), "--as-user", "finn")
    assert done.exit_code == 0 and "2 paid, 0 returned" in done.output and "reconciled" in done.output
    register = _invoke(cli, "payments", "cheques", "--purpose", "month-end")
    assert register.exit_code == 0 and register.output.startswith("number,issued_on,payee,amount")
    pdf = tmp_path / "register.pdf"
    assert _invoke(cli, "payments", "cheques", "--purpose", "month-end", "--out", str(pdf)).exit_code == 0
    assert pdf.read_bytes()[:4] == b"%PDF"
    assert (
        _invoke(
            cli, "payments", "cheques", "--purpose", "month-end", "--out", str(tmp_path / "r.txt")
        ).exit_code
        == 2
    )
    verified = _invoke(cli, "ledger", "verify")
    assert verified.exit_code == 0 and "ledger balanced" in verified.output
    assert "B20260302-01" in _invoke(cli, "payments", "list").output


def test_bad_input_exits_2_with_one_line(m, cli):
    bad_date = _invoke(cli, "payments", "run", "--date", "2026-02-30")
    assert bad_date.exit_code == 2 and bad_date.stderr.startswith("error: --date")
    nobody = _invoke(cli, "payments", "approve", "B1", "--as-user", "ghost")
    assert nobody.exit_code == 2 and nobody.stderr.startswith("error:")
    assert _invoke(cli, "payments", "approve", "NOPE").exit_code == 2


def test_ledger_verify_exits_1_with_the_first_problem(m, cli):
    with m.c.uow() as uow:
        entry = uuid.uuid4()
        uow.session.execute(
            insert(JournalEntry),
            [
                {
                    "id": entry,
                    "kind": "manual",
                    "ref": "x",
                    "memo": "bad",
                    "total_cents": 100,
                    "posted_at": uow.clock.now(),
                    "posted_by": "t",
                }
            ],
        )
        uow.session.execute(
            insert(JournalLine),
            [{"entry_id": entry, "account": "bank_clearing", "debit_cents": 100, "credit_cents": 0}],
        )
        uow.commit()
    result = _invoke(cli, "ledger", "verify")
    assert result.exit_code == 1 and "NOT consistent" in result.output and str(entry) in result.output


def test_approvals_and_budgets_from_the_command_line(m, cli):
    office = m.office("SJ1")
    officer = m.staff("olivia", Role.OFFICER, office_id=office)
    m.staff("sam", Role.SUPERVISOR)
    unit_id, payee = m.client()
    money.issue_payment(
        m.c.uow(),
        actor=officer,
        data=money.IssuanceCreate(
            payment_type="emergency_funds",
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=120_000,
            method="direct_deposit",
            pay_date=dt.date(2026, 3, 2),
            explanation="rent arrears, eviction notice",
        ),
    )
    queue = _invoke(cli, "approvals", "list", "--as-user", "sam")
    assert queue.exit_code == 0 and "emergency_funds\t$1200.00" in queue.output
    request_id = queue.output.split("\t")[0]
    decided = _invoke(cli, "approvals", "decide", request_id, "--as-user", "sam")
    assert decided.exit_code == 0 and "approved" in decided.output
    assert _invoke(cli, "budgets", "set", PROGRAM, "SJ1", "2025", "50000.00").exit_code == 0
    report = _invoke(cli, "budgets", "report", "--year", "2025")
    assert report.exit_code == 0
    assert f"{PROGRAM}\t{office}\t2025-26\t50000.00\t1200.00\t0.00\t48800.00" in report.output


def test_the_cli_needs_the_users_password_and_the_system_never_approves(m, cli, monkeypatch):
    _seed(m)
    assert _invoke(cli, "payments", "run", "--date", "2026-03-02", "--as-user", "fay").exit_code == 0

    monkeypatch.setenv("ONESTOP_PASSWORD", "not finn's password")
    impostor = _invoke(cli, "payments", "approve", "B20260302-01", "--as-user", "finn")
    assert impostor.exit_code == 2 and impostor.stderr.startswith("error:")
    monkeypatch.delenv("ONESTOP_PASSWORD")
    typed = "hunter2-guess"
    prompted = cli.invoke(
        app, ["payments", "approve", "B20260302-01", "--as-user", "finn"], input=typed + "\n"
    )
    assert prompted.exit_code == 2 and "password for finn" in prompted.output
    assert typed not in prompted.output  # asked for, not echoed, refused
    system = _invoke(cli, "payments", "approve", "B20260302-01")
    assert system.exit_code == 2 and "a named person must approve" in system.stderr
    with m.c.uow() as uow:
        assert uow.session.query(PaymentBatch).one().state == "built"

    monkeypatch.setenv("ONESTOP_PASSWORD", PASSWORD)
    assert _invoke(cli, "payments", "approve", "B20260302-01", "--as-user", "finn").exit_code == 0
