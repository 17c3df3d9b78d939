"""A client in training on both databases: tuition and supports approved, attendance each term, the
missed-attendance rule raising a task, and the officer's finding — confirmed (a change in
circumstances, reassessed through the ordinary review and decision) or excused. No payment changes
by itself."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop import money, partners
from onestop.bootstrap import Container
from onestop.cases import decisions, reviews, tasks
from onestop.cases.decisions import DecisionCreate
from onestop.common.errors import InvalidInput, InvalidTransition
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team, audit_actions


@pytest.fixture
def granted(container: Container, team: Team, person: uuid.UUID) -> decisions.DecisionPublic:
    """An eligible Income Support decision (824.00) made by the team's officer."""
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return out.decision


def _enrol(container: Container, team: Team, person: uuid.UUID) -> partners.TrainingPublic:
    return partners.enrol(
        container.uow(),
        actor=team.officer.actor,
        data=partners.TrainingCreate(
            person_id=person,
            kind="post_secondary",
            institution="College of the North Atlantic",
            program_name="Welding (diploma)",
            starts_on=dt.date(2026, 1, 5),
            ends_on=dt.date(2026, 12, 18),
            tuition="2900.00",  # type: ignore[arg-type]
            supports="450.00",  # type: ignore[arg-type]
            supports_note="Books, tools and a bus pass",
        ),
    )


def _term(term: str, attended: int, start: dt.date = dt.date(2026, 1, 5)) -> partners.AttendanceCreate:
    return partners.AttendanceCreate(
        term=term,
        period_start=start,
        period_end=start + dt.timedelta(days=55),
        scheduled_days=40,
        attended_days=attended,
        received_on=dt.date(2026, 3, 2),
    )


def test_missed_attendance_raises_a_task_and_a_confirmed_one_is_a_change_in_circumstances(
    container: Container, team: Team, person: uuid.UUID, granted: decisions.DecisionPublic
) -> None:
    officer = team.officer.actor
    training = _enrol(container, team, person)
    assert (training.tuition_cents, training.supports_cents, training.attendance) == (2900_00, 450_00, [])

    # 8 of 40 days missed is exactly 20%: within the rule, no task.
    training = partners.record_attendance(
        container.uow(), actor=officer, training_id=training.id, data=_term("Winter 2026", 32)
    )
    [winter] = training.attendance
    assert (winter.flagged, winter.task_id, winter.missed_percent) == (False, None, 20)

    # 9 of 40 missed is over 20%: flagged, with a task for the officer.
    training = partners.record_attendance(
        container.uow(),
        actor=officer,
        training_id=training.id,
        data=_term("Spring 2026", 31, dt.date(2026, 3, 2)),
    )
    spring = training.attendance[0]
    assert (spring.term, spring.flagged, spring.outcome) == ("Spring 2026", True, None)
    task = tasks.get_task(container.uow(), actor=officer, task_id=spring.task_id)  # type: ignore[arg-type]
    assert (task.assignee_id, task.status, task.source_type, task.source_id, task.person_id) == (
        team.officer.id,
        "open",
        "training_attendance",
        spring.id,
        person,
    )
    waiting = partners.flagged_terms(container.uow(), actor=officer)
    assert [t.id for t in waiting] == [training.id]

    # Nothing changes a payment by itself: the entitlement is as decided.
    before = [
        e.amount_cents
        for e in money.list_entitlements(container.uow(), actor=officer, unit_id=granted.unit_id)
    ]

    training = partners.confirm_missed(
        container.uow(),
        actor=officer,
        attendance_id=spring.id,
        data=partners.AttendanceConfirm(
            version=spring.version,
            application_id=granted.application_id,
            note="No reason given; not attending",
        ),
    )
    spring = training.attendance[0]
    assert (spring.outcome, spring.outcome_by) == ("confirmed", officer.username)
    review = reviews.get_review(container.uow(), actor=officer, review_id=spring.review_id)  # type: ignore[arg-type]
    assert (review.kind, review.status, review.category) == ("change", "in_progress", "other")
    assert "9 of 40 days missed in Spring 2026" in (review.description or "")
    assert tasks.get_task(container.uow(), actor=officer, task_id=task.id).status == "done"
    assert partners.flagged_terms(container.uow(), actor=officer) == []
    after = [
        e.amount_cents
        for e in money.list_entitlements(container.uow(), actor=officer, unit_id=granted.unit_id)
    ]
    assert after == before

    # The benefit changes only through the ordinary review and its decision.
    outcome = reviews.conduct_review(
        container.uow(), actor=officer, review_id=review.id, data=reviews.ReviewConduct()
    )
    assert (outcome.review.status, outcome.decision.basis) == ("completed", "change")

    # A finding is made once.
    with pytest.raises(InvalidTransition):
        partners.excuse_missed(
            container.uow(), actor=officer, attendance_id=spring.id, data=partners.AttendanceExcuse(note="x")
        )
    actions = [a for a, _ in audit_actions(container, person)]
    assert {"training:create", "training:attendance_record", "training:attendance_confirm"} <= set(actions)


def test_an_excused_term_changes_nothing_and_bad_input_names_the_field(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    officer = team.officer.actor
    training = _enrol(container, team, person)
    for data, field in [
        (_term("Fall", 41), "attended_days"),
        (_term("Fall", 10).model_copy(update={"scheduled_days": 0}), "scheduled_days"),
        (_term("Fall", 10).model_copy(update={"period_end": dt.date(2025, 1, 1)}), "period_end"),
        (_term("Fall", 10).model_copy(update={"received_on": dt.date(2026, 3, 3)}), "received_on"),
        (_term(" ", 10), "term"),
    ]:
        with pytest.raises(InvalidInput) as err:
            partners.record_attendance(container.uow(), actor=officer, training_id=training.id, data=data)
        assert err.value.field == field
    assert partners.get_training(container.uow(), actor=officer, training_id=training.id).attendance == []

    training = partners.record_attendance(
        container.uow(), actor=officer, training_id=training.id, data=_term("Winter 2026", 20)
    )
    [winter] = training.attendance
    with pytest.raises(InvalidInput) as err:  # the same term twice
        partners.record_attendance(
            container.uow(), actor=officer, training_id=training.id, data=_term("winter 2026", 40)
        )
    assert err.value.field == "term"
    with pytest.raises(InvalidInput) as err:  # confirming needs a real application
        partners.confirm_missed(
            container.uow(),
            actor=officer,
            attendance_id=winter.id,
            data=partners.AttendanceConfirm(application_id=uuid.uuid4(), note="x"),
        )
    training = partners.excuse_missed(
        container.uow(),
        actor=officer,
        attendance_id=winter.id,
        data=partners.AttendanceExcuse(version=winter.version, note="Hospital stay; doctor's note on file"),
    )
    assert (training.attendance[0].outcome, training.attendance[0].review_id) == ("excused", None)
    assert tasks.get_task(container.uow(), actor=officer, task_id=winter.task_id).status == "done"  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as err:
        partners.enrol(
            container.uow(),
            actor=officer,
            data=partners.TrainingCreate(
                person_id=person,
                kind="gap_year",
                institution="X",
                program_name="Y",
                starts_on=dt.date(2026, 1, 1),
                ends_on=dt.date(2026, 2, 1),
                tuition=0,
            ),
        )
    assert err.value.field == "kind"
    assert len(partners.person_training(container.uow(), actor=officer, person_id=person)) == 1
