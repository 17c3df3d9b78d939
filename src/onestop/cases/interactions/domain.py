"""Interaction rules. Pure: channels, outcomes, reason codes and the daily statistics computed from records.

Statistics are always computed from the interaction records themselves (never from a separate counter),
so a corrected or late-logged call is counted the same way everywhere.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition

MAX_REASONS = 5
MAX_DURATION_SECONDS = 12 * 3600
_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


class Channel(enum.StrEnum):
    """How the contact happened."""

    WALK_IN = "walk_in"
    PHONE = "phone"
    EMAIL = "email"
    WEB = "web"
    MAIL = "mail"
    OUTREACH = "outreach"


class Direction(enum.StrEnum):
    """Who started the contact."""

    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Outcome(enum.StrEnum):
    """What came of the contact; ``pending`` is an e-mail nobody has handled yet."""

    RESOLVED = "resolved"
    INFORMATION_GIVEN = "information_given"
    FOLLOW_UP = "follow_up"
    REFERRED = "referred"
    APPOINTMENT_BOOKED = "appointment_booked"
    NO_CONTACT = "no_contact"
    PENDING = "pending"


@dataclass(frozen=True)
class ReasonCode:
    """A reason for contact with its English and French labels."""

    code: str
    label_en: str
    label_fr: str
    active: bool = True


DEFAULT_REASONS: tuple[ReasonCode, ...] = (
    ReasonCode("general_information", "General information", "Renseignements généraux"),
    ReasonCode("apply_for_benefits", "Apply for benefits", "Demande de prestations"),
    ReasonCode("application_status", "Application status", "État de la demande"),
    ReasonCode("payment_inquiry", "Payment inquiry", "Question sur un paiement"),
    ReasonCode("report_change", "Report a change", "Signaler un changement"),
    ReasonCode("documents", "Documents", "Documents"),
    ReasonCode("emergency_needs", "Emergency needs", "Besoins urgents"),
    ReasonCode("housing_shelter", "Housing and shelter", "Logement et hébergement"),
    ReasonCode("employment_training", "Employment and training", "Emploi et formation"),
    ReasonCode("disability_supports", "Disability supports", "Soutiens aux personnes handicapées"),
    ReasonCode("overpayment", "Overpayment", "Trop-payé"),
    ReasonCode("complaint", "Complaint", "Plainte"),
    ReasonCode("referral", "Referral", "Aiguillage"),
    ReasonCode("other", "Other", "Autre"),
)


def channel(value: str) -> Channel:
    """A known channel."""
    return parse_enum(Channel, value, field="channel")


def direction(value: str) -> Direction:
    """Inbound or outbound."""
    return parse_enum(Direction, value, field="direction")


def outcome(value: str) -> Outcome:
    """A known outcome."""
    return parse_enum(Outcome, value, field="outcome")


def reason_code(value: str, *, field: str = "code") -> str:
    """A reason code: lower case letters, digits and underscores, starting with a letter."""
    code = value.strip().lower()
    if not _CODE.match(code):
        raise InvalidInput(
            field, "must be 2-40 lower-case letters, digits or underscores, starting with a letter"
        )
    return code


def effective_reasons(overrides: Iterable[ReasonCode]) -> dict[str, ReasonCode]:
    """The built-in list overlaid with what administrators configured (same code: theirs wins)."""
    found = {r.code: r for r in DEFAULT_REASONS}
    found.update({r.code: r for r in overrides})
    return found


def check_reasons(codes: Sequence[str], reasons: Mapping[str, ReasonCode]) -> list[str]:
    """One to five known, active reason codes, without repeats, in the order given."""
    chosen = list(dict.fromkeys(c.strip().lower() for c in codes))
    if not chosen:
        raise InvalidInput("reason_codes", "give at least one reason")
    if len(chosen) > MAX_REASONS:
        raise InvalidInput("reason_codes", f"give at most {MAX_REASONS} reasons")
    for code in chosen:
        known = reasons.get(code)
        if known is None or not known.active:
            raise InvalidInput("reason_codes", f"unknown or retired reason code {code!r}")
    return chosen


def duration(seconds: int | None) -> int | None:
    """A contact's length in seconds (none for mail and e-mail); at most 12 hours."""
    if seconds is not None and not 0 <= seconds <= MAX_DURATION_SECONDS:
        raise InvalidInput("duration_seconds", f"must be between 0 and {MAX_DURATION_SECONDS}")
    return seconds


def occurred_at(value: dt.datetime | None, *, now: dt.datetime) -> dt.datetime:
    """When it happened: now by default; never in the future, and timezone-aware."""
    if value is None:
        return now
    if value.tzinfo is None:
        raise InvalidInput("occurred_at", "must include a timezone (e.g. 2026-03-02T09:30:00-07:00)")
    if value > now:
        raise InvalidInput("occurred_at", "must not be in the future")
    return value.astimezone(dt.UTC)


def check_attachable(person_id: uuid.UUID | None) -> None:
    """Only an unattached interaction (an inbound e-mail) can be attached to a person."""
    if person_id is not None:
        raise InvalidTransition("this interaction is already attached to a person")


@dataclass(frozen=True)
class ReplyTemplate:
    """A reply an officer starts from (and edits) when answering an e-mail, in English and French."""

    code: str
    label_en: str
    label_fr: str
    body_en: str
    body_fr: str

    def label(self, language: str) -> str:
        """The template's name in the page's language."""
        return self.label_fr if language == "fr" else self.label_en

    def body(self, language: str) -> str:
        """The starting text in the person's language (plain words: the person reads it)."""
        return self.body_fr if language == "fr" else self.body_en


REPLY_TEMPLATES: tuple[ReplyTemplate, ...] = (
    ReplyTemplate(
        "received",
        "We got your message",
        "Nous avons reçu votre message",
        "Thank you for your message. We got it and we are looking at it. We will write to you again soon.",
        "Merci de votre message. Nous l'avons reçu et nous l'étudions. Nous vous écrirons bientôt.",
    ),
    ReplyTemplate(
        "documents",
        "Papers we need",
        "Documents dont nous avons besoin",
        "Thank you for your message. To go on with your file, we need these papers from you:\n\n"
        "You can add them in your online account, mail them, or bring them to our office.",
        "Merci de votre message. Pour continuer votre dossier, nous avons besoin de ces documents :\n\n"
        "Vous pouvez les ajouter dans votre compte en ligne, les envoyer par la poste "
        "ou les apporter à notre bureau.",
    ),
    ReplyTemplate(
        "payment",
        "About a payment",
        "Au sujet d'un paiement",
        "Thank you for your message about your payment. Here is what we found:\n\n",
        "Merci de votre message au sujet de votre paiement. Voici ce que nous avons trouvé :\n\n",
    ),
    ReplyTemplate(
        "call_us",
        "Please call us",
        "Veuillez nous appeler",
        "Thank you for your message. We need to talk with you to answer it. Please call us.",
        "Merci de votre message. Nous devons vous parler pour y répondre. Veuillez nous appeler.",
    ),
)


def reply_template(code: str) -> ReplyTemplate:
    """A known reply template."""
    for template in REPLY_TEMPLATES:
        if template.code == code:
            return template
    raise InvalidInput("template", f"unknown reply template {code!r}")


def check_repliable(channel_: str, direction_: str, person_id: uuid.UUID | None) -> None:
    """Only a received e-mail, once attached to a person, can be answered from the person's file."""
    if channel_ != Channel.EMAIL.value or direction_ != Direction.INBOUND.value:
        raise InvalidTransition("only a received e-mail can be answered")
    if person_id is None:
        raise InvalidTransition("attach the e-mail to a person before answering it")


def reply_body(text: str) -> str:
    """The reply as written: paragraphs kept, spaces within lines tidied, no control characters."""
    lines = [" ".join(unicodedata.normalize("NFC", line).split()) for line in text.splitlines()]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not body:
        raise InvalidInput("body", "write the reply")
    if any(unicodedata.category(ch) == "Cc" for ch in body.replace("\n", "")):
        raise InvalidInput("body", "contains control characters")
    return body


def reply_subject(original: str | None, language: str) -> str:
    """The reply's subject: "Re:" and the e-mail's own subject (or a plain one when it had none)."""
    if original and original.strip():
        text = original.strip()
        return text if text.lower().startswith("re:") else f"Re: {text}"[:300]
    return "Réponse à votre message" if language == "fr" else "Answer to your message"


def zone(name: str) -> ZoneInfo:
    """A time zone by IANA name (statistics days run from local midnight to midnight)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise InvalidInput("tz", f"unknown time zone {name!r}") from None


def day_window(day: dt.date, tz: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The UTC instants where a local day starts and ends (23 or 25 hours long on clock-change days)."""
    start = dt.datetime.combine(day, dt.time(), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz)
    return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


@dataclass(frozen=True)
class StatRecord:
    """What statistics need of one interaction."""

    occurred_at: dt.datetime
    staff_id: uuid.UUID | None
    username: str
    office_id: uuid.UUID | None
    channel: str
    outcome: str
    duration_seconds: int | None
    reasons: tuple[str, ...]


@dataclass
class Tally:
    """A count with the total and number of known durations (for averages)."""

    count: int = 0
    seconds: int = 0
    timed: int = 0

    def add(self, duration_seconds: int | None) -> None:
        """Count one interaction."""
        self.count += 1
        if duration_seconds is not None:
            self.seconds += duration_seconds
            self.timed += 1

    @property
    def average_seconds(self) -> int | None:
        """Average duration over the interactions that have one, rounded to the second."""
        return round(self.seconds / self.timed) if self.timed else None


@dataclass
class DailyStats:
    """A day's interactions, counted by officer, office, reason, channel, outcome and local hour."""

    total: Tally = field(default_factory=Tally)
    by_officer: dict[tuple[uuid.UUID | None, str], Tally] = field(default_factory=dict)
    by_office: dict[uuid.UUID | None, Tally] = field(default_factory=dict)
    by_reason: Counter[str] = field(default_factory=Counter)
    by_channel: Counter[str] = field(default_factory=Counter)
    by_outcome: Counter[str] = field(default_factory=Counter)
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)


def daily_stats(records: Iterable[StatRecord], tz: ZoneInfo) -> DailyStats:
    """Aggregate interaction records; an interaction with two reasons counts once under each reason."""
    stats = DailyStats()
    for r in records:
        stats.total.add(r.duration_seconds)
        stats.by_officer.setdefault((r.staff_id, r.username), Tally()).add(r.duration_seconds)
        stats.by_office.setdefault(r.office_id, Tally()).add(r.duration_seconds)
        stats.by_reason.update(r.reasons)
        stats.by_channel[r.channel] += 1
        stats.by_outcome[r.outcome] += 1
        stats.by_hour[r.occurred_at.astimezone(tz).hour] += 1
    return stats
