"""Screening interviews on both databases: append-only steps, resume, link to a person, from screening
to application."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import func, select

from onestop.bootstrap import Container
from onestop.cases import applications, screenings
from onestop.cases.screenings import (
    ScreeningAnswers,
    ScreeningComplete,
    ScreeningLink,
    ScreeningStart,
    ScreeningStep,
)
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from tests.integration.cases.applications.builders import apply, make_unit
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person

FIRST = {"people[p1].role": "applicant", "people[p1].age": 34, "unit.resident_of_province": True}


def _start(container: Container, team: Team, **kw: object) -> screenings.ScreeningPublic:
    data = ScreeningStart(jurisdiction="ca-ab", **kw)  # type: ignore[arg-type]
    return screenings.start_screening(container.uow(), actor=team.officer.actor, data=data)


def _answer(
    container: Container, team: Team, sid: uuid.UUID, answers: dict[str, object], **kw: object
) -> screenings.ScreeningPublic:
    data = ScreeningAnswers(answers=answers, **kw)  # type: ignore[arg-type]
    return screenings.answer_screening(container.uow(), actor=team.officer.actor, session_id=sid, data=data)


def test_an_anonymous_interview_asks_who_is_there_first(container: Container, team: Team) -> None:
    started = _start(container, team)
    assert (started.person_id, started.status, len(started.steps)) == (None, "open", 1)
    assert started.next_questions[0].path == "people[p1].role"
    assert started.next_questions[0].question["fr"]
    assert started.results  # every catalogue program, with its status
    assert ("screening:start", "ok") in audit_actions(container, started.id)


def test_each_answer_appends_a_step_with_the_screeners_result(container: Container, team: Team) -> None:
    started = _start(container, team, answers=FIRST)
    asked = [q.path for q in started.next_questions]
    later = _answer(
        container, team, started.id, {"unit.liquid_assets": "0", "unit.client_type": "expected_to_work"}
    )
    assert [s.seq for s in later.steps] == [0, 1]
    assert later.steps[0].answers == FIRST
    assert later.steps[1].answers == {"unit.liquid_assets": "0.00", "unit.client_type": "expected_to_work"}
    assert later.steps[1].asked == asked  # what the officer was prompted with before answering
    assert later.answers == FIRST | later.steps[1].answers
    assert later.case["people"] == [{"id": "p1", "role": "applicant", "age": 34}]
    income = next(r for r in later.results if r["program"] == "ab.income_support")
    assert income["reasons"]["en"] is not None and "fr" in income["reasons"] and income["name"]["fr"]
    assert "unit.liquid_assets" not in [q.path for q in later.next_questions]
    first = later.steps[0].result["programs"]
    assert first != later.steps[1].result["programs"]  # the earlier result is kept as it was


def test_resume_returns_the_case_so_far(container: Container, team: Team) -> None:
    started = _start(container, team, answers=FIRST)
    resumed = screenings.resume_screening(container.uow(), actor=team.colleague.actor, session_id=started.id)
    assert resumed.answers == FIRST and resumed.next_questions == started.next_questions
    assert ("screening:read", "ok") in audit_actions(container, started.id)
    with pytest.raises(NotFound):
        screenings.resume_screening(container.uow(), actor=team.officer.actor, session_id=uuid.uuid4())


def test_bad_answers_name_the_question_and_store_nothing(container: Container, team: Team) -> None:
    started = _start(container, team)
    for answers in ({"unit.liquid_assets": "a lot"}, {"unit.colour": "blue"}, {"people[p1].role": "boss"}):
        with pytest.raises(InvalidInput) as err:
            _answer(container, team, started.id, answers)
        assert err.value.field.startswith("answers")
    uow = container.uow()
    with uow:
        count = uow.session.scalar(
            select(func.count()).select_from(ScreeningStep).where(ScreeningStep.session_id == started.id)
        )
    assert count == 1


def test_a_stale_answer_is_refused(container: Container, team: Team) -> None:
    started = _start(container, team)
    _answer(container, team, started.id, FIRST, version=started.version)
    with pytest.raises(Conflict):
        _answer(container, team, started.id, {"unit.liquid_assets": "0"}, version=started.version)


def test_link_once_then_complete(container: Container, team: Team, person: uuid.UUID) -> None:
    started = _start(container, team, answers=FIRST)
    linked = screenings.link_screening(
        container.uow(), actor=team.officer.actor, session_id=started.id, data=ScreeningLink(person_id=person)
    )
    assert linked.person_id == person
    again = screenings.link_screening(
        container.uow(), actor=team.officer.actor, session_id=started.id, data=ScreeningLink(person_id=person)
    )
    assert again.version == linked.version
    with pytest.raises(InvalidTransition):
        screenings.link_screening(
            container.uow(),
            actor=team.officer.actor,
            session_id=started.id,
            data=ScreeningLink(person_id=make_person(container)),
        )
    done = screenings.complete_screening(
        container.uow(), actor=team.officer.actor, session_id=started.id, data=ScreeningComplete()
    )
    assert done.status == "completed"
    with pytest.raises(InvalidTransition):
        _answer(container, team, started.id, {"unit.liquid_assets": "0"})
    with pytest.raises(InvalidTransition):
        screenings.complete_screening(
            container.uow(), actor=team.officer.actor, session_id=started.id, data=ScreeningComplete()
        )
    mine = screenings.list_screenings(container.uow(), actor=team.officer.actor, person_id=person)
    assert [s.id for s in mine] == [started.id]


def test_an_application_carries_the_answers_over_as_unverified_facts(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    started = _start(
        container, team, answers=FIRST | {"unit.liquid_assets": "20", "people[p1].monthly_other_income": "0"}
    )
    app = apply(container, team.officer.actor, make_unit(container, person), screening_session_id=started.id)
    facts = applications.list_facts(container.uow(), actor=team.officer.actor, application_id=app.id)
    assert {f.path: (f.value, f.source, f.verified) for f in facts} == {
        "unit.liquid_assets": ("20.00", "screening", False),
        "unit.resident_of_province": (True, "screening", False),
        f"people[{person}].monthly_other_income": ("0.00", "screening", False),
    }  # role and age stay the registry's
    with pytest.raises(InvalidInput) as err:
        apply(
            container,
            team.officer.actor,
            make_unit(container, make_person(container)),
            program="nl.income_support",
            screening_session_id=started.id,
        )
    assert err.value.field in ("program", "screening_session_id")
