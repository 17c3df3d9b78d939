"""Builders for the health tests: an NL client with an eligible Income Support decision."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import decisions
from onestop.cases.decisions import DecisionCreate
from onestop.registry import list_person_units
from tests.integration.cases.applications.builders import apply, assess, fact, make_unit, verified_document
from tests.integration.cases.factories import SYSTEM


def nl_income_support_decision(
    container: Container, actor: Actor, person: uuid.UUID
) -> decisions.DecisionPublic:
    """A single adult renting at 600 with no income or assets: eligible for NL Income Support."""
    existing = list_person_units(container.uow(), actor=SYSTEM, person_id=person)
    unit = existing[0].id if existing else make_unit(container, person)
    app = apply(container, actor, unit, program="nl.income_support").id
    verified_document(container, actor, person, "identity")
    income = verified_document(container, actor, person, "income_proof")
    bank = verified_document(container, actor, person, "bank_statement")
    lease = verified_document(container, actor, person, "lease_rent_receipt")
    fact(container, actor, app, "unit.monthly_shelter_cost", "600.00", lease)
    fact(container, actor, app, "unit.liquid_assets", "0.00", bank)
    fact(container, actor, app, f"people[{person}].monthly_net_employment_income", "0.00", income)
    fact(container, actor, app, f"people[{person}].monthly_other_income", "0.00", income)
    assess(container, actor, app)
    out = decisions.decide_application(container.uow(), actor=actor, data=DecisionCreate(application_id=app))
    assert out.decision is not None, out
    return out.decision


BORN = dt.date(1980, 5, 17)
