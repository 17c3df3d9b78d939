"""Service-level assessment use cases: record one, and read a person's."""

from __future__ import annotations

import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.cases.plans import domain
from onestop.cases.plans.models import ServiceAssessment
from onestop.cases.plans.repository import PlanRepository
from onestop.cases.plans.schemas import AssessmentCreate, AssessmentPublic
from onestop.common.ids import new_id
from onestop.db import UnitOfWork
from onestop.registry import UnitRepository, current_record_id, merged_record_ids

_ASSESSMENTS = audit.Subject.of_row("service_assessment", AssessmentPublic.model_validate)


def record_assessment(uow: UnitOfWork, *, actor: Actor, data: AssessmentCreate) -> AssessmentPublic:
    """Record the level of service a person needs in a program, with the criteria and the rationale."""
    with uow:
        require(uow, actor, Permission.PLAN_WRITE, subject_type="person", subject_id=data.person_id)
        pid = current_record_id(uow, data.person_id)
        if data.unit_id is not None:
            UnitRepository(uow.session).get(data.unit_id)
        now = uow.clock.now()
        row = ServiceAssessment(
            id=new_id(),
            person_id=pid,
            unit_id=data.unit_id,
            program_id=domain.program_id(data.program_id),
            level=domain.level(data.level),
            criteria=domain.criteria(data.criteria),
            rationale=domain.required(data.rationale, "rationale", 8000),
            assessed_by=actor.username,
            assessed_at=now,
            created_at=now,
        )
        uow.session.add(row)
        return _ASSESSMENTS.saved(
            uow,
            actor,
            AuditAction.ASSESSMENT_CREATE,
            row,
            after={"person_id": pid, "program_id": row.program_id, "level": row.level},
        )


def list_assessments(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[AssessmentPublic]:
    """A person's assessments, newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="person", subject_id=person_id)
        rows = PlanRepository(uow.session).assessments_for_people(merged_record_ids(uow, person_id))
        return _ASSESSMENTS.listed(uow, actor, AuditAction.ASSESSMENT_LIST, rows, ("person", person_id))
