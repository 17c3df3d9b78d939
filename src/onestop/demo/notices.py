"""Letters in the demo: the office's letters delivered, one held for an officer, one come back, and
letters in the demo portal client's inbox (issue 15).

Every decision, review, overpayment, appeal and referral the office steps made has already queued its
letter (in its own transaction). This step, run once the office is built, adds the portal client's
papers request, a letter nobody can deliver, then runs the worker as ``onestop notices send`` does.
The demo has no mail server, so letters go to the portal inbox (a client account) or by post (an
address on file: into the day's print file); a letter that came back is marked returned. Everything
goes through the services, so each letter is in the person's file and the audit trail.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from onestop import notices, registry
from onestop.access import Actor
from onestop.cases.applications import Application
from onestop.cases.applications import letters as app_letters
from onestop.clients import ClientAccount
from onestop.demo.context import Ctx
from onestop.demo.portal import CLIENT_EMAIL
from onestop.notices import Notice
from onestop.registry.schemas import DuplicateDecision, PersonCreate

WORKER = Actor.system("notices")


def letters(ctx: Ctx) -> None:
    """Queue the demo's own letters, deliver everything due, and mark one posted letter returned."""
    ctx.day(0, 1, 0)
    officer = ctx.officers[0]
    _portal_papers(ctx, officer)
    _undeliverable(ctx, officer)
    while (sent := notices.send_due(ctx.container.uow(), actor=WORKER, smtp_url=None, worker="demo")).total:
        for status, n in sent.by_status.items():
            ctx.made.add(f"letters_{status}", n)
        for channel, n in sent.by_channel.items():
            ctx.made.add(f"letters_by_{channel}", n)
    with ctx.container.uow() as uow:
        posted = uow.session.scalars(
            select(Notice.id)
            .where(Notice.channel == "post", Notice.status == "sent")
            .order_by(Notice.created_at)
        ).first()
    if posted is not None:
        notices.mark_returned(ctx.container.uow(), actor=officer, notice_id=posted)
        ctx.made.add("letters_returned")


def _portal_papers(ctx: Ctx, officer: Actor) -> None:
    """The portal client's online application waits for papers: the letter asking for them goes to
    their account's inbox (the application itself stays as the office steps left it)."""
    with ctx.container.uow() as uow:
        person = uow.session.scalar(
            select(ClientAccount.person_id).where(ClientAccount.email == CLIENT_EMAIL)
        )
        app = uow.session.scalars(
            select(Application).where(Application.applicant_id == person).order_by(Application.created_at)
        ).first()
        if person is None or app is None:
            return
        notices.queue_notice(
            uow,
            person_id=person,
            kind=notices.Kind.DOCUMENTS_REQUESTED,
            params=app_letters.common(app.program, app.jurisdiction)
            | {
                "documents": {
                    "en": "- Proof of identity\n- Your last bank statement\n- Your lease or rent receipt",
                    "fr": "- Une preuve d'identité\n- Votre dernier relevé bancaire\n"
                    "- Votre bail ou un reçu de loyer",
                },
                "why": {
                    "en": "We need them to check what you told us online.",
                    "fr": "Nous en avons besoin pour vérifier ce que vous nous avez dit en ligne.",
                },
                "due_on": notices.date(ctx.today + dt.timedelta(days=14)),
            },
            subject_type="application",
            subject_id=app.id,
            created_by=officer.username,
        )
        uow.commit()


def _undeliverable(ctx: Ctx, officer: Actor) -> None:
    """A person with no address, no e-mail and no account: their letter waits in the failure queue."""
    data = PersonCreate(
        given_names="Sam",
        family_name="Nofixed",
        birth_date=ctx.today - dt.timedelta(days=41 * 365),
        language="en",
    )
    decision = DuplicateDecision(decision="new_person", reason="demo: no fixed address")
    person = registry.register_person(
        ctx.container.uow(), actor=officer, data=data, duplicate_decision=decision
    )
    with ctx.container.uow() as uow:
        notices.queue_notice(
            uow,
            person_id=person.id,
            kind=notices.Kind.DOCUMENTS_REQUESTED,
            params={
                "program": {"en": "Income Support", "fr": "Soutien du revenu"},
                "documents": {"en": "- Proof of identity", "fr": "- Une preuve d'identité"},
                "why": {"en": "We need to know who you are.", "fr": "Nous devons savoir qui vous êtes."},
                "due_on": notices.date(ctx.today + dt.timedelta(days=14)),
                "legal_source": {"en": "the program's rules", "fr": "les règles du programme"},
                "office_phone": "1-800-555-0100",
            },
            subject_type="person",
            subject_id=person.id,
            created_by=officer.username,
        )
        uow.commit()
    ctx.made.guide["held_letter_person"] = str(person.id)
