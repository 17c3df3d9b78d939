"""Exact money and the one rounding rule, identical in the per-case and batch paths."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from onestop.rules.batch import b_div, b_mulrate
from onestop.rules.values import (
    BadValueError,
    div_round,
    format_cents,
    money_to_cents,
    mul_rate,
    rate_to_ppm,
)


def test_money_is_read_exactly() -> None:
    assert money_to_cents("621.50") == 62150
    assert money_to_cents(Decimal("0.1")) == 10
    assert money_to_cents(459) == 45900
    assert money_to_cents(0.1) == 10  # a float only through its shortest repr
    assert money_to_cents("-3.05") == -305


@pytest.mark.parametrize("bad", ["12.345", "abc", None, True, "NaN", "1e400000"])
def test_bad_money_is_refused(bad: object) -> None:
    with pytest.raises(BadValueError):
        money_to_cents(bad)


def test_negative_money_can_be_refused() -> None:
    with pytest.raises(BadValueError, match="negative"):
        money_to_cents("-1", allow_negative=False)


def test_rates_have_at_most_six_places() -> None:
    assert rate_to_ppm("0.25") == 250_000
    with pytest.raises(BadValueError):
        rate_to_ppm("0.1234567")


@pytest.mark.parametrize(
    ("cents", "rate", "expected"),
    [(2, "0.25", 1), (-2, "0.25", -1), (1, "0.5", 1), (-1, "0.5", -1), (3, "0.5", 2), (27000, "0.25", 6750)],
)
def test_half_up_ties_away_from_zero(cents: int, rate: str, expected: int) -> None:
    assert mul_rate(cents, rate_to_ppm(rate)) == expected


@given(st.integers(-(10**11), 10**11), st.decimals(0, 2, places=6, allow_nan=False))
def test_mul_rate_matches_decimal_round_half_up(cents: int, rate: Decimal) -> None:
    exact = (Decimal(cents) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert mul_rate(cents, rate_to_ppm(rate)) == int(exact)


@given(st.lists(st.integers(-(10**11), 10**11), min_size=1, max_size=50), st.integers(0, 2_000_000))
def test_batch_rounding_is_the_same(cents: list[int], ppm: int) -> None:
    got = b_mulrate(np.array(cents, dtype=np.int64), ppm)
    assert got.tolist() == [mul_rate(c, ppm) for c in cents]


@given(st.lists(st.integers(-(10**11), 10**11), min_size=1, max_size=50), st.integers(1, 1000))
def test_batch_division_is_the_same(cents: list[int], divisor: int) -> None:
    assert b_div(np.array(cents, dtype=np.int64), divisor).tolist() == [div_round(c, divisor) for c in cents]


def test_format() -> None:
    assert format_cents(62150) == "621.50"
    assert format_cents(-5) == "-0.05"
