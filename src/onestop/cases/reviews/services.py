"""Review use cases: open the reviews that came due, report a change, start, conduct, cancel, read.

Conducting re-evaluates eligibility on the current verified data and records a new decision that
supersedes the one in force. Each function is one transaction with its audit event.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import audit, notices
from onestop.access import Actor, Permission, find_active_staff, require
from onestop.audit import AuditAction
from onestop.cases.applications import (
    Application,
    ApplicationRepository,
    ApplicationStatus,
    ApplicationStatusChange,
    letters,
    record_fact,
    reopen_application,
)
from onestop.cases.applications.domain import check_transition as check_application
from onestop.cases.decisions import Basis, current_decision, prepare_on_rules, record_decision
from onestop.cases.decisions.schemas import DecisionPublic
from onestop.cases.reading import read_one
from onestop.cases.reviews import domain
from onestop.cases.reviews.domain import ChangeCategory, ReviewKind, ReviewStatus
from onestop.cases.reviews.models import Review
from onestop.cases.reviews.repository import ReviewRepository
from onestop.cases.reviews.scheduling import default_schedule
from onestop.cases.reviews.schemas import (
    ChangeReport,
    ReviewAction,
    ReviewConduct,
    ReviewOutcome,
    ReviewPublic,
)
from onestop.cases.reviews.suspensions import suspension
from onestop.cases.tasks import TaskClose, TaskCreate, TaskRepository, complete_task, create_task
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput
from onestop.common.ids import new_id
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.registry import merged_record_ids

SUBJECT = "review"
_REVIEWS = audit.Subject.of_row(SUBJECT, ReviewPublic.model_validate)
BASIS = {
    ReviewKind.PERIODIC: Basis.REVIEW,
    ReviewKind.CHANGE: Basis.CHANGE,
    ReviewKind.INVESTIGATION: Basis.INVESTIGATION,
}


def open_due_reviews(uow: UnitOfWork, *, actor: Actor, today: dt.date | None = None) -> list[ReviewPublic]:
    """The scheduled job: every periodic review now due gets a task for the officer who decided last."""
    with uow:
        require(uow, actor, Permission.REVIEW_WRITE, subject_type=SUBJECT)
        day = today or uow.clock.today()
        schedule = default_schedule()
        due = ReviewRepository(uow.session).coming_due(day + dt.timedelta(days=schedule.task_lead_days))
        for review in due:
            app = ApplicationRepository(uow.session).get(review.application_id)
            domain.check_transition(review.status, ReviewStatus.DUE)
            title = f"Periodic review due: {review.program}"
            details = "periodic review of eligibility"
            review.task_id = _task(uow, actor, app, title, details, max(review.due_on, day), review.id)
            review.status = ReviewStatus.DUE.value
            notices.queue_notice(
                uow,
                person_id=app.applicant_id,
                kind=notices.Kind.REVIEW_DUE,
                params=letters.common(app.program, app.jurisdiction)
                | {"due_on": notices.date(review.due_on)},
                subject_type=SUBJECT,
                subject_id=review.id,
                created_by=actor.username,
            )
        uow.flush()
        return audit.audited_write(
            uow,
            lambda: [ReviewPublic.model_validate(r) for r in due],
            actor=actor,
            action=AuditAction.REVIEW_OPEN_DUE,
            subject_type=SUBJECT,
            subject_id=None,
            details={"date": day, "opened": [r.id for r in due]},
        )


def report_change(uow: UnitOfWork, *, actor: Actor, data: ChangeReport) -> ReviewPublic:
    """A change in circumstances: reopen the case, record the new facts, and a reassessment is due."""
    with uow:
        require(
            uow, actor, Permission.REVIEW_WRITE, subject_type="application", subject_id=data.application_id
        )
        category = parse_enum(ChangeCategory, data.category, field="category")
        description = required_text(data.description, "description", max_len=4000)
        reported = data.reported_on or uow.clock.today()
        if reported > uow.clock.today():
            raise InvalidInput("reported_on", "must not be in the future")
        app = ApplicationRepository(uow.session).get(data.application_id)
        review = open_reassessment(
            uow, actor, app, ReviewKind.CHANGE, description, category=category.value, reported_on=reported
        )
        for fact in data.facts:
            record_fact(uow, actor=actor, application_id=app.id, data=fact)
        return _REVIEWS.saved(
            uow,
            actor,
            AuditAction.REVIEW_CHANGE_REPORT,
            review,
            after={
                "application_id": app.id,
                "category": category.value,
                "description": description,
                "facts": [f.path for f in data.facts],
            },
        )


def open_reassessment(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    kind: ReviewKind,
    description: str,
    *,
    category: str | None = None,
    reported_on: dt.date | None = None,
    source: tuple[str, uuid.UUID] | None = None,
) -> Review:
    """Inside a caller's transaction: a review due now, the case reopened, a task for the officer."""
    if app.status == ApplicationStatus.WITHDRAWN:
        check_application(app.status, ApplicationStatus.IN_ASSESSMENT)
    if app.status == ApplicationStatus.DECIDED:
        reason = f"{kind.value}: {description}"[:4000]
        reopen_application(
            uow, actor=actor, application_id=app.id, data=ApplicationStatusChange(reason=reason)
        )
    due = uow.clock.today() + dt.timedelta(days=default_schedule().change_due_days)
    review = Review(
        id=new_id(),
        application_id=app.id,
        program=app.program,
        person_id=app.applicant_id,
        kind=kind.value,
        status=ReviewStatus.IN_PROGRESS.value,
        due_on=due,
        category=category,
        description=description,
        reported_on=reported_on,
        source_type=source[0] if source else None,
        source_id=source[1] if source else None,
        created_by=actor.username,
        created_at=uow.clock.now(),
    )
    ReviewRepository(uow.session).add(review)
    uow.flush()
    review.task_id = _task(
        uow, actor, app, f"Reassess ({kind.value}): {app.program}", description, due, review.id
    )
    uow.flush()
    return review


def start_review(uow: UnitOfWork, *, actor: Actor, review_id: uuid.UUID, data: ReviewAction) -> ReviewPublic:
    """Start a review: the case reopens so the officer can update and verify its facts."""
    with uow:
        review, app = _open(uow, actor, review_id, data.version)
        _start(uow, actor, review, app)
        return _REVIEWS.saved(uow, actor, AuditAction.REVIEW_START, review)


def _start(uow: UnitOfWork, actor: Actor, review: Review, app: Application) -> None:
    if review.status == ReviewStatus.IN_PROGRESS:
        return
    domain.check_transition(review.status, ReviewStatus.IN_PROGRESS)
    review.status = ReviewStatus.IN_PROGRESS.value
    uow.flush()
    if app.status == ApplicationStatus.DECIDED:
        reason = f"{review.kind} review due {review.due_on.isoformat()}"
        reopen_application(
            uow, actor=actor, application_id=app.id, data=ApplicationStatusChange(reason=reason)
        )


def conduct_review(
    uow: UnitOfWork, *, actor: Actor, review_id: uuid.UUID, data: ReviewConduct
) -> ReviewOutcome:
    """Re-evaluate on the current verified data (or suspend) and record the result as a new decision."""
    with uow:
        require(uow, actor, Permission.DECISION_MAKE, subject_type=SUBJECT, subject_id=review_id)
        review, app = _open(uow, actor, review_id, data.version)
        _start(uow, actor, review, app)
        check_application(app.status, ApplicationStatus.DECIDED)
        note = clean_text(data.note) or None
        source = {"source_type": SUBJECT, "source_id": review.id}
        if data.suspend:
            reason = required_text(data.reason, "reason", max_len=4000)
            previous = current_decision(uow, app.id)
            prepared = suspension(previous, uow.clock.today(), data.effective_from, reason, **source)
        else:
            basis = BASIS[ReviewKind(review.kind)]
            prepared = prepare_on_rules(uow, app, data.effective_from, basis, note=note, **source)
        decision = record_decision(uow, actor, app, prepared)
        review.status, review.decision_id = ReviewStatus.COMPLETED.value, decision.id
        review.result = domain.RESULT_OF_ACTION[decision.action].value
        review.completed_by, review.completed_at = actor.username, uow.clock.now()
        uow.flush()
        _close_task(uow, actor, review, f"review {review.result}: decision {decision.seq}")
        return audit.audited_write(
            uow,
            lambda: ReviewOutcome(
                review=ReviewPublic.model_validate(review), decision=DecisionPublic.of(decision)
            ),
            actor=actor,
            action=AuditAction.REVIEW_COMPLETE,
            subject_type=SUBJECT,
            subject_id=review.id,
            after={"result": review.result, "decision_id": decision.id},
        )


def cancel_review(uow: UnitOfWork, *, actor: Actor, review_id: uuid.UUID, data: ReviewAction) -> ReviewPublic:
    """Cancel a review that is no longer needed (reason required)."""
    with uow:
        reason = required_text(data.reason, "reason", max_len=4000)
        review, _app = _open(uow, actor, review_id, data.version)
        domain.check_transition(review.status, ReviewStatus.CANCELLED)
        review.status, review.cancel_reason = ReviewStatus.CANCELLED.value, reason
        uow.flush()
        _close_task(uow, actor, review, f"review cancelled: {reason}")
        return _REVIEWS.saved(uow, actor, AuditAction.REVIEW_CANCEL, review, details={"reason": reason})


def _open(
    uow: UnitOfWork, actor: Actor, review_id: uuid.UUID, version: int | None
) -> tuple[Review, Application]:
    require(uow, actor, Permission.REVIEW_WRITE, subject_type=SUBJECT, subject_id=review_id)
    review = ReviewRepository(uow.session).get(review_id, for_update=True)
    expect_version(review.version, version, what="review")
    return review, ApplicationRepository(uow.session).get(review.application_id, for_update=True)


def _task(
    uow: UnitOfWork,
    actor: Actor,
    app: Application,
    title: str,
    details: str,
    due: dt.date,
    review_id: uuid.UUID,
) -> uuid.UUID | None:
    """A review task for the officer who decided last (else the application's office, else the actor).

    An officer who may not give work to others (no TASK_ASSIGN) takes the task themselves.
    """
    last = current_decision(uow, app.id)
    assignee = last.decided_by_id if last and last.decided_by_id else app.created_by_id
    if assignee is not None and find_active_staff(uow.session, assignee) is None:
        assignee = None
    office = None if assignee else app.office_id
    mine = (assignee is None or assignee == actor.staff_id) and office in (None, actor.office_id)
    if actor.staff_id is not None and not mine and not actor.can(Permission.TASK_ASSIGN):
        assignee, office = actor.staff_id, None
    if assignee is None and office is None and actor.staff_id is None:
        return None
    data = TaskCreate(
        kind="review_due",
        title=title[:200],
        details=details[:4000],
        person_id=app.applicant_id,
        due_on=max(due, uow.clock.today()),
        assignee_id=assignee,
        office_id=office,
        source_type=SUBJECT,
        source_id=review_id,
    )
    return create_task(uow, actor=actor, data=data).id


def _close_task(uow: UnitOfWork, actor: Actor, review: Review, note: str) -> None:
    if review.task_id is not None and TaskRepository(uow.session).get(review.task_id).status == "open":
        complete_task(uow, actor=actor, task_id=review.task_id, data=TaskClose(note=note[:4000]))


def get_review(uow: UnitOfWork, *, actor: Actor, review_id: uuid.UUID) -> ReviewPublic:
    """One review."""
    return read_one(uow, actor, _REVIEWS, AuditAction.REVIEW_READ, ReviewRepository, review_id)


def list_reviews(
    uow: UnitOfWork,
    *,
    actor: Actor,
    application_id: uuid.UUID | None = None,
    person_id: uuid.UUID | None = None,
    status: str | None = None,
    due_before: dt.date | None = None,
) -> list[ReviewPublic]:
    """Reviews of an application or a person (or every review due before a date), soonest first."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        statuses = [parse_enum(ReviewStatus, status, field="status").value] if status else None
        if application_id is None and person_id is None and due_before is None:
            raise InvalidInput("application_id", "give an application, a person or a due date")
        people = merged_record_ids(uow, person_id) if person_id else None
        rows = ReviewRepository(uow.session).listing(
            application_id=application_id, person_ids=people, statuses=statuses, due_before=due_before
        )
        return _REVIEWS.listed(
            uow,
            actor,
            AuditAction.REVIEW_LIST,
            rows,
            ("person" if person_id else SUBJECT, person_id or application_id),
        )
