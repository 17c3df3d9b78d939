"""Appeal rules. Pure: states and transitions, the filing deadline, outcomes and what they decide.

An appeal is filed against a decision within its deadline (a late filing needs a reason), heard by
a panel on a date, and decided: upheld (the decision stands), varied or overturned (a new decision
supersedes the one appealed). It may be withdrawn before it is decided.
"""

from __future__ import annotations

import datetime as dt
import enum

from onestop.common.errors import InvalidInput, InvalidTransition


class AppealStatus(enum.StrEnum):
    """Where an appeal stands; decided and withdrawn are final."""

    FILED = "filed"
    HEARING_SCHEDULED = "hearing_scheduled"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"


class AppealOutcome(enum.StrEnum):
    """What the panel decided."""

    UPHELD = "upheld"  # the decision stands
    VARIED = "varied"  # the decision is changed (e.g. the amount)
    OVERTURNED = "overturned"  # the decision is reversed


_S = AppealStatus
TRANSITIONS: dict[AppealStatus, frozenset[AppealStatus]] = {
    _S.FILED: frozenset({_S.HEARING_SCHEDULED, _S.WITHDRAWN}),
    _S.HEARING_SCHEDULED: frozenset({_S.HEARING_SCHEDULED, _S.DECIDED, _S.WITHDRAWN}),  # rescheduling allowed
    _S.DECIDED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}
OPEN = (_S.FILED.value, _S.HEARING_SCHEDULED.value)


def check_transition(current: str, target: AppealStatus) -> None:
    """Refuse a move the appeal's state does not allow (deciding an appeal twice, a withdrawn one...)."""
    state = AppealStatus(current)
    if target not in TRANSITIONS[state]:
        raise InvalidTransition(f"an appeal that is {state.value} cannot become {target.value}")


def lateness(filed_on: dt.date, deadline: dt.date | None, late_reason: str | None) -> bool:
    """Whether the filing is late; a late filing without a reason is refused."""
    late = deadline is not None and filed_on > deadline
    if late and not late_reason:
        assert deadline is not None
        days = (filed_on - deadline).days
        raise InvalidInput(
            "late_reason",
            f"the appeal is {days} day(s) past the deadline of {deadline.isoformat()}; give a reason",
        )
    return late


def resulting_outcome(outcome: AppealOutcome, appealed: str, given: str | None) -> str | None:
    """The outcome of the decision that follows: none when upheld; reversed by default when overturned."""
    if outcome is AppealOutcome.UPHELD:
        if given is not None:
            raise InvalidInput("result", "an upheld appeal leaves the decision as it is")
        return None
    if given is not None:
        return given
    if outcome is AppealOutcome.OVERTURNED:
        return "ineligible" if appealed == "eligible" else "eligible"
    raise InvalidInput("result.outcome", "a varied decision needs the outcome (and amount) the panel set")
