"""A task for the officer when a letter cannot go or comes back (registered with ``onestop.notices``).

The task goes to the person's primary worker, or else to the first office's team queue, so a held
letter always has someone to act on it.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from onestop import notices
from onestop.access import Actor, Office
from onestop.cases.tasks.models import CaseloadAssignment
from onestop.cases.tasks.schemas import TaskCreate
from onestop.cases.tasks.services import create_task
from onestop.db import UnitOfWork

FOLLOW_UP_DAYS = 5


def open_letter_task(
    uow: UnitOfWork, person_id: uuid.UUID, title: str, details: str, source_id: uuid.UUID
) -> None:
    """Inside the caller's transaction: a follow-up task about the letter ``source_id``."""
    worker = uow.session.scalars(
        select(CaseloadAssignment.staff_id).where(
            CaseloadAssignment.person_id == person_id, CaseloadAssignment.ended_on.is_(None)
        )
    ).first()
    office = None if worker else uow.session.scalars(select(Office.id).order_by(Office.created_at)).first()
    if worker is None and office is None:
        return  # no staff at all (an empty database): the failure queue still shows the letter
    create_task(
        uow,
        actor=Actor.system("notices"),
        data=TaskCreate(
            title=title,
            details=details,
            person_id=person_id,
            due_on=uow.clock.today() + dt.timedelta(days=FOLLOW_UP_DAYS),
            assignee_id=worker,
            office_id=office,
            source_type="notice",
            source_id=source_id,
        ),
    )


notices.register_task_opener(open_letter_task)
