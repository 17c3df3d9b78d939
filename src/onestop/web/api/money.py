"""/api/payees, /api/entitlements, /api/issuances, /api/authority, /api/overpayments, /api/invoices."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import Header, Query, status

from onestop import money
from onestop.money import schemas as s
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(tags=["money"])


@router.post("/payees", status_code=status.HTTP_201_CREATED, response_model=s.PayeePublic)
def create_payee(uow: UowDep, actor: CurrentActor, body: s.PayeeCreate) -> s.PayeePublic:
    """Record a payee; the account number is stored encrypted and only its last digits are shown."""
    return s.PayeePublic.model_validate(money.create_payee(uow, actor=actor, data=body))


@router.post("/entitlements", status_code=status.HTTP_201_CREATED, response_model=s.EntitlementPublic)
def create_entitlement(uow: UowDep, actor: CurrentActor, body: s.EntitlementCreate) -> s.EntitlementPublic:
    """Record an entitlement (from a decision); recurring issuances follow from it."""
    return s.EntitlementPublic.model_validate(money.create_entitlement(uow, actor=actor, data=body))


@router.post("/entitlements/{entitlement_id}/change", response_model=s.ChangePublic)
def change_entitlement(
    uow: UowDep, actor: CurrentActor, entitlement_id: uuid.UUID, body: s.EntitlementChange
) -> s.ChangePublic:
    """A new decision from a date; back-dated parts produce arrears or overpayments automatically.

    A change of amount, payee or method without a decision waits for a second person (``pending``)."""
    result = money.change_entitlement(uow, actor=actor, entitlement_id=entitlement_id, data=body)
    return s.ChangePublic(
        entitlement=s.EntitlementPublic.model_validate(result.entitlement),
        pending=result.pending,
        arrears=[s.IssuancePublic.model_validate(i) for i in result.arrears],
        overpayments=[s.OverpaymentPublic.model_validate(o) for o in result.overpayments],
    )


@router.get("/units/{unit_id}/entitlements", response_model=list[s.EntitlementPublic])
def unit_entitlements(uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID) -> list[s.EntitlementPublic]:
    """Every version of every entitlement of a unit."""
    return [
        s.EntitlementPublic.model_validate(e)
        for e in money.list_entitlements(uow, actor=actor, unit_id=unit_id)
    ]


@router.get("/authority", response_model=s.AuthorityPublic)
def check_authority(
    actor: CurrentActor,
    payment_type: str,
    program: str,
    amount: str | None = None,
    nights: int | None = None,
) -> s.AuthorityPublic:
    """Before submitting: may I issue this alone, and if not, who must approve it?"""
    cents = None if amount is None else money.domain.amount_cents(amount, field="amount")
    decision = money.check_authority(actor, _payment_type(payment_type), program, cents, nights=nights)
    role = decision.needs_approval_by_role
    return s.AuthorityPublic(
        allowed=decision.allowed,
        needs_approval_by_role=role.value if role else None,
        limit=decision.limit,
        reason=decision.reason,
    )


def _payment_type(value: str) -> money.PaymentType:
    from onestop.common.errors import InvalidInput

    try:
        return money.PaymentType(value)
    except ValueError:
        raise InvalidInput("payment_type", f"unknown payment type {value!r}") from None


@router.post("/issuances", status_code=status.HTTP_201_CREATED, response_model=s.IssuancePublic)
def issue(
    uow: UowDep,
    actor: CurrentActor,
    body: s.IssuanceCreate,
    idempotency_key: Annotated[str | None, Header(max_length=100)] = None,
) -> s.IssuancePublic:
    """Issue a one-off payment within authority, or queue it for approval; a repeat returns the first."""
    data = body.model_copy(update={"idempotency_key": idempotency_key or body.idempotency_key})
    issued = money.issue_payment(uow, actor=actor, data=data)
    return s.IssuancePublic.model_validate(issued)


@router.get("/issuances", response_model=list[s.IssuancePublic])
def list_issuances(
    uow: UowDep,
    actor: CurrentActor,
    unit_id: uuid.UUID | None = None,
    state: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> list[s.IssuancePublic]:
    """Issuances, newest pay date first."""
    found = money.list_issuances(uow, actor=actor, unit_id=unit_id, state=state, limit=limit)
    return [s.IssuancePublic.model_validate(i) for i in found]


@router.get("/issuances/{issuance_id}", response_model=s.IssuancePublic)
def get_issuance(uow: UowDep, actor: CurrentActor, issuance_id: uuid.UUID) -> s.IssuancePublic:
    """One issuance."""
    return s.IssuancePublic.model_validate(money.get_issuance(uow, actor=actor, issuance_id=issuance_id))


@router.post("/issuances/{issuance_id}/cancel", response_model=s.IssuancePublic)
def cancel_issuance(
    uow: UowDep, actor: CurrentActor, issuance_id: uuid.UUID, body: s.WriteOffRequest
) -> s.IssuancePublic:
    """Cancel before it is batched (an approved one is reversed in the ledger)."""
    return s.IssuancePublic.model_validate(
        money.cancel_issuance(uow, actor=actor, issuance_id=issuance_id, reason=body.reason)
    )


router.service_post(
    "/overpayments",
    money.create_overpayment,
    "create_overpayment",
    "Set up an overpayment with its reason; a notice to the unit is queued.",
    created=True,
)


@router.get("/overpayments", response_model=list[s.OverpaymentPublic])
def list_overpayments(
    uow: UowDep, actor: CurrentActor, unit_id: uuid.UUID | None = None
) -> list[s.OverpaymentPublic]:
    """Overpayments, newest first."""
    return [
        s.OverpaymentPublic.model_validate(o)
        for o in money.list_overpayments(uow, actor=actor, unit_id=unit_id)
    ]


router.service_post(
    "/overpayments/{overpayment_id}/repayments",
    money.record_repayment,
    "repay",
    "Record a repayment by the client.",
)


@router.post(
    "/overpayments/{overpayment_id}/write-off",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=s.ApprovalPublic,
)
def request_write_off(
    uow: UowDep, actor: CurrentActor, overpayment_id: uuid.UUID, body: s.WriteOffRequest
) -> s.ApprovalPublic:
    """Ask a supervisor to write off the balance (202: it waits in the approval queue)."""
    return money.request_write_off(uow, actor=actor, overpayment_id=overpayment_id, data=body)


@router.post("/invoices", status_code=status.HTTP_201_CREATED, response_model=s.InvoicePublic)
def record_invoice(uow: UowDep, actor: CurrentActor, body: s.InvoiceCreate) -> s.InvoicePublic:
    """Enter a vendor's invoice (the same vendor number twice returns the first)."""
    return s.InvoicePublic.model_validate(money.record_invoice(uow, actor=actor, data=body))


@router.post("/invoices/{invoice_id}/approve", response_model=s.InvoicePublic)
def approve_invoice(
    uow: UowDep, actor: CurrentActor, invoice_id: uuid.UUID, body: s.InvoiceApprove
) -> s.InvoicePublic:
    """Approve for payment within authority (or send it to the approval queue)."""
    return s.InvoicePublic.model_validate(
        money.approve_invoice(uow, actor=actor, invoice_id=invoice_id, pay_date=body.pay_date)
    )


@router.get("/invoices", response_model=list[s.InvoicePublic])
def list_invoices(uow: UowDep, actor: CurrentActor, state: str | None = None) -> list[s.InvoicePublic]:
    """Invoices, newest first."""
    return [s.InvoicePublic.model_validate(i) for i in money.list_invoices(uow, actor=actor, state=state)]
