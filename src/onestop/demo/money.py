"""Every call the demo makes into the money area, in one module (so a change of the money services'
signatures is adapted here only).

Maker-checker holds throughout: an officer records, a supervisor approves; one finance user builds the
payment batch and another approves it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from onestop import money
from onestop.access import Actor
from onestop.demo.context import Client, Ctx

PROGRAM = "ab.income_support"


def bank_payee(ctx: Ctx, officer: Actor, client: Client) -> None:
    """The client brought a void cheque: a payee with banking details, so benefits go by deposit.

    Banking details entered by hand wait for a second person: the office's supervisor checks them."""
    rng = ctx.rng
    data = money.PayeeCreate(
        kind="client",
        name=client.name,
        person_id=client.person_id,
        institution=rng.choice(("001", "002", "003", "004", "006", "815")),
        transit=f"{rng.randint(0, 99999):05d}",
        account=f"{rng.randint(0, 9999999):07d}",
    )
    payee = money.create_payee(ctx.container.uow(), actor=officer, data=data)
    approve_payee(ctx, payee.id, note="void cheque seen")
    ctx.made.add("bank_payees")


def approve_payee(ctx: Ctx, payee_id: uuid.UUID | None, *, note: str = "") -> None:
    """The supervisor approves a new payee (a second person, as money requires before paying one)."""
    supervisor = ctx.staff["supervisor"]
    for request in money.list_approvals(ctx.container.uow(), actor=supervisor, limit=500):
        if request.subject_id == payee_id:
            money.decide_approval(
                ctx.container.uow(), actor=supervisor, approval_id=request.id, approve=True, note=note
            )


def client_payee(ctx: Ctx, officer: Actor, client: Client) -> tuple[uuid.UUID, str]:
    """The client's payee (made with the entitlement) and how it can be paid."""
    [payee, *_] = money.list_payees(ctx.container.uow(), actor=officer, person_id=client.person_id)
    return payee.id, ("direct_deposit" if payee.account_masked else "cheque")


def emergency_payment(
    ctx: Ctx,
    officer: Actor,
    client: Client,
    amount_cents: int,
    why: str = "furnace broke down; repair quote attached",
) -> uuid.UUID:
    """An emergency payment beyond the officer's authority: it waits for a supervisor's approval (beyond
    a supervisor's, for an administrator's)."""
    payee, method = client_payee(ctx, officer, client)
    data = money.IssuanceCreate(
        payment_type="emergency_funds",
        program=PROGRAM,
        unit_id=client.unit_id,
        payee_id=payee,
        amount=amount_cents,
        method=method,
        pay_date=ctx.today + dt.timedelta(days=1),
        explanation=why,
        office_id=officer.office_id,
    )
    issuance = money.issue_payment(ctx.container.uow(), actor=officer, data=data)
    ctx.made.add("emergency_payments")
    return issuance.id


def small_emergency(ctx: Ctx, officer: Actor, client: Client) -> None:
    """A food voucher within the officer's authority: issued at once (goes into the next batch)."""
    payee, method = client_payee(ctx, officer, client)
    data = money.IssuanceCreate(
        payment_type="food_voucher",
        program=PROGRAM,
        unit_id=client.unit_id,
        payee_id=payee,
        amount=15000,
        method=method,
        pay_date=ctx.clock.today(),
        explanation="no food until payday",
        office_id=officer.office_id,
    )
    money.issue_payment(ctx.container.uow(), actor=officer, data=data)
    ctx.made.add("vouchers")


def pending_approval_id(ctx: Ctx, supervisor: Actor, issuance_id: uuid.UUID) -> uuid.UUID | None:
    """The approval request waiting for the emergency payment (for the guide's link)."""
    for request in money.list_approvals(ctx.container.uow(), actor=supervisor, limit=100):
        if request.subject_id == issuance_id:
            return request.id
    return None


def overpayment(ctx: Ctx, officer: Actor, client: Client, amount_cents: int, repaid_cents: int) -> uuid.UUID:
    """An overpayment found after the fact, partly repaid already (the rest recovered from benefits)."""
    data = money.OverpaymentCreate(
        unit_id=client.unit_id,
        program=PROGRAM,
        amount=amount_cents,
        source="manual",
        reason="employment income for last month was reported late",
    )
    op = money.create_overpayment(ctx.container.uow(), actor=officer, data=data)
    uow = ctx.container.uow()
    repaid = money.Repayment(amount=repaid_cents, note="paid at the counter")
    money.record_repayment(uow, actor=officer, overpayment_id=op.id, data=repaid)
    ctx.made.add("overpayments")
    return op.id


def payment_run(ctx: Ctx, maker: Actor, checker: Actor, pay_date: dt.date, out_dir: Path) -> int:
    """The month's run: recurring payments generated, the batch built, approved by another, exported."""
    run = money.run_payments(ctx.container.uow(), actor=maker, pay_date=pay_date)
    batch = money.approve_batch(ctx.container.uow(), actor=checker, batch_id=run.batch.id)
    money.export_batch(ctx.container.uow(), actor=maker, batch_id=batch.id, out_dir=out_dir)
    ctx.made.add("payment_batches")
    ctx.made.add("recurring_payments", run.generation.created)
    return run.generation.created


#: Programs the demo office pays from, with their budget per 1,000 people served (cents).
BUDGETS = (
    ("ab.income_support", 150_000_00),
    ("nl.income_support", 60_000_00),
    ("nl.medical_travel", 10_000_00),
    ("nl.out_of_province_claims", 5_000_00),
)


def budgets(ctx: Ctx, people: int) -> None:
    """The administrator sets the office's budgets for the fiscal year (April to March) at its start,
    so the budget page shows what the payments commit and spend against them."""
    admin = ctx.staff["administrator"]
    today = ctx.clock.today()
    year = today.year if today.month >= 4 else today.year - 1
    assert admin.office_id is not None
    for program, per_thousand in BUDGETS:
        money.set_budget(
            ctx.container.uow(),
            actor=admin,
            program=program,
            office_id=admin.office_id,
            fiscal_year=year,
            amount_cents=per_thousand * max(1, people // 1000),
        )
        ctx.made.add("budgets")
