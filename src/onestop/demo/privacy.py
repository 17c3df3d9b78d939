"""Issue 20 in the demo: an access request in progress (assembled, one redaction, waiting for the
supervisor's approval) and a legal hold; the purge is shown as a dry run (nothing is due in the demo);
a breach being assessed."""

from __future__ import annotations

import datetime as dt

from onestop import privacy
from onestop.access import Actor
from onestop.demo.context import Ctx
from onestop.registry import register_person
from onestop.registry.schemas import DuplicateDecision, PersonCreate

#: The demo has no privacy-office account yet; its work is recorded under this system name.
PRIVACY_OFFICE = Actor.system("demo-privacy-office")


def access_request_in_progress(ctx: Ctx) -> None:
    """A client asked at the counter for everything held about her; the privacy office has assembled it,
    withheld her former partner's pay stub, and waits for the supervisor's approval."""
    officer = ctx.officers[0]
    person = register_person(
        ctx.container.uow(),
        actor=officer,
        data=PersonCreate(given_names="Mireille", family_name="Arsenault", birth_date=dt.date(1984, 6, 9)),
        duplicate_decision=DuplicateDecision(
            decision="new_person", reason="demo: a new client at the counter"
        ),
    )
    req = privacy.log_request(
        ctx.container.uow(),
        actor=officer,
        data=privacy.RequestCreate(
            person_id=person.id,
            kind="access",
            jurisdiction="ca-ab",
            received_on=ctx.clock.today(),
            details="Everything you hold about me, including who looked at my file.",
        ),
    )
    privacy.assemble_package(ctx.container.uow(), actor=officer, request_id=req.id)
    privacy.add_redaction(
        ctx.container.uow(),
        actor=officer,
        request_id=req.id,
        data=privacy.RedactionIn(
            section="access_history", reason="safety", note="demo: a staff safety concern (example)"
        ),
    )
    privacy.place_hold(
        ctx.container.uow(),
        actor=PRIVACY_OFFICE,
        data=privacy.HoldIn(person_id=person.id, reason="demo: a pending appeal keeps the whole file"),
    )
    privacy.purge(ctx.container.uow(), actor=PRIVACY_OFFICE, storage=ctx.container.storage, apply=False)
    ctx.made.add("privacy_requests")


def breach_being_assessed(ctx: Ctx) -> None:
    """A review letter went to the neighbour's address and came back opened: an officer reported it,
    the privacy office has assessed it (a real risk of significant harm, so letters are next) and asked
    for one follow-up step."""
    officer = ctx.officers[0]
    person = register_person(
        ctx.container.uow(),
        actor=officer,
        data=PersonCreate(given_names="Gérald", family_name="Poirier", birth_date=dt.date(1961, 11, 23)),
        duplicate_decision=DuplicateDecision(decision="new_person", reason="demo: a client of the office"),
    )
    found = privacy.report_breach(
        ctx.container.uow(),
        actor=officer,
        data=privacy.BreachCreate(
            kind="misdirected_letter",
            jurisdiction="ca-ab",
            discovered_on=ctx.clock.today(),
            description="demo: the review letter went to 14 Elm St; the neighbour brought it back opened.",
            person_id=person.id,
        ),
    )
    privacy.assess_breach(
        ctx.container.uow(),
        actor=PRIVACY_OFFICE,
        breach_id=found.id,
        data=privacy.BreachAssessmentIn(
            information="Your name, your address and the date of your benefit review.",
            sensitivity="medium",
            people_affected=1,
            likelihood="medium",
            containment="contained",
            containment_steps="Your neighbour gave the letter back to us the next day.",
            harm="The neighbour now knows the person gets income support.",
        ),
    )
    privacy.add_action(
        ctx.container.uow(),
        actor=PRIVACY_OFFICE,
        breach_id=found.id,
        data=privacy.BreachActionIn(
            what="Remind the team to check the address on file before printing.",
            due_on=ctx.clock.today() + dt.timedelta(days=7),
        ),
    )
    ctx.made.add("privacy_breach")
