"""The demo's sponsors, projects and inquiries (``demo/partners.py``) load through the services."""

from __future__ import annotations

import random
from typing import Any, cast

from onestop import partners
from onestop.bootstrap import Container
from onestop.demo.context import Ctx
from onestop.demo.partners import load_partners
from tests.integration.cases.applications.builders import make_unit
from tests.integration.cases.conftest import Team
from tests.integration.cases.factories import make_person


def test_the_demo_partners(container: Container, team: Team) -> None:
    people = [make_person(container) for _ in range(6)]
    make_unit(container, people[0])  # a client with a benefit unit, for the on-call emergency shelter
    staff = {"officer": team.officer.actor, "supervisor": team.supervisor.actor}
    ctx = Ctx(container, cast(Any, container.clock), random.Random(7), container.clock.today(), staff)
    load_partners(ctx)
    assert ctx.made.counts == {
        "sponsors": 2,
        "projects": 2,
        "instalments": 2,
        "inquiries": 2,
        "trainings": 1,
        "on-call calls": 1,
    }
    projects = partners.list_projects(container.uow(), actor=team.supervisor.actor)
    assert sorted((p.state, p.funding_cents, p.requested_cents, p.paid_cents) for p in projects) == [
        ("recommended", 64_000_00, 0, 0),
        ("signed", 90_000_00, 75_000_00, 0),
    ]
    [signed] = [p for p in projects if p.state == "signed"]
    full = partners.get_project(container.uow(), actor=team.supervisor.actor, project_id=signed.id)
    assert [i.state for i in full.instalments] == ["approved", "recorded"]  # the next batch pays the first
    [line] = partners.project_commitments(container.uow(), actor=team.officer.actor, fiscal_year=2025)
    assert (line.committed_cents, line.paid_cents) == (90_000_00, 0)
    [flagged] = partners.flagged_terms(container.uow(), actor=team.officer.actor)
    assert [a.flagged for a in flagged.attendance] == [True, False]
    [call] = partners.recent_calls(container.uow(), actor=team.officer.actor)
    assert [(i.kind, i.state) for i in call.items] == [("shelter", "paid")]
    [waiting] = partners.inquiry_queue(container.uow(), actor=team.supervisor.actor)
    assert waiting.consent_on is None and waiting.state == "open"
