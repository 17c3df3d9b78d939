"""Entitlements, recurring generation (idempotent), retroactive changes, recovery by deduction."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import money
from onestop.access.permissions import Role
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.money.models import Issuance, Notice, Overpayment, Recovery

PROGRAM = "nl-income-support"


def _entitle(m, unit_id, payee, cents=60_000, frequency="monthly", start=dt.date(2026, 1, 1), **kw):
    """Set up by hand (no decision), so a supervisor approves it before it pays."""
    ent = money.create_entitlement(
        m.c.uow(),
        actor=m.staff(f"o{cents}{frequency}", Role.OFFICER),
        data=money.EntitlementCreate(
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=cents,
            frequency=frequency,
            method=kw.pop("method", "direct_deposit"),
            start_date=start,
            **kw,
        ),
    )
    assert ent.state == "pending_approval" and not ent.active
    m.approve_pending(ent.id)
    ent.active, ent.state = True, "approved"
    return ent


def _run(m, period):
    return money.generate_recurring(m.c.uow(), actor=m.system, period=period)


def test_generation_makes_each_period_once(m):
    unit_a, payee_a = m.client("Able")
    unit_b, payee_b = m.client("Baker")
    unit_c, payee_c = m.client("Cole")
    _entitle(m, unit_a, payee_a, 60_000, "monthly")
    _entitle(m, unit_b, payee_b, 25_000, "semi_monthly")
    _entitle(m, unit_c, payee_c, 40_000, "one_time", start=dt.date(2026, 3, 10))
    first = _run(m, "2026-03")
    assert (first.created, first.total_cents) == (4, 60_000 + 2 * 25_000 + 40_000)
    again = _run(m, "2026-03")
    assert (again.created, again.already_issued) == (0, 4)
    assert _run(m, "2026-04").created == 3  # the one-time payment is not repeated
    assert m.count(Issuance) == 7 and m.verify().ok


def test_entitlement_ending_stops_generation(m):
    unit_id, payee = m.client()
    _entitle(m, unit_id, payee, end_date=dt.date(2026, 2, 28))
    assert _run(m, "2026-03").created == 0


def test_back_dated_increase_issues_arrears(m):
    unit_id, payee = m.client()
    ent = _entitle(m, unit_id, payee, 60_000)
    _run(m, "2026-01"), _run(m, "2026-02"), _run(m, "2026-03")
    officer = m.staff("olivia", Role.OFFICER)
    result = m.change(
        officer,
        ent.id,
        amount_cents=65_000,
        effective_from=dt.date(2026, 2, 1),
        reason="shelter cost rose",
    )
    assert sorted(a.gross_cents for a in result.arrears) == [5_000, 5_000]
    assert {a.state for a in result.arrears} == {"approved"} and not result.overpayments
    assert _run(m, "2026-04").total_cents == 65_000
    assert m.verify().ok


def test_back_dated_decrease_sets_up_overpayments_and_notices(m):
    unit_id, payee = m.client()
    ent = _entitle(m, unit_id, payee, 60_000)
    _run(m, "2026-01"), _run(m, "2026-02")
    result = m.change(
        m.staff("olivia", Role.OFFICER),
        ent.id,
        amount_cents=50_000,
        effective_from=dt.date(2026, 1, 1),
        reason="income not declared",
    )
    assert [o.amount_cents for o in result.overpayments] == [10_000, 10_000]
    assert m.count(Notice) == 2 and m.verify().ok
    # A second change back up to 55,000 from January: the client now owes only 5,000 a month.
    again = m.change(
        m.staff("omar", Role.OFFICER),
        result.entitlement.id,
        amount_cents=55_000,
        effective_from=dt.date(2026, 1, 1),
        reason="partly declared after all",
    )
    assert sorted(a.gross_cents for a in again.arrears) == [5_000, 5_000]
    with pytest.raises(InvalidTransition):
        m.change(
            m.system,
            ent.id,
            amount_cents=1,
            effective_from=dt.date(2026, 1, 1),
            reason="old version",
        )


def test_recovery_by_deduction_is_capped(m):
    unit_id, payee = m.client()
    _entitle(m, unit_id, payee, 60_000)
    op = money.create_overpayment(
        m.c.uow(),
        actor=m.staff("olivia", Role.OFFICER),
        data=money.OverpaymentCreate(
            unit_id=unit_id,
            program=PROGRAM,
            amount=15_000,
            source="investigation",
            reason="unreported earnings in 2025",
        ),
    )
    made = _run(m, "2026-03")
    assert made.deducted_cents == 6_000  # 10% of the monthly 600.00
    [issuance] = money.list_issuances(m.c.uow(), actor=m.system, unit_id=unit_id)
    assert (issuance.gross_cents, issuance.deduction_cents, issuance.net_cents) == (60_000, 6_000, 54_000)
    _run(m, "2026-04"), _run(m, "2026-05")
    [after] = money.list_overpayments(m.c.uow(), actor=m.system, unit_id=unit_id)
    assert after.id == op.id and after.balance_cents == 0 and after.state == "recovered"
    assert m.count(Recovery) == 3 and m.verify().ok
    account = money.client_account(m.c.uow(), actor=m.system, unit_id=unit_id)[PROGRAM]
    assert account.recovered == {"deduction": 15_000} and account.overpayment_owed == 0


def test_repayment_and_write_off_with_approval(m):
    unit_id, _ = m.client()
    officer, supervisor = m.staff("olivia", Role.OFFICER), m.staff("sam", Role.SUPERVISOR)
    op = money.create_overpayment(
        m.c.uow(),
        actor=officer,
        data=money.OverpaymentCreate(
            unit_id=unit_id,
            program=PROGRAM,
            amount=9_000,
            source="manual",
            reason="paid twice by mistake",
        ),
    )
    money.record_repayment(m.c.uow(), actor=officer, overpayment_id=op.id, data=money.Repayment(amount=4_000))
    with pytest.raises(InvalidInput):
        money.record_repayment(
            m.c.uow(), actor=officer, overpayment_id=op.id, data=money.Repayment(amount=6_000)
        )
    request = money.request_write_off(
        m.c.uow(), actor=officer, overpayment_id=op.id, data=money.WriteOffRequest(reason="client deceased")
    )
    money.decide_approval(m.c.uow(), actor=supervisor, approval_id=request.id, approve=True)
    [after] = money.list_overpayments(m.c.uow(), actor=officer, unit_id=unit_id)
    assert (after.state, after.balance_cents) == ("written_off", 0)
    assert money.trial_balance(m.c.uow(), actor=m.system)["write_off_expense"] == 5_000
    assert m.verify().ok


def test_entitlement_bad_input(m):
    unit_id, payee = m.client(bank=False)
    with pytest.raises(InvalidInput) as err:
        _entitle(m, unit_id, payee)
    assert err.value.field == "payee_id"
    _, good = m.client("Good")
    with pytest.raises(InvalidInput) as err:
        _entitle(m, unit_id, good, frequency="weekly")
    assert err.value.field == "frequency"
    with pytest.raises(InvalidInput) as err:
        _entitle(m, unit_id, good, end_date=dt.date(2025, 1, 1))
    assert err.value.field == "end_date"
    assert m.count(Overpayment) == 0


def test_a_large_run_posts_one_balanced_entry_per_part(m, monkeypatch):
    from onestop.money.models import JournalEntry
    from onestop.money.payments import generation

    monkeypatch.setattr(generation, "RUN_PART", 2)
    for family in ("Able", "Baker", "Cole"):
        unit_id, payee = m.client(family)
        _entitle(m, unit_id, payee, 30_000, "semi_monthly")
    assert _run(m, "2026-03").created == 6
    with m.c.uow() as uow:
        assert uow.session.query(JournalEntry).filter_by(kind="issue_run").count() == 3
    assert m.verify().ok
