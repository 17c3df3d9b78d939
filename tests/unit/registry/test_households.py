"""Benefit-unit membership rules."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.common.errors import InvalidInput
from onestop.registry.households import MemberRole, Stint, check_heads_elsewhere, check_unit, dates, role

D = dt.date(2025, 1, 1)
UNIT = uuid.uuid4()


def _stint(r: MemberRole, joined: dt.date = D, left: dt.date | None = None, unit: uuid.UUID = UNIT) -> Stint:
    return Stint(unit, uuid.uuid4(), r, joined, left)


def test_two_applicants_refused() -> None:
    with pytest.raises(InvalidInput, match="only one current applicant") as excinfo:
        check_unit([_stint(MemberRole.APPLICANT), _stint(MemberRole.APPLICANT)])
    assert excinfo.value.field == "members"


def test_two_partners_refused_but_many_dependants_fine() -> None:
    with pytest.raises(InvalidInput, match="partner"):
        check_unit([_stint(MemberRole.PARTNER), _stint(MemberRole.PARTNER)])
    check_unit(
        [_stint(MemberRole.APPLICANT), _stint(MemberRole.PARTNER)]
        + [_stint(MemberRole.DEPENDANT) for _ in range(3)]
    )


def test_successive_applicants_allowed() -> None:
    first = _stint(MemberRole.APPLICANT, D, D + dt.timedelta(days=30))
    second = _stint(MemberRole.APPLICANT, D + dt.timedelta(days=30))
    check_unit([first, second])


def test_person_heads_one_unit_at_a_time() -> None:
    new = _stint(MemberRole.PARTNER)
    elsewhere = Stint(uuid.uuid4(), new.person_id, MemberRole.APPLICANT, D - dt.timedelta(days=5))
    with pytest.raises(InvalidInput, match="another unit"):
        check_heads_elsewhere(new, [elsewhere])
    ended = Stint(elsewhere.unit_id, new.person_id, MemberRole.APPLICANT, D - dt.timedelta(days=5), D)
    check_heads_elsewhere(new, [ended])
    check_heads_elsewhere(Stint(UNIT, new.person_id, MemberRole.DEPENDANT, D), [elsewhere])


def test_roles_and_dates() -> None:
    assert role("partner") is MemberRole.PARTNER
    with pytest.raises(InvalidInput, match="applicant, partner or dependant"):
        role("lodger")
    with pytest.raises(InvalidInput):
        dates(D, D)
    assert _stint(MemberRole.APPLICANT, D, D + dt.timedelta(days=1)).current_on(D)
