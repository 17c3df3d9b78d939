"""/api routes: sponsors, projects (proposal to closing) and elected members' inquiries."""

from __future__ import annotations

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
    """Record an instalment paid (422 on `amount` beyond the approved funding left)."""
    return p.pay_instalment(uow, actor=actor, project_id=project_id, data=body)


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
