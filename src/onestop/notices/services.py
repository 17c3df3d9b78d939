"""Notices use cases: queue (inside the caller's transaction), deliver once, and staff control.

Delivery is at-most-once on our side and deduplicated on the mail side:

1. **Claim.** A worker marks due notices ``sending`` with its name and the time and *commits* before
   anything leaves, so two workers never hold the same notice.
2. **Send.** The e-mail carries ``Message-ID: <notice-{id}@...>``, fixed by the notice id.
3. **Mark.** The notice is marked ``sent`` in a second transaction.

A crash between 2 and 3 leaves the claim. Only after ``CLAIM_TIMEOUT`` is a stale claim taken again,
and then the same Message-ID goes out: the receiving server (and the loopback server in the tests
and the benchmark) drops a Message-ID it has already accepted, so the person gets it once. Portal
and print deliveries are rows in our own database, marked in the same transaction as the claim's
release, so they cannot double.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import uuid
from collections.abc import Sequence
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from sqlalchemy import or_, select

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.enums import parse_enum
from onestop.common.errors import InvalidInput, InvalidTransition, NotFound
from onestop.common.ids import new_id
from onestop.common.text import required_text
from onestop.db import UnitOfWork, json_ready
from onestop.notices import hooks
from onestop.notices.domain import (
    CLAIM_TIMEOUT,
    MAX_ATTEMPTS,
    TROUBLE,
    Channel,
    Kind,
    Status,
    backoff,
    choose_channel,
    message_id,
)
from onestop.notices.letters import Letter, render
from onestop.notices.models import Notice, ReturnedAddress
from onestop.notices.pdf import add_letter, new_print_file, render_pdf
from onestop.notices.schemas import InboxLetter, NoticePublic, SendReport
from onestop.registry import (
    BenefitUnit,
    Person,
    PersonAddress,
    PersonContact,
    SafetyFlag,
    UnitMembership,
    restrictions,
)

SUBJECT = "notice"
#: Safety flags that make every address on file confidential (never printed on a letter).
CONFIDENTIAL_FLAGS = ("fleeing_violence_address_confidential", "confidential_address")


class NoticeNotFound(NotFound):
    """No notice with that id."""


# --- queueing (inside the caller's transaction) ---------------------------------------------------


def queue_notice(
    uow: UnitOfWork,
    *,
    person_id: uuid.UUID,
    kind: Kind,
    params: dict[str, Any],
    subject_type: str,
    subject_id: uuid.UUID | None,
    created_by: str,
) -> Notice:
    """Add a notice to the outbox in the current transaction: it exists only if the event commits."""
    person = uow.session.get(Person, person_id)
    if person is None:
        raise InvalidInput("person_id", f"no person with id {person_id}")
    notice_id = new_id()
    row = Notice(
        id=notice_id,
        created_at=uow.clock.now(),
        person_id=person.merged_into_id or person.id,
        kind=kind.value,
        language=person.language if person.language in ("en", "fr") else "en",
        params=json_ready(params),
        subject_type=subject_type,
        subject_id=subject_id,
        status=Status.QUEUED.value,
        attempts=0,
        next_attempt_at=uow.clock.now(),
        message_id=message_id(notice_id),
        created_by=created_by,
    )
    uow.session.add(row)
    return row


def queue_for_unit(
    uow: UnitOfWork,
    *,
    unit_id: uuid.UUID | None,
    kind: Kind,
    params: dict[str, Any],
    subject_type: str,
    subject_id: uuid.UUID | None,
    created_by: str,
) -> Notice | None:
    """Queue a notice to the unit's applicant (its first current member when none is so named)."""
    if unit_id is None or uow.session.get(BenefitUnit, unit_id) is None:
        return None
    members = uow.session.scalars(
        select(UnitMembership)
        .where(UnitMembership.unit_id == unit_id, UnitMembership.left_on.is_(None))
        .order_by(UnitMembership.created_at)
    ).all()
    if not members:
        return None
    head = next((m for m in members if m.role in ("applicant", "head")), members[0])
    return queue_notice(
        uow,
        person_id=head.person_id,
        kind=kind,
        params=params,
        subject_type=subject_type,
        subject_id=subject_id,
        created_by=created_by,
    )


# --- delivery ---------------------------------------------------------------------------------------


def send_due(
    uow: UnitOfWork,
    *,
    actor: Actor,
    smtp_url: str | None,
    worker: str = "worker",
    limit: int = 500,
    sender: str = "notices@onestop.invalid",
) -> SendReport:
    """Deliver the notices that are due: claim them, send each by its channel, mark the result."""
    claimed = _claim(uow, worker, limit)
    report = SendReport()
    smtp = _Connection(smtp_url)
    try:
        for notice_id in claimed:
            with uow:
                row = uow.session.get(Notice, notice_id)
                assert row is not None
                try:
                    _deliver(uow, row, smtp, sender)
                except (OSError, smtplib.SMTPException) as err:
                    smtp.close()
                    _failed(uow, row, f"{type(err).__name__}: {err}")
                sent = row.status == Status.SENT.value
                audit.record(
                    uow,
                    actor=actor,
                    action=AuditAction.NOTICE_SEND if sent else AuditAction.NOTICE_HOLD,
                    subject_type=SUBJECT,
                    subject_id=row.id,
                    outcome="ok" if sent else "failed",
                    details={
                        "kind": row.kind,
                        "person_id": row.person_id,
                        "channel": row.channel,
                        "status": row.status,
                        "error": row.last_error,
                    },
                )
                uow.commit()
                report.count(row.status, row.channel)
    finally:
        smtp.close()
    return report


class _Connection:
    """One SMTP connection for a pass of the worker, opened at the first e-mail, reopened after an error."""

    def __init__(self, url: str | None) -> None:
        self.url = url
        self._client: smtplib.SMTP | None = None

    def get(self) -> smtplib.SMTP:
        if self._client is None:
            self._client = _connect(self.url)
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            try:
                client.quit()
            except (OSError, smtplib.SMTPException):
                client.close()


def _claim(uow: UnitOfWork, worker: str, limit: int) -> list[uuid.UUID]:
    """Mark due notices ``sending`` and commit before anything leaves (see the module docstring)."""
    with uow:
        now = uow.clock.now()
        due = or_(
            (Notice.status.in_([Status.QUEUED.value, Status.FAILED.value])) & (Notice.next_attempt_at <= now),
            (Notice.status == Status.SENDING.value) & (Notice.claimed_at < now - CLAIM_TIMEOUT),
        )
        query = select(Notice).where(due).order_by(Notice.next_attempt_at).limit(limit)
        rows = uow.session.scalars(query.with_for_update(skip_locked=True)).all()
        for row in rows:
            row.status, row.claimed_at, row.claimed_by = Status.SENDING.value, now, worker
        uow.commit()
        return [row.id for row in rows]


def _deliver(uow: UnitOfWork, row: Notice, smtp: _Connection, sender: str) -> None:
    """Resolve the channel *now* (the address on file at sending time) and deliver."""
    session = uow.session
    email = session.scalars(
        select(PersonContact.value)
        .where(
            PersonContact.person_id == row.person_id,
            PersonContact.kind == "email",
            PersonContact.removed_at.is_(None),
        )
        .order_by(PersonContact.created_at.desc())
    ).first()
    address, why_not = mailing_address(uow, row.person_id)
    portal = hooks.has_portal(session, row.person_id)
    channel, reason = choose_channel(
        row.params.get("_channel"),
        email=email if smtp.url else None,
        portal=portal,
        address=address is not None,
    )
    if channel is None:
        _hold(uow, row, why_not or reason)
        return
    now = uow.clock.now()
    if channel is Channel.EMAIL:
        assert email is not None
        smtp.get().send_message(email_message(row, to=email, sender=sender, at=now))
        row.recipient = email
    elif channel is Channel.POST:
        assert address is not None
        row.recipient, row.address_id = "\n".join(address_lines(address)), address.id
        row.print_batch = now.date().isoformat()
    row.channel, row.status, row.sent_at = channel.value, Status.SENT.value, now
    row.last_error, row.attempts = None, row.attempts + 1


def mailing_address(uow: UnitOfWork, person_id: uuid.UUID) -> tuple[PersonAddress | None, str]:
    """The current address, unless it returned mail or is confidential (then none, and why)."""
    session = uow.session
    address = session.scalars(
        select(PersonAddress)
        .where(PersonAddress.person_id == person_id, PersonAddress.removed_at.is_(None))
        .order_by(PersonAddress.created_at.desc())
    ).first()
    if address is None:
        return None, ""
    returned = session.scalars(
        select(ReturnedAddress.id).where(ReturnedAddress.address_id == address.id)
    ).first()
    if returned is not None:
        return None, "mail came back from the address on file; waiting for a new address"
    flagged = session.scalars(
        select(SafetyFlag.id).where(
            SafetyFlag.person_id == person_id,
            SafetyFlag.kind.in_(CONFIDENTIAL_FLAGS),
            SafetyFlag.removed_at.is_(None),
        )
    ).first()
    if (
        flagged is not None
        or restrictions.address_confidential(uow, person_id)
        or hooks.is_confidential(session, person_id, address.id)
    ):
        return None, "the address is confidential: hold the letter for pickup or use the alternate address"
    return address, ""


def address_lines(address: PersonAddress | None, name: str = "") -> list[str]:
    if address is None:
        return []
    lines = [name] if name else []
    lines += [address.line1, *([address.line2] if address.line2 else [])]
    lines.append(f"{address.city} {address.province}  {address.postal_code}")
    return lines


def email_message(row: Notice, *, to: str, sender: str, at: dt.datetime) -> EmailMessage:
    """The e-mail: plain text, with the Message-ID fixed by the notice id (delivered once)."""
    letter = letter_of(row)
    msg = EmailMessage()
    msg["Message-ID"] = row.message_id
    msg["From"], msg["To"], msg["Subject"] = sender, to, letter.subject
    msg["Date"] = format_datetime(at)
    msg["Content-Language"] = letter.language
    msg.set_content(letter.text())
    pdf = render_pdf(letter, [to], reference=str(row.id)[:8], dated=at.date().isoformat())
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename=f"letter-{str(row.id)[:8]}.pdf")
    return msg


def _view(row: Notice) -> NoticePublic:
    return NoticePublic.of(row, letter_of(row))


#: A notice changed by staff, handed back with its letter.
_NOTICE = audit.Subject.of_row(SUBJECT, _view)


def letter_of(row: Notice) -> Letter:
    return render(Kind(row.kind), row.language, row.params, row.extra_paragraph)


def _hold(uow: UnitOfWork, row: Notice, reason: str) -> None:
    """Nothing can deliver it: keep it in the failure queue with the reason and open a task."""
    first = row.status != Status.HELD.value
    row.status, row.last_error, row.claimed_at = Status.HELD.value, reason, None
    if first:
        hooks.open_task(uow, row.person_id, "A letter could not be sent", reason, row.id)


def _failed(uow: UnitOfWork, row: Notice, error: str) -> None:
    row.attempts += 1
    if row.attempts >= MAX_ATTEMPTS:
        _hold(uow, row, f"gave up after {row.attempts} tries: {error}")
        return
    row.status, row.last_error, row.claimed_at = Status.FAILED.value, error, None
    row.next_attempt_at = uow.clock.now() + backoff(row.attempts)


def _connect(url: str | None) -> smtplib.SMTP:
    """Open the SMTP connection of ``ONESTOP_SMTP_URL`` (smtp://user:pass@host:port, or smtps://)."""
    if not url:
        raise smtplib.SMTPException("ONESTOP_SMTP_URL is not set")
    parts = urlsplit(url)
    host, port = parts.hostname or "localhost", parts.port
    client: smtplib.SMTP
    if parts.scheme == "smtps":
        client = smtplib.SMTP_SSL(host, port or 465, timeout=10)
    else:
        client = smtplib.SMTP(host, port or 25, timeout=10)
        if parts.scheme == "smtp+starttls":
            client.starttls()
    if parts.username:
        client.login(unquote(parts.username), unquote(parts.password or ""))
    return client


# --- print file -----------------------------------------------------------------------------------


def print_file(uow: UnitOfWork, *, actor: Actor, day: dt.date, out_dir: Path) -> tuple[Path, Path, int]:
    """The day's print file for the mailroom (one PDF) and its mailing list (CSV)."""
    import csv

    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        rows = uow.session.scalars(
            select(Notice)
            .where(Notice.print_batch == day.isoformat(), Notice.channel == Channel.POST.value)
            .order_by(Notice.sent_at, Notice.id)
        ).all()
        out_dir.mkdir(parents=True, exist_ok=True)
        pdf_path, csv_path = out_dir / f"print-{day}.pdf", out_dir / f"mailing-list-{day}.csv"
        letters = [
            (letter_of(row), [_name(uow, row.person_id), *(row.recipient or "").splitlines()]) for row in rows
        ]
        pdf = new_print_file(letters)
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["seq", "notice", "kind", "language", "address"])
            for seq, (row, (letter, lines)) in enumerate(zip(rows, letters, strict=True), 1):
                add_letter(pdf, letter, lines, reference=str(row.id)[:8], dated=day.isoformat())
                writer.writerow([seq, row.id, row.kind, row.language, " / ".join(lines)])
        pdf.output(str(pdf_path))
        audit.record(
            uow,
            actor=actor,
            action=AuditAction.NOTICE_PRINT,
            subject_type=SUBJECT,
            subject_id=None,
            details={"day": day, "letters": len(rows)},
        )
        uow.commit()
    return pdf_path, csv_path, len(rows)


def _name(uow: UnitOfWork, person_id: uuid.UUID) -> str:
    person = uow.session.get(Person, person_id)
    if person is None:
        return ""
    return f"{person.preferred_name or person.given_names} {person.family_name}".strip()


# --- staff control --------------------------------------------------------------------------------


def list_notices(
    uow: UnitOfWork,
    *,
    actor: Actor,
    person_id: uuid.UUID | None = None,
    trouble: bool = False,
    status: str | None = None,
    channel: str | None = None,
    limit: int = 200,
) -> list[NoticePublic]:
    """Notices, newest first; ``trouble`` gives the supervisor's failure queue (failed and held)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        query = select(Notice).order_by(Notice.created_at.desc(), Notice.id).limit(limit)
        if person_id is not None:
            query = query.where(Notice.person_id == person_id)
        if trouble:
            query = query.where(Notice.status.in_(TROUBLE))
        if status:
            query = query.where(Notice.status == parse_enum(Status, status, field="status").value)
        if channel:
            query = query.where(Notice.channel == parse_enum(Channel, channel, field="channel").value)
        rows = uow.session.scalars(query).all()
        names = _names(uow, {row.person_id for row in rows})
        return audit.audited_list(
            uow,
            rows,
            lambda row: NoticePublic.of(row, letter_of(row), names.get(row.person_id, "")),
            actor=actor,
            action=AuditAction.NOTICE_LIST,
            subject_type="person" if person_id else SUBJECT,
            subject_id=person_id,
        )


def get_notice(uow: UnitOfWork, *, actor: Actor, notice_id: uuid.UUID) -> NoticePublic:
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=notice_id)
        row = _get(uow, notice_id)
        found = NoticePublic.of(row, letter_of(row), _name(uow, row.person_id))
        return audit.audited_read(
            uow, found, actor=actor, action=AuditAction.NOTICE_READ, subject_type=SUBJECT, subject_id=row.id
        )


def notice_pdf(uow: UnitOfWork, *, actor: Actor, notice_id: uuid.UUID) -> bytes:
    """The letter as PDF (a preview before it goes, or a copy to print)."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=notice_id)
        return _printed(uow, actor, _get(uow, notice_id))


def _printed(uow: UnitOfWork, actor: Actor, row: Notice) -> bytes:
    """The letter as PDF, its printing recorded against it (whoever prints it, staff or client)."""
    data = _pdf(uow, row)
    audit.record(uow, actor=actor, action=AuditAction.NOTICE_PRINT, subject_type=SUBJECT, subject_id=row.id)
    uow.commit()
    return data


def _pdf(uow: UnitOfWork, row: Notice) -> bytes:
    """The letter with the address it went to (or would go to now; none when that is confidential)."""
    name = _name(uow, row.person_id)
    if row.channel == Channel.POST.value and row.recipient:
        lines = [name, *row.recipient.splitlines()]
    else:
        address, _why = mailing_address(uow, row.person_id)
        lines = address_lines(address, name) or [name]
    return render_pdf(
        letter_of(row),
        lines,
        reference=str(row.id)[:8],
        dated=(row.sent_at or uow.clock.now()).date().isoformat(),
    )


def _names(uow: UnitOfWork, person_ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not person_ids:
        return {}
    people = uow.session.scalars(select(Person).where(Person.id.in_(person_ids))).all()
    return {p.id: f"{p.preferred_name or p.given_names} {p.family_name}".strip() for p in people}


def add_paragraph(uow: UnitOfWork, *, actor: Actor, notice_id: uuid.UUID, text: str) -> NoticePublic:
    """An officer's own paragraph, before the letter goes (not after: it would differ from what was sent)."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=notice_id)
        row = _get(uow, notice_id)
        if row.status not in (Status.QUEUED.value, Status.HELD.value, Status.FAILED.value):
            raise InvalidTransition(f"the letter is {row.status}; re-send it to change it")
        row.extra_paragraph = required_text(text, "text", max_len=2000)
        return _NOTICE.saved(uow, actor, AuditAction.NOTICE_EDIT, row)


def resend(
    uow: UnitOfWork, *, actor: Actor, notice_id: uuid.UUID, channel: str | None = None
) -> NoticePublic:
    """Send again: a sent letter is copied (a new Message-ID); a held or failed one is retried now."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=notice_id)
        if channel is not None and channel not in {c.value for c in Channel}:
            raise InvalidInput("channel", f"channel must be one of {', '.join(c.value for c in Channel)}")
        row = _get(uow, notice_id)
        params = dict(row.params) | ({"_channel": channel} if channel else {})
        if row.status == Status.SENT.value:
            copy = queue_notice(
                uow,
                person_id=row.person_id,
                kind=Kind(row.kind),
                params=params,
                subject_type=row.subject_type,
                subject_id=row.subject_id,
                created_by=actor.username,
            )
            copy.extra_paragraph = row.extra_paragraph
            target = copy
        else:
            row.params, row.status = params, Status.QUEUED.value
            row.next_attempt_at, row.attempts = uow.clock.now(), 0
            target = row
        return _NOTICE.saved(
            uow, actor, AuditAction.NOTICE_RESEND, target, details={"from": row.id, "channel": channel}
        )


def mark_returned(uow: UnitOfWork, *, actor: Actor, notice_id: uuid.UUID) -> NoticePublic:
    """A letter came back: no more mail to that address, and a task to find the new one."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type=SUBJECT, subject_id=notice_id)
        row = _get(uow, notice_id)
        if row.channel != Channel.POST.value or row.address_id is None:
            raise InvalidTransition("only a letter sent by post can come back")
        if row.returned_at is None:
            row.returned_at = uow.clock.now()
            uow.session.add(
                ReturnedAddress(
                    id=new_id(),
                    created_at=row.returned_at,
                    person_id=row.person_id,
                    address_id=row.address_id,
                    notice_id=row.id,
                    marked_by=actor.username,
                )
            )
            hooks.open_task(
                uow,
                row.person_id,
                "Mail came back: find the new address",
                f"Letter {str(row.id)[:8]} came back from {row.recipient}",
                row.id,
            )
            audit.record(
                uow,
                actor=actor,
                action=AuditAction.NOTICE_RETURNED,
                subject_type=SUBJECT,
                subject_id=row.id,
                details={"address_id": row.address_id},
            )
        uow.commit()
        return NoticePublic.of(row, letter_of(row))


def inbox(uow: UnitOfWork, *, actor: Actor, people: Sequence[uuid.UUID]) -> list[InboxLetter]:
    """The letters a client reads in their portal account: every delivered letter, any channel.

    ``people`` are the records the client's account reaches (the clients area decides which);
    the portal never names anything else.
    """
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT)
        rows = (
            uow.session.scalars(
                select(Notice)
                .where(Notice.person_id.in_(people), Notice.status == Status.SENT.value)
                .order_by(Notice.sent_at.desc(), Notice.id)
            ).all()
            if people
            else []
        )
        return audit.audited_list(
            uow,
            rows,
            lambda row: InboxLetter.of(row, letter_of(row)),
            actor=actor,
            action=AuditAction.NOTICE_LIST,
            subject_type="person",
            subject_id=people[0] if people else None,
        )


def inbox_letter(
    uow: UnitOfWork, *, actor: Actor, people: Sequence[uuid.UUID], notice_id: uuid.UUID
) -> InboxLetter:
    """One of the client's own letters (marked read the first time); anyone else's: not found."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=notice_id)
        row = _own(uow, people, notice_id)
        if row.read_at is None:
            row.read_at = uow.clock.now()
        found = InboxLetter.of(row, letter_of(row))
        return audit.audited_read(
            uow, found, actor=actor, action=AuditAction.NOTICE_READ, subject_type=SUBJECT, subject_id=row.id
        )


def inbox_pdf(uow: UnitOfWork, *, actor: Actor, people: Sequence[uuid.UUID], notice_id: uuid.UUID) -> bytes:
    """One of the client's own letters as PDF, as it was sent."""
    with uow:
        require(uow, actor, Permission.CASE_READ, subject_type=SUBJECT, subject_id=notice_id)
        return _printed(uow, actor, _own(uow, people, notice_id))


def _own(uow: UnitOfWork, people: Sequence[uuid.UUID], notice_id: uuid.UUID) -> Notice:
    row = uow.session.get(Notice, notice_id)
    if row is None or row.person_id not in people or row.status != Status.SENT.value:
        raise NoticeNotFound("no such letter")
    return row


def _get(uow: UnitOfWork, notice_id: uuid.UUID) -> Notice:
    row = uow.session.get(Notice, notice_id)
    if row is None:
        raise NoticeNotFound(f"no notice with id {notice_id}")
    return row
