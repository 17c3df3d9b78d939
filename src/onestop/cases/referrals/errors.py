"""Errors of the referrals sub-area."""

from __future__ import annotations

from onestop.common.errors import NotFound


class ReferralNotFound(NotFound):
    """No referral with that id."""


class ConferenceNotFound(NotFound):
    """No case conference with that id."""
