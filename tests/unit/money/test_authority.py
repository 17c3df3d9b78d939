"""Authority at its boundaries, from the packaged configuration and from a test policy."""

from __future__ import annotations

import uuid

import pytest

from onestop.access.permissions import Actor, Role
from onestop.common.errors import InvalidInput
from onestop.money.payments.authority import check_authority, default_policy, parse_policy

PROGRAM = "nl-income-support"


def _actor(*roles: Role) -> Actor:
    return Actor.for_roles(uuid.uuid4(), "someone", frozenset(roles))


@pytest.mark.parametrize(("cents", "allowed"), [(1, True), (100_000, True), (100_001, False), (10**9, False)])
def test_officer_emergency_limit_is_1000_dollars_inclusive(cents, allowed):
    decision = check_authority(_actor(Role.OFFICER), "emergency_funds", PROGRAM, cents)
    assert decision.allowed is allowed
    assert decision.limit == 100_000
    assert decision.needs_approval_by_role == (None if allowed else Role.SUPERVISOR)


@pytest.mark.parametrize(("nights", "allowed"), [(1, True), (4, True), (5, False)])
def test_officer_shelter_limit_is_4_nights(nights, allowed):
    decision = check_authority(_actor(Role.OFFICER), "shelter", PROGRAM, 10_000, nights=nights)
    assert (decision.allowed, decision.limit) == (allowed, 4)


def test_shelter_needs_nights():
    with pytest.raises(InvalidInput):
        check_authority(_actor(Role.OFFICER), "shelter", PROGRAM, 10_000)


def test_the_largest_limit_of_an_actors_roles_applies():
    both = _actor(Role.OFFICER, Role.SUPERVISOR)
    assert check_authority(both, "emergency_funds", PROGRAM, 400_000).allowed
    over = check_authority(both, "emergency_funds", PROGRAM, 500_001)
    assert not over.allowed and over.needs_approval_by_role == Role.ADMINISTRATOR and over.limit == 500_000


def test_no_rule_means_no_authority():
    decision = check_authority(_actor(Role.AUDITOR), "emergency_funds", PROGRAM, 1)
    assert not decision.allowed and "no authority" in decision.reason


def test_a_program_specific_rule_beats_the_wildcard():
    policy = parse_policy(
        {
            "rules": [
                {
                    "role": "officer",
                    "payment_type": "emergency_funds",
                    "program": "*",
                    "max_amount": "1000.00",
                },
                {
                    "role": "officer",
                    "payment_type": "emergency_funds",
                    "program": "ab-aish",
                    "max_amount": "250.00",
                },
            ]
        }
    )
    officer = _actor(Role.OFFICER)
    assert check_authority(officer, "emergency_funds", PROGRAM, 90_000, policy=policy).allowed
    assert not check_authority(officer, "emergency_funds", "ab-aish", 25_001, policy=policy).allowed


def test_packaged_policy_reads_sample_settings():
    policy = default_policy()
    assert policy.new_officer_days == 90 and 0 < policy.new_officer_sample_share < 1
    with pytest.raises(InvalidInput):
        parse_policy({"new_officer_sample_share": "1.5"})


def test_an_amount_limit_needs_the_amount():
    with pytest.raises(InvalidInput) as err:
        check_authority(_actor(Role.OFFICER), "emergency_funds", PROGRAM)
    assert err.value.field == "amount_cents"
