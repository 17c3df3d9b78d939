"""Small helpers the money services share: closed periods, maker-checker, notices, inserts, and how a
kind of record is kept in the audit trail."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from onestop import audit
from onestop.access import Actor
from onestop.audit import AuditAction
from onestop.common.errors import Conflict, PermissionDenied
from onestop.common.ids import new_id
from onestop.db import Entity, UnitOfWork, json_ready
from onestop.money import repository
from onestop.money.domain import month_label
from onestop.money.errors import PeriodClosed
from onestop.money.models import ApprovalRequest, Notice
from onestop.registry import BenefitUnit

T = TypeVar("T")


R = TypeVar("R", bound=Entity)


class Recorded(Generic[R]):
    """One kind of money record in the audit trail: the subject type its events name, and the fields an
    event keeps of it before and after a change (named once, not restated by every service)."""

    def __init__(self, subject_type: str, *names: str) -> None:
        self.subject_type = subject_type
        self.names = names

    def snapshot(self, row: R) -> dict[str, Any]:
        """What the audit trail keeps of ``row``."""
        return audit.fields(row, *self.names)

    def record(
        self,
        uow: UnitOfWork,
        actor: Actor,
        action: AuditAction,
        row: R,
        *,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        """Record ``action`` against ``row``: ``after`` it, its snapshot as it is now unless the change
        names other values, and ``before`` it."""
        audit.record(
            uow,
            actor=actor,
            action=action,
            subject_type=self.subject_type,
            subject_id=row.id,
            before=before,
            after=self.snapshot(row) if after is None else after,
            details=details,
        )

    def saved(self, uow: UnitOfWork, actor: Actor, action: AuditAction, row: R, **event: Any) -> R:
        """End a change of ``row``: ``record`` it (``event``: before, after, details), commit, and return
        the row."""
        self.record(uow, actor, action, row, **event)
        uow.commit()
        return row

    def read(self, uow: UnitOfWork, actor: Actor, action: AuditAction, row: R) -> R:
        """End a read of ``row``: record it against the row, commit, and return the row."""
        return audit.audited_read(
            uow, row, actor=actor, action=action, subject_type=self.subject_type, subject_id=row.id
        )

    def listed(
        self,
        uow: UnitOfWork,
        actor: Actor,
        action: AuditAction,
        found: Sequence[R],
        *,
        within: tuple[str, uuid.UUID | None],
        **details: Any,
    ) -> Sequence[R]:
        """``listed`` rows of this kind."""
        return listed(uow, actor, action, found, kind=self.subject_type, within=within, **details)


def listed(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    found: Sequence[T],
    *,
    kind: str,
    within: tuple[str, uuid.UUID | None],
    purpose: str | None = None,
    **details: Any,
) -> Sequence[T]:
    """End a read of a list of ``kind`` records: record it, counted (after ``details``), against the
    record it was narrowed to (``within``: its subject type and id) or, with no id, against the kind."""
    subject_type, subject_id = within if within[1] is not None else (kind, None)
    return audit.audited_read(
        uow,
        found,
        actor=actor,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        purpose=purpose,
        details={**details, "count": len(found)},
    )


def ensure_open(session: Session, days: Iterable[dt.date], *, field: str) -> None:
    """Refuse any date that falls in a closed accounting month."""
    by_month: dict[str, dt.date] = {}
    for day in days:
        by_month.setdefault(month_label(day), day)
    closed = repository.closed_months(session, by_month)
    if closed:
        raise PeriodClosed(field, by_month[min(closed)])


def is_same_person(actor: Actor, username: str | None, staff_id: uuid.UUID | None) -> bool:
    """Whether ``actor`` is the person who made a request (by staff id, else by username)."""
    if actor.staff_id is not None and staff_id is not None:
        return actor.staff_id == staff_id
    return actor.username == username


def require_named_person(actor: Actor) -> None:
    """Maker-checker needs a person who can be held to the decision, never the system account."""
    if actor.staff_id is None:
        raise PermissionDenied("a named person must approve")


def open_request(
    uow: UnitOfWork,
    actor: Actor,
    *,
    subject_type: str,
    subject_id: uuid.UUID,
    kind: str,
    role: str,
    program: str,
    payment_type: str,
    amount_cents: int,
    reason: str,
    explanation: str,
    nights: int | None = None,
) -> ApprovalRequest:
    """Queue something for a second person: what it is, why it needs approval, the requester's case."""
    from onestop.common.errors import InvalidInput

    if not explanation.strip():
        raise InvalidInput("explanation", "say why this is needed: it goes to an approver")
    request = ApprovalRequest(
        subject_type=subject_type,
        subject_id=subject_id,
        kind=kind,
        needed_role=role,
        program=program,
        payment_type=payment_type,
        amount_cents=amount_cents,
        nights=nights,
        reason=reason,
        explanation=explanation.strip(),
        requested_by=actor.username,
        requested_by_id=actor.staff_id,
        state="pending",
        created_at=uow.clock.now(),
    )
    uow.session.add(request)
    return request


def ensure_unit(session: Session, unit_id: uuid.UUID, *, field: str = "unit_id") -> None:
    """Refuse an unknown benefit unit with a message naming the field."""
    from onestop.common.errors import InvalidInput

    if session.get(BenefitUnit, unit_id) is None:
        raise InvalidInput(field, f"no benefit unit with id {unit_id}")


def add_notice(
    uow: UnitOfWork,
    *,
    kind: str,
    unit_id: uuid.UUID | None,
    subject_type: str,
    subject_id: uuid.UUID,
    payload: dict[str, Any],
) -> None:
    """Queue a notice in the outbox; it is only visible (and sent) once the transaction commits."""
    uow.session.add(
        Notice(
            id=new_id(),
            kind=kind,
            unit_id=unit_id,
            subject_type=subject_type,
            subject_id=subject_id,
            payload=json_ready(payload),
            created_at=uow.clock.now(),
            sent_at=None,
        )
    )


def insert_once(uow: UnitOfWork, record: T, find_existing: Callable[[], T | None]) -> tuple[T, bool]:
    """Insert ``record`` unless its unique key is taken; on a race, return the row that won.

    The insert runs in a savepoint: when a concurrent transaction committed the same key first,
    the unique constraint fires, only the savepoint is rolled back, and the winner is read back.
    """
    session = uow.session
    try:
        with session.begin_nested():
            session.add(record)
            session.flush()
    except IntegrityError:
        existing = find_existing()
        if existing is None:
            raise
        return existing, False
    except OperationalError as err:
        # SQLite refuses a second concurrent writer outright instead of queueing it.
        if "database is locked" not in str(err):
            raise
        raise Conflict("another change is being saved at this moment; try again") from None
    return record, True


def kept(uow: UnitOfWork, value: T) -> T:
    """End a read (or a no-op repeat) by committing and detaching, so the returned records stay loaded.

    Leaving ``with uow`` rolls back, which would expire whatever is still attached to the session.
    """
    uow.commit()
    if getattr(uow, "_depth", 1) <= 1:  # never detach records an enclosing use case still works on
        uow.session.expunge_all()
    return value
