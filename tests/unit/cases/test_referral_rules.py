"""Referral rules without a database: target ids, categories, consent and states."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.cases.referrals import domain
from onestop.cases.referrals.domain import ConsentFacts, ReferralStatus
from onestop.common.errors import InvalidInput, InvalidTransition

NOW = dt.datetime(2026, 3, 2, 9, 30, tzinfo=dt.UTC)
DAY = dt.timedelta(days=1)


@pytest.mark.parametrize("value", ["ext.ei", "ab.pdd", " AB.PDD ", "nl.income_support", "ext.cmhc.rent-bank"])
def test_catalogue_ids_in_the_expected_format(value: str) -> None:
    assert domain.target_id(value) == value.strip().lower()


@pytest.mark.parametrize("value", ["ei", "ext.", ".ei", "ext ei", "ext.e i", "x.ei", "ext.ei/../x", ""])
def test_malformed_catalogue_ids(value: str) -> None:
    with pytest.raises(InvalidInput) as err:
        domain.target_id(value)
    assert err.value.field == "target_id"


def test_categories_are_known_and_deduplicated() -> None:
    assert domain.categories(["income", "identity", "income"]) == ["income", "identity"]
    with pytest.raises(InvalidInput) as err:
        domain.categories(["shoe_size"])
    assert err.value.field == "shared"


def _consent(recipient: str, given: dt.datetime, withdrawn: dt.datetime | None = None) -> ConsentFacts:
    return ConsentFacts(uuid.uuid4(), recipient, given, withdrawn)


def test_only_a_current_consent_for_that_recipient_counts() -> None:
    old = _consent("ext.ei", NOW - 10 * DAY)
    newer = _consent("EXT.EI", NOW - 2 * DAY)
    withdrawn = _consent("ext.ei", NOW - DAY, NOW - DAY / 2)
    future = _consent("ext.ei", NOW + DAY)
    other = _consent("ab.pdd", NOW - DAY)
    assert domain.current_consent([old, newer, withdrawn, future, other], "ext.ei", NOW) == newer
    assert domain.current_consent([withdrawn, future, other], "ext.ei", NOW) is None
    later_withdrawal = _consent("ext.ei", NOW - DAY, NOW + DAY)
    assert domain.current_consent([later_withdrawal], "ext.ei", NOW) == later_withdrawal


def test_sharing_without_consent_is_refused_naming_consent() -> None:
    domain.check_consent([], None, "ext.ei")  # nothing shared: no consent needed
    with pytest.raises(InvalidInput) as err:
        domain.check_consent(["income"], None, "ext.ei")
    assert err.value.field == "consent"


def test_referral_states() -> None:
    allowed = {("sent", "accepted"), ("sent", "declined"), ("accepted", "completed")}
    for current in ReferralStatus:
        for target in ReferralStatus:
            if (current.value, target.value) in allowed:
                domain.check_transition(current, target)
            else:
                with pytest.raises(InvalidTransition):
                    domain.check_transition(current, target)


def test_dates() -> None:
    today = NOW.date()
    assert domain.follow_up_on(None, today=today) == today + 14 * DAY
    assert domain.follow_up_on(today, today=today) == today
    assert domain.held_on(today, today=today) == today
    with pytest.raises(InvalidInput) as err:
        domain.held_on(today + DAY, today=today)
    assert err.value.field == "held_on"
