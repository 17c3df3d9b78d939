"""Tasks on both databases: creation, assignment rights, transitions, locking and the working lists."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from onestop.bootstrap import Container
from onestop.cases import tasks
from onestop.cases.tasks import TaskClose, TaskCreate, TaskReassign
from onestop.common.clock import FixedClock
from onestop.common.errors import Conflict, InvalidInput, InvalidTransition, PermissionDenied
from tests.integration.cases.conftest import Team, audit_actions

TODAY = dt.date(2026, 3, 2)


def _new(container: Container, team: Team, **kw: object) -> tasks.TaskPublic:
    data = TaskCreate.model_validate({"title": "Call back about rent", "due_on": TODAY, **kw})
    return tasks.create_task(container.uow(), actor=team.officer.actor, data=data)


def test_a_task_without_assignee_goes_to_its_creator_and_is_audited(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    task = _new(container, team, person_id=person, kind="callback", priority="high")
    assert (task.assignee_id, task.status, task.bucket, task.kind) == (
        team.officer.id,
        "open",
        "due_today",
        "callback",
    )
    assert audit_actions(container, task.id) == [("task:create", "ok")]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"due_on": TODAY - dt.timedelta(days=1)}, "due_on"),
        ({"kind": "chores"}, "kind"),
        ({"priority": "whenever"}, "priority"),
        ({"title": "   "}, "title"),
        ({"assignee_id": uuid.uuid4()}, "assignee_id"),
    ],
)
def test_bad_input_names_the_field_and_stores_nothing(
    container: Container, team: Team, change: dict[str, object], field: str
) -> None:
    actor = team.supervisor.actor if field == "assignee_id" else team.officer.actor
    data = TaskCreate.model_validate({"title": "x", "due_on": TODAY} | change)
    with pytest.raises(InvalidInput) as err:
        tasks.create_task(container.uow(), actor=actor, data=data)
    assert err.value.field == field
    listing = tasks.list_tasks(container.uow(), actor=team.officer.actor, view="all")
    assert listing.items == []


def test_giving_a_task_to_a_colleague_needs_task_assign(container: Container, team: Team) -> None:
    with pytest.raises(PermissionDenied):
        _new(container, team, assignee_id=team.colleague.id)
    assert ("task:assign", "denied") in audit_actions(container)
    # the officer's own team is fine; a supervisor may give it to anyone
    team_task = _new(container, team, office_id=team.office.id)
    assert (team_task.assignee_id, team_task.office_id) == (None, team.office.id)
    data = TaskCreate(title="Check lease", due_on=TODAY, assignee_id=team.colleague.id)
    given = tasks.create_task(container.uow(), actor=team.supervisor.actor, data=data)
    assert given.assignee_id == team.colleague.id


def test_complete_then_complete_again_is_an_invalid_transition(container: Container, team: Team) -> None:
    task = _new(container, team)
    done = tasks.complete_task(
        container.uow(),
        actor=team.officer.actor,
        task_id=task.id,
        data=TaskClose(version=task.version, note="ok"),
    )
    assert (done.status, done.closed_by, done.bucket, done.close_note) == (
        "done",
        team.officer.actor.username,
        "closed",
        "ok",
    )
    with pytest.raises(InvalidTransition):
        tasks.complete_task(container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose())
    with pytest.raises(InvalidTransition):
        tasks.cancel_task(
            container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose(note="x")
        )


def test_cancelling_needs_a_reason(container: Container, team: Team) -> None:
    task = _new(container, team)
    with pytest.raises(InvalidInput) as err:
        tasks.cancel_task(container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose())
    assert err.value.field == "note"
    cancelled = tasks.cancel_task(
        container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose(note="client moved away")
    )
    assert cancelled.status == "cancelled"


def test_a_stale_version_is_a_conflict_and_changes_nothing(container: Container, team: Team) -> None:
    task = _new(container, team)
    tasks.reassign_task(
        container.uow(),
        actor=team.supervisor.actor,
        task_id=task.id,
        data=TaskReassign(version=task.version, assignee_id=team.colleague.id),
    )
    with pytest.raises(Conflict):
        tasks.complete_task(
            container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose(version=task.version)
        )
    assert tasks.get_task(container.uow(), actor=team.officer.actor, task_id=task.id).status == "open"


def test_reassigning_is_for_supervisors_and_only_open_tasks(container: Container, team: Team) -> None:
    task = _new(container, team)
    with pytest.raises(PermissionDenied):
        tasks.reassign_task(
            container.uow(),
            actor=team.officer.actor,
            task_id=task.id,
            data=TaskReassign(assignee_id=team.colleague.id),
        )
    tasks.cancel_task(container.uow(), actor=team.officer.actor, task_id=task.id, data=TaskClose(note="dup"))
    with pytest.raises(InvalidTransition):
        tasks.reassign_task(
            container.uow(),
            actor=team.supervisor.actor,
            task_id=task.id,
            data=TaskReassign(assignee_id=team.colleague.id),
        )


def test_due_today_and_overdue_follow_the_clock(container: Container, team: Team, clock: FixedClock) -> None:
    today = _new(container, team, title="today")
    tomorrow = _new(container, team, title="tomorrow", due_on=TODAY + dt.timedelta(days=1))
    later = _new(container, team, title="next week", due_on=TODAY + dt.timedelta(days=7), priority="urgent")
    officer = team.officer.actor
    assert [t.id for t in tasks.list_tasks(container.uow(), actor=officer, view="due_today").items] == [
        today.id
    ]
    assert tasks.list_tasks(container.uow(), actor=officer, view="overdue").items == []
    clock.advance(dt.timedelta(days=2))
    overdue = tasks.list_tasks(container.uow(), actor=officer, view="overdue")
    assert [t.id for t in overdue.items] == [today.id, tomorrow.id]
    assert {t.bucket for t in overdue.items} == {"overdue"}
    assert overdue.today == TODAY + dt.timedelta(days=2)
    assert [t.id for t in tasks.list_tasks(container.uow(), actor=officer).items] == [
        today.id,
        tomorrow.id,
        later.id,
    ]
    team_view = tasks.list_tasks(container.uow(), actor=officer, assignee_id=team.colleague.id)
    assert team_view.items == []


def test_finance_cannot_browse_tasks(container: Container, team: Team) -> None:
    with pytest.raises(PermissionDenied):
        tasks.list_tasks(container.uow(), actor=team.finance.actor)


def test_concurrent_changes_to_one_task_do_not_lose_either(committed_container: Container) -> None:
    """Two officers load the same task; the second writer gets a Conflict instead of overwriting."""
    from tests.integration.cases.factories import make_office, make_worker

    c = committed_container
    office = make_office(c)
    officer = make_worker(c, office=office)
    task = tasks.create_task(c.uow(), actor=officer.actor, data=TaskCreate(title="t", due_on=TODAY))
    first, second = c.uow(), c.uow()
    with first, second:
        a = first.session.get(tasks.Task, task.id)
        b = second.session.get(tasks.Task, task.id)
        assert a is not None and b is not None
        second.session.commit()  # end the read (SQLite cannot upgrade a stale read); b stays loaded
        a.priority = "urgent"
        first.commit()
        b.title = "changed meanwhile"
        with pytest.raises(Conflict):
            second.commit()
    stored = tasks.get_task(c.uow(), actor=officer.actor, task_id=task.id)
    assert (stored.priority, stored.title, stored.version) == ("urgent", "t", 2)
