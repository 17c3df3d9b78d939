"""Tasks a partners rule raises for the person's worker (a missed-attendance finding, an after-hours
handover): the rule, not the officer at the keyboard, chooses who gets the task, so giving it to the
person's primary worker or office needs no ``task:assign`` of the caller."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

from onestop.access import Actor, Permission
from onestop.cases import tasks
from onestop.db import UnitOfWork


def rule_task(
    uow: UnitOfWork,
    actor: Actor,
    *,
    person_id: uuid.UUID,
    title: str,
    details: str,
    due_on: dt.date,
    source: tuple[str, uuid.UUID],
    fallback_staff: uuid.UUID | None,
    fallback_office: uuid.UUID | None,
) -> tasks.TaskPublic:
    """A high-priority task for the person's current primary worker, else ``fallback_staff``, else the
    ``fallback_office`` team (inside the caller's transaction)."""
    current = [a for a in tasks.worker_history(uow, actor=actor, person_id=person_id) if a.ended_on is None]
    assignee = current[0].staff_id if current else fallback_staff
    office = None if assignee is not None else fallback_office
    by_rule = dataclasses.replace(actor, permissions=actor.permissions | {Permission.TASK_ASSIGN})
    return tasks.create_task(
        uow,
        actor=by_rule,
        data=tasks.TaskCreate(
            kind="follow_up",
            title=title[:200],
            details=details[:4000],
            person_id=person_id,
            due_on=due_on,
            priority="high",
            assignee_id=assignee,
            office_id=office,
            source_type=source[0],
            source_id=source[1],
        ),
    )
