"""Out-of-province health-care claims: received with the bills, consultations with the other province's
health professionals recorded, approved or denied with reasons and appeal rights, and paid through money
to the person or the provider.

A claim needs the person's MCP registration in force on the first day of service; without it the claim
is refused (422) and nothing is recorded.
"""

from __future__ import annotations

import uuid

from onestop import audit, money
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.decisions import default_policy
from onestop.cases.documents import Document
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.money import format_cents, to_cents
from onestop.common.text import required_text
from onestop.db import UnitOfWork
from onestop.health import domain, payments
from onestop.health.changes import to_change
from onestop.health.domain import ClaimStatus
from onestop.health.errors import NoCoverage
from onestop.health.models import HealthClaim
from onestop.health.repository import HealthRepository
from onestop.health.schemas import ClaimContact, ClaimCreate, ClaimDecide, ClaimPay, ClaimPublic
from onestop.registry import merged_record_ids
from onestop.registry.domain import province

SUBJECT = "health_claim"
_CLAIMS = audit.Subject.of_row(SUBJECT, ClaimPublic.of)
PROGRAM = payments.CLAIMS_PROGRAM


def receive_claim(uow: UnitOfWork, *, actor: Actor, data: ClaimCreate) -> ClaimPublic:
    """Record a claim as received; refused (422) without MCP registration on the first day of service."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        where = province(data.province, field="province")
        if where == "NL":
            raise InvalidInput(
                "province", "an out-of-province claim is for care outside Newfoundland and Labrador"
            )
        end = data.service_to or data.service_from
        if end < data.service_from:
            raise InvalidInput("service_to", "must not be before service_from")
        if data.service_from > uow.clock.today():
            raise InvalidInput("service_from", "must not be in the future")
        cents = to_cents(data.amount, field="amount")
        if cents <= 0:
            raise InvalidInput("amount", "must be more than zero")
        ids = merged_record_ids(uow, data.person_id)
        repo = HealthRepository(uow.session)
        mcp = repo.mcp_on(ids, data.service_from)
        if mcp is None:
            raise NoCoverage(
                f"has no MCP registration in force on {data.service_from.isoformat()}; "
                "an out-of-province claim needs it"
            )
        docs = _documents(uow, ids, data.document_ids)
        row = HealthClaim(
            id=new_id(),
            person_id=ids[0],
            mcp_registration_id=mcp.id,
            province=where,
            provider=required_text(data.provider, "provider", max_len=200),
            service=required_text(data.service, "service", max_len=4000),
            service_from=data.service_from,
            service_to=end,
            amount_cents=cents,
            document_ids=docs,
            contacts=[],
            status=ClaimStatus.RECEIVED.value,
            received_by=actor.username,
            created_at=uow.clock.now(),
        )
        repo.add(row)
        return _CLAIMS.saved(
            uow,
            actor,
            AuditAction.CLAIM_RECEIVE,
            row,
            after={"province": where, "amount_cents": cents, "documents": len(docs)},
        )


def _documents(uow: UnitOfWork, ids: list[uuid.UUID], wanted: list[uuid.UUID]) -> list[str]:
    """The bills and receipts, each a document of this person."""
    out = []
    for i, doc_id in enumerate(wanted):
        doc = uow.session.get(Document, doc_id)
        if doc is None or doc.person_id not in ids:
            raise InvalidInput(f"document_ids[{i}]", "is not a document of this person")
        out.append(str(doc_id))
    return out


def add_contact(uow: UnitOfWork, *, actor: Actor, claim_id: uuid.UUID, data: ClaimContact) -> ClaimPublic:
    """Record a consultation with a health professional in the other province."""
    with uow:
        row = _claim(uow, actor, claim_id, data.version)
        contact = {
            "name": required_text(data.name, "name", max_len=200),
            "role": required_text(data.role, "role", max_len=100),
            "province": province(data.province, field="province") if data.province else row.province,
            "contacted_on": (data.contacted_on or uow.clock.today()).isoformat(),
            "note": required_text(data.note, "note", max_len=4000),
            "recorded_by": actor.username,
        }
        row.contacts = [*row.contacts, contact]
        return _CLAIMS.saved(
            uow, actor, AuditAction.CLAIM_CONTACT, row, after={"contacts": len(row.contacts)}
        )


def decide_claim(uow: UnitOfWork, *, actor: Actor, claim_id: uuid.UUID, data: ClaimDecide) -> ClaimPublic:
    """Approve (the amount, at most what was claimed) or deny, with the reasons and the appeal rights."""
    with uow:
        outcome = ClaimStatus(data.outcome)
        require(uow, actor, Permission.DECISION_MAKE, subject_type=SUBJECT, subject_id=claim_id)
        row = _claim(uow, actor, claim_id, data.version)
        domain.check_claim_move(row.status, outcome)
        reason = required_text(data.reason, "reason", max_len=4000)
        approved = None
        if outcome is ClaimStatus.APPROVED:
            approved = (
                to_cents(data.approved_amount, field="approved_amount")
                if data.approved_amount
                else row.amount_cents
            )
            if approved <= 0 or approved > row.amount_cents:
                raise InvalidInput(
                    "approved_amount",
                    "must be more than zero and at most the amount claimed "
                    f"({format_cents(row.amount_cents)})",
                )
        elif data.approved_amount:
            raise InvalidInput("approved_amount", "a denied claim approves nothing")
        today = uow.clock.today()
        row.status, row.approved_cents, row.decision_reason = outcome.value, approved, reason
        row.decided_on, row.decided_by = today, actor.username
        row.appeal = default_policy().appeal_rule(PROGRAM, "ca-nl").notice(today)
        return _CLAIMS.saved(
            uow,
            actor,
            AuditAction.CLAIM_DECIDE,
            row,
            after={"status": row.status, "approved_cents": approved},
        )


def pay_claim(uow: UnitOfWork, *, actor: Actor, claim_id: uuid.UUID, data: ClaimPay) -> ClaimPublic:
    """Pay an approved claim through money (an issuance to the person or the provider)."""
    with uow:
        row = _claim(uow, actor, claim_id, data.version)
        domain.check_claim_move(row.status, ClaimStatus.PAID)
        assert row.approved_cents is not None
        pay_date = data.pay_date or uow.clock.today()
        row.issuance_id, state = payments.pay(
            uow,
            actor=actor,
            data=money.IssuanceCreate(
                payment_type="invoice",
                program=PROGRAM,
                unit_id=payments.unit_to_pay(uow, row.person_id, pay_date),
                payee_id=data.payee_id,
                amount=row.approved_cents,
                method=data.method,
                pay_date=pay_date,
                explanation=f"Out-of-province claim: {row.provider} ({row.province}), {row.service_from}",
                idempotency_key=f"health:claim:{row.id}",
            ),
        )
        row.status, row.paid_to = ClaimStatus.PAID.value, data.pay_to
        return _CLAIMS.saved(
            uow,
            actor,
            AuditAction.CLAIM_PAY,
            row,
            after={"issuance_id": row.issuance_id, "issuance_state": state, "paid_to": data.pay_to},
        )


def _claim(uow: UnitOfWork, actor: Actor, claim_id: uuid.UUID, version: int | None) -> HealthClaim:
    row = to_change(uow, actor, HealthClaim, claim_id, version, SUBJECT)
    return row


def list_claims(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[ClaimPublic]:
    """A person's claims, newest first."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type="person", subject_id=person_id)
        rows = HealthRepository(uow.session).for_people(HealthClaim, merged_record_ids(uow, person_id))
        return _CLAIMS.listed(uow, actor, AuditAction.CLAIM_LIST, rows, ("person", person_id))
