"""Real concurrency (separate, committed transactions): two officers deciding one application at the same
moment make ONE decision; two answers to one interview do not overwrite each other."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from onestop.access import Role
from onestop.bootstrap import Container
from onestop.cases import screenings
from onestop.cases.applications import Application
from onestop.cases.decisions import Decision, DecisionCreate, decide_application
from onestop.cases.screenings import ScreeningAnswers, ScreeningStart
from onestop.common.errors import Conflict, DomainError
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.factories import make_office, make_person, make_worker


def _together(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls in threads released by one barrier; their results or the exceptions they raised."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(i: int, call: Callable[[], Any]) -> None:
        barrier.wait()
        try:
            results[i] = call()
        except Exception as err:
            results[i] = err

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results


@pytest.fixture
def c(committed_container: Container, backend: str) -> Container:
    """A container with committed transactions; PostgreSQL only for the races."""
    if backend == "sqlite":
        pytest.skip("write races need a server database: SQLite admits one writer and refuses a stale one")
    return committed_container


def test_two_officers_deciding_at_once_make_one_decision(c: Container) -> None:
    office = make_office(c)
    ann, bob = make_worker(c, Role.OFFICER, office=office), make_worker(c, Role.OFFICER, office=office)
    person = make_person(c)
    app = apply(c, ann.actor, make_unit(c, person)).id
    eligible_single(c, ann.actor, person, app)
    assess(c, ann.actor, app)
    results = _together(
        *(
            lambda w=w: decide_application(c.uow(), actor=w.actor, data=DecisionCreate(application_id=app))
            for w in (ann, bob)
        )
    )
    errors = [r for r in results if isinstance(r, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], DomainError), results
    with c.uow() as uow:
        count = uow.session.scalar(
            select(func.count()).select_from(Decision).where(Decision.application_id == app)
        )
        status = uow.session.get(Application, app).status  # type: ignore[union-attr]
    assert (count, status) == (1, "decided")


def test_two_answers_to_one_interview_at_the_same_version(c: Container) -> None:
    officer = make_worker(c, Role.OFFICER, office=make_office(c))
    started = screenings.start_screening(
        c.uow(), actor=officer.actor, data=ScreeningStart(jurisdiction="ca-ab")
    )
    answers = [{"unit.liquid_assets": "0"}, {"unit.housing": "private"}]
    results = _together(
        *(
            lambda a=a: screenings.answer_screening(
                c.uow(),
                actor=officer.actor,
                session_id=started.id,
                data=ScreeningAnswers(answers=a, version=started.version),
            )
            for a in answers
        )
    )
    assert sum(isinstance(r, Conflict) for r in results) == 1, results
    resumed = screenings.resume_screening(c.uow(), actor=officer.actor, session_id=started.id)
    assert len(resumed.steps) == 2  # the first step and the one answer that won


def test_a_stale_write_of_an_application_is_refused_on_both_databases(committed_container: Container) -> None:
    c = committed_container
    officer = make_worker(c, Role.OFFICER, office=make_office(c))
    app_id: uuid.UUID = apply(c, officer.actor, make_unit(c, make_person(c))).id
    first, second = c.uow(), c.uow()
    with first, second:
        a = first.session.get(Application, app_id)
        b = second.session.get(Application, app_id)
        assert a is not None and b is not None
        second.session.commit()  # end the read (SQLite cannot upgrade a stale read); b stays loaded
        a.status = "in_assessment"
        first.commit()
        b.status = "withdrawn"
        with pytest.raises(Conflict):
            second.commit()
