"""Health and drug coverage operations (NL): NLPDP coverage periods, MCP registration, emergency drug
cards, restrictions and special authorizations, co-pay costing, out-of-province claims.

Other areas, the web and the CLI use the names below; see ``docs/health.md``.
"""

from onestop.health import sections
from onestop.health.authorizations import (
    decide_authorization,
    list_authorizations,
    record_client_told,
    submit_authorization,
    withdraw_authorization,
)
from onestop.health.cards import cancel_card, issue_card, list_cards, reissue_card
from onestop.health.claims import add_contact, decide_claim, list_claims, pay_claim, receive_claim
from onestop.health.copays import cost_prescription, override_copay
from onestop.health.coverage import (
    add_restriction,
    apply_decision,
    end_coverage,
    health_file,
    record_mcp,
    remove_restriction,
    renew_coverage,
)
from onestop.health.domain import (
    AuthorizationStatus,
    CardStatus,
    ClaimStatus,
    CopayStatus,
    CoverageStatus,
    McpStatus,
    Plan,
    RestrictionKind,
    SeniorClaimStatus,
)
from onestop.health.errors import HealthRecordNotFound, NoCoverage
from onestop.health.seniors import decide_senior_claim, receive_senior_claim

sections.install()

__all__ = [
    "AuthorizationStatus",
    "CardStatus",
    "ClaimStatus",
    "CopayStatus",
    "CoverageStatus",
    "HealthRecordNotFound",
    "McpStatus",
    "NoCoverage",
    "Plan",
    "RestrictionKind",
    "SeniorClaimStatus",
    "add_contact",
    "add_restriction",
    "apply_decision",
    "cancel_card",
    "cost_prescription",
    "decide_authorization",
    "decide_claim",
    "decide_senior_claim",
    "end_coverage",
    "health_file",
    "issue_card",
    "list_authorizations",
    "list_cards",
    "list_claims",
    "override_copay",
    "pay_claim",
    "receive_claim",
    "receive_senior_claim",
    "record_client_told",
    "record_mcp",
    "reissue_card",
    "remove_restriction",
    "renew_coverage",
    "submit_authorization",
    "withdraw_authorization",
]
