"""Households with decisions in force, built through the ordinary services, for batch tests.

``caseload`` makes five Income Support households decided on 2026-03-02 (the test clock) and then:
one whose income changed since (reopened, new verified fact: a *change*), one whose bank statement
was withdrawn (a fact left unverified: *incomplete*), one whose stored assets are garbled by an old
import (written past the service, as migrated data would be: *broken*), and two untouched.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from sqlalchemy import update

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import applications, decisions
from onestop.cases.applications import ApplicationFact, ApplicationStatusChange
from onestop.cases.decisions import DecisionCreate
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    fact,
    make_unit,
    verified_document,
)
from tests.integration.cases.factories import Worker, make_office, make_person, make_worker


@dataclass(frozen=True)
class Caseload:
    """The households by what happened to them, and the staff."""

    officer: Worker
    supervisor: Worker
    unchanged: list[uuid.UUID]
    changed: uuid.UUID
    incomplete: uuid.UUID
    broken: uuid.UUID

    @property
    def all(self) -> list[uuid.UUID]:
        """Every application in force."""
        return [*self.unchanged, self.changed, self.incomplete, self.broken]


def decided_household(
    container: Container, officer: Worker, income: str = "0.00"
) -> tuple[uuid.UUID, uuid.UUID]:
    """A single adult, decided eligible; returns (application id, person id)."""
    person = make_person(container)
    app = apply(container, officer.actor, make_unit(container, person)).id
    eligible_single(container, officer.actor, person, app, income=income)
    assess(container, officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return app, person


@pytest.fixture
def caseload(container: Container) -> Caseload:
    """Five households in force, as described above."""
    return make_caseload(container)


@pytest.fixture
def committed_caseload(committed_container: Container) -> Caseload:
    """The same five households, committed (other connections, as Dask workers', see them)."""
    return make_caseload(committed_container)


def make_caseload(container: Container) -> Caseload:
    """Five households in force, as described above."""
    office = make_office(container)
    officer = make_worker(container, Role.OFFICER, office=office)
    supervisor = make_worker(container, Role.SUPERVISOR, office=office)
    unchanged = [decided_household(container, officer)[0], decided_household(container, officer, "500.00")[0]]
    changed, person = decided_household(container, officer)
    applications.reopen_application(
        container.uow(),
        actor=officer.actor,
        application_id=changed,
        data=ApplicationStatusChange(reason="reported new job"),
    )
    doc = verified_document(container, officer.actor, person, "income_proof")
    fact(container, officer.actor, changed, f"people[{person}].monthly_net_employment_income", "500.00", doc)
    incomplete, _ = decided_household(container, officer)
    broken, _ = decided_household(container, officer)
    with container.uow() as uow:
        uow.session.execute(
            update(ApplicationFact)
            .where(ApplicationFact.application_id == incomplete, ApplicationFact.path == "unit.liquid_assets")
            .values(verified=False)
        )
        uow.session.execute(
            update(ApplicationFact)
            .where(ApplicationFact.application_id == broken, ApplicationFact.path == "unit.liquid_assets")
            .values(value="12,50$")
        )
        uow.commit()
    return Caseload(officer, supervisor, unchanged, changed, incomplete, broken)
