"""Special authorization requests: recorded as submitted, decided (approved with an expiry, or denied),
followed up before expiry by a task in the officer's list, and what the client was told.

The officer "scrutinizes and tracks the status of special authorization requests" (NL job profile);
the decision itself is the drug program's, recorded here with its reason.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import required_text
from onestop.db import UnitOfWork
from onestop.health import domain, terms
from onestop.health.changes import to_change
from onestop.health.coverage import covering
from onestop.health.domain import AuthorizationStatus
from onestop.health.follow_ups import follow_up_task
from onestop.health.models import SpecialAuthorization
from onestop.health.repository import HealthRepository
from onestop.health.schemas import (
    AuthorizationCreate,
    AuthorizationDecide,
    AuthorizationPublic,
    AuthorizationTold,
    AuthorizationWithdraw,
)
from onestop.registry import merged_record_ids

SUBJECT = "health_authorization"
_AUTHORIZATIONS = audit.Subject.of_row(SUBJECT, AuthorizationPublic.model_validate)


def submit_authorization(uow: UnitOfWork, *, actor: Actor, data: AuthorizationCreate) -> AuthorizationPublic:
    """Record a request; refused (422) when the person has no drug coverage on the day it is submitted."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        today = uow.clock.today()
        submitted = data.submitted_on or today
        if submitted > today:
            raise InvalidInput("submitted_on", "must not be in the future")
        din = domain.din(data.din, field="din")
        drug = required_text(data.drug_name, "drug_name", max_len=200)
        prescriber = required_text(data.prescriber, "prescriber", max_len=200)
        reason = required_text(data.reason, "reason", max_len=4000)
        ids, coverage = covering(uow, data.person_id, submitted, what="a special authorization")
        row = SpecialAuthorization(
            id=new_id(),
            person_id=ids[0],
            coverage_id=coverage.id,
            din=din,
            drug_name=drug,
            prescriber=prescriber,
            reason=reason,
            submitted_on=submitted,
            status=AuthorizationStatus.SUBMITTED.value,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        HealthRepository(uow.session).add(row)
        return _AUTHORIZATIONS.saved(
            uow, actor, AuditAction.AUTHORIZATION_SUBMIT, row, after={"din": din, "submitted_on": submitted}
        )


def decide_authorization(
    uow: UnitOfWork, *, actor: Actor, authorization_id: uuid.UUID, data: AuthorizationDecide
) -> AuthorizationPublic:
    """Record the decision; an approval with an expiry creates the follow-up task before it lapses."""
    with uow:
        outcome = AuthorizationStatus(data.outcome)
        row = _open(uow, actor, authorization_id, data.version, outcome)
        reason = required_text(data.reason, "reason", max_len=4000)
        decided = data.decided_on or uow.clock.today()
        if decided < row.submitted_on or decided > uow.clock.today():
            raise InvalidInput("decided_on", "must be between the submission date and today")
        if outcome is AuthorizationStatus.DENIED and data.expires_on is not None:
            raise InvalidInput("expires_on", "a denied request has no expiry")
        if data.expires_on is not None and data.expires_on <= decided:
            raise InvalidInput("expires_on", "must be after the decision date")
        row.status, row.decision_reason, row.decided_on = outcome.value, reason, decided
        row.expires_on, row.decided_by = data.expires_on, actor.username
        if data.expires_on is not None:
            row.follow_up_task_id = _follow_up(uow, actor, row, data.expires_on)
        return _AUTHORIZATIONS.saved(
            uow,
            actor,
            AuditAction.AUTHORIZATION_DECIDE,
            row,
            after={"status": row.status, "expires_on": row.expires_on, "task_id": row.follow_up_task_id},
        )


def _follow_up(uow: UnitOfWork, actor: Actor, row: SpecialAuthorization, expires_on: dt.date) -> uuid.UUID:
    """Due some days (configured) before the expiry, so a renewal can be asked for in time."""
    return follow_up_task(
        uow,
        actor,
        title=f"Special authorization for {row.drug_name} expires {expires_on.isoformat()}",
        details="Ask the prescriber whether a renewal is needed and tell the client.",
        person_id=row.person_id,
        due_on=expires_on - dt.timedelta(days=terms.config().follow_up_days),
        source=(SUBJECT, row.id),
    )


def record_client_told(
    uow: UnitOfWork, *, actor: Actor, authorization_id: uuid.UUID, data: AuthorizationTold
) -> AuthorizationPublic:
    """What the officer explained to the client about the request (any status)."""
    with uow:
        row = to_change(uow, actor, SpecialAuthorization, authorization_id, data.version, SUBJECT)
        row.client_told = required_text(data.told, "told", max_len=4000)
        row.client_told_on = data.told_on or uow.clock.today()
        return _AUTHORIZATIONS.saved(
            uow, actor, AuditAction.AUTHORIZATION_CLIENT_TOLD, row, after={"told_on": row.client_told_on}
        )


def withdraw_authorization(
    uow: UnitOfWork, *, actor: Actor, authorization_id: uuid.UUID, data: AuthorizationWithdraw
) -> AuthorizationPublic:
    """The request is withdrawn before a decision."""
    with uow:
        reason = required_text(data.reason, "reason")
        row = _open(uow, actor, authorization_id, data.version, AuthorizationStatus.WITHDRAWN)
        row.status, row.decision_reason = AuthorizationStatus.WITHDRAWN.value, reason
        return _AUTHORIZATIONS.saved(
            uow, actor, AuditAction.AUTHORIZATION_WITHDRAW, row, details={"reason": reason}
        )


def _open(
    uow: UnitOfWork,
    actor: Actor,
    authorization_id: uuid.UUID,
    version: int | None,
    target: AuthorizationStatus,
) -> SpecialAuthorization:
    row = to_change(uow, actor, SpecialAuthorization, authorization_id, version, SUBJECT)
    domain.check_authorization_move(row.status, target)
    return row


def list_authorizations(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[AuthorizationPublic]:
    """A person's requests, newest first."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type="person", subject_id=person_id)
        rows = HealthRepository(uow.session).for_people(
            SpecialAuthorization, merged_record_ids(uow, person_id)
        )
        return _AUTHORIZATIONS.listed(uow, actor, AuditAction.AUTHORIZATION_LIST, rows, ("person", person_id))
