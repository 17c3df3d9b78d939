"""The approval queue (maker-checker): supervisors approve what is beyond an officer's authority,
sampled second checks and write-offs. Nobody approves their own request.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidTransition
from onestop.db import UnitOfWork
from onestop.money import repository, support
from onestop.money.domain import (
    APPROVAL_TRANSITIONS,
    ISSUANCE_TRANSITIONS,
    ApprovalState,
    IssuanceState,
    PaymentMethod,
    transition,
)
from onestop.money.entitlements import services as entitlements
from onestop.money.errors import BeyondAuthority, SelfApproval
from onestop.money.invoices import services as invoices
from onestop.money.models import ApprovalRequest, Entitlement, Invoice, Issuance, Overpayment, Payee
from onestop.money.overpayments import services as overpayments
from onestop.money.payments import issuances
from onestop.money.payments.authority import AuthorityPolicy, check_authority
from onestop.money.support import is_same_person


def list_approvals(uow: UnitOfWork, *, actor: Actor, limit: int = 100) -> Sequence[ApprovalRequest]:
    """The requests waiting for one of the actor's roles, oldest first."""
    with uow:
        require(uow, actor, Permission.MONEY_APPROVE, subject_type="approval")
        roles = {r.value for r in actor.roles} or None
        return support.kept(
            uow, repository.pending_approvals(uow.session, roles=roles, limit=min(limit, 500))
        )


def decide_approval(
    uow: UnitOfWork,
    *,
    actor: Actor,
    approval_id: uuid.UUID,
    approve: bool,
    note: str = "",
    policy: AuthorityPolicy | None = None,
) -> ApprovalRequest:
    """Approve or reject a pending request; the approver's own authority must cover the amount."""
    with uow:
        require(uow, actor, Permission.MONEY_APPROVE, subject_type="approval", subject_id=approval_id)
        request = repository.get(
            uow.session, ApprovalRequest, approval_id, kind="approval request", for_update=True
        )
        support.require_named_person(actor)
        unit_id = _unit_of(uow, request)
        if unit_id is not None:  # the file guards (conflicts of interest) look at the unit paid
            require(uow, actor, Permission.MONEY_APPROVE, subject_type="unit", subject_id=unit_id)
        decided = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
        transition(APPROVAL_TRANSITIONS, request.state, decided, what="an approval request")
        if is_same_person(actor, request.requested_by, request.requested_by_id):
            raise SelfApproval("a request")
        if approve:
            _check_approver(uow, actor, request, policy)
        request.state = decided.value
        request.decided_by, request.decided_at = actor.username, uow.clock.now()
        request.decision_note = note.strip() or None
        _apply(uow, actor, request, approve)
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.APPROVAL_APPROVED if approve else AuditAction.APPROVAL_REJECTED,
            subject_type=request.subject_type,
            subject_id=request.subject_id,
            details={"approval_id": request.id, "kind": request.kind, "note": request.decision_note},
        )
        uow.commit()
    return request


def _check_approver(
    uow: UnitOfWork, actor: Actor, request: ApprovalRequest, policy: AuthorityPolicy | None
) -> None:
    _not_the_maker(uow, actor, request)
    if request.kind == "payee":
        return
    if request.kind == "write_off":
        require(
            uow, actor, Permission.MONEY_WRITE_OFF, subject_type="overpayment", subject_id=request.subject_id
        )
        return
    if request.kind == "second_check":
        return
    decision = check_authority(
        actor,
        request.payment_type,
        request.program,
        request.amount_cents,
        nights=request.nights,
        policy=policy,
    )
    if not decision.allowed:
        raise BeyondAuthority(
            f"this is beyond your own authority too ({decision.reason}); "
            f"it needs a {decision.needs_approval_by_role}"
        )


def _unit_of(uow: UnitOfWork, request: ApprovalRequest) -> uuid.UUID | None:
    """The benefit unit a request would pay (or write off), if it is about one."""
    row: Issuance | Entitlement | Overpayment | None
    if request.subject_type == "issuance":
        row = uow.session.get(Issuance, request.subject_id)
    elif request.subject_type == "entitlement":
        row = uow.session.get(Entitlement, request.subject_id)
    elif request.subject_type == "overpayment":
        row = uow.session.get(Overpayment, request.subject_id)
    else:
        return None
    return row.unit_id if row is not None else None


def _not_the_maker(uow: UnitOfWork, actor: Actor, request: ApprovalRequest) -> None:
    """Nobody approves what they recorded: the requester (checked before), and for an invoice's payment
    also whoever entered the invoice, for an entitlement or payee whoever set it up."""
    recorded_by: str | None = None
    if request.subject_type == "issuance":
        issuance = repository.get(uow.session, Issuance, request.subject_id, kind="issuance")
        if issuance.invoice_id is not None:
            invoice = repository.get(uow.session, Invoice, issuance.invoice_id, kind="invoice")
            recorded_by = invoice.entered_by
    elif request.subject_type == "entitlement":
        recorded_by = repository.get(
            uow.session, Entitlement, request.subject_id, kind="entitlement"
        ).created_by
    elif request.subject_type == "payee":
        recorded_by = repository.get(uow.session, Payee, request.subject_id, kind="payee").created_by
    if recorded_by is not None and recorded_by == actor.username:
        raise SelfApproval("a record")


def _apply(uow: UnitOfWork, actor: Actor, request: ApprovalRequest, approve: bool) -> None:
    if request.subject_type == "payee":
        payee = repository.get(uow.session, Payee, request.subject_id, kind="payee", for_update=True)
        payee.state = "approved" if approve else "rejected"
        return
    if request.subject_type == "entitlement":
        ent = repository.get(
            uow.session, Entitlement, request.subject_id, kind="entitlement", for_update=True
        )
        if ent.state != "pending_approval":
            raise InvalidTransition(f"the entitlement is {ent.state}, no longer waiting for approval")
        if approve:
            issuances.payee_for(uow, ent.payee_id, PaymentMethod(ent.method))
            entitlements.put_in_force(uow, actor, ent)
        else:
            ent.state = "rejected"
        return
    if request.subject_type == "overpayment":
        op = repository.get(uow.session, Overpayment, request.subject_id, kind="overpayment", for_update=True)
        if approve:
            overpayments.write_off(uow, op, by=actor.username, note=request.explanation)
        return
    issuance = repository.get(uow.session, Issuance, request.subject_id, kind="issuance", for_update=True)
    if issuance.state != IssuanceState.PENDING_APPROVAL.value:
        raise InvalidTransition(f"the issuance is {issuance.state}, no longer waiting for approval")
    if approve:
        issuance.second_check = request.kind == "second_check"
        issuances.on_approved(uow, issuance, by=actor.username)
    else:
        rejected = IssuanceState.REJECTED
        issuance.state = transition(ISSUANCE_TRANSITIONS, issuance.state, rejected, what="an issuance").value
    if issuance.invoice_id is not None:
        invoice = repository.get(uow.session, Invoice, issuance.invoice_id, kind="invoice", for_update=True)
        invoices.settle_approval(invoice, approve)
