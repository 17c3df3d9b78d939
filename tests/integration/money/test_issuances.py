"""One-off issuances: authority at the boundary, approvals (maker-checker), idempotency, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from onestop import money
from onestop.access.permissions import Role
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.money.errors import BeyondAuthority, ChequeNumberUsed, PeriodClosed, SelfApproval
from onestop.money.models import ApprovalRequest, Cheque, Issuance, JournalLine

PAY = dt.date(2026, 3, 2)


def _emergency(m, actor, unit_id, payee, cents, **kw):
    args = {
        "payment_type": "emergency_funds",
        "program": "nl-income-support",
        "unit_id": unit_id,
        "payee_id": payee.id,
        "amount": cents,
        "method": "direct_deposit",
        "pay_date": PAY,
        "explanation": "no food, fridge broke",
    }
    args.update(kw)
    return money.issue_payment(
        m.c.uow(),
        actor=actor,
        data=money.IssuanceCreate(
            **args,
        ),
    )


def test_officer_issues_up_to_1000_dollars_alone(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    issued = _emergency(m, officer, unit_id, payee, 100_000)
    assert issued.state == "approved" and issued.approved_by == "olivia"
    assert m.verify().ok


def test_one_cent_over_the_limit_goes_to_a_supervisor(m):
    officer, supervisor = m.staff("olivia", Role.OFFICER), m.staff("sam", Role.SUPERVISOR)
    unit_id, payee = m.client()
    issued = _emergency(m, officer, unit_id, payee, 100_001)
    assert issued.state == "pending_approval"
    [request] = money.list_approvals(m.c.uow(), actor=supervisor)
    assert request.needed_role == "supervisor" and "1000.01" in request.reason
    assert request.explanation == "no food, fridge broke"
    assert m.count(JournalLine) == 0  # nothing is committed before approval
    money.decide_approval(m.c.uow(), actor=supervisor, approval_id=request.id, approve=True)
    assert money.get_issuance(m.c.uow(), actor=officer, issuance_id=issued.id).state == "approved"
    assert m.verify().ok


def test_shelter_four_nights_pass_five_need_approval(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, _ = m.client()
    shelter = m.payee(None, kind="vendor", name="Harbour Shelter")
    base = {"payment_type": "shelter", "amount_cents": 40_000, "payee": shelter}
    four = _emergency(
        m,
        officer,
        unit_id,
        base["payee"],
        base["amount_cents"],
        payment_type="shelter",
        nights=4,
        method="third_party",
    )
    five = _emergency(
        m, officer, unit_id, shelter, 50_000, payment_type="shelter", nights=5, method="third_party"
    )
    assert (four.state, five.state) == ("approved", "pending_approval")


def test_check_authority_before_submit_matches_the_service(m):
    officer = m.staff("olivia", Role.OFFICER)
    ok = money.check_authority(officer, "emergency_funds", "nl-income-support", 100_000)
    over = money.check_authority(officer, "emergency_funds", "nl-income-support", 100_001)
    assert ok.allowed and ok.limit == 100_000
    assert not over.allowed and over.needs_approval_by_role == Role.SUPERVISOR


def test_nobody_approves_their_own_request(m):
    boss = m.staff("sam", Role.OFFICER, Role.SUPERVISOR)
    unit_id, payee = m.client()
    issued = _emergency(m, boss, unit_id, payee, 600_000)  # over a supervisor's $5,000 too
    [request] = money.list_approvals(m.c.uow(), actor=m.staff("ada", Role.ADMINISTRATOR))
    assert request.needed_role == "administrator"
    with pytest.raises(SelfApproval):
        money.decide_approval(m.c.uow(), actor=boss, approval_id=request.id, approve=True)
    assert money.get_issuance(m.c.uow(), actor=boss, issuance_id=issued.id).state == "pending_approval"


def test_an_approver_needs_authority_for_the_amount(m):
    officer, supervisor = m.staff("olivia", Role.OFFICER), m.staff("sam", Role.SUPERVISOR)
    admin = m.staff("ada", Role.ADMINISTRATOR, Role.SUPERVISOR)
    unit_id, payee = m.client()
    _emergency(m, officer, unit_id, payee, 600_000)
    [request] = money.list_approvals(m.c.uow(), actor=m.system)
    assert request.needed_role == "supervisor"
    with pytest.raises(BeyondAuthority):
        money.decide_approval(m.c.uow(), actor=supervisor, approval_id=request.id, approve=True)
    decided = money.decide_approval(m.c.uow(), actor=admin, approval_id=request.id, approve=True)
    assert decided.state == "approved"
    with pytest.raises(InvalidTransition):
        money.decide_approval(m.c.uow(), actor=admin, approval_id=request.id, approve=True)


def test_rejected_request_is_never_paid(m):
    officer, supervisor = m.staff("olivia", Role.OFFICER), m.staff("sam", Role.SUPERVISOR)
    unit_id, payee = m.client()
    issued = _emergency(m, officer, unit_id, payee, 150_000)
    [request] = money.list_approvals(m.c.uow(), actor=supervisor)
    money.decide_approval(
        m.c.uow(), actor=supervisor, approval_id=request.id, approve=False, note="use a voucher"
    )
    assert money.get_issuance(m.c.uow(), actor=officer, issuance_id=issued.id).state == "rejected"
    assert m.verify().ok


def test_the_same_request_twice_pays_once(m):
    officer, other = m.staff("olivia", Role.OFFICER), m.staff("omar", Role.OFFICER)
    unit_id, payee = m.client()
    first = _emergency(m, officer, unit_id, payee, 25_000)
    second = _emergency(m, other, unit_id, payee, 25_000)
    keyed = _emergency(m, officer, unit_id, payee, 25_000, idempotency_key="form-123")
    again = _emergency(m, officer, unit_id, payee, 25_000, idempotency_key="form-123")
    assert first.id == second.id and keyed.id == again.id and keyed.id != first.id
    assert m.count(Issuance) == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_cents": -100}, "amount_cents"),
        ({"amount_cents": 0}, "amount_cents"),
        ({"payment_type": "recurring"}, "payment_type"),
        ({"method": "bitcoin"}, "method"),
        ({"payment_type": "shelter"}, "nights"),
        ({"nights": 2}, "nights"),
        ({"program": " "}, "program"),
    ],
)
def test_bad_input_names_the_field_and_changes_nothing(m, change, field):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    with pytest.raises(InvalidInput) as err:
        args = dict(change)
        _emergency(m, officer, unit_id, payee, args.pop("amount_cents", 10_000), **args)
    assert err.value.field == field
    assert m.count(Issuance) == 0 and m.count(JournalLine) == 0


def test_direct_deposit_needs_banking_details(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client(bank=False)
    with pytest.raises(InvalidInput) as err:
        _emergency(m, officer, unit_id, payee, 10_000)
    assert err.value.field == "payee_id" and "banking details" in err.value.problem


def test_closed_period_refuses_payments(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    money.close_period(m.c.uow(), actor=m.system, month="2026-02")
    with pytest.raises(PeriodClosed) as err:
        _emergency(m, officer, unit_id, payee, 10_000, pay_date=dt.date(2026, 2, 27))
    assert err.value.field == "pay_date"
    assert m.count(Issuance) == 0


def test_manual_cheque_goes_in_the_register_and_numbers_are_unique(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client(bank=False)
    held = _emergency(m, officer, unit_id, payee, 30_000, method="cheque", cheque_number="500123")
    # A manual cheque is paid by hand: it waits for a second person, and nothing is posted till then.
    assert held.state == "pending_approval" and m.count(Cheque) == 0
    m.approve_pending(held.id)
    assert money.get_issuance(m.c.uow(), actor=officer, issuance_id=held.id).state == "paid"
    with pytest.raises(ChequeNumberUsed):
        _emergency(m, officer, unit_id, payee, 20_000, method="cheque", cheque_number="500123")
    assert m.count(Cheque) == 1 and m.verify().ok


def test_food_voucher_is_released_at_once(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client(bank=False)
    voucher = _emergency(m, officer, unit_id, payee, 15_000, payment_type="food_voucher", method="voucher")
    assert voucher.state == "paid" and voucher.voucher_number
    assert m.verify().ok


@pytest.mark.second_check_sampling
def test_new_officers_are_sampled_for_a_second_check_deterministically(m):
    rookie = m.staff("rita", Role.OFFICER, age_days=10)
    veteran = m.staff("vera", Role.OFFICER, age_days=400)
    unit_id, payee = m.client()
    rookie_states = [_emergency(m, rookie, unit_id, payee, 1_000 + i).state for i in range(30)]
    veteran_states = [_emergency(m, veteran, unit_id, payee, 5_000 + i).state for i in range(10)]
    sampled = rookie_states.count("pending_approval")
    assert 0 < sampled < 30  # 20% configured: some, not all
    assert set(veteran_states) == {"approved"}
    kinds = {r.kind for r in money.list_approvals(m.c.uow(), actor=m.system)}
    assert kinds == {"second_check"}


def test_roles_without_the_permission_are_refused(m):
    auditor = m.staff("aud", Role.AUDITOR)
    unit_id, payee = m.client()
    with pytest.raises(PermissionDenied):
        _emergency(m, auditor, unit_id, payee, 1_000)
    with pytest.raises(PermissionDenied):
        money.list_approvals(m.c.uow(), actor=m.staff("olivia", Role.OFFICER))
    assert m.count(ApprovalRequest) == 0


def test_cancel_reverses_an_approved_issuance(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    issued = _emergency(m, officer, unit_id, payee, 10_000)
    cancelled = money.cancel_issuance(
        m.c.uow(), actor=officer, issuance_id=issued.id, reason="duplicate request"
    )
    assert cancelled.state == "cancelled"
    assert m.verify().ok
    with pytest.raises(InvalidTransition):
        money.cancel_issuance(m.c.uow(), actor=officer, issuance_id=issued.id, reason="again")


def test_journal_lines_are_append_only(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    _emergency(m, officer, unit_id, payee, 10_000)
    with m.c.uow() as uow:
        line = uow.session.query(JournalLine).first()
        line.debit_cents += 1
        with pytest.raises(TypeError, match="append-only"):
            uow.flush()
    with m.c.uow() as uow:
        uow.session.delete(uow.session.query(JournalLine).first())
        with pytest.raises(TypeError, match="append-only"):
            uow.flush()
    assert m.verify().ok


def test_a_reversal_mirrors_an_entry_and_keeps_the_original(m):
    from onestop.money.ledger import services as ledger
    from onestop.money.models import JournalEntry

    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    _emergency(m, officer, unit_id, payee, 12_345)
    with m.c.uow() as uow:
        original = uow.session.query(JournalEntry).filter_by(kind="issue").one()
        reversed_id = ledger.reverse(uow, entry_id=original.id, memo="posted in error", posted_by="sam")
        uow.commit()
    with m.c.uow() as uow:
        mirror = uow.session.get(JournalEntry, reversed_id)
        assert (mirror.reverses_id, mirror.total_cents) == (original.id, 12_345)
        balances = money.trial_balance(uow, actor=m.system)
    assert balances["program_expense"] == 0 and balances["client_payable"] == 0
    assert m.count(JournalEntry) == 2


def test_the_system_account_never_approves_a_request_or_a_batch(m):
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    _emergency(m, officer, unit_id, payee, 100_001)
    [request] = money.list_approvals(m.c.uow(), actor=m.system)
    with pytest.raises(PermissionDenied, match="a named person must approve"):
        money.decide_approval(m.c.uow(), actor=m.system, approval_id=request.id, approve=True)
    with pytest.raises(PermissionDenied, match="a named person must approve"):
        money.decide_approval(m.c.uow(), actor=m.system, approval_id=request.id, approve=False)
    assert money.get_issuance(m.c.uow(), actor=m.system, issuance_id=request.subject_id).state == (
        "pending_approval"
    )
    other_unit, other_payee = m.client("Other")
    _emergency(m, officer, other_unit, other_payee, 5_000)
    batch = money.build_batch(m.c.uow(), actor=m.staff("fay", Role.FINANCE), pay_date=PAY)
    with pytest.raises(PermissionDenied, match="a named person must approve"):
        money.approve_batch(m.c.uow(), actor=m.system, batch_id=batch.id)


def test_authority_limits_are_cumulative_per_unit_and_day(m):
    """Four $999 emergency payments to one household in one day are $3,996, not four times $999."""
    officer = m.staff("olivia", Role.OFFICER)
    unit_id, payee = m.client()
    states = [
        _emergency(m, officer, unit_id, payee, 99_900, idempotency_key=f"split-{n}").state for n in range(4)
    ]
    assert states == ["approved", "pending_approval", "pending_approval", "pending_approval"]
    requests = money.list_approvals(m.c.uow(), actor=m.staff("sam", Role.SUPERVISOR))
    assert len(requests) == 3 and all("already this period" in r.reason for r in requests)
    # Another household, or the next day, starts again from nothing.
    other_unit, other_payee = m.client("Other")
    assert _emergency(m, officer, other_unit, other_payee, 99_900).state == "approved"
    next_day = _emergency(m, officer, unit_id, payee, 99_900, pay_date=PAY + dt.timedelta(days=1))
    assert next_day.state == "approved"
