"""API and service models of the health area: strict inputs (unknown fields refused), Public outputs.

Amounts travel as decimal strings ("12.50"); the MCP number only ever leaves masked.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar, Literal, Self

from pydantic import BaseModel, ConfigDict, Field

from onestop.common.money import format_cents
from onestop.common.schemas import StrictInput as _In


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    #: Public field -> the row's cents column it shows as a decimal string ("12.50").
    AMOUNTS: ClassVar[dict[str, str]] = {}

    @classmethod
    def of(cls, row: Any) -> Self:
        """From the row: its columns, with its cents shown as amounts."""
        return cls.of_columns(row)

    @classmethod
    def of_columns(cls, row: Any, **extra: Any) -> Self:
        """The row's columns, its ``AMOUNTS`` and ``extra`` (what the row does not hold)."""
        amounts = {name: _amount(getattr(row, column)) for name, column in cls.AMOUNTS.items()}
        return cls.model_validate({**_columns(row), **amounts, **extra})


def _amount(cents: int | None) -> str | None:
    return format_cents(cents) if cents is not None else None


# --- coverage ---------------------------------------------------------------------------------


class CoverageFromDecision(_In):
    """Start (or follow) coverage from an eligible decision; an ineligible one ends the plan's coverage."""

    decision_id: uuid.UUID
    household: bool = True  # every member of the decision's unit, not only the applicant
    # The decision ends Income Support because the client left for work: the drug coverage goes on for
    # the configured months (the decision itself does not record why the benefit ended).
    left_for_work: bool = False


class CoverageEnd(_In):
    """End a coverage period on a date, with the reason."""

    version: int | None = None
    end_on: dt.date
    reason: str = Field(max_length=2000)


class CoverageRenew(_In):
    """Renew at review: the period ends and a new one follows from the next day (or ``start_on``)."""

    version: int | None = None
    start_on: dt.date | None = None
    reason: str = Field(max_length=2000)


class RestrictionAdd(_In):
    """Restrict coverage (a drug, a class, a single pharmacy) and record what the client was told."""

    version: int | None = None
    kind: str
    value: str = Field(max_length=200)
    explained_to_client: str = Field(max_length=2000)


class RestrictionRemove(_In):
    """Lift a restriction, with the reason."""

    version: int | None = None
    restriction_id: str
    reason: str = Field(max_length=2000)


class CoveragePublic(_Out):
    """A coverage period."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    plan: str
    program: str
    decision_id: uuid.UUID | None
    start_on: dt.date
    end_on: dt.date | None
    status: str
    copay_terms: dict[str, Any]
    restrictions: list[Any]
    end_reason: str | None
    renews_id: uuid.UUID | None
    created_by: str
    created_at: dt.datetime


class CoverageChange(BaseModel):
    """What applying a decision did: periods started and periods ended."""

    started: list[CoveragePublic]
    ended: list[CoveragePublic]


# --- MCP --------------------------------------------------------------------------------------


class McpRecord(_In):
    """Record the person's MCP registration status (the number is encrypted at once)."""

    person_id: uuid.UUID
    status: str
    number: str | None = Field(default=None, max_length=20)
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None
    note: str | None = Field(default=None, max_length=2000)


class McpPublic(_Out):
    """An MCP registration, number masked."""

    id: uuid.UUID
    person_id: uuid.UUID
    status: str
    masked: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    note: str | None
    recorded_by: str
    created_at: dt.datetime


# --- cards ------------------------------------------------------------------------------------


class CardIssue(_In):
    """Issue an emergency drug card; with a value it is also an issuance in the ledger (to the pharmacy)."""

    person_id: uuid.UUID
    valid_from: dt.date | None = None
    valid_to: dt.date
    reason: str = Field(max_length=2000)
    note: str | None = Field(default=None, max_length=1000)  # added to the pharmacy message
    value: str | None = None  # decimal dollars; none = a card with no set value
    payee_id: uuid.UUID | None = None  # the pharmacy (a money payee) when the card has a value


class CardCancel(_In):
    """Cancel a card, with the reason."""

    version: int | None = None
    reason: str = Field(max_length=2000)


class CardReissue(_In):
    """Replace a card (lost, damaged, dates changed): the old one is marked replaced."""

    version: int | None = None
    reason: str = Field(max_length=2000)
    valid_to: dt.date | None = None


class CardPublic(_Out):
    """An emergency drug card."""

    AMOUNTS: ClassVar[dict[str, str]] = {"value": "value_cents"}

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    coverage_id: uuid.UUID
    number: str
    valid_from: dt.date
    valid_to: dt.date
    pharmacy_message: str
    reason: str
    value: str | None
    issuance_id: uuid.UUID | None
    status: str
    cancel_reason: str | None
    cancelled_on: dt.date | None
    replaces_id: uuid.UUID | None
    issued_by: str
    created_at: dt.datetime


# --- special authorizations -------------------------------------------------------------------


class AuthorizationCreate(_In):
    """A special authorization request as submitted."""

    person_id: uuid.UUID
    din: str
    drug_name: str = Field(max_length=200)
    prescriber: str = Field(max_length=200)
    reason: str = Field(max_length=4000)
    submitted_on: dt.date | None = None


class AuthorizationDecide(_In):
    """The program's answer: approved (with its expiry) or denied, with the reason."""

    version: int | None = None
    outcome: Literal["approved", "denied"]
    reason: str = Field(max_length=4000)
    decided_on: dt.date | None = None
    expires_on: dt.date | None = None


class AuthorizationTold(_In):
    """What the officer told the client about the request."""

    version: int | None = None
    told: str = Field(max_length=4000)
    told_on: dt.date | None = None


class AuthorizationWithdraw(_In):
    """The request is withdrawn."""

    version: int | None = None
    reason: str = Field(max_length=2000)


class AuthorizationPublic(_Out):
    """A special authorization request."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    coverage_id: uuid.UUID
    din: str
    drug_name: str
    prescriber: str
    reason: str
    submitted_on: dt.date
    status: str
    decided_on: dt.date | None
    decision_reason: str | None
    expires_on: dt.date | None
    follow_up_task_id: uuid.UUID | None
    client_told: str | None
    client_told_on: dt.date | None
    recorded_by: str
    decided_by: str | None
    created_at: dt.datetime


# --- co-pay -----------------------------------------------------------------------------------


class CopayRequest(_In):
    """A prescription to cost under the person's coverage on a date."""

    person_id: uuid.UUID
    din: str | None = None
    drug_name: str | None = Field(default=None, max_length=200)
    quantity: str | None = None
    unit_price: str | None = None  # dollars per unit; fractions of a cent allowed
    dispensing_fee: str | None = None
    net_income: str | None = None  # Assurance: net family income (else the decision's figure)
    paid_to_date: str | None = None  # Assurance: paid toward eligible drugs this period
    on: dt.date | None = None


class CopayOverride(_In):
    """The officer decides the co-pay case by case, with the reason."""

    version: int | None = None
    copay: str
    reason: str = Field(max_length=2000)


class CopayPublic(_Out):
    """A costed prescription: the computed co-pay (or undetermined, naming what is missing), any override."""

    AMOUNTS: ClassVar[dict[str, str]] = {
        "dispensing_fee": "dispensing_fee_cents",
        "total": "total_cents",
        "computed_copay": "computed_cents",
        "override_copay": "override_cents",
    }

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    coverage_id: uuid.UUID
    din: str
    drug_name: str
    quantity: str
    unit_price: str
    dispensing_fee: str | None
    total: str
    status: str
    computed_copay: str | None
    explanation: list[Any]
    missing: list[Any]
    used: dict[str, Any]
    override_copay: str | None
    override_reason: str | None
    override_by: str | None
    copay: str | None  # what the client pays: the override if any, else the computed co-pay
    costed_on: dt.date
    costed_by: str

    @classmethod
    def of(cls, row: Any) -> CopayPublic:
        """From the row."""
        final = row.override_cents if row.override_cents is not None else row.computed_cents
        return cls.of_columns(row, copay=_amount(final))


# --- claims -----------------------------------------------------------------------------------


class ClaimCreate(_In):
    """An out-of-province health-care claim as received."""

    person_id: uuid.UUID
    province: str = Field(max_length=2)
    provider: str = Field(max_length=200)
    service: str = Field(max_length=4000)
    service_from: dt.date
    service_to: dt.date | None = None
    amount: str
    document_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)


class ClaimContact(_In):
    """A consultation with a health professional in the other province."""

    version: int | None = None
    name: str = Field(max_length=200)
    role: str = Field(max_length=100)
    province: str | None = Field(default=None, max_length=2)
    contacted_on: dt.date | None = None
    note: str = Field(max_length=4000)


class ClaimDecide(_In):
    """Approve (all or part) or deny, with the reasons; the decision carries the appeal rights."""

    version: int | None = None
    outcome: Literal["approved", "denied"]
    reason: str = Field(max_length=4000)
    approved_amount: str | None = None


class ClaimPay(_In):
    """Pay an approved claim through money, to the person or to the provider."""

    version: int | None = None
    pay_to: Literal["person", "provider"]
    payee_id: uuid.UUID
    method: str = "cheque"
    pay_date: dt.date | None = None


class ClaimPublic(_Out):
    """An out-of-province claim."""

    AMOUNTS: ClassVar[dict[str, str]] = {"amount": "amount_cents", "approved_amount": "approved_cents"}

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    province: str
    provider: str
    service: str
    service_from: dt.date
    service_to: dt.date
    amount: str
    document_ids: list[Any]
    contacts: list[Any]
    status: str
    approved_amount: str | None
    decision_reason: str | None
    appeal: dict[str, Any] | None
    decided_on: dt.date | None
    decided_by: str | None
    issuance_id: uuid.UUID | None
    paid_to: str | None
    received_by: str
    created_at: dt.datetime


# --- the person's health file -----------------------------------------------------------------


class HealthFile(BaseModel):
    """Everything health about one person, for the staff page and the client 360."""

    current: list[CoveragePublic]
    past: list[CoveragePublic]
    mcp: list[McpPublic]
    cards: list[CardPublic]
    authorizations: list[AuthorizationPublic]
    copays: list[CopayPublic]
    claims: list[ClaimPublic]
    senior_claims: list[SeniorClaimPublic] = []
    travel: list[TravelPublic] = []


def _columns(row: Any) -> dict[str, Any]:
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}


# --- 65Plus for landed-immigrant seniors --------------------------------------------------------


class SeniorClaimCreate(_In):
    """A landed-immigrant senior's claim for 65Plus coverage."""

    person_id: uuid.UUID
    landed_immigrant: bool
    receives_oas: bool = False
    receives_gis: bool = False
    received_on: dt.date | None = None
    note: str | None = Field(default=None, max_length=4000)


class SeniorClaimDecide(_In):
    """The officer's decision with reasons; an approval starts 65Plus coverage (from ``start_on``)."""

    version: int | None = None
    outcome: Literal["approved", "denied"]
    reason: str = Field(max_length=4000)
    start_on: dt.date | None = None


class SeniorClaimPublic(_Out):
    """A 65Plus landed-immigrant claim."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    received_on: dt.date
    landed_immigrant: bool
    receives_oas: bool
    receives_gis: bool
    conditions: list[Any]
    gaps: list[Any]
    note: str | None
    status: str
    decision_reason: str | None
    decided_on: dt.date | None
    decided_by: str | None
    coverage_id: uuid.UUID | None
    recorded_by: str
    created_at: dt.datetime


# --- travel -------------------------------------------------------------------------------------


class TravelLeg(_In):
    """One leg of the itinerary."""

    from_place: str = Field(max_length=100)
    to_place: str = Field(max_length=100)
    carrier: str = Field(max_length=100)
    depart_on: dt.date


class TravelCreate(_In):
    """A travel request: why, the itinerary and what it should cost."""

    person_id: uuid.UUID
    kind: Literal["stranded", "medical"]
    reason: str = Field(max_length=4000)
    referral_document_id: uuid.UUID | None = None
    legs: list[TravelLeg] = Field(max_length=12)
    return_on: dt.date | None = None
    estimated_cost: str


class TravelDecide(_In):
    """Approve (paid to the carrier or agency through money, within authority) or deny."""

    version: int | None = None
    outcome: Literal["approved", "denied"]
    reason: str = Field(max_length=4000)
    amount: str | None = None  # approved amount; default the estimate
    payee_id: uuid.UUID | None = None  # the carrier or travel agency (a money payee)
    method: str = "third_party"


class TravelInvoice(_In):
    """A vendor's invoice for the trip, entered in money's invoices."""

    version: int | None = None
    payee_id: uuid.UUID
    vendor_reference: str = Field(max_length=60)
    amount: str
    received_on: dt.date | None = None


class TravelReturn(_In):
    """The follow-up on return."""

    version: int | None = None
    returned_on: dt.date
    note: str = Field(max_length=4000)


class TravelPublic(_Out):
    """A travel request."""

    AMOUNTS: ClassVar[dict[str, str]] = {
        "estimated_cost": "estimated_cents",
        "approved_amount": "approved_cents",
    }

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    kind: str
    reason: str
    referral_document_id: uuid.UUID | None
    legs: list[Any]
    depart_on: dt.date
    return_on: dt.date | None
    estimated_cost: str
    status: str
    decision_reason: str | None
    approved_amount: str | None
    issuance_id: uuid.UUID | None
    invoices: list[Any]
    follow_up_task_id: uuid.UUID | None
    returned_on: dt.date | None
    return_note: str | None
    requested_by: str
    decided_by: str | None
    created_at: dt.datetime


# --- facility caseloads -------------------------------------------------------------------------


class FacilityCreate(_In):
    """A facility as a record; its rates in dollars ("45.00"); a vendor payee is set up for it in money
    (waiting for a second person's approval) unless an approved one is named."""

    name: str = Field(max_length=140)
    kind: Literal["shelter", "hospital", "halfway_house", "residential"]
    address: str = Field(max_length=1000)
    contact_name: str | None = Field(default=None, max_length=140)
    phone: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200)
    nightly_rate: str | None = None
    monthly_rate: str | None = None
    payee_id: uuid.UUID | None = None


class FacilityUpdate(_In):
    """New contact details or rates (a box left out stays as it is); ``active: false`` closes it."""

    version: int | None = None
    address: str | None = Field(default=None, max_length=1000)
    contact_name: str | None = Field(default=None, max_length=140)
    phone: str | None = Field(default=None, max_length=30)
    email: str | None = Field(default=None, max_length=200)
    nightly_rate: str | None = None
    monthly_rate: str | None = None
    active: bool | None = None


class FacilityPublic(_Out):
    """A facility, with how many people live there now."""

    AMOUNTS: ClassVar[dict[str, str]] = {
        "nightly_rate": "nightly_rate_cents",
        "monthly_rate": "monthly_rate_cents",
    }

    id: uuid.UUID
    version: int
    name: str
    kind: str
    address: str
    contact_name: str | None
    phone: str | None
    email: str | None
    nightly_rate: str | None
    monthly_rate: str | None
    payee_id: uuid.UUID | None
    active: bool
    residents: int = 0
    created_by: str
    created_at: dt.datetime

    @classmethod
    def of(cls, row: Any, residents: int = 0) -> FacilityPublic:
        """From the row."""
        return cls.of_columns(row, residents=residents)


class StayIn(_In):
    """A person comes into a facility (on the officer's caseload, the actor's by default)."""

    person_id: uuid.UUID
    facility_id: uuid.UUID
    in_on: dt.date
    reason: str | None = Field(default=None, max_length=4000)
    officer: str | None = Field(default=None, max_length=100)


class StayOut(_In):
    """The person leaves."""

    version: int | None = None
    out_on: dt.date
    reason: str | None = Field(default=None, max_length=4000)


class StayPublic(_Out):
    """A stay, with the resident's name and the facility's (staff pages and API only)."""

    id: uuid.UUID
    version: int
    person_id: uuid.UUID
    person_name: str = ""
    facility_id: uuid.UUID
    facility_name: str = ""
    in_on: dt.date
    out_on: dt.date | None
    reason: str | None
    out_reason: str | None
    officer: str
    recorded_by: str
    ended_by: str | None
    created_at: dt.datetime
    recurring_ended: list[uuid.UUID] = []  # on the day out: monthly payments ended in money (or ending)
    recurring_to_end: list[uuid.UUID] = []  # on the day out: the monthly payments money still makes

    @classmethod
    def of(cls, row: Any, person_name: str = "", facility_name: str = "") -> StayPublic:
        """From the row."""
        return cls.of_columns(row, person_name=person_name, facility_name=facility_name)


class BenefitCreate(_In):
    """A benefit paid to the facility for a resident: ``recurring`` (monthly from ``pay_date``),
    ``one_time`` or ``cheque`` (a manual cheque with its number). The amount defaults to the
    facility's rate; ``health_benefits`` records the authorization for health benefits (the drug
    coverage in force on the pay date, refused without it)."""

    version: int | None = None
    kind: Literal["recurring", "one_time", "cheque"]
    amount: str | None = None
    nights: int | None = None
    pay_date: dt.date | None = None
    method: Literal["cheque", "third_party"] = "cheque"
    cheque_number: str | None = Field(default=None, max_length=20)
    health_benefits: bool = False
    explanation: str = Field(default="", max_length=2000)


class BenefitPublic(_Out):
    """A benefit paid for a resident, and its state in money."""

    AMOUNTS: ClassVar[dict[str, str]] = {"amount": "amount_cents"}

    id: uuid.UUID
    version: int
    stay_id: uuid.UUID
    person_id: uuid.UUID
    facility_id: uuid.UUID
    kind: str
    amount: str
    nights: int | None
    pay_date: dt.date
    method: str
    cheque_number: str | None
    issuance_id: uuid.UUID | None
    entitlement_id: uuid.UUID | None
    money_state: str
    health_coverage_id: uuid.UUID | None
    health_plan: str | None
    explanation: str
    issued_by: str
    created_at: dt.datetime


class FacilityFile(BaseModel):
    """A facility's page: the record, who lives there now, past stays, and the benefits paid."""

    facility: FacilityPublic
    residents: list[StayPublic]
    past: list[StayPublic]
    benefits: list[BenefitPublic]


class CaseloadFacility(BaseModel):
    """One facility of an officer's caseload with its residents now."""

    facility: FacilityPublic
    residents: list[StayPublic]


class PersonStays(BaseModel):
    """A person's stays (open one first) and the benefits paid for them."""

    stays: list[StayPublic]
    benefits: list[BenefitPublic]
