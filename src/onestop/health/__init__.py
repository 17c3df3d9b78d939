"""Health and drug coverage operations (NL): NLPDP coverage periods, MCP registration, emergency drug
cards, restrictions and special authorizations, co-pay costing, out-of-province claims, 65Plus claims
of landed-immigrant seniors, out-of-province travel, facility caseloads.

Other areas, the web and the CLI use the names below; see ``docs/health.md``.
"""

from onestop.health import sections, terms
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
    BenefitKind,
    CardStatus,
    ClaimStatus,
    CopayStatus,
    CoverageStatus,
    FacilityKind,
    McpStatus,
    Plan,
    RestrictionKind,
    SeniorClaimStatus,
    TravelKind,
    TravelStatus,
)
from onestop.health.errors import HealthRecordNotFound, NoCoverage
from onestop.health.facilities import (
    caseload,
    create_facility,
    facility_file,
    list_facilities,
    pay_benefit,
    person_stays,
    record_stay_in,
    record_stay_out,
    update_facility,
)
from onestop.health.portal import my_health
from onestop.health.seniors import decide_senior_claim, receive_senior_claim
from onestop.health.travel import add_travel_invoice, decide_travel, record_return, request_travel

sections.install()

__all__ = [
    "AuthorizationStatus",
    "BenefitKind",
    "CardStatus",
    "ClaimStatus",
    "CopayStatus",
    "CoverageStatus",
    "FacilityKind",
    "HealthRecordNotFound",
    "McpStatus",
    "NoCoverage",
    "Plan",
    "RestrictionKind",
    "SeniorClaimStatus",
    "TravelKind",
    "TravelStatus",
    "add_contact",
    "add_restriction",
    "add_travel_invoice",
    "apply_decision",
    "cancel_card",
    "caseload",
    "cost_prescription",
    "create_facility",
    "decide_authorization",
    "decide_claim",
    "decide_senior_claim",
    "decide_travel",
    "end_coverage",
    "facility_file",
    "health_file",
    "issue_card",
    "list_authorizations",
    "list_cards",
    "list_claims",
    "list_facilities",
    "my_health",
    "override_copay",
    "pay_benefit",
    "pay_claim",
    "person_stays",
    "receive_claim",
    "receive_senior_claim",
    "record_client_told",
    "record_mcp",
    "record_return",
    "record_stay_in",
    "record_stay_out",
    "reissue_card",
    "remove_restriction",
    "renew_coverage",
    "request_travel",
    "submit_authorization",
    "terms",
    "update_facility",
    "withdraw_authorization",
]
