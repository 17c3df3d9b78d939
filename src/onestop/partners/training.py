"""Clients in training: post-secondary studies or short courses, with the tuition and supports
approved, and the attendance each term as the institution reported it and the officer reviewed it.

The missed-attendance rule (``config/attendance.yaml``) flags a term whose share of missed days is over
the threshold and raises a task for the officer. The officer then confirms it, which reports a change
in circumstances on the benefit's application (``cases.reviews.report_change``: the case is
reassessed and decided through the ordinary services), or excuses it with a reason. Nothing here
changes a payment: the benefit changes only through a decision.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from decimal import Decimal
from importlib import resources
from typing import Any

import yaml

from onestop import audit
from onestop.access import Actor, Permission, office_or_own, require
from onestop.audit import AuditAction
from onestop.cases import reviews, tasks
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition, NotFound
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.partners import domain
from onestop.partners.domain import AttendanceOutcome, AttendanceRule, TrainingKind
from onestop.partners.models import AttendanceRecord, Training
from onestop.partners.repository import PartnersRepository
from onestop.partners.schemas import (
    AttendanceConfirm,
    AttendanceCreate,
    AttendanceExcuse,
    AttendancePublic,
    TrainingCreate,
    TrainingPublic,
)
from onestop.partners.worktasks import rule_task
from onestop.registry import current_record_id, merged_record_ids

PERSON = "person"
TASK_SOURCE = "training_attendance"


@functools.cache
def attendance_rule() -> AttendanceRule:
    """The packaged missed-attendance rule, read once."""
    text = resources.files("onestop.partners").joinpath("config/attendance.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    return AttendanceRule(
        max_missed_share=Decimal(str(data["max_missed_share"])), task_due_days=int(data["task_due_days"])
    )


def enrol(uow: UnitOfWork, *, actor: Actor, data: TrainingCreate) -> TrainingPublic:
    """Record a client's training with the tuition and supports approved."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=PERSON, subject_id=data.person_id)
        kind = parse_enum(TrainingKind, data.kind, field="kind")
        person_id = current_record_id(uow, data.person_id, field="person_id")
        domain.check_period(data.starts_on, data.ends_on)
        office_id = office_or_own(uow.session, data.office_id, actor.office_id)
        row = Training(
            person_id=person_id,
            kind=kind.value,
            institution=required_text(data.institution, "institution", max_len=200),
            program_name=required_text(data.program_name, "program_name", max_len=200),
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            tuition_cents=domain.check_money(data.tuition, field="tuition"),
            supports_cents=domain.check_money(data.supports, field="supports"),
            supports_note=clean_text(data.supports_note) or None,
            office_id=office_id,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: _public(PartnersRepository(uow.session), row),
            actor=actor,
            action=AuditAction.TRAINING_CREATE,
            subject_type=PERSON,
            subject_id=person_id,
            after=audit.fields(
                row,
                "kind",
                "institution",
                "program_name",
                "starts_on",
                "ends_on",
                "tuition_cents",
                "supports_cents",
            ),
            details={"training_id": row.id},
        )


def record_attendance(
    uow: UnitOfWork, *, actor: Actor, training_id: uuid.UUID, data: AttendanceCreate
) -> TrainingPublic:
    """Record a term's attendance as received and reviewed; missed beyond the rule raises a task for
    the officer (in this transaction)."""
    with uow:
        repo = PartnersRepository(uow.session)
        training = _training(uow, actor, repo, training_id, Permission.CASE_WRITE)
        domain.check_period(data.period_start, data.period_end, field="period_end")
        domain.check_attendance(data.scheduled_days, data.attended_days)
        if data.received_on > uow.clock.today():
            raise InvalidInput("received_on", "must not be in the future")
        term = required_text(data.term, "term", max_len=60)
        if any(a.term.casefold() == term.casefold() for a in repo.attendance(training.id)):
            raise InvalidInput("term", f"the attendance of {term} is already recorded")
        rule = attendance_rule()
        row = AttendanceRecord(
            training_id=training.id,
            term=term,
            period_start=data.period_start,
            period_end=data.period_end,
            scheduled_days=data.scheduled_days,
            attended_days=data.attended_days,
            received_on=data.received_on,
            note=clean_text(data.note) or None,
            reviewed_by=actor.username,
            flagged=rule.flags(data.scheduled_days, data.attended_days),
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        if row.flagged:
            missed = row.scheduled_days - row.attended_days
            task = rule_task(
                uow,
                actor,
                person_id=training.person_id,
                title=f"Missed attendance: {training.program_name}, {term}",
                details=(
                    f"{missed} of {row.scheduled_days} scheduled days missed at {training.institution} "
                    f"(over {_percent(rule.max_missed_share)}). Confirm it (a change in circumstances) "
                    "or excuse it."
                ),
                due_on=uow.clock.today() + dt.timedelta(days=rule.task_due_days),
                source=(TASK_SOURCE, row.id),
                fallback_staff=actor.staff_id,
                fallback_office=training.office_id or actor.office_id,
            )
            row.task_id = task.id
            uow.flush()
        after = audit.fields(row, "term", "scheduled_days", "attended_days", "flagged")
        return _attendance_saved(
            uow, actor, AuditAction.TRAINING_ATTENDANCE_RECORD, training, row, after, task_id=row.task_id
        )


def confirm_missed(
    uow: UnitOfWork, *, actor: Actor, attendance_id: uuid.UUID, data: AttendanceConfirm
) -> TrainingPublic:
    """The officer confirms a flagged term's missed attendance: a change in circumstances is reported on
    the benefit's application (the case is reassessed and decided as usual), and the task is done."""
    with uow:
        repo = PartnersRepository(uow.session)
        row, training = _flagged(uow, actor, repo, attendance_id, data.version)
        note = required_text(data.note, "note", max_len=4000)
        try:
            review = reviews.report_change(
                uow,
                actor=actor,
                data=reviews.ChangeReport(
                    application_id=data.application_id,
                    category="other",
                    description=(
                        f"Training attendance: {row.scheduled_days - row.attended_days} of "
                        f"{row.scheduled_days} days missed in {row.term} ({training.program_name}, "
                        f"{training.institution}). {note}"
                    )[:4000],
                    reported_on=uow.clock.today(),
                ),
            )
        except NotFound:
            raise InvalidInput("application_id", f"no application with id {data.application_id}") from None
        _settle(uow, actor, row, AttendanceOutcome.CONFIRMED, note, f"Confirmed: change reported ({note})")
        row.review_id = review.id
        uow.flush()
        after = {"outcome": row.outcome, "review_id": review.id, "application_id": data.application_id}
        return _attendance_saved(uow, actor, AuditAction.TRAINING_ATTENDANCE_CONFIRM, training, row, after)


def excuse_missed(
    uow: UnitOfWork, *, actor: Actor, attendance_id: uuid.UUID, data: AttendanceExcuse
) -> TrainingPublic:
    """The officer excuses a flagged term's missed attendance (illness, a family emergency...), saying
    why; the benefit does not change and the task is done."""
    with uow:
        repo = PartnersRepository(uow.session)
        row, training = _flagged(uow, actor, repo, attendance_id, data.version)
        note = required_text(data.note, "note", max_len=4000)
        _settle(uow, actor, row, AttendanceOutcome.EXCUSED, note, f"Excused: {note}")
        after = {"outcome": row.outcome, "note": note}
        return _attendance_saved(uow, actor, AuditAction.TRAINING_ATTENDANCE_EXCUSE, training, row, after)


def get_training(uow: UnitOfWork, *, actor: Actor, training_id: uuid.UUID) -> TrainingPublic:
    """A client's training with its attendance."""
    with uow:
        repo = PartnersRepository(uow.session)
        training = _training(uow, actor, repo, training_id, Permission.CASE_READ)
        return audit.audited_read(
            uow,
            _public(repo, training),
            actor=actor,
            action=AuditAction.TRAINING_READ,
            subject_type=PERSON,
            subject_id=training.person_id,
            details={"training_id": training.id},
        )


def person_training(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[TrainingPublic]:
    """A person's training (over merged records), newest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=PERSON, subject_id=person_id)
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.trainings_of(merged_record_ids(uow, person_id)),
            lambda t: _public(repo, t),
            actor=actor,
            action=AuditAction.TRAINING_LIST,
            subject_type=PERSON,
            subject_id=person_id,
        )


def flagged_terms(uow: UnitOfWork, *, actor: Actor) -> list[TrainingPublic]:
    """Trainings with a flagged term waiting for the officer's finding, oldest received first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type="training")
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.trainings_waiting(),
            lambda t: _public(repo, t),
            actor=actor,
            action=AuditAction.TRAINING_LIST,
            subject_type="training",
        )


def _training(
    uow: UnitOfWork, actor: Actor, repo: PartnersRepository, training_id: uuid.UUID, permission: Permission
) -> Training:
    require(uow, actor, permission, subject_type="training", subject_id=training_id)
    training = repo.training(training_id)
    # The file guards (restricted files, conflicts of interest) look at the person in training.
    require(uow, actor, permission, subject_type=PERSON, subject_id=training.person_id)
    return training


def _flagged(
    uow: UnitOfWork, actor: Actor, repo: PartnersRepository, attendance_id: uuid.UUID, version: int | None
) -> tuple[AttendanceRecord, Training]:
    row = repo.attendance_record(attendance_id)
    training = _training(uow, actor, repo, row.training_id, Permission.CASE_WRITE)
    expect_version(row.version, version, what="attendance record")
    if not row.flagged:
        raise InvalidTransition("this term's attendance is within the rule; there is nothing to confirm")
    if row.outcome is not None:
        raise InvalidTransition(f"this term's missed attendance is already {row.outcome}")
    return row, training


def _settle(
    uow: UnitOfWork,
    actor: Actor,
    row: AttendanceRecord,
    outcome: AttendanceOutcome,
    note: str,
    task_note: str,
) -> None:
    row.outcome, row.outcome_note, row.outcome_by = outcome.value, note, actor.username
    if row.task_id is not None:
        try:
            task = tasks.get_task(uow, actor=actor, task_id=row.task_id)
        except NotFound:
            return
        if task.status == tasks.TaskStatus.OPEN.value:
            tasks.complete_task(
                uow, actor=actor, task_id=row.task_id, data=tasks.TaskClose(note=task_note[:4000])
            )


def _percent(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}%"


def _attendance_saved(
    uow: UnitOfWork,
    actor: Actor,
    action: AuditAction,
    training: Training,
    row: AttendanceRecord,
    after: dict[str, Any],
    **more: Any,
) -> TrainingPublic:
    """End a change of a term's attendance: recorded against the client, naming the training and the
    term (``more``: other details), and the training handed back with its attendance."""
    return audit.audited_write(
        uow,
        lambda: _public(PartnersRepository(uow.session), training),
        actor=actor,
        action=action,
        subject_type=PERSON,
        subject_id=training.person_id,
        after=after,
        details={"training_id": training.id, "attendance_id": row.id, **more},
    )


def _public(repo: PartnersRepository, training: Training) -> TrainingPublic:
    out = TrainingPublic.model_validate(training)
    out.person_name = repo.person_name(training.person_id)
    out.attendance = [
        AttendancePublic.model_validate(a).model_copy(
            update={"missed_percent": round(100 * (a.scheduled_days - a.attended_days) / a.scheduled_days)}
        )
        for a in repo.attendance(training.id)
    ]
    return out


__all__ = [
    "attendance_rule",
    "confirm_missed",
    "enrol",
    "excuse_missed",
    "flagged_terms",
    "get_training",
    "person_training",
    "record_attendance",
]
