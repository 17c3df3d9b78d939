"""Identifiers: random UUIDs, so ids reveal nothing about volume or order."""

from __future__ import annotations

import uuid


def new_id() -> uuid.UUID:
    """A fresh random identifier."""
    return uuid.uuid4()


def parse_id(value: str, *, field: str) -> uuid.UUID:
    """Parse an id from user input, naming the field when it is malformed."""
    from onestop.common.errors import InvalidInput

    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(field, f"is not a valid id: {value!r}") from None
