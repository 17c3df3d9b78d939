"""Out-of-province travel for stranded people and for medical care not available in the province
(NL job profile: "arranges out of province travel for stranded persons and individuals requiring
medical intervention which is not available in the province").

A request holds the reason (and the medical referral, as a document of the person), the itinerary
and the estimate. Approval pays the carrier or agency through money as a ``travel`` issuance, so the
travel limits of ``money/config/authority.yaml`` apply (beyond the officer's: pending a supervisor).
An approval with a return date creates the follow-up task for that day; the return is then recorded.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit, money
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.documents import Document
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.money import to_cents
from onestop.common.text import required_text
from onestop.db import UnitOfWork
from onestop.health import domain, payments
from onestop.health.changes import to_change
from onestop.health.domain import TravelKind, TravelStatus
from onestop.health.follow_ups import follow_up_task
from onestop.health.models import Travel
from onestop.health.repository import HealthRepository
from onestop.health.schemas import TravelCreate, TravelDecide, TravelInvoice, TravelPublic, TravelReturn
from onestop.registry import merged_record_ids

SUBJECT = "health_travel"
_TRAVEL_REQUESTS = audit.Subject.of_row(SUBJECT, TravelPublic.of)


def request_travel(uow: UnitOfWork, *, actor: Actor, data: TravelCreate) -> TravelPublic:
    """Record a travel request; medical travel needs the referral document or the medical reason."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        ids = merged_record_ids(uow, data.person_id)
        kind = TravelKind(data.kind)
        reason = required_text(data.reason, "reason", max_len=4000)
        if data.referral_document_id is not None:
            doc = uow.session.get(Document, data.referral_document_id)
            if doc is None or doc.person_id not in ids:
                raise InvalidInput("referral_document_id", "is not a document of this person")
        legs: list[dict[str, Any]] = [
            {
                "from_place": required_text(leg.from_place, f"legs[{i}].from_place", max_len=100),
                "to_place": required_text(leg.to_place, f"legs[{i}].to_place", max_len=100),
                "carrier": required_text(leg.carrier, f"legs[{i}].carrier", max_len=100),
                "depart_on": leg.depart_on,
            }
            for i, leg in enumerate(data.legs)
        ]
        first = domain.check_legs(legs, data.return_on)
        cents = to_cents(data.estimated_cost, field="estimated_cost")
        if cents <= 0:
            raise InvalidInput("estimated_cost", "must be more than zero")
        row = Travel(
            id=new_id(),
            person_id=ids[0],
            kind=kind.value,
            reason=reason,
            referral_document_id=data.referral_document_id,
            legs=[{**leg, "depart_on": leg["depart_on"].isoformat()} for leg in legs],
            depart_on=first,
            return_on=data.return_on,
            estimated_cents=cents,
            status=TravelStatus.REQUESTED.value,
            invoices=[],
            requested_by=actor.username,
            created_at=uow.clock.now(),
        )
        HealthRepository(uow.session).add(row)
        return _TRAVEL_REQUESTS.saved(
            uow,
            actor,
            AuditAction.TRAVEL_REQUEST,
            row,
            after={"kind": kind.value, "depart_on": first, "estimated_cents": cents},
        )


def decide_travel(uow: UnitOfWork, *, actor: Actor, travel_id: uuid.UUID, data: TravelDecide) -> TravelPublic:
    """Approve (paid through money within authority; follow-up task on the return date) or deny."""
    with uow:
        outcome = TravelStatus(data.outcome)
        row = _get(uow, actor, travel_id, data.version, outcome)
        reason = required_text(data.reason, "reason", max_len=4000)
        if outcome is TravelStatus.APPROVED:
            cents = to_cents(data.amount, field="amount") if data.amount else row.estimated_cents
            if cents <= 0:
                raise InvalidInput("amount", "must be more than zero")
            if data.payee_id is None:
                raise InvalidInput("payee_id", "is required: the carrier or travel agency to pay")
            row.issuance_id, _ = payments.pay(
                uow,
                actor=actor,
                data=money.IssuanceCreate(
                    payment_type="travel",
                    program=domain.TRAVEL_PROGRAMS[TravelKind(row.kind)],
                    unit_id=payments.unit_to_pay(uow, row.person_id, row.depart_on),
                    payee_id=data.payee_id,
                    amount=cents,
                    method=data.method,
                    pay_date=min(uow.clock.today(), row.depart_on),
                    explanation=f"Travel ({row.kind}) departing {row.depart_on.isoformat()}",
                    idempotency_key=f"health:travel:{row.id}",
                ),
            )
            row.approved_cents = cents
            if row.return_on is not None:
                row.follow_up_task_id = _follow_up(uow, actor, row)
        row.status, row.decision_reason, row.decided_by = outcome.value, reason, actor.username
        return _TRAVEL_REQUESTS.saved(
            uow,
            actor,
            AuditAction.TRAVEL_DECIDE,
            row,
            after=audit.fields(row, "status", "approved_cents", "issuance_id"),
        )


def _follow_up(uow: UnitOfWork, actor: Actor, row: Travel) -> uuid.UUID:
    assert row.return_on is not None
    return follow_up_task(
        uow,
        actor,
        title=f"Follow up on the return from travel ({row.kind})",
        details="Check the person is back and how they are; record the return.",
        person_id=row.person_id,
        due_on=row.return_on,
        source=(SUBJECT, row.id),
    )


def add_travel_invoice(
    uow: UnitOfWork, *, actor: Actor, travel_id: uuid.UUID, data: TravelInvoice
) -> TravelPublic:
    """Enter a vendor's invoice for an approved trip in money's invoices."""
    with uow:
        row = to_change(uow, actor, Travel, travel_id, data.version, SUBJECT)
        if row.status not in (TravelStatus.APPROVED, TravelStatus.RETURNED):
            raise InvalidInput("travel_id", "invoices are for an approved trip")
        unit_id = payments.unit_to_pay(uow, row.person_id, row.depart_on)
        cents = to_cents(data.amount, field="amount")
        invoice_id, state = payments.record_travel_invoice(
            uow,
            actor=actor,
            program=domain.TRAVEL_PROGRAMS[TravelKind(row.kind)],
            unit_id=unit_id,
            payee_id=data.payee_id,
            vendor_reference=data.vendor_reference,
            amount_cents=cents,
            description=f"Travel ({row.kind}) departing {row.depart_on.isoformat()}",
            received_on=data.received_on or uow.clock.today(),
        )
        entry = {
            "invoice_id": str(invoice_id),
            "vendor_reference": data.vendor_reference,
            "amount_cents": cents,
        }
        row.invoices = [*row.invoices, {**entry, "state": state}]
        return _TRAVEL_REQUESTS.saved(uow, actor, AuditAction.TRAVEL_INVOICE, row, after=entry)


def record_return(uow: UnitOfWork, *, actor: Actor, travel_id: uuid.UUID, data: TravelReturn) -> TravelPublic:
    """The follow-up on return: the date and how it went."""
    with uow:
        row = _get(uow, actor, travel_id, data.version, TravelStatus.RETURNED)
        if data.returned_on < row.depart_on or data.returned_on > uow.clock.today():
            raise InvalidInput("returned_on", "must be between the departure and today")
        row.status, row.returned_on = TravelStatus.RETURNED.value, data.returned_on
        row.return_note = required_text(data.note, "note", max_len=4000)
        return _TRAVEL_REQUESTS.saved(
            uow, actor, AuditAction.TRAVEL_RETURN, row, after={"returned_on": row.returned_on}
        )


def _get(
    uow: UnitOfWork, actor: Actor, travel_id: uuid.UUID, version: int | None, target: TravelStatus
) -> Travel:
    row = to_change(uow, actor, Travel, travel_id, version, SUBJECT)
    domain.check_travel_move(row.status, target)
    return row
