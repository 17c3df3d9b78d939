"""Pure rules of the notices area: kinds, channels, states, the retry backoff and channel choice."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum


class Kind(StrEnum):
    """What a letter is about (each has an English and a French template)."""

    APPEAL_OUTCOME = "appeal_outcome"
    APPEAL_RECEIVED = "appeal_received"
    BENEFIT_CHANGED = "benefit_changed"
    BREACH_NOTICE = "breach_notice"  # to a person whose information a privacy breach reached (issue 20)
    BREACH_REPORT = "breach_report"  # to the privacy commissioner: rendered, kept, never queued
    DECISION_ELIGIBLE = "decision_eligible"
    DECISION_REFUSED = "decision_refused"
    DOCUMENTS_REQUESTED = "documents_requested"
    OVERPAYMENT = "overpayment"
    PAYMENT_ADVICE = "payment_advice"
    REFERRAL_MADE = "referral_made"
    REINSTATED = "reinstated"
    REPLY = "reply"  # an officer's answer to the person's e-mail: the text as the officer wrote it
    REVIEW_DUE = "review_due"
    SUSPENDED = "suspended"


class Channel(StrEnum):
    """How a letter reaches the person."""

    EMAIL = "email"
    PORTAL = "portal"
    POST = "post"


class Status(StrEnum):
    """Where a notice is in its delivery."""

    QUEUED = "queued"
    SENDING = "sending"  # claimed by a worker; the Message-ID is fixed before anything leaves
    SENT = "sent"
    FAILED = "failed"  # a delivery attempt failed; retried at next_attempt_at
    HELD = "held"  # cannot be delivered as things stand; waits for staff (a task is open)


#: Statuses the supervisor's failure queue shows.
TROUBLE = (Status.FAILED.value, Status.HELD.value)
MAX_ATTEMPTS = 8
#: A claim older than this is taken to be a crashed worker's; the notice is tried again.
CLAIM_TIMEOUT = dt.timedelta(minutes=10)


def backoff(attempts: int) -> dt.timedelta:
    """Wait before the next try: 1, 2, 4 ... minutes, at most 4 hours."""
    return dt.timedelta(minutes=min(2 ** max(attempts - 1, 0), 240))


def message_id(notice_id: object, domain: str = "onestop.invalid") -> str:
    """The Message-ID the mail server sees: fixed by the notice id, so a retry is the same message."""
    return f"<notice-{notice_id}@{domain}>"


def choose_channel(
    preferred: str | None, *, email: str | None, portal: bool, address: bool
) -> tuple[Channel | None, str]:
    """The channel to use and, when there is none, why (shown in the failure queue)."""
    open_ = {Channel.EMAIL: email is not None, Channel.PORTAL: portal, Channel.POST: address}
    if preferred in open_ and open_[Channel(preferred)]:
        return Channel(preferred), ""
    for channel in (Channel.EMAIL, Channel.PORTAL, Channel.POST):
        if open_[channel]:
            return channel, ""
    return None, "no mailing address, no e-mail and no portal account"
