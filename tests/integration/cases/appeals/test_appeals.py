"""Appeals on both databases: the filing deadline, hearing, outcomes, and the decision that follows."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import money
from onestop.bootstrap import Container
from onestop.cases import appeals, decisions
from onestop.cases.appeals import AppealCreate, AppealDecide, AppealResult, AppealWithdraw, HearingSchedule
from onestop.cases.decisions import DecisionCreate
from onestop.common.clock import FixedClock
from onestop.common.errors import InvalidInput, InvalidTransition
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team, audit_actions


@pytest.fixture
def refusal(container: Container, team: Team, person: uuid.UUID) -> decisions.DecisionPublic:
    """A refusal (verified income too high) decided today."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app, income="3000.00")
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None and out.decision.outcome == "ineligible"
    return out.decision


def _file(container: Container, team: Team, decision: uuid.UUID, **kw: object) -> appeals.AppealPublic:
    data = AppealCreate(decision_id=decision, grounds="my job ended the week I applied", **kw)  # type: ignore[arg-type]
    return appeals.file_appeal(container.uow(), actor=team.officer.actor, data=data)


def _hear(container: Container, team: Team, appeal: uuid.UUID) -> appeals.AppealPublic:
    when = container.clock.today() + dt.timedelta(days=14)
    data = HearingSchedule(hearing_on=when, panel=["A. Chair", "B. Member", "C. Member"], location="Edmonton")
    heard = appeals.schedule_hearing(container.uow(), actor=team.officer.actor, appeal_id=appeal, data=data)
    container.clock.advance(dt.timedelta(days=14))  # the day of the hearing
    return heard


def test_filing_within_the_deadline_and_late(
    container: Container, team: Team, refusal: decisions.DecisionPublic
) -> None:
    container.clock.advance(dt.timedelta(days=31))
    with pytest.raises(InvalidInput, match="past the deadline") as err:
        _file(container, team, refusal.id)
    assert err.value.field == "late_reason"
    late = _file(container, team, refusal.id, late_reason="in hospital until yesterday")
    assert (late.late, late.deadline, late.status) == (True, refusal.appeal_deadline, "filed")
    with pytest.raises(InvalidTransition):  # one appeal at a time
        _file(container, team, refusal.id, late_reason="again")
    assert ("appeal:file", "ok") in audit_actions(container, late.id)


def test_an_upheld_appeal_leaves_the_decision(
    container: Container, team: Team, refusal: decisions.DecisionPublic
) -> None:
    appeal = _file(container, team, refusal.id)
    assert appeal.late is False
    with pytest.raises(InvalidTransition):  # no outcome before a hearing
        appeals.record_outcome(
            container.uow(),
            actor=team.officer.actor,
            appeal_id=appeal.id,
            data=AppealDecide(outcome="upheld", reason="x"),
        )
    heard = _hear(container, team, appeal.id)
    assert heard.panel == ["A. Chair", "B. Member", "C. Member"]
    out = appeals.record_outcome(
        container.uow(),
        actor=team.officer.actor,
        appeal_id=appeal.id,
        data=AppealDecide(outcome="upheld", reason="the income was received in the month applied"),
    )
    assert (out.appeal.status, out.appeal.outcome, out.decision) == ("decided", "upheld", None)
    current = decisions.get_decision(container.uow(), actor=team.officer.actor, decision_id=refusal.id)
    assert current.superseded_by_id is None
    with pytest.raises(InvalidTransition):
        appeals.record_outcome(
            container.uow(),
            actor=team.officer.actor,
            appeal_id=appeal.id,
            data=AppealDecide(outcome="overturned", reason="twice"),
        )


def test_an_overturned_refusal_makes_a_new_eligible_decision(
    container: Container, team: Team, refusal: decisions.DecisionPublic
) -> None:
    appeal = _file(container, team, refusal.id)
    _hear(container, team, appeal.id)
    with pytest.raises(InvalidInput) as err:  # the rules computed no amount: the panel must set one
        data = AppealDecide(outcome="overturned", reason="income had ended")
        appeals.record_outcome(container.uow(), actor=team.officer.actor, appeal_id=appeal.id, data=data)
    assert err.value.field == "result.monthly_amount"
    out = appeals.record_outcome(
        container.uow(),
        actor=team.officer.actor,
        appeal_id=appeal.id,
        data=AppealDecide(
            outcome="overturned", reason="income had ended", result=AppealResult(monthly_amount="824.00")
        ),
    )
    d = out.decision
    assert d is not None
    assert (d.basis, d.outcome, d.action, d.monthly_amount) == ("appeal", "eligible", "grant", "824.00")
    assert (d.supersedes_id, d.source_id, d.effective_from) == (refusal.id, appeal.id, refusal.effective_from)
    assert d.overridden and d.override_reason and d.override_reason.startswith("appeal overturned")
    assert d.approved_by and "A. Chair" in d.approved_by
    assert d.computed_status == "ineligible"  # what the rules said stays beside the panel's result
    [ent] = money.list_entitlements(container.uow(), actor=team.officer.actor, unit_id=d.unit_id)
    assert (ent.amount_cents, ent.decision_id) == (82400, d.id)
    assert out.appeal.resulting_decision_id == d.id


def test_a_superseded_decision_cannot_be_appealed_and_an_appeal_can_be_withdrawn(
    container: Container, team: Team, refusal: decisions.DecisionPublic
) -> None:
    appeal = _file(container, team, refusal.id)
    _hear(container, team, appeal.id)
    varied = appeals.record_outcome(
        container.uow(),
        actor=team.officer.actor,
        appeal_id=appeal.id,
        data=AppealDecide(
            outcome="varied",
            reason="partial month",
            result=AppealResult(outcome="eligible", monthly_amount="400.00"),
        ),
    )
    assert varied.decision is not None and varied.decision.monthly_amount == "400.00"
    with pytest.raises(InvalidTransition, match="superseded"):
        _file(container, team, refusal.id)
    second = _file(container, team, varied.decision.id)
    with pytest.raises(InvalidInput):
        appeals.withdraw_appeal(
            container.uow(), actor=team.officer.actor, appeal_id=second.id, data=AppealWithdraw(reason=" ")
        )
    gone = appeals.withdraw_appeal(
        container.uow(),
        actor=team.officer.actor,
        appeal_id=second.id,
        data=AppealWithdraw(reason="satisfied"),
    )
    assert gone.status == "withdrawn"
    with pytest.raises(InvalidTransition):
        _hear(container, team, second.id)


#: 19:30 in Edmonton on 2 March: 02:30 UTC on 3 March (the decision's stored time is already tomorrow).
EVENING = FixedClock(dt.datetime(2026, 3, 3, 2, 30, tzinfo=dt.UTC), zone="America/Edmonton")


@pytest.mark.parametrize("clock", [EVENING])
def test_an_appeal_on_the_evening_of_the_decision_west_of_utc(
    container: Container, team: Team, refusal: decisions.DecisionPublic
) -> None:
    assert container.clock.today() == dt.date(2026, 3, 2)
    filed = _file(container, team, refusal.id)
    assert filed.filed_on == dt.date(2026, 3, 2)
