"""Exact values: money as integer cents, rates as integer millionths, and their one rounding rule.

Money is never a binary float. A rate multiplies money as ``cents * rate_ppm / 1_000_000`` rounded
half-up (ties away from zero, like ``decimal.ROUND_HALF_UP``) to the cent, with integer arithmetic
only, so the per-case path (Python ints) and the batch path (numpy int64) give identical cents.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

RATE_SCALE = 1_000_000  # a rate is stored as an integer number of millionths
MAX_DOLLARS = 10**10  # amounts stay below $10 billion, so cents x millionths fits in int64
_CENT = Decimal("0.01")


class BadValueError(ValueError):
    """A value that cannot be read as the expected kind; the caller names the field."""


def to_decimal(value: object) -> Decimal:
    """Read a number exactly from a string, int or Decimal (a float only through its shortest repr)."""
    if isinstance(value, bool) or value is None:
        raise BadValueError(f"is not a number: {value!r}")
    if isinstance(value, float):
        value = repr(value)  # the text the author wrote; never the binary expansion
    if not isinstance(value, (int, str, Decimal)):
        raise BadValueError(f"is not a number: {value!r}")
    try:
        number = Decimal(str(value).strip().replace("_", ""))
    except InvalidOperation:
        raise BadValueError(f"is not a number: {value!r}") from None
    if not number.is_finite():
        raise BadValueError(f"is not a number: {value!r}")
    return number


def money_to_cents(value: object, *, allow_negative: bool = True) -> int:
    """Dollars (``"459"``, ``"12.50"``, ``Decimal``) to integer cents; refuses fractions of a cent."""
    if type(value) is int and abs(value) < MAX_DOLLARS and (value >= 0 or allow_negative):
        return value * 100  # the common case of whole dollars, without a Decimal round trip
    if type(value) is Decimal and value.is_finite() and -MAX_DOLLARS < value < MAX_DOLLARS:
        whole_cents = value.quantize(_CENT)  # as parsed from JSON: the common case, checked exactly
        if whole_cents == value and (value >= 0 or allow_negative):
            return int(whole_cents * 100)
    amount = value if type(value) is Decimal else to_decimal(value)
    if not amount.is_finite():
        raise BadValueError(f"is not a number: {value!r}")
    if amount.copy_abs() >= MAX_DOLLARS:  # abs() overflows the context for 1e9999999
        raise BadValueError(f"is too large: {value!r}")
    if amount != amount.quantize(_CENT):
        raise BadValueError(f"has a fraction of a cent: {value!r}")
    if amount < 0 and not allow_negative:
        raise BadValueError(f"must not be negative: {value!r}")
    return int(amount * 100)


def rate_to_ppm(value: object) -> int:
    """A rate (``0.25``) to integer millionths; refuses more than six decimal places."""
    rate = to_decimal(value)
    scaled = rate * RATE_SCALE
    if scaled != scaled.to_integral_value():
        raise BadValueError(f"has more than six decimal places: {value!r}")
    return int(scaled)


def mul_rate(cents: int, ppm: int) -> int:
    """Money times a rate, rounded half-up (ties away from zero) to the cent."""
    product = cents * ppm
    magnitude = (abs(product) * 2 + RATE_SCALE) // (2 * RATE_SCALE)
    return magnitude if product >= 0 else -magnitude


def div_round(cents: int, divisor: int) -> int:
    """Money divided by a whole number, rounded half-up (ties away from zero) to the cent."""
    magnitude = (abs(cents) * 2 + abs(divisor)) // (2 * abs(divisor))
    return magnitude if (cents >= 0) == (divisor > 0) else -magnitude


def format_cents(cents: int) -> str:
    """Two-place decimal string, the wire format of every amount ("1234.50", "-3.05")."""
    digits = str(cents)
    sign = ""
    if digits[0] == "-":
        sign, digits = "-", digits[1:]
    digits = digits.rjust(3, "0")
    return f"{sign}{digits[:-2]}.{digits[-2:]}"


def format_rate(ppm: int) -> str:
    """A rate as a plain decimal ("0.25")."""
    return str((Decimal(ppm) / RATE_SCALE).normalize())


def cents_to_decimal(cents: int) -> Decimal:
    """The Decimal value of an amount in cents, with two places."""
    return (Decimal(cents) / 100).quantize(_CENT)


def parse_iso_date(value: object) -> dt.date:
    """A date given as ``date`` or ``YYYY-MM-DD`` text; datetimes are refused."""
    if isinstance(value, dt.datetime):
        raise BadValueError("must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BadValueError(f"is not a date (YYYY-MM-DD): {value!r}") from None


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Age in whole years on a date."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def cents_to_yaml(value: object, unit: str) -> object:
    """A parameter value back in its YAML form (money as a decimal string, rates as a decimal string)."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, dict):
        return {k: cents_to_yaml(v, unit) for k, v in value.items()}
    if isinstance(value, list):
        return [{"from": str(cents_to_decimal(f)), "value": cents_to_yaml(v, unit)} for f, v in value]
    if isinstance(value, int) and unit == "money":
        return str(cents_to_decimal(value))
    if isinstance(value, int) and unit == "rate":
        return str(Decimal(value) / Decimal(1_000_000))
    return value
