"""Co-pay costing: one prescription costed exactly under the person's coverage, with the explanation;
``undetermined`` naming what is missing when the published terms cannot settle it; and the officer's
case-by-case decision with its reason ("decisions on co-pay amounts", NL job profile).
"""

from __future__ import annotations

import uuid
from decimal import Decimal

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.decisions import DecisionRepository
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.money import format_cents, parse_decimal, to_cents
from onestop.common.text import required_text
from onestop.db import UnitOfWork, expect_version
from onestop.health import domain, terms
from onestop.health.coverage import covering
from onestop.health.domain import Plan, Prescription
from onestop.health.models import CopayCosting, Coverage
from onestop.health.repository import HealthRepository
from onestop.health.schemas import CopayOverride, CopayPublic, CopayRequest

SUBJECT = "health_copay"
_COPAYS = audit.Subject.of_row(SUBJECT, CopayPublic.of)


def cost_prescription(uow: UnitOfWork, *, actor: Actor, data: CopayRequest) -> CopayPublic:
    """Cost a prescription on the coverage in force on the day; the result is kept with its explanation."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        on = data.on or uow.clock.today()
        rx = _prescription(data)
        ids, coverage = covering(uow, data.person_id, on, what="a co-pay")
        plan = Plan(coverage.plan)
        if plan is Plan.ASSURANCE and rx.net_income_cents is None:
            rx = _with_decided_income(uow, coverage, rx)
        result = domain.compute_copay(rx, terms.terms_for(plan, on))
        row = CopayCosting(
            id=new_id(),
            person_id=ids[0],
            coverage_id=coverage.id,
            din=rx.din,
            drug_name=rx.drug_name,
            quantity=str(rx.quantity),
            unit_price=str(rx.unit_price),
            dispensing_fee_cents=rx.dispensing_fee_cents,
            total_cents=result.total_cents,
            status=result.status.value,
            computed_cents=result.copay_cents,
            explanation=result.explanation,
            missing=result.missing,
            used=result.used,
            costed_on=on,
            costed_by=actor.username,
            created_at=uow.clock.now(),
        )
        HealthRepository(uow.session).add(row)
        return _COPAYS.saved(
            uow,
            actor,
            AuditAction.COPAY_COMPUTE,
            row,
            after={"status": row.status, "copay_cents": row.computed_cents, "missing": row.missing},
        )


def _prescription(data: CopayRequest) -> Prescription:
    """The request checked field by field, so a missing price or unknown drug names its field."""
    din = domain.din(data.din, field="din")
    name = required_text(data.drug_name, "drug_name", max_len=200)
    if data.quantity is None:
        raise InvalidInput("quantity", "is required")
    if data.unit_price is None:
        raise InvalidInput("unit_price", "is required (the drug's price per unit)")
    quantity = parse_decimal(data.quantity, field="quantity")
    price = parse_decimal(data.unit_price, field="unit_price")
    fee = to_cents(data.dispensing_fee, field="dispensing_fee") if data.dispensing_fee is not None else None
    income = to_cents(data.net_income, field="net_income") if data.net_income is not None else None
    paid = to_cents(data.paid_to_date, field="paid_to_date") if data.paid_to_date is not None else None
    if quantity <= 0 or quantity > Decimal(100000):
        raise InvalidInput("quantity", "must be more than zero")
    if price < 0:
        raise InvalidInput("unit_price", "must not be negative")
    return Prescription(din, name, quantity, price, fee, income, paid)


def _with_decided_income(uow: UnitOfWork, coverage: Coverage, rx: Prescription) -> Prescription:
    """The net family income the Assurance decision used, when the officer did not give one."""
    if coverage.decision_id is None:
        return rx
    decision = DecisionRepository(uow.session).get(coverage.decision_id)
    raw = (decision.case_data.get("unit") or {}).get("annual_net_income")
    if raw is None:
        return rx
    return Prescription(
        rx.din,
        rx.drug_name,
        rx.quantity,
        rx.unit_price,
        rx.dispensing_fee_cents,
        to_cents(raw, field="annual_net_income"),
        rx.paid_to_date_cents,
    )


def override_copay(uow: UnitOfWork, *, actor: Actor, copay_id: uuid.UUID, data: CopayOverride) -> CopayPublic:
    """The officer sets the co-pay for this case, with the reason; the computed figure stays beside it."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=copay_id)
        reason = required_text(data.reason, "reason")
        row = HealthRepository(uow.session).get(CopayCosting, copay_id, for_update=True)
        expect_version(row.version, data.version, what="co-pay costing")
        cents = to_cents(data.copay, field="copay")
        if cents > row.total_cents:
            raise InvalidInput(
                "copay", f"must not exceed the prescription's total ({format_cents(row.total_cents)})"
            )
        before = {"override_cents": row.override_cents}
        row.override_cents, row.override_reason, row.override_by = cents, reason, actor.username
        return _COPAYS.saved(
            uow,
            actor,
            AuditAction.COPAY_OVERRIDE,
            row,
            before=before,
            after={"override_cents": cents, "computed_cents": row.computed_cents, "reason": reason},
        )
