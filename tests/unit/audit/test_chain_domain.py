"""The audit chain's pure rules: hashing covers every field, checking finds the first break."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from onestop.audit.domain import (
    GENESIS_HASH,
    REDACTED,
    EventFields,
    canonical_json,
    check_chain,
    event_hash,
    redact,
    timestamp_text,
)

T0 = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)


def _event(seq: int, prev_hash: str, **changes: object) -> EventFields:
    base = EventFields(
        seq=seq,
        occurred_at=T0 + dt.timedelta(seconds=seq),
        actor_staff_id="6f1c1c1e-3c55-4a43-a1b0-0c5b0a8ad001",
        actor_username="alice",
        action="person:read",
        subject_type="person",
        subject_id=f"p-{seq}",
        purpose="intake interview",
        outcome="ok",
        before=None,
        after={"name": "Jo", "amounts": [1, 2]},
        details={"ip": "10.0.0.1"},
        prev_hash=prev_hash,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _chain(n: int) -> list[tuple[EventFields, str]]:
    out: list[tuple[EventFields, str]] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        fields = _event(seq, prev)
        prev = event_hash(fields)
        out.append((fields, prev))
    return out


def test_canonical_json_ignores_key_order_and_spacing() -> None:
    assert canonical_json({"b": 1, "a": [1, {"d": 2, "c": 3}]}) == '{"a":[1,{"c":3,"d":2}],"b":1}'


def test_canonical_json_refuses_nan() -> None:
    with pytest.raises(ValueError, match="JSON"):
        canonical_json({"x": float("nan")})


def test_timestamp_text_is_utc_with_microseconds_whatever_the_zone() -> None:
    eastern = dt.timezone(dt.timedelta(hours=-5))
    assert (
        timestamp_text(dt.datetime(2026, 3, 2, 4, 30, tzinfo=eastern)) == "2026-03-02T09:30:00.000000+00:00"
    )
    with pytest.raises(ValueError, match="timezone-aware"):
        timestamp_text(dt.datetime(2026, 3, 2, 9, 30))  # noqa: DTZ001 - the naive value is the point


def test_hash_is_sha256_hex_and_deterministic() -> None:
    fields = _event(1, GENESIS_HASH)
    assert event_hash(fields) == event_hash(dataclasses.replace(fields))
    assert len(event_hash(fields)) == 64
    int(event_hash(fields), 16)


@pytest.mark.parametrize(
    "change",
    [
        {"seq": 2},
        {"occurred_at": T0 + dt.timedelta(microseconds=1)},
        {"actor_staff_id": None},
        {"actor_username": "mallory"},
        {"action": "person:update"},
        {"subject_type": "unit"},
        {"subject_id": "p-99"},
        {"purpose": None},
        {"outcome": "denied"},
        {"before": {}},
        {"after": {"name": "Jo", "amounts": [2, 1]}},
        {"details": None},
        {"prev_hash": "1" * 64},
    ],
    ids=lambda change: next(iter(change)),
)
def test_hash_covers_every_field(change: dict[str, object]) -> None:
    fields = _event(1, GENESIS_HASH)
    assert event_hash(dataclasses.replace(fields, **change)) != event_hash(fields)  # type: ignore[arg-type]


def test_an_intact_chain_verifies() -> None:
    chain = _chain(5)
    result = check_chain(chain, head_seq=5, head_hash=chain[-1][1])
    assert (result.ok, result.checked, result.first_broken_seq) == (True, 5, None)


def test_an_empty_chain_verifies() -> None:
    assert check_chain([], head_seq=0, head_hash=GENESIS_HASH).ok


def test_altered_content_is_named() -> None:
    chain = _chain(5)
    fields, stored = chain[2]
    chain[2] = (dataclasses.replace(fields, actor_username="mallory"), stored)
    result = check_chain(chain, head_seq=5, head_hash=chain[-1][1])
    assert (result.ok, result.checked, result.first_broken_seq) == (False, 2, 3)
    assert "altered" in result.reason


def test_a_recomputed_hash_still_breaks_the_next_link() -> None:
    chain = _chain(4)
    forged = dataclasses.replace(chain[1][0], action="person:create")
    chain[1] = (forged, event_hash(forged))
    result = check_chain(chain, head_seq=4, head_hash=chain[-1][1])
    assert result.first_broken_seq == 3
    assert "prev_hash" in result.reason


def test_a_deleted_event_is_reported_as_a_gap() -> None:
    chain = _chain(5)
    del chain[1]
    result = check_chain(chain, head_seq=5, head_hash=chain[-1][1])
    assert (result.ok, result.first_broken_seq) == (False, 2)
    assert "missing" in result.reason and "3" in result.reason


def test_deleted_events_at_the_end_are_reported_against_the_head() -> None:
    chain = _chain(5)
    result = check_chain(chain[:3], head_seq=5, head_hash=chain[-1][1])
    assert (result.ok, result.checked, result.first_broken_seq) == (False, 3, 4)
    assert "missing" in result.reason


def test_reordered_events_are_reported() -> None:
    chain = _chain(4)
    (a, ha), (b, hb) = chain[1], chain[2]
    chain[1] = (dataclasses.replace(b, seq=2), hb)
    chain[2] = (dataclasses.replace(a, seq=3), ha)
    result = check_chain(chain, head_seq=4, head_hash=chain[-1][1])
    assert (result.ok, result.first_broken_seq) == (False, 2)


def test_a_head_that_does_not_match_the_last_event_is_reported() -> None:
    chain = _chain(3)
    result = check_chain(chain, head_seq=3, head_hash="f" * 64)
    assert (result.ok, result.first_broken_seq) == (False, 3)
    assert "head" in result.reason


def test_redact_replaces_sensitive_values_at_any_depth() -> None:
    data = {
        "name": "Jo",
        "SIN": "046 454 286",
        "identifiers": [{"kind": "ahcip", "health_number": "12345-6789"}],
        "nested": {"password": "hunter2hunter2", "sin": None},
    }
    assert redact(data) == {
        "name": "J*",  # a personal detail: masked (issue 10, part 6)
        "SIN": REDACTED,
        "identifiers": [{"kind": "ahcip", "health_number": REDACTED}],
        "nested": {"password": REDACTED, "sin": None},
    }
    assert data["SIN"] == "046 454 286"  # the input is left alone


def test_redact_takes_its_own_list_of_keys() -> None:
    assert redact({"sin": "1", "dob": "2000-01-01"}, sensitive={"dob"}) == {"sin": "1", "dob": REDACTED}


def test_redact_masks_phone_email_name_and_birth_date() -> None:
    """Audit details never hold a phone, e-mail, name or birth date in clear (issue 10, part 6)."""
    data = {
        "phone": "709-555-0101",
        "email": "jo@example.org",
        "payee_name": "Jo Ruiz",
        "person": {"given_names": "Jo", "family_name": "Ruiz", "birth_date": dt.date(1980, 5, 1)},
        "count": 3,
        "state": "approved",
    }
    masked = redact(data)
    assert masked["phone"] == "7" + "*" * 11 and masked["email"] == "j" + "*" * 13
    assert masked["payee_name"] == "J******"
    assert masked["person"] == {"given_names": "J*", "family_name": "R***", "birth_date": "1*********"}
    assert (masked["count"], masked["state"]) == (3, "approved")
    for clear in ("709-555-0101", "jo@example.org", "Ruiz", "1980-05-01"):
        assert clear not in str(masked)


def test_an_office_or_a_parameter_keeps_its_name_a_person_does_not() -> None:
    """``name`` is personal under a person or a payee, not under an office or a caseload run."""
    office = redact({"code": "STJ", "name": "St. John's"}, subject_type="office")
    run = redact(
        {"parameters": [{"name": "ab.income_support.core_rate"}], "phone": "709"}, subject_type="batch"
    )
    person = redact({"name": "Jo Ruiz"}, subject_type="person")
    assert office == {"code": "STJ", "name": "St. John's"}
    assert run == {"parameters": [{"name": "ab.income_support.core_rate"}], "phone": "7**"}
    assert person == {"name": "J******"} == redact({"name": "Jo Ruiz"})
