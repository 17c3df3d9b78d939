"""Numbers typed (or edited by hand) in a form, read without ever raising.

``str.isdigit()`` is true for ``²`` and ``٣``, which ``int()`` refuses, and ``int()`` refuses more than
4,300 digits: a page that trusts either answers 500. These read ASCII digits only, of a sane length.
"""

from __future__ import annotations

import re

from onestop.common.errors import InvalidInput

_WHOLE = re.compile(r"-?[0-9]{1,18}")
#: Most rows an editor form may post back (the plan editor's goals and actions).
MAX_ROWS = 200


def whole_number(raw: object, *, negative: bool = False) -> int | None:
    """The whole number in ``raw`` (ASCII digits, at most 18 of them), or None when it is not one."""
    text = str(raw or "").strip()
    if not _WHOLE.fullmatch(text) or (text.startswith("-") and not negative):
        return None
    return int(text)


def required_whole_number(raw: object, field: str, *, negative: bool = False) -> int:
    """The whole number in ``raw``, or ``InvalidInput`` naming ``field``."""
    value = whole_number(raw, negative=negative)
    if value is None:
        raise InvalidInput(field, "must be a whole number")
    return value


def row_count(raw: object, field: str) -> int:
    """How many rows a form says it posted (a hidden box): 0 to ``MAX_ROWS``, else ``InvalidInput``."""
    value = whole_number(raw or "0")
    if value is None or value > MAX_ROWS:
        raise InvalidInput(field, f"must be a whole number from 0 to {MAX_ROWS}")
    return value
