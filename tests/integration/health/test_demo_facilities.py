"""The demo's facility caseloads (``demo/facilities.py``) load through the services: four facilities,
six residents (one gone), and four benefits paid to the facilities."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, cast

from onestop import health
from onestop.bootstrap import Container
from onestop.demo.context import Ctx
from onestop.demo.facilities import load_facilities
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import SYSTEM, make_person


def test_the_demo_facilities(container: Container, team: Team) -> None:
    for _ in range(8):
        member = MemberIn(person_id=make_person(container), role="applicant", joined_on=dt.date(2024, 1, 1))
        create_unit(container.uow(), actor=SYSTEM, data=UnitCreate(members=[member]))
    staff = {
        "officer": team.officer.actor,
        "officer2": team.colleague.actor,
        "supervisor": team.supervisor.actor,
    }
    ctx = Ctx(container, cast(Any, container.clock), random.Random(7), container.clock.today(), staff)
    load_facilities(ctx)
    assert ctx.made.counts == {"facilities": 4, "facility_stays": 6, "facility_benefits": 4}
    listed = health.list_facilities(container.uow(), actor=team.officer.actor)
    assert sorted((f.kind, f.residents) for f in listed) == [
        ("halfway_house", 1),
        ("hospital", 1),
        ("residential", 2),
        ("shelter", 1),
    ]
    mine = health.caseload(container.uow(), actor=team.officer.actor)
    assert sum(len(c.residents) for c in mine) == 3  # the other three are the second officer's
