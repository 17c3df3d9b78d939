"""/api/health: drug coverage, MCP registration, emergency drug cards, special authorizations, co-pays,
out-of-province claims (issue 17)."""

from __future__ import annotations

from onestop import health
from onestop.web.api.routing import ServiceRouter

router = ServiceRouter(prefix="/health", tags=["health"])

router.service_get(
    "/people/{person_id:uuid}",
    health.health_file,
    "person_file",
    "A person's coverage (current and past), MCP, cards, authorizations, co-pays and claims.",
)

router.service_post(
    "/coverage/from-decision",
    health.apply_decision,
    "from_decision",
    "Start or end coverage from an NLPDP or Income Support decision.",
)

router.service_post("/coverage/{coverage_id:uuid}/end", health.end_coverage, "end", "End a coverage period.")

router.service_post(
    "/coverage/{coverage_id:uuid}/renew",
    health.renew_coverage,
    "renew",
    "Renew a period at review (returns the new period).",
)

router.service_post(
    "/coverage/{coverage_id:uuid}/restrictions",
    health.add_restriction,
    "restrict",
    "Restrict coverage (drug, class, single pharmacy).",
)

router.service_post(
    "/coverage/{coverage_id:uuid}/restrictions/remove",
    health.remove_restriction,
    "unrestrict",
    "Lift a restriction.",
)

router.service_post(
    "/mcp",
    health.record_mcp,
    "mcp",
    "Record MCP registration (number encrypted, returned masked).",
    created=True,
)

router.service_post(
    "/cards", health.issue_card, "issue", "Issue an emergency drug card (422 without coverage).", created=True
)

router.service_get("/cards", health.list_cards, "cards", "A person's cards.")

router.service_post("/cards/{card_id:uuid}/cancel", health.cancel_card, "cancel", "Cancel a card.")

router.service_post(
    "/cards/{card_id:uuid}/reissue",
    health.reissue_card,
    "reissue",
    "Replace a card with a new number.",
    created=True,
)

router.service_post(
    "/authorizations",
    health.submit_authorization,
    "submit",
    "Record a special authorization request (422 without coverage).",
    created=True,
)

router.service_get(
    "/authorizations", health.list_authorizations, "authorizations", "A person's special authorizations."
)

router.service_post(
    "/authorizations/{authorization_id:uuid}/decision",
    health.decide_authorization,
    "decide_authorization",
    "Record the decision (an approval with an expiry creates the follow-up task).",
)

router.service_post(
    "/authorizations/{authorization_id:uuid}/client-told",
    health.record_client_told,
    "told",
    "What the client was told.",
)

router.service_post(
    "/authorizations/{authorization_id:uuid}/withdraw",
    health.withdraw_authorization,
    "withdraw",
    "Withdraw a request.",
)

router.service_post(
    "/copays",
    health.cost_prescription,
    "copay",
    "Cost a prescription (undetermined names what the published terms lack).",
    created=True,
)

router.service_post(
    "/copays/{copay_id:uuid}/override",
    health.override_copay,
    "override",
    "The officer sets the co-pay case by case, with a reason.",
)

router.service_post(
    "/claims",
    health.receive_claim,
    "claim",
    "Receive an out-of-province claim (422 without MCP registration).",
    created=True,
)

router.service_get("/claims", health.list_claims, "claims", "A person's claims.")

router.service_post(
    "/claims/{claim_id:uuid}/contacts",
    health.add_contact,
    "contact",
    "Record a consultation with the other province's professionals.",
)

router.service_post(
    "/claims/{claim_id:uuid}/decision",
    health.decide_claim,
    "decide_claim",
    "Approve or deny, with reasons and appeal rights.",
)

router.service_post(
    "/claims/{claim_id:uuid}/payment", health.pay_claim, "pay", "Pay an approved claim through money."
)

router.service_post(
    "/senior-claims",
    health.receive_senior_claim,
    "senior_claim",
    "Receive a landed-immigrant senior's claim for 65Plus coverage.",
    created=True,
)

router.service_post(
    "/senior-claims/{claim_id:uuid}/decision",
    health.decide_senior_claim,
    "decide_senior_claim",
    "The officer approves (65Plus coverage starts) or denies, with reasons.",
)

router.service_post(
    "/travel",
    health.request_travel,
    "travel",
    "Request out-of-province travel (stranded person or medical care).",
    created=True,
)

router.service_post(
    "/travel/{travel_id:uuid}/decision",
    health.decide_travel,
    "decide_travel",
    "Approve (paid through money within authority) or deny.",
)

router.service_post(
    "/travel/{travel_id:uuid}/invoices",
    health.add_travel_invoice,
    "travel_invoice",
    "Enter a vendor's invoice for the trip.",
)

router.service_post(
    "/travel/{travel_id:uuid}/return", health.record_return, "travel_return", "The follow-up on return."
)
