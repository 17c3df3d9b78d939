"""/api routes: sponsors, projects (proposal to closing), elected members' inquiries, clients' training
with its attendance, and the after-hours on-call roster and contacts."""

from __future__ import annotations

import uuid

from onestop import partners as p
from onestop.web.api.routing import ServiceRouter
from onestop.web.deps import CurrentActor, UowDep

router = ServiceRouter(tags=["partners"])

router.service_get("/sponsors", p.list_sponsors, "sponsors", "Every sponsor with its contacts.")

router.service_post(
    "/sponsors",
    p.create_sponsor,
    "create_sponsor",
    "Record a sponsor (a new vendor payee in money unless `payee_id` names one).",
    created=True,
)

router.service_get("/sponsors/{sponsor_id}", p.get_sponsor, "sponsor", "One sponsor.")

router.service_get(
    "/projects",
    p.list_projects,
    "projects",
    "Projects, of a sponsor or in a state.",
    query=(
        "sponsor_id",
        "state",
    ),
)

router.service_post("/projects", p.propose_project, "propose", "Record a sponsor's proposal.", created=True)

router.service_get(
    "/projects/commitments",
    p.project_commitments,
    "commitments",
    "Project funding committed and paid per program and office in a fiscal year.",
)

router.service_get(
    "/projects/{project_id}",
    p.get_project,
    "project",
    "A project with its revisions, participants, instalments and visits.",
)

router.service_post(
    "/projects/{project_id}/negotiate",
    p.negotiate,
    "negotiate",
    "New funding or participant numbers agreed in negotiation (a revision).",
)

router.service_post(
    "/projects/{project_id}/recommend", p.recommend, "recommend", "The officer's written recommendation."
)

router.service_post(
    "/projects/{project_id}/approve",
    p.approve,
    "approve",
    "A supervisor's or manager's approval (not of one's own recommendation).",
)

router.service_post(
    "/projects/{project_id}/sign", p.sign, "sign", "Sign the approved agreement (409 before approval)."
)

router.service_post(
    "/projects/{project_id}/participants",
    p.record_participant,
    "participant",
    "Record a participant agreement with the placement.",
)


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


router.service_post(
    "/projects/{project_id}/visits", p.record_visit, "visit", "Record a monitoring visit and its findings."
)

router.service_post(
    "/projects/{project_id}/close", p.close_project, "close", "Close a signed project with its results."
)

router.service_get(
    "/inquiries",
    p.inquiry_queue,
    "inquiry_queue",
    "Open inquiries from elected members' offices, the nearest deadline first.",
)

router.service_post(
    "/inquiries", p.open_inquiry, "open_inquiry", "Record an inquiry in the person's file.", created=True
)

router.service_get("/inquiries/{inquiry_id}", p.get_inquiry, "inquiry", "One inquiry.")

router.service_post(
    "/inquiries/{inquiry_id}/consent",
    p.record_consent,
    "consent",
    "Record the client's consent to share their file with the member's office.",
)

router.service_post(
    "/inquiries/{inquiry_id}/answer",
    p.answer_inquiry,
    "answer",
    "The answer given (422 on `disclose` without the client's consent).",
)

router.service_get(
    "/people/{person_id}/inquiries", p.person_inquiries, "of_person", "A person's inquiries, newest first."
)

router.service_post(
    "/training",
    p.enrol,
    "enrol",
    "Record a client's training with the tuition and supports approved.",
    created=True,
)

router.service_get(
    "/training/flagged",
    p.flagged_terms,
    "flagged",
    "Trainings with a term whose missed attendance waits for the officer's finding.",
)

router.service_get(
    "/training/{training_id}", p.get_training, "training", "A client's training with its attendance."
)

router.service_post(
    "/training/{training_id}/attendance",
    p.record_attendance,
    "attendance",
    "Record a term's attendance; missed beyond the rule raises a task for the officer.",
)

router.service_post(
    "/attendance/{attendance_id}/confirm",
    p.confirm_missed,
    "confirm",
    "Confirm a flagged term's missed attendance: a change in circumstances on the application.",
)

router.service_post(
    "/attendance/{attendance_id}/excuse",
    p.excuse_missed,
    "excuse",
    "Excuse a flagged term's missed attendance, saying why.",
)

router.service_get(
    "/people/{person_id}/training", p.person_training, "training_of", "A person's training, newest first."
)

router.service_get(
    "/oncall/roster",
    p.roster,
    "oncall_roster",
    "The on-call shifts overlapping a period (times with their UTC offset).",
)

router.service_post(
    "/oncall/shifts",
    p.add_shift,
    "add_shift",
    "Put someone on call (someone else: a supervisor's).",
    created=True,
)

router.service_get(
    "/oncall/calls",
    p.recent_calls,
    "oncall_calls",
    "The latest contacts taken on call, for the morning handover.",
)

router.service_post(
    "/oncall/calls",
    p.record_call,
    "record_call",
    "Log a contact taken on call, issue what was authorized through money, hand it over.",
    created=True,
)

router.service_get(
    "/people/{person_id}/oncall-calls",
    p.person_calls,
    "calls_of",
    "A person's after-hours contacts, newest first.",
)
