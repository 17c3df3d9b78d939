"""``onestop demo load`` on both backends: searchable, one audit event, refuses a second load.

Its speed is measured in benchmarks/demo_load.py, not here: a timed assertion failed on a busy machine."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from onestop.access import Actor, Staff
from onestop.audit.models import AuditEvent
from onestop.bootstrap import Container
from onestop.cli import common
from onestop.cli.main import app
from onestop.demo import AlreadyLoaded, generate, load_demo
from onestop.registry import find_duplicates, search_people
from onestop.registry import models as m
from onestop.registry.schemas import PersonCreate, SearchQuery
from tests.integration.demo.test_generator import as_input

SYSTEM = Actor.system("tests")


def test_load_demo(container: Container) -> None:
    report = load_demo(container, people=200, seed=42, office=False)
    assert report.people == 200
    assert {u for u, _r, _p in report.staff} == {
        "officer",
        "officer2",
        "supervisor",
        "specialist",
        "finance",
        "finance2",
        "administrator",
        "auditor",
        "editor",  # the knowledge editor (issue 18, part 5): not privileged, given at once
    }
    with container.uow() as uow:
        assert uow.session.scalar(select(func.count()).select_from(m.Person)) == 200
        assert uow.session.scalar(select(func.count()).select_from(Staff)) == 9
        # Roles through the grant services: the administrator is the bootstrap and approves the others.
        assert all(len(s.role_names) == 1 for s in uow.session.scalars(select(Staff)).unique())
        approvals = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "staff:grant_approve"))
        assert sorted((e.actor_username, e.details["role"]) for e in approvals) == [
            ("administrator", "finance"),
            ("administrator", "finance"),
            ("administrator", "officer"),
            ("administrator", "officer"),
            ("administrator", "specialist"),
            ("administrator", "supervisor"),
        ]
        loads = uow.session.scalars(select(AuditEvent).where(AuditEvent.action == "demo:load")).all()
        assert len(loads) == 1
        assert loads[0].details["people"] == 200
        assert (
            uow.session.scalar(
                select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "person:create")
            )
            == 0
        )
    with pytest.raises(AlreadyLoaded, match="already loaded"):
        load_demo(container, people=200, seed=42)


def test_loaded_people_are_found_and_near_duplicates_detected(container: Container) -> None:
    load_demo(container, people=300, seed=9, office=False)
    people = [p for h in generate(300, 9) for p in h.members]
    target = people[10].person
    hits = search_people(
        container.uow(),
        actor=SYSTEM,
        query=SearchQuery(name=f"{target.name.given_names} {target.name.family_name}"),
    )
    assert hits[0].person.id == people[10].id
    dup = next(p for p in people if p.duplicate_of is not None)
    matches = find_duplicates(
        container.uow(),
        actor=SYSTEM,
        candidate=PersonCreate.model_validate(as_input(dup.person).model_dump()),
    )
    assert {dup.duplicate_of, dup.id} <= {match.person.id for match in matches}


def test_cli_load_twice_does_not_crash(container: Container) -> None:
    common.set_container(container)
    try:
        runner = CliRunner()
        first = runner.invoke(app, ["demo", "load", "--people", "50", "--seed", "1"])
        assert first.exit_code == 0, first.output
        assert "DEMO ONLY" in first.output
        second = runner.invoke(app, ["demo", "load", "--people", "50", "--seed", "1"])
        assert second.exit_code == 0
        assert "already loaded" in second.output
        found = runner.invoke(app, ["people", "search", "Smith", "--json"])
        assert found.exit_code == 0
        bad = runner.invoke(app, ["people", "add", "--family-name", "X", "--birth-date", "2099-01-01"])
        assert bad.exit_code == 2
        assert "birth_date" in bad.output
    finally:
        common.set_container(None)
