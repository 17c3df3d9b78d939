"""The translation marker shared by every layer that words a message for people."""

from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark now, translate later"
    """Mark a string for extraction (pybabel sees ``N_``) without translating it here."""
    return message
