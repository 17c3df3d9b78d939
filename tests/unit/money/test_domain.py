"""Pure money rules: periods, fiscal years, retro adjustments, recovery caps, sampling, postings."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.money import domain
from onestop.money.domain import BatchState, Frequency
from onestop.money.ledger import domain as postings


def test_pay_dates_per_frequency():
    assert domain.due_dates(Frequency.MONTHLY, dt.date(2026, 1, 1), None, 2026, 3) == [dt.date(2026, 3, 1)]
    assert domain.due_dates(Frequency.SEMI_MONTHLY, dt.date(2026, 3, 5), None, 2026, 3) == [
        dt.date(2026, 3, 16)
    ]
    assert domain.due_dates(Frequency.MONTHLY, dt.date(2026, 1, 1), dt.date(2026, 2, 28), 2026, 3) == []
    assert domain.due_dates(Frequency.ONE_TIME, dt.date(2026, 3, 9), None, 2026, 3) == [dt.date(2026, 3, 9)]
    assert domain.due_dates(Frequency.ONE_TIME, dt.date(2026, 3, 9), None, 2026, 4) == []


@pytest.mark.parametrize(
    ("day", "year"), [(dt.date(2026, 3, 31), 2025), (dt.date(2026, 4, 1), 2026), (dt.date(2027, 1, 5), 2026)]
)
def test_fiscal_year_runs_april_to_march(day, year):
    assert domain.fiscal_year(day) == year
    assert domain.fiscal_year_label(2026) == "2026-27"


@pytest.mark.parametrize("bad", ["2026-13", "2026-3", "March", ""])
def test_months_are_read_strictly(bad):
    with pytest.raises(InvalidInput):
        domain.parse_month(bad)


def test_retro_adjustments_keep_only_differences():
    jan, feb, mar = dt.date(2026, 1, 1), dt.date(2026, 2, 1), dt.date(2026, 3, 1)
    adjustments = domain.retro_adjustments({jan: 600, feb: 600, mar: 600}, {jan: 600, feb: 650, mar: 500})
    assert [(a.pay_date, a.difference) for a in adjustments] == [(feb, 50), (mar, -100)]


@pytest.mark.parametrize(
    ("balance", "benefit", "share", "expected"),
    [
        (15_000, 60_000, "0.10", 6_000),
        (1_000, 60_000, "0.10", 1_000),
        (5, 99, "0.10", 5),
        (9_999, 99, "0.10", 9),
    ],
)
def test_recovery_is_capped_at_a_share_of_the_benefit(balance, benefit, share, expected):
    assert domain.recovery_deduction(balance, benefit, Decimal(share)) == expected


@given(st.integers(0, 10**9), st.integers(1, 10**9), st.decimals("0", "1", places=2))
def test_recovery_never_exceeds_the_balance_the_cap_or_the_benefit(balance, benefit, share):
    taken = domain.recovery_deduction(balance, benefit, share)
    assert 0 <= taken <= min(balance, benefit) and taken <= benefit * share


@pytest.mark.second_check_sampling
def test_sampling_is_deterministic_and_near_the_share():
    ids = [uuid.UUID(int=i * 7919 + 13) for i in range(4000)]
    picked = [domain.sampled_for_second_check(i, Decimal("0.20")) for i in ids]
    assert picked == [domain.sampled_for_second_check(i, Decimal("0.20")) for i in ids]
    assert 0.17 < sum(picked) / len(ids) < 0.23
    assert not any(domain.sampled_for_second_check(i, Decimal(0)) for i in ids)


@pytest.mark.parametrize(
    ("institution", "transit", "account", "field"),
    [
        ("01", "12345", "1234567", "bank.institution"),
        ("001", "1234", "1234567", "bank.transit"),
        ("001", "12345", "123456", "bank.account"),
        ("001", "12345", "12345x7", "bank.account"),
        ("001", None, None, "bank.transit"),
    ],
)
def test_bank_details_are_validated(institution, transit, account, field):
    with pytest.raises(InvalidInput) as err:
        domain.bank_account(institution, transit, account)
    assert err.value.field == field


def test_bank_account_routing_and_mask():
    account = domain.bank_account("002", "12345", "98765432")
    assert account is not None and account.routing == "000212345" and account.masked == "*****432"
    assert domain.bank_account(None, "", None) is None


def test_batch_steps_go_one_way():
    domain.check_batch_step(BatchState.BUILT, BatchState.APPROVED)
    with pytest.raises(InvalidTransition):
        domain.check_batch_step(BatchState.APPROVED, BatchState.APPROVED)


@pytest.mark.parametrize("cents", [0, -1, 1.5, True])
def test_amounts_must_be_positive_whole_cents(cents):
    with pytest.raises(InvalidInput):
        domain.positive_cents(cents, field="amount_cents")


def test_issue_and_release_entries_balance():
    item = postings.IssuedAmount(uuid.uuid4(), uuid.uuid4(), "p", 60_000, 6_000)
    assert postings.check_balanced(postings.issue_lines(item)) == 60_000
    assert postings.check_balanced(postings.release_lines([item])) == 54_000
    assert postings.check_balanced(postings.return_lines([item])) == 54_000
    assert postings.check_balanced(postings.reversal(postings.issue_lines(item))) == 60_000


@pytest.mark.parametrize(
    "lines",
    [
        [postings.dr(postings.Account.BANK_CLEARING, 100), postings.cr(postings.Account.PROGRAM_EXPENSE, 99)],
        [postings.dr(postings.Account.BANK_CLEARING, 100)],
        [
            postings.Line(postings.Account.BANK_CLEARING, 5, 5),
            postings.cr(postings.Account.PROGRAM_EXPENSE, 0),
        ],
        [postings.dr(postings.Account.BANK_CLEARING, -5), postings.cr(postings.Account.PROGRAM_EXPENSE, -5)],
    ],
)
def test_unbalanced_entries_are_refused(lines):
    with pytest.raises(postings.Unbalanced):
        postings.check_balanced(lines)


@given(st.lists(st.tuples(st.integers(1, 10**8), st.integers(0, 10**8)), min_size=1, max_size=20))
def test_any_set_of_issuances_posts_balanced(amounts):
    items = [
        postings.IssuedAmount(uuid.uuid4(), uuid.uuid4(), "p", gross, min(ded, gross))
        for gross, ded in amounts
    ]
    lines = [ln for i in items for ln in postings.issue_lines(i)]
    assert postings.check_balanced(lines) == sum(g for g, _ in amounts)
    released = [i for i in items if i.net_cents]
    if released:
        assert postings.check_balanced(postings.release_lines(released)) == sum(i.net_cents for i in items)


def test_each_money_state_machine_has_a_transition_table_and_refuses_the_rest():
    import pytest as _pytest

    from onestop.common.errors import InvalidTransition
    from onestop.money import domain as d
    from onestop.money.invoices.services import settle_approval
    from onestop.money.models import Invoice

    assert (
        d.transition(d.BATCH_TRANSITIONS, "built", d.BatchState.APPROVED, what="batch")
        is d.BatchState.APPROVED
    )
    refused = [
        (d.BATCH_TRANSITIONS, "approved", d.BatchState.APPROVED),
        (d.BATCH_TRANSITIONS, "built", d.BatchState.EXPORTED),
        (d.APPROVAL_TRANSITIONS, "approved", d.ApprovalState.REJECTED),
        (d.INVOICE_TRANSITIONS, "rejected", d.InvoiceState.APPROVED),
        (d.ISSUANCE_TRANSITIONS, "paid", d.IssuanceState.CANCELLED),
        (d.ISSUANCE_TRANSITIONS, "rejected", d.IssuanceState.APPROVED),
    ]
    for table, current, wanted in refused:
        with _pytest.raises(InvalidTransition):
            d.transition(table, current, wanted, what="it")
    # A decision arriving for an invoice already settled no longer overwrites it.
    invoice = Invoice(state="approved")
    with _pytest.raises(InvalidTransition):
        settle_approval(invoice, False)
    assert invoice.state == "approved"
