"""Exact money: integer cents inside, ``Decimal`` at the edges, never binary floats.

Amounts cross the system boundary as decimal strings ("621.50"). Inside, arithmetic is on
integer cents so sums are exact and databases store BIGINT.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer, ValidationInfo, WithJsonSchema

from onestop.common.errors import InvalidInput

CENT = Decimal("0.01")


def parse_decimal(value: object, *, field: str) -> Decimal:
    """Read a money amount given as a string, int or Decimal; refuse floats, which are inexact."""
    if isinstance(value, bool) or value is None:
        raise InvalidInput(field, "must be an amount such as 12.50")
    if isinstance(value, float):
        # A float has already lost exactness; accept it only through its shortest repr,
        # which is what a JSON/YAML author wrote ("12.5" parsed as 12.5).
        value = repr(value)
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise InvalidInput(field, f"is not an amount: {value!r}") from None
    if not amount.is_finite():
        raise InvalidInput(field, f"is not an amount: {value!r}")
    return amount


def to_cents(value: object, *, field: str, allow_negative: bool = False) -> int:
    """Convert an amount to integer cents; refuse fractions of a cent and (by default) negatives."""
    amount = parse_decimal(value, field=field)
    if amount != amount.quantize(CENT):
        raise InvalidInput(field, f"has a fraction of a cent: {value!r}")
    if amount < 0 and not allow_negative:
        raise InvalidInput(field, f"must not be negative: {value!r}")
    return int(amount * 100)


def round_cents(amount: Decimal) -> int:
    """Round a computed Decimal amount (e.g. a rate times an income) half-up to integer cents."""
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def cents_to_decimal(cents: int) -> Decimal:
    """The Decimal value of an amount in cents, with two places."""
    return (Decimal(cents) / 100).quantize(CENT)


def format_cents(cents: int) -> str:
    """Plain two-place decimal string, the wire format of every amount ("1234.50")."""
    return str(cents_to_decimal(cents))


def _cents_from(value: object, info: ValidationInfo) -> int:
    # An int is already cents (what services and the ORM hold); anything else is an amount in
    # dollars written out ("12.34", Decimal("12.34")), converted exactly or refused naming the field.
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return to_cents(value, field=info.field_name or "amount")


#: An amount of money in every money schema: integer cents inside, parsed exactly from "12.34",
#: a Decimal or int cents, and written out as a two-place decimal string ("12.34") in JSON.
Cents = Annotated[
    int,
    BeforeValidator(_cents_from),
    PlainSerializer(format_cents, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "pattern": r"^-?\d+(\.\d{1,2})?$", "examples": ["612.00"]}),
]
