"""Issue 20's "done when", on both databases: an access request answered within its deadline with a
redacted package; a correction refused with the statement attached; a purge that destroys a closed
file due for destruction, keeps one under legal hold, and leaves the audit and ledger checks passing."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from onestop import privacy, registry
from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import applications, tasks
from onestop.cases.applications import ApplicationStatusChange
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.privacy.models import DestructionCertificate
from onestop.registry.models import Person, PersonContact
from onestop.registry.schemas import PhoneIn
from tests.integration.cases.applications.builders import apply, make_unit, verified_document
from tests.integration.cases.factories import Worker, make_office, make_person, make_worker


@pytest.fixture
def staff(container: Container) -> dict[str, Worker]:
    office = make_office(container)
    return {
        "officer": make_worker(container, Role.OFFICER, office=office),
        "privacy": make_worker(container, Role.PRIVACY, office=office),
        "supervisor": make_worker(container, Role.SUPERVISOR, office=office),
    }


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _request(
    container: Container, actor: Worker, person: uuid.UUID, kind: str, details: str
) -> privacy.RequestPublic:
    return privacy.log_request(
        container.uow(),
        actor=actor.actor,
        data=privacy.RequestCreate(
            person_id=person,
            kind=kind,
            jurisdiction="ca-ab",
            received_on=container.clock.today(),
            details=details,
        ),
    )


def test_an_access_request_is_answered_in_time_with_a_redacted_package(
    container: Container, staff: dict[str, Worker]
) -> None:
    officer, office, supervisor = staff["officer"], staff["privacy"], staff["supervisor"]
    person = make_person(container, "Amélie", "Tremblay")
    partner = make_person(container, "Joseph", "Okafor")
    unit = make_unit(container, person, partner)
    apply(container, officer.actor, unit)
    verified_document(container, officer.actor, person, "identity")
    verified_document(container, officer.actor, person, "income_proof")  # the partner's pay stub

    req = _request(container, officer, person, "access", "Everything you hold about me.")
    assert req.due_on == container.clock.today() + dt.timedelta(days=30)  # Alberta's configured deadline
    assert req.task_id is not None and req.status == "open"

    # A disclosure needs an authority or a consent in force; the log goes into the package.
    with pytest.raises(InvalidInput) as no_basis:
        privacy.record_disclosure(
            container.uow(),
            actor=officer.actor,
            data=privacy.DisclosureIn(
                person_id=person,
                recipient="MLA office",
                what="status of the file",
                basis="statute",
                disclosed_on=container.clock.today(),
            ),
        )
    assert no_basis.value.field == "authority"
    privacy.record_disclosure(
        container.uow(),
        actor=officer.actor,
        data=privacy.DisclosureIn(
            person_id=person,
            recipient="Court of King's Bench",
            what="payment history",
            basis="court_order",
            authority="Order 2401-555",
            disclosed_on=container.clock.today(),
        ),
    )
    assert [
        d.recipient for d in privacy.list_disclosures(container.uow(), actor=officer.actor, person_id=person)
    ] == ["Court of King's Bench"]

    container.clock.advance(dt.timedelta(days=10))
    assembled = privacy.assemble_package(container.uow(), actor=office.actor, request_id=req.id)
    assert assembled.status == "assembled"
    preview = privacy.preview_package(container.uow(), actor=office.actor, request_id=req.id).package
    assert preview["person"]["family_name"] == "Tremblay"
    assert preview["applications"] and preview["documents"] and preview["access_history"]
    docs = preview["documents"]
    other = next(n for n, d in enumerate(docs) if d["filename"] == "income_proof.pdf")

    # The partner's pay stub is someone else's information: withheld, with the reason.
    with pytest.raises(InvalidInput) as bad:
        privacy.add_redaction(
            container.uow(),
            actor=office.actor,
            request_id=req.id,
            data=privacy.RedactionIn(section="unitz", reason="other_person", note="x"),
        )
    assert bad.value.field == "section"
    privacy.add_redaction(
        container.uow(),
        actor=office.actor,
        request_id=req.id,
        data=privacy.RedactionIn(
            section="documents", index=other, reason="other_person", note="the partner's pay"
        ),
    )

    # No release without the supervisor's approval; nobody approves a package they prepared.
    store = container.storage
    with pytest.raises(InvalidTransition):
        privacy.release_package(container.uow(), actor=office.actor, storage=store, request_id=req.id)
    with pytest.raises(PermissionDenied):
        privacy.approve_release(container.uow(), actor=office.actor, request_id=req.id)
    privacy.approve_release(container.uow(), actor=supervisor.actor, request_id=req.id)
    # The officer who holds the task sends the approved package; that finishes the task.
    done = privacy.release_package(container.uow(), actor=officer.actor, storage=store, request_id=req.id)

    assert (done.status, done.on_time, done.released_on) == ("released", True, dt.date(2026, 3, 12))
    pdf = privacy.released_file(
        container.uow(), actor=office.actor, storage=store, request_id=req.id, fmt="pdf"
    )
    assert pdf.startswith(b"%PDF")
    doc = json.loads(
        privacy.released_file(
            container.uow(), actor=office.actor, storage=store, request_id=req.id, fmt="json"
        )
    )
    assert doc["package"]["documents"][other] == {"withheld": "[withheld]", "reason": "other_person"}
    assert "income_proof" not in json.dumps(doc) and "identity.pdf" in json.dumps(doc)
    assert [d["authority"] for d in doc["package"]["disclosures"]] == ["Order 2401-555"]
    assert doc["package"]["redactions"] == [
        {"section": "documents", "index": other, "reason": "other_person"}
    ]
    assert doc["package"]["person"]["family_name"] == "Tremblay"
    task = tasks.get_task(container.uow(), actor=officer.actor, task_id=req.task_id)
    assert task.status == "done"


def test_a_refused_correction_keeps_the_statement_of_disagreement(
    container: Container, staff: dict[str, Worker]
) -> None:
    person = make_person(container)
    req = _request(container, staff["officer"], person, "correction", "My birth date is wrong.")
    with pytest.raises(InvalidInput) as bad:
        privacy.decide_correction(
            container.uow(),
            actor=staff["privacy"].actor,
            request_id=req.id,
            data=privacy.CorrectionDecision(outcome="corrected", reason="checked"),
        )
    assert bad.value.field == "correction_made"
    privacy.decide_correction(
        container.uow(),
        actor=staff["privacy"].actor,
        request_id=req.id,
        data=privacy.CorrectionDecision(outcome="refused", reason="The birth certificate shows this date."),
    )
    privacy.attach_disagreement(
        container.uow(),
        actor=staff["privacy"].actor,
        request_id=req.id,
        data=privacy.DisagreementIn(statement="I was born a day later; the certificate has a typo."),
    )
    shown = privacy.person_requests(container.uow(), actor=staff["officer"].actor, person_id=person)
    assert [(r.kind, r.status, r.disagreement) for r in shown] == [
        ("correction", "refused", "I was born a day later; the certificate has a typo.")
    ]
    assert shown[0].on_time is True


def test_a_purge_destroys_the_closed_file_keeps_the_held_one_and_the_checks_pass(
    container: Container, staff: dict[str, Worker], cli: CliRunner
) -> None:
    officer = staff["officer"].actor
    closed, held, current = (make_person(container, g, "Rossi") for g in ("Claire", "Mei", "Liam"))
    for pid in (closed, held):
        app_ = apply(container, officer, make_unit(container, pid))
        applications.withdraw_application(
            container.uow(),
            actor=officer,
            application_id=app_.id,
            data=ApplicationStatusChange(reason="moved away"),
        )
    registry.add_phone(container.uow(), actor=officer, person_id=closed, data=PhoneIn(number="+17805550100"))
    doc = verified_document(container, officer, closed, "identity")
    key = _storage_key(container, doc)
    assert container.storage.exists(key)
    hold = privacy.place_hold(
        container.uow(),
        actor=staff["privacy"].actor,
        data=privacy.HoldIn(person_id=held, reason="Court of King's Bench action 2401-12345"),
    )
    apply(container, officer, make_unit(container, current))  # an open application: never destroyed

    container.clock.advance(dt.timedelta(days=365 * 7 + 2))  # seven years after the last activity
    dry = cli.invoke(app, ["privacy", "purge", "--dry-run", "--json"])
    assert dry.exit_code == 0, dry.output
    found = {f["person_id"]: f["disposition"] for f in json.loads(dry.output)["files"]}
    assert (found[str(closed)], found[str(held)], found[str(current)]) == ("due", "held", "open")
    assert _family(container, closed) == "Rossi"  # a dry run changes nothing

    with pytest.raises(PermissionDenied):
        privacy.purge(container.uow(), actor=officer, storage=container.storage, apply=True)
    out = cli.invoke(app, ["privacy", "purge", "--apply", "--json"])
    assert out.exit_code == 0, out.output
    assert {f["person_id"]: f["disposition"] for f in json.loads(out.output)["files"]}[
        str(closed)
    ] == "destroyed"

    assert _family(container, closed) == "[destroyed]" and _family(container, held) == "Rossi"
    assert not container.storage.exists(key)
    with container.uow() as uow:
        phones = uow.session.scalars(
            select(PersonContact.value).where(PersonContact.person_id == closed)
        ).all()
        certs = [
            (c.person_id, c.items["documents"], c.items["contacts"])
            for c in uow.session.scalars(select(DestructionCertificate))
        ]
    assert phones == ["[destroyed]"]
    assert certs == [(closed, 1, 1)]

    again = cli.invoke(app, ["privacy", "purge", "--apply", "--json"])  # nothing is destroyed twice
    assert json.loads(again.output)["certificates"] == []
    assert cli.invoke(app, ["privacy", "purge"]).exit_code == 2

    audit_ok = cli.invoke(app, ["audit", "verify"])
    assert audit_ok.exit_code == 0 and "audit chain OK" in audit_ok.output, audit_ok.output
    ledger_ok = cli.invoke(app, ["ledger", "verify"])
    assert ledger_ok.exit_code == 0, ledger_ok.output

    privacy.lift_hold(container.uow(), actor=staff["privacy"].actor, hold_id=hold.id)
    last = privacy.purge(container.uow(), actor=staff["privacy"].actor, storage=container.storage, apply=True)
    assert [c.person_id for c in last.certificates] == [held]


def _family(container: Container, person: uuid.UUID) -> str:
    with container.uow() as uow:
        found = uow.session.get(Person, person)
        assert found is not None
        return found.family_name


def _storage_key(container: Container, document_id: uuid.UUID) -> str:
    from onestop.cases.documents.models import Document

    with container.uow() as uow:
        found = uow.session.get(Document, document_id)
        assert found is not None
        return found.storage_key
