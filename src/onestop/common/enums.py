"""Reading an enum from outside input, with an error that lists what is allowed."""

from __future__ import annotations

import enum
from typing import TypeVar

from onestop.common.errors import InvalidInput

E = TypeVar("E", bound=enum.StrEnum)


def parse_enum(kind: type[E], value: str, *, field: str) -> E:
    """A known value of ``kind``, or InvalidInput listing the allowed ones."""
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise InvalidInput(field, f"must be one of: {allowed}") from None
