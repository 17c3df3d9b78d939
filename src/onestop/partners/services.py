"""Sponsors and their projects: proposal, negotiation, recommendation, approval (maker-checker),
signing, participant agreements, instalments, monitoring visits and closing.

Each function is one transaction with its audit event; a refusal raises before anything is written.
A sponsor is paid as a money ``vendor`` payee (``money.create_payee`` joins this transaction). A
project's funding is committed against its program's budget from approval; each instalment is a
money invoice with no benefit unit, approved by a second person within authority and paid in a batch
(spent once money has paid it). See docs/partners.md.
"""

from __future__ import annotations

import uuid
from typing import Any

from onestop import audit, money
from onestop.access import Actor, Office, Permission, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition, NotFound
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork, expect_version
from onestop.partners import domain
from onestop.partners.domain import ProjectState, SponsorKind
from onestop.partners.models import (
    Instalment,
    MonitoringVisit,
    ParticipantAgreement,
    Project,
    ProjectRevision,
    Sponsor,
    SponsorContact,
)
from onestop.partners.repository import PartnersRepository, instalment_state
from onestop.partners.schemas import (
    Approval,
    Closing,
    CommitmentLine,
    ContactPublic,
    InstalmentApproval,
    InstalmentCreate,
    InstalmentPublic,
    Negotiation,
    ParticipantCreate,
    ParticipantPublic,
    ProjectCreate,
    ProjectPublic,
    Recommendation,
    RevisionPublic,
    Signing,
    SponsorCreate,
    SponsorPublic,
    VisitCreate,
    VisitPublic,
)
from onestop.registry import current_record_id

PROJECT = "partner_project"
SPONSOR = "partner_sponsor"


def create_sponsor(uow: UnitOfWork, *, actor: Actor, data: SponsorCreate) -> SponsorPublic:
    """Record a sponsor with its contacts and its vendor payee in money."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=SPONSOR)
        kind = parse_enum(SponsorKind, data.kind, field="kind")
        name = required_text(data.name, "name", max_len=140)
        contacts = [
            SponsorContact(
                name=required_text(c.name, f"contacts[{i}].name", max_len=200),
                role=clean_text(c.role) or None,
                phone=clean_text(c.phone) or None,
                email=clean_text(c.email) or None,
                created_at=uow.clock.now(),
            )
            for i, c in enumerate(data.contacts)
        ]
        payee_id = _vendor_payee(uow, actor, name, data.payee_id)
        sponsor = Sponsor(
            name=name,
            kind=kind.value,
            address=clean_text(data.address) or None,
            payee_id=payee_id,
            created_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(sponsor)
        uow.flush()
        for contact in contacts:
            contact.sponsor_id = sponsor.id
            uow.session.add(contact)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_SPONSOR_CREATE,
            subject_type=SPONSOR,
            subject_id=sponsor.id,
            after={"name": name, "kind": kind.value, "payee_id": payee_id, "contacts": len(contacts)},
        )
        result = _sponsor_public(PartnersRepository(uow.session), sponsor)
        uow.commit()
    return result


def _vendor_payee(uow: UnitOfWork, actor: Actor, name: str, payee_id: uuid.UUID | None) -> uuid.UUID:
    if payee_id is None:
        return money.create_payee(uow, actor=actor, data=money.PayeeCreate(kind="vendor", name=name)).id
    try:
        payee = money.get_payee(uow, actor=actor, payee_id=payee_id)
    except NotFound:
        raise InvalidInput("payee_id", f"no payee with id {payee_id}") from None
    if payee.kind != money.PayeeKind.VENDOR.value:
        raise InvalidInput("payee_id", f"{payee.name} is a {payee.kind} payee; a sponsor is paid as a vendor")
    return payee.id


def list_sponsors(uow: UnitOfWork, *, actor: Actor) -> list[SponsorPublic]:
    """Every sponsor with its contacts."""
    with uow:
        require(uow, actor, Permission.PARTNER_READ, subject_type=SPONSOR)
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.sponsors(),
            lambda s: _sponsor_public(repo, s),
            actor=actor,
            action=AuditAction.PARTNER_SPONSOR_LIST,
            subject_type=SPONSOR,
        )


def get_sponsor(uow: UnitOfWork, *, actor: Actor, sponsor_id: uuid.UUID) -> SponsorPublic:
    """One sponsor with its contacts."""
    with uow:
        require(uow, actor, Permission.PARTNER_READ, subject_type=SPONSOR, subject_id=sponsor_id)
        repo = PartnersRepository(uow.session)
        value = _sponsor_public(repo, repo.sponsor(sponsor_id))
        return audit.audited_read(
            uow,
            value,
            actor=actor,
            action=AuditAction.PARTNER_SPONSOR_READ,
            subject_type=SPONSOR,
            subject_id=sponsor_id,
        )


def propose_project(uow: UnitOfWork, *, actor: Actor, data: ProjectCreate) -> ProjectPublic:
    """Record a sponsor's proposal; its terms are the first revision."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT)
        repo = PartnersRepository(uow.session)
        try:
            sponsor = repo.sponsor(data.sponsor_id)
        except NotFound:
            raise InvalidInput("sponsor_id", f"no sponsor with id {data.sponsor_id}") from None
        domain.check_period(data.starts_on, data.ends_on)
        office_id = data.office_id or actor.office_id
        if office_id is not None and uow.session.get(Office, office_id) is None:
            raise InvalidInput("office_id", f"no office with id {office_id}")
        project = Project(
            sponsor_id=sponsor.id,
            title=required_text(data.title, "title", max_len=200),
            program=required_text(data.program, "program", max_len=64),
            office_id=office_id,
            activities=required_text(data.activities, "activities", max_len=20_000),
            participants=domain.check_participants(data.participants_wanted),
            funding_cents=domain.check_amount(data.funding_asked, field="funding_asked"),
            hr_asked=clean_text(data.hr_asked) or None,
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            fiscal_year=domain.fiscal_year(data.starts_on),
            state=ProjectState.PROPOSED.value,
            proposed_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(project)
        uow.flush()
        _revision(uow, actor, project, "Proposal as received")
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_PROPOSE,
            subject_type=PROJECT,
            subject_id=project.id,
            after=_terms(project),
            details={"sponsor_id": sponsor.id},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def negotiate(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: Negotiation) -> ProjectPublic:
    """Record terms changed in negotiation (funding, participants or both) as a new revision."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.require_state(project.state, (ProjectState.PROPOSED,), "negotiated")
        if data.funding is None and data.participants is None:
            raise InvalidInput("funding", "give the new funding, the new number of participants, or both")
        note = required_text(data.note, "note", max_len=4000)
        before = _terms(project)
        if data.funding is not None:
            project.funding_cents = domain.check_amount(data.funding, field="funding")
        if data.participants is not None:
            project.participants = domain.check_participants(data.participants, field="participants")
        _revision(uow, actor, project, note)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_NEGOTIATE,
            subject_type=PROJECT,
            subject_id=project.id,
            before=before,
            after=_terms(project),
            details={"note": note},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def recommend(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: Recommendation) -> ProjectPublic:
    """The officer's written recommendation; the negotiated terms are what the manager approves."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.require_state(project.state, (ProjectState.PROPOSED,), "recommended")
        project.recommendation = required_text(data.recommendation, "recommendation", max_len=20_000)
        project.recommended_by, project.recommended_at = actor.username, uow.clock.now()
        project.state = ProjectState.RECOMMENDED.value
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_RECOMMEND,
            subject_type=PROJECT,
            subject_id=project.id,
            after=_terms(project),
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def approve(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: Approval) -> ProjectPublic:
    """A supervisor or manager approves the recommended terms (not their own): the funding is committed."""
    with uow:
        require(uow, actor, Permission.PARTNER_APPROVE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.require_state(project.state, (ProjectState.RECOMMENDED,), "approved")
        domain.check_approver(
            actor.username, proposed_by=project.proposed_by, recommended_by=project.recommended_by
        )
        project.approved_by, project.approved_at = actor.username, uow.clock.now()
        project.state = ProjectState.APPROVED.value
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_APPROVE,
            subject_type=PROJECT,
            subject_id=project.id,
            after=_terms(project),
            details={"committed_cents": project.funding_cents, "fiscal_year": project.fiscal_year},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def sign(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: Signing) -> ProjectPublic:
    """Sign the agreement with the sponsor; refused unless it is approved."""
    with uow:
        require(uow, actor, Permission.PARTNER_APPROVE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.check_signing(project.state, project.approved_by)
        project.signed_by, project.signed_on = actor.username, data.signed_on
        project.state = ProjectState.SIGNED.value
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_SIGN,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"signed_on": data.signed_on},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def record_participant(
    uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: ParticipantCreate
) -> ProjectPublic:
    """Record the reviewed agreement between the sponsor and a participant, with the placement."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        require(uow, actor, Permission.PERSON_READ, subject_type="person", subject_id=data.person_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        domain.require_state(project.state, (ProjectState.SIGNED,), "given participants")
        try:
            person_id = current_record_id(uow, data.person_id)
        except NotFound:
            raise InvalidInput("person_id", f"no person with id {data.person_id}") from None
        domain.check_placement_dates(
            data.starts_on, data.ends_on, project_start=project.starts_on, project_end=project.ends_on
        )
        if len(repo.agreements(project.id)) >= project.participants:
            raise InvalidInput(
                "person_id",
                f"the project is agreed for {project.participants} participants; all are recorded",
            )
        row = ParticipantAgreement(
            project_id=project.id,
            person_id=person_id,
            placement=required_text(data.placement, "placement", max_len=200),
            starts_on=data.starts_on,
            ends_on=data.ends_on,
            note=clean_text(data.note) or None,
            reviewed_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PARTICIPANT_RECORD,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"person_id": person_id, "placement": row.placement, "starts_on": row.starts_on},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def pay_instalment(
    uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: InstalmentCreate
) -> ProjectPublic:
    """Record an instalment of the approved funding as a money invoice of the sponsor's vendor payee (no
    benefit unit); another person approves it (``approve_instalment``) before money pays it. Refused
    beyond the approved funding not yet asked for."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        domain.require_state(project.state, (ProjectState.SIGNED,), "paid")
        domain.check_instalment_date(data.pay_date, project_start=project.starts_on)
        asked = repo.requested_cents(project.id)
        domain.check_instalment(data.amount, paid_cents=asked, approved_cents=project.funding_cents)
        sponsor = repo.sponsor(project.sponsor_id)
        payee_id = _approved_payee(uow, actor, sponsor)
        number = len(repo.instalments(project.id)) + 1
        invoice = money.record_funding_invoice(
            uow,
            actor=actor,
            data=money.FundingInvoiceCreate(
                payee_id=payee_id,
                vendor_reference=f"P{project.id.hex[:8].upper()}-{number}",
                program=project.program,
                amount=data.amount,
                description=f"{project.title}: instalment {number} of the funding agreed with {sponsor.name}",
                received_on=uow.clock.today(),
                office_id=project.office_id,
            ),
        )
        row = Instalment(
            project_id=project.id,
            number=number,
            amount_cents=data.amount,
            pay_date=data.pay_date,
            invoice_id=invoice.id,
            fiscal_year=domain.fiscal_year(data.pay_date),
            note=clean_text(data.note) or None,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_INSTALMENT_PAY,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"number": row.number, "amount_cents": row.amount_cents, "pay_date": row.pay_date},
            details={
                "asked_before_cents": asked,
                "approved_cents": project.funding_cents,
                "invoice_id": invoice.id,
            },
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def approve_instalment(
    uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, number: int, data: InstalmentApproval
) -> ProjectPublic:
    """A second person approves a recorded instalment for payment through money: within their
    ``project_funding`` authority it is approved for the next batch, beyond it it waits in money's
    approval queue. Whoever recorded it cannot approve it (money refuses)."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.require_state(project.state, (ProjectState.SIGNED, ProjectState.CLOSED), "paid")
        row = repo.instalment(project.id, number)
        if row is None:
            raise InvalidInput("number", f"the project has no instalment {number}")
        if row.invoice_id is None:
            raise InvalidTransition(
                f"instalment {number} was recorded as paid before payment went through money"
            )
        invoice = money.approve_invoice(uow, actor=actor, invoice_id=row.invoice_id, pay_date=row.pay_date)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_INSTALMENT_APPROVE,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"number": number, "invoice_state": invoice.state, "issuance_id": invoice.issuance_id},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def _approved_payee(uow: UnitOfWork, actor: Actor, sponsor: Sponsor) -> uuid.UUID:
    if sponsor.payee_id is None:
        raise InvalidTransition(f"{sponsor.name} has no payee in money; it cannot be paid")
    payee = money.get_payee(uow, actor=actor, payee_id=sponsor.payee_id)
    if payee.state != "approved":
        raise InvalidTransition(
            f"{sponsor.name}'s payee was set up by hand and waits for a second person's approval in money"
        )
    return payee.id


def record_visit(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: VisitCreate) -> ProjectPublic:
    """Record a monitoring visit or report and what it found."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        domain.require_state(project.state, (ProjectState.SIGNED,), "monitored")
        if not project.starts_on <= data.visited_on <= uow.clock.today():
            raise InvalidInput("visited_on", "must be between the project's start and today")
        row = MonitoringVisit(
            project_id=project.id,
            visited_on=data.visited_on,
            findings=required_text(data.findings, "findings", max_len=20_000),
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
        uow.session.add(row)
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_VISIT_RECORD,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"visited_on": row.visited_on},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def close_project(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID, data: Closing) -> ProjectPublic:
    """Close a signed project with its results."""
    with uow:
        require(uow, actor, Permission.PARTNER_WRITE, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        project = repo.project(project_id)
        expect_version(project.version, data.version, what="project")
        domain.require_state(project.state, (ProjectState.SIGNED,), "closed")
        if data.closed_on < project.starts_on:
            raise InvalidInput("closed_on", "must be on or after the project's start")
        project.results = required_text(data.results, "results", max_len=20_000)
        project.closed_by, project.closed_on = actor.username, data.closed_on
        project.state = ProjectState.CLOSED.value
        uow.flush()
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_CLOSE,
            subject_type=PROJECT,
            subject_id=project.id,
            after={"closed_on": data.closed_on},
            details={"paid_cents": repo.paid_cents(project.id), "approved_cents": project.funding_cents},
        )
        result = _project_public(repo, project)
        uow.commit()
    return result


def get_project(uow: UnitOfWork, *, actor: Actor, project_id: uuid.UUID) -> ProjectPublic:
    """A project with its revisions, participants, instalments and visits."""
    with uow:
        require(uow, actor, Permission.PARTNER_READ, subject_type=PROJECT, subject_id=project_id)
        repo = PartnersRepository(uow.session)
        value = _project_public(repo, repo.project(project_id))
        return audit.audited_read(
            uow,
            value,
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_READ,
            subject_type=PROJECT,
            subject_id=project_id,
        )


def list_projects(
    uow: UnitOfWork, *, actor: Actor, sponsor_id: uuid.UUID | None = None, state: str | None = None
) -> list[ProjectPublic]:
    """Projects (of a sponsor, or in a state), newest start first."""
    with uow:
        require(uow, actor, Permission.PARTNER_READ, subject_type=PROJECT)
        if state is not None:
            state = parse_enum(ProjectState, state, field="state").value
        repo = PartnersRepository(uow.session)
        return audit.audited_list(
            uow,
            repo.projects(sponsor_id=sponsor_id, state=state),
            lambda p: _project_public(repo, p, full=False),
            actor=actor,
            action=AuditAction.PARTNER_PROJECT_LIST,
            subject_type=PROJECT,
        )


def project_commitments(uow: UnitOfWork, *, actor: Actor, fiscal_year: int) -> list[CommitmentLine]:
    """Project funding committed (approved) and paid per program and office in a fiscal year, for the
    budget page beside money's committed and spent."""
    with uow:
        require(uow, actor, Permission.MONEY_BUDGET_READ, subject_type="budget")
        if not 2000 <= fiscal_year <= 2100:
            raise InvalidInput(
                "fiscal_year", "must be the year the fiscal year starts, e.g. 2026 for 2026-27"
            )
        rows = PartnersRepository(uow.session).commitments(fiscal_year)
        return audit.audited_list(
            uow,
            rows,
            lambda r: CommitmentLine(
                program=r[0],
                office_id=r[1],
                fiscal_year=fiscal_year,
                projects=int(r[2]),
                committed_cents=int(r[3] or 0),
                paid_cents=int(r[4] or 0),
            ),
            actor=actor,
            action=AuditAction.PARTNER_COMMITMENTS_READ,
            subject_type="budget",
        )


def _revision(uow: UnitOfWork, actor: Actor, project: Project, note: str) -> None:
    uow.session.add(
        ProjectRevision(
            project_id=project.id,
            number=len(PartnersRepository(uow.session).revisions(project.id)) + 1,
            funding_cents=project.funding_cents,
            participants=project.participants,
            note=note,
            recorded_by=actor.username,
            created_at=uow.clock.now(),
        )
    )


def _terms(project: Project) -> dict[str, Any]:
    return {
        "state": project.state,
        "funding_cents": project.funding_cents,
        "participants": project.participants,
    }


def _sponsor_public(repo: PartnersRepository, sponsor: Sponsor) -> SponsorPublic:
    out = SponsorPublic.model_validate(sponsor)
    out.contacts = [ContactPublic.model_validate(c) for c in repo.contacts(sponsor.id)]
    return out


def _project_public(repo: PartnersRepository, project: Project, *, full: bool = True) -> ProjectPublic:
    out = ProjectPublic.model_validate(project)
    out.sponsor_name = repo.sponsor(project.sponsor_id).name
    committed = project.state in ("approved", "signed", "closed")
    out.committed_cents = project.funding_cents if committed else 0
    out.paid_cents = repo.paid_cents(project.id)
    out.requested_cents = repo.requested_cents(project.id)
    if full:
        out.revisions = [RevisionPublic.model_validate(r) for r in repo.revisions(project.id)]
        out.agreements = [
            ParticipantPublic.model_validate(a).model_copy(
                update={"person_name": f"{p.preferred_name or p.given_names} {p.family_name}".strip()}
            )
            for a, p in repo.agreements(project.id)
        ]
        out.instalments = [
            InstalmentPublic.model_validate(i).model_copy(
                update={
                    "state": instalment_state(inv, iss),
                    "issuance_id": iss.id if iss is not None else None,
                    "approved_by": iss.approved_by if iss is not None else None,
                }
            )
            for i, inv, iss in repo.instalments(project.id)
        ]
        out.visits = [VisitPublic.model_validate(v) for v in repo.visits(project.id)]
    return out
