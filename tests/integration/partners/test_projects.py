"""A sponsor's project from proposal to closing: negotiation kept as revisions, a written
recommendation, a supervisor's approval (never the recommender's own), signing only once approved,
participant agreements, instalments within the approved funding paid through money (recorded by one
person, approved by another, paid in a batch), a monitoring visit and the closing, with the funding
committed and spent against the program's budget."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from onestop import money, partners
from onestop.access import Actor, Role
from onestop.bootstrap import Container
from onestop.common.errors import InvalidInput, InvalidTransition, PermissionDenied
from onestop.money.errors import SelfApproval
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import make_person, make_worker

PROGRAM = "nl.lmda"


def _sponsor(container: Container, team: Team) -> partners.SponsorPublic:
    return partners.create_sponsor(
        container.uow(),
        actor=team.officer.actor,
        data=partners.SponsorCreate(
            name="Bay Roberts Heritage Society",
            kind="community",
            address="12 Water St, Bay Roberts NL A0A 1G0",
            contacts=[partners.ContactIn(name="Joan Mercer", role="Coordinator", phone="709-555-0142")],
        ),
    )


def _proposal(container: Container, team: Team, sponsor_id: object) -> partners.ProjectPublic:
    return partners.propose_project(
        container.uow(),
        actor=team.officer.actor,
        data=partners.ProjectCreate(
            sponsor_id=sponsor_id,  # type: ignore[arg-type]
            title="Heritage trail restoration",
            program=PROGRAM,
            office_id=team.office.id,
            activities="Restore 4 km of coastal trail; carpentry and first-aid training",
            participants_wanted=6,
            funding_asked="120000.00",  # type: ignore[arg-type]
            hr_asked="A site supervisor for 30 weeks",
            starts_on=dt.date(2026, 2, 2),
            ends_on=dt.date(2026, 9, 30),
        ),
    )


def test_a_project_from_proposal_to_closing(container: Container, team: Team, tmp_path: Path) -> None:
    officer, supervisor = team.officer.actor, team.supervisor.actor
    money.set_budget(
        container.uow(),
        actor=Actor.system("test"),
        program=PROGRAM,
        office_id=team.office.id,
        fiscal_year=2025,
        amount_cents=250_000_00,
    )
    sponsor = _sponsor(container, team)
    assert [c.name for c in sponsor.contacts] == ["Joan Mercer"]
    payee = money.get_payee(container.uow(), actor=officer, payee_id=sponsor.payee_id)  # type: ignore[arg-type]
    assert (payee.kind, payee.name) == ("vendor", "Bay Roberts Heritage Society")

    project = _proposal(container, team, sponsor.id)
    assert (project.state, project.funding_cents, project.committed_cents) == ("proposed", 120_000_00, 0)

    uow = container.uow
    project = partners.negotiate(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.Negotiation(version=project.version, funding="95000.00", note="Materials at cost"),  # type: ignore[arg-type]
    )
    project = partners.negotiate(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.Negotiation(
            version=project.version, funding="90000.00", participants=5, note="Shorter season"
        ),  # type: ignore[arg-type]
    )
    assert [(r.number, r.funding_cents, r.participants) for r in project.revisions] == [
        (1, 120_000_00, 6),
        (2, 95_000_00, 6),
        (3, 90_000_00, 5),
    ]

    # Signing before approval is refused and changes nothing.
    with pytest.raises(InvalidTransition, match="approval"):
        partners.sign(
            uow(),
            actor=supervisor,
            project_id=project.id,
            data=partners.Signing(signed_on=dt.date(2026, 2, 3)),
        )

    project = partners.recommend(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.Recommendation(
            version=project.version, recommendation="Strong local support; fills a skills gap."
        ),
    )
    assert (project.state, project.recommended_by) == ("recommended", officer.username)

    # Maker-checker: an officer cannot approve (no permission); see below for the recommender.
    with pytest.raises(PermissionDenied):
        partners.approve(uow(), actor=officer, project_id=project.id, data=partners.Approval())
    project = partners.approve(
        uow(), actor=supervisor, project_id=project.id, data=partners.Approval(version=project.version)
    )
    assert (project.state, project.approved_by, project.committed_cents) == (
        "approved",
        supervisor.username,
        90_000_00,
    )
    project = partners.sign(
        uow(), actor=supervisor, project_id=project.id, data=partners.Signing(signed_on=dt.date(2026, 2, 2))
    )
    assert project.state == "signed"

    people = [make_person(container, "Mark", "Dawe"), make_person(container, "Lisa", "Snow")]
    for who, placement in zip(people, ["Trail crew", "Site first-aid"], strict=True):
        project = partners.record_participant(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.ParticipantCreate(
                person_id=who, placement=placement, starts_on=dt.date(2026, 2, 9)
            ),
        )
    assert [(a.person_name, a.placement) for a in project.agreements] == [
        ("Mark Dawe", "Trail crew"),
        ("Lisa Snow", "Site first-aid"),
    ]

    # The sponsor's vendor payee was set up by hand: nothing is paid until a second person approves it.
    with pytest.raises(InvalidTransition, match="second person"):
        partners.pay_instalment(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.InstalmentCreate(amount="45000.00", pay_date=dt.date(2026, 3, 2)),  # type: ignore[arg-type]
        )
    [payee_request] = [
        r for r in money.list_approvals(uow(), actor=supervisor) if r.subject_id == sponsor.payee_id
    ]
    money.decide_approval(uow(), actor=supervisor, approval_id=payee_request.id, approve=True, note="Checked")

    project = partners.pay_instalment(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.InstalmentCreate(amount="45000.00", pay_date=dt.date(2026, 3, 2)),  # type: ignore[arg-type]
    )
    # Over what is approved and not yet asked for: refused, nothing written.
    with pytest.raises(InvalidInput) as err:
        partners.pay_instalment(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.InstalmentCreate(amount="45000.01", pay_date=dt.date(2026, 3, 2)),  # type: ignore[arg-type]
        )
    assert err.value.field == "amount" and "45000.00 of 90000.00" in err.value.problem
    project = partners.pay_instalment(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.InstalmentCreate(amount="30000.00", pay_date=dt.date(2026, 3, 2)),  # type: ignore[arg-type]
    )
    assert [(i.number, i.amount_cents, i.state) for i in project.instalments] == [
        (1, 45_000_00, "recorded"),
        (2, 30_000_00, "recorded"),
    ]
    assert (project.requested_cents, project.paid_cents) == (75_000_00, 0)

    # Maker-checker: whoever recorded an instalment does not approve its payment.
    with pytest.raises(SelfApproval):
        partners.approve_instalment(
            uow(), actor=officer, project_id=project.id, number=1, data=partners.InstalmentApproval()
        )
    for number in (1, 2):
        project = partners.approve_instalment(
            uow(), actor=supervisor, project_id=project.id, number=number, data=partners.InstalmentApproval()
        )
    assert [(i.state, i.approved_by) for i in project.instalments] == [
        ("approved", supervisor.username),
        ("approved", supervisor.username),
    ]
    [issuance] = [
        i for i in money.list_issuances(uow(), actor=supervisor) if i.id == project.instalments[0].issuance_id
    ]
    assert (issuance.payment_type, issuance.unit_id, issuance.payee_id, issuance.gross_cents) == (
        "project_funding",
        None,
        sponsor.payee_id,
        45_000_00,
    )

    # Finance pays them in a batch (built by one clerk, approved by another); cheques are paid on export.
    checker = make_worker(container, Role.FINANCE, office=team.office)
    batch = money.build_batch(uow(), actor=team.finance.actor, pay_date=dt.date(2026, 3, 2))
    money.approve_batch(uow(), actor=checker.actor, batch_id=batch.id)
    money.export_batch(uow(), actor=team.finance.actor, batch_id=batch.id, out_dir=tmp_path)
    project = partners.get_project(uow(), actor=officer, project_id=project.id)
    assert [i.state for i in project.instalments] == ["paid", "paid"]
    assert project.paid_cents == 75_000_00

    project = partners.record_visit(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.VisitCreate(
            visited_on=dt.date(2026, 3, 2), findings="1.2 km done; timesheets in order"
        ),
    )
    [line] = partners.project_commitments(uow(), actor=officer, fiscal_year=2025)
    assert (line.program, line.office_id, line.projects, line.committed_cents, line.paid_cents) == (
        PROGRAM,
        team.office.id,
        1,
        90_000_00,
        75_000_00,
    )
    [budget] = [
        b for b in money.budget_report(uow(), actor=officer, fiscal_year=2025) if b.program == PROGRAM
    ]
    # Money's own line counts the instalments it issued and paid against the program's budget.
    assert (budget.budget_cents, budget.committed_cents, budget.spent_cents) == (
        250_000_00,
        75_000_00,
        75_000_00,
    )

    project = partners.close_project(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.Closing(
            version=project.version, closed_on=dt.date(2026, 3, 2), results="Trail open; 4 of 5 hired"
        ),
    )
    assert (project.state, project.paid_cents, project.results) == (
        "closed",
        75_000_00,
        "Trail open; 4 of 5 hired",
    )
    with pytest.raises(InvalidTransition):
        partners.pay_instalment(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.InstalmentCreate(amount="1.00", pay_date=dt.date(2026, 3, 2)),  # type: ignore[arg-type]
        )
    actions = [a for a, _ in audit_actions(container, project.id)]
    assert actions[:2] == ["partner:project_propose", "partner:project_negotiate"]
    assert {
        "partner:project_approve",
        "partner:project_sign",
        "partner:instalment_pay",
        "partner:instalment_approve",
        "partner:visit_record",
        "partner:project_close",
    } <= set(actions)


def test_the_recommender_does_not_approve_their_own(container: Container, team: Team) -> None:
    supervisor = team.supervisor.actor
    sponsor = _sponsor(container, team)
    project = partners.propose_project(
        container.uow(),
        actor=supervisor,
        data=partners.ProjectCreate(
            sponsor_id=sponsor.id,
            title="Youth kitchen",
            activities="Cook training",
            participants_wanted=4,
            funding_asked="20000.00",
            starts_on=dt.date(2026, 4, 1),
            ends_on=dt.date(2026, 6, 30),  # type: ignore[arg-type]
        ),
    )
    project = partners.recommend(
        container.uow(),
        actor=supervisor,
        project_id=project.id,
        data=partners.Recommendation(recommendation="Yes"),
    )
    with pytest.raises(InvalidInput) as err:
        partners.approve(container.uow(), actor=supervisor, project_id=project.id, data=partners.Approval())
    assert err.value.field == "approved_by"
    again = partners.get_project(container.uow(), actor=supervisor, project_id=project.id)
    assert (again.state, again.approved_by, again.version) == ("recommended", None, project.version)


def test_bad_proposals_name_the_field(container: Container, team: Team) -> None:
    sponsor = _sponsor(container, team)
    base = {
        "sponsor_id": sponsor.id,
        "title": "T",
        "activities": "A",
        "participants_wanted": 2,
        "funding_asked": "100.00",
        "starts_on": dt.date(2026, 4, 1),
        "ends_on": dt.date(2026, 6, 30),
    }
    for change, field in [
        ({"ends_on": dt.date(2026, 3, 1)}, "ends_on"),
        ({"participants_wanted": 0}, "participants_wanted"),
        ({"funding_asked": "0"}, "funding_asked"),
        ({"title": "  "}, "title"),
    ]:
        with pytest.raises(InvalidInput) as err:
            partners.propose_project(
                container.uow(), actor=team.officer.actor, data=partners.ProjectCreate(**{**base, **change})
            )
        assert err.value.field == field
    assert partners.list_projects(container.uow(), actor=team.officer.actor) == []
