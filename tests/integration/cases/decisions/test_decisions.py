"""Decisions on both databases: what a decision stores, undetermined and repeated decisions refused,
supersession, the entitlement in money, and the database's refusal to edit a decision."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.exc import DBAPIError

from onestop import money
from onestop.bootstrap import Container
from onestop.cases import applications, decisions
from onestop.cases.applications import ApplicationStatusChange
from onestop.cases.decisions import Decision, DecisionCreate, DecisionImmutableError, DecisionUndetermined
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from tests.integration.cases.applications.builders import apply, assess, eligible_single, fact, make_unit
from tests.integration.cases.conftest import Team, audit_actions


def _decide(container: Container, team: Team, app: uuid.UUID, **kw: object) -> decisions.DecisionPublic:
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app, **kw)
    )
    assert out.decision is not None
    return out.decision


@pytest.fixture
def ready(container: Container, team: Team, person: uuid.UUID) -> uuid.UUID:
    """An Income Support application in assessment with the published single-adult facts, verified."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    return app


def test_an_eligible_decision_stores_everything_needed_to_replay_it(
    container: Container, team: Team, person: uuid.UUID, ready: uuid.UUID
) -> None:
    d = _decide(container, team, ready)
    assert (d.outcome, d.action, d.basis, d.seq) == ("eligible", "grant", "application", 1)
    assert (d.monthly_amount, d.computed_status, d.computed_monthly_amount) == (
        "824.00",
        "eligible",
        "824.00",
    )
    assert d.effective_from == container.clock.today()  # the date the application was received
    assert d.amounts["core_essential"] == "459.00" and d.amounts["core_shelter"] == "365.00"
    assert d.rules_version.startswith("sha256:") and d.program_version.startswith("sha256:")
    assert {p["name"] for p in d.parameters} >= {"ab.income_support.core_essential"}
    assert d.parameters[0]["source"]["url"]
    assert d.case_data["unit"]["liquid_assets"] == "0.00"
    assert d.provenance["unit.liquid_assets"]["verified"] is True
    assert d.provenance["unit.liquid_assets"]["document_id"]
    assert [r["passed"] for r in d.explanation["result"]["reasons"]] == [True, True]
    assert d.explanation["reasons_fr"][0]["test"] == "actifs liquides sous la limite"
    assert "ELIGIBLE (granted)" in d.text_en and "ADMISSIBLE (accordée)" in d.text_fr
    assert d.decided_by == team.officer.actor.username
    assert d.appeal_deadline == container.clock.today() + dt.timedelta(days=30)
    assert d.appeal and d.appeal["source"]["kind"] == "published"
    assert d.alternatives == []  # nothing to suggest on a grant
    app = applications.get_application(container.uow(), actor=team.officer.actor, application_id=ready)
    assert app.status == "decided"
    assert ("decision:create", "ok") in audit_actions(container, d.id)


def test_the_eligible_decision_creates_the_entitlement_in_money(
    container: Container, team: Team, person: uuid.UUID, ready: uuid.UUID
) -> None:
    d = _decide(container, team, ready)
    [ent] = money.list_entitlements(container.uow(), actor=team.officer.actor, unit_id=d.unit_id)
    assert (ent.id, ent.decision_id, ent.amount_cents, ent.frequency) == (
        d.entitlement_id,
        d.id,
        82400,
        "monthly",
    )
    assert (ent.program, ent.start_date, ent.method) == ("ab.income_support", d.effective_from, "cheque")


def test_an_undetermined_result_cannot_be_decided_and_lists_the_missing_facts(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    fact(container, officer, app, "unit.client_type", "expected_to_work")
    fact(container, officer, app, "unit.liquid_assets", "0")  # not verified
    assess(container, officer, app)
    with pytest.raises(DecisionUndetermined) as err:
        decisions.decide_application(container.uow(), actor=officer, data=DecisionCreate(application_id=app))
    assert err.value.field == "facts"
    paths = {m["path"]: m["problem"] for m in err.value.missing}
    assert paths["unit.liquid_assets"] == "recorded but not verified"
    assert "unit.housing" in paths
    assert decisions.list_decisions(container.uow(), actor=officer, application_id=app) == []


def test_decisions_need_an_assessment_and_are_not_made_twice(
    container: Container, team: Team, person: uuid.UUID, ready: uuid.UUID
) -> None:
    officer = team.officer.actor
    unit = applications.get_application(container.uow(), actor=officer, application_id=ready).unit_id
    received = apply(container, officer, unit).id
    with pytest.raises(InvalidTransition):
        decisions.decide_application(
            container.uow(), actor=officer, data=DecisionCreate(application_id=received)
        )
    _decide(container, team, ready)
    with pytest.raises(InvalidTransition, match="reopen"):
        _decide(container, team, ready)
    withdrawn = apply(container, officer, unit).id
    applications.withdraw_application(
        container.uow(),
        actor=officer,
        application_id=withdrawn,
        data=ApplicationStatusChange(reason="no longer"),
    )
    with pytest.raises(InvalidTransition):
        _decide(container, team, withdrawn)


def test_a_stale_application_version_is_refused(container: Container, team: Team, ready: uuid.UUID) -> None:
    with pytest.raises(Conflict):
        _decide(container, team, ready, version=1)
    assert _decide(container, team, ready).seq == 1


def test_a_new_decision_supersedes_the_old_and_changes_the_entitlement(
    container: Container, team: Team, person: uuid.UUID, ready: uuid.UUID
) -> None:
    officer = team.officer.actor
    first = _decide(container, team, ready)
    container.clock.advance(dt.timedelta(days=31))
    applications.reopen_application(
        container.uow(), actor=officer, application_id=ready, data=ApplicationStatusChange(reason="new job")
    )
    fact(
        container,
        officer,
        ready,
        f"people[{person}].monthly_net_employment_income",
        "500.00",
        _income_doc(container, team, person),
    )
    second = _decide(container, team, ready)
    assert (second.seq, second.action, second.monthly_amount, second.supersedes_id) == (
        2,
        "change",
        "621.50",
        first.id,
    )
    old = decisions.get_decision(container.uow(), actor=officer, decision_id=first.id)
    assert (old.superseded_by_id, old.monthly_amount, old.outcome) == (second.id, "824.00", "eligible")
    versions = money.list_entitlements(container.uow(), actor=officer, unit_id=second.unit_id)
    current = next(e for e in versions if e.active)
    assert (current.id, current.amount_cents, current.start_date) == (
        second.entitlement_id,
        62150,
        second.effective_from,
    )
    history = decisions.list_decisions(container.uow(), actor=officer, application_id=ready)
    assert [d.seq for d in history] == [2, 1]
    in_force = decisions.list_decisions(container.uow(), actor=officer, person_id=person)
    assert [d.id for d in in_force] == [second.id]


def _income_doc(container: Container, team: Team, person: uuid.UUID) -> uuid.UUID:
    from tests.integration.cases.applications.builders import verified_document

    return verified_document(container, team.officer.actor, person, "income_proof")


def test_a_refusal_gives_appeal_rights_and_other_help(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    app = apply(container, officer, make_unit(container, person)).id
    eligible_single(container, officer, person, app, income="3000.00")
    assess(container, officer, app)
    d = _decide(container, team, app)
    assert (d.outcome, d.action, d.monthly_amount, d.entitlement_id) == ("ineligible", "refuse", "0.00", None)
    assert any(r["passed"] is False for r in d.explanation["result"]["reasons"])
    assert d.alternatives and all(a["name"]["fr"] for a in d.alternatives)
    assert "ab.emergency_income_support" in [a["id"] for a in d.alternatives]
    assert "Other help you may ask for" in d.text_en and "Autres aides" in d.text_fr
    assert "Citizens' Appeal Panel" in d.text_en and d.appeal and d.appeal["days"] == 30


def test_the_database_refuses_to_edit_a_decision(container: Container, team: Team, ready: uuid.UUID) -> None:
    d = _decide(container, team, ready)
    uow = container.uow()
    with uow, pytest.raises(DecisionImmutableError):  # through the ORM
        row = uow.session.get(Decision, d.id)
        assert row is not None
        row.monthly_amount_cents = 1
        uow.flush()
    uow = container.uow()
    with uow:  # bypassing the ORM
        with pytest.raises(DBAPIError, match="immutable"), uow.session.begin_nested():
            uow.session.execute(update(Decision).where(Decision.id == d.id).values(monthly_amount_cents=1))
        with pytest.raises(DBAPIError, match="immutable"), uow.session.begin_nested():
            uow.session.execute(text("UPDATE decision SET outcome = 'ineligible'"))
        amount = uow.session.scalar(select(Decision.monthly_amount_cents).where(Decision.id == d.id))
        assert amount == 82400


def test_the_supersession_link_is_set_once(container: Container, team: Team, ready: uuid.UUID) -> None:
    d = _decide(container, team, ready)
    uow = container.uow()
    with uow:
        now = container.clock.now()
        with uow.session.begin_nested():
            uow.session.execute(update(Decision).where(Decision.id == d.id).values(superseded_at=now))
        with pytest.raises(DBAPIError, match="immutable"), uow.session.begin_nested():
            uow.session.execute(
                update(Decision).where(Decision.id == d.id).values(superseded_by_id=d.id, superseded_at=now)
            )
            uow.session.execute(update(Decision).where(Decision.id == d.id).values(superseded_by_id=None))


def test_effective_dates_cannot_go_before_the_decision_in_force(
    container: Container, team: Team, ready: uuid.UUID
) -> None:
    first = _decide(container, team, ready)
    applications.reopen_application(
        container.uow(),
        actor=team.officer.actor,
        application_id=ready,
        data=ApplicationStatusChange(reason="check"),
    )
    with pytest.raises(InvalidInput) as err:
        _decide(container, team, ready, effective_from=first.effective_from - dt.timedelta(days=1))
    assert err.value.field == "effective_from"


def test_finance_cannot_decide(container: Container, team: Team, ready: uuid.UUID) -> None:
    with pytest.raises(PermissionDenied):
        decisions.decide_application(
            container.uow(), actor=team.finance.actor, data=DecisionCreate(application_id=ready)
        )
    assert ("decision:make", "denied") in audit_actions(container)
