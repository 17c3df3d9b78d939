"""Parameter overlay use cases: record a new value, approve or refuse it (another person), list, export.

Authorization is ``policy:administer`` for everything; the approver is never the person who recorded
(maker-checker). Each use case is audited. An approval takes effect in this process once it commits
(the packs are process-wide, ``jurisdictions.use_overlays``); other processes read the approved
overlays when they start (``bootstrap``).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop import audit, jurisdictions
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.policy.models import ParameterOverlayRow
from onestop.policy.schemas import OverlayCreate, OverlayDecision, OverlayPublic
from onestop.rules import Pack, Parameter, ParameterOverlay, Source, overlays

SUBJECT = "parameter_overlay"

#: An overlay recorded or decided, handed back as its public view.
_OVERLAYS = audit.Subject.of_row(SUBJECT, OverlayPublic.of)
STATUSES = ("pending", "approved", "refused")


def record_overlay(uow: UnitOfWork, *, actor: Actor, data: OverlayCreate) -> OverlayPublic:
    """Record a new value (pending): checked against the parameter's unit, keys and first date."""
    with uow:
        require(uow, actor, Permission.POLICY_ADMINISTER, subject_type=SUBJECT)
        pack, parameter = parameter_of(data.parameter.strip())
        value = overlays.check_value(parameter, data.value, data.effective)
        row = ParameterOverlayRow(
            id=new_id(),
            created_at=uow.clock.now(),
            jurisdiction=pack.id,
            parameter=parameter.name,
            effective=data.effective,
            value=value,
            source_title=required_text(data.source_title, "source_title", max_len=300),
            source_url=clean_text(data.source_url) or None,
            source_section=clean_text(data.source_section) or None,
            confidence=overlays.check_confidence(data.confidence),
            note=clean_text(data.note) or None,
            status="pending",
            recorded_by=actor.username,
            recorded_by_id=actor.staff_id,
        )
        uow.session.add(row)
        uow.flush()
        details = {"parameter": row.parameter, "effective": row.effective.isoformat()}
        return _OVERLAYS.saved(uow, actor, AuditAction.PARAMETER_OVERLAY_RECORD, row, details=details)


def approve_overlay(
    uow: UnitOfWork, *, actor: Actor, overlay_id: uuid.UUID, data: OverlayDecision
) -> OverlayPublic:
    """A second administrator approves: from its effective date the value is what evaluations read."""
    with uow:
        require(uow, actor, Permission.POLICY_ADMINISTER, subject_type=SUBJECT, subject_id=overlay_id)
        row = _pending(uow, actor, overlay_id, data)
        row.status, row.decided_by, row.decided_by_id = "approved", actor.username, actor.staff_id
        row.decided_at = uow.clock.now()
        uow.flush()
        approved = load_approved(uow.session)
        uow.after_commit(lambda: _use(approved))
        details = {"parameter": row.parameter, "maker": row.recorded_by}
        return _OVERLAYS.saved(uow, actor, AuditAction.PARAMETER_OVERLAY_APPROVE, row, details=details)


def refuse_overlay(
    uow: UnitOfWork, *, actor: Actor, overlay_id: uuid.UUID, data: OverlayDecision
) -> OverlayPublic:
    """A second administrator refuses, with a reason; the value is never used."""
    with uow:
        require(uow, actor, Permission.POLICY_ADMINISTER, subject_type=SUBJECT, subject_id=overlay_id)
        reason = required_text(data.reason, "reason", max_len=4000)
        row = _pending(uow, actor, overlay_id, data)
        row.status, row.decided_by, row.decided_by_id = "refused", actor.username, actor.staff_id
        row.decided_at, row.refusal_reason = uow.clock.now(), reason
        details = {"reason": reason, "maker": row.recorded_by}
        return _OVERLAYS.saved(uow, actor, AuditAction.PARAMETER_OVERLAY_REFUSE, row, details=details)


def list_overlays(
    uow: UnitOfWork, *, actor: Actor, status: str | None = None, jurisdiction: str | None = None
) -> list[OverlayPublic]:
    """Overlays, newest first; filtered by status (pending, approved, refused) and jurisdiction."""
    with uow:
        require(uow, actor, Permission.POLICY_ADMINISTER, subject_type=SUBJECT)
        if status is not None and status not in STATUSES:
            raise InvalidInput("status", f"must be one of {', '.join(STATUSES)}")
        query = select(ParameterOverlayRow).order_by(
            ParameterOverlayRow.created_at.desc(), ParameterOverlayRow.id
        )
        if status:
            query = query.where(ParameterOverlayRow.status == status)
        if jurisdiction:
            query = query.where(ParameterOverlayRow.jurisdiction == jurisdiction)
        rows = [OverlayPublic.of(r) for r in uow.session.scalars(query)]
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARAMETER_OVERLAY_LIST,
            subject_type=SUBJECT,
            subject_id=None,
            details={"status": status, "count": len(rows)},
        )
        uow.commit()
        return rows


def export_overlays(uow: UnitOfWork, *, actor: Actor, jurisdiction: str | None = None) -> str:
    """The approved overlays as YAML entries for each parameter, to fold into the pack at a release."""
    with uow:
        require(uow, actor, Permission.POLICY_ADMINISTER, subject_type=SUBJECT)
        approved = [o for o in load_approved(uow.session) if jurisdiction in (None, _jurisdiction_of(o))]
    parameters = {o.parameter: parameter_of(o.parameter)[1] for o in approved}
    return overlays.overlay_yaml(approved, parameters)


def parameter_of(name: str) -> tuple[Pack, Parameter]:
    """The pack and parameter a qualified name points at; an unknown name is refused naming it."""
    if not name:
        raise InvalidInput("parameter", "is required (for example ab.income_support.core_shelter)")
    for pack in jurisdictions.list_packs():
        if any(name.startswith(p + ".") for p in pack.programs):
            return pack, overlays.find_parameter(pack, name)
    raise InvalidInput("parameter", f"{name!r} is not a parameter of any rule pack")


def load_approved(session: Session) -> list[ParameterOverlay]:
    """Every approved overlay in the engine's form (what the packs lay over their YAML)."""
    query = (
        select(ParameterOverlayRow)
        .where(ParameterOverlayRow.status == "approved")
        .order_by(ParameterOverlayRow.decided_at, ParameterOverlayRow.id)
    )
    return [to_overlay(row) for row in session.scalars(query)]


def load_by_ids(session: Session, ids: Sequence[str]) -> list[ParameterOverlay]:
    """The overlays a decision recorded, whatever has been approved since (for replay)."""
    wanted = [uuid.UUID(i) for i in ids if _is_uuid(i)]
    if not wanted:
        return []
    query = select(ParameterOverlayRow).where(ParameterOverlayRow.id.in_(wanted))
    return [to_overlay(row) for row in session.scalars(query)]


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def to_overlay(row: ParameterOverlayRow) -> ParameterOverlay:
    """A stored row as the engine's overlay (JSON lists back to bracket pairs)."""
    return ParameterOverlay(
        id=str(row.id),
        parameter=row.parameter,
        effective=row.effective,
        value=_from_json(row.value),
        source=Source(row.source_title, row.source_url, row.source_section),
        confidence=row.confidence,
        note=row.note,
    )


def _from_json(value: object) -> object:
    if isinstance(value, dict):  # JSON keys are text; a table keyed by number (children: 0, 1, 2) is not
        return {_number_key(k): _from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [tuple(pair) if isinstance(pair, list) else pair for pair in value]
    return value


def _number_key(key: str) -> str | int:
    return int(key) if key.lstrip("-").isdigit() else key


def _jurisdiction_of(overlay: ParameterOverlay) -> str:
    return parameter_of(overlay.parameter)[0].id


def _pending(
    uow: UnitOfWork, actor: Actor, overlay_id: uuid.UUID, data: OverlayDecision
) -> ParameterOverlayRow:
    row = uow.session.get(ParameterOverlayRow, overlay_id, with_for_update=True)
    if row is None:
        raise NotFound("no such parameter overlay")
    if data.version is not None:
        expect_version(row.version, data.version, what="parameter overlay")
    if row.status != "pending":
        raise InvalidTransition(f"this overlay is already {row.status}")
    same = (
        row.recorded_by_id == actor.staff_id
        if row.recorded_by_id is not None and actor.staff_id is not None
        else row.recorded_by == actor.username
    )
    if same:
        raise PermissionDenied(
            "you cannot approve or refuse a value you recorded; another administrator must"
        )
    return row


def _use(approved: list[ParameterOverlay]) -> None:
    jurisdictions.use_overlays(approved)
