"""The notices outbox on both databases: queued with the event, delivered once by its channel."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from onestop import notices, registry
from onestop.bootstrap import Container
from onestop.cases import decisions, tasks
from onestop.cases.decisions import DecisionCreate
from onestop.notices.models import Notice
from onestop.registry.schemas import AddressIn, EmailIn, FlagCreate
from tests.integration.cases.applications.builders import apply, assess, eligible_single, make_unit
from tests.integration.cases.conftest import Team, audit_actions
from tests.integration.cases.factories import SYSTEM

ADDRESS = AddressIn(line1="10 Main St", city="Edmonton", province="AB", postal_code="T5J 0N3")


def _decide(container: Container, team: Team, person: uuid.UUID) -> decisions.DecisionPublic:
    app = apply(container, team.officer.actor, make_unit(container, person)).id
    eligible_single(container, team.officer.actor, person, app)
    assess(container, team.officer.actor, app)
    out = decisions.decide_application(
        container.uow(), actor=team.officer.actor, data=DecisionCreate(application_id=app)
    )
    assert out.decision is not None
    return out.decision


def _rows(container: Container, person: uuid.UUID) -> list[Notice]:
    uow = container.uow()
    with uow:
        rows = uow.session.scalars(select(Notice).where(Notice.person_id == person)).all()
        uow.session.expunge_all()
        return list(rows)


def _send(container: Container, url: str | None) -> notices.SendReport:
    return notices.send_due(container.uow(), actor=SYSTEM, smtp_url=url)


def test_a_decision_queues_its_letter_in_its_own_transaction_and_it_is_e_mailed_once(
    container: Container, team: Team, person: uuid.UUID, smtp: Any
) -> None:
    url, box, _ = smtp
    registry.add_email(
        container.uow(), actor=SYSTEM, person_id=person, data=EmailIn(address="ana@example.org")
    )
    d = _decide(container, team, person)
    [row] = _rows(container, person)
    assert (row.kind, row.status, row.subject_id) == ("decision_eligible", "queued", d.id)
    report = _send(container, url)
    assert report.by_channel["email"] == 1
    assert _send(container, url).total == 0  # nothing left: nothing sent twice
    [msg] = box.messages.values()
    assert msg["Message-ID"] == f"<notice-{row.id}@onestop.invalid>" and msg["To"] == "ana@example.org"
    body = msg.get_body(("plain",)).get_content()
    [pdf] = [part for part in msg.iter_attachments() if part.get_content_type() == "application/pdf"]
    assert pdf.get_content().startswith(b"%PDF")
    assert "$824.00" in body and "each month" in body and "Act" in body
    assert ("notice:send", "ok") in audit_actions(container, row.id)
    listed = notices.list_notices(container.uow(), actor=team.officer.actor, person_id=person)
    assert [n.status for n in listed] == ["sent"]


def test_a_crash_after_sending_sends_the_same_message_id_so_it_arrives_once(
    container: Container, team: Team, person: uuid.UUID, smtp: Any
) -> None:
    url, box, _ = smtp
    registry.add_email(
        container.uow(), actor=SYSTEM, person_id=person, data=EmailIn(address="ana@example.org")
    )
    _decide(container, team, person)
    _send(container, url)
    [row] = _rows(container, person)
    uow = container.uow()
    with uow:  # as if the worker died after the server said 250 and before it marked the notice
        uow.session.execute(
            update(Notice)
            .where(Notice.id == row.id)
            .values(status="sending", sent_at=None, claimed_at=container.clock.now() - dt.timedelta(hours=1))
        )
        uow.commit()
    assert _send(container, url).by_channel["email"] == 1
    assert len(box.messages) == 1 and box.seen[row.message_id] == 2  # the server dropped the repeat


def test_smtp_down_retries_with_backoff_then_delivers(
    container: Container, team: Team, person: uuid.UUID, smtp: Any
) -> None:
    url, box, controller = smtp
    registry.add_email(
        container.uow(), actor=SYSTEM, person_id=person, data=EmailIn(address="ana@example.org")
    )
    _decide(container, team, person)
    controller.stop()
    assert _send(container, url).by_status["failed"] == 1
    [row] = _rows(container, person)
    assert row.status == "failed" and row.attempts == 1 and row.last_error
    assert row.next_attempt_at == container.clock.now() + dt.timedelta(minutes=1)
    failed = notices.list_notices(container.uow(), actor=team.supervisor.actor, trouble=True)
    assert [n.id for n in failed] == [row.id]
    controller.start()
    assert _send(container, url).total == 0  # not due yet
    container.clock.advance(dt.timedelta(minutes=2))  # type: ignore[attr-defined]
    assert _send(container, url).by_channel["email"] == 1
    assert len(box.messages) == 1


def test_no_deliverable_channel_waits_in_the_failure_queue_with_a_task(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    _decide(container, team, person)
    assert _send(container, None).by_status["held"] == 1
    [row] = _rows(container, person)
    assert row.status == "held" and "no mailing address" in (row.last_error or "")
    found = tasks.list_tasks(container.uow(), actor=team.supervisor.actor, person_id=person)
    assert any(t.title == "A letter could not be sent" for t in found.items)


def test_post_goes_to_the_address_at_sending_time_into_the_print_file_and_a_return_stops_mail(
    container: Container, team: Team, person: uuid.UUID, tmp_path: Path
) -> None:
    registry.add_address(container.uow(), actor=SYSTEM, person_id=person, data=ADDRESS)
    _decide(container, team, person)
    assert _send(container, None).by_channel["post"] == 1
    [row] = _rows(container, person)
    assert row.recipient and "10 Main St" in row.recipient
    pdf, csv, count = notices.print_file(
        container.uow(), actor=SYSTEM, day=container.clock.today(), out_dir=tmp_path
    )
    assert count == 1 and pdf.read_bytes().startswith(b"%PDF") and "10 Main St" in csv.read_text()
    notices.mark_returned(container.uow(), actor=team.officer.actor, notice_id=row.id)
    again = notices.resend(container.uow(), actor=team.officer.actor, notice_id=row.id)
    _send(container, None)
    held = notices.get_notice(container.uow(), actor=team.officer.actor, notice_id=again.id)
    assert held.status == "held" and "came back" in (held.last_error or "")
    assert ("notice:returned", "ok") in audit_actions(container, row.id)


def test_a_confidential_address_is_never_printed(container: Container, team: Team, person: uuid.UUID) -> None:
    registry.add_address(container.uow(), actor=SYSTEM, person_id=person, data=ADDRESS)
    registry.set_safety_flag(
        container.uow(),
        actor=SYSTEM,
        person_id=person,
        data=FlagCreate(kind="fleeing_violence_address_confidential"),
    )
    # The flag restricts the file: the officer gives a reason before working on it (issue 10, part 4).
    registry.break_glass(
        container.uow(), actor=team.officer.actor, person_id=person, reason="deciding her application"
    )
    _decide(container, team, person)
    _send(container, None)
    [row] = _rows(container, person)
    assert row.status == "held" and row.recipient is None and "confidential" in (row.last_error or "")


def test_staff_preview_add_a_paragraph_and_print_a_copy(
    container: Container, team: Team, person: uuid.UUID
) -> None:
    _decide(container, team, person)
    [row] = _rows(container, person)
    edited = notices.add_paragraph(
        container.uow(), actor=team.officer.actor, notice_id=row.id, text="Please call me if you move."
    )
    assert "Please call me if you move." in edited.text
    assert notices.notice_pdf(container.uow(), actor=team.officer.actor, notice_id=row.id).startswith(b"%PDF")
