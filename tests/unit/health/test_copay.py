"""Co-pay arithmetic against the reference's figures (nl_prescription_drug_program.yaml), to the cent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from onestop.common.errors import InvalidInput
from onestop.health import domain, terms
from onestop.health.domain import CopayStatus, Plan, Prescription

ON = dt.date(2026, 3, 2)


def rx(**kw: object) -> Prescription:
    base: dict[str, object] = {
        "din": "02242903",
        "drug_name": "Drug",
        "quantity": Decimal("30"),
        "unit_price": Decimal("0.4567"),
        "dispensing_fee_cents": 1199,
    }
    base.update(kw)
    return Prescription(**base)  # type: ignore[arg-type]


def test_foundation_pays_everything() -> None:
    out = domain.compute_copay(rx(), terms.terms_for(Plan.FOUNDATION, ON))
    assert (out.status, out.total_cents, out.copay_cents, out.plan_pays_cents) == (
        CopayStatus.DETERMINED,
        2569,
        0,
        2569,
    )


def test_the_drug_cost_is_rounded_once_half_up() -> None:
    assert domain.drug_cost_cents(Decimal("3"), Decimal("0.835")) == 251  # 2.505 -> 2.51
    assert domain.drug_cost_cents(Decimal("1"), Decimal("0.004")) == 0


@pytest.mark.parametrize(("fee", "copay"), [(1199, 600), (450, 450), (600, 600)])
def test_65plus_pays_the_dispensing_fee_up_to_six_dollars(fee: int, copay: int) -> None:
    out = domain.compute_copay(rx(dispensing_fee_cents=fee), terms.terms_for(Plan.SIXTY_FIVE_PLUS, ON))
    assert (out.copay_cents, out.plan_pays_cents) == (copay, 1370 + fee - copay)
    assert "$6.00" in out.explanation[-1]


def test_65plus_without_the_dispensing_fee_names_it() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.compute_copay(rx(dispensing_fee_cents=None), terms.terms_for(Plan.SIXTY_FIVE_PLUS, ON))
    assert err.value.field == "dispensing_fee"


@pytest.mark.parametrize(
    ("income", "paid", "copay", "cap"),
    [
        (3_800_000, 0, 2569, 190_000),  # 5% of 38,000 = 1,900.00: the whole prescription
        (3_800_000, 188_000, 2000, 190_000),  # 20.00 of room left
        (3_800_000, 190_000, 0, 190_000),  # cap reached: the plan pays everything
        (4_000_000, 0, 2569, 300_000),  # 40,000 is in the 7.5% band
        (10_000_001, 999_900, 100, 1_000_000),  # 10% of 100,000.01 = 10,000.001 -> 10,000.00; 1.00 left
    ],
)
def test_assurance_caps_what_the_family_pays_at_its_share_of_net_income(
    income: int, paid: int, copay: int, cap: int
) -> None:
    out = domain.compute_copay(
        rx(net_income_cents=income, paid_to_date_cents=paid), terms.terms_for(Plan.ASSURANCE, ON)
    )
    assert out.status is CopayStatus.DETERMINED and out.copay_cents == copay
    assert out.used["cap"] == f"{Decimal(cap) / 100:.2f}"


def test_assurance_without_income_is_undetermined_naming_it() -> None:
    out = domain.compute_copay(rx(paid_to_date_cents=0), terms.terms_for(Plan.ASSURANCE, ON))
    assert (out.status, out.copay_cents, out.missing) == (CopayStatus.UNDETERMINED, None, ["net_income"])


def test_assurance_refuses_an_income_at_the_ceiling() -> None:
    with pytest.raises(InvalidInput) as err:
        domain.compute_copay(
            rx(net_income_cents=15_000_000, paid_to_date_cents=0), terms.terms_for(Plan.ASSURANCE, ON)
        )
    assert err.value.field == "net_income"


def test_access_is_undetermined_the_schedule_was_not_retrieved() -> None:
    out = domain.compute_copay(rx(), terms.terms_for(Plan.ACCESS, ON))
    assert out.status is CopayStatus.UNDETERMINED and out.missing == ["nl.nlpdp.access.copay_schedule"]
    assert "NOT retrieved" in out.explanation[-1]


def test_a_din_is_eight_digits() -> None:
    assert domain.din(" 02242903 ") == "02242903"
    with pytest.raises(InvalidInput):
        domain.din("2242903")


def test_periods_and_card_numbers() -> None:
    assert domain.period_end(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 27)
    assert domain.period_end(dt.date(2026, 1, 1), None) is None
    assert terms.plan_for_program("nl.income_support") is Plan.FOUNDATION
    import uuid

    number = domain.card_number(uuid.UUID(int=12345))
    assert number.startswith("EDC-") and len(number) == 14
