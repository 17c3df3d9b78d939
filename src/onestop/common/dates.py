"""Dates read from user input, strictly (ISO 8601), naming the field when malformed."""

from __future__ import annotations

import datetime as dt

from onestop.common.errors import InvalidInput


def parse_date(value: object, *, field: str) -> dt.date:
    """Read an ISO date (YYYY-MM-DD); a datetime or anything else is refused."""
    if isinstance(value, dt.datetime):
        raise InvalidInput(field, "must be a date (YYYY-MM-DD), not a date and time")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(field, f"is not a date (YYYY-MM-DD): {value!r}") from None


def age_on(birth_date: dt.date, on: dt.date) -> int:
    """Age in whole years on a date (a birthday on 29 February counts from 1 March in other years)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
