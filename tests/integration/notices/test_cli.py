"""``onestop notices list`` filters as the outbox page does; a bad filter is one line and exit 2."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from onestop import notices, registry
from onestop.bootstrap import Container
from onestop.cli.common import set_container
from onestop.cli.main import app
from onestop.registry.schemas import AddressIn
from tests.integration.cases.factories import SYSTEM, make_person


@pytest.fixture
def cli(container: Container) -> Iterator[CliRunner]:
    set_container(container)
    yield CliRunner()
    set_container(None)


def _queue(container: Container, person: uuid.UUID) -> uuid.UUID:
    with container.uow() as uow:
        row = notices.queue_notice(
            uow,
            person_id=person,
            kind=notices.Kind.REVIEW_DUE,
            params={"program": "Income Support"},
            subject_type="review",
            subject_id=None,
            created_by="tests",
        )
        uow.commit()
        return row.id


def test_list_by_state_and_channel(cli: CliRunner, container: Container) -> None:
    posted, nowhere = make_person(container), make_person(container)
    address = AddressIn(line1="10 Main St", city="Edmonton", province="AB", postal_code="T5J 0N3")
    registry.add_address(container.uow(), actor=SYSTEM, person_id=posted, data=address)
    sent, held = _queue(container, posted), _queue(container, nowhere)
    notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None)
    by_post = cli.invoke(app, ["notices", "list", "--channel", "post"])
    assert by_post.exit_code == 0 and str(sent) in by_post.output and str(held) not in by_post.output
    waiting = cli.invoke(app, ["notices", "list", "--status", "held"])
    assert str(held) in waiting.output and "no mailing address" in waiting.output
    bad = cli.invoke(app, ["notices", "list", "--status", "lost"])
    assert bad.exit_code == 2 and "status" in bad.output and len(bad.output.strip().splitlines()) == 1
