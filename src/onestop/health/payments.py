"""Every call from the health area into money, in one place (the money area is being re-shaped; only
this module needs adapting).

* an emergency drug card with a value is a ``drug_card`` issuance (voucher, redeemed by the pharmacy),
  within the officer's ``drug_card`` authority in ``money/config/authority.yaml``;
* cancelling such a card cancels its issuance while it is pending or approved (a voucher released
  to the pharmacy stays: money cannot reverse it);
* an approved trip is a ``travel`` issuance to the carrier or agency; a vendor's invoice for it is
  entered with ``money.record_invoice``;
* an approved out-of-province claim is paid as an ``invoice`` issuance (a bill paid to the person who
  paid it, or to the provider) under program ``nl.out_of_province_claims``;
* a facility is a ``vendor`` payee; a benefit for a resident is an issuance to it (``shelter`` by the
  night, else ``invoice``; a manual cheque with its number) or a monthly entitlement, under
  ``nl.income_support``; when the resident leaves, that entitlement ends on the day out
  (``money.change_entitlement`` with an end date: ending needs no second person).

Each runs inside the caller's unit of work (money's services join the outer transaction).
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import money
from onestop.access import Actor
from onestop.common.errors import InvalidInput, NotFound
from onestop.db import UnitOfWork
from onestop.health.repository import HealthRepository
from onestop.money import get_entitlement
from onestop.registry import merged_record_ids

DRUG_CARD_PROGRAM = "nl.nlpdp"
CLAIMS_PROGRAM = "nl.out_of_province_claims"


def issue_drug_card_value(
    uow: UnitOfWork,
    *,
    actor: Actor,
    card_id: uuid.UUID,
    card_number: str,
    unit_id: uuid.UUID,
    payee_id: uuid.UUID,
    value_cents: int,
    pay_date: dt.date,
) -> uuid.UUID:
    """The ledger issuance of a card's value (queued for approval when beyond the officer's limit)."""
    issuance = money.issue_payment(
        uow,
        actor=actor,
        data=money.IssuanceCreate(
            payment_type="drug_card",
            program=DRUG_CARD_PROGRAM,
            unit_id=unit_id,
            payee_id=payee_id,
            amount=value_cents,
            method="voucher",
            pay_date=pay_date,
            explanation=f"Emergency drug card {card_number}",
            idempotency_key=f"health:drug_card:{card_id}",
        ),
    )
    return issuance.id


def cancel_drug_card_value(uow: UnitOfWork, *, actor: Actor, issuance_id: uuid.UUID, reason: str) -> str:
    """Cancel the issuance of a cancelled card's value while money still can (pending or approved);
    a voucher already released to the pharmacy stays as it is. Returns the issuance's state."""
    state = money.get_issuance(uow, actor=actor, issuance_id=issuance_id).state
    if state in ("pending_approval", "approved"):
        return money.cancel_issuance(uow, actor=actor, issuance_id=issuance_id, reason=reason).state
    return state


def unit_to_pay(uow: UnitOfWork, person_id: uuid.UUID, on: dt.date) -> uuid.UUID:
    """Money pays a benefit unit, not a person: the unit the person (or a merged record of theirs) is
    in on the day; refused, naming the person, when they are in none."""
    unit_id = HealthRepository(uow.session).current_unit(merged_record_ids(uow, person_id), on)
    if unit_id is None:
        raise InvalidInput("person_id", "belongs to no benefit unit; a payment is made for a unit")
    return unit_id


def pay(uow: UnitOfWork, *, actor: Actor, data: money.IssuanceCreate) -> tuple[uuid.UUID, str]:
    """An approved claim or trip as an issuance (the officer's limits apply; beyond them it waits for
    a supervisor); returns the issuance id and its state (approved, or pending approval)."""
    issuance = money.issue_payment(uow, actor=actor, data=data)
    return issuance.id, issuance.state


def record_travel_invoice(
    uow: UnitOfWork,
    *,
    actor: Actor,
    program: str,
    unit_id: uuid.UUID,
    payee_id: uuid.UUID,
    vendor_reference: str,
    amount_cents: int,
    description: str,
    received_on: dt.date,
) -> tuple[uuid.UUID, str]:
    """A vendor's invoice for a trip, entered in money (approved and paid there); id and state."""
    invoice = money.record_invoice(
        uow,
        actor=actor,
        data=money.InvoiceCreate(
            payee_id=payee_id,
            vendor_reference=vendor_reference,
            unit_id=unit_id,
            program=program,
            amount=amount_cents,
            description=description,
            received_on=received_on,
        ),
    )
    return invoice.id, invoice.state


FACILITY_PROGRAM = "nl.income_support"


def facility_payee(uow: UnitOfWork, *, actor: Actor, name: str, payee_id: uuid.UUID | None) -> uuid.UUID:
    """The facility's money payee: the vendor named (it must be a vendor), or a new vendor payee in the
    facility's name (set up by hand, so it waits for a second person's approval before it is paid)."""
    if payee_id is None:
        payee = money.create_payee(uow, actor=actor, data=money.PayeeCreate(kind="vendor", name=name))
        return payee.id
    try:
        payee = money.get_payee(uow, actor=actor, payee_id=payee_id)
    except NotFound:
        raise InvalidInput("payee_id", f"no payee with id {payee_id}") from None
    if payee.kind != money.PayeeKind.VENDOR.value:
        raise InvalidInput(
            "payee_id", f"{payee.name} is a {payee.kind} payee; a facility is paid as a vendor"
        )
    return payee.id


def pay_facility_monthly(
    uow: UnitOfWork,
    *,
    actor: Actor,
    unit_id: uuid.UUID,
    payee_id: uuid.UUID,
    amount_cents: int,
    method: str,
    start: dt.date,
    explanation: str,
) -> tuple[uuid.UUID, str]:
    """A recurring monthly payment to the facility: a money entitlement (set up by hand, so a second
    person approves it before it pays); its id and state."""
    entitlement = money.create_entitlement(
        uow,
        actor=actor,
        data=money.EntitlementCreate(
            program=FACILITY_PROGRAM,
            unit_id=unit_id,
            payee_id=payee_id,
            amount=amount_cents,
            frequency=money.Frequency.MONTHLY,
            method=money.PaymentMethod(method),
            start_date=start,
            explanation=explanation,
        ),
    )
    return entitlement.id, entitlement.state


#: A facility's monthly payment after the day out: ended in money, ending waits for a second person, or
#: not in force (its set-up still waits for approval: refused there, not ended here).
ENDED, END_PENDING, NOT_IN_FORCE = "ended", "end_pending_approval", "not_in_force"


def end_facility_monthly(
    uow: UnitOfWork, *, actor: Actor, entitlement_id: uuid.UUID, out_on: dt.date, reason: str
) -> str:
    """End the facility's monthly entitlement (the version in force of its series) on the day out.

    Money settles what was already paid for the days after (an overpayment it opens itself).
    """
    first = get_entitlement(uow, actor=actor, entitlement_id=entitlement_id)
    versions = money.list_entitlements(uow, actor=actor, unit_id=first.unit_id)
    in_force = [v for v in versions if v.series_id == first.series_id and v.active and v.state == "approved"]
    if not in_force:
        return NOT_IN_FORCE
    current = in_force[0]
    if current.end_date is not None and current.end_date <= out_on:
        return ENDED
    effective = max(current.start_date, out_on + dt.timedelta(days=1))
    result = money.change_entitlement(
        uow,
        actor=actor,
        entitlement_id=current.id,
        data=money.EntitlementChange(
            effective_from=effective,
            end_date=max(out_on, effective - dt.timedelta(days=1)),
            reason=reason,
        ),
    )
    return END_PENDING if result.pending else ENDED
