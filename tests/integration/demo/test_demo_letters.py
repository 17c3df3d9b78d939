"""The demo's letters (issue 15): delivered by the portal and by post, one held for an officer with a
task, one come back, and letters in the demo portal client's inbox."""

from __future__ import annotations

from sqlalchemy import select

from onestop import notices
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.cases.tasks.models import Task
from onestop.clients import my_letters
from onestop.clients.models import ClientAccount
from onestop.demo import LoadReport
from onestop.demo.portal import CLIENT_EMAIL
from onestop.notices.models import Notice
from tests.integration.demo.test_office import demo  # noqa: F401  (the module's loaded demo)

READER = Actor.system("tests")


def test_the_demo_has_letters_sent_held_and_returned_and_an_inbox(demo: tuple[Container, LoadReport]) -> None:  # noqa: F811
    container, report = demo
    assert report.office["letters_by_post"] > 0 and report.office["letters_by_portal"] >= 1
    assert report.office["letters_held"] >= 1 and report.office["letters_returned"] == 1
    with container.uow() as uow:
        states = dict(
            uow.session.execute(
                select(Notice.status, Notice.id).where(Notice.status.in_(["queued", "sending"]))
            ).all()
        )
        account = uow.session.scalars(select(ClientAccount).where(ClientAccount.email == CLIENT_EMAIL)).one()
        held = uow.session.scalars(select(Notice).where(Notice.status == "held")).all()
        returned = uow.session.scalars(select(Notice).where(Notice.returned_at.is_not(None))).all()
        tasks = set(uow.session.scalars(select(Task.source_id)).all())
        uow.commit()
    assert states == {}  # nothing left waiting: the worker ran
    assert all(n.last_error for n in held) and {n.id for n in held} <= tasks  # each with its reason and task
    assert len(returned) == 1 and returned[0].id in tasks
    inbox = my_letters(container.uow(), account_id=account.id)
    assert any(letter.kind == "documents_requested" for letter in inbox)
    trouble = notices.list_notices(container.uow(), actor=READER, trouble=True)
    assert {n.id for n in trouble} >= {n.id for n in held}
