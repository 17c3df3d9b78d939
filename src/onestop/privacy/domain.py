"""Privacy rules: request kinds and states, statutory deadlines, redactions, maker-checker on a release,
and when a closed file is due for destruction. Pure: the schedules come in as a ``Schedules`` value."""

from __future__ import annotations

import copy
import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied


class RequestKind(enum.StrEnum):
    """What the person asks for."""

    ACCESS = "access"
    CORRECTION = "correction"


class RequestStatus(enum.StrEnum):
    """Where a request stands. Access: open -> assembled -> approved -> released. Correction: open ->
    corrected | refused."""

    OPEN = "open"
    ASSEMBLED = "assembled"
    APPROVED = "approved"
    RELEASED = "released"
    CORRECTED = "corrected"
    REFUSED = "refused"


FINAL = frozenset({RequestStatus.RELEASED, RequestStatus.CORRECTED, RequestStatus.REFUSED})


class RedactionReason(enum.StrEnum):
    """Why a part of a package is withheld (each redaction names one)."""

    OTHER_PERSON = "other_person"  # another household member's information
    INFORMANT = "informant"  # who reported something in an investigation
    LEGAL_ADVICE = "legal_advice"
    SAFETY = "safety"  # disclosure could threaten someone's safety


class DisclosureBasis(enum.StrEnum):
    """What allowed a disclosure outside the department."""

    CONSENT = "consent"  # the person's current consent for this recipient
    STATUTE = "statute"  # a section of an act that requires or allows it
    COURT_ORDER = "court_order"


def check_disclosure_basis(basis: DisclosureBasis, authority: str, consent_found: bool) -> None:
    """A disclosure names its authority, or rests on a consent in force for that recipient."""
    if basis is DisclosureBasis.CONSENT:
        if not consent_found:
            raise InvalidInput("consent_id", "no consent in force from this person with that id")
        return
    if not authority:
        raise InvalidInput("authority", "name the section of the act or the court order")


#: Package sections an officer may redact in; anything else is a typo.
SECTIONS = (
    "person",
    "units",
    "applications",
    "decisions",
    "benefits",
    "plans",
    "referrals",
    "documents",
    "interactions",
    "consents",
    "disclosures",
    "access_history",
)
REDACTED = "[withheld]"


@dataclass(frozen=True)
class RequestRules:
    """One jurisdiction's deadlines."""

    answer_days: int
    extension_days: int


@dataclass(frozen=True)
class Schedules:
    """The privacy configuration (``schedules.yaml``)."""

    requests: Mapping[str, RequestRules]
    closed_file_years: int
    audit_log_years: int
    ledger_years: int
    #: Where each jurisdiction's breach reports go (``breaches:`` in the file).
    commissioners: Mapping[str, Commissioner] = field(default_factory=dict)


def schedules_from(raw: Mapping[str, Any]) -> Schedules:
    """Check and convert the configuration; a bad file fails loudly at start, not at the first request."""
    rules = {
        str(j): RequestRules(int(v["answer_days"]), int(v["extension_days"]))
        for j, v in dict(raw["requests"]).items()
    }
    retention = raw["retention"]
    found = Schedules(
        requests=rules,
        closed_file_years=int(retention["closed_file_years"]),
        audit_log_years=int(retention["audit_log_years"]),
        ledger_years=int(retention["ledger_years"]),
        commissioners={
            str(j): Commissioner(str(v["name"]), tuple(str(x) for x in v["address"]), str(v["legal_source"]))
            for j, v in dict(raw.get("breaches") or {}).items()
        },
    )
    if not rules or any(r.answer_days < 1 or r.extension_days < 0 for r in rules.values()):
        raise ValueError("privacy schedules: every jurisdiction needs answer_days >= 1, extension_days >= 0")
    if found.closed_file_years < 1:
        raise ValueError("privacy schedules: closed_file_years must be at least 1")
    return found


def commissioner_for(schedules: Schedules, jurisdiction: str) -> Commissioner:
    """The commissioner a jurisdiction's breaches are reported to."""
    try:
        return schedules.commissioners[jurisdiction]
    except KeyError:
        known = ", ".join(sorted(schedules.commissioners))
        raise InvalidInput("jurisdiction", f"must be one of {known}") from None


def kind(value: str) -> RequestKind:
    """A known request kind, or InvalidInput naming ``kind``."""
    return parse_enum(RequestKind, value, field="kind")


def rules_for(schedules: Schedules, jurisdiction: str) -> RequestRules:
    """The deadlines of a configured jurisdiction."""
    try:
        return schedules.requests[jurisdiction]
    except KeyError:
        known = ", ".join(sorted(schedules.requests))
        raise InvalidInput("jurisdiction", f"must be one of {known}") from None


def due_on(received_on: dt.date, rules: RequestRules, *, today: dt.date) -> dt.date:
    """The statutory answer date; a request cannot be received in the future."""
    if received_on > today:
        raise InvalidInput("received_on", "cannot be after today")
    return received_on + dt.timedelta(days=rules.answer_days)


def extended(due: dt.date, days: int, rules: RequestRules, *, already: bool) -> dt.date:
    """The new deadline after the one extension the statute allows, at most ``extension_days`` long."""
    if already:
        raise InvalidTransition("the deadline was already extended once")
    if not 1 <= days <= rules.extension_days:
        raise InvalidInput("days", f"must be between 1 and {rules.extension_days}")
    return due + dt.timedelta(days=days)


def check_transition(kind_: RequestKind, current: str, target: RequestStatus) -> None:
    """Only the moves of the request's life cycle; a final request is never reopened."""
    allowed = {
        RequestKind.ACCESS: {
            RequestStatus.OPEN: {RequestStatus.ASSEMBLED},
            RequestStatus.ASSEMBLED: {RequestStatus.ASSEMBLED, RequestStatus.APPROVED},
            RequestStatus.APPROVED: {RequestStatus.RELEASED},
        },
        RequestKind.CORRECTION: {RequestStatus.OPEN: {RequestStatus.CORRECTED, RequestStatus.REFUSED}},
    }[kind_]
    if target not in allowed.get(RequestStatus(current), set()):
        raise InvalidTransition(f"a {kind_.value} request that is {current} cannot become {target.value}")


def check_checker(maker: str | None, checker: str) -> None:
    """Maker-checker: whoever assembled or redacted the package does not approve its release."""
    if maker is not None and maker == checker:
        raise PermissionDenied("the release needs a second person: you prepared this package")


def check_redaction(package: Mapping[str, Any], section: str, index: int | None) -> None:
    """A redaction names an existing section (and item of a list section)."""
    if section not in SECTIONS:
        raise InvalidInput("section", f"must be one of {', '.join(SECTIONS)}")
    if section not in package:
        raise InvalidInput("section", f"the package has no {section} section")
    value = package[section]
    if index is None:
        return
    if not isinstance(value, list):
        raise InvalidInput("index", f"{section} is not a list: redact the whole section")
    if not 0 <= index < len(value):
        raise InvalidInput("index", f"{section} has {len(value)} item(s)")


def redact(package: Mapping[str, Any], redactions: Iterable[tuple[str, int | None, str]]) -> dict[str, Any]:
    """A copy of ``package`` with each (section, index, reason) replaced by a marker naming the reason,
    so the person sees that something was withheld, and why."""
    out = copy.deepcopy(dict(package))
    applied = []
    for section, index, reason in redactions:
        marker = {"withheld": REDACTED, "reason": reason}
        if index is None:
            out[section] = marker
        else:
            out[section][index] = marker
        applied.append({"section": section, "index": index, "reason": reason})
    out["redactions"] = applied
    return out


def on_time(released_on: dt.date, due: dt.date) -> bool:
    """Whether the answer met its deadline."""
    return released_on <= due


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved by whole years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class FileState:
    """What the retention rule needs to know about one person's file."""

    person_id: str
    open_work: bool  # an application not yet decided or withdrawn, or a benefit still in force
    last_activity: dt.date
    on_hold: bool


def destroy_on(state: FileState, schedules: Schedules) -> dt.date | None:
    """When the file may be destroyed, or None while it is open."""
    if state.open_work:
        return None
    return add_years(state.last_activity, schedules.closed_file_years)


def disposition(state: FileState, schedules: Schedules, *, today: dt.date) -> str:
    """``open``, ``kept`` (not yet due), ``held`` (due but under legal hold) or ``due``."""
    when = destroy_on(state, schedules)
    if when is None:
        return "open"
    if when > today:
        return "kept"
    return "held" if state.on_hold else "due"


# --- breaches (part 5) -----------------------------------------------------------------------------


class BreachKind(enum.StrEnum):
    """What went wrong."""

    MISDIRECTED_LETTER = "misdirected_letter"  # a letter (or e-mail) to the wrong person or address
    UNAUTHORISED_ACCESS = "unauthorised_access"  # a file opened without a reason to
    LOST_RECORD = "lost_record"  # a paper file, a laptop or a USB key lost or stolen
    OTHER = "other"


class BreachStatus(enum.StrEnum):
    """reported -> assessed (again, as facts come in) -> notified -> closed; a breach assessed at low
    risk may be closed without notifying anyone."""

    REPORTED = "reported"
    ASSESSED = "assessed"
    NOTIFIED = "notified"
    CLOSED = "closed"


class Level(enum.StrEnum):
    """A factor's weight: the sensitivity of the information, the likelihood that it is misused."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Containment(enum.StrEnum):
    """Whether the information is back under control (returned or destroyed, confirmed)."""

    CONTAINED = "contained"
    PARTIAL = "partial"
    NOT_CONTAINED = "not_contained"


@dataclass(frozen=True)
class BreachFactors:
    """The factors the privacy commissioners' breach guidance weighs to decide whether there is a real
    risk of significant harm: how sensitive the information is, how many people, how likely it is to
    be misused (who got it, what they may do), and whether it is contained."""

    sensitivity: Level
    people_affected: int
    likelihood: Level
    containment: Containment


_WEIGHT = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
_UNCONTAINED = {Containment.CONTAINED: 0, Containment.PARTIAL: 1, Containment.NOT_CONTAINED: 2}


def risk_of_harm(f: BreachFactors) -> Level:
    """``high`` when sensitive information is likely to be misused (both at least medium, one high) or
    the factors add up; ``low`` when little, unlikely to be misused and contained; else ``medium``.

    The score is sensitivity (1-3) + likelihood (1-3) + containment (0 contained, 1 partial, 2 not) +
    scale (0 for one to ten people, 1 above ten, 2 above a hundred).
    """
    if f.people_affected < 1:
        raise InvalidInput("people_affected", "at least one person is affected")
    scale = 0 if f.people_affected <= 10 else 1 if f.people_affected <= 100 else 2
    score = _WEIGHT[f.sensitivity] + _WEIGHT[f.likelihood] + _UNCONTAINED[f.containment] + scale
    pair = {f.sensitivity, f.likelihood}
    if (Level.HIGH in pair and Level.LOW not in pair) or score >= 7:
        return Level.HIGH
    if score <= 3:
        return Level.LOW
    return Level.MEDIUM


def must_notify(risk: Level) -> bool:
    """A real risk of significant harm (medium or high) means the people and the commissioner are told."""
    return risk is not Level.LOW


def check_breach_transition(current: str, target: BreachStatus, *, risk: str | None) -> None:
    """The breach's life cycle; notifying needs an assessment, closing needs the notification when the
    risk calls for one. A closed breach is never reopened."""
    allowed = {
        BreachStatus.REPORTED: {BreachStatus.ASSESSED},
        BreachStatus.ASSESSED: {BreachStatus.ASSESSED, BreachStatus.NOTIFIED, BreachStatus.CLOSED},
        BreachStatus.NOTIFIED: {BreachStatus.CLOSED},
    }
    if target not in allowed.get(BreachStatus(current), set()):
        raise InvalidTransition(f"a breach that is {current} cannot become {target.value}")
    if (
        target is BreachStatus.CLOSED
        and current == BreachStatus.ASSESSED
        and risk is not None
        and must_notify(Level(risk))
    ):
        raise InvalidTransition(f"the risk of harm is {risk}: notify the person and the commissioner first")


@dataclass(frozen=True)
class Commissioner:
    """Where a jurisdiction's breach reports go, and the act they are made under."""

    name: str
    address: tuple[str, ...]
    legal_source: str
