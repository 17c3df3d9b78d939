"""``require``: the one permission check every service makes, and the audit of each refusal.

A refusal must be kept even though the caller's transaction rolls back (the service raises).
It is written in a separate transaction that starts once the caller's transaction has ended, so
the caller's rollback cannot take it along.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

from sqlalchemy import event
from sqlalchemy.orm import Session, SessionTransaction

from onestop.access.files import check_file
from onestop.access.permissions import Actor, Permission
from onestop.audit import AuditAction, record
from onestop.common.errors import PermissionDenied
from onestop.db import UnitOfWork

_PENDING = "onestop.access.pending_denials"
_LISTENING = "onestop.access.denial_listener"


@dataclass(frozen=True)
class _Denial:
    actor: Actor
    permission: Permission
    subject_type: str | None
    subject_id: object | None
    details: dict[str, object] = field(default_factory=dict)


def require(
    uow: UnitOfWork,
    actor: Actor,
    permission: Permission,
    *,
    subject_type: str | None = None,
    subject_id: object | None = None,
) -> None:
    """Raise ``PermissionDenied`` unless ``actor`` holds ``permission``; a refusal is audited as "denied".

    When the subject is a client's file (a person or a unit, with its id), the file guards
    (``access.files``: conflicts of interest, restricted files) must also let the access through.
    """
    if actor.can(permission):
        refusal = check_file(uow, actor, permission, subject_type, subject_id)
        if refusal is None:
            return
        _deny(uow, _Denial(actor, permission, subject_type, subject_id, refusal.details))
        raise refusal.error
    _deny(uow, _Denial(actor, permission, subject_type, subject_id))
    raise PermissionDenied(f"your role does not allow this ({permission.value})")


def _deny(uow: UnitOfWork, denial: _Denial) -> None:
    try:
        session = uow.session
    except RuntimeError:  # called outside ``with uow``: nothing to wait for
        _write_denials(uow.independent(), [denial])
    else:
        _defer(uow, session, denial)


def _defer(uow: UnitOfWork, session: Session, denial: _Denial) -> None:
    if not session.in_transaction():
        session.begin()  # so that ending the caller's block ends a transaction and fires the hook
    session.info.setdefault(_PENDING, []).append(denial)
    if not session.info.get(_LISTENING):
        session.info[_LISTENING] = True
        event.listen(session, "after_transaction_end", partial(_on_transaction_end, uow.independent()))


def _on_transaction_end(fresh: UnitOfWork, session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None:  # a savepoint ended, not the caller's transaction
        return
    denials = session.info.pop(_PENDING, [])
    if denials:
        _write_denials(fresh, denials)


def _write_denials(uow: UnitOfWork, denials: list[_Denial]) -> None:
    with uow:
        for d in denials:
            record(
                uow,
                actor=d.actor,
                action=AuditAction.denied(d.permission),
                subject_type=d.subject_type,
                subject_id=d.subject_id,
                outcome="denied",
                details={"permission": d.permission.value, "roles": sorted(r.value for r in d.actor.roles)}
                | d.details,
            )
        uow.commit()
