"""Application rules. Pure: statuses and transitions, channels (fact paths are the case vocabulary's,
``onestop.cases.vocabulary.paths``, named here too).

An application moves received -> (pending documents <-> in assessment) -> decided, and may be
withdrawn before it is decided. A decided application is reopened for assessment only by a named
reason (a review, a reported change, an appeal), so it is never decided twice on the same assessment.
"""

from __future__ import annotations

import enum

from onestop.cases.vocabulary import FactPath, parse_path, refuse_registry_path
from onestop.common.errors import InvalidTransition

__all__ = [
    "ApplicationStatus",
    "Channel",
    "FactPath",
    "FactSource",
    "check_open_for_facts",
    "check_reopen",
    "check_transition",
    "parse_path",
    "refuse_registry_path",
]


class ApplicationStatus(enum.StrEnum):
    """Where an application stands."""

    RECEIVED = "received"
    PENDING_DOCUMENTS = "pending_documents"
    IN_ASSESSMENT = "in_assessment"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"


class Channel(enum.StrEnum):
    """How the application reached the department."""

    IN_PERSON = "in_person"
    PHONE = "phone"
    ONLINE = "online"
    MAIL = "mail"
    EMAIL = "email"


class FactSource(enum.StrEnum):
    """Where a fact of the case came from."""

    OFFICER = "officer"  # entered by an officer from what the client said or showed
    SCREENING = "screening"  # carried over from a screening interview
    ASSESSMENT = "assessment"  # the officer's own assessment (e.g. client type); no document proves it
    REGISTRY = "registry"  # the person's record: role in the unit, date of birth


_S = ApplicationStatus
TRANSITIONS: dict[ApplicationStatus, frozenset[ApplicationStatus]] = {
    _S.RECEIVED: frozenset({_S.PENDING_DOCUMENTS, _S.IN_ASSESSMENT, _S.WITHDRAWN}),
    _S.PENDING_DOCUMENTS: frozenset({_S.IN_ASSESSMENT, _S.WITHDRAWN}),
    _S.IN_ASSESSMENT: frozenset({_S.PENDING_DOCUMENTS, _S.DECIDED, _S.WITHDRAWN}),
    _S.DECIDED: frozenset({_S.IN_ASSESSMENT}),  # reassessment: review, change, appeal, investigation
    _S.WITHDRAWN: frozenset(),
}

#: States in which the facts of the case may still change.
OPEN_FOR_FACTS = frozenset({_S.RECEIVED, _S.PENDING_DOCUMENTS, _S.IN_ASSESSMENT})


def check_transition(current: str, target: ApplicationStatus) -> None:
    """Refuse a move the current status does not allow (deciding a withdrawn application, twice...)."""
    state = ApplicationStatus(current)
    if target not in TRANSITIONS[state]:
        hint = ""
        if state is _S.DECIDED and target is _S.DECIDED:
            hint = "; reopen it for a new assessment (review, change or appeal) first"
        raise InvalidTransition(f"an application that is {state.value} cannot become {target.value}{hint}")


def check_reopen(current: str, *, reopen: bool) -> None:
    """Only a decided application is reopened (with a reason); an undecided one just starts assessment."""
    decided = ApplicationStatus(current) is _S.DECIDED
    if decided and not reopen:
        raise InvalidTransition("this application is decided; reopen it with a reason for a new assessment")
    if reopen and not decided:
        raise InvalidTransition(f"only a decided application can be reopened (this one is {current})")


def check_open_for_facts(current: str) -> None:
    """Facts change only while the application is being assessed."""
    if ApplicationStatus(current) not in OPEN_FOR_FACTS:
        raise InvalidTransition(
            f"the facts of an application that is {current} cannot change; reopen it for assessment first"
        )
