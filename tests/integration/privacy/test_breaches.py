"""Breaches on both databases: a letter that went to the wrong address is reported, assessed by the
privacy office with the commissioners' factors, the person gets a letter through the outbox and the
commissioner a PDF report, the follow-up steps are done and the breach is closed; every step audited.
Bad input and out-of-turn steps are refused and change nothing; the CLI does the same."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from onestop import notices, privacy
from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.notices.models import Notice
from onestop.privacy.models import Breach
from tests.integration.cases.conftest import audit_actions
from tests.integration.cases.factories import Worker, make_office, make_person, make_worker
from tests.integration.privacy.letters import sent_letter

FACTORS = {
    "information": "Your name, your address and the date of your review.",
    "sensitivity": "medium",
    "people_affected": 1,
    "likelihood": "medium",
    "containment": "contained",
    "containment_steps": "The neighbour gave the letter back the next day.",
    "harm": "Embarrassment; the neighbour now knows the person gets income support.",
}


@pytest.fixture
def staff(container: Container) -> dict[str, Worker]:
    office = make_office(container)
    return {
        "officer": make_worker(container, Role.OFFICER, office=office),
        "privacy": make_worker(container, Role.PRIVACY, office=office),
    }


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _report(container: Container, actor: Worker, **extra: object) -> privacy.BreachPublic:
    data = {
        "kind": "misdirected_letter",
        "jurisdiction": "ca-ab",
        "discovered_on": container.clock.today(),
        "description": "The letter went to 12 Main St; the neighbour brought it back.",
    } | extra
    return privacy.report_breach(container.uow(), actor=actor.actor, data=privacy.BreachCreate(**data))


def _breaches(container: Container) -> int:
    uow = container.uow()
    with uow:
        return int(uow.session.scalar(select(func.count()).select_from(Breach)) or 0)


def test_a_misdirected_letter_is_reported_assessed_notified_followed_up_and_closed(
    container: Container, staff: dict[str, Worker]
) -> None:
    officer, office = staff["officer"], staff["privacy"]
    person = make_person(container, "Amélie", "Tremblay")
    letter = sent_letter(container, person)
    found = _report(container, officer, notice_id=letter, discovered_on=dt.date(2026, 2, 25))
    assert found.person_id == person and found.status == "reported" and found.risk is None

    assessment = privacy.BreachAssessmentIn(**FACTORS)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):  # the privacy office assesses, not the officer who found it
        privacy.assess_breach(container.uow(), actor=officer.actor, breach_id=found.id, data=assessment)
    with pytest.raises(InvalidTransition):  # no letters before an assessment
        privacy.notify_breach(
            container.uow(), actor=office.actor, storage=container.storage, breach_id=found.id
        )
    assessed = privacy.assess_breach(container.uow(), actor=office.actor, breach_id=found.id, data=assessment)
    assert (
        assessed.risk == "medium" and assessed.must_notify and assessed.assessed_by == office.actor.username
    )
    with pytest.raises(InvalidTransition, match="notify"):
        privacy.close_breach(
            container.uow(),
            actor=office.actor,
            breach_id=found.id,
            data=privacy.BreachCloseIn(outcome="nothing to do"),
        )

    told = privacy.notify_breach(
        container.uow(), actor=office.actor, storage=container.storage, breach_id=found.id, version=2
    )
    assert told.status == "notified" and told.notified_on == container.clock.today()
    uow = container.uow()
    with uow:
        notice = uow.session.get(Notice, told.person_notice_id)
        assert notice is not None
        assert (notice.person_id, notice.kind, notice.status) == (person, "breach_notice", "queued")
        notice_id = notice.id
    letter_text = notices.get_notice(container.uow(), actor=officer.actor, notice_id=notice_id).text
    assert "We are sorry" in letter_text and "Your name, your address" in letter_text
    assert "Information and Privacy Commissioner of Alberta" in letter_text
    assert "12 Main St" not in letter_text  # the staff description stays inside
    pdf = privacy.office_letter(
        container.uow(), actor=office.actor, storage=container.storage, breach_id=found.id
    )
    assert pdf.startswith(b"%PDF")

    stepped = privacy.add_action(
        container.uow(),
        actor=office.actor,
        breach_id=found.id,
        data=privacy.BreachActionIn(what="Check the address before printing", due_on=dt.date(2026, 3, 1)),
    )
    assert stepped.actions[0].overdue  # due before today (2 March 2026)
    with pytest.raises(InvalidTransition, match="follow-up"):
        privacy.close_breach(
            container.uow(), actor=office.actor, breach_id=found.id, data=privacy.BreachCloseIn(outcome="x")
        )
    privacy.complete_action(
        container.uow(),
        actor=office.actor,
        action_id=stepped.actions[0].id,
        data=privacy.BreachActionDone(note="Done at the team meeting"),
    )
    closed = privacy.close_breach(
        container.uow(),
        actor=office.actor,
        breach_id=found.id,
        data=privacy.BreachCloseIn(outcome="Addresses are checked against the file before printing."),
    )
    assert closed.status == "closed" and closed.closed_by == office.actor.username
    assert privacy.list_breaches(container.uow(), actor=office.actor) == []
    assert [b.id for b in privacy.list_breaches(container.uow(), actor=office.actor, closed=True)] == [
        found.id
    ]
    actions = [a for a, outcome in audit_actions(container, found.id) if outcome == "ok"]
    for expected in ("report", "assess", "notify", "letter_read", "action_add", "action_done", "close"):
        assert f"privacy:breach_{expected}" in actions


def test_a_low_risk_breach_closes_without_letters_and_bad_input_changes_nothing(
    container: Container, staff: dict[str, Worker]
) -> None:
    officer, office = staff["officer"], staff["privacy"]
    with pytest.raises(InvalidInput) as future:
        _report(container, officer, discovered_on=container.clock.today() + dt.timedelta(days=1))
    assert future.value.field == "discovered_on"
    with pytest.raises(InvalidInput) as place:
        _report(container, officer, jurisdiction="ca-on")
    assert place.value.field == "jurisdiction"
    with pytest.raises(InvalidInput) as kind:
        _report(container, officer, kind="gossip")
    assert kind.value.field == "kind"
    with pytest.raises(InvalidInput) as nobody:
        _report(container, officer, person_id=uuid.uuid4())
    assert nobody.value.field == "person_id"
    with pytest.raises(InvalidInput) as letter:
        _report(container, officer, notice_id=uuid.uuid4())
    assert letter.value.field == "notice_id"
    assert _breaches(container) == 0

    found = _report(container, officer, kind="unauthorised_access", description="A file opened by mistake")
    low = FACTORS | {"sensitivity": "low", "likelihood": "low"}
    with pytest.raises(InvalidInput) as level:
        privacy.assess_breach(
            container.uow(),
            actor=office.actor,
            breach_id=found.id,
            data=privacy.BreachAssessmentIn(**(low | {"likelihood": "maybe"})),  # type: ignore[arg-type]
        )
    assert level.value.field == "likelihood"
    assessed = privacy.assess_breach(
        container.uow(),
        actor=office.actor,
        breach_id=found.id,
        data=privacy.BreachAssessmentIn(**low),  # type: ignore[arg-type]
    )
    assert assessed.risk == "low" and assessed.must_notify is False
    closed = privacy.close_breach(
        container.uow(),
        actor=office.actor,
        breach_id=found.id,
        data=privacy.BreachCloseIn(outcome="The officer opened the wrong file and closed it at once."),
    )
    assert closed.status == "closed" and closed.person_notice_id is None


def test_the_cli_reports_assesses_notifies_and_closes(
    container: Container, staff: dict[str, Worker], cli: CliRunner
) -> None:
    person = make_person(container, "Joseph", "Okafor")
    today = container.clock.today().isoformat()
    report = ["privacy", "breach", "report", "--jurisdiction", "ca-nl", "--discovered-on", today]
    bad = cli.invoke(app, [*report, "--description", "x", "--kind", "gossip"])
    assert bad.exit_code == 2 and "kind" in bad.output
    made = cli.invoke(app, [*report, "--description", "Wrong envelope", "--person", str(person)])
    assert made.exit_code == 0, made.output
    breach_id = made.output.split()[0]
    assess = ["privacy", "breach", "assess", breach_id, "--information", "Your name", "--sensitivity"]
    assess += ["high", "--likelihood", "medium", "--containment", "partial", "--steps", "Asked for it back"]
    none = cli.invoke(app, [*assess, "--people", "0", "--harm", "Identity theft"])
    assert none.exit_code == 2 and "people_affected" in none.output
    done = cli.invoke(app, [*assess, "--people", "1", "--harm", "Identity theft"])
    assert done.exit_code == 0 and "risk high" in done.output
    assert cli.invoke(app, ["privacy", "breach", "notify", breach_id]).exit_code == 0
    closed = cli.invoke(
        app, ["privacy", "breach", "close", breach_id, "--outcome", "Envelopes double-checked"]
    )
    assert closed.exit_code == 0 and "closed" in closed.output
    shown = cli.invoke(app, ["privacy", "breach", "show", breach_id, "--json"])
    assert json.loads(shown.output)["status"] == "closed"
    assert json.loads(cli.invoke(app, ["privacy", "breach", "list", "--json"]).output) == []
