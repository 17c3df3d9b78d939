"""Emergency drug cards: issued by the officer alone (NL Client Services Officer job profile: "emergency
drug cards" are among what the officer decides with autonomy), listed, cancelled and re-issued.

A card rests on the coverage in force on its first day; without coverage it is refused and nothing is
issued. A card with a value is also an issuance in the ledger (``payments.issue_drug_card_value``), so
the money area's ``drug_card`` authority limit applies to that value.
"""

from __future__ import annotations

import datetime as dt
import uuid

from onestop import audit
from onestop.access import Actor, Permission, require
from onestop.audit import AuditAction
from onestop.common.errors import InvalidInput, InvalidTransition
from onestop.common.ids import new_id
from onestop.common.money import to_cents
from onestop.common.text import clean_text, required_text
from onestop.db import UnitOfWork
from onestop.health import domain, payments, terms
from onestop.health.changes import to_change
from onestop.health.coverage import covering
from onestop.health.domain import CardStatus, Plan
from onestop.health.models import Coverage, DrugCard
from onestop.health.repository import HealthRepository
from onestop.health.schemas import CardCancel, CardIssue, CardPublic, CardReissue
from onestop.registry import merged_record_ids

SUBJECT = "health_drug_card"
_CARDS = audit.Subject.of_row(SUBJECT, CardPublic.of)


def issue_card(uow: UnitOfWork, *, actor: Actor, data: CardIssue) -> CardPublic:
    """Issue an emergency drug card on the person's coverage; refused (422) without coverage."""
    with uow:
        require(uow, actor, Permission.CASE_WRITE, subject_type="person", subject_id=data.person_id)
        reason = required_text(data.reason, "reason")
        start = data.valid_from or uow.clock.today()
        ids, coverage = covering(uow, data.person_id, start, what="an emergency drug card")
        row = _new_card(
            uow, actor, ids[0], coverage, start, data.valid_to, reason, clean_text(data.note), None
        )
        if data.value:
            _value(uow, actor, row, data.value, data.payee_id, ids)
        return _CARDS.saved(
            uow,
            actor,
            AuditAction.DRUG_CARD_ISSUE,
            row,
            after=audit.fields(row, "number", "valid_to", "value_cents"),
        )


def _new_card(
    uow: UnitOfWork,
    actor: Actor,
    person_id: uuid.UUID,
    coverage: Coverage,
    start: dt.date,
    valid_to: dt.date,
    reason: str,
    note: str,
    replaces: DrugCard | None,
) -> DrugCard:
    domain.check_validity(start, valid_to, coverage.end_on)
    card_id = new_id()
    message = domain.pharmacy_message(terms.label(Plan(coverage.plan)), valid_to, coverage.restrictions, note)
    row = DrugCard(
        id=card_id,
        person_id=person_id,
        coverage_id=coverage.id,
        number=domain.card_number(card_id),
        valid_from=start,
        valid_to=valid_to,
        pharmacy_message=message,
        reason=reason,
        status=CardStatus.ISSUED.value,
        replaces_id=replaces.id if replaces else None,
        issued_by=actor.username,
        created_at=uow.clock.now(),
    )
    HealthRepository(uow.session).add(row)
    uow.flush()
    return row


def _value(
    uow: UnitOfWork, actor: Actor, row: DrugCard, value: str, payee_id: uuid.UUID | None, ids: list[uuid.UUID]
) -> None:
    cents = to_cents(value, field="value")
    if cents <= 0:
        raise InvalidInput("value", "must be more than zero (leave it out for a card without a set value)")
    if payee_id is None:
        raise InvalidInput("payee_id", "is required for a card with a value (the pharmacy that redeems it)")
    unit_id = HealthRepository(uow.session).current_unit(ids, row.valid_from)
    if unit_id is None:
        raise InvalidInput("person_id", "belongs to no benefit unit; a card with a value is paid for a unit")
    row.value_cents = cents
    row.issuance_id = payments.issue_drug_card_value(
        uow,
        actor=actor,
        card_id=row.id,
        card_number=row.number,
        unit_id=unit_id,
        payee_id=payee_id,
        value_cents=cents,
        pay_date=row.valid_from,
    )


def cancel_card(uow: UnitOfWork, *, actor: Actor, card_id: uuid.UUID, data: CardCancel) -> CardPublic:
    """Cancel an issued card (and its ledger issuance, if it has a value)."""
    with uow:
        reason = required_text(data.reason, "reason")
        row = _issued(uow, actor, card_id, data.version)
        _close(uow, actor, row, CardStatus.CANCELLED, reason)
        return _CARDS.saved(uow, actor, AuditAction.DRUG_CARD_CANCEL, row, after={"reason": reason})


def reissue_card(uow: UnitOfWork, *, actor: Actor, card_id: uuid.UUID, data: CardReissue) -> CardPublic:
    """Replace a card: a new number on the same coverage; the old card is marked replaced."""
    with uow:
        reason = required_text(data.reason, "reason")
        old = _issued(uow, actor, card_id, data.version)
        start = max(uow.clock.today(), old.valid_from)
        _, coverage = covering(uow, old.person_id, start, what="a re-issued drug card")
        _close(uow, actor, old, CardStatus.REPLACED, reason)
        new = _new_card(
            uow, actor, old.person_id, coverage, start, data.valid_to or old.valid_to, old.reason, "", old
        )
        new.value_cents, new.issuance_id = old.value_cents, old.issuance_id  # the same value, a new number
        new.pharmacy_message = old.pharmacy_message.replace(
            old.valid_to.isoformat(), new.valid_to.isoformat()
        )
        return _CARDS.saved(
            uow,
            actor,
            AuditAction.DRUG_CARD_REISSUE,
            new,
            after={"replaces": old.id, "number": new.number, "reason": reason},
        )


def _issued(uow: UnitOfWork, actor: Actor, card_id: uuid.UUID, version: int | None) -> DrugCard:
    row = to_change(uow, actor, DrugCard, card_id, version, SUBJECT)
    if row.status != CardStatus.ISSUED:
        raise InvalidTransition(f"a card that is {row.status} cannot be changed")
    return row


def _close(uow: UnitOfWork, actor: Actor, row: DrugCard, status: CardStatus, reason: str) -> None:
    row.status, row.cancel_reason = status.value, reason
    row.cancelled_by, row.cancelled_on = actor.username, uow.clock.today()
    if row.issuance_id is not None and status is CardStatus.CANCELLED:
        state = payments.cancel_drug_card_value(uow, actor=actor, issuance_id=row.issuance_id, reason=reason)
        if state != "cancelled":
            row.cancel_reason = f"{reason} (the card's value was already {state} in the ledger: not reversed)"


def list_cards(uow: UnitOfWork, *, actor: Actor, person_id: uuid.UUID) -> list[CardPublic]:
    """A person's cards, newest first."""
    with uow:
        require(uow, actor, Permission.PERSON_READ_HEALTH, subject_type="person", subject_id=person_id)
        rows = HealthRepository(uow.session).for_people(DrugCard, merged_record_ids(uow, person_id))
        return _CARDS.listed(uow, actor, AuditAction.DRUG_CARD_LIST, rows, ("person", person_id))
