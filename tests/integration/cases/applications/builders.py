"""Builders shared by the tests of applications, decisions, reviews, investigations and appeals.

``eligible_single`` gives the published Alberta case: a single adult, expected to work, no income,
no assets, private housing; every fact verified by a document (824.00 a month in 2024 rates).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases import applications, documents
from onestop.cases.applications import ApplicationCreate, ApplicationPublic, ApplicationStatusChange, FactIn
from onestop.cases.documents import DocumentVerify
from onestop.registry import create_unit
from onestop.registry.schemas import MemberIn, UnitCreate
from tests.integration.cases.factories import SYSTEM

PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n"
PROGRAM = "ab.income_support"


def make_unit(container: Container, applicant: uuid.UUID, *dependants: uuid.UUID) -> uuid.UUID:
    """A benefit unit with this applicant (and dependants) from 1 January 2026."""
    members = [MemberIn(person_id=applicant, role="applicant", joined_on=dt.date(2026, 1, 1))]
    members += [MemberIn(person_id=d, role="dependant", joined_on=dt.date(2026, 1, 1)) for d in dependants]
    return create_unit(container.uow(), actor=SYSTEM, data=UnitCreate(label="test", members=members)).id


def apply(container: Container, actor: Actor, unit: uuid.UUID, **kw: Any) -> ApplicationPublic:
    """A new Income Support application for the unit."""
    data = ApplicationCreate(program=kw.pop("program", PROGRAM), unit_id=unit, **kw)
    return applications.create_application(container.uow(), actor=actor, data=data)


def verified_document(
    container: Container,
    actor: Actor,
    person: uuid.UUID,
    doc_type: str,
    *,
    application_id: uuid.UUID | None = None,
) -> uuid.UUID:
    """Upload a document for a person and verify it (seen the original)."""
    doc = documents.upload_document(
        container.uow(),
        actor=actor,
        storage=container.storage,
        max_bytes=container.settings.max_upload_bytes,
        person_id=person,
        doc_type=doc_type,
        filename=f"{doc_type}.pdf",
        data=PDF + doc_type.encode(),
        application_id=application_id,
    )
    documents.verify_document(
        container.uow(), actor=actor, document_id=doc.id, data=DocumentVerify(method="seen_original")
    )
    return doc.id


def fact(
    container: Container, actor: Actor, app: uuid.UUID, path: str, value: Any, doc: uuid.UUID | None = None
) -> None:
    """Record one fact (verified when ``doc`` is given)."""
    applications.record_fact(
        container.uow(), actor=actor, application_id=app, data=FactIn(path=path, value=value, document_id=doc)
    )


def eligible_single(
    container: Container, actor: Actor, person: uuid.UUID, app: uuid.UUID, *, income: str = "0.00"
) -> None:
    """Every fact of the published single-adult case, verified."""
    verified_document(container, actor, person, "identity")
    income_doc = verified_document(container, actor, person, "income_proof")
    bank = verified_document(container, actor, person, "bank_statement")
    lease = verified_document(container, actor, person, "lease_rent_receipt")
    fact(container, actor, app, "unit.client_type", "expected_to_work")
    fact(container, actor, app, "unit.housing", "private", lease)
    fact(container, actor, app, "unit.liquid_assets", "0.00", bank)
    fact(container, actor, app, f"people[{person}].monthly_net_employment_income", income, income_doc)
    fact(container, actor, app, f"people[{person}].monthly_other_income", "0.00", income_doc)


def assess(container: Container, actor: Actor, app: uuid.UUID) -> ApplicationPublic:
    """Move the application into assessment."""
    return applications.start_assessment(
        container.uow(), actor=actor, application_id=app, data=ApplicationStatusChange()
    )
