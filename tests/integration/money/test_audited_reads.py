"""Every money read that shows personal data leaves an audit event naming who read what."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from onestop import money
from onestop.access.permissions import Role
from onestop.audit.models import AuditEvent

PROGRAM = "nl-income-support"


def _actions(m, username: str) -> list[tuple[str, str | None]]:
    with m.c.uow() as uow:
        rows = uow.session.execute(
            select(AuditEvent.action, AuditEvent.subject_id)
            .where(AuditEvent.actor_username == username, AuditEvent.action.not_like("%:create"))
            .order_by(AuditEvent.seq)
        ).all()
    return [(a, s) for a, s in rows]


def test_reads_of_payees_entitlements_issuances_overpayments_and_cheques_are_audited(m):
    officer = m.staff("reader", Role.OFFICER, Role.SUPERVISOR)
    unit_id, payee = m.client()
    ent = money.create_entitlement(
        m.c.uow(),
        actor=officer,
        data=money.EntitlementCreate(
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=60_000,
            frequency="monthly",
            method="direct_deposit",
            start_date=dt.date(2026, 3, 1),
        ),
    )
    issued = money.issue_payment(
        m.c.uow(),
        actor=officer,
        data=money.IssuanceCreate(
            payment_type="emergency_funds",
            program=PROGRAM,
            unit_id=unit_id,
            payee_id=payee.id,
            amount=10_000,
            method="direct_deposit",
            pay_date=dt.date(2026, 3, 2),
            explanation="no food",
        ),
    )
    before = _actions(m, "reader")

    money.get_payee(m.c.uow(), actor=officer, payee_id=payee.id)
    money.list_payees(m.c.uow(), actor=officer, person_id=payee.person_id)
    money.entitlements.get_entitlement(m.c.uow(), actor=officer, entitlement_id=ent.id)
    money.list_entitlements(m.c.uow(), actor=officer, unit_id=unit_id)
    money.get_issuance(m.c.uow(), actor=officer, issuance_id=issued.id)
    money.list_issuances(m.c.uow(), actor=officer, unit_id=unit_id)
    money.list_overpayments(m.c.uow(), actor=officer, unit_id=unit_id)
    money.cheque_register(m.c.uow(), actor=m.staff("fin", Role.FINANCE), purpose="month-end check")

    reads = _actions(m, "reader")[len(before) :]
    assert reads == [
        ("payee:read", str(payee.id)),
        ("payee:list", str(payee.person_id)),
        ("entitlement:read", str(ent.id)),
        ("entitlement:list", str(unit_id)),
        ("issuance:read", str(issued.id)),
        ("issuance:list", str(unit_id)),
        ("overpayment:list", str(unit_id)),
    ]
    assert _actions(m, "fin") == [("cheque:register_read", None)]
