"""/api routes: sponsors, projects (proposal to closing), elected members' inquiries, clients' training
with its attendance, and the after-hours on-call roster and contacts."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, status

from onestop import partners as p
from onestop.web.deps import CurrentActor, UowDep

router = APIRouter(tags=["partners"])


@router.get("/sponsors", response_model=list[p.SponsorPublic])
def sponsors(uow: UowDep, actor: CurrentActor) -> list[p.SponsorPublic]:
    """Every sponsor with its contacts."""
    return p.list_sponsors(uow, actor=actor)


@router.post("/sponsors", status_code=status.HTTP_201_CREATED, response_model=p.SponsorPublic)
def create_sponsor(uow: UowDep, actor: CurrentActor, body: p.SponsorCreate) -> p.SponsorPublic:
    """Record a sponsor (a new vendor payee in money unless `payee_id` names one)."""
    return p.create_sponsor(uow, actor=actor, data=body)


@router.get("/sponsors/{sponsor_id}", response_model=p.SponsorPublic)
def sponsor(uow: UowDep, actor: CurrentActor, sponsor_id: uuid.UUID) -> p.SponsorPublic:
    """One sponsor."""
    return p.get_sponsor(uow, actor=actor, sponsor_id=sponsor_id)


@router.get("/projects", response_model=list[p.ProjectPublic])
def projects(
    uow: UowDep, actor: CurrentActor, sponsor_id: uuid.UUID | None = None, state: str | None = None
) -> list[p.ProjectPublic]:
    """Projects, of a sponsor or in a state."""
    return p.list_projects(uow, actor=actor, sponsor_id=sponsor_id, state=state)


@router.post("/projects", status_code=status.HTTP_201_CREATED, response_model=p.ProjectPublic)
def propose(uow: UowDep, actor: CurrentActor, body: p.ProjectCreate) -> p.ProjectPublic:
    """Record a sponsor's proposal."""
    return p.propose_project(uow, actor=actor, data=body)


@router.get("/projects/commitments", response_model=list[p.CommitmentLine])
def commitments(uow: UowDep, actor: CurrentActor, fiscal_year: int) -> list[p.CommitmentLine]:
    """Project funding committed and paid per program and office in a fiscal year."""
    return p.project_commitments(uow, actor=actor, fiscal_year=fiscal_year)


@router.get("/projects/{project_id}", response_model=p.ProjectPublic)
def project(uow: UowDep, actor: CurrentActor, project_id: uuid.UUID) -> p.ProjectPublic:
    """A project with its revisions, participants, instalments and visits."""
    return p.get_project(uow, actor=actor, project_id=project_id)


@router.post("/projects/{project_id}/negotiate", response_model=p.ProjectPublic)
def negotiate(
    uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.Negotiation
) -> p.ProjectPublic:
    """New funding or participant numbers agreed in negotiation (a revision)."""
    return p.negotiate(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/recommend", response_model=p.ProjectPublic)
def recommend(
    uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.Recommendation
) -> p.ProjectPublic:
    """The officer's written recommendation."""
    return p.recommend(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/approve", response_model=p.ProjectPublic)
def approve(uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.Approval) -> p.ProjectPublic:
    """A supervisor's or manager's approval (not of one's own recommendation)."""
    return p.approve(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/sign", response_model=p.ProjectPublic)
def sign(uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.Signing) -> p.ProjectPublic:
    """Sign the approved agreement (409 before approval)."""
    return p.sign(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/participants", response_model=p.ProjectPublic)
def participant(
    uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.ParticipantCreate
) -> p.ProjectPublic:
    """Record a participant agreement with the placement."""
    return p.record_participant(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/instalments", response_model=p.ProjectPublic)
def instalment(
    uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.InstalmentCreate
) -> p.ProjectPublic:
    """Record an instalment to pay: a money invoice of the sponsor's payee, paid once another person
    approves it (422 on `amount` beyond the approved funding not yet asked for; 409 while the sponsor's
    payee waits for approval)."""
    return p.pay_instalment(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/instalments/{number}/approve", response_model=p.ProjectPublic)
def approve_instalment(
    uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, number: int, body: p.InstalmentApproval
) -> p.ProjectPublic:
    """A second person approves an instalment for payment through money (within their authority; beyond
    it, it waits in money's approval queue). Whoever recorded it cannot approve it."""
    return p.approve_instalment(uow, actor=actor, project_id=project_id, number=number, data=body)


@router.post("/projects/{project_id}/visits", response_model=p.ProjectPublic)
def visit(uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.VisitCreate) -> p.ProjectPublic:
    """Record a monitoring visit and its findings."""
    return p.record_visit(uow, actor=actor, project_id=project_id, data=body)


@router.post("/projects/{project_id}/close", response_model=p.ProjectPublic)
def close(uow: UowDep, actor: CurrentActor, project_id: uuid.UUID, body: p.Closing) -> p.ProjectPublic:
    """Close a signed project with its results."""
    return p.close_project(uow, actor=actor, project_id=project_id, data=body)


@router.get("/inquiries", response_model=list[p.InquiryPublic])
def inquiry_queue(uow: UowDep, actor: CurrentActor) -> list[p.InquiryPublic]:
    """Open inquiries from elected members' offices, the nearest deadline first."""
    return p.inquiry_queue(uow, actor=actor)


@router.post("/inquiries", status_code=status.HTTP_201_CREATED, response_model=p.InquiryPublic)
def open_inquiry(uow: UowDep, actor: CurrentActor, body: p.InquiryCreate) -> p.InquiryPublic:
    """Record an inquiry in the person's file."""
    return p.open_inquiry(uow, actor=actor, data=body)


@router.get("/inquiries/{inquiry_id}", response_model=p.InquiryPublic)
def inquiry(uow: UowDep, actor: CurrentActor, inquiry_id: uuid.UUID) -> p.InquiryPublic:
    """One inquiry."""
    return p.get_inquiry(uow, actor=actor, inquiry_id=inquiry_id)


@router.post("/inquiries/{inquiry_id}/consent", response_model=p.InquiryPublic)
def consent(
    uow: UowDep, actor: CurrentActor, inquiry_id: uuid.UUID, body: p.InquiryConsent
) -> p.InquiryPublic:
    """Record the client's consent to share their file with the member's office."""
    return p.record_consent(uow, actor=actor, inquiry_id=inquiry_id, data=body)


@router.post("/inquiries/{inquiry_id}/answer", response_model=p.InquiryPublic)
def answer(uow: UowDep, actor: CurrentActor, inquiry_id: uuid.UUID, body: p.InquiryAnswer) -> p.InquiryPublic:
    """The answer given (422 on `disclose` without the client's consent)."""
    return p.answer_inquiry(uow, actor=actor, inquiry_id=inquiry_id, data=body)


@router.get("/people/{person_id}/inquiries", response_model=list[p.InquiryPublic])
def of_person(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.InquiryPublic]:
    """A person's inquiries, newest first."""
    return p.person_inquiries(uow, actor=actor, person_id=person_id)


@router.post("/training", status_code=status.HTTP_201_CREATED, response_model=p.TrainingPublic)
def enrol(uow: UowDep, actor: CurrentActor, body: p.TrainingCreate) -> p.TrainingPublic:
    """Record a client's training with the tuition and supports approved."""
    return p.enrol(uow, actor=actor, data=body)


@router.get("/training/flagged", response_model=list[p.TrainingPublic])
def flagged(uow: UowDep, actor: CurrentActor) -> list[p.TrainingPublic]:
    """Trainings with a term whose missed attendance waits for the officer's finding."""
    return p.flagged_terms(uow, actor=actor)


@router.get("/training/{training_id}", response_model=p.TrainingPublic)
def training(uow: UowDep, actor: CurrentActor, training_id: uuid.UUID) -> p.TrainingPublic:
    """A client's training with its attendance."""
    return p.get_training(uow, actor=actor, training_id=training_id)


@router.post("/training/{training_id}/attendance", response_model=p.TrainingPublic)
def attendance(
    uow: UowDep, actor: CurrentActor, training_id: uuid.UUID, body: p.AttendanceCreate
) -> p.TrainingPublic:
    """Record a term's attendance; missed beyond the rule raises a task for the officer."""
    return p.record_attendance(uow, actor=actor, training_id=training_id, data=body)


@router.post("/attendance/{attendance_id}/confirm", response_model=p.TrainingPublic)
def confirm(
    uow: UowDep, actor: CurrentActor, attendance_id: uuid.UUID, body: p.AttendanceConfirm
) -> p.TrainingPublic:
    """Confirm a flagged term's missed attendance: a change in circumstances on the application."""
    return p.confirm_missed(uow, actor=actor, attendance_id=attendance_id, data=body)


@router.post("/attendance/{attendance_id}/excuse", response_model=p.TrainingPublic)
def excuse(
    uow: UowDep, actor: CurrentActor, attendance_id: uuid.UUID, body: p.AttendanceExcuse
) -> p.TrainingPublic:
    """Excuse a flagged term's missed attendance, saying why."""
    return p.excuse_missed(uow, actor=actor, attendance_id=attendance_id, data=body)


@router.get("/people/{person_id}/training", response_model=list[p.TrainingPublic])
def training_of(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.TrainingPublic]:
    """A person's training, newest first."""
    return p.person_training(uow, actor=actor, person_id=person_id)


@router.get("/oncall/roster", response_model=list[p.ShiftPublic])
def oncall_roster(
    uow: UowDep, actor: CurrentActor, start: dt.datetime, end: dt.datetime
) -> list[p.ShiftPublic]:
    """The on-call shifts overlapping a period (times with their UTC offset)."""
    return p.roster(uow, actor=actor, start=start, end=end)


@router.post("/oncall/shifts", status_code=status.HTTP_201_CREATED, response_model=p.ShiftPublic)
def add_shift(uow: UowDep, actor: CurrentActor, body: p.ShiftCreate) -> p.ShiftPublic:
    """Put someone on call (someone else: a supervisor's)."""
    return p.add_shift(uow, actor=actor, data=body)


@router.get("/oncall/calls", response_model=list[p.AfterHoursPublic])
def oncall_calls(uow: UowDep, actor: CurrentActor) -> list[p.AfterHoursPublic]:
    """The latest contacts taken on call, for the morning handover."""
    return p.recent_calls(uow, actor=actor)


@router.post("/oncall/calls", status_code=status.HTTP_201_CREATED, response_model=p.AfterHoursPublic)
def record_call(uow: UowDep, actor: CurrentActor, body: p.AfterHoursCreate) -> p.AfterHoursPublic:
    """Log a contact taken on call, issue what was authorized through money, hand it over."""
    return p.record_call(uow, actor=actor, data=body)


@router.get("/people/{person_id}/oncall-calls", response_model=list[p.AfterHoursPublic])
def calls_of(uow: UowDep, actor: CurrentActor, person_id: uuid.UUID) -> list[p.AfterHoursPublic]:
    """A person's after-hours contacts, newest first."""
    return p.person_calls(uow, actor=actor, person_id=person_id)
