"""Tables of the health area: drug coverage periods, MCP registration, emergency drug cards, special
authorizations, co-pay costings, out-of-province claims, travel, and the facilities whose residents
an officer carries (stays and the benefits paid to the facility for them).

Nothing is deleted: a period ends with a date and a reason, a card is cancelled or replaced, a
request is decided. The MCP number is stored as ciphertext, a blind index and a masked form only.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, Date, ForeignKey, Index, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from onestop.db import Entity, JSONDoc, partial_index


def _person() -> ForeignKey:
    return ForeignKey("person.id")


class Coverage(Entity):
    """A drug-coverage period: plan, dates, co-pay terms and restrictions, from the decision that set it."""

    __tablename__ = "health_coverage"
    __table_args__ = (
        Index(None, "person_id", "start_on"),
        partial_index(
            "uq_health_coverage_active_plan", "person_id", "plan", where="status = 'active'", unique=True
        ),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    plan: Mapped[str] = mapped_column(String(20))
    program: Mapped[str] = mapped_column(String(64))
    decision_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("decision.id"))
    start_on: Mapped[dt.date] = mapped_column(Date)
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    copay_terms: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    restrictions: Mapped[list[Any]] = mapped_column(JSONDoc)
    end_reason: Mapped[str | None] = mapped_column(Text)
    renews_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("health_coverage.id"))
    created_by: Mapped[str] = mapped_column(String(100))
    ended_by: Mapped[str | None] = mapped_column(String(100))


class McpRegistration(Entity):
    """Health Coverage (MCP) registration: a status and the number, encrypted."""

    __tablename__ = "health_mcp_registration"
    __table_args__ = (Index(None, "person_id"), Index(None, "blind_index"))

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    status: Mapped[str] = mapped_column(String(12))
    ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    blind_index: Mapped[str | None] = mapped_column(String(64))
    masked: Mapped[str | None] = mapped_column(String(20))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100))


class DrugCard(Entity):
    """An emergency drug card issued by an officer within their authority."""

    __tablename__ = "health_drug_card"
    __table_args__ = (Index(None, "person_id", "valid_from"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    coverage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_coverage.id"))
    number: Mapped[str] = mapped_column(String(20), unique=True)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)
    pharmacy_message: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    value_cents: Mapped[int | None] = mapped_column(BigInteger)
    issuance_id: Mapped[uuid.UUID | None]  # the money area's issuance, when the card has a value
    status: Mapped[str] = mapped_column(String(12))
    cancel_reason: Mapped[str | None] = mapped_column(Text)
    cancelled_by: Mapped[str | None] = mapped_column(String(100))
    cancelled_on: Mapped[dt.date | None] = mapped_column(Date)
    replaces_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("health_drug_card.id"))
    issued_by: Mapped[str] = mapped_column(String(100))


class SpecialAuthorization(Entity):
    """A special authorization request for a drug, its decision, expiry and what the client was told."""

    __tablename__ = "health_special_authorization"
    __table_args__ = (Index(None, "person_id", "submitted_on"), Index(None, "status", "expires_on"))

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    coverage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_coverage.id"))
    din: Mapped[str] = mapped_column(String(8))
    drug_name: Mapped[str] = mapped_column(String(200))
    prescriber: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12))
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    follow_up_task_id: Mapped[uuid.UUID | None]
    client_told: Mapped[str | None] = mapped_column(Text)
    client_told_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(100))
    decided_by: Mapped[str | None] = mapped_column(String(100))


class CopayCosting(Entity):
    """One prescription costed under the person's coverage, with the explanation and any officer decision."""

    __tablename__ = "health_copay"
    __table_args__ = (Index(None, "person_id", "created_at"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    coverage_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_coverage.id"))
    din: Mapped[str] = mapped_column(String(8))
    drug_name: Mapped[str] = mapped_column(String(200))
    quantity: Mapped[str] = mapped_column(String(20))  # decimal text, exact
    unit_price: Mapped[str] = mapped_column(String(20))  # decimal dollars, exact
    dispensing_fee_cents: Mapped[int | None] = mapped_column(BigInteger)
    total_cents: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))
    computed_cents: Mapped[int | None] = mapped_column(BigInteger)
    explanation: Mapped[list[Any]] = mapped_column(JSONDoc)
    missing: Mapped[list[Any]] = mapped_column(JSONDoc)
    used: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    override_cents: Mapped[int | None] = mapped_column(BigInteger)
    override_reason: Mapped[str | None] = mapped_column(Text)
    override_by: Mapped[str | None] = mapped_column(String(100))
    costed_on: Mapped[dt.date] = mapped_column(Date)
    costed_by: Mapped[str] = mapped_column(String(100))


class HealthClaim(Entity):
    """An out-of-province health-care claim: the service, the consultations, the decision and payment."""

    __tablename__ = "health_claim"
    __table_args__ = (Index(None, "person_id", "service_from"), Index(None, "status"))

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    mcp_registration_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_mcp_registration.id"))
    province: Mapped[str] = mapped_column(String(2))
    provider: Mapped[str] = mapped_column(String(200))
    service: Mapped[str] = mapped_column(Text)
    service_from: Mapped[dt.date] = mapped_column(Date)
    service_to: Mapped[dt.date] = mapped_column(Date)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    document_ids: Mapped[list[Any]] = mapped_column(JSONDoc)
    contacts: Mapped[list[Any]] = mapped_column(JSONDoc)
    status: Mapped[str] = mapped_column(String(12))
    approved_cents: Mapped[int | None] = mapped_column(BigInteger)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    appeal: Mapped[dict[str, Any] | None] = mapped_column(JSONDoc)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    issuance_id: Mapped[uuid.UUID | None]
    paid_to: Mapped[str | None] = mapped_column(String(10))  # person | provider
    received_by: Mapped[str] = mapped_column(String(100))


class SeniorClaim(Entity):
    """A landed-immigrant senior's claim for 65Plus drug coverage and the officer's decision."""

    __tablename__ = "health_senior_claim"
    __table_args__ = (Index(None, "person_id", "received_on"),)

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    received_on: Mapped[dt.date] = mapped_column(Date)
    landed_immigrant: Mapped[bool]
    receives_oas: Mapped[bool]
    receives_gis: Mapped[bool]
    conditions: Mapped[list[Any]] = mapped_column(JSONDoc)
    gaps: Mapped[list[Any]] = mapped_column(JSONDoc)
    note: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(100))
    coverage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("health_coverage.id"))
    recorded_by: Mapped[str] = mapped_column(String(100))


class Travel(Entity):
    """Out-of-province travel for a stranded person or for medical care not available in the province."""

    __tablename__ = "health_travel"
    __table_args__ = (Index(None, "person_id", "depart_on"), Index(None, "status"))

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    kind: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    referral_document_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("document.id"))
    legs: Mapped[list[Any]] = mapped_column(JSONDoc)
    depart_on: Mapped[dt.date] = mapped_column(Date)
    return_on: Mapped[dt.date | None] = mapped_column(Date)
    estimated_cents: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    approved_cents: Mapped[int | None] = mapped_column(BigInteger)
    issuance_id: Mapped[uuid.UUID | None]
    invoices: Mapped[list[Any]] = mapped_column(JSONDoc)
    follow_up_task_id: Mapped[uuid.UUID | None]
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    return_note: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(100))
    decided_by: Mapped[str | None] = mapped_column(String(100))


class Facility(Entity):
    """A shelter, hospital, halfway house or residential facility: where it is, whom to call, its rates,
    and the money payee (a vendor) its benefits are paid to."""

    __tablename__ = "health_facility"
    __table_args__ = (Index(None, "kind", "name"),)

    name: Mapped[str] = mapped_column(String(140), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(Text)
    contact_name: Mapped[str | None] = mapped_column(String(140))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(200))
    nightly_rate_cents: Mapped[int | None] = mapped_column(BigInteger)
    monthly_rate_cents: Mapped[int | None] = mapped_column(BigInteger)
    payee_id: Mapped[uuid.UUID | None]  # the money area's vendor payee
    active: Mapped[bool] = mapped_column(default=True)
    created_by: Mapped[str] = mapped_column(String(100))


class FacilityStay(Entity):
    """A person's stay in a facility: in, out; one open stay per person (partial unique index)."""

    __tablename__ = "health_facility_stay"
    __table_args__ = (
        Index(None, "facility_id", "out_on"),
        Index(None, "officer", "out_on"),
        partial_index("uq_health_facility_stay_open", "person_id", where="out_on IS NULL", unique=True),
    )

    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    facility_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_facility.id"))
    in_on: Mapped[dt.date] = mapped_column(Date)
    out_on: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)
    out_reason: Mapped[str | None] = mapped_column(Text)
    officer: Mapped[str] = mapped_column(String(100))  # whose caseload the resident is on
    recorded_by: Mapped[str] = mapped_column(String(100))
    ended_by: Mapped[str | None] = mapped_column(String(100))


class FacilityBenefit(Entity):
    """A benefit paid to the facility on a resident's behalf (recurring, one-time or a manual cheque),
    the money record it became, and the authorization for health benefits (the coverage in force)."""

    __tablename__ = "health_facility_benefit"
    __table_args__ = (Index(None, "stay_id"), Index(None, "person_id", "pay_date"))

    stay_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_facility_stay.id"))
    person_id: Mapped[uuid.UUID] = mapped_column(_person())
    facility_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("health_facility.id"))
    kind: Mapped[str] = mapped_column(String(12))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    nights: Mapped[int | None] = mapped_column(Integer)
    pay_date: Mapped[dt.date] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(20))
    cheque_number: Mapped[str | None] = mapped_column(String(20))
    issuance_id: Mapped[uuid.UUID | None]  # a one-time payment or cheque
    entitlement_id: Mapped[uuid.UUID | None]  # a recurring payment
    money_state: Mapped[str] = mapped_column(String(20))
    health_coverage_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("health_coverage.id"))
    health_plan: Mapped[str | None] = mapped_column(String(20))
    explanation: Mapped[str] = mapped_column(Text)
    issued_by: Mapped[str] = mapped_column(String(100))
