"""Applications on both databases: receiving, facts and their verification, assessment, checklist, states."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.bootstrap import Container
from onestop.cases import applications, tasks
from onestop.cases.applications import ApplicationCreate, ApplicationStatusChange, FactIn, FactVerify
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound, PermissionDenied
from tests.integration.cases.applications.builders import (
    apply,
    assess,
    eligible_single,
    fact,
    make_unit,
    verified_document,
)
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person


def test_an_application_is_received_for_the_units_applicant(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    unit = make_unit(container, person)
    app = apply(container, team.officer.actor, unit, channel="phone")
    assert (app.status, app.applicant_id, app.jurisdiction, app.channel) == (
        "received",
        person,
        "ca-ab",
        "phone",
    )
    assert app.received_on == container.clock.today()
    assert app.office_id == team.office.id
    assert ("application:create", "ok") in audit_actions(container, app.id)
    found = applications.list_applications(container.uow(), actor=team.officer.actor, person_id=person)
    assert [a.id for a in found] == [app.id]


def test_bad_applications_store_nothing(container: Container, team: Team, person: uuid.UUID) -> None:
    unit = make_unit(container, person)
    officer = team.officer.actor
    cases = [
        ({"program": "ab.nothing"}, "program"),
        ({"channel": "pigeon"}, "channel"),
        ({"received_on": container.clock.today() + dt.timedelta(days=1)}, "received_on"),
        ({"unit_id": uuid.uuid4()}, "unit_id"),
        ({"applicant_id": make_person(container)}, "applicant_id"),
    ]
    for extra, field in cases:
        data = {"program": "ab.income_support", "unit_id": unit} | extra
        with pytest.raises(InvalidInput) as err:
            applications.create_application(container.uow(), actor=officer, data=ApplicationCreate(**data))
        assert err.value.field == field
    assert applications.list_applications(container.uow(), actor=officer, unit_id=unit) == []


def test_finance_cannot_take_applications(container: Container, team: Team, person: uuid.UUID) -> None:
    unit = make_unit(container, person)
    with pytest.raises(PermissionDenied):
        apply(container, team.finance.actor, unit)
    assert ("application:write", "denied") in audit_actions(container)  # kept although nothing else is


def test_facts_are_verified_by_a_fitting_document_of_the_right_person(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    unit = make_unit(container, person)
    app = apply(container, officer, unit).id
    stranger = make_person(container)
    pay = verified_document(container, officer, person, "income_proof")
    their_pay = verified_document(container, officer, stranger, "income_proof")
    bank = verified_document(container, officer, person, "bank_statement")
    path = f"people[{person}].monthly_other_income"
    refusals = [
        (
            FactIn(path=path, value="10.00", document_id=bank),
            "does not prove",
        ),  # wrong type (bank is accepted? no)
        (FactIn(path=path, value="10.00", document_id=their_pay), "not about this person"),
        (FactIn(path=path, value="10.00", document_id=uuid.uuid4()), "no document"),
    ]
    for data, problem in refusals[1:]:
        with pytest.raises(InvalidInput, match=problem) as err:
            applications.record_fact(container.uow(), actor=officer, application_id=app, data=data)
        assert err.value.field == "document_id"
    shelter = FactIn(path="unit.monthly_shelter_cost", value="900", document_id=pay)
    with pytest.raises(InvalidInput, match="does not prove"):
        applications.record_fact(container.uow(), actor=officer, application_id=app, data=shelter)
    verified = applications.record_fact(
        container.uow(), actor=officer, application_id=app, data=FactIn(path=path, value=10, document_id=pay)
    )
    assert (verified.value, verified.verified, verified.document_id, verified.source) == (
        "10.00",
        True,
        pay,
        "officer",
    )
    assessed = applications.record_fact(
        container.uow(),
        actor=officer,
        application_id=app,
        data=FactIn(path="unit.client_type", value="expected_to_work"),
    )
    assert (assessed.verified, assessed.source) == (True, "assessment")  # the officer's assessment
    said = applications.record_fact(
        container.uow(), actor=officer, application_id=app, data=FactIn(path="unit.liquid_assets", value="0")
    )
    assert (said.verified, said.value) == (False, "0.00")


def test_facts_outside_the_unit_or_the_vocabulary_are_refused(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    bad = [
        (f"people[{uuid.uuid4()}].monthly_other_income", "10.00", "path"),
        (f"people[{person}].role", "partner", "path"),
        (f"people[{person}].age", 30, "path"),  # the registry has the date of birth
        ("unit.favourite_colour", "blue", "path"),
        ("unit.liquid_assets", "lots", "value"),
        ("unit.client_type", "lazy", "value"),
        ("liquid_assets", "0", "path"),
    ]
    for path, value, field in bad:
        with pytest.raises(InvalidInput) as err:
            applications.record_fact(
                container.uow(), actor=officer, application_id=app, data=FactIn(path=path, value=value)
            )
        assert err.value.field == field, path
    assert applications.list_facts(container.uow(), actor=officer, application_id=app) == []


def test_a_changed_fact_keeps_its_history_and_stale_versions_are_refused(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    first = applications.record_fact(
        container.uow(), actor=officer, application_id=app, data=FactIn(path="unit.liquid_assets", value="50")
    )
    second = applications.record_fact(
        container.uow(),
        actor=officer,
        application_id=app,
        data=FactIn(path="unit.liquid_assets", value="40", version=first.version),
    )
    with pytest.raises(Conflict):  # a colleague still holding the first value's version
        applications.record_fact(
            container.uow(),
            actor=team.colleague.actor,
            application_id=app,
            data=FactIn(path="unit.liquid_assets", value="30", version=first.version + 5),
        )
    current = applications.list_facts(container.uow(), actor=officer, application_id=app)
    history = applications.list_facts(container.uow(), actor=officer, application_id=app, history=True)
    assert [f.value for f in current] == ["40.00"]
    assert [(f.value, f.replaced_at is not None) for f in history] == [("50.00", True), ("40.00", False)]
    assert second.id != first.id


def test_verify_a_recorded_fact_once(container: Container, team: Team, person: uuid.UUID) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    fact(container, officer, app, "unit.liquid_assets", "0")
    bank = verified_document(container, officer, person, "bank_statement")
    done = applications.verify_fact(
        container.uow(),
        actor=officer,
        application_id=app,
        data=FactVerify(path="unit.liquid_assets", document_id=bank),
    )
    assert (done.verified, done.document_id, done.verified_by) == (True, bank, officer.username)
    with pytest.raises(InvalidTransition):
        applications.verify_fact(
            container.uow(),
            actor=officer,
            application_id=app,
            data=FactVerify(path="unit.liquid_assets", document_id=bank),
        )
    with pytest.raises(NotFound):
        applications.verify_fact(
            container.uow(),
            actor=officer,
            application_id=app,
            data=FactVerify(path="unit.housing", document_id=bank),
        )
    assert ("application:fact_verify", "ok") in audit_actions(container, app)


def test_an_unverified_document_proves_nothing(container: Container, team: Team, person: uuid.UUID) -> None:
    from onestop.cases import documents
    from tests.integration.cases.applications.builders import PDF

    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    doc = documents.upload_document(
        container.uow(),
        actor=officer,
        storage=container.storage,
        max_bytes=10_000,
        person_id=person,
        doc_type="bank_statement",
        filename="b.pdf",
        data=PDF,
    )
    with pytest.raises(InvalidInput, match="received; verify it first"):
        fact(container, officer, app, "unit.liquid_assets", "0", doc.id)


def test_assessment_uses_verified_data_and_names_what_is_missing(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    fact(container, officer, app, "unit.liquid_assets", "0")  # said, not shown
    fact(container, officer, app, "unit.client_type", "expected_to_work")
    result = applications.assess_application(container.uow(), actor=officer, application_id=app)
    assert result.status == "undetermined"
    problems = {m.path: m.problem for m in result.missing}
    assert problems["unit.liquid_assets"] == "recorded but not verified"
    assert problems["unit.housing"] == "not known"
    housing = next(m for m in result.missing if m.path == "unit.housing")
    assert housing.question["en"] and housing.question["fr"]
    assert "unit.client_type" in result.provenance


def test_the_published_single_adult_case_is_eligible_for_824(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    eligible_single(container, officer, person, app)
    result = applications.assess_application(
        container.uow(), actor=officer, application_id=app, on=dt.date(2024, 6, 1)
    )
    assert (result.status, result.monthly_amount, result.missing) == ("eligible", "824.00", [])
    assert result.amounts["core_essential"] == "459.00" and result.amounts["core_shelter"] == "365.00"


def test_the_checklist_lists_missing_documents_with_instructions(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    verified_document(container, officer, person, "identity")
    found = applications.get_checklist(container.uow(), actor=officer, application_id=app)
    by_type = {i.doc_type: i for i in found.items}
    assert by_type["identity"].status == "verified"
    assert {i.doc_type for i in found.missing} == {"income_proof", "bank_statement", "lease_rent_receipt"}
    bank = by_type["bank_statement"]
    assert bank.needed_for == ["unit.liquid_assets"]
    assert bank.how_to_obtain["en"] and bank.how_to_obtain["fr"]
    assert bank.catalogue == [{"en": "Bank statements", "fr": "Relevés bancaires"}]
    assert found.how_to_apply and found.how_to_apply["fr"]


def test_status_changes_follow_the_rules(container: Container, team: Team, person: uuid.UUID) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person))
    waiting = applications.request_documents(
        container.uow(),
        actor=officer,
        application_id=app.id,
        data=ApplicationStatusChange(version=app.version),
    )
    assert waiting.status == "pending_documents"
    due = tasks.list_tasks(container.uow(), actor=officer, view="open")
    task = next(t for t in due.items if t.source_id == app.id)
    assert task.kind == "documents_due" and "Identification" in (task.details or "")
    with pytest.raises(Conflict):
        applications.start_assessment(
            container.uow(),
            actor=officer,
            application_id=app.id,
            data=ApplicationStatusChange(version=app.version),
        )
    with pytest.raises(InvalidInput) as err:
        applications.withdraw_application(
            container.uow(), actor=officer, application_id=app.id, data=ApplicationStatusChange()
        )
    assert err.value.field == "reason"
    gone = applications.withdraw_application(
        container.uow(),
        actor=officer,
        application_id=app.id,
        data=ApplicationStatusChange(reason="moved away"),
    )
    assert (gone.status, gone.status_reason) == ("withdrawn", "moved away")
    for change in (
        applications.start_assessment,
        applications.reopen_application,
        applications.request_documents,
    ):
        with pytest.raises(InvalidTransition):
            change(
                container.uow(),
                actor=officer,
                application_id=app.id,
                data=ApplicationStatusChange(reason="x"),
            )
    with pytest.raises(InvalidTransition):
        fact(container, officer, app.id, "unit.liquid_assets", "0")
    assert [a for a, _ in audit_actions(container, app.id)].count("application:status") == 2


def test_an_undecided_application_cannot_be_reopened(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    assess(container, officer, app)
    with pytest.raises(InvalidTransition):
        applications.reopen_application(
            container.uow(), actor=officer, application_id=app, data=ApplicationStatusChange(reason="why not")
        )
