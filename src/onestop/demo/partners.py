"""Issue 18 in the demo: two sponsors, a labour-market project running (negotiated, recommended,
approved and signed, three participants, two instalments through money — one approved for the next
payment batch, one waiting for a second person — and a monitoring visit), a second one waiting
for the supervisor's approval, two MHA inquiries (one answered with the client's consent, one open), a
client in college whose second term's attendance is flagged (a task for the officer), and last
night's on-call shift with a call that authorized two nights of emergency shelter.

Every write goes through the partners services, as the first officer (maker) and the supervisor
(checker); the participants and the clients asked about are people already registered, picked with
the demo's seeded random source. Run it after the office's history (it needs people).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select

from onestop import money, partners
from onestop.demo.context import Ctx
from onestop.demo.money import approve_payee
from onestop.registry import Person, PersonRestriction, UnitMembership

#: name, kind, address, contact, role, phone. Demo organizations, not real ones.
SPONSORS = (
    (
        "Conception Bay Heritage Society",
        "community",
        "12 Water St, Bay Roberts NL A0A 1G0",
        "Joan Mercer",
        "Coordinator",
        "709-555-0142",
    ),
    (
        "Avalon Employment Partners",
        "organization",
        "40 Kenmount Rd, St. John's NL A1B 1W2",
        "Raj Pillai",
        "Executive director",
        "709-555-0168",
    ),
)


def load_partners(ctx: Ctx) -> None:
    """Record the sponsors, the projects and the inquiries."""
    officer = ctx.officers[0]
    today = ctx.clock.today()
    sponsors = [_sponsor(ctx, *row) for row in SPONSORS]
    people = _people(ctx, 5)
    running = _running_project(ctx, sponsors[0], people[:3], today)
    waiting = partners.propose_project(
        ctx.container.uow(),
        actor=officer,
        data=partners.ProjectCreate(
            sponsor_id=sponsors[1],
            title="Retail skills for newcomers",
            activities="Eight weeks of customer-service training, then a paid placement in a local store",
            participants_wanted=8,
            funding_asked=64_000_00,
            hr_asked="A job coach, half time",
            starts_on=today + dt.timedelta(days=30),
            ends_on=today + dt.timedelta(days=150),
        ),
    )
    partners.recommend(
        ctx.container.uow(),
        actor=officer,
        project_id=waiting.id,
        data=partners.Recommendation(
            recommendation="Employers signed letters of support; placements are paid."
        ),
    )
    ctx.made.add("projects", 2)
    ctx.made.guide["project"] = f"/staff/partners/projects/{running}"
    _inquiries(ctx, people[3:], today)
    _training(ctx, people[0], today)
    _on_call(ctx, today)


def _sponsor(ctx: Ctx, name: str, kind: str, address: str, contact: str, role: str, phone: str) -> uuid.UUID:
    made = partners.create_sponsor(
        ctx.container.uow(),
        actor=ctx.officers[0],
        data=partners.SponsorCreate(
            name=name,
            kind=kind,
            address=address,
            contacts=[partners.ContactIn(name=contact, role=role, phone=phone)],
        ),
    )
    approve_payee(ctx, made.payee_id)
    ctx.made.add("sponsors")
    return made.id


def _people(ctx: Ctx, n: int) -> list[uuid.UUID]:
    """``n`` registered people whose files are open to the officer (not a restricted file: the demo's
    officer has no reason to break the glass for a trail project)."""
    restricted = select(PersonRestriction.person_id).where(PersonRestriction.lifted_at.is_(None))
    with ctx.container.uow() as uow:
        ids = list(
            uow.session.scalars(
                select(Person.id).where(Person.id.not_in(restricted)).order_by(Person.id).limit(200)
            )
        )
    return ctx.rng.sample(ids, min(n, len(ids)))


def _running_project(ctx: Ctx, sponsor: uuid.UUID, people: list[uuid.UUID], today: dt.date) -> uuid.UUID:
    officer, supervisor = ctx.officers[0], ctx.staff["supervisor"]
    uow = ctx.container.uow
    start = today - dt.timedelta(days=45)
    project = partners.propose_project(
        uow(),
        actor=officer,
        data=partners.ProjectCreate(
            sponsor_id=sponsor,
            title="Heritage trail restoration",
            activities="Restore 4 km of coastal trail; carpentry and first-aid training on site",
            participants_wanted=6,
            funding_asked=120_000_00,
            hr_asked="A site supervisor for 30 weeks",
            starts_on=start,
            ends_on=start + dt.timedelta(days=210),
        ),
    )
    for funding, participants, note in (
        (95_000_00, None, "Materials at cost from the town"),
        (90_000_00, 5, "A shorter season; five participants"),
    ):
        project = partners.negotiate(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.Negotiation(funding=funding, participants=participants, note=note),
        )
    partners.recommend(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.Recommendation(recommendation="Strong local support; fills a gap in trades skills."),
    )
    partners.approve(uow(), actor=supervisor, project_id=project.id, data=partners.Approval())
    partners.sign(uow(), actor=supervisor, project_id=project.id, data=partners.Signing(signed_on=start))
    for who, placement in zip(people, ("Trail crew", "Trail crew", "Site first-aid"), strict=False):
        partners.record_participant(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.ParticipantCreate(person_id=who, placement=placement, starts_on=start),
        )
    # Two instalments through money: the first approved by the supervisor (it goes in the next payment
    # batch), the second waiting for a second person's approval on the project page.
    for amount, days_on in ((45_000_00, 0), (30_000_00, 14)):
        partners.pay_instalment(
            uow(),
            actor=officer,
            project_id=project.id,
            data=partners.InstalmentCreate(amount=amount, pay_date=today + dt.timedelta(days=days_on)),
        )
    partners.approve_instalment(
        uow(), actor=supervisor, project_id=project.id, number=1, data=partners.InstalmentApproval()
    )
    partners.record_visit(
        uow(),
        actor=officer,
        project_id=project.id,
        data=partners.VisitCreate(
            visited_on=today - dt.timedelta(days=7),
            findings="1.2 km done; timesheets in order; one safety note",
        ),
    )
    ctx.made.add("instalments", 2)
    return project.id


def _inquiries(ctx: Ctx, people: list[uuid.UUID], today: dt.date) -> None:
    officer = ctx.officers[0]
    for n, who in enumerate(people):
        received = today - dt.timedelta(days=6 - n * 4)
        made = partners.open_inquiry(
            ctx.container.uow(),
            actor=officer,
            data=partners.InquiryCreate(
                person_id=who,
                member_office="mha",
                member_name="Hon. Pam Parsons, MHA",
                asked_by="Constituency assistant Gail Kennedy",
                on_behalf_of="The client",
                question="Why was this month's income support payment late?",
                received_on=received,
                consent_on=received if n == 0 else None,
                consent_note="Signed consent form sent by the MHA's office" if n == 0 else None,
            ),
        )
        if n == 0:
            partners.answer_inquiry(
                ctx.container.uow(),
                actor=officer,
                inquiry_id=made.id,
                data=partners.InquiryAnswer(
                    answer="The payment waited for a missing pay stub; it was released the next day.",
                    disclose=True,
                    answered_on=today,
                ),
            )
        ctx.made.add("inquiries")


def _training(ctx: Ctx, person: uuid.UUID, today: dt.date) -> None:
    """A client in a welding diploma: the first term within the rule, the second flagged."""
    officer = ctx.officers[0]
    start = today - dt.timedelta(days=120)
    training = partners.enrol(
        ctx.container.uow(),
        actor=officer,
        data=partners.TrainingCreate(
            person_id=person,
            kind="post_secondary",
            institution="College of the North Atlantic",
            program_name="Welding (diploma)",
            starts_on=start,
            ends_on=start + dt.timedelta(days=300),
            tuition=2_900_00,
            supports=450_00,
            supports_note="Books, tools and a bus pass",
        ),
    )
    for term, offset, attended in (("Term 1", 0, 36), ("Term 2", 60, 29)):
        partners.record_attendance(
            ctx.container.uow(),
            actor=officer,
            training_id=training.id,
            data=partners.AttendanceCreate(
                term=term,
                period_start=start + dt.timedelta(days=offset),
                period_end=start + dt.timedelta(days=offset + 55),
                scheduled_days=40,
                attended_days=attended,
                received_on=min(today, start + dt.timedelta(days=offset + 60)),
            ),
        )
    ctx.made.add("trainings")
    ctx.made.guide["training"] = f"/staff/training/{training.id}"


def _on_call(ctx: Ctx, today: dt.date) -> None:
    """Last night's on-call shift (the first officer) and a call that authorized emergency shelter."""
    officer, supervisor = ctx.officers[0], ctx.staff["supervisor"]
    if officer.staff_id is None:
        return
    now = ctx.clock.now()
    evening = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(17, 0), tzinfo=now.tzinfo or dt.UTC)
    partners.add_shift(
        ctx.container.uow(),
        actor=supervisor,
        data=partners.ShiftCreate(
            staff_id=officer.staff_id,
            area="Avalon",
            office_id=officer.office_id,
            phone="709-555-0100",
            starts_at=evening,
            ends_at=evening + dt.timedelta(hours=15),
        ),
    )
    with ctx.container.uow() as uow:
        restricted = select(PersonRestriction.person_id).where(PersonRestriction.lifted_at.is_(None))
        member = uow.session.execute(
            select(UnitMembership.person_id, UnitMembership.unit_id)
            .where(UnitMembership.person_id.not_in(restricted))
            .order_by(UnitMembership.person_id)
            .limit(1)
        ).first()
    if member is None:
        return
    shelter = money.create_payee(
        ctx.container.uow(),
        actor=officer,
        data=money.PayeeCreate(kind="vendor", name="Harbour Light Shelter"),
    )
    approve_payee(ctx, shelter.id)
    partners.record_call(
        ctx.container.uow(),
        actor=officer,
        data=partners.AfterHoursCreate(
            person_id=member.person_id,
            unit_id=member.unit_id,
            received_at=evening + dt.timedelta(hours=6, minutes=10),
            summary="Evicted this evening after a dispute with the landlord; nowhere to stay tonight",
            authorized=[
                partners.EmergencyIn(kind="shelter", amount=180_00, payee_id=shelter.id, nights=2),
            ],
        ),
    )
    ctx.made.add("on-call calls")
