"""The rule pack the screener evaluates decided programs with: the registered one of the jurisdiction."""

from __future__ import annotations

from onestop import jurisdictions
from onestop.rules import Pack, UnknownJurisdiction


def screening_pack(jurisdiction: str) -> Pack:
    """The pack of ``ca-ab`` or ``ca-nl`` (every decided program of its catalogue)."""
    return jurisdictions.get_pack(jurisdiction)


def check_jurisdiction(value: object) -> str:
    """The jurisdiction of a case; refuses a missing or unknown one naming the field."""
    known = sorted(jurisdictions.PACK_MODULES)
    if value not in known:
        raise UnknownJurisdiction(value, known)
    return str(value)
