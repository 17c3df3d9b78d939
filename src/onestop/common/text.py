"""Free text as officers and clients type it: one normal form, and the check that something was said."""

from __future__ import annotations

import unicodedata

from onestop.common.errors import InvalidInput


def clean_text(value: str | None) -> str:
    """NFC-normalise and collapse whitespace, so 'Hélène' typed two ways is stored one way."""
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def required_text(value: str | None, field: str, *, max_len: int = 2000) -> str:
    """A non-empty free-text entry (reasons, purposes, notes)."""
    text = clean_text(value)
    if not text:
        raise InvalidInput(field, "is required")
    if len(text) > max_len:
        raise InvalidInput(field, f"is longer than {max_len} characters")
    return text
