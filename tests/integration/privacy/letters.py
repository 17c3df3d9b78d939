"""A letter sent by post to a person (the notices outbox, as the worker sends it): the start of a
misdirected-letter breach."""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import notices, registry
from onestop.access import Actor
from onestop.bootstrap import Container
from onestop.registry.schemas import AddressIn

SYSTEM = Actor.system("tests")
ADDRESS = AddressIn(line1="10 Main St", city="Edmonton", province="AB", postal_code="T5J 0N3")


def sent_letter(container: Container, person_id: uuid.UUID) -> uuid.UUID:
    """Give the person an address, queue a review letter and send it (by post); its id."""
    registry.add_address(container.uow(), actor=SYSTEM, person_id=person_id, data=ADDRESS)
    uow = container.uow()
    with uow:
        row = notices.queue_notice(
            uow,
            person_id=person_id,
            kind=notices.Kind.REVIEW_DUE,
            params={
                "program": {"en": "Income Support", "fr": "Soutien du revenu"},
                "due_on": notices.date(dt.date(2026, 4, 1)),
                "legal_source": "Income and Employment Supports Act s. 5",
                "office_phone": "1-800-555-0100",
            },
            subject_type="review",
            subject_id=None,
            created_by="tests",
        )
        uow.commit()
        notice_id = row.id
    notices.send_due(container.uow(), actor=SYSTEM, smtp_url=None)
    return notice_id
