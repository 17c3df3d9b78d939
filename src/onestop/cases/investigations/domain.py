"""Investigation rules. Pure: sources of an allegation, states, findings and what a finding allows.

An investigation is open until it is closed, once, with a finding. Only a founded finding can lead
to a reassessment of the benefit or to an overpayment.
"""

from __future__ import annotations

import enum

from onestop.common.errors import InvalidInput, InvalidTransition


class AllegationSource(enum.StrEnum):
    """Where the allegation of misuse came from."""

    ANONYMOUS_TIP = "anonymous_tip"
    NAMED_TIP = "named_tip"
    DATA_MATCH = "data_match"  # e.g. another agency's records
    OFFICER = "officer"
    AGENCY = "agency"
    REFERRAL = "referral"
    OTHER = "other"


class InvestigationStatus(enum.StrEnum):
    """Open, then closed with a finding (final)."""

    OPEN = "open"
    CLOSED = "closed"


class Finding(enum.StrEnum):
    """What the investigation found."""

    FOUNDED = "founded"
    UNFOUNDED = "unfounded"
    INCONCLUSIVE = "inconclusive"


def check_open(status: str, *, doing: str) -> None:
    """Evidence, interviews and closing need an open investigation (closing twice is refused)."""
    if InvestigationStatus(status) is not InvestigationStatus.OPEN:
        raise InvalidTransition(f"the investigation is {status}: it cannot {doing}")


def check_consequences(finding: Finding, *, reassess: bool, overpayment: bool) -> None:
    """A reassessment or an overpayment follows only from a founded finding."""
    if finding is not Finding.FOUNDED and (reassess or overpayment):
        raise InvalidInput(
            "finding", f"an {finding.value} finding cannot lead to a reassessment or an overpayment"
        )
