"""Six weeks of logged contacts: calls, walk-ins, e-mails, across the reason codes, with a weekly shape
(busy Mondays, quiet Fridays, a lunch dip), so the call statistics and charts have something to show."""

from __future__ import annotations

from onestop.access import Actor
from onestop.cases import interactions
from onestop.cases.interactions import InteractionCreate
from onestop.demo.context import Client, Ctx

WEEKS = 6
CHANNELS = (("phone", 55), ("walk_in", 25), ("email", 10), ("web", 5), ("mail", 3), ("outreach", 2))
REASONS = (
    ("application_status", 20),
    ("payment_inquiry", 18),
    ("apply_for_benefits", 12),
    ("documents", 12),
    ("report_change", 9),
    ("general_information", 8),
    ("emergency_needs", 6),
    ("housing_shelter", 5),
    ("employment_training", 4),
    ("overpayment", 3),
    ("disability_supports", 2),
    ("complaint", 1),
)
WEEKDAY_LOAD = (1.4, 1.1, 1.0, 1.0, 0.7)  # Monday .. Friday
HOURS = (8, 9, 9, 10, 10, 10, 11, 11, 13, 14, 14, 15, 15, 16)  # a lunch dip at noon


def _pick(ctx: Ctx, weighted: tuple[tuple[str, int], ...]) -> str:
    return ctx.rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def log_one(ctx: Ctx, officer: Actor, client: Client | None) -> None:
    """One contact, as the officer logs it after the call or visit."""
    channel = _pick(ctx, CHANNELS)
    reasons = [_pick(ctx, REASONS)]
    if ctx.rng.random() < 0.2:
        reasons = sorted({*reasons, _pick(ctx, REASONS)})
    minutes = ctx.rng.randint(3, 20) if channel == "phone" else ctx.rng.randint(5, 45)
    interactions.log_interaction(
        ctx.container.uow(),
        actor=officer,
        data=InteractionCreate(
            channel=channel,
            reason_codes=reasons,
            person_id=client.person_id if client else None,
            direction="outbound" if ctx.rng.random() < 0.15 else "inbound",
            duration_seconds=minutes * 60,
            outcome=ctx.rng.choice(("resolved", "resolved", "information_given", "appointment_booked")),
        ),
    )
    ctx.made.add("contacts")


#: Received e-mails waiting in the staff inbox (sender, subject, body); the first is attached and answered.
INBOX = (
    (
        "where.is.my.cheque@example.org",
        "My cheque",
        "Hello, my cheque did not come this month. Can you tell me when it will come? Thank you.",
    ),
    (
        "new.in.town@example.org",
        "Help with rent",
        "I just moved here and I cannot pay my rent this month. What help is there?",
    ),
    (
        "aide.logement@example.org",
        "Demande d'aide",
        "Bonjour, je cherche de l'aide pour payer mon loyer. Pouvez-vous m'appeler?",
    ),
    (
        "papers.sent@example.org",
        "Papers for my file",
        "I mailed my bank statements last week. Did you get them?",
    ),
)


def email_inbox(ctx: Ctx, officer: Actor, client: Client) -> None:
    """E-mails arrive in the inbox; the officer attaches the first to the client's file and answers it
    with the "payment" template (queued in the notices outbox); the others wait, unattached."""
    gateway = Actor.system("mail-gateway")
    received = [
        interactions.receive_email(
            ctx.container.uow(),
            actor=gateway,
            data=interactions.EmailReceived(sender=sender, subject=subject, body=body),
        )
        for sender, subject, body in INBOX
    ]
    first = received[0]
    attached = interactions.attach_interaction(
        ctx.container.uow(),
        actor=officer,
        interaction_id=first.id,
        data=interactions.InteractionAttach(
            person_id=client.person_id, version=first.version, reason_codes=["payment_inquiry"]
        ),
    )
    template = interactions.reply_templates(ctx.container.uow(), actor=officer)[2]  # "About a payment"
    interactions.reply_to_email(
        ctx.container.uow(),
        actor=officer,
        interaction_id=attached.id,
        data=interactions.EmailReply(
            template=template.code,
            body=template.body_en
            + "Your payment went out on the first of the month. It is in your bank now.",
            version=attached.version,
        ),
    )
    ctx.made.add("emails_received", len(received))
    ctx.made.add("emails_answered")
