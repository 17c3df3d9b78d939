"""Interaction rules without a database: reason codes, durations, times, day windows and statistics."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.cases.interactions import domain
from onestop.cases.interactions.domain import ReasonCode, StatRecord
from onestop.common.errors import InvalidInput, InvalidTransition

NOW = dt.datetime(2026, 3, 2, 16, 30, tzinfo=dt.UTC)
REASONS = domain.effective_reasons([])


def test_configured_codes_add_to_relabel_and_retire_the_built_in_ones() -> None:
    found = domain.effective_reasons(
        [
            ReasonCode("other", "Other", "Autre", active=False),
            ReasonCode("tax_clinic", "Tax clinic", "Clinique d'impôt"),
        ]
    )
    assert found["tax_clinic"].label_fr == "Clinique d'impôt"
    assert found["other"].active is False
    with pytest.raises(InvalidInput, match="retired"):
        domain.check_reasons(["other"], found)


@pytest.mark.parametrize(
    ("codes", "problem"),
    [([], "at least one"), (["nope"], "unknown"), ([c.code for c in domain.DEFAULT_REASONS[:6]], "at most")],
)
def test_reason_codes_are_checked(codes: list[str], problem: str) -> None:
    with pytest.raises(InvalidInput) as err:
        domain.check_reasons(codes, REASONS)
    assert err.value.field == "reason_codes"
    assert problem in err.value.problem


def test_reason_codes_are_normalised_and_deduplicated() -> None:
    assert domain.check_reasons([" Documents", "documents", "other"], REASONS) == ["documents", "other"]


@pytest.mark.parametrize("code", ["A", "1abc", "has space", "x" * 41, "é"])
def test_bad_reason_code_names(code: str) -> None:
    with pytest.raises(InvalidInput):
        domain.reason_code(code)


def test_every_built_in_reason_has_both_labels() -> None:
    assert all(
        r.label_en and r.label_fr and domain.reason_code(r.code) == r.code for r in domain.DEFAULT_REASONS
    )


def test_durations_and_times() -> None:
    assert domain.duration(None) is None
    assert domain.duration(0) == 0
    for bad in (-1, 12 * 3600 + 1):
        with pytest.raises(InvalidInput):
            domain.duration(bad)
    assert domain.occurred_at(None, now=NOW) == NOW
    local = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=-7)))
    assert domain.occurred_at(local, now=NOW) == dt.datetime(2026, 3, 2, 15, 0, tzinfo=dt.UTC)
    with pytest.raises(InvalidInput, match="future"):
        domain.occurred_at(NOW + dt.timedelta(minutes=1), now=NOW)
    with pytest.raises(InvalidInput, match="timezone"):
        domain.occurred_at(dt.datetime(2026, 3, 2, 8, 0), now=NOW)  # noqa: DTZ001 - the point of the test


def test_only_unattached_interactions_can_be_attached() -> None:
    domain.check_attachable(None)
    with pytest.raises(InvalidTransition):
        domain.check_attachable(uuid.uuid4())


def test_a_local_day_is_23_hours_when_clocks_go_forward() -> None:
    tz = domain.zone("America/Edmonton")
    start, end = domain.day_window(dt.date(2026, 3, 8), tz)
    assert start == dt.datetime(2026, 3, 8, 7, 0, tzinfo=dt.UTC)
    assert end - start == dt.timedelta(hours=23)
    with pytest.raises(InvalidInput) as err:
        domain.zone("Mars/Olympus_Mons")
    assert err.value.field == "tz"


def _rec(
    hour: int, staff: str, reasons: tuple[str, ...], secs: int | None = 60, office: str = "a"
) -> StatRecord:
    ids = {"ann": uuid.UUID(int=1), "bob": uuid.UUID(int=2)}
    offices = {"a": uuid.UUID(int=10), "b": uuid.UUID(int=11)}
    at = dt.datetime(2026, 3, 2, hour, 5, tzinfo=dt.UTC)
    return StatRecord(at, ids[staff], staff, offices[office], "phone", "resolved", secs, reasons)


def test_daily_statistics_count_by_officer_office_reason_and_local_hour() -> None:
    records = [
        _rec(15, "ann", ("documents",), 120),
        _rec(15, "ann", ("documents", "payment_inquiry"), None),
        _rec(16, "bob", ("other",), 30, office="b"),
    ]
    stats = domain.daily_stats(records, domain.zone("America/Edmonton"))  # UTC-7 in March before the change
    assert stats.total.count == 3
    assert stats.total.average_seconds == 75  # over the two timed calls only
    assert stats.by_officer[(uuid.UUID(int=1), "ann")].count == 2
    assert stats.by_officer[(uuid.UUID(int=1), "ann")].average_seconds == 120
    assert {k: v.count for k, v in stats.by_office.items()} == {uuid.UUID(int=10): 2, uuid.UUID(int=11): 1}
    assert stats.by_reason == {"documents": 2, "payment_inquiry": 1, "other": 1}
    assert stats.by_hour[8] == 2 and stats.by_hour[9] == 1 and sum(stats.by_hour) == 3
