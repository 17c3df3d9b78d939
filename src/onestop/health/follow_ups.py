"""The follow-up tasks health work leaves for the officer (a special authorization about to expire, a
trip to check on after the return date): one place that turns them into case tasks."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop.access import Actor
from onestop.cases.tasks import TaskCreate, create_task
from onestop.db import UnitOfWork


def follow_up_task(
    uow: UnitOfWork,
    actor: Actor,
    *,
    title: str,
    details: str,
    person_id: uuid.UUID,
    due_on: dt.date,
    source: tuple[str, uuid.UUID],
) -> uuid.UUID:
    """A task for the deciding officer, due on the day given but never before today (a late decision
    would otherwise leave a task that is overdue the moment it is made)."""
    source_type, source_id = source
    task = create_task(
        uow,
        actor=actor,
        data=TaskCreate(
            kind="follow_up",
            title=title,
            details=details,
            person_id=person_id,
            due_on=max(uow.clock.today(), due_on),
            source_type=source_type,
            source_id=source_id,
        ),
    )
    return task.id
