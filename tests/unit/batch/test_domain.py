"""Pure rules of caseload runs: overlays, classification, family types, summaries."""

from __future__ import annotations

from decimal import Decimal

import pytest

from onestop.batch.domain import (
    Summary,
    check_cancellable,
    check_partition_size,
    check_resumable,
    classify,
    family_type,
    parse_overlay,
    summary_rows,
)
from onestop.common.errors import InvalidInput, InvalidTransition


def test_overlays_scale_add_and_set_exactly() -> None:
    assert parse_overlay("core_shelter_private=+5%").apply(36500, "money") == 38325
    assert parse_overlay("x=-2.5%").apply(10001, "money") == 9751  # 9750.975 -> half-up to the cent
    assert parse_overlay("x=+25").apply(36500, "money") == 39000
    assert parse_overlay("x=600").apply(36500, "money") == 60000
    assert parse_overlay("x=90%").apply(1000, "money") == 900
    assert parse_overlay("rate=+10%").apply(250_000, "rate") == 275_000
    table = {"single": {"0": 45900, "4": None}}
    assert parse_overlay("t=+10%").apply(table, "money") == {"single": {"0": 50490, "4": None}}  # a gap stays
    assert parse_overlay("b=+1%").apply([(0, 100), (50000, 200)], "money") == [(0, 101), (50000, 202)]
    overlay = parse_overlay(" ab.income_support.core_essential = -3% ")
    assert (overlay.name, overlay.op, overlay.amount, overlay.percent) == (
        "ab.income_support.core_essential",
        "-",
        Decimal(3),
        True,
    )
    assert overlay.text == "ab.income_support.core_essential=-3%"


@pytest.mark.parametrize("text", ["x", "x=", "x=+5 percent", "=5%", "x=5%%"])
def test_a_malformed_overlay_names_the_field(text: str) -> None:
    with pytest.raises(InvalidInput) as err:
        parse_overlay(text)
    assert err.value.field == "overlay"


def test_a_yes_no_parameter_cannot_be_scaled() -> None:
    with pytest.raises(InvalidInput):
        parse_overlay("flag=+5%").apply(True, "bool")


def test_classification_and_family_types() -> None:
    assert classify(82400, 82400, False).value == "unchanged"
    assert classify(82400, 62150, False).value == "changed"
    assert classify(None, 0, False).value == "unchanged"
    assert classify(82400, None, True).value == "incomplete"
    assert family_type(["applicant"]) == "single"
    assert family_type(["applicant", "dependant"]) == "single_parent"
    assert family_type(["applicant", "partner"]) == "couple"
    assert family_type(["applicant", "partner", "dependant"]) == "couple_with_children"


def test_states_and_sizes() -> None:
    check_resumable("cancelled")
    with pytest.raises(InvalidTransition):
        check_resumable("finished")
    with pytest.raises(InvalidTransition):
        check_cancellable("cancelled")
    with pytest.raises(InvalidInput):
        check_partition_size(0)


def test_a_summary_counts_money_gainers_and_losers_by_group() -> None:
    s = Summary()
    s.add("EDM", "p", "single", 1000, 1500, "changed")
    s.add("EDM", "p", "couple", 1000, 400, "changed")
    s.add("CGY", "p", "single", 1000, None, "incomplete")
    s.add("CGY", "p", "single", None, None, "broken")
    total = s.as_dict()["total"]
    assert (total["monthly_before_cents"], total["monthly_after_cents"], total["yearly_change_cents"]) == (
        2000,
        1900,
        -1200,
    )
    assert (total["gainers"], total["gained_cents"], total["losers"], total["lost_cents"]) == (1, 500, 1, 600)
    assert (total["incomplete"], total["broken"], total["households"]) == (1, 1, 4)
    rows = summary_rows(s.as_dict())
    assert rows[0]["dimension"] == "total" and rows[0]["monthly_change"] == "-1.00"
    assert [r["group"] for r in rows if r["dimension"] == "office"] == ["CGY", "EDM"]
