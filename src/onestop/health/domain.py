"""Health and drug coverage rules. Pure: states, transitions, dates and the co-pay arithmetic.

Nothing here reads the database, the clock or files; the plan terms come in as ``PlanTerms`` (see
``terms.py``). A co-pay the published terms cannot settle is ``undetermined`` naming what is missing,
never a guess.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.money import format_cents, round_cents


class Plan(enum.StrEnum):
    """The NLPDP plans (the Foundation Plan comes with Income Support)."""

    FOUNDATION = "foundation"
    SIXTY_FIVE_PLUS = "65plus"
    ACCESS = "access"
    ASSURANCE = "assurance"
    SELECT_NEEDS = "select_needs"


class CoverageStatus(enum.StrEnum):
    """A coverage period is active until it ends (by date, decision or renewal)."""

    ACTIVE = "active"
    ENDED = "ended"


class McpStatus(enum.StrEnum):
    """Health Coverage (MCP) registration."""

    APPLIED = "applied"
    REGISTERED = "registered"
    EXPIRED = "expired"
    CANCELLED = "cancelled"


class CardStatus(enum.StrEnum):
    """An emergency drug card is issued, then cancelled (or replaced by a re-issue)."""

    ISSUED = "issued"
    CANCELLED = "cancelled"
    REPLACED = "replaced"


class RestrictionKind(enum.StrEnum):
    """What a coverage restriction limits."""

    DRUG = "drug"  # one drug (by DIN or name)
    DRUG_CLASS = "drug_class"
    SINGLE_PHARMACY = "single_pharmacy"


class AuthorizationStatus(enum.StrEnum):
    """A special authorization request from submission to its decision."""

    SUBMITTED = "submitted"
    APPROVED = "approved"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


class ClaimStatus(enum.StrEnum):
    """An out-of-province health-care claim."""

    RECEIVED = "received"
    APPROVED = "approved"
    DENIED = "denied"
    PAID = "paid"


class CopayStatus(enum.StrEnum):
    """Whether the plan's published terms settle the co-pay."""

    DETERMINED = "determined"
    UNDETERMINED = "undetermined"


_AUTH_MOVES: dict[AuthorizationStatus, frozenset[AuthorizationStatus]] = {
    AuthorizationStatus.SUBMITTED: frozenset(
        {AuthorizationStatus.APPROVED, AuthorizationStatus.DENIED, AuthorizationStatus.WITHDRAWN}
    ),
    AuthorizationStatus.APPROVED: frozenset(),
    AuthorizationStatus.DENIED: frozenset(),
    AuthorizationStatus.WITHDRAWN: frozenset(),
}
_CLAIM_MOVES: dict[ClaimStatus, frozenset[ClaimStatus]] = {
    ClaimStatus.RECEIVED: frozenset({ClaimStatus.APPROVED, ClaimStatus.DENIED}),
    ClaimStatus.APPROVED: frozenset({ClaimStatus.PAID}),
    ClaimStatus.DENIED: frozenset(),
    ClaimStatus.PAID: frozenset(),
}


def check_authorization_move(current: str, target: AuthorizationStatus) -> None:
    """Refuse deciding a decided or withdrawn request."""
    if target not in _AUTH_MOVES[AuthorizationStatus(current)]:
        raise InvalidTransition(f"a special authorization that is {current} cannot become {target.value}")


def check_claim_move(current: str, target: ClaimStatus) -> None:
    """Refuse paying a denied claim, deciding one twice, and the like."""
    if target not in _CLAIM_MOVES[ClaimStatus(current)]:
        raise InvalidTransition(f"a claim that is {current} cannot become {target.value}")


def covers(start_on: dt.date, end_on: dt.date | None, on: dt.date) -> bool:
    """Whether a dated period includes ``on`` (an open end runs on)."""
    return start_on <= on and (end_on is None or on <= end_on)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def period_end(start_on: dt.date, reassessment_months: int | None) -> dt.date | None:
    """A period's last day: open for plans that follow another benefit, else start + N months - 1 day."""
    if reassessment_months is None:
        return None
    return add_months(start_on, reassessment_months) - dt.timedelta(days=1)


def card_number(card_id: uuid.UUID) -> str:
    """A printable emergency drug card number derived from the card's random id ('EDC-' + 10 digits)."""
    return f"EDC-{int(card_id.hex[:15], 16) % 10**10:010d}"


def check_validity(valid_from: dt.date, valid_to: dt.date, coverage_end: dt.date | None) -> None:
    """A card runs forward and never beyond the coverage it rests on."""
    if valid_to < valid_from:
        raise InvalidInput("valid_to", "must not be before valid_from")
    if coverage_end is not None and valid_to > coverage_end:
        raise InvalidInput("valid_to", f"must not be after the coverage ends ({coverage_end.isoformat()})")


_DIN = re.compile(r"^\d{8}$")


def din(value: str | None, *, field: str = "drug.din") -> str:
    """A Drug Identification Number: 8 digits (the drug must be identified to be costed)."""
    text = (value or "").strip()
    if not _DIN.match(text):
        raise InvalidInput(field, "is not a known drug: give its 8-digit Drug Identification Number (DIN)")
    return text


def restriction_text(restrictions: list[dict[str, Any]]) -> str:
    """The restrictions in one line for a pharmacy message."""
    parts = []
    for r in restrictions:
        if r.get("removed_on"):
            continue
        kind = r["kind"]
        if kind == RestrictionKind.SINGLE_PHARMACY:
            parts.append(f"dispense only at {r['value']}")
        elif kind == RestrictionKind.DRUG_CLASS:
            parts.append(f"drug class restricted: {r['value']}")
        else:
            parts.append(f"drug restricted: {r['value']}")
    return "; ".join(parts)


def pharmacy_message(
    plan_label: str, valid_to: dt.date, restrictions: list[dict[str, Any]], note: str
) -> str:
    """What the pharmacist reads on the card: plan, end of validity, restrictions, the officer's note."""
    lines = [f"Emergency drug card - NLPDP {plan_label}, valid to {valid_to.isoformat()}."]
    limits = restriction_text(restrictions)
    if limits:
        lines.append(f"Restrictions: {limits}.")
    if note:
        lines.append(note)
    return " ".join(lines)


# --- co-pay -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bracket:
    """A rate from an income up (cents, millionths of one)."""

    from_cents: int
    rate_ppm: int


@dataclass(frozen=True)
class PlanTerms:
    """One plan's published co-pay terms, each value with where it comes from; None = not published."""

    plan: Plan
    label: str
    source: str
    coverage_rate: Decimal | None = None
    dispensing_fee_cap_cents: int | None = None
    cap_brackets: tuple[Bracket, ...] = ()
    income_ceiling_cents: int | None = None
    missing: str | None = None


@dataclass(frozen=True)
class Prescription:
    """One prescription to cost: the drug, quantity, unit price and the pharmacy's dispensing fee."""

    din: str
    drug_name: str
    quantity: Decimal
    unit_price: Decimal  # dollars per unit; may carry fractions of a cent
    dispensing_fee_cents: int | None
    net_income_cents: int | None = None  # Assurance: net family income
    paid_to_date_cents: int | None = None  # Assurance: what the family already paid this period


@dataclass
class Copay:
    """The co-pay and how it was found."""

    status: CopayStatus
    total_cents: int
    copay_cents: int | None
    plan_pays_cents: int | None
    explanation: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    used: dict[str, Any] = field(default_factory=dict)


def _money(cents: int) -> str:
    return f"${format_cents(cents)}"


def drug_cost_cents(quantity: Decimal, unit_price: Decimal) -> int:
    """Quantity times unit price, rounded half-up to the cent once (never per unit)."""
    if quantity <= 0:
        raise InvalidInput("quantity", "must be more than zero")
    if unit_price < 0:
        raise InvalidInput("unit_price", "must not be negative")
    return round_cents(quantity * unit_price)


def compute_copay(rx: Prescription, terms: PlanTerms) -> Copay:
    """The client's share of one prescription under the plan's published terms."""
    cost = drug_cost_cents(rx.quantity, rx.unit_price)
    fee = rx.dispensing_fee_cents or 0
    total = cost + fee
    head = [
        f"Drug {rx.drug_name} (DIN {rx.din}): {rx.quantity} x ${rx.unit_price} = {_money(cost)} "
        f"(rounded half-up to the cent); dispensing fee {_money(fee)}; total {_money(total)}."
    ]
    used: dict[str, Any] = {"plan": terms.plan.value, "source": terms.source}
    if terms.plan in (Plan.FOUNDATION, Plan.SELECT_NEEDS):
        return _by_rate(terms, total, head, used)
    if terms.plan is Plan.SIXTY_FIVE_PLUS:
        return _sixty_five(rx, terms, total, head, used)
    if terms.plan is Plan.ASSURANCE:
        return _assurance(rx, terms, total, head, used)
    missing = terms.missing or f"{terms.plan.value} co-pay terms"
    head.append(f"{terms.label}: the co-pay cannot be computed - {missing}.")
    return Copay(CopayStatus.UNDETERMINED, total, None, None, head, [missing.split(":")[0]], used)


def _by_rate(terms: PlanTerms, total: int, head: list[str], used: dict[str, Any]) -> Copay:
    if terms.coverage_rate is None:
        name = f"nl.nlpdp.{terms.plan.value}.coverage_rate"
        head.append(f"{terms.label}: the coverage rate is not published ({name}).")
        return Copay(CopayStatus.UNDETERMINED, total, None, None, head, [name], used)
    plan_pays = round_cents(Decimal(total) / 100 * terms.coverage_rate)
    copay = total - plan_pays
    used["coverage_rate"] = str(terms.coverage_rate)
    head.append(
        f"{terms.label} covers {terms.coverage_rate * 100:.0f}% of eligible drug costs ({terms.source}): "
        f"plan pays {_money(plan_pays)}, client pays {_money(copay)}."
    )
    return Copay(CopayStatus.DETERMINED, total, copay, plan_pays, head, [], used)


def _sixty_five(
    rx: Prescription, terms: PlanTerms, total: int, head: list[str], used: dict[str, Any]
) -> Copay:
    if rx.dispensing_fee_cents is None:
        raise InvalidInput(
            "dispensing_fee", "is required: on the 65Plus Plan the client pays the dispensing fee"
        )
    if terms.dispensing_fee_cap_cents is None:
        name = "nl.nlpdp.65plus.dispensing_fee_cap"
        head.append(f"{terms.label}: the dispensing-fee cap is not published ({name}).")
        return Copay(CopayStatus.UNDETERMINED, total, None, None, head, [name], used)
    cap = terms.dispensing_fee_cap_cents
    copay = min(rx.dispensing_fee_cents, cap)
    used["dispensing_fee_cap"] = format_cents(cap)
    head.append(
        f"{terms.label}: eligible drugs are covered; the client pays the dispensing fee up to {_money(cap)} "
        f"({terms.source}): min({_money(rx.dispensing_fee_cents)}, {_money(cap)}) = {_money(copay)}."
    )
    return Copay(CopayStatus.DETERMINED, total, copay, total - copay, head, [], used)


def _assurance(
    rx: Prescription, terms: PlanTerms, total: int, head: list[str], used: dict[str, Any]
) -> Copay:
    missing = [
        n
        for n, v in (("net_income", rx.net_income_cents), ("paid_to_date", rx.paid_to_date_cents))
        if v is None
    ]
    if missing:
        head.append(
            f"{terms.label}: the co-pay needs {' and '.join(missing)} (the family's cap depends on them)."
        )
        return Copay(CopayStatus.UNDETERMINED, total, None, None, head, missing, used)
    assert rx.net_income_cents is not None and rx.paid_to_date_cents is not None
    income = rx.net_income_cents
    if terms.income_ceiling_cents is not None and income >= terms.income_ceiling_cents:
        raise InvalidInput(
            "net_income",
            f"{_money(income)} is at or above the Assurance Plan ceiling of "
            f"{_money(terms.income_ceiling_cents)}",
        )
    rate = next((b.rate_ppm for b in reversed(terms.cap_brackets) if income >= b.from_cents), None)
    if rate is None:
        name = "nl.nlpdp.assurance.out_of_pocket_cap_rate"
        head.append(f"{terms.label}: no cap rate is published for this income ({name}).")
        return Copay(CopayStatus.UNDETERMINED, total, None, None, head, [name], used)
    cap = round_cents(Decimal(income) / 100 * Decimal(rate) / Decimal(1_000_000))
    room = max(0, cap - rx.paid_to_date_cents)
    copay = min(total, room)
    used.update(
        {
            "cap_rate": str(Decimal(rate) / Decimal(1_000_000)),
            "net_income": format_cents(income),
            "cap": format_cents(cap),
            "paid_to_date": format_cents(rx.paid_to_date_cents),
        }
    )
    head.append(
        f"{terms.label}: the family pays at most {Decimal(rate) / Decimal(10_000):g}% of net income "
        f"{_money(income)} = {_money(cap)} ({terms.source}); already paid {_money(rx.paid_to_date_cents)}, "
        f"room left {_money(room)}; client pays min({_money(total)}, {_money(room)}) = {_money(copay)}."
    )
    return Copay(CopayStatus.DETERMINED, total, copay, total - copay, head, [], used)


# --- 65Plus for landed-immigrant seniors ------------------------------------------------------------


class SeniorClaimStatus(enum.StrEnum):
    """A landed-immigrant senior's claim for 65Plus coverage, which the officer decides alone."""

    RECEIVED = "received"
    APPROVED = "approved"
    DENIED = "denied"


#: What the reference does not hold for this path (shown with every claim, never guessed).
SENIOR_GAPS = (
    "nl.nlpdp.65plus.landed_immigrant_conditions: the reference (nl_prescription_drug_program.yaml, "
    "plans.65plus) names only 'age 65+ receiving OAS and GIS'; the conditions for a landed-immigrant "
    "senior without OAS/GIS (an income test, a residence period) were NOT retrieved",
)


def age_on(born: dt.date, on: dt.date) -> int:
    """Age in whole years on a date."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def senior_conditions(
    born: dt.date | None, on: dt.date, landed_immigrant: bool, receives_oas: bool, receives_gis: bool
) -> list[dict[str, Any]]:
    """The known conditions of the landed-immigrant 65Plus path, each met, not met or unknown (None)."""
    age = age_on(born, on) if born else None
    return [
        {
            "condition": "age_65_or_over",
            "met": None if age is None else age >= 65,
            "value": age,
            "source": "reference plans.65plus.who: age 65+",
        },
        {
            "condition": "landed_immigrant",
            "met": landed_immigrant,
            "source": "NL job profile: 'claims of seniors who are landed immigrants'",
        },
        {
            "condition": "no_oas_and_gis",
            "met": not (receives_oas and receives_gis),
            "source": "with OAS and GIS the senior is on 65Plus through Service Canada, not this path",
        },
    ]


def failed_conditions(conditions: list[dict[str, Any]]) -> list[str]:
    """Conditions known not to be met (unknown ones are not failures; they need the officer's judgement)."""
    return [c["condition"] for c in conditions if c["met"] is False]


# --- out-of-province travel -------------------------------------------------------------------------


class TravelKind(enum.StrEnum):
    """Why the person travels (the catalogue's programs ``nl.travel_stranded`` and ``nl.medical_travel``)."""

    STRANDED = "stranded"
    MEDICAL = "medical"


class TravelStatus(enum.StrEnum):
    """A travel request from the ask to the follow-up on return."""

    REQUESTED = "requested"
    APPROVED = "approved"
    DENIED = "denied"
    RETURNED = "returned"
    CANCELLED = "cancelled"


TRAVEL_PROGRAMS = {TravelKind.STRANDED: "nl.travel_stranded", TravelKind.MEDICAL: "nl.medical_travel"}

_TRAVEL_MOVES: dict[TravelStatus, frozenset[TravelStatus]] = {
    TravelStatus.REQUESTED: frozenset({TravelStatus.APPROVED, TravelStatus.DENIED, TravelStatus.CANCELLED}),
    TravelStatus.APPROVED: frozenset({TravelStatus.RETURNED, TravelStatus.CANCELLED}),
    TravelStatus.DENIED: frozenset(),
    TravelStatus.RETURNED: frozenset(),
    TravelStatus.CANCELLED: frozenset(),
}


def check_travel_move(current: str, target: TravelStatus) -> None:
    """Refuse approving twice, recording a return before approval, and the like."""
    if target not in _TRAVEL_MOVES[TravelStatus(current)]:
        raise InvalidTransition(f"a travel request that is {current} cannot become {target.value}")


def check_legs(legs: list[dict[str, Any]], return_on: dt.date | None) -> dt.date:
    """An itinerary: at least one leg, dates in order, the return (if any) after departure; the first day."""
    if not legs:
        raise InvalidInput("legs", "give at least one leg (from, to, carrier, date)")
    days: list[dt.date] = [leg["depart_on"] for leg in legs]
    for i, (a, b) in enumerate(itertools.pairwise(days)):
        if b < a:
            raise InvalidInput(f"legs[{i + 1}].depart_on", "legs must be in date order")
    if return_on is not None and return_on < days[0]:
        raise InvalidInput("return_on", "must not be before the first departure")
    return days[0]


# --- facility caseloads -------------------------------------------------------------------------


class FacilityKind(enum.StrEnum):
    """The places whose residents an NL officer carries (job profile: "shelters, hospitals, halfway
    houses, and residential facilities")."""

    SHELTER = "shelter"
    HOSPITAL = "hospital"
    HALFWAY_HOUSE = "halfway_house"
    RESIDENTIAL = "residential"


class BenefitKind(enum.StrEnum):
    """How a benefit reaches the facility (job profile: "recurring, non-recurring, and manual cheques")."""

    RECURRING = "recurring"  # a monthly entitlement to the facility
    ONE_TIME = "one_time"  # one issuance
    CHEQUE = "cheque"  # a manual cheque, written by hand: a second person approves it


def check_stay_dates(in_on: dt.date, out_on: dt.date | None, today: dt.date) -> None:
    """A stay's dates: not in the future, out on or after in."""
    if in_on > today:
        raise InvalidInput("in_on", "must not be in the future")
    if out_on is not None:
        if out_on > today:
            raise InvalidInput("out_on", "must not be in the future")
        if out_on < in_on:
            raise InvalidInput("out_on", f"must not be before the day in ({in_on.isoformat()})")


def facility_payment_type(kind: FacilityKind) -> str:
    """A shelter's bed is paid by the night (money's ``shelter`` type, the nights limits of authority);
    a hospital, halfway house or residential facility bills: money's ``invoice`` type."""
    return "shelter" if kind is FacilityKind.SHELTER else "invoice"


def benefit_amount(
    kind: FacilityKind,
    benefit: BenefitKind,
    *,
    amount_cents: int | None,
    nights: int | None,
    nightly_rate_cents: int | None,
    monthly_rate_cents: int | None,
) -> int:
    """The amount to pay: the one given, else the facility's rate (nightly x nights for a shelter paid
    once; monthly otherwise); refused naming what is missing."""
    if benefit is not BenefitKind.RECURRING and kind is FacilityKind.SHELTER:
        if nights is None or nights <= 0:
            raise InvalidInput(
                "nights", "a shelter is paid by the night: give the number of nights (1 or more)"
            )
    elif nights is not None:
        raise InvalidInput("nights", "only a shelter paid once is counted in nights")
    if amount_cents is not None:
        if amount_cents <= 0:
            raise InvalidInput("amount", "must be more than zero")
        return amount_cents
    if benefit is not BenefitKind.RECURRING and kind is FacilityKind.SHELTER:
        if nightly_rate_cents is None:
            raise InvalidInput("amount", "the facility has no nightly rate: give the amount")
        assert nights is not None
        return nightly_rate_cents * nights
    if monthly_rate_cents is None:
        raise InvalidInput("amount", "the facility has no monthly rate: give the amount")
    return monthly_rate_cents
