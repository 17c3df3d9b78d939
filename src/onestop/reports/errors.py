"""Errors of reports (none of their own yet: bad input is ``InvalidInput`` naming the field)."""

from onestop.common.errors import InvalidInput, NotFound

__all__ = ["InvalidInput", "NotFound"]
