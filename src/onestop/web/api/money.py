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


router.service_post(
    "/payees",
    money.create_payee,
    "create_payee",
    "Record a payee; the account number is stored encrypted and only its last digits are shown.",
    created=True,
    view=s.PayeePublic,
)

router.service_post(
    "/entitlements",
    money.create_entitlement,
    "create_entitlement",
    "Record an entitlement (from a decision); recurring issuances follow from it.",
    created=True,
    view=s.EntitlementPublic,
)


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


router.service_get(
    "/units/{unit_id}/entitlements",
    money.list_entitlements,
    "unit_entitlements",
    "Every version of every entitlement of a unit.",
    view=s.EntitlementPublic,
)


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


router.service_get(
    "/issuances/{issuance_id}", money.get_issuance, "get_issuance", "One issuance.", view=s.IssuancePublic
)

router.service_post(
    "/issuances/{issuance_id}/cancel",
    money.cancel_issuance,
    "cancel_issuance",
    "Cancel before it is batched (an approved one is reversed in the ledger).",
    body=s.WriteOffRequest,
    view=s.IssuancePublic,
)


router.service_post(
    "/overpayments",
    money.create_overpayment,
    "create_overpayment",
    "Set up an overpayment with its reason; a notice to the unit is queued.",
    created=True,
)


router.service_get(
    "/overpayments",
    money.list_overpayments,
    "list_overpayments",
    "Overpayments, newest first.",
    query=("unit_id",),
    view=s.OverpaymentPublic,
)


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


router.service_post(
    "/invoices",
    money.record_invoice,
    "record_invoice",
    "Enter a vendor's invoice (the same vendor number twice returns the first).",
    created=True,
    view=s.InvoicePublic,
)

router.service_post(
    "/invoices/{invoice_id}/approve",
    money.approve_invoice,
    "approve_invoice",
    "Approve for payment within authority (or send it to the approval queue).",
    body=s.InvoiceApprove,
    view=s.InvoicePublic,
)

router.service_get(
    "/invoices",
    money.list_invoices,
    "list_invoices",
    "Invoices, newest first.",
    query=("state",),
    view=s.InvoicePublic,
)
