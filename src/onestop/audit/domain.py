"""The audit chain's pure rules: canonical form, hashing, redaction and checking a sequence of events.

Each event's hash covers every field of the event plus the previous event's hash, so changing,
removing or reordering any stored event breaks every hash after it. Nothing here touches a database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

#: ``prev_hash`` of the first event: there is nothing before it.
GENESIS_HASH = "0" * 64

REDACTED = "[redacted]"

#: Keys whose values never go into the audit log in clear (matched case-insensitively, at any depth).
SENSITIVE_KEYS: frozenset[str] = frozenset(
    {
        "sin",
        "social_insurance_number",
        "health_number",
        "health_card_number",
        "personal_health_number",
        "password",
        "password_hash",
        "token",
        "access_token",
    }
)

#: Personal details that are masked (not dropped) in the audit log, like the SIN: enough is kept to
#: tell two events about the same person apart, never enough to read the value (issue 10, part 6).
MASKED_KEYS: frozenset[str] = frozenset(
    {
        "phone",
        "phone_number",
        "mobile",
        "email",
        "e_mail",
        "name",
        "given_names",
        "family_name",
        "former_family_names",
        "display_name",
        "payee_name",
        "full_name",
        "birth_date",
        "date_of_birth",
        "dob",
    }
)


#: Subjects whose events name things, not people (an office, a caseload run's parameters, a budget):
#: under them the bare key ``name`` is kept as it is. Every other key of ``MASKED_KEYS`` is still
#: masked there, and under any other subject (a person, a payee, staff) ``name`` is masked too.
NAMED_THING_SUBJECTS: frozenset[str] = frozenset(
    {
        "office",
        "batch",
        "budget",
        "period",
        "interaction_reason",
        "interaction_stats",
        "ledger",
        "audit_event",
    }
)


def mask(value: Any) -> Any:
    """A personal value with all but its first character hidden (``"Jan Doe"`` -> ``"J******"``)."""
    if value is None:
        return None
    text = str(value)
    if not text:
        return text
    return text[0] + "*" * (len(text) - 1)


class Actor(Protocol):
    """Who an event is recorded for: the staff id and username of ``access.Actor`` (or any such pair).

    A protocol, so the trail depends on nothing above it: ``access`` records in it, not the reverse.
    """

    @property
    def staff_id(self) -> uuid.UUID | None: ...

    @property
    def username(self) -> str: ...


@dataclass(frozen=True)
class EventFields:
    """Everything an event's hash covers, in the form it is stored."""

    seq: int
    occurred_at: dt.datetime
    actor_staff_id: str | None
    actor_username: str
    action: str
    subject_type: str | None
    subject_id: str | None
    purpose: str | None
    outcome: str
    before: Any
    after: Any
    details: Any
    prev_hash: str


@dataclass(frozen=True)
class VerifyResult:
    """The outcome of re-computing the chain; ``first_broken_seq`` names the first bad event."""

    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str
    #: True when the log disagrees with a kept anchor (truncated or rewritten since it was taken).
    against_anchor: bool = False


def timestamp_text(at: dt.datetime) -> str:
    """The one textual form of an event time that the hash covers (UTC, microseconds)."""
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, so equal content always hashes equally."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(fields: EventFields) -> str:
    """SHA-256 (hex) over the canonical JSON of every field, including ``prev_hash``."""
    doc = {
        "seq": fields.seq,
        "occurred_at": timestamp_text(fields.occurred_at),
        "actor_staff_id": fields.actor_staff_id,
        "actor_username": fields.actor_username,
        "action": fields.action,
        "subject_type": fields.subject_type,
        "subject_id": fields.subject_id,
        "purpose": fields.purpose,
        "outcome": fields.outcome,
        "before": fields.before,
        "after": fields.after,
        "details": fields.details,
        "prev_hash": fields.prev_hash,
    }
    return hashlib.sha256(canonical_json(doc).encode()).hexdigest()


def head_seal(key: bytes, seq: int, head_hash: str) -> str:
    """HMAC-SHA256 (hex) of the chain head under the audit key, which is not in the database.

    Anyone with write access to the database can re-compute SHA-256 hashes, so a rewritten or cut log
    can be made to look whole; without the key they cannot make the head's seal match.
    """
    message = f"onestop-audit-head:{seq}:{head_hash}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def seal_matches(key: bytes, seq: int, head_hash: str, seal: str | None) -> bool:
    """Whether ``seal`` is the head's seal under ``key`` (compared in constant time)."""
    return seal is not None and hmac.compare_digest(head_seal(key, seq, head_hash), seal)


def broken_seal(key: bytes, seq: int, head_hash: str) -> str:
    """The seal an append writes when the head it extends was not properly sealed.

    Re-sealing a head that had been cut and repointed would hide the cut at the next append; this
    value never matches ``head_seal``, so the break stays visible however many events follow.
    """
    message = f"onestop-audit-broken:{seq}:{head_hash}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def next_seal(key: bytes, head: tuple[int, str, str | None], seq: int, new_hash: str) -> str:
    """The seal of the head after appending event ``seq``: good only if the head it extends was good."""
    head_seq, old_hash, old_seal = head
    if head_seq == 0 or seal_matches(key, head_seq, old_hash, old_seal):
        return head_seal(key, seq, new_hash)
    return broken_seal(key, seq, new_hash)


def redact(
    data: Any,
    sensitive: Iterable[str] = SENSITIVE_KEYS,
    masked: Iterable[str] = MASKED_KEYS,
    *,
    subject_type: str | None = None,
) -> Any:
    """A copy of ``data`` with the value of every sensitive key (at any depth) replaced by "[redacted]"
    and every personal detail (phone, e-mail, name, birth date) masked; an office's or a parameter's
    ``name`` is not a person's and stays readable (``NAMED_THING_SUBJECTS``)."""
    keys = frozenset(k.lower() for k in sensitive)
    masked_keys = frozenset(k.lower() for k in masked)
    if subject_type in NAMED_THING_SUBJECTS:
        masked_keys -= {"name"}
    return _redact(data, keys, masked_keys)


def _redact(data: Any, keys: frozenset[str], masked: frozenset[str]) -> Any:
    if isinstance(data, Mapping):
        out: dict[Any, Any] = {}
        for k, v in data.items():
            name = str(k).lower()
            if name in keys and v is not None:
                out[k] = REDACTED
            elif name in masked and isinstance(v, str | dt.date):
                out[k] = mask(v)
            elif name in masked and isinstance(v, list) and all(isinstance(x, str) for x in v):
                out[k] = [mask(x) for x in v]  # a list of names (former family names)
            else:
                out[k] = _redact(v, keys, masked)
        return out
    if isinstance(data, list | tuple):
        return [_redact(v, keys, masked) for v in data]
    return data


def check_chain(events: Iterable[tuple[EventFields, str]], *, head_seq: int, head_hash: str) -> VerifyResult:
    """Re-compute a chain of (event, stored hash) pairs, ordered by seq, up to the recorded head."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    for fields, stored in events:
        problem = _event_problem(fields, stored, expected_seq, prev_hash)
        if problem is not None:
            return VerifyResult(False, checked, *problem)
        checked += 1
        expected_seq, prev_hash = fields.seq + 1, stored
    if expected_seq <= head_seq:
        reason = f"events {expected_seq} to {head_seq} are missing (deleted from the end of the log)"
        return VerifyResult(False, checked, expected_seq, reason)
    if prev_hash != head_hash:
        return VerifyResult(False, checked, head_seq, "the chain head does not match the last event's hash")
    return VerifyResult(True, checked, None, "ok")


def _event_problem(
    fields: EventFields, stored: str, expected_seq: int, prev_hash: str
) -> tuple[int, str] | None:
    if fields.seq > expected_seq:
        return (
            expected_seq,
            f"event {expected_seq} is missing (deleted); the next event present is {fields.seq}",
        )
    if fields.seq < expected_seq:
        return fields.seq, f"event seq {fields.seq} appears out of order (expected {expected_seq})"
    if fields.prev_hash != prev_hash:
        return fields.seq, "prev_hash does not match the previous event's hash (events replaced or reordered)"
    if event_hash(fields) != stored:
        return fields.seq, "stored hash does not match the event's content (event altered)"
    return None
