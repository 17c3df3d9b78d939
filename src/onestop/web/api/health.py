"""/api/health: drug coverage, MCP registration, emergency drug cards, special authorizations, co-pays,
out-of-province claims (issue 17)."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, status

from onestop import health
from onestop.health import schemas as s
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(prefix="/health", tags=["health"])


@router.get("/people/{person_id:uuid}", response_model=s.HealthFile)
def person_file(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> s.HealthFile:
    """A person's coverage (current and past), MCP, cards, authorizations, co-pays and claims."""
    return health.health_file(uow, actor=actor, person_id=person_id)


@router.post("/coverage/from-decision", response_model=s.CoverageChange)
def from_decision(uow: UowDep, actor: CurrentActor, body: s.CoverageFromDecision) -> s.CoverageChange:
    """Start or end coverage from an NLPDP or Income Support decision."""
    return health.apply_decision(uow, actor=actor, data=body)


@router.post("/coverage/{coverage_id:uuid}/end", response_model=s.CoveragePublic)
def end(uow: UowDep, actor: CurrentActor, coverage_id: uuid.UUID, body: s.CoverageEnd) -> s.CoveragePublic:
    """End a coverage period."""
    return health.end_coverage(uow, actor=actor, coverage_id=coverage_id, data=body)


@router.post("/coverage/{coverage_id:uuid}/renew", response_model=s.CoveragePublic)
def renew(
    uow: UowDep, actor: CurrentActor, coverage_id: uuid.UUID, body: s.CoverageRenew
) -> s.CoveragePublic:
    """Renew a period at review (returns the new period)."""
    return health.renew_coverage(uow, actor=actor, coverage_id=coverage_id, data=body)


@router.post("/coverage/{coverage_id:uuid}/restrictions", response_model=s.CoveragePublic)
def restrict(
    uow: UowDep, actor: CurrentActor, coverage_id: uuid.UUID, body: s.RestrictionAdd
) -> s.CoveragePublic:
    """Restrict coverage (drug, class, single pharmacy)."""
    return health.add_restriction(uow, actor=actor, coverage_id=coverage_id, data=body)


@router.post("/coverage/{coverage_id:uuid}/restrictions/remove", response_model=s.CoveragePublic)
def unrestrict(
    uow: UowDep, actor: CurrentActor, coverage_id: uuid.UUID, body: s.RestrictionRemove
) -> s.CoveragePublic:
    """Lift a restriction."""
    return health.remove_restriction(uow, actor=actor, coverage_id=coverage_id, data=body)


@router.post("/mcp", status_code=status.HTTP_201_CREATED, response_model=s.McpPublic)
def mcp(uow: UowDep, actor: CurrentActor, body: s.McpRecord) -> s.McpPublic:
    """Record MCP registration (number encrypted, returned masked)."""
    return health.record_mcp(uow, actor=actor, data=body)


@router.post("/cards", status_code=status.HTTP_201_CREATED, response_model=s.CardPublic)
def issue(uow: UowDep, actor: CurrentActor, body: s.CardIssue) -> s.CardPublic:
    """Issue an emergency drug card (422 without coverage)."""
    return health.issue_card(uow, actor=actor, data=body)


@router.get("/cards", response_model=list[s.CardPublic])
def cards(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.CardPublic]:
    """A person's cards."""
    return health.list_cards(uow, actor=actor, person_id=person_id)


@router.post("/cards/{card_id:uuid}/cancel", response_model=s.CardPublic)
def cancel(uow: UowDep, actor: CurrentActor, card_id: uuid.UUID, body: s.CardCancel) -> s.CardPublic:
    """Cancel a card."""
    return health.cancel_card(uow, actor=actor, card_id=card_id, data=body)


@router.post(
    "/cards/{card_id:uuid}/reissue", status_code=status.HTTP_201_CREATED, response_model=s.CardPublic
)
def reissue(uow: UowDep, actor: CurrentActor, card_id: uuid.UUID, body: s.CardReissue) -> s.CardPublic:
    """Replace a card with a new number."""
    return health.reissue_card(uow, actor=actor, card_id=card_id, data=body)


@router.post("/authorizations", status_code=status.HTTP_201_CREATED, response_model=s.AuthorizationPublic)
def submit(uow: UowDep, actor: CurrentActor, body: s.AuthorizationCreate) -> s.AuthorizationPublic:
    """Record a special authorization request (422 without coverage)."""
    return health.submit_authorization(uow, actor=actor, data=body)


@router.get("/authorizations", response_model=list[s.AuthorizationPublic])
def authorizations(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.AuthorizationPublic]:
    """A person's special authorizations."""
    return health.list_authorizations(uow, actor=actor, person_id=person_id)


@router.post("/authorizations/{authorization_id:uuid}/decision", response_model=s.AuthorizationPublic)
def decide_authorization(
    uow: UowDep, actor: CurrentActor, authorization_id: uuid.UUID, body: s.AuthorizationDecide
) -> s.AuthorizationPublic:
    """Record the decision (an approval with an expiry creates the follow-up task)."""
    return health.decide_authorization(uow, actor=actor, authorization_id=authorization_id, data=body)


@router.post("/authorizations/{authorization_id:uuid}/client-told", response_model=s.AuthorizationPublic)
def told(
    uow: UowDep, actor: CurrentActor, authorization_id: uuid.UUID, body: s.AuthorizationTold
) -> s.AuthorizationPublic:
    """What the client was told."""
    return health.record_client_told(uow, actor=actor, authorization_id=authorization_id, data=body)


@router.post("/authorizations/{authorization_id:uuid}/withdraw", response_model=s.AuthorizationPublic)
def withdraw(
    uow: UowDep, actor: CurrentActor, authorization_id: uuid.UUID, body: s.AuthorizationWithdraw
) -> s.AuthorizationPublic:
    """Withdraw a request."""
    return health.withdraw_authorization(uow, actor=actor, authorization_id=authorization_id, data=body)


@router.post("/copays", status_code=status.HTTP_201_CREATED, response_model=s.CopayPublic)
def copay(uow: UowDep, actor: CurrentActor, body: s.CopayRequest) -> s.CopayPublic:
    """Cost a prescription (undetermined names what the published terms lack)."""
    return health.cost_prescription(uow, actor=actor, data=body)


@router.post("/copays/{copay_id:uuid}/override", response_model=s.CopayPublic)
def override(uow: UowDep, actor: CurrentActor, copay_id: uuid.UUID, body: s.CopayOverride) -> s.CopayPublic:
    """The officer sets the co-pay case by case, with a reason."""
    return health.override_copay(uow, actor=actor, copay_id=copay_id, data=body)


@router.post("/claims", status_code=status.HTTP_201_CREATED, response_model=s.ClaimPublic)
def claim(uow: UowDep, actor: CurrentActor, body: s.ClaimCreate) -> s.ClaimPublic:
    """Receive an out-of-province claim (422 without MCP registration)."""
    return health.receive_claim(uow, actor=actor, data=body)


@router.get("/claims", response_model=list[s.ClaimPublic])
def claims(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[s.ClaimPublic]:
    """A person's claims."""
    return health.list_claims(uow, actor=actor, person_id=person_id)


@router.post("/claims/{claim_id:uuid}/contacts", response_model=s.ClaimPublic)
def contact(uow: UowDep, actor: CurrentActor, claim_id: uuid.UUID, body: s.ClaimContact) -> s.ClaimPublic:
    """Record a consultation with the other province's professionals."""
    return health.add_contact(uow, actor=actor, claim_id=claim_id, data=body)


@router.post("/claims/{claim_id:uuid}/decision", response_model=s.ClaimPublic)
def decide_claim(uow: UowDep, actor: CurrentActor, claim_id: uuid.UUID, body: s.ClaimDecide) -> s.ClaimPublic:
    """Approve or deny, with reasons and appeal rights."""
    return health.decide_claim(uow, actor=actor, claim_id=claim_id, data=body)


@router.post("/claims/{claim_id:uuid}/payment", response_model=s.ClaimPublic)
def pay(uow: UowDep, actor: CurrentActor, claim_id: uuid.UUID, body: s.ClaimPay) -> s.ClaimPublic:
    """Pay an approved claim through money."""
    return health.pay_claim(uow, actor=actor, claim_id=claim_id, data=body)


@router.post("/senior-claims", status_code=status.HTTP_201_CREATED, response_model=s.SeniorClaimPublic)
def senior_claim(uow: UowDep, actor: CurrentActor, body: s.SeniorClaimCreate) -> s.SeniorClaimPublic:
    """Receive a landed-immigrant senior's claim for 65Plus coverage."""
    return health.receive_senior_claim(uow, actor=actor, data=body)


@router.post("/senior-claims/{claim_id:uuid}/decision", response_model=s.SeniorClaimPublic)
def decide_senior_claim(
    uow: UowDep, actor: CurrentActor, claim_id: uuid.UUID, body: s.SeniorClaimDecide
) -> s.SeniorClaimPublic:
    """The officer approves (65Plus coverage starts) or denies, with reasons."""
    return health.decide_senior_claim(uow, actor=actor, claim_id=claim_id, data=body)


@router.post("/travel", status_code=status.HTTP_201_CREATED, response_model=s.TravelPublic)
def travel(uow: UowDep, actor: CurrentActor, body: s.TravelCreate) -> s.TravelPublic:
    """Request out-of-province travel (stranded person or medical care)."""
    return health.request_travel(uow, actor=actor, data=body)


@router.post("/travel/{travel_id:uuid}/decision", response_model=s.TravelPublic)
def decide_travel(
    uow: UowDep, actor: CurrentActor, travel_id: uuid.UUID, body: s.TravelDecide
) -> s.TravelPublic:
    """Approve (paid through money within authority) or deny."""
    return health.decide_travel(uow, actor=actor, travel_id=travel_id, data=body)


@router.post("/travel/{travel_id:uuid}/invoices", response_model=s.TravelPublic)
def travel_invoice(
    uow: UowDep, actor: CurrentActor, travel_id: uuid.UUID, body: s.TravelInvoice
) -> s.TravelPublic:
    """Enter a vendor's invoice for the trip."""
    return health.add_travel_invoice(uow, actor=actor, travel_id=travel_id, data=body)


@router.post("/travel/{travel_id:uuid}/return", response_model=s.TravelPublic)
def travel_return(
    uow: UowDep, actor: CurrentActor, travel_id: uuid.UUID, body: s.TravelReturn
) -> s.TravelPublic:
    """The follow-up on return."""
    return health.record_return(uow, actor=actor, travel_id=travel_id, data=body)
