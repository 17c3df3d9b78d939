"""65Plus for landed-immigrant seniors: the path the NL officer approves or denies alone ("approving or
denying 65+ coverage for landed immigrants", NL job profile).

The claim records the known conditions (age, landed immigrant, not already on OAS and GIS), each met,
not met or unknown, and the reference's gaps by name. Approving while a known condition is not met is
refused: that is beyond the officer's authority ("if the client does not meet the specific requirements
... supervisory approval is required"). An approval starts a 65Plus coverage period.
"""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.health import domain
from onestop.health.coverage import new_period
from onestop.health.domain import Plan, SeniorClaimStatus
from onestop.health.models import SeniorClaim
from onestop.health.repository import HealthRepository
from onestop.health.schemas import SeniorClaimCreate, SeniorClaimDecide, SeniorClaimPublic
from onestop.registry import Person, merged_record_ids

SUBJECT = "health_senior_claim"
_SENIOR_CLAIMS = audit.Subject.of_row(SUBJECT, SeniorClaimPublic.model_validate)
PROGRAM = "nl.nlpdp.65plus"


def receive_senior_claim(uow: UnitOfWork, *, actor: Actor, data: SeniorClaimCreate) -> SeniorClaimPublic:
    """Record the claim with its conditions as known today and the reference's gaps."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        ids = merged_record_ids(uow, data.person_id)
        today = uow.clock.today()
        received = data.received_on or today
        if received > today:
            raise InvalidInput("received_on", "must not be in the future")
        person = uow.session.get(Person, ids[0])
        assert person is not None
        conditions = domain.senior_conditions(
            person.birth_date, received, data.landed_immigrant, data.receives_oas, data.receives_gis
        )
        row = SeniorClaim(
            id=new_id(),
            person_id=ids[0],
            received_on=received,
            landed_immigrant=data.landed_immigrant,
            receives_oas=data.receives_oas,
            receives_gis=data.receives_gis,
            conditions=conditions,
            gaps=list(domain.SENIOR_GAPS),
            note=clean_text(data.note) or None,
            status=SeniorClaimStatus.RECEIVED.value,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        HealthRepository(uow.session).add(row)
        return _SENIOR_CLAIMS.saved(
            uow,
            actor,
            AuditAction.SENIOR_CLAIM_RECEIVE,
            row,
            after={"failed": domain.failed_conditions(conditions)},
        )


def decide_senior_claim(
    uow: UnitOfWork, *, actor: Actor, claim_id: uuid.UUID, data: SeniorClaimDecide
) -> SeniorClaimPublic:
    """Approve (starting 65Plus coverage) or deny, with the reasons."""
    with uow:
        require(uow, actor, Permission.DECISION_MAKE, subject_type=SUBJECT, subject_id=claim_id)
        reason = required_text(data.reason, "reason", max_len=4000)
        repo = HealthRepository(uow.session)
        row = repo.get(SeniorClaim, claim_id, for_update=True)
        expect_version(row.version, data.version, what="65Plus claim")
        if row.status != SeniorClaimStatus.RECEIVED:
            raise InvalidTransition(f"a claim that is {row.status} cannot be decided again")
        outcome = SeniorClaimStatus(data.outcome)
        today = uow.clock.today()
        if outcome is SeniorClaimStatus.APPROVED:
            failed = domain.failed_conditions(row.conditions)
            if failed:
                raise InvalidInput(
                    "outcome",
                    f"not met: {', '.join(failed)}; approving anyway needs a supervisor's approval",
                )
            if repo.active_coverage(merged_record_ids(uow, row.person_id), Plan.SIXTY_FIVE_PLUS.value):
                raise InvalidTransition("the person already has 65Plus coverage")
            start = data.start_on or today
            period = new_period(uow, actor, row.person_id, Plan.SIXTY_FIVE_PLUS, PROGRAM, None, start, None)
            row.coverage_id = period.id
        elif data.start_on is not None:
            raise InvalidInput("start_on", "a denied claim starts no coverage")
        row.status, row.decision_reason = outcome.value, reason
        row.decided_on, row.decided_by = today, actor.username
        return _SENIOR_CLAIMS.saved(
            uow, actor, AuditAction.SENIOR_CLAIM_DECIDE, row, after=audit.fields(row, "status", "coverage_id")
        )
