"""Overlays laid over a pack's YAML, pure: the version hash covers them, the YAML comes back when they
are lifted, the case and batch paths both read them, and a replay uses exactly the ones it is given."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from onestop import jurisdictions
from onestop.batch.evaluate import overlaid_snapshot
from onestop.common.errors import InvalidInput
from onestop.rules import overlays
from onestop.rules.overlay_values import ParameterOverlay
from onestop.rules.parameters import Source

GAP = "ab.aish.max_living_allowance"
CASE = {
    "jurisdiction": "ca-ab",
    "date": "2025-06-01",
    "people": [
        {
            "id": "a",
            "role": "applicant",
            "age": 40,
            "severe_handicap": True,
            "monthly_net_employment_income": 0,
            "monthly_other_income": 0,
        }
    ],
    "unit": {"non_exempt_assets": 0},
}


def _overlay(cents: int, oid: str = "o1", on: dt.date = dt.date(2025, 1, 1)) -> ParameterOverlay:
    return ParameterOverlay(oid, GAP, on, cents, Source("AISH 2025"), "high")


@pytest.fixture(autouse=True)
def _published() -> Iterator[None]:
    jurisdictions.use_overlays([])
    yield
    jurisdictions.use_overlays([])


def test_the_version_covers_the_overlays_and_returns_when_they_are_lifted() -> None:
    pack = jurisdictions.get_pack("ca-ab")
    published = pack.version
    assert jurisdictions.use_overlays([_overlay(190100)]) == ["ca-ab"]
    first = pack.version
    jurisdictions.use_overlays([_overlay(190200)])
    assert len({published, first, pack.version}) == 3
    assert jurisdictions.use_overlays([_overlay(190200)]) == []  # the same set changes nothing
    jurisdictions.use_overlays([])
    assert pack.version == published


def test_case_and_batch_paths_read_the_overlay_from_its_date() -> None:
    jurisdictions.use_overlays([_overlay(190100)])
    result = jurisdictions.evaluate(CASE, ["ab.aish"]).results[0]
    assert result.status == "eligible" and result.monthly_amount == 190100
    program = jurisdictions.get_pack("ca-ab").programs["ab.aish"]
    assert overlaid_snapshot(program, dt.date(2025, 6, 1), ()).versions[GAP].value == 190100
    assert overlaid_snapshot(program, dt.date(2024, 6, 1), ()).versions[GAP].value == 186300


def test_a_replay_uses_exactly_the_overlays_given() -> None:
    pack = jurisdictions.get_pack("ca-ab")
    jurisdictions.use_overlays([_overlay(199900, "later")])
    replayed = overlays.replay(pack, "ab.aish", CASE, [_overlay(190100)])
    assert replayed.monthly_amount == 190100
    assert overlays.replay(pack, "ab.aish", CASE, []).status == "undetermined"


def test_a_value_is_checked_against_its_parameter() -> None:
    parameter = overlays.find_parameter(jurisdictions.get_pack("ca-ab"), GAP)
    assert overlays.check_value(parameter, "1901.00", dt.date(2025, 1, 1)) == 190100
    for raw, on, field in (("x", dt.date(2025, 1, 1), "value"), ("1.00", dt.date(1990, 1, 1), "effective")):
        with pytest.raises(InvalidInput) as err:
            overlays.check_value(parameter, raw, on)
        assert err.value.field == field
