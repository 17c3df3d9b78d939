"""A decision made with an approved parameter overlay records it, and replays with exactly it: a value
approved afterwards changes new decisions, never the replay of an old one."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator

import pytest

from onestop import jurisdictions, policy
from onestop.access import Actor, actor_of
from onestop.access.permissions import Role
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team
from tests.integration.policy.factories import make_staff

SHELTER = "ab.income_support.core_shelter_private"


@pytest.fixture(autouse=True)
def _packs_as_published() -> Iterator[None]:
    yield
    jurisdictions.use_overlays([])


def _approve(container: Container, maker: Actor, checker: Actor, dollars: str, on: dt.date) -> str:
    data = policy.OverlayCreate(
        parameter=SHELTER,
        value={"single_adult": {"0": dollars}},
        effective=on,
        source_title="Core shelter, new schedule",
    )
    row = policy.record_overlay(container.uow(), actor=maker, data=data)
    policy.approve_overlay(container.uow(), actor=checker, overlay_id=row.id, data=policy.OverlayDecision())
    return str(row.id)


def test_a_decision_records_its_overlay_and_replays_with_it(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    ada = actor_of(make_staff(container, "ada", Role.ADMINISTRATOR))
    bob = actor_of(make_staff(container, "bob", Role.ADMINISTRATOR))
    published = jurisdictions.get_pack("ca-ab").version
    first = _approve(container, ada, bob, "400.00", dt.date(2026, 1, 1))

    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    d = out.decision
    assert d is not None
    assert d.amounts["core_shelter"] == "400.00" and d.monthly_amount == "859.00"  # 459 + 400, not 365
    assert d.explanation["parameter_overlays"] == [first]
    assert d.rules_version != published

    _approve(container, bob, ada, "450.00", dt.date(2026, 2, 1))  # approved after the decision
    replay = decisions.replay_decision(container.uow(), actor=team.officer.actor, decision_id=d.id)
    assert replay.same and replay.monthly_cents == 85900 and replay.parameter_overlays == [first]

    jurisdictions.use_overlays([])  # even with the packs back to their YAML, the replay uses the overlay
    again = decisions.replay_decision(container.uow(), actor=team.officer.actor, decision_id=d.id)
    assert again.same and again.monthly_cents == 85900
